"""Statistics written as text → the pack's indicator data, when that is exact.

Offices write a statistic to one grammar (docs/statistics-grammar.md), which this
reader follows rather than a list of example sentences, so that a phrasing not seen
before still parses:

    [lead 其中/比如] [period 上半年/1-6月/预计] [subject 全县/我镇] [adverb 累计/共]
    [verb 实现/完成/新增…] NAME [verb 实现/累计完成/达到/为…] FIGURE UNIT [bound 以上/左右]
    {，change | ，share | ，gap | ，rank}…

The words before the name say when, whose and how; they stay text (``before`` or
the previous indicator's separator), so the name is the field a writer wants. The
first clause of each kind fills the indicator's own fields; a second change, or a
clause out of the printing order, goes to ``then`` in order. Statements are chained
by ；，。、 (or ;,. in pasted text). A statement is kept only when
``indicators.phrase_indicator`` prints it back character for character; targets,
plans, other places' figures, one project's figures and 分别 statements stay text.
"""

from __future__ import annotations

import re
from typing import Any

from drafting.model.indicators import (
    DEFAULT_COMPARE,
    DEFAULT_SEPARATOR,
    FALL,
    FigureMismatch,
    FALLS,
    RISE,
    RISES,
    TRENDS,
    Indicator,
    format_number,
    is_placeholder,
    phrase_indicator,
    read_figure,
)

# X.X: a placeholder that says one decimal is wanted; 60. 5: a decimal a PDF's layout split (kept as written)
# and, printed back as written (the indicator's ``as_written``): other placeholders offices type
# (xx · x.x · ×× · ** · ○○ · ____), thousands set off by commas (1,234.5), full-width digits (１２．３)
_TYPED = (r"[xＸｘ×][Xxｘ×Ｘ]*(?:[.．][Xxｘ×Ｘ]+)?|X+[xｘ×Ｘ][Xxｘ×Ｘ]*(?:[.．][Xxｘ×Ｘ]+)?|[*＊]{1,6}|○{1,6}|[_＿]{2,}"
          r"|[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|[０-９]+(?:[．.][０-９]+)?")
_NUMBER = r"X+(?:\.X+)?(?![xｘ×Ｘ])|[0-9]+(?:\. ?[0-9]+)?(?![,０-９][0-9０-９])|" + _TYPED
_UNITS = "|".join(
    sorted(
        "亿元 万元 元 亿美元 万美元 美元 万吨 吨 万亩 亩 万人次 人次 万人 人 万户 户 家 个 项 件 辆 万辆 "
        "万千瓦时 亿千瓦时 万千瓦 公里 万平方米 平方米 标准箱 万标箱 所 座 起 处 公斤 万公斤 张 名 次 % 家次 套 台 "
        "亿斤 万斤 斤 万头 头 公顷 万公顷 万羽 羽 万株 株 "
        "条 宗 笔 批 栋 间 只 万只 场 场次 期 篇 部 支 千米 平方公里 立方米 万立方米 亿立方米 千瓦 兆瓦 "
        "万吨标准煤 吨标准煤 万册 册 ％ ‰ "
        # measure words of the genre not listed above, by kind: power and energy, vehicles and vessels,
        # plants, beds, batches and shifts, cases and persons, days and hours, kinds
        # 常住人口32.6万: 万 or 亿 alone, the counted thing said by the name
        "微克/立方米 毫克/立方米 万 亿 千瓦时 度 兆瓦时 艘 架 架次 车次 辆次 件次 班次 尾 千克 棵 床 批次 户次 人天 个次 例 位 门 口 眼 块 片 轮 种 类 天 小时 元/人 元/亩 元/吨".split(),  # ％: the full-width percent Word documents often carry
        key=len,
        reverse=True,
    )
)
# 1200余人 · 50多家: about so many, said before the unit (kept with it, as written)
# 2万余人次 · 1.2万件: 万 or 亿 may come before any unit, 余 or 多 after it
# 3千亩 · 5百万元: 千 and 百 (and 千万, 百万) are said before a unit as 万 and 亿 are
_UNITS = rf"(?:(?:千万|百万|万|亿|千|百)?(?:余|多)?(?:{_UNITS})|(?:余|多)?(?:{_UNITS}))"
# 累计完成 · 预计实现 · 已完成: an adverb of the verb belongs to the verb, never to the name
# 降至0.5吨标准煤 · 缩短到3天 · 提高到62%: a change said as the level reached is a verb of the value
_TO_VERBS = "(?:下降|降低|减少|提高|提升|增加|增长|上升|攀升|跃升|回升|缩短|缩小|缩减|压缩|扩大|发展|降|增)(?:到|至)"
_TO_VERB = re.compile(f"(?:{_TO_VERBS})了?")
_TO_STEM = re.compile(_TO_VERBS[:-len("(?:到|至)")])
# 达到了 · 完成近 · 达到约: a verb may take 了 and a word of about how much after it
_VERBS = "(?:(?:(?:累计|共计|预计|已经|已)?(?:实现|完成|达到|到达)|(?:预计|累计)达|" + _TO_VERBS + ")了?(?:约|近|超|逾|将近|接近)?)|稳定在|控制在|保持在|在|(?:首次|一举|历史性)?(?:突破|迈上|跨上|跃上|站上|迈过|跨越)|(?:新)?建成|新建|超过|达|仅为|约为|(?:调整|优化|缩小)为|为|是|新增|共有|现有|拥有|实有|有|共计|合计|总计|共|超|逾|近|约"  # 项目共6个
# 扩大“富硒茶”种植面积至1.2万亩: the verb opened the clause, its 至 stands before the figure
_VERBS += "|至|到"
_BOUND = "(?P<{}>以上|以内|以下|左右|大关)?"  # 突破600亿元大关  # 增长6%左右 · 控制在3.5%以内
# 迈上200亿元台阶: a level said as a step climbed, after a value only
_VALUE_BOUND = "(?P<value_bound>以上|以内|以下|左右|大关|台阶)?"
# 有机 · 有效 · 有线 · 有色 · 有害 · 有偿 · 有序 · 有氧: 有 opens a word, it is no verb there
_HAS_WORDS = "[机效线色害偿序氧]"
# verbs that come before the name: 实现地区生产总值…, 新建学校X所, 共发生事故X起; 新签约重点税源企业8家
# has 签约 as its verb, while 签约项目 · 新签约招商项目 name a category of projects, kept whole (RULES)
_VERBS_FIRST = ("(?:实现|完成|达到)了?|共有|拥有|现有|实有|有(?![近超逾约]|" + _HAS_WORDS + ")|新增|新改建|新建改建|新建成|新建|改扩建|改建|扩建|新发展|新上|新开通|开通|开设"
                "|上缴|缴纳|推出|提供|安排|吸纳|带动|打造|新认定|认定|获批|获得|栽植|补植|新栽种|新栽|栽种|新购置|购置|新培育|铺设|硬化|(?:新)?签约(?![^，。；,;、]{0,10}?项目)|签订|签定|新引进|引进|实施|排查|整改|发生|建成(?!区)"
                "|出栏|存栏"  # 出栏生猪3.2万头、牛1200头: the livestock is the name
                "|生产(?!总值|经营|安全|要素|资料|力|性|线|基地|企业|车间|设备|能力|规模|用)"  # 生产水泥11万吨: the product is the name
                "|改造|新开工|开工(?!在建)|培育|发放|争取|开展|组织|举办|召开|落实|梳理|评选出|评选|走访|慰问|受理|办结|调处|化解"
                "|接待|惠及|达成|保障(?![性房])|吸引|解决|盘活|拆除|清理|关停|淘汰|转移(?!就业)|安装|投放|荣获|打击|落户|落地|整治|搬迁|发展(?![到至])|申报通过|验收通过"
                "|查处|救助|培训|创建|申报|上报|谋划|储备|招录|安置|收集|拿出|筹集|拨付|设立|成立|组建")
# a name: words, and quoted words inside it (“党员初心日”暨党员政治生日会 · 梳理“我为群众办实事”清单)
_BLANK = "[xｘ×Ｘ*＊○_＿]+"  # a blank typed for a word a page left out (省**技术产品认定), or for a figure
_QUOTED_NAME = r"“[^“”，。；：！？,;:]{1,15}”"  # 评选出“先进个人”xx人: a quoted word alone is a name
_NAME_CHARS = "[^，。；：！？、“”（）《》\\s\\dX,;:xｘ×Ｘ*＊○_＿]"
# a blank inside a name stands for a word (省**技术产品); before a unit it is the figure (财政收入**万元)
_BLANK_IN_NAME = rf"{_BLANK}(?!{_UNITS}|[.．])(?={_NAME_CHARS})"
# 5G基站 · 4K: digits that are part of a word; PM2.5浓度 · PM10: a code whose figure names what is measured
# 1亿元以上项目 · 20亿级项目: a size class is part of the noun it sorts (RULES: no figure of its own)
_CODED = (rf"\d+[A-Za-z]+|[A-WYZ]{{1,4}}\d+(?:\.\d+)?(?={_NAME_CHARS})"
          rf"|\d+(?:\.\d+)?(?:千万|百万|万|亿)?元?(?:以上|以下|级)(?!的)(?={_NAME_CHARS})")
_NAME_BODY = rf"(?:“[^“”，。；：！？,;:]{{1,15}}”|{_CODED}|{_NAME_CHARS}|{_BLANK_IN_NAME})"
_TRENDS = "|".join(sorted(RISES + FALLS, key=len, reverse=True))  # 增长了29.1% before 增长
# 比增48.2% / 比下降3%: 比 alone is the comparison (with last year, said without naming it); 两年平均增长6.1%
# 按可比价计算，同比增长6.1% · 同比名义增长5.2%: how the change was reckoned, said with the comparison
# 预计增长5-6%: an estimate of the period is said before the change as before the value (RULES count it)
_COMPARE = (r"(?:预计|预测)(?:同比)?(?=增长|下降|增|降)|与[^，。；：、\dX]{1,6}?相比[，,]?|(?:按可比价(?:格)?计算[，,])?(?:同比|环比)(?:[（(]下同[）)])?(?:名义|实际)?|(?:名义|实际|可比|现价)|年均|[两三]年平均|比(?=(?:增长|下降|增|降)(?:\d|X))"
            r"|(?:比|较)(?!重|例|较|率)(?:\d{4}年)?[^，。；：、\dX]{1,6}?")  # 比2019年一季度增长19.3%
_SP = " ?"  # 达到 XX 亿元，增长 XX%: a figure may be set off by spaces (the indicator's ``spaced``)
# 人口密度为每平方公里48人: a rate per unit is said between the verb and the figure
_PER = "每(?:平方公里|平方米|万人|千人|百人|人|户|亩|公顷)"
# 各村集体经济收入均超过10万元: an adverb of the whole (均/都/也/仍) goes with the verb after it
_VERB_ADVERB = "(?:年均|均|都|也|仍然|仍|继续|仅)"  # never 分别: a 分别 statement stays text
_VALUE = re.compile(rf"(?P<verb>(?:{_VERB_ADVERB}(?={_VERBS}))?(?:{_VERBS})?(?:{_PER})?)?{_SP}(?P<value>{_NUMBER}){_SP}(?P<unit>{_UNITS}){_VALUE_BOUND}")
# 三次产业结构调整为12.3:45.6:42.1: a ratio, its first term the value (RULES), the others printed after it
_RATIO_NAME = re.compile("(?:比|比例|结构)$")
_RATIO_VALUE = re.compile(rf"(?P<verb>(?:{_VERBS})?){_SP}(?P<value>{_NUMBER})(?P<ratio>(?:[:：∶](?:[0-9]+(?:\.[0-9]+)?|[Xx×]+(?:\.[Xx×]+)?)){{1,3}})(?![0-9.])")
# 财政总收入由2020年的2.66亿元增加到2022年的4.559亿元 · 城镇化率从45%提高到52.3%: a rise said as the level
# it went from and the level reached; the later figure is the value (RULES), the earlier is ``earlier``
_WHEN_OF = r"(?:(?:\d{2,4}[xｘX*＊]{0,2}|[xｘX*＊]{2,4})年(?:底|末|初)?|“十[一二三四五六七八九]五”(?:初|末|期末)?|[上去]年|年初)的"
_FROM_TO = re.compile(
    rf"(?P<earlier_word>由|从)(?P<earlier_when>{_WHEN_OF})?(?P<earlier>{_NUMBER})(?P<earlier_unit>{_UNITS})"
    rf"(?P<verb>{_TO_VERBS}了?)(?P<value_when>{_WHEN_OF})?(?P<value>{_NUMBER})(?P<unit>{_UNITS}){_VALUE_BOUND}"
)
# 地区生产总值跨越5000亿元，达5600亿元: a level passed, then the level reached, which is the value (RULES);
# the level passed is said as ``earlier`` (its word in ``earlier_word``), the comma and 达 are the verb
_PASSED_THEN_REACHED = re.compile(
    rf"(?P<earlier_word>跨越|突破|迈过|超过)(?P<earlier_when>)(?P<earlier>{_NUMBER})(?P<earlier_unit>{_UNITS})"
    rf"(?P<verb>[，,](?:达到|达))(?P<value_when>)(?P<value>{_NUMBER})(?P<unit>{_UNITS}){_VALUE_BOUND}"
)
_VERB_FIRST = re.compile(
    rf"(?P<verb>{_VERBS_FIRST})(?P<name>{_NAME_BODY}{{2,20}}?|{_QUOTED_NAME}){_SP}(?P<value>{_NUMBER}){_SP}(?P<unit>{_UNITS})"
)
# 走访慰问困难群众860户 · 组织开展…活动40余场次: two verbs said together are one verb
# (tried after one verb: 发放|慰问金… is one verb and a name)
_TWO_VERBS_FIRST = re.compile(
    rf"(?P<verb>(?:{_VERBS_FIRST})(?!有)(?:{_VERBS_FIRST}))(?P<name>{_NAME_BODY}{{2,20}}?|{_QUOTED_NAME}){_SP}(?P<value>{_NUMBER}){_SP}(?P<unit>{_UNITS})"
)
_CHANGE_FIGURE = (
    rf"(?P<trend>{_TRENDS}){_SP}(?P<change>{_NUMBER})"
    # 增长5%—6% · 提高5至6个百分点: a change reached, said as a range (its unit printed as the model does)
    rf"(?:(?P<change_first_sign>%|％)?(?P<change_range>—|–|-|～|~|至|到)(?P<change_to>{_NUMBER}))?{_SP}(?P<change_unit>个百分点|个千分点|倍|{_UNITS})"  # 比上年增加0.4万吨: a change in the value's unit
    + _BOUND.format("change_bound")
)
_CHANGE = re.compile(rf"(?P<compare>{_COMPARE})?" + _CHANGE_FIGURE)
# …同比增长7.6%，增速比一季度提高1.2个百分点: a further change of the same statement may name the rate it
# changes (增速, 增幅) before its comparison; after a statement, that is no new statistic (RULES)
_FURTHER_CHANGE = re.compile(rf"(?P<compare>(?:增速|增幅|降幅|涨幅)(?:{_COMPARE})?|{_COMPARE})?" + _CHANGE_FIGURE)
_FLAT = re.compile(r"(?P<compare>与[^，。；：、\dX]{1,6}?)持平")
# 占全年计划的67% · 占年度计划23% · 完成年度计划22.8% (without 的 only after a plan or target)
_SHARE = re.compile(
    rf"(?P<share_verb>占|完成|为|相当于)(?P<share_of>[^，。；：、\dX ]{{1,12}}?)(?:(?P<share_particle>(?:的|之)?(?:比重|比例|之比)(?:为|达到|达|是)|的)|(?<=计划|目标|任务)|(?<=全[国省市县区州盟旗镇乡])){_SP}(?P<share>{_NUMBER})%"
)
# 领先时间进度3.5个百分点 · 高于全市平均水平1.2个百分点 · 超时序进度XX个百分点
_GAP = re.compile(
    rf"(?P<gap_verb>(?:增速|增幅)?(?:领先于|领先|高于|低于|快于|慢于|超过|超出|超|落后于|落后))(?P<gap_of>[^，。；：、\dX ]{{1,12}}?)"
    rf"{_SP}(?P<gap>{_NUMBER}){_SP}(?P<gap_unit>个百分点)"
)
# 居全市第3位 · 排名全省第5名 · 增幅全市第一 (the rank of the growth rate, said without 位) · 增速居全市第一位
_RANK = re.compile(
    # 在全市排名第3位: 在 as the verb, the place and 排名 as the scope
    r"(?P<rank_verb>(?:增幅|增速)?(?:位居|排名|排在|位列|名列|居|排|列)|增幅|增速|在(?=[^，。；：、\dX考评第]{1,8}?(?:排名|排位|位居|位列|居|排|列)第))"
    # 在全市位居第5位 · 增速全市排名第3: the place said before the verb belongs to the scope
    r"(?P<rank_scope>(?<=在)[^，。；：、\dX考评第]{1,8}?(?:排名|排位|位居|位列|居|排|列)"
    r"|(?<=增幅|增速)[^，。；：、\dX居排第考评]{1,8}?(?:排名|排位|位居|位列)|[^，。；：、\dX居排第]{0,10}?)"
    r"第(?P<rank>\d+|X+|[一二三四五六七八九十]{1,3})(?P<rank_unit>[位名]?)"
)
# …同比增长6.8%，总量居全市第5位，增速居全市第2位: after a statement, the rank of its total (总量) as of its rate
_FURTHER_RANK = re.compile(_RANK.pattern.replace("(?:增幅|增速)?(?:位居", "(?:增幅|增速|总量)?(?:位居", 1))
# What stands before a statistic's name and is not part of it, as offices write it:
# [lead word] [period] [subject] [adverb], each optional, in any order, any number of times
# (其中，… · 比如… · 预计上半年全县… · 1-9月，我镇… · 今年以来，全区累计… · 去年一季度全市…).
# These words stay text (the paragraph's ``before`` or the previous indicator's separator), so
# the name is what a writer wants as the field: 规上工业产值, not 我镇规上工业产值累计.
# 虽然…，但…: conjunctions open the clause, never the name; 这些项目 (taken together) says whose
_LEAD_WORDS = r"比如|例如|特别是|尤其是|其中|同时|此外|另外|这个|这一|从(?=[^，。；：]{2,14}?看[，,])|在(?=[^，。；：]{2,14}?方面[，,])|虽然|尽管|但是|但|而且|并且|这些项目|上述项目"
_PERIODS = (r"“十[一二三四五六七八九]五”|近[一两三四五六七八九十\d]{1,2}年|[一两三四五六七八九十\d]{1,2}年来|近年来|多年来|\d{0,2}[*＊xｘ×X]{1,4}年度?|[春夏秋冬]季|预计|预测|今年以来|今年初|年初|年末|年底|[上本]月末|月末|季末|今年|去年|上年|全年|年内|[上下]半年|前三季度|第?[一二三四1-4]季度|\d{4}年"
            r"|\d{1,2}[-—–~至]\d{1,2}月份?|\d{1,2}月份?|截至(?:目前|\d{1,2}月(?:底|末)?)|目前|当前|现在")
_SUBJECTS = (r"(?:全(?:街道|辖区|[县区市镇乡州盟旗])|[两三四五](?:[县区市镇乡](?![域级内外])|街道))(?:[（(]含[^（）()，。；,;]{1,8}[）)])?|街道(?=[^办党工]{2})|(?:X+|[xｘ×Ｘ*＊○]{1,4})(?:街道|[县区市镇乡村])(?:[（(]含[^（）()，。；,;]{1,8}[）)])?|[我本](?:街道|地区|[县区市镇乡州旗])|辖区内|区域内|境内|辖区|[县区市镇乡]里|我们的|我们"
             # 27家企业… · 89家超千万企业…: so many of whom the figure is said
             r"|\d+[家个户所][^，。；,;\dX]{0,8}?(?:企业|单位|村|社区|乡镇|学校|医院)"
             # xx工业园区总体规划面积为…: a zone named by a blank says whose the figure is, as 全县 does
             r"|[xｘ×Ｘ*＊○]{1,4}[^，。；,;\dXxｘ×Ｘ]{0,6}?(?:工业园区|产业园区|园区|经济开发区|开发区|经开区|高新区)")
_ADVERBS = r"累计|共计|合计|总计|共(?!有)|已经|已|成功(?!率)"  # 成功引进…: how, not what
_NAME_CHAR = re.compile(_NAME_CHARS)
_BLANK_IN_A_NAME = re.compile(_BLANK_IN_NAME)
# 占年度计划的 24.1% is a share, not a name; 比上年增长12.5% is a change whose name came before
_NAME_STOP = re.compile(r"实现|完成|达到|同比(?!增速|增幅)|分别|的$|^[的了]|^(?:比|较|环比|可比|[两三]年平均|增长|下降|提高|上升|回落|降低|减少|增加(?!值))"
                        # a name never ends in a verb or adverb of its value (地区生产总值突破, 投资累计)
                        r"|(?:突破|超过|累计|共计|共|已|预计|约|近|超|逾|达|第|(?<!行|作|认|成)为)$|.已"
                        # 扩大…种植面积至8000亩 · 年产值可达…: 至 and 到 end a verb, 可 and 将 say what may be, never a name's end
                        r"|(?:到|至|可|将|拟|有望|可望)$"
                        # 工业投资占固定资产投资的比重为…: a share's frame, the name is before 占
                        r"|占[^，。；,;]*的"  # 居全市第21位: a rank, no count  # 项目已开工51个: no name before 已
                        # nor starts with words that say when or whose (四季度…, 我们…, 其中…)
                        rf"|^(?:{_LEAD_WORDS}|{_SUBJECTS}|{_ADVERBS}|{_PERIODS})"
                        # a target or plan is no statistic: 目标是地区生产总值增长6.5% · 力争…
                        r"|目标|力争|确保|预期"
                        # other places' figures are not the place's statistics (全国GDP增长5.2%)
                        rf"|^(?:全国|全省)|(?:{'|'.join(t for t in TRENDS if len(t) > 1)}|年均)$"  # …上涨1.8%: a direction
                        # a distance or a location is no statistic of the place (距县城82公里)
                        r"|距|^(?:离|位于)"
                        # one project's or one firm's figure (该项目总建筑面积12万平方米) is no statistic of the place
                        r"|^(?:该|此)"
                        # 占 opens a share, never a name (占地117亩 says what a site takes up)
                        r"|^占(?!道)"  # 占道经营 is a word
                        # a plan (计划实施重点项目120个) or a 把 sentence (把增速提高2个百分点) says what is to be done
                        r"|^计划(?!投资|总投资)|把"
                        # a preposition opens who it is for or how, not what (为服务业工商户购置…补贴X万元)
                        r"|^(?:为|对|向|给|从|按|通过|经过|由|在(?!建|校|岗|册|园|职|库|营|线|读))"  # 在全市考核中… (在建项目 is a name)
                        # a rule, not a figure: 居民每购买一只口罩政府补贴X元
                        r"|[一两每][只个件名户家项次张亩人吨台头]"
                        # a condition or a part, not a figure: 有近三分之一的村集体经济收入不足10万元
                        rf"|^有(?!{_HAS_WORDS})|不足|不到|分之"
                        # a second verb joined on (查处并整改隐患12处) says what was done, not what is counted
                        r"|^(?:并|和|及|与|以及)"
                        # how long a level has held (连续五年稳定在12万吨以上) is no name
                        r"|^(?:增收|减收)$|^连续|^(?:前移|后移|前进|后退|上升|下滑)\d*$|^(?:竣工|投产|开工|完工|建成|落地|开业|投用|运营)+$")  # 竣工投产18个: a count after verbs, no name
# verbs after which a clause's subject (202家规模以上工业企业实现…) stays text; action verbs
# (查处并整改隐患X处) do not start a statistic inside a clause
_OPENING_VERB = re.compile("(?:实现|完成|达到)了?")  # 实现了地区生产总值…: 了 goes with the verb
_VERB_FIRST_WORD = re.compile(_VERBS_FIRST)  # inside a clause, only after an agent (_acts_in_clause)
_NAME_MAX = 20
# a period or a pronoun alone is whose or when, not what: 四季度增长6.3% · 我们增长15.2%
_NOT_A_NAME = re.compile(r"(?:[一二三四]季度|[上下]半年|前三季度|全年|去年|今年|(?:上年|去年)?同期|我们|我市|我县|我区|全[市县区镇乡省])")
# a rate or a share is a statistic by its name alone: 开工率55.4% · 高技术产业投资占比X.X%
_RATE_NAME = re.compile(r"(?:率|占比|比重)$")
# a note in brackets that belongs to the name: 地区生产总值(GDP) · 地区生产总值（GDP）
# who does what a count counts: 各基层党组织…, …机关党员 (an agent before the verb is no part of the name)
_AGENT = re.compile(r"(?:^各|(?:党组织|基层组织|党员|干部|部门|单位|企业|街道|社区|机关|人员|群众|志愿者|乡镇|支部|党委|纪委|窗口"
                    r"|厂|煤矿|矿|公司|合作社|园区|开发区)"  # 两家水泥厂|生产水泥11万吨: the works that made it are no name
                    r"(?:共|累计|已|先后)?$)")
_FOR_WHOM = re.compile(r"(?:先后|共|累计|已)?(?:为|向|给|对|帮助)")
# 25.6亿元（快报数） · XX 亿元(根据实际数据填写): a note on the value, before its change
_VALUE_NOTE = re.compile(r"[（(][^（）()，。；,;]{1,24}[）)]|【[^【】，。；,;]{1,24}】")
_CODED_WORD = re.compile(_CODED)
_QUOTED_WORDS = re.compile(r"“[^“”，。；：！？,;:]{1,15}”")
_NAME_NOTE = re.compile(r"[（(](?:[A-Za-z]{2,8}|含[^（）()，。；,;\d]{1,10})[）)]")
# words inside a clause after which its name may start, when the clause read from its start
# is no statistic: XX区2023年1-3月规模以上工业总产值完成… · 谋划“十五五”重点项目356个
# 汽车、钢铁、机械三大支柱产业总产值…: the kinds listed before 三大… say which, the name is what they make up
_NAME_AFTER = re.compile(r"\d+(?:年|月份|月)|季度|[”」》]|为(?:主|重点|主体)的|、[^、，。；,;\d]{1,6}?(?=[两三四五六七八九十]大)|\d+(?:\.\d+)?[万亿]?元以[上下]|\d+(?:周)?岁以[上下]")  # 60岁以上老人…
# words that make what follows in the sentence a target or a plan, not a figure reached
_TARGET = re.compile(r"力争|确保|目标[是为：:，,]|预期目标|奋斗目标|计划(?=实施|完成|新建|开工|引进|新增|实现|达到)"
                     r"|要(?=确保|实现|完成|达到|力争|把|使|让|突破)|明年|今后|到20\d\d年")
_TARGET_REACH = 6  # the words at a clause's start count too (全年计划实施…, 确保全年…)
_BOUNDARY = "，。；：！？,;:"
_THAT_ONE = re.compile("该(?![县区市镇乡旗])|此(?![外前后时次])")  # 该县 is the place itself
_SENTENCE_ENDS = "。；！？;"
_KEY_ORDER = ("name", "name_note", "aside", "earlier", "earlier_when", "earlier_word", "value", "value_when", "unit", "value_note", "ratio", "verb", "change", "trend", "change_unit", "compare",
              "verb_first", "share", "share_of", "share_verb", "share_particle", "share_first",
              "gap", "gap_of", "gap_verb", "gap_unit", "rank", "rank_scope", "rank_verb", "rank_unit",
              "value_bound", "change_bound", "change_to", "change_range", "change_unit_once", "spaced", "unit_spaced", "space_before_value", "change_spaced", "as_written", "then", "separator", "joint")
# 达到245.6亿元、增长6.2%: 、 joins a value and its change in a report; 完成45.6亿元 ，增长6.2%: a PDF's space about the joint is the joint's, as
# long as every joint of the statement has it (one indicator prints one joint)
_SPACED_JOINT = re.compile("[ \u3000]?[，,、][ \u3000]?")
_JOINERS = "；，。;,、和及"  # between the clauses of a chain (、 in a list: 产值6亿元、增加值1.98亿元)
_WHEREOF = re.compile(r"[；，。;,、](?:其中[，,]?)?|和|及")  # ，其中 税收收入… belongs to the separator
_PREFIX_WORD = re.compile(rf"(?:{_LEAD_WORDS}|{_PERIODS}|{_SUBJECTS}|{_ADVERBS})")
_SCOPE_MAX = 6  # prefix words in a row; more is a sentence, not a statistic's preamble


def _scope_ends(text: str, at: int) -> list[int]:
    """Where the words that say when, whose or how (全县, 预计, 累计) end, one by one from
    ``at``; the last is where the name (or a verb-first clause) can start."""
    ends = []
    while len(ends) < _SCOPE_MAX and (m := _PREFIX_WORD.match(text, at)) and m.end() > at:
        at = m.end()
        ends.append(at)
    return ends


def with_indicators(text: str) -> str | dict[str, Any]:
    """The paragraph as ``{before, indicators, after}`` when it holds statistics; else the text.

    Statistics that do not follow each other directly keep the words between
    them as the earlier one's ``separator``, so a paragraph's every statistic is
    data and the paragraph still prints back exactly."""
    chain: list[dict] = []
    first, end, at = 0, 0, 0
    while True:
        found = _next_chain(text, at)
        if found is None:
            break
        clauses, start, stop = found
        if chain:
            chain[-1]["separator"] = text[end:start]
        else:
            first = start
        chain.extend(clauses)
        end = at = stop
    if not chain:
        return text
    for data in chain:
        if data.get("separator") == DEFAULT_SEPARATOR:
            del data["separator"]
    chain = [{key: data[key] for key in _KEY_ORDER if key in data} for data in chain]
    paragraph: dict[str, Any] = {"before": text[:first], "indicators": chain, "after": text[end:]}
    return {key: value for key, value in paragraph.items() if value != ""}


def recognised_indicators(text: str) -> list[dict]:
    """The statistics of a paragraph that print back exactly (the hook for a statistics sheet)."""
    found = with_indicators(text)
    return [] if isinstance(found, str) else found["indicators"]


def _next_chain(text: str, at: int) -> tuple[list[dict], int, int] | None:
    """The first chain of clauses at or after ``at`` that starts a clause (after a boundary).
    Words that say whose figure it is (全县, 预计, 累计, 202家规模以上工业企业) stay text
    before the name, or before the verb of a verb-first clause."""
    starts = ([at] if at == 0 else []) + [i + 1 for i in range(at, len(text)) if text[i] in _BOUNDARY]
    for boundary in starts:
        while text[boundary:boundary + 1] in (" ", "\u3000"):
            boundary += 1  # ; 开工在建项目…: a space a PDF left after the mark is no part of the name
        if any(m.start() < boundary + _TARGET_REACH for m in _TARGET.finditer(text, _sentence_start(text, boundary), boundary + 2 * _TARGET_REACH)):
            continue  # 力争到2027年，全县地区生产总值突破300亿元: a target, not a figure reached
        if _THAT_ONE.match(text, boundary) or _THAT_ONE.match(text, _sentence_start(text, boundary)):
            continue  # 该企业实现产值…: the figures of one firm or one project (RULES)
        scope = _scope_ends(text, boundary)[::-1]
        if listed := _rank_list_after(text, (*scope, boundary)):
            return listed
        named = _names_in_clause(text, boundary)
        acts = _acts_in_clause(text, scope[0] if scope else boundary)
        for start in dict.fromkeys((*acts, *scope, boundary, *_verbs_in_clause(text, boundary), *named,
                                    *_after_a_verb(text, scope[0] if scope else boundary))):
            chain, end = _chain(text, start)
            if chain and (start not in named or "value" in chain[0]):
                # a name found inside a clause needs its figure (一季度增长… is no name)
                return chain, start, end
    return None


# 位居全国百强县投资潜力第3、新型城镇化质量第4、县域经济基本竞争力第5: ranks in named categories after one
# verb and one scope count one each, named by the category (RULES); the verb and the scope stay text. The
# scope ends at the place (全国, 全省) or at a list it names (全国百强县), never inside a word (全省|县域经济…)
_RANK_LIST_OPENS = re.compile(r"(?:位居|位列|名列|居|列)全(?:国|省|市|州|盟|区)"
                              r"(?:[^、，。；,;：\dX第]{0,6}?(?:百强县|百强市|百强区|十强县|十强|百强|[县市区]))?(?![域级城镇乡])")
_RANK_ITEM = re.compile(rf"(?P<name>{_NAME_CHARS}{{2,12}}?)第(?P<rank>\d+|X+)(?P<rank_unit>[位名]?)")


def _rank_list_after(text: str, starts: tuple[int, ...]) -> tuple[list[dict], int, int] | None:
    """The ranks listed after a rank verb at one of ``starts``: (the chain, where it starts, where it ends)."""
    for start in starts:
        if (opens := _RANK_LIST_OPENS.match(text, start)) and (listed := _rank_list(text, opens.end())):
            return listed[0], opens.end(), listed[1]
    return None


def _rank_list(text: str, at: int) -> tuple[list[dict], int] | None:
    """NAME第N、NAME第N…: two or more, each a category, never an evaluation (综合考核第3 is the
    place's place in an evaluation, RULES) nor a target; the list ends the clause."""
    chain: list[dict] = []
    while (m := _RANK_ITEM.match(text, at)) and not (_EVALUATION.search(m["name"]) or _NAME_STOP.search(m["name"])):
        if chain:
            chain[-1]["separator"] = "、"
        chain.append({"name": m["name"], "rank": int(m["rank"]) if m["rank"].isdigit() else m["rank"], "rank_verb": ""})
        if m["rank_unit"] != "位":
            chain[-1]["rank_unit"] = m["rank_unit"]
        at = m.end()
        if text[at:at + 1] != "、" or not _RANK_ITEM.match(text, at + 1):
            break
        at += 1
    if len(chain) < 2 or text[_past_spaces(text, at):][:1] not in (*_BOUNDARY, ""):
        return None
    if any(phrase_indicator(Indicator.from_data(d)) != f"{d['name']}第{d['rank']}{d.get('rank_unit', '位')}" for d in chain):
        return None
    return chain, at


def _verbs_in_clause(text: str, start: int) -> list[int]:
    """Where a verb that opens a statistic (实现, 完成 …) stands inside the clause from ``start``,
    then where the name after it starts."""
    end = start
    while end < len(text) and text[end] not in _BOUNDARY:
        end += 1
    # 查处并整改隐患X处: a verb joined on to another says what was done, not what is counted;
    # 将完成 · 可实现: what is still to come is no figure reached
    opening = [m for m in _OPENING_VERB.finditer(text, start, end)
               if text[m.start() - 1:m.start()] not in ("并", "和", "及", *_NOT_YET)
               and not _ONE_UNIT.search(text, start, m.start())]
    verbs = [m.start() for m in opening if m.start() > start]
    after_verbs = [m.end() for m in opening]  # 实现地区生产总值(GDP)突破…
    return verbs + after_verbs


_NOT_YET = ("将", "可", "拟", "要")
# 总投资12亿元的光伏产业园项目已完成投资…: a subject described by a figure is one project or one firm
_ONE_UNIT = re.compile(r"[\dXx][^，。；,;\d]{0,5}的")


def _after_a_verb(text: str, at: int) -> list[int]:
    """Where the name starts after a verb that opens the clause, when a verb of the value follows
    the name (全县接待|游客|突破100万人次): the opening verb stays text, as 实现 and 完成 do."""
    verb = _VERB_FIRST_WORD.match(text, at)
    return [verb.end()] if verb else []


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(end, 0, at) for end in _SENTENCE_ENDS) + 1


def _acts_in_clause(text: str, start: int) -> list[int]:
    """Where a verb stands after who did it (各基层党组织|落实“第一议题”学习3154次 ·
    组织街道机关党员|开展…活动10场): the agent is text, the statistic is what was done."""
    end = start
    while end < len(text) and text[end] not in _BOUNDARY:
        end += 1
    return [m.start() for m in _VERB_FIRST_WORD.finditer(text, start, end)
            if m.start() > start and _AGENT.search(text, start, m.start())
            and not _FOR_WHOM.match(text, start)]  # 为X名困难群众发放…: those it was done for are no agent


def _names_in_clause(text: str, start: int) -> list[int]:
    """Where a name may start inside the clause from ``start``: after a period, a closing
    quote or a size (XX区2023年1-3月规模以上…, 谋划“十五五”重点项目…, 50万元以上项目…)."""
    end = start
    while end < len(text) and text[end] not in _BOUNDARY:
        end += 1
    return [m.end() for m in _NAME_AFTER.finditer(text, start, end) if start < m.end() < end]


def _chain(text: str, start: int) -> tuple[list[dict], int]:
    """Clauses that follow each other joined by ；，。、 (or ;,. in pasted text). A figure
    without a verb (合同金额42500万元, 增加值1.98亿元) counts inside a list of figures:
    after another clause, or when another follows it, or as a whole sentence of its own with a
    known figure (国土面积561.38平方公里。 — not 拉动居民消费X万元。 in a template's wording)."""
    chain: list[dict] = []
    end = start
    clause = _clause(text, start)
    if clause is None and (listed := _clause(text, start, listed=True)) is not None:
        mark = _past_spaces(text, listed[1])  # 水果总产1506吨 。: a PDF's space before the mark
        whole = text[mark:mark + 1] in ("", *_SENTENCE_ENDS) and not _unknown(listed[0].get("value"))
        # 规上工业企业36家（其中高新技术企业12家）: a part in brackets follows it as another clause would
        follows = _next_clause(text, listed[1], listed[0]["name"]) is not None or (
            _A_PART_FOLLOWS.match(text, listed[1]) is not None and not _unknown(listed[0].get("value")))
        clause = listed if whole or _continued(text, listed[1]) or follows else None
    while clause is not None:
        data, end = clause
        chain.append(data)
        clause = _next_clause(text, end, data["name"])
        if clause is not None:
            separator, clause = clause
            data["separator"] = separator
    return chain, end


# 这些项目总投资5.8亿元，其中投资超亿元的2个: a part said after it shows the figure is a whole's
_A_PART_FOLLOWS = re.compile("[，,]其中")


def _and_another(text: str, at: int) -> bool:
    """实现营业收入12亿元和利税1.2亿元: 和 (及) joins a second figure with a name of its own after one verb."""
    return text[at:at + 1] in ("和", "及") and _clause(text, at + 1, listed=True) is not None


def _past_spaces(text: str, at: int) -> int:
    while text[at:at + 1] in (" ", "\u3000"):
        at += 1
    return at


def _next_clause(text: str, end: int, name: str = "") -> tuple[str, tuple[dict, int]] | None:
    """The separator and the clause after it, when one follows the clause ending at ``end``
    (the clause of ``name``): a part in brackets (（其中上市公司5家）), or one after a joiner."""
    if part := _part_in_brackets(text, end, name):
        return _PART_OPENS.match(text, end).group(), part
    closed = end + 1 if text[end:end + 1] in _PART_CLOSES else end  # …（其中上市公司5家），…
    if closed >= len(text) or text[closed] not in _JOINERS:
        return None
    separator = text[end:closed] + _WHEREOF.match(text, closed).group()
    at = end + len(separator)
    scope = _scope_ends(text, at)[::-1]
    acts = _acts_in_clause(text, scope[0] if scope else at)
    for start in dict.fromkeys((*acts, *scope, at)):
        clause = _clause(text, start, listed=True)
        if clause is not None:
            return separator + text[at:start], clause
    return None


# 规上工业企业227家（其中上市公司5家）: a part that names a noun of its own is a statistic of its own;
# （其中新增5家） or a part of the same name (其中工业企业 in 规上工业企业) stays the value's note (RULES)
_PART_OPENS = re.compile(r"[（(]其中")
_PART_CLOSES = "）)"


def _part_in_brackets(text: str, at: int, name: str) -> tuple[dict, int] | None:
    """The statistic in brackets after the figure of ``name`` at ``at``, when it names another noun."""
    if not name or (opens := _PART_OPENS.match(text, at)) is None:
        return None
    part = _clause(text, opens.end(), listed=True, closing=True)
    if part is None or text[part[1]:part[1] + 1] not in _PART_CLOSES:
        return None
    return None if part[0]["name"] in name or name in part[0]["name"] else part


def _clause(text: str, start: int, listed: bool = False, closing: bool = False) -> tuple[dict, int] | None:
    """One indicator starting at ``start`` and where it ends, if it prints back exactly
    (``listed``: in a list of figures, where a name and a figure alone are a statistic;
    ``closing``: inside brackets, which close after it)."""
    heads = [_verb_first(text, start), *_named_heads(text, start), _aside_head(text, start)]
    for head in heads:
        if head is None:
            continue
        data, at = head
        if "value" in data and (note := _VALUE_NOTE.match(text, at)) and not _part_in_brackets(text, at, data["name"]):
            data["value_note"], at = note.group(), note.end()
        data, at = _tails(text, data, at)
        if (at < len(text) and text[_past_spaces(text, at):][:1] not in (*(_BOUNDARY + "（(、"), "", *(_PART_CLOSES if closing else ""))
                and not _and_another(text, at)):
            continue  # 完成投资X万元的……: the figure qualifies a noun, it is not a statistic (a note in brackets may follow)
        if (data.get("verb") == "" and not any(key in data for key in ("change", "trend", "share", "gap", "rank"))
                and not listed and not _a_rate(data)):
            continue  # 拉动居民消费X万元: without a verb, only 名称+数值，增长… reads as a statistic
        if data.get("unit") in _DURATIONS and not _DURATION_NAME.search(data["name"]):
            continue  # 组织干部培训3天: how long something lasted; 优良天数320天 is counted
        data = _as_written(data)
        if len(data) == 1 or not _prints_back(data, text[start:at]):
            continue
        if not data.get("as_written") and any(_read_back(data, key) != data[key] for key in _FIGURES if isinstance(data.get(key), str)):
            continue  # a figure the YAML would give back otherwise (05 as 5): the clause stays text
        return data, at
    return None


def _prints_back(data: dict, clause: str) -> bool:
    """Whether the clause prints back exactly; spaces in it are the figures' spaces
    (达到 XX 亿元) or a space before the unit alone (20359 万元)."""
    if phrase_indicator(Indicator.from_data(data)) == clause:
        return True  # 地区生产总值24. 3亿元: the only space is inside a figure a PDF split, kept as written
    if " " not in clause:
        return False
    for spacing in _SPACINGS:
        data.update(spacing)
        if phrase_indicator(Indicator.from_data(data)) == clause:
            return True
        for key in spacing:
            del data[key]
    return False


# a PDF sets figures off by spaces unevenly: every figure, the value's unit alone, the change alone,
# the value's unit and the change, the value but not the change, or only the space before the value
_SPACINGS = ({"spaced": True}, {"unit_spaced": True}, {"change_spaced": True},
             {"unit_spaced": True, "change_spaced": True}, {"spaced": True, "change_spaced": False},
             {"space_before_value": True}, {"space_before_value": True, "change_spaced": True})


def _a_rate(data: dict) -> bool:
    """开工率55.4%: a rate with its figure is a statistic without a verb. A rate left as
    X% in a template stays text (the seed's 恢复营业率X% is written so)."""
    return data.get("unit") in ("%", "％", "‰") and bool(_RATE_NAME.search(data["name"])) and not _unknown(data["value"])


def _verb_first(text: str, start: int) -> tuple[dict, int] | None:
    for pattern in (_VERB_FIRST, _TWO_VERBS_FIRST):
        m = pattern.match(text, start)
        # 组织落实…: a name never opens with a verb (组织开展“…”活动21场 is read with both verbs)
        if m is not None and not _NAME_STOP.search(m["name"]) and not _opens_with_a_verb(m["name"]):
            break
    else:
        return None
    data = {"name": m["name"], "value": _number(m["value"]), "unit": m["unit"], "verb_first": True}
    if (noted := _NAME_NOTE.search(m["name"])) and noted.end() == len(m["name"]):
        data["name"], data["name_note"] = m["name"][:noted.start()], noted.group()  # 共有规上企业(含托管企业)46家
    if m["verb"] != "实现":
        data["verb"] = m["verb"]
    return data, m.end()


def _named_heads(text: str, start: int):
    """name + (value | change | flat | share | rank), shortest name first."""
    # 出栏生猪3.2万头、牛1200头、羊8600只: in a list after 、 one character names a thing counted
    shortest = 1 if text[start - 1:start] == "、" else 2
    for end in _name_ends(text, start):
        if end - start < shortest or _NAME_STOP.search(text[start:end]) or _NOT_A_NAME.fullmatch(text[start:end]):
            continue
        if end - start == 1 and not ((bare := _VALUE.match(text, end)) and bare["verb"] == ""):
            continue  # a name of one character only right before its figure
        name = text[start:end]
        if (verb := _VERB_FIRST_WORD.match(name)) and (_not_a_name_after(name[verb.end():]) or _opens_with_a_verb(name)):
            continue  # 争取“十四五”重大项目 · 组织开展…活动: a verb, read before the name (开工在建项目 is a name)
        noted = _NAME_NOTE.search(name)
        head = {"name": name} if noted is None or noted.end() < len(name) else {
            "name": name[:noted.start()], "name_note": noted.group()}
        if rise := _FROM_TO.match(text, end) or _PASSED_THEN_REACHED.match(text, end):
            if data := _from_to(head, rise):
                yield data, rise.end()
        elif value := _VALUE.match(text, end):
            data: dict[str, Any] = {**head, "value": _number(value["value"]), "unit": value["unit"]}
            if value["value_bound"]:
                data["value_bound"] = value["value_bound"]
            data["verb"] = value["verb"] or ""
            if _TO_VERB.fullmatch(data["verb"]) and _unknown(data["value"]):
                continue  # 占比提高到X%: a level to reach, left open in a template, is a goal, not a figure
            if data["verb"] in ("至", "到") and _TO_STEM.match(name):
                continue  # 扩大|“富硒茶”种植面积|至…: the verb and its 至 stay around the name, never in it
            if data["verb"] == "实现":
                del data["verb"]
            yield data, value.end()
        elif ratio := _RATIO_VALUE.match(text, end):
            data = {**head, "value": _number(ratio["value"]), "unit": "", "ratio": ratio["ratio"], "verb": ratio["verb"]}
            if data["verb"] in ("", "实现") or not _RATIO_NAME.search(name):
                continue  # 会议时间为9:30: a ratio is stated of a ratio (…结构, …比) by a verb (为, 调整为)
            yield data, ratio.end()
        elif change := _CHANGE.match(text, end):
            yield _with_change(dict(head), change), change.end()
        elif flat := _FLAT.match(text, end):
            yield _with_flat(dict(head), flat), flat.end()
        elif share := _SHARE.match(text, end):
            yield _with_share(dict(head), share), share.end()
        elif (rank := _RANK.match(text, end)) and not _EVALUATION.search(name):
            yield _with_rank(dict(head), rank), rank.end()


def _from_to(head: dict, m: re.Match) -> dict | None:
    """NAME 由[when的]EARLIER 增加到[when的]VALUE: the later figure is the statistic's value. Both
    figures are said in one unit (由9800万元增加到1.2亿元 stays text), and a level left open (提高到X%)
    is a goal, no figure reached."""
    if m["earlier_unit"] != m["unit"] or _unknown(_number(m["value"])):
        return None
    data: dict[str, Any] = {**head, "earlier": _number(m["earlier"]), "value": _number(m["value"]),
                            "unit": m["unit"], "verb": m["verb"]}
    for key in ("earlier_when", "value_when", "value_bound"):
        if m[key]:
            data[key] = m[key]
    if m["earlier_word"] != "由":
        data["earlier_word"] = m["earlier_word"]
    return data


# 地区生产总值实现较快增长，完成45.6亿元: what a clause says of a statistic before its figure, said in
# words of how it went (实现较快增长 · 稳中有升 · 持续发力 · 下降较多); the figure follows in the next
# clause after a verb with no name of its own, so it is stated of the noun before these words
_ASIDE_OPENS = re.compile("实现|保持|持续|稳中|稳步|稳定|平稳|快速|较快|高速|增长|下降|回升|回落|企稳|总体|整体|明显|大幅|逐步"
                          "|不断|继续|有所|略有|小幅|呈|止跌|好于|提速|加快|放缓|承压|向好|恢复|运行|增势|势头|态势|再创|创")
_ASIDE = re.compile(r"[^，。；：！？,;:\dX]{2,14}?[，,]")
_ASIDE_VERB = re.compile(rf"(?P<verb>(?:{_ADVERBS})?(?:实现|完成|达到|达)了?){_SP}(?P<value>{_NUMBER}){_SP}(?P<unit>{_UNITS})"
                         + _VALUE_BOUND)
_ASIDE_SCOPE = re.compile(rf"(?:{_PERIODS}|{_ADVERBS})")
# 从固定资产投资看， · 地区生产总值方面， · 地区生产总值：: the name set out before its figures
_ASIDE_WRAP = re.compile("(?:看|方面)[，,]|[：:]")
_NOT_AN_ASIDE_NAME = re.compile("总体|整体|全局|长远|趋势|结构|质量|效益|主要指标|主要经济指标|经济指标|指标")
_A_YEAR = re.compile(r"[\d*＊xｘ×X]年")
_MANNER = re.compile("[的以每]")  # 税收每年以近百万元的速度增长: how it went, no name


def _aside_head(text: str, start: int) -> tuple[dict, int] | None:
    """NAME how-it-went，[when] VERB FIGURE — or 从NAME看，· NAME方面，· NAME： before it — and
    NAME how-it-went，同比增长X% (a change said with its comparison). 规上工业运行平稳，完成产值… is no
    such statement: a clause whose verb has its own name is read as that name's statistic."""
    for end in _name_ends(text, start):
        opens = _ASIDE_OPENS.match(text, end)
        if end - start < 2 or not (opens or _ASIDE_WRAP.match(text, end)):
            continue
        name = text[start:end]
        aside = (_ASIDE if opens else _ASIDE_WRAP).match(text, end)
        if (aside is None or _NAME_STOP.search(name) or _NOT_A_NAME.fullmatch(name) or _VERB_FIRST_WORD.match(name)
                or _MANNER.search(name) or _NOT_AN_ASIDE_NAME.fullmatch(name) or _TARGET.search(aside.group())):
            return None
        at = aside.end()
        while (scope := _ASIDE_SCOPE.match(text, at)) and scope.end() > at:
            if _A_YEAR.search(scope.group()):
                return None  # 税收每年…增长，**年完成133万元: a figure of one year is a statement of its own
            at = scope.end()
        if value := _ASIDE_VERB.match(text, at):
            data = {"name": name, "aside": text[end:value.start()], "value": _number(value["value"]),
                    "unit": value["unit"]}
            if value["value_bound"]:
                data["value_bound"] = value["value_bound"]
            if value["verb"] != "实现":
                data["verb"] = value["verb"]
            return data, value.end()
        if (change := _CHANGE.match(text, at)) and change["compare"]:
            return _with_change({"name": name, "aside": text[end:at]}, change), change.end()
        return None
    return None


def _continued(text: str, end: int) -> bool:
    """新登记市场主体3256户，累计达到4.5万户 · 工业供地1824亩、近两年超过3800亩: the next clause says
    more of the same name, with a verb and a figure and no name of its own."""
    if text[end:end + 1] not in ("，", ",", "、"):
        return False
    at = end + 1
    while (scope := _ASIDE_SCOPE.match(text, at)) and scope.end() > at:
        at = scope.end()
    return _ASIDE_VERB.match(text, at) is not None or _PASSED.match(text, at) is not None


# 近两年超过3800亩: a level passed, said of the same name
_PASSED = re.compile(rf"(?:超过|突破|超|逾){_SP}(?:{_NUMBER}){_SP}(?:{_UNITS})")


def _opens_with_a_verb(name: str) -> bool:
    """慰问困难群众: a verb, not a name's first word; 慰问金 · 开工率: a noun made with the verb."""
    verb = _VERB_FIRST_WORD.match(name)
    return (verb is not None and name[verb.end():verb.end() + 1] not in _NOUN_ENDINGS
            and not _MEASURE_NOUN.fullmatch(name[verb.end():]))


# 受理量 · 培训人次 · 接待人数: a verb and the measure of it make one noun
_MEASURE_NOUN = re.compile("量|总量|数量|人次|人数|户数|次数|件数|总数|数|额|金额|规模")


# 综合考核在全市考核中排名第3位: the place's place in an evaluation, no indicator's rank (RULES)
_EVALUATION = re.compile("考核|考评|评比|测评|评价|评估")
_DURATIONS = ("天", "小时")
_DURATION_NAME = re.compile("天数|日数|时数|时长|时间")
_NOUN_ENDINGS = tuple("金款费率品点站班会室")  # 培训班 · 招聘会 · 调解室: a noun, though 培训 is a verb


def _not_a_name_after(rest: str) -> bool:
    """Whether the words after a verb that opens a would-be name show it is a verb: another
    verb follows (组织|开展…) or words that are never a name's start (争取|“十四五”…)."""
    if not rest:
        return True  # the verb alone (新增12家) names nothing
    return bool(_VERB_FIRST_WORD.match(rest) or _NAME_STOP.search(rest)) and not _RATE_NAME.search(rest)


def _name_ends(text: str, start: int):
    """Where a name from ``start`` may end: after each name character, and after a note
    in brackets (地区生产总值(GDP)) that follows one."""
    end = start
    limit = min(start + _NAME_MAX, len(text))
    while end < limit:
        if coded := _CODED_WORD.match(text, end):
            end = coded.end()  # PM2.5 as one word, never PM|2.5
        elif _NAME_CHAR.match(text, end):
            end += 1
        elif end > start and (note := _NAME_NOTE.match(text, end)):
            end = note.end()
        elif end > start and (blank := _BLANK_IN_A_NAME.match(text, end)):
            end = blank.end()
        elif quoted := _QUOTED_WORDS.match(text, end):
            end = quoted.end()
        else:
            return
        yield end


def _tails(text: str, data: dict, at: int) -> tuple[dict, int]:
    """The clauses after the head, each after a comma: change (or 持平), share, gap, rank.

    The first of each kind fills the indicator's own fields when it comes in the order
    those print (change and share either way round, ``share_first``; then the gap; the rank
    last); any other — a second change (比一季度回落0.6个百分点, 两年平均增长6.1%), a gap
    before a change — and every clause after it goes to ``then`` in the order written."""
    readers = {
        "change": (_FURTHER_CHANGE, _with_change), "flat": (_FLAT, _with_flat), "share": (_SHARE, _with_share),
        "gap": (_GAP, _with_gap), "rank": (_FURTHER_RANK, _with_rank),
    }
    done = {kind for kind, keys in (("change", ("change", "trend")), ("share", ("share",)), ("rank", ("rank",)))
            if any(key in data for key in keys)}
    then: list[dict] = []
    first_joint = None
    while (joint := _SPACED_JOINT.match(text, at)) and joint.group() == (first_joint or joint.group()):
        for kind, (pattern, add) in readers.items():
            m = pattern.match(text, joint.end())
            if m is not None:
                break
        else:
            break
        first_joint = joint.group()
        if first_joint != "，":
            data["joint"] = first_joint
        kind = "change" if kind == "flat" else kind
        if then or kind in done:
            then.append(add({}, m))
        else:
            add(data, m)
            # 占…的比重为38.6%，比上年提高2.4个百分点: the share said first, in the head or a clause
            if (kind == "share" and "change" not in done) or (kind == "change" and "share" in data):
                data["share_first"] = True
            # the gap after change and share, the rank last: what follows is said in that order
            done |= ({"change", "share", "gap", "rank"} if kind == "rank" else {"change", "share", "gap"}
                     if kind == "gap" else {kind})
        at = m.end()
    if "change" not in data and "trend" not in data:
        data.pop("share_first", None)  # a share with no change after it is simply a share
    if then:
        data["then"] = then
    return data, at


def _with_change(data: dict, m: re.Match) -> dict:
    if m["change_bound"]:
        data["change_bound"] = m["change_bound"]
    change = _number(m["change"])
    word = m["trend"]
    falls = word in FALLS
    if m["change_to"]:
        upper = _number(m["change_to"])
        data["change_to"] = -upper if falls and isinstance(upper, (int, float)) else upper
        if m["change_range"] != "—":
            data["change_range"] = m["change_range"]
        if m["change_unit"] in ("%", "％") and not m["change_first_sign"]:
            data["change_unit_once"] = True  # 增长5-6%: the % said once, after the second figure
    if isinstance(change, (int, float)):
        data["change"] = -change if falls else change
        if word not in (RISE, FALL):
            data["trend"] = word
    else:
        data["change"], data["trend"] = change, word
    if m["change_unit"] != "%":
        data["change_unit"] = m["change_unit"]
    compare = m["compare"] or ""
    if compare != DEFAULT_COMPARE:
        data["compare"] = compare
    return data


def _with_flat(data: dict, m: re.Match) -> dict:
    data["trend"] = "持平"
    if m["compare"] != "与上年同期":
        data["compare"] = m["compare"]
    return data


def _with_share(data: dict, m: re.Match) -> dict:
    data["share"] = _number(m["share"])
    data["share_of"] = m["share_of"]
    if m["share_verb"] != "占":
        data["share_verb"] = m["share_verb"]
    if m["share_particle"] is None:  # 占年度计划23%
        data["share_particle"] = ""
    elif m["share_particle"] != "的":  # 占全县工业总产值之比达到78% · 占GDP的比重为38%
        data["share_particle"] = m["share_particle"]
    return data


def _with_gap(data: dict, m: re.Match) -> dict:
    data["gap"] = _number(m["gap"])
    data["gap_of"] = m["gap_of"]
    if m["gap_verb"] != "高于":
        data["gap_verb"] = m["gap_verb"]
    return data


def _with_rank(data: dict, m: re.Match) -> dict:
    data["rank"] = int(m["rank"]) if m["rank"].isdigit() else m["rank"]
    data["rank_scope"] = m["rank_scope"]
    if m["rank_verb"] != "居":
        data["rank_verb"] = m["rank_verb"]
    if m["rank_unit"] != "位":
        data["rank_unit"] = m["rank_unit"]
    return data


_FIGURES = ("value", "earlier", "change", "share", "gap", "rank")


def _read_back(data: dict, key: str) -> Any:
    """The figure as the YAML loader reads it back (what build will print)."""
    unit = {"value": data.get("unit", ""), "earlier": data.get("unit", ""), "change": data.get("change_unit", "%")}.get(key, "")
    try:
        return read_figure(data[key], unit)
    except FigureMismatch:
        return None


def _as_written(data: dict) -> dict:
    """Marks an indicator whose figures the pack must print as typed (1,234 · xx), which
    the YAML would otherwise read as the number or the X meant."""
    clauses = [data, *data.get("then", ())]
    if any(isinstance(c.get(key), str) and _TYPED_FIGURE.fullmatch(c[key]) for c in clauses for key in ("value", "earlier", "change")):
        data["as_written"] = True
    return data


_TYPED_FIGURE = re.compile(_TYPED)


def _unknown(figure: Any) -> bool:
    """X, XX, xx, ××, **, ○○, ____: a figure not filled in yet, however the office typed it."""
    text = str(figure)
    return is_placeholder(text) or (_TYPED_FIGURE.fullmatch(text) is not None and not re.search(r"[0-9０-９]", text))


def _number(text: str) -> int | float | str:
    """A number the pack prints back the same way, else the text as written (X, 12.30)."""
    if is_placeholder(text) or " " in text or _TYPED_FIGURE.fullmatch(text):
        return text  # X, or 60. 5 as a PDF's layout split it: printed back as written
    number = float(text) if "." in text else int(text)
    return number if format_number(number) == text else text

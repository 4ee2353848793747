"""The words of the genre a statistic is written in: figures, units, verbs, trends, comparisons,
and the words before a name that say when, whose and how.

Kept apart from the grammar that uses them, so that a word an office writes and the reader
does not know yet is added in one place (docs/statistics-grammar.md lists them for writers).
"""

from __future__ import annotations

import re

from drafting.model.indicators import FALLS, RISES

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

# words that make what follows in the sentence a target or a plan, not a figure reached
_TARGET = re.compile(r"力争|确保|目标[是为：:，,]|预期目标|奋斗目标|计划(?=实施|完成|新建|开工|引进|新增|实现|达到)"
                     r"|要(?=确保|实现|完成|达到|力争|把|使|让|突破)|明年|今后|到20\d\d年")
_TARGET_REACH = 6  # the words at a clause's start count too (全年计划实施…, 确保全年…)
_BOUNDARY = "，。；：！？,;:"

_SENTENCE_ENDS = "。；！？;"

# 综合考核在全市考核中排名第3位: the place's place in an evaluation, no indicator's rank (RULES)
_EVALUATION = re.compile("考核|考评|评比|测评|评价|评估")

"""Where a statistic's name starts and where it ends.

The name is the field a writer wants (规上工业产值, not 我镇规上工业产值累计), so the words
around it — when, whose, how, who did it, the verb that opens the clause — are found here
and left as text; what may never be a name (a target, another place, one project) stops it.
"""

from __future__ import annotations

import re

from drafting.model.indicators import TRENDS

from .vocabulary import (
    _ADVERBS,
    _BOUNDARY,
    _HAS_WORDS,
    _LEAD_WORDS,
    _PERIODS,
    _SENTENCE_ENDS,
    _SUBJECTS,
    _UNITS,
    _VERBS_FIRST,
)

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
# who does what a count counts: 各基层党组织…, …机关党员 (an agent before the verb is no part of the name)
_AGENT = re.compile(r"(?:^各|(?:党组织|基层组织|党员|干部|部门|单位|企业|街道|社区|机关|人员|群众|志愿者|乡镇|支部|党委|纪委|窗口"
                    r"|厂|煤矿|矿|公司|合作社|园区|开发区)"  # 两家水泥厂|生产水泥11万吨: the works that made it are no name
                    r"(?:共|累计|已|先后)?$)")
_FOR_WHOM = re.compile(r"(?:先后|共|累计|已)?(?:为|向|给|对|帮助)")

_CODED_WORD = re.compile(_CODED)
_QUOTED_WORDS = re.compile(r"“[^“”，。；：！？,;:]{1,15}”")
# a note in brackets that belongs to the name: 地区生产总值(GDP) · 地区生产总值（GDP）
_NAME_NOTE = re.compile(r"[（(](?:[A-Za-z]{2,8}|含[^（）()，。；,;\d]{1,10})[）)]")
# words inside a clause after which its name may start, when the clause read from its start
# is no statistic: XX区2023年1-3月规模以上工业总产值完成… · 谋划“十五五”重点项目356个
# 汽车、钢铁、机械三大支柱产业总产值…: the kinds listed before 三大… say which, the name is what they make up
_NAME_AFTER = re.compile(r"\d+(?:年|月份|月)|季度|[”」》]|为(?:主|重点|主体)的|、[^、，。；,;\d]{1,6}?(?=[两三四五六七八九十]大)|\d+(?:\.\d+)?[万亿]?元以[上下]|\d+(?:周)?岁以[上下]")  # 60岁以上老人…

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


def _verbs_in_clause(text: str, start: int) -> list[int]:
    """Where a verb that opens a statistic (实现, 完成 …) stands inside the clause from ``start``,
    then where the name after it starts."""
    end = _clause_end(text, start)
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
    end = _clause_end(text, start)
    return [m.start() for m in _VERB_FIRST_WORD.finditer(text, start, end)
            if m.start() > start and _AGENT.search(text, start, m.start())
            and not _FOR_WHOM.match(text, start)]  # 为X名困难群众发放…: those it was done for are no agent


def _names_in_clause(text: str, start: int) -> list[int]:
    """Where a name may start inside the clause from ``start``: after a period, a closing
    quote or a size (XX区2023年1-3月规模以上…, 谋划“十五五”重点项目…, 50万元以上项目…)."""
    end = _clause_end(text, start)
    return [m.end() for m in _NAME_AFTER.finditer(text, start, end) if start < m.end() < end]


def _past_spaces(text: str, at: int) -> int:
    while text[at:at + 1] in (" ", "\u3000"):
        at += 1
    return at


def _clause_end(text: str, start: int) -> int:
    """Where the clause from ``start`` ends: at the next mark that closes a clause, or the text's end."""
    end = start
    while end < len(text) and text[end] not in _BOUNDARY:
        end += 1
    return end


def _name_and_note(name: str) -> dict:
    """The name, and a note in brackets that ends it said apart (地区生产总值(GDP) · 规上企业(含托管企业))."""
    noted = _NAME_NOTE.search(name)
    if noted is None or noted.end() < len(name):
        return {"name": name}
    return {"name": name[:noted.start()], "name_note": noted.group()}


def _opens_with_a_verb(name: str) -> bool:
    """慰问困难群众: a verb, not a name's first word; 慰问金 · 开工率: a noun made with the verb."""
    verb = _VERB_FIRST_WORD.match(name)
    return (verb is not None and name[verb.end():verb.end() + 1] not in _NOUN_ENDINGS
            and not _MEASURE_NOUN.fullmatch(name[verb.end():]))


# 受理量 · 培训人次 · 接待人数: a verb and the measure of it make one noun
_MEASURE_NOUN = re.compile("量|总量|数量|人次|人数|户数|次数|件数|总数|数|额|金额|规模")

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

"""The parts of one statistic as patterns — value, level from/to, ratio, change, flat, share,
gap, rank — and the indicator fields each part fills.

One pattern per part, not per sentence: a clause is any order of these parts the model
prints (docs/statistics-grammar.md), so a phrasing not seen before still parses.
"""

from __future__ import annotations

import re
from typing import Any

from drafting.model.indicators import DEFAULT_COMPARE, FALL, FALLS, RISE

from .names import _NAME_BODY, _QUOTED_NAME
from .printing_back import _number, _unknown
from .vocabulary import (
    _BOUND,
    _COMPARE,
    _NUMBER,
    _PER,
    _SP,
    _TO_VERBS,
    _TRENDS,
    _UNITS,
    _VALUE_BOUND,
    _VERB_ADVERB,
    _VERBS,
    _VERBS_FIRST,
)

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
    _unless_default(data, m, "earlier_word", "由")
    return data


def _unless_default(data: dict, m: re.Match, key: str, default: str) -> None:
    """The word the statement says for ``key``, kept only when it is not the one the model prints
    unasked (居 · 位 · 高于 · 占): the YAML a writer gets names only what differs."""
    if m[key] != default:
        data[key] = m[key]


def _with_change(data: dict, m: re.Match) -> dict:
    if m["change_bound"]:
        data["change_bound"] = m["change_bound"]
    change = _number(m["change"])
    word = m["trend"]
    falls = word in FALLS
    if m["change_to"]:
        upper = _number(m["change_to"])
        data["change_to"] = -upper if falls and isinstance(upper, (int, float)) else upper
        _unless_default(data, m, "change_range", "—")
        if m["change_unit"] in ("%", "％") and not m["change_first_sign"]:
            data["change_unit_once"] = True  # 增长5-6%: the % said once, after the second figure
    if isinstance(change, (int, float)):
        data["change"] = -change if falls else change
        if word not in (RISE, FALL):
            data["trend"] = word
    else:
        data["change"], data["trend"] = change, word
    _unless_default(data, m, "change_unit", "%")
    compare = m["compare"] or ""
    if compare != DEFAULT_COMPARE:
        data["compare"] = compare
    return data


def _with_flat(data: dict, m: re.Match) -> dict:
    data["trend"] = "持平"
    _unless_default(data, m, "compare", "与上年同期")
    return data


def _with_share(data: dict, m: re.Match) -> dict:
    data["share"] = _number(m["share"])
    data["share_of"] = m["share_of"]
    _unless_default(data, m, "share_verb", "占")
    if m["share_particle"] is None:  # 占年度计划23%
        data["share_particle"] = ""
    elif m["share_particle"] != "的":  # 占全县工业总产值之比达到78% · 占GDP的比重为38%
        data["share_particle"] = m["share_particle"]
    return data


def _with_gap(data: dict, m: re.Match) -> dict:
    data["gap"] = _number(m["gap"])
    data["gap_of"] = m["gap_of"]
    _unless_default(data, m, "gap_verb", "高于")
    return data


def _with_rank(data: dict, m: re.Match) -> dict:
    data["rank"] = _rank_figure(m["rank"])
    data["rank_scope"] = m["rank_scope"]
    _unless_default(data, m, "rank_verb", "居")
    _unless_default(data, m, "rank_unit", "位")
    return data


def _rank_figure(rank: str) -> int | str:
    """第3 as the number 3; 第X and 第三 as written (the model prints them back so)."""
    return int(rank) if rank.isdigit() else rank

"""One clause read as one statistic: its head (the name and the first figure, or a verb before
the name), its tails (each further part after a comma), and whether it prints back exactly.

A head is tried in every reading the grammar allows, shortest name first; the first reading
that the model prints back character for character wins, every other leaves the clause text.
"""

from __future__ import annotations

import re
from typing import Any

from .names import (
    _NAME_STOP,
    _NOT_A_NAME,
    _RATE_NAME,
    _VERB_FIRST_WORD,
    _name_and_note,
    _name_ends,
    _not_a_name_after,
    _opens_with_a_verb,
    _past_spaces,
)
from .parts import (
    _CHANGE,
    _FLAT,
    _FROM_TO,
    _FURTHER_CHANGE,
    _FURTHER_RANK,
    _GAP,
    _PASSED_THEN_REACHED,
    _RANK,
    _RATIO_NAME,
    _RATIO_VALUE,
    _SHARE,
    _TWO_VERBS_FIRST,
    _VALUE,
    _VERB_FIRST,
    _from_to,
    _with_change,
    _with_flat,
    _with_gap,
    _with_rank,
    _with_share,
)
from .printing_back import _as_written, _number, _prints_back_exactly, _unknown
from .vocabulary import (
    _ADVERBS,
    _BOUNDARY,
    _EVALUATION,
    _NUMBER,
    _PERIODS,
    _SP,
    _TARGET,
    _TO_STEM,
    _TO_VERB,
    _UNITS,
    _VALUE_BOUND,
)

# 25.6亿元（快报数） · XX 亿元(根据实际数据填写): a note on the value, before its change
_VALUE_NOTE = re.compile(r"[（(][^（）()，。；,;]{1,24}[）)]|【[^【】，。；,;]{1,24}】")

# 达到245.6亿元、增长6.2%: 、 joins a value and its change in a report; 完成45.6亿元 ，增长6.2%: a PDF's space about the joint is the joint's, as
# long as every joint of the statement has it (one indicator prints one joint)
_SPACED_JOINT = re.compile("[ \u3000]?[，,、][ \u3000]?")


def _and_another(text: str, at: int) -> bool:
    """实现营业收入12亿元和利税1.2亿元: 和 (及) joins a second figure with a name of its own after one verb."""
    return text[at:at + 1] in ("和", "及") and _clause(text, at + 1, listed=True) is not None


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
        if len(data) == 1 or not _prints_back_exactly(data, text[start:at]):
            continue
        return data, at
    return None


def _a_rate(data: dict) -> bool:
    """开工率55.4%: a rate with its figure is a statistic without a verb. A rate left as
    X% in a template stays text (the seed's 恢复营业率X% is written so)."""
    return data.get("unit") in ("%", "％", "‰") and bool(_RATE_NAME.search(data["name"])) and not _unknown(data["value"])


def _verb_first(text: str, start: int) -> tuple[dict, int] | None:
    """VERB NAME FIGURE (新建学校3所 · 走访慰问困难群众860户): a count said after what was done,
    tried before a name-first reading, which would take the verb into the name."""
    for pattern in (_VERB_FIRST, _TWO_VERBS_FIRST):
        m = pattern.match(text, start)
        # 组织落实…: a name never opens with a verb (组织开展“…”活动21场 is read with both verbs)
        if m is not None and not _NAME_STOP.search(m["name"]) and not _opens_with_a_verb(m["name"]):
            break
    else:
        return None
    # 共有规上企业(含托管企业)46家: the note in brackets is the name's
    data = {**_name_and_note(m["name"]), "value": _number(m["value"]), "unit": m["unit"], "verb_first": True}
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
        head = _name_and_note(name)
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


_DURATIONS = ("天", "小时")
_DURATION_NAME = re.compile("天数|日数|时数|时长|时间")


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

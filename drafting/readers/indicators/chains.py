"""Statistics that follow each other: where a chain may start in a paragraph, the clauses joined
by ；，。、 (or ;,. in pasted text), a part in brackets (（其中…）), and ranks listed after one verb.

Each clause is read by clauses.py; here is only what joins them and what keeps a sentence
(a target, one project's figures) from being read as the place's statistics at all.
"""

from __future__ import annotations

import re

from drafting.model.indicators import Indicator, phrase_indicator

from .clauses import (
    _ASIDE_SCOPE,
    _ASIDE_VERB,
    _PART_CLOSES,
    _PART_OPENS,
    _clause,
    _part_in_brackets,
)
from .names import (
    _NAME_CHARS,
    _NAME_STOP,
    _acts_in_clause,
    _after_a_verb,
    _names_in_clause,
    _past_spaces,
    _scope_ends,
    _sentence_start,
    _verbs_in_clause,
)
from .parts import _rank_figure
from .printing_back import _unknown
from .vocabulary import (
    _BOUNDARY,
    _EVALUATION,
    _NUMBER,
    _SENTENCE_ENDS,
    _SP,
    _TARGET,
    _TARGET_REACH,
    _UNITS,
)

_THAT_ONE = re.compile("该(?![县区市镇乡旗])|此(?![外前后时次])")  # 该县 is the place itself

_JOINERS = "；，。;,、和及"  # between the clauses of a chain (、 in a list: 产值6亿元、增加值1.98亿元)
_WHEREOF = re.compile(r"[；，。;,、](?:其中[，,]?)?|和|及")  # ，其中 税收收入… belongs to the separator


def _next_chain(text: str, at: int) -> tuple[list[dict], int, int] | None:
    """The first chain of clauses at or after ``at`` that starts a clause (after a boundary).
    Words that say whose figure it is (全县, 预计, 累计, 202家规模以上工业企业) stay text
    before the name, or before the verb of a verb-first clause."""
    starts = ([at] if at == 0 else []) + [i + 1 for i in range(at, len(text)) if text[i] in _BOUNDARY]
    for boundary in starts:
        boundary = _past_spaces(text, boundary)  # ; 开工在建项目…: a space a PDF left after the mark is no part of the name
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
        chain.append({"name": m["name"], "rank": _rank_figure(m["rank"]), "rank_verb": ""})
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

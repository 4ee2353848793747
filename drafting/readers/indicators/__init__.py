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

The reader is split along the grammar's own seams, each module importing only those
before it: vocabulary (the genre's words) → names (where a name starts and ends) and
printing_back (exactness) → parts (value, change, share, gap, rank as patterns) →
clauses (one statistic) → chains (statistics that follow each other) → this module,
the entry points. Names with a leading underscore are the package's own, not an API.
"""

from __future__ import annotations

from typing import Any

from drafting.model.indicators import DEFAULT_SEPARATOR

from .chains import _next_chain

__all__ = ["recognised_indicators", "with_indicators"]

_KEY_ORDER = ("name", "name_note", "aside", "earlier", "earlier_when", "earlier_word", "value", "value_when", "unit", "value_note", "ratio", "verb", "change", "trend", "change_unit", "compare",
              "verb_first", "share", "share_of", "share_verb", "share_particle", "share_first",
              "gap", "gap_of", "gap_verb", "gap_unit", "rank", "rank_scope", "rank_verb", "rank_unit",
              "value_bound", "change_bound", "change_to", "change_range", "change_unit_once", "spaced", "unit_spaced", "space_before_value", "change_spaced", "as_written", "then", "separator", "joint")


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

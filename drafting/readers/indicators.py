"""Statistics written as text → the pack's indicator data, when that is exact.

地区生产总值实现X万元，同比下降X%；固定资产投资同比增长X% becomes two
indicators between the paragraph's ``before`` and ``after`` text. A chain is
taken only when ``indicators.phrase_indicator`` prints every clause back
character for character; anything else stays text.
"""

from __future__ import annotations

import re
from typing import Any

from drafting.model.indicators import Indicator, format_number, phrase_indicator

_NUMBER = r"X|\d+(?:\.\d+)?"
_UNITS = "亿元|万元|元|万吨|吨|万亩|亩|万人|人|户|家|个"
_VALUE = re.compile(rf"(?P<verb>实现|完成)(?P<value>{_NUMBER})(?P<unit>{_UNITS})")
_CHANGE = re.compile(
    rf"(?P<compare>同比|较去年同期|较上年同期|比上年)(?P<trend>增长|下降)"
    rf"(?P<change>{_NUMBER})(?P<change_unit>%|个百分点|倍)"
)
_FLAT = "与上年同期持平"
_NAME = re.compile(rf"[^，。；：！？、“”（）《》\s]{{2,16}}?(?=实现|完成|同比|较去年同期|较上年同期|比上年|{_FLAT})")
_BOUNDARY = "，。；：！？"


def with_indicators(text: str) -> str | dict[str, Any]:
    """The paragraph as ``{before, indicators, after}`` when it holds a chain; else the text."""
    for start in [0] + [i + 1 for i, ch in enumerate(text) if ch in _BOUNDARY]:
        chain, end = _chain(text, start)
        if chain:
            paragraph: dict[str, Any] = {"before": text[:start], "indicators": chain, "after": text[end:]}
            return {key: value for key, value in paragraph.items() if value != ""}
    return text


def _chain(text: str, start: int) -> tuple[list[dict], int]:
    chain: list[dict] = []
    end = start
    while True:
        clause = _clause(text, end + 1 if chain else end)
        if clause is None:
            break
        data, end = clause
        chain.append(data)
        if not text.startswith("；", end):
            break
    return chain, end


def _clause(text: str, start: int) -> tuple[dict, int] | None:
    """One indicator starting at ``start`` and where it ends, if it prints back exactly."""
    name = _NAME.match(text, start)
    if name is None:
        return None
    data: dict[str, Any] = {"name": name.group()}
    at = name.end()
    value = _VALUE.match(text, at)
    if value:
        data["value"] = _number(value["value"])
        data["unit"] = value["unit"]
        if value["verb"] != "实现":
            data["verb"] = value["verb"]
        at = value.end()
    joint = "，" if value else ""
    if text.startswith(joint + _FLAT, at):
        data["trend"] = "持平"
        at += len(joint + _FLAT)
    elif (change := _CHANGE.match(text, at + len(joint))) and (value is None or text.startswith(joint, at)):
        _add_change(data, change)
        at = change.end()
    elif value is None:
        return None
    if phrase_indicator(Indicator.from_data(data)) != text[start:at]:
        return None
    return data, at


def _add_change(data: dict, m: re.Match) -> None:
    change = _number(m["change"])
    if isinstance(change, str):
        data["change"], data["trend"] = change, m["trend"]
    else:
        data["change"] = change if m["trend"] == "增长" else -change
    if m["change_unit"] != "%":
        data["change_unit"] = m["change_unit"]
    if m["compare"] != "同比":
        data["compare"] = m["compare"]


def _number(text: str) -> int | float | str:
    """A number the pack prints back the same way, else the text as written (X, 12.30)."""
    if text == "X":
        return "X"
    number = float(text) if "." in text else int(text)
    return number if format_number(number) == text else text

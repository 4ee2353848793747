"""Word's automatic numbering, read as the text Word shows.

A heading numbered by Word (开始 → 编号) holds only its words; the 一、 or
（一） in front of it is drawn from ``numbering.xml``: the paragraph (or its
style) names a list (``w:numId``) and a level (``w:ilvl``); the list's abstract
definition gives each level a number format (``chineseCounting`` 一二三,
``decimal`` 1 2 3, ``ideographTraditional`` 甲乙丙…) and a text such as
``%1、`` or ``（%2）``. Counting follows Word: lists sharing an abstract
definition continue each other, a level restarts when a level above it is
used, and ``startOverride`` restarts a list. The tab or space Word puts after
the number is layout and is not read. Bullets are symbols, not words: no text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting.model.numerals import chinese_numeral

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACE = re.compile(r"%([1-9])")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never


@dataclass(slots=True)
class _List:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride per level


class Numbering:
    """The label each numbered paragraph shows, in document order."""

    def __init__(self, numbering_xml, styles_xml=None):
        self._levels: dict[str, dict[int, _Level]] = {}
        self._lists: dict[str, _List] = {}
        self._style_numbers: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if numbering_xml is not None:
            self._read_numbering(numbering_xml)
        if styles_xml is not None:
            self._read_styles(styles_xml)

    def _read_numbering(self, root) -> None:
        for abstract in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                level = _Level(
                    start=int(_val(lvl, "start") or 1),
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                )
                restart = _val(lvl, "lvlRestart")
                level.restart = int(restart) if restart is not None else None
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = level
            self._levels[abstract.get(f"{_W}abstractNumId")] = levels
        for num in root.iter(f"{_W}num"):
            abstract = _val(num, "abstractNumId")
            entry = _List(abstract or "")
            for override in num.iter(f"{_W}lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    entry.starts[int(override.get(f"{_W}ilvl", "0"))] = int(start)
            self._lists[num.get(f"{_W}numId")] = entry

    def _read_styles(self, root) -> None:
        for style in root.iter(f"{_W}style"):
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr, "numId")
                if num_id:
                    self._style_numbers[style.get(f"{_W}styleId")] = (num_id, int(_val(num_pr, "ilvl") or 0))

    def label(self, p_element, style_ids: list[str]) -> str:
        """The number Word shows in front of this paragraph ('' when none); counts it."""
        found = self._number_of(p_element, style_ids)
        if found is None:
            return ""
        num_id, ilvl = found
        entry = self._lists.get(num_id)
        levels = self._levels.get(entry.abstract) if entry else None
        if not levels or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(entry.abstract, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in entry.starts.items():
                counters[lvl] = start - 1
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper, spec in levels.items():
            if deeper > ilvl and spec.restart != 0 and (spec.restart is None or ilvl + 1 <= spec.restart):
                counters.pop(deeper, None)
        if level.fmt == "bullet":
            return ""

        def place(m: re.Match) -> str:
            n = int(m.group(1)) - 1
            spec = levels.get(n, _Level())
            return format_number(counters.get(n, spec.start), spec.fmt)

        return _PLACE.sub(place, level.text)

    def _number_of(self, p_element, style_ids: list[str]) -> tuple[str, int] | None:
        num_pr = p_element.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            num_id = _val(num_pr, "numId")
            ilvl = _val(num_pr, "ilvl")
            if num_id is not None:
                return None if num_id == "0" else (num_id, int(ilvl or 0))
        for style_id in style_ids:
            if style_id in self._style_numbers:
                num_id, ilvl_style = self._style_numbers[style_id]
                if num_pr is not None and _val(num_pr, "ilvl") is not None:
                    ilvl_style = int(_val(num_pr, "ilvl"))
                return None if num_id == "0" else (num_id, ilvl_style)
        return None


def format_number(n: int, fmt: str) -> str:
    """n in one of Word's number formats (ST_NumberFormat); decimal for the rest."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital"):
        return chinese_numeral(n) if fmt != "ideographDigital" else "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return _LEGAL[n] if n < 10 else chinese_numeral(n).translate(str.maketrans("一二三四五六七八九十", "壹贰叁肆伍陆柒捌玖拾"))
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "none":
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def _val(element, tag: str) -> str | None:
    child = element.find(f"{_W}{tag}")
    return None if child is None else child.get(f"{_W}val")

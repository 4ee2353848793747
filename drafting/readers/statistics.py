"""The figures in a statistics office's table, found the way a person reads it.

A 统计局 “主要经济指标” sheet has a title merged across the columns, a header
row (指标名称 | 计量单位 | 1—6月 | 同比增长（%）, sometimes on two rows under a
merged period), rows indented or led by “其中：”, blank rows, and notes below
(注：…). The header is found by its words, not its position; names are compared
after ``normal_name`` (full-width forms, spaces, 其中：); numbers typed as text
are numbers; “—”, “-” and empty mean the office does not know the figure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from drafting.errors import DataError, Location
from drafting.model.ranges import CrossesZero, typed_range
from drafting.readers.sheet import Row, Sheet

HEADER_SEARCH_ROWS = 30
UNKNOWN_MARKS = frozenset({"", "-", "—", "——", "–", "--", "…", "/", "x", "X"})

_NAME_WORDS = ("指标名称", "指标", "项目", "名称", "主要指标")
_CHANGE_WORDS = ("增长", "增速", "增减", "±", "同比", "增幅", "比上年")
_CUMULATIVE = re.compile(r"\d{1,2}[-—–~～至]\d{1,2}月|累计|绝对值|本期|全年|上半年|前三季度|本年")
_PERIOD = re.compile(r"^\d{1,2}月|季度|本月|完成|总量|\d{4}年")
_NOTE = re.compile(r"^(注\d*[:：.．、]|注$|说明[:：]|资料来源|数据来源|备注)")
_LEADS = re.compile(r"^(其中[:：,，]?|[#＃△▲*]+)")
_SPACES = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a figure came from, for the writer to check it."""

    sheet: Sheet
    row: int

    def __str__(self) -> str:
        return self.sheet.where(self.row)


@dataclass(frozen=True, slots=True)
class Figures:
    name: str  # as the sheet writes it
    unit: str | None
    value: int | float | None
    change: int | float | None
    change_unit: str | None  # 个百分点 when the column says so
    origin: Origin
    unreadable: tuple[str, ...] = ()  # what is wrong with cells that are neither a figure nor unknown
    change_to: int | float | None = None  # the upper end of a change typed as a range (5—6)
    # the figures as the cells show them when typed as text other than the plain number (1,234 ·
    # １２３．４５): what a speech that prints its figures as written (as_written) prints
    value_text: str | None = None
    change_text: str | None = None
    ratio: str | None = None  # 12.3:45.6:42.1 typed for a ratio: the terms after the value (:45.6:42.1)


@dataclass(slots=True)
class Table:
    rows: dict[str, list[Figures]] = field(default_factory=dict)  # by normal_name
    sheets: list[str] = field(default_factory=list)  # where the figures were read, for messages

    def add(self, figures: Figures) -> None:
        self.rows.setdefault(normal_name(figures.name), []).append(figures)

    def names(self) -> list[str]:
        return [rows[0].name for rows in self.rows.values()]


@dataclass(frozen=True, slots=True)
class _Columns:
    header_rows: int  # how many rows the header takes
    name: int
    unit: int | None
    value: int | None
    change: int | None
    change_unit: str | None


def normal_name(text: str) -> str:
    """A name as compared: full-width letters, digits and brackets as half-width,
    no spaces anywhere, no leading 其中： or marker."""
    return _LEADS.sub("", _SPACES.sub("", unicodedata.normalize("NFKC", str(text))))


def shown_name(text: str) -> str:
    """A name as the writer should type it: the sheet's own characters, without
    the indentation, spaces and 其中： that only lay the table out."""
    return _LEADS.sub("", _SPACES.sub("", str(text)))


def read_table(sheet: Sheet, into: Table | None = None) -> Table:
    """The sheet's figures by name; a sheet with no header row is an error naming it."""
    table = into if into is not None else Table()
    start, columns = _find_header(sheet)
    table.sheets.append(sheet.where())
    for row in sheet.rows[start + columns.header_rows:]:
        name = _text(_cell(row, columns.name))
        if _NOTE.match(name):
            break  # notes below the table
        if normal_name(name):
            table.add(_figures(sheet, row, name, columns))
    return table


def has_header(sheet: Sheet) -> bool:
    try:
        _find_header(sheet)
    except DataError:
        return False
    return True


def _find_header(sheet: Sheet) -> tuple[int, _Columns]:
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        columns = _header_columns(row, sheet.rows[index + 1] if index + 1 < len(sheet.rows) else None)
        if columns is not None:
            return index, columns
    raise DataError(
        f"{sheet.where()}中找不到表头：前 {HEADER_SEARCH_ROWS} 行没有一行同时写着指标名称（指标、指标名称或项目）"
        "和数值（如 1—6月、本期、累计、绝对值）或增幅（如 同比增长（%）、增速）；请检查是否选对了工作表",
        Location(sheet.file),
    )


def _header_columns(row: Row, below: Row | None) -> _Columns | None:
    kinds = [_kind(cell) for cell in row.cells]
    if "name" not in kinds:
        return None
    header_rows = 1
    if below is not None and _is_sub_header(below, kinds.index("name")):
        kinds, header_rows = _with_sub_header(kinds, below), 2
    values = [i for i, k in enumerate(kinds) if k in ("cumulative", "period")]
    changes = [i for i, k in enumerate(kinds) if k == "change"]
    if not values and not changes:
        return None
    value = next((i for i in values if kinds[i] == "cumulative"), values[0] if values else None)
    change = next((i for i in changes if value is None or i > value), changes[0] if changes else None)
    heading = _text(_cell(row, change)) + (_text(_cell(below, change)) if header_rows == 2 else "")
    return _Columns(
        header_rows,
        kinds.index("name"),
        kinds.index("unit") if "unit" in kinds else None,
        value,
        change,
        "个百分点" if "百分点" in heading else None,
    )


def _with_sub_header(kinds: list[str | None], below: Row) -> list[str | None]:
    """The kinds of a two-row header. A period merged over its columns (本月 over
    绝对值 | 增长%, 1—6月 over the next two) stands in its first cell only, so it
    carries to the right until the next; a 绝对值 under it is of that period."""
    merged = list(kinds) + [None] * max(0, len(below.cells) - len(kinds))
    period = None
    for i, cell in enumerate(below.cells):
        if kinds[i:i + 1] and kinds[i] in ("cumulative", "period"):
            period = kinds[i]
        kind = _kind(cell)
        if kind in ("cumulative", "period"):
            merged[i] = period or kind
        elif kind is not None and kind != "name":
            merged[i] = kind
    return merged


def _is_sub_header(row: Row, name_column: int) -> bool:
    """The second row of a two-row header: 绝对值 | 增长（%） under a merged 1—6月."""
    if _text(_cell(row, name_column)):
        return False
    kinds = [_kind(cell) for cell in row.cells]
    has_figures = any(isinstance(c, (int, float)) and not isinstance(c, bool) for c in row.cells)
    return not has_figures and any(k in ("cumulative", "period", "change") for k in kinds)


def _kind(cell: Any) -> str | None:
    if not isinstance(cell, str):
        return None
    text = normal_name(cell)
    if not text:
        return None
    if text in _NAME_WORDS:
        return "name"
    if "单位" in text:
        return "unit"
    if any(word in text for word in _CHANGE_WORDS):
        return "change"
    if _CUMULATIVE.search(text):
        return "cumulative"
    if _PERIOD.search(text):
        return "period"
    return None


def _figures(sheet: Sheet, row: Row, name: str, columns: _Columns) -> Figures:
    unreadable: list[str] = []
    value, ratio = _ratio(_cell(row, columns.value))
    if ratio is None:
        value, bad = _number(_cell(row, columns.value))
    else:
        bad = None
    if bad and isinstance(_cell(row, columns.value), (time, datetime)):
        unreadable.append(f"数值“{bad}”是时间或日期（Excel 会把 2:1 这样的比例当作时间），"
                          "若是比例，请把单元格设为文本后重填")
    elif bad:
        unreadable.append(f"数值“{bad}”不是数字")
    change, change_to, bad = _change(_cell(row, columns.change))
    if bad:
        unreadable.append(bad)
    unit = _text(_cell(row, columns.unit)).strip() or None
    return Figures(shown_name(name), unit, value, change, columns.change_unit, Origin(sheet, row.number),
                   tuple(unreadable), change_to, _as_typed(_cell(row, columns.value), value),
                   _as_typed(_cell(row, columns.change), change) if change_to is None else None, ratio)


_RATIO = re.compile(r"(\d+(?:\.\d+)?)((?:[:：]\d+(?:\.\d+)?)+)")


def _ratio(cell: Any) -> tuple[int | float | None, str | None]:
    """(first term, the rest as the speech prints it) for a ratio typed in the value column
    (12.3:45.6:42.1, 2.1：1); (None, None) for anything else."""
    if not isinstance(cell, str):
        return None, None
    found = _RATIO.fullmatch(re.sub(r"\s", "", unicodedata.normalize("NFKC", cell)))
    if found is None:
        return None, None
    first, _ = _number(found[1])
    return first, found[2].replace("：", ":")


def _as_typed(cell: Any, number: int | float | None) -> str | None:
    """A non-negative figure typed as text in a form of its own (1,234 · １２．３), as typed."""
    if not isinstance(cell, str) or number is None or number < 0:
        return None
    text = cell.strip().rstrip("%％").strip()
    return text if text != str(number) else None


def _change(cell: Any) -> tuple[int | float | None, int | float | None, str | None]:
    """(change, upper end of a range, what is wrong with the cell): a change may be typed as a
    range (5—6, 5%～6%, -5—-6), as the sheet ``draft extract --statistics-out`` writes shows one."""
    try:
        found = typed_range(cell)
    except CrossesZero:
        return None, None, f"增幅“{str(cell).strip()}”两端一正一负，讲话中写不出这样的区间（增长、下降请分别写）"
    if found is not None:
        return found.lower, found.upper, None
    change, bad = _number(cell)
    return change, None, bad and f"增幅“{bad}”不是数字"


def _cell(row: Row, column: int | None) -> Any:
    if column is None or column >= len(row.cells):
        return None
    return row.cells[column]


def _text(cell: Any) -> str:
    return "" if cell is None else str(cell)


def _number(cell: Any) -> tuple[int | float | None, str | None]:
    """(the number, None), (None, None) when unknown, (None, the text) when not a number."""
    if isinstance(cell, bool):
        return None, str(cell)
    if isinstance(cell, int):
        return cell, None
    if isinstance(cell, float):
        return (int(cell) if cell.is_integer() and abs(cell) < 1e15 else cell), None
    if cell is None:
        return None, None
    if not isinstance(cell, str):  # a date or time typed in a figure's column
        return None, str(cell)
    text = re.sub(r"[\s,]", "", unicodedata.normalize("NFKC", cell)).replace("−", "-").rstrip("%")
    if text in UNKNOWN_MARKS:
        return None, None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None, cell.strip()
    if not number.is_finite():
        return None, cell.strip()
    return (int(number) if "." not in text and "e" not in text.lower() else float(number)), None

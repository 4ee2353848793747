"""The statistics an old speech quoted, as a sheet for the statistics office to fill.

``draft extract --statistics-out 指标.xlsx`` writes it so next year's writer can
ask for exactly the figures the speech needs; saved back and named under
``statistics:``, the same sheet fills the speech. The figures of the old speech
stay beside the empty columns, under headings the sheet reader does not take
for figures (``readers.statistics``), so an unfilled sheet never prints last
year's numbers as this year's.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import Any, Iterable

from drafting.model.indicators import FALLS, beyond_the_sheet, format_number, is_placeholder
from drafting.model.ranges import range_text
from drafting.readers.statistics import normal_name

HEADER = ("指标名称", "计量单位", "本期", "同比增长（%）", "原稿中的数", "原稿中的幅度", "说明")
_FIXED_TIME = datetime(2000, 1, 1)  # the same indicators give the same bytes
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def indicators_in(data: Any) -> list[dict]:
    """Every indicator in extracted data (lists under ``indicators``), each name once, in order."""
    found: dict[str, dict] = {}
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            items = value.get("indicators")
            if isinstance(items, list):
                for item in items:
                    if isinstance(item, dict) and isinstance(item.get("name"), str):
                        found.setdefault(normal_name(item["name"]), item)
            stack.extend(reversed([v for k, v in value.items() if k != "indicators"]))
        elif isinstance(value, list):
            stack.extend(reversed(value))
    return list(found.values())


def statistics_sheet(indicators: Iterable[dict], source_name: str) -> bytes:
    """An .xlsx: title, header, one row an indicator, a note saying what to fill."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "主要指标"
    sheet.append(["主要经济指标"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(list(HEADER))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for indicator in indicators:
        sheet.append([indicator["name"], indicator.get("unit", ""), None, None,
                      _value(indicator), _signed_change(indicator), not_carried(indicator)])
    sheet.append([])
    sheet.append([f"注：本表由 draft extract 从“{source_name}”整理。请统计部门填写“本期”和“同比增长（%）”两列，"
                  "未知的写“—”，比例按 12.3:45.6:42.1 的样子写全各项；“原稿中的数”“原稿中的幅度”两列仅供对照；"
                  "“说明”列中的数本表不含，请在讲话稿中核对更新。"])
    for column, width in zip("ABCDEFG", (28, 10, 12, 14, 12, 12, 40)):
        sheet.column_dimensions[column].width = width
    book.properties.created = book.properties.modified = _FIXED_TIME
    book.properties.creator = "draft"
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def not_carried(indicator: dict) -> str | None:
    """What the speech says of the indicator beyond its value and change, which the sheet has no
    column for (占比, 位次, 由A增加到B, 比一季度提高…): said on its row, so nobody takes the refilled
    speech for wholly this year's."""
    parts = [label + "：" + _clause(clause) for label, clause in beyond_the_sheet(indicator)]
    if not parts:
        return None
    return "讲话中还有" + "；".join(parts) + "。本表不含这些数"


def _clause(clause: dict) -> str:
    from drafting.model.indicators import Indicator, phrase_indicator

    if "value_when" in clause:
        return clause["value_when"]
    if "earlier" in clause:
        return format_number(clause["earlier"]) + clause.get("unit", "")
    return phrase_indicator(Indicator.from_data({**clause, "name": ""}))


def _value(indicator: dict) -> Any:
    """The value; a ratio with all its terms (12.3:45.6:42.1), as the office fills it back."""
    value = _figure(indicator.get("value"))
    if indicator.get("ratio") and value is not None:
        return format_number(value) + indicator["ratio"]
    return value


def _figure(value: Any) -> Any:
    return None if value in (None, "") or is_placeholder(value) else value


def _signed_change(indicator: dict) -> Any:
    """The change as the sheet's 同比增长（%） column takes it: a fall negative, a range as
    a writer types it (5—6, -5—-6), which the sheet reader reads back as the same range."""
    change = _signed(indicator, "change")
    if indicator.get("change_to") not in (None, ""):
        upper, mark = _signed(indicator, "change_to"), indicator.get("change_range") or "—"
        if isinstance(change, (int, float)) and isinstance(upper, (int, float)):
            return range_text(change, upper, mark)
        return format_number(change) + mark + format_number(upper)  # an end left X (5—X): as it stands
    if change is None and indicator.get("trend") == "持平":
        return 0
    return change


def _signed(indicator: dict, key: str) -> Any:
    figure = _figure(indicator.get(key))
    # 回落0.6个百分点 typed as a size and its word: a fall, negative as the sheet's column says one
    if isinstance(figure, (int, float)) and indicator.get("trend") in FALLS and figure > 0:
        return -figure
    return figure


def _fixed_zip_times(data: bytes) -> bytes:
    """The workbook with every part dated alike: the zip stamps the time of writing,
    and openpyxl's save the modified date of the document properties."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "docProps/core.xml":
                part = _MODIFIED.sub(rb"\g<1>" + _FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", part)
            target.writestr(zipfile.ZipInfo(info.filename, _ZIP_TIME), part, zipfile.ZIP_DEFLATED)
    return out.getvalue()

"""Filling a speech's figures from the statistics sheets it names (see ``statistics``).

Loaded only for a speech with a ``statistics:`` entry: its records and the sheet
readers (``drafting.readers.statistics`` and ``.sheet``, with zipfile, csv and
decimal) are start-up time most builds never use.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.errors import DataError, Location, Problem
from drafting.model.indicators import FALLS, RISES, beyond_the_sheet, is_placeholder
from drafting.source.schema import INDICATOR_NAME_FORMAT
from drafting.source.statistics import STATISTICS_KEY, Statistics
from drafting.source.yaml_loader import Path_, SpeechData, format_path

if TYPE_CHECKING:
    from drafting.readers.statistics import Figures, Origin, Table

_UNKNOWN = (None, "", "X", "Ｘ")
_FIELD_NAMES = {"value": "数值", "ratio": "比例", "unit": "单位", "change": "增幅", "change_to": "增幅区间", "change_unit": "增幅单位"}
CLOSEST = 3
LISTED = 8  # names listed when none is close


@dataclass(frozen=True, slots=True)
class SheetRef:
    """One ``statistics:`` entry: the file, the sheet if named, and where the YAML says so."""

    path: Path
    sheet: str | None
    location: Location


@dataclass(frozen=True, slots=True)
class Sourced:
    """An indicator whose figures the sheet gave: for ``draft check``."""

    location: Location  # the indicator's name in the YAML
    name: str
    origin: Origin
    fields: tuple[str, ...]  # filled from the sheet; empty when the sheet did not know them either

    def __str__(self) -> str:
        taken = "、".join(_FIELD_NAMES[f] for f in self.fields) or "表中也未知，仍为 X"
        return f"{self.location}：{self.name} ← {self.origin}（{taken}）"

    def as_json(self) -> dict:
        sheet = self.origin.sheet
        return {"file": self.location.file, "line": self.location.line, "field": self.location.field,
                "name": self.name, "sheet_file": sheet.file, "sheet": sheet.name, "row": self.origin.row,
                "filled": list(self.fields)}


def sheet_refs(speech: SpeechData) -> list[SheetRef]:
    """The sheets a validated speech names, as absolute paths (relative to the YAML)."""
    values = speech.values.get(STATISTICS_KEY) if isinstance(speech.values, dict) else None
    if not values:
        return []
    base = Path(speech.file).resolve().parent
    entries = values if isinstance(values, list) else [values]
    root: Path_ = (STATISTICS_KEY,) if not isinstance(values, list) else ()
    refs = []
    for i, entry in enumerate(entries):
        path = root or (STATISTICS_KEY, i)
        written, sheet = (entry, None) if isinstance(entry, str) else (entry["file"], entry.get("sheet"))
        refs.append(SheetRef(base / written, sheet, speech.source.locate(path)))
    return refs


def filled_from_sheets(speech: SpeechData, plan: Any) -> tuple[SpeechData, Statistics]:
    """The speech with figures from the sheets it names; what was filled and what was not found."""
    from drafting.readers.statistics import Table

    refs = sheet_refs(speech)
    table = Table()
    for ref in refs:
        _read_into(table, ref)
    found = Statistics(files=[ref.path for ref in refs])
    if plan is None:
        return speech, found
    values = copy.deepcopy(speech.values)
    for path, indicator, key in list(plan.formatted(INDICATOR_NAME_FORMAT, values)):
        filled = _fill_one(indicator, key, table, speech.source.locate(path), found)
        found.filled.update(format_path(path[:-1] + (f,)) for f in filled)
    found.warnings += _rows_used_twice(found.sourced)
    return SpeechData(values, speech.source), found


def _rows_used_twice(sourced: list[Sourced]) -> list[Problem]:
    """One sheet row filling several statistics of the speech (出栏生猪… 存栏生猪…, both named 生猪):
    each prints the same figures, which is right only when they say the same thing."""
    by_row: dict[tuple, list[Sourced]] = {}
    for item in sourced:
        if item.fields:
            by_row.setdefault((item.origin.sheet.file, item.origin.sheet.name, item.origin.row), []).append(item)
    problems = []
    for items in by_row.values():
        if len(items) > 1:
            lines = "、".join(f"第{item.location.line}行" for item in items)
            for item in items:
                problems.append(Problem(item.location, (
                    f"{item.origin}的“{item.name}”填入了讲话中的 {len(items)} 处（YAML {lines}），各处印出同样的数；"
                    "若各处说的不是同一个数（如出栏与存栏），请在 YAML 中直接写其中一处的数")))
    return problems


def _read_into(table: Table, ref: SheetRef) -> None:
    from drafting.readers.sheet import read_sheets
    from drafting.readers.statistics import has_header, read_table

    if not ref.path.is_file():
        raise DataError(
            f"找不到统计表“{ref.path.name}”（{ref.path}）；路径相对于本 YAML 文件所在的文件夹", ref.location
        )
    sheets = read_sheets(ref.path, ref.sheet)
    if ref.sheet is None:
        with_header = [s for s in sheets if has_header(s)]
        sheets = with_header or sheets[:1]  # none: the first sheet's error says what is missing
    for sheet in sheets:
        read_table(sheet, table)


def _fill_one(indicator: dict, key: str, table: Table, where: Location, found: Statistics) -> list[str]:
    """The fields filled in ``indicator``."""
    from drafting.readers.statistics import normal_name

    missing = [f for f in _asked(indicator) if indicator.get(f) in _UNKNOWN or is_placeholder(indicator.get(f))]
    if not missing:
        return []  # the writer typed every figure
    name = indicator[key]
    rows = table.rows.get(normal_name(name))
    if not rows:
        found.warnings.append(Problem(where, _not_in_table(name, table)))
        return []
    row = rows[0]
    found.warnings += _doubts(row, rows, where)
    filled = _fill_value(indicator, row, where, found) if "value" in missing else []
    if row.unit and indicator.get("unit") in _UNKNOWN and indicator.get("value") not in _UNKNOWN:
        indicator["unit"] = row.unit
        filled.append("unit")
    if "change" in missing:
        filled += _fill_change(indicator, row, where, found)
    found.sourced.append(Sourced(where, name, row.origin, tuple(filled)))
    if filled and (beyond := beyond_the_sheet(indicator)):
        labels = "、".join(dict.fromkeys(label for label, _ in beyond))
        found.warnings.append(Problem(where, (
            f"“{name}”的数取自{row.origin}，但其中的{labels}统计表中没有，仍是 YAML 中写的数；请核对是否已是今年的数")))
    return filled


def _asked(indicator: dict) -> tuple[str, ...]:
    """The figures the sheet may fill. A value left X with no change or trend said asks for the
    value alone: 存栏生猪X万头 is a sentence without a change, and a change from the sheet would
    add a clause the speech does not say (a bare name, or a typed value, takes both, as documented)."""
    value = indicator.get("value")
    if "value" in indicator and (value in _UNKNOWN or is_placeholder(value)) and not (
            "change" in indicator or "trend" in indicator):
        return ("value",)
    return ("value", "change")


def _fill_value(indicator: dict, row: Figures, where: Location, found: Statistics) -> list[str]:
    if row.value is None:
        return []
    if _units_differ(indicator.get("unit"), row.unit):
        found.warnings.append(Problem(where, (
            f"单位不一致：这里写的是“{indicator['unit']}”，{row.origin}是“{row.unit}”；未取表中的数值，请核对"
        )))
        return []
    if bool(indicator.get("ratio")) != (row.ratio is not None):
        found.warnings.append(Problem(where, _ratio_mismatch(indicator, row)))
        return []
    indicator["value"] = row.value_text if indicator.get("as_written") and row.value_text else row.value
    if row.ratio is not None:
        indicator["ratio"] = row.ratio
        return ["value", "ratio"]
    return ["value"]


def _ratio_mismatch(indicator: dict, row: Figures) -> str:
    if row.ratio is None:
        return (f"这里是比例（如 12.3:45.6:42.1），{row.origin}的数值只有一个数“{row.value}”；未取表中的数，"
                "请在表中按 12.3:45.6:42.1 的样子填写全部各项")
    return (f"{row.origin}的数值是比例“{row.value}{row.ratio}”，这里的指标不是比例；未取表中的数，"
            "请核对名称，或在 YAML 中写明 ratio")


def _fill_change(indicator: dict, row: Figures, where: Location, found: Statistics) -> list[str]:
    if row.change is None:
        return []
    indicator["change"] = row.change_text if indicator.get("as_written") and row.change_text else row.change
    filled = ["change"]
    # the sheet's change is the whole change: a range there (5—6) sets the upper end, one figure
    # drops the one the YAML kept from last year's range (the speech's own mark, 至 or —, stays)
    if row.change_to is not None:
        indicator["change_to"] = row.change_to
        filled.append("change_to")
    else:
        indicator.pop("change_to", None)
    if row.change_unit and "change_unit" not in indicator:
        indicator["change_unit"] = row.change_unit
        filled.append("change_unit")
    found.warnings += _trend_conflict(indicator, row, where)
    return filled


def _units_differ(written: Any, sheet: str | None) -> bool:
    from drafting.readers.statistics import normal_name

    return written not in _UNKNOWN and bool(sheet) and normal_name(written) != normal_name(sheet)


def _trend_conflict(indicator: dict, row: Figures, where: Location) -> list[Problem]:
    """A trend the writer set for an unknown change, which the sheet's sign contradicts."""
    trend = indicator.get("trend")
    if trend is None:
        return []
    sign = "增长" if row.change > 0 else "下降" if row.change < 0 else "持平"
    if trend == sign or (trend in RISES and row.change > 0) or (trend in FALLS and row.change < 0):
        return []  # 提高0.4个百分点 says 增长 in its own word
    del indicator["trend"]  # the sheet's sign decides, so the text is never wrong
    return [Problem(where, f"这里写的趋势是“{trend}”，但{row.origin}的增幅是 {row.change}；已按表中数字写“{sign}”，请核对")]


def _doubts(row: Figures, rows: list[Figures], where: Location) -> list[Problem]:
    doubts = []
    if len({(r.unit, r.value, r.change, r.change_to) for r in rows}) > 1:
        numbers = "、".join(f"第{r.origin.row}行" for r in rows)
        doubts.append(Problem(where, f"统计表中有 {len(rows)} 行都是“{row.name}”（{numbers}），数字不同；已取{row.origin}，请核对"))
    for cell in row.unreadable:
        doubts.append(Problem(where, f"{row.origin}的{cell}，按未知处理"))
    return doubts


def _not_in_table(name: str, table: Table) -> str:
    import difflib

    from drafting.readers.statistics import normal_name

    by_normal = {normal_name(n): n for n in table.names()}
    where = "、".join(table.sheets)
    closest = difflib.get_close_matches(normal_name(name), list(by_normal), n=CLOSEST, cutoff=0.4)
    if closest:
        return f"统计表（{where}）中没有“{name}”；最相近的是：{'、'.join(by_normal[c] for c in closest)}（名称须与表中一致）"
    names = list(by_normal.values())
    listed = "、".join(names[:LISTED]) + ("……" if len(names) > LISTED else "")
    return f"统计表（{where}）中没有“{name}”，也没有相近的名称；表中共 {len(names)} 个指标：{listed}"

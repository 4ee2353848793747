"""Cells of a statistics office's spreadsheet (.xlsx, or .csv as Excel saves it).

The sheet comes from outside the office and may be anything, so reading is
bounded before a byte is parsed: the file's size, the workbook's unpacked size
(a zip bomb is refused from its directory, whose sizes the zip reader enforces),
the number of sheets, and the rows and columns read (openpyxl's read-only mode
streams a sheet and stops at the row bound). Cells come back as the writer sees
them in Excel: a number formatted as a percentage (0.052 shown as 5.2%) is 5.2.
openpyxl is imported here only, when a speech names a sheet.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from drafting.errors import DataError, Location, os_reason

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_SHEETS = 64
MAX_ROWS = 5000
MAX_COLUMNS = 60

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and .et of old WPS
_ZIP_SIGNATURE = b"PK\x03\x04"
SHEET_SUFFIXES = (".xlsx", ".xlsm", ".csv")


@dataclass(frozen=True, slots=True)
class Row:
    number: int  # 1-based, as Excel numbers rows (the line for a .csv)
    cells: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Sheet:
    file: str
    name: str | None  # None for a .csv
    rows: tuple[Row, ...]

    def where(self, row: int | None = None) -> str:
        """The sheet in the writer's words: 指标.xlsx 工作表“主要指标”第5行."""
        text = Path(self.file).name + (f" 工作表“{self.name}”" if self.name else "")
        return text + (f"第{row}行" if row is not None else "")


def read_sheets(path: Path, sheet: str | None = None) -> list[Sheet]:
    """Every sheet of the workbook (or the one named), or the .csv as one sheet."""
    head = _head(path)
    suffix = path.suffix.lower()
    if suffix in (".xls", ".et") or head.startswith(_OLE_SIGNATURE):
        # an .xlsx with a password to open is stored in the old container too
        what = "旧版 Excel 文件（.xls）" if suffix in (".xls", ".et") else "旧版 Excel 格式（.xls），或设了打开密码"
        raise DataError(
            f"“{path.name}”是{what}，draft 读不了；请在 Excel 或 WPS 中打开（有密码的先取消密码），"
            "“另存为” Excel 工作簿（.xlsx）后改用新文件", Location(str(path)),
        )
    if suffix == ".csv":
        if sheet is not None:
            raise DataError(f"“{path.name}”是 .csv 文件，只有一张表，不能指定工作表“{sheet}”；请删去 sheet", Location(str(path)))
        return [Sheet(str(path), None, tuple(_csv_rows(path)))]
    if suffix not in SHEET_SUFFIXES:
        raise DataError(
            f"“{path.name}”不是 draft 能读的统计表：请用 Excel 工作簿（.xlsx）或 .csv 文件", Location(str(path))
        )
    if not head.startswith(_ZIP_SIGNATURE):
        raise DataError(f"“{path.name}”不是有效的 Excel 工作簿（.xlsx），可能已损坏或只是改了扩展名", Location(str(path)))
    return _workbook_sheets(path, sheet)


def _head(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(
                f"统计表“{path.name}”有 {size // (1024 * 1024)} MB，超过上限 {MAX_FILE_BYTES // (1024 * 1024)} MB；"
                "请只保留要用的工作表", Location(str(path)),
            )
        with path.open("rb") as f:
            return f.read(8)
    except OSError as e:
        raise DataError(f"统计表“{path.name}”无法读取：{os_reason(e)}", Location(str(path))) from None


def _workbook_sheets(path: Path, wanted: str | None) -> list[Sheet]:
    _check_unpacked_size(path)
    import openpyxl  # only speeches that name a workbook pay for it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise DataError(f"Excel 工作簿“{path.name}”无法打开，可能已损坏或有密码保护；请在 Excel 中打开后重新保存为 .xlsx", Location(str(path))) from None
    try:
        names = book.sheetnames
        if wanted is not None and wanted not in names:
            raise DataError(
                f"工作簿“{path.name}”中没有工作表“{wanted}”；有：{'、'.join(names)}", Location(str(path))
            )
        if len(names) > MAX_SHEETS:
            raise DataError(f"工作簿“{path.name}”有 {len(names)} 张工作表，超过上限 {MAX_SHEETS}", Location(str(path)))
        return [
            Sheet(str(path), name, tuple(_worksheet_rows(path, name, book[name])))
            for name in names if wanted in (None, name)
        ]
    except DataError:
        raise
    except Exception:
        raise DataError(f"Excel 工作簿“{path.name}”读取出错，可能已损坏；请在 Excel 中打开后重新保存为 .xlsx", Location(str(path))) from None
    finally:
        book.close()


def _check_unpacked_size(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DataError(f"“{path.name}”不是有效的 Excel 工作簿（.xlsx），可能已损坏", Location(str(path))) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise DataError(
            f"Excel 工作簿“{path.name}”解压后有 {unpacked // (1024 * 1024)} MB，超过上限 "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB；请只保留要用的工作表", Location(str(path)),
        )


def _worksheet_rows(path: Path, name: str, worksheet: Any) -> Iterator[Row]:
    if not hasattr(worksheet, "iter_rows"):  # a chart sheet
        return
    last_row, last_column = _extent(worksheet)
    if last_row > MAX_ROWS:
        raise _too_large(path, f"工作表“{name}”超过 {MAX_ROWS} 行")
    if last_column > MAX_COLUMNS:
        raise _too_large(path, f"工作表“{name}”超过 {MAX_COLUMNS} 列")
    if not last_row:
        return
    rows = worksheet.iter_rows(min_row=1, max_row=last_row, max_col=max(last_column, 1))
    for number, cells in enumerate(rows, start=1):
        yield Row(number, tuple(_shown(cell) for cell in cells))


def _extent(worksheet: Any) -> tuple[int, int]:
    """The last row and column holding anything, stopping at the first past the bounds.

    Read from the rows the sheet's XML holds, not through ``iter_rows``: that
    pads every missing row, so one cell at row 1,000,000 would cost a million
    empty rows, and a bound on ``iter_rows`` alone would drop what lies past it.
    The sheet's own ``<dimension>`` may be missing or false, so it is not asked.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    last_row = last_column = 0
    with worksheet._get_source() as source:
        for number, cells in WorkSheetParser(source, worksheet._shared_strings, data_only=True).parse():
            for cell in cells:
                if cell.get("value") in (None, ""):
                    continue
                last_row, last_column = number, max(last_column, cell.get("column", 0))
                if last_row > MAX_ROWS or last_column > MAX_COLUMNS:
                    return last_row, last_column
    return last_row, last_column


def _shown(cell: Any) -> Any:
    """The cell's value as Excel shows it: a percentage format multiplies by 100."""
    value = getattr(cell, "value", None)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (getattr(cell, "number_format", "") or ""):
        return round(value * 100, 10)
    return value


def _csv_rows(path: Path) -> Iterator[Row]:
    text = _decoded(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    try:
        for count, cells in enumerate(reader, start=1):
            if count > MAX_ROWS:
                raise _too_large(path, f"超过 {MAX_ROWS} 行")
            if len(cells) > MAX_COLUMNS and any(c.strip() for c in cells[MAX_COLUMNS:]):
                raise _too_large(path, f"第{line}行超过 {MAX_COLUMNS} 列")
            yield Row(line, tuple(cells[:MAX_COLUMNS]))
            line = reader.line_num + 1
    except csv.Error:
        raise DataError(f"“{path.name}”第{line}行不是有效的 CSV（某一格过长，或引号不配对）", Location(str(path), line)) from None


def _decoded(path: Path) -> str:
    """UTF-8 with or without BOM, else GBK as Excel saves a .csv on Chinese Windows
    (read as GB18030, its superset); anything else is refused, never garbled."""
    data = path.read_bytes()
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(
        f"“{path.name}”的编码无法识别：请在 Excel 中“另存为” CSV UTF-8，或直接用 .xlsx", Location(str(path))
    )


def _too_large(path: Path, detail: str) -> DataError:
    return DataError(f"统计表“{path.name}”{detail}，超过 draft 读取的上限；请只保留要用的指标", Location(str(path)))


"""Statistics sheets made the way a 统计局 office makes them, for the tests.

The figures and names are invented for the tests, in the genre's wording.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

TITLE = "2025年1—6月全区主要经济指标"
HEADER = ["指标名称", "计量单位", "1—6月", "同比增长（%）"]
ROWS = [
    ["地区生产总值", "亿元", 123.45, 5.2],
    ["  其中：第一产业", "亿元", "12.30", "-1.5"],           # 其中 row, numbers typed as text
    ["　　　　第二产业", "亿元", 45.6, 6.1],                   # indented with full-width spaces
    [],                                                     # a blank row inside the table
    ["规模以上工业增加值", "亿元", "—", 7.3],                  # the office does not publish the value
    ["固定资产投资 （不含农户）", "亿元", 88, -3.4],           # a stray space, full-width brackets
    ["社会消费品零售总额", "亿元", "1,234.5", "－2.1"],        # thousands separator, full-width minus
    ["一般公共预算收入", "万元", "-", ""],                     # both unknown
]
NOTES = ["注：地区生产总值为初步核算数。", "资料来源：区统计局"]


def statistics_workbook(path: Path, sheets: dict[str, list[list]] | None = None, title: str | None = TITLE) -> Path:
    """A workbook with a title merged across the columns, a header, rows and notes
    below; ``sheets`` maps sheet names to rows (the first sheet by default holds ROWS)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in (sheets or {"主要指标": ROWS}).items():
        sheet = book.create_sheet(name)
        if title:
            sheet.append([title])
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
        sheet.append(HEADER)
        for row in rows:
            sheet.append(row)
        sheet.append([])
        for note in NOTES:
            sheet.append([note])
    book.save(path)
    return path


def statistics_csv(path: Path, rows: list[list] = ROWS, encoding: str = "gbk", header=HEADER) -> Path:
    """A .csv as Excel on Chinese Windows saves one (GBK, CRLF), or UTF-8 with a BOM ("utf-8-sig")."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([TITLE])
    writer.writerow(header)
    writer.writerows(rows)
    writer.writerow([])
    for note in NOTES:
        writer.writerow([note])
    path.write_bytes(text.getvalue().encode(encoding))
    return path

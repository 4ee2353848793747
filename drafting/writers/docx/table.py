"""Tables in Word: caption above, a header row repeated on every page the table
spans (``w:tblHeader``), thin borders, columns sized by their content.

Figures come from the style sheet's ``table:`` section; each cell is a
paragraph written by the body writer, in the style ``table:header`` or
``table:cell`` that every package carries.
"""

from __future__ import annotations

import unicodedata

from drafting.model.document import Cell, Table
from drafting.writers.docx import wordml

EIGHTHS_PER_PT = 8
_MIN_SHARE = 0.08  # no column narrower than this share of the table
_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def table_xml(table: Table, paragraphs, sheet) -> str:
    """The ``w:tbl``; ``paragraphs`` (a ``BodyWriter``) writes each cell's text."""
    spec = sheet.table
    width = round(wordml.twips_mm(sheet.text_width_mm) * spec["width_percent"] / 100)
    columns = column_widths(table, width)
    out = ["<w:tbl>", _table_properties(width, spec["border_pt"], wordml.twips_mm(spec["cell_margin_mm"]))]
    out.append("<w:tblGrid>" + "".join(wordml.element("w:gridCol", w=col) for col in columns) + "</w:tblGrid>")
    if table.header:
        out.append(_row(table.header, columns, paragraphs, "table:header", None, spec.get("repeat_header", True)))
    first_align = spec.get("first_column_align")
    for cells in table.rows:
        out.append(_row(cells, columns, paragraphs, "table:cell", first_align, False))
    out.append("</w:tbl>")
    return "".join(out)


def column_widths(table: Table, total: int) -> list[int]:
    """Twips per column, in proportion to the widest text of each (CJK counts double)."""
    n = table.columns
    need = [1.0] * n
    for row in (table.header, *table.rows):
        for i, cell in enumerate(row):
            need[i] = max(need[i], _display_width(cell))
    share = [max(x / sum(need), _MIN_SHARE) for x in need]
    widths = [int(total * s / sum(share)) for s in share]
    widths[-1] += total - sum(widths)
    return widths


def _display_width(cell: Cell) -> float:
    text = "".join(i.text for i in cell)
    longest = max(text.split("\n"), key=len) if text else ""
    return 2 + sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in longest)


def _table_properties(width: int, border_pt: float, cell_margin: int) -> str:
    size = round(border_pt * EIGHTHS_PER_PT)
    borders = "".join(wordml.element(f"w:{side}", val="single", sz=size, space=0, color="000000") for side in _SIDES)
    margins = "".join(wordml.element(f"w:{side}", w=cell_margin, type="dxa") for side in ("left", "right"))
    return (
        "<w:tblPr>" + wordml.element("w:tblW", w=width, type="dxa") + wordml.element("w:jc", val="center")
        + f"<w:tblBorders>{borders}</w:tblBorders>" + wordml.element("w:tblLayout", type="fixed")
        + f"<w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>"
    )


def _row(cells: tuple[Cell, ...], columns: list[int], paragraphs, style: str, first_align, header: bool) -> str:
    """One ``w:tr``; a short row is padded with empty cells, never cut."""
    out = ["<w:tr><w:trPr><w:cantSplit/>", "<w:tblHeader/>" if header else "", "</w:trPr>"]
    for i, width in enumerate(columns):
        out.append("<w:tc><w:tcPr>" + wordml.element("w:tcW", w=width, type="dxa"))
        out.append(wordml.element("w:vAlign", val="center") + "</w:tcPr>")
        inlines = cells[i] if i < len(cells) else ()
        out.append(paragraphs.styled_paragraph(style, inlines, first_align if i == 0 else None))
        out.append("</w:tc>")
    out.append("</w:tr>")
    return "".join(out)

"""Tables in Word: caption above, a header row repeated on every page the table
spans (``w:tblHeader``), thin borders, columns sized by their content.

Figures come from the style sheet's ``table:`` section.
"""

from __future__ import annotations

import unicodedata

from lxml import etree

from drafting.model.document import Cell, Table
from drafting.writers.docx import ooxml
from drafting.writers.docx.figures import ensure_style, paragraph, text_width_twips, w

EIGHTHS_PER_PT = 8
_MIN_SHARE = 0.08  # no column narrower than this share of the table


def table_elements(word, table: Table, sheet) -> list:
    """The caption paragraph (if any) and the ``w:tbl``, in body order."""
    spec = sheet.table
    styles = {key: ensure_style(word, spec[key]) for key in ("caption", "header", "cell")}
    out = []
    if table.caption:
        out.append(paragraph(styles["caption"], table.caption))
    width = round(text_width_twips(sheet) * spec["width_percent"] / 100)
    columns = column_widths(table, width)
    tbl = etree.Element(w("tbl"))
    _table_properties(tbl, width, spec["border_pt"], ooxml.twips_mm(spec["cell_margin_mm"]))
    grid = etree.SubElement(tbl, w("tblGrid"))
    for col in columns:
        etree.SubElement(grid, w("gridCol")).set(w("w"), str(col))
    first_align = spec.get("first_column_align")
    if table.header:
        row = _row(tbl, table.header, columns, styles["header"], None)
        if spec.get("repeat_header", True):
            etree.SubElement(row.find(w("trPr")), w("tblHeader"))
    for cells in table.rows:
        _row(tbl, cells, columns, styles["cell"], first_align)
    out.append(tbl)
    return out


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


def _table_properties(tbl, width: int, border_pt: float, cell_margin: int) -> None:
    tpr = etree.SubElement(tbl, w("tblPr"))
    tw = etree.SubElement(tpr, w("tblW"))
    tw.set(w("w"), str(width))
    tw.set(w("type"), "dxa")
    etree.SubElement(tpr, w("jc")).set(w("val"), "center")
    borders = etree.SubElement(tpr, w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = etree.SubElement(borders, w(side))
        edge.set(w("val"), "single")
        edge.set(w("sz"), str(round(border_pt * EIGHTHS_PER_PT)))
        edge.set(w("space"), "0")
        edge.set(w("color"), "000000")
    etree.SubElement(tpr, w("tblLayout")).set(w("type"), "fixed")
    margins = etree.SubElement(tpr, w("tblCellMar"))
    for side in ("left", "right"):
        m = etree.SubElement(margins, w(side))
        m.set(w("w"), str(cell_margin))
        m.set(w("type"), "dxa")


def _row(tbl, cells: tuple[Cell, ...], columns: list[int], style_id: str, first_align):
    """One ``w:tr``; a short row is padded with empty cells, never cut."""
    tr = etree.SubElement(tbl, w("tr"))
    etree.SubElement(etree.SubElement(tr, w("trPr")), w("cantSplit"))
    for i, width in enumerate(columns):
        tc = etree.SubElement(tr, w("tc"))
        tcpr = etree.SubElement(tc, w("tcPr"))
        tcw = etree.SubElement(tcpr, w("tcW"))
        tcw.set(w("w"), str(width))
        tcw.set(w("type"), "dxa")
        etree.SubElement(tcpr, w("vAlign")).set(w("val"), "center")
        inlines = cells[i] if i < len(cells) else ()
        tc.append(paragraph(style_id, inlines, first_align if i == 0 else None))
    return tr

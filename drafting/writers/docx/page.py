"""Page set-up: paper, margins and the document grid of GB/T 9704."""

from __future__ import annotations

from docx.shared import Mm

from drafting.packs.stylesheet import StyleSheet
from drafting.writers.docx import ooxml


def set_up_page(word, sheet: StyleSheet) -> None:
    page = sheet.page
    section = word.sections[0]
    section.page_width = Mm(page["width_mm"])
    section.page_height = Mm(page["height_mm"])
    section.top_margin = Mm(page["top_mm"])
    section.bottom_margin = Mm(page["bottom_mm"])
    section.left_margin = Mm(page["left_mm"])
    section.right_margin = Mm(page["right_mm"])
    section.footer_distance = Mm(page["footer_mm"])
    _set_grid(section._sectPr, sheet)


def _set_grid(sect_pr, sheet: StyleSheet) -> None:
    """Word's 文档网格 "指定行和字符网格": lines per page and characters per line.

    Word derives the character pitch from the default paragraph style's size
    plus ``charSpace`` (1/4096 pt); the line pitch equals the body's exact line
    spacing, so the grid and the text agree.
    """
    body = sheet.paragraph("body")
    grid = ooxml.child(sect_pr, "w:docGrid")
    grid.set(ooxml.qn("w:type"), "linesAndChars")
    grid.set(ooxml.qn("w:linePitch"), str(round(body["line_pt"] * ooxml.TWIPS_PER_PT)))
    text_width_pt = sheet.text_width_mm * 72 / 25.4
    extra_pt = text_width_pt / sheet.page["chars_per_line"] - body["size_pt"]
    grid.set(ooxml.qn("w:charSpace"), str(round(extra_pt * 4096)))


def drop_character_grid(word) -> None:
    """Keep the line grid only, for LibreOffice.

    LibreOffice (7.4) puts a glyph wider than the grid's character pitch into two
    cells: 16 pt characters on the 15.8 pt pitch of 28 a line come out 14 a line.
    Without the character grid it sets 27 a line; Word and WPS set 28 either way.
    """
    grid = word.sections[-1]._sectPr.find(ooxml.qn("w:docGrid"))
    if grid is not None and grid.get(ooxml.qn("w:type")) in ("linesAndChars", "snapToChars"):
        grid.set(ooxml.qn("w:type"), "lines")
        grid.attrib.pop(ooxml.qn("w:charSpace"), None)

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
    """Word's 文档网格 "只指定行网格": the line pitch is the body's exact line spacing.

    Characters a line come from the body's character spacing instead
    (``writers/layout.character_spacing_twips``): a character grid ("linesAndChars") is read
    differently by each suite — LibreOffice gives a glyph wider than the pitch
    two cells and sets 14 a line — while glyph width plus spacing is set alike
    by Word, WPS and LibreOffice.
    """
    grid = ooxml.child(sect_pr, "w:docGrid")
    grid.set(ooxml.qn("w:type"), "lines")
    grid.set(ooxml.qn("w:linePitch"), str(round(sheet.paragraph("body")["line_pt"] * ooxml.TWIPS_PER_PT)))
    grid.attrib.pop(ooxml.qn("w:charSpace"), None)

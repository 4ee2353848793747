"""Page set-up: paper, margins and the document grid of GB/T 9704."""

from __future__ import annotations

from docx.shared import Mm

from ...stylesheet import StyleSheet
from . import ooxml


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
    """Word's 文档网格 "指定行和字符网格": lines per page and characters per line."""
    page = sheet.page
    body = sheet.paragraph("body")
    grid = ooxml.child(sect_pr, "w:docGrid")
    grid.set(ooxml.qn("w:type"), "linesAndChars")
    grid.set(ooxml.qn("w:linePitch"), str(round(body["line_pt"] * ooxml.TWIPS_PER_PT)))
    text_width_pt = (page["width_mm"] - page["left_mm"] - page["right_mm"]) * 72 / 25.4
    # charSpace is the extra pitch per character beyond the font size, in 1/4096 pt
    extra_pt = text_width_pt / page["chars_per_line"] - body["size_pt"]
    grid.set(ooxml.qn("w:charSpace"), str(round(extra_pt * 4096)))

"""Layout worked out from the style sheet, shared by the Word writer and the PDF:
the body's character spacing that sets the grid's characters a line, and the
break points of titles too long for one line.

Kept free of python-docx: the writer's fast path (``docx/base.py``) never imports it.
"""

from __future__ import annotations

import math

from drafting.model.document import Block, BlockRole, Document
from drafting.model.title_breaks import width, with_title_breaks
from drafting.packs.stylesheet import StyleSheet, style_key

TWIPS_PER_PT = 20


def character_spacing_twips(sheet: StyleSheet) -> int:
    """The body's character spacing (w:spacing, 1/20 pt) that sets exactly
    ``chars_per_line`` full-width characters in the type area.

    Rounded down to the twip: the line must hold n advances of size + spacing
    (on A4 with 28/26 mm margins, 442.2 pt / 28 = 15.79 pt, so 16 pt characters
    need −0.21 pt, written −0.25 pt: 28 × 15.75 = 441 pt fits and 29 does not).
    """
    body = sheet.paragraph("body")
    advance_pt = _text_width_pt(sheet) / sheet.page["chars_per_line"]
    return math.floor((advance_pt - body["size_pt"]) * TWIPS_PER_PT)


def characters_per_line(sheet: StyleSheet, key: str) -> float:
    """Full-width characters of style ``key`` a line holds: styles of the
    body's size take its spacing, others are set at their natural width."""
    spec, body = sheet.paragraph(key), sheet.paragraph("body")
    spacing = character_spacing_twips(sheet) / TWIPS_PER_PT if spec["size_pt"] == body["size_pt"] else 0
    indent = spec.get("first_line_chars", 0)
    return _text_width_pt(sheet) / (spec["size_pt"] + spacing) - indent


def break_long_titles(document: Document, sheet: StyleSheet) -> Document:
    """Titles (and centred headings) longer than a line, broken as 公文 breaks
    them (``model/title_breaks.py``); other blocks as they are."""
    blocks = list(document.blocks)
    changed = False
    for i, block in enumerate(blocks):
        if not _is_shaped(block, sheet):
            continue
        per_line = characters_per_line(sheet, style_key(block))
        if width(block.text) > per_line:
            blocks[i] = with_title_breaks(block, math.floor(per_line + 1e-6))
            changed = changed or blocks[i] is not block
    return Document(document.meta, blocks) if changed else document


def _is_shaped(block, sheet: StyleSheet) -> bool:
    if block.role is BlockRole.TITLE:
        return True
    return block.role is BlockRole.HEADING and sheet.paragraph(style_key(block)).get("align") == "center"


def _text_width_pt(sheet: StyleSheet) -> float:
    return sheet.text_width_mm * 72 / 25.4


def keeps_with_next(blocks: list, i: int) -> bool:
    """The paragraphs before a 落款 (signature), across the blank line that sets
    it off, stay on its page: a signature never stands alone on the last page."""
    j = i + 1
    while j < len(blocks) and blocks[j].role is BlockRole.PARAGRAPH and not blocks[j].inlines:
        j += 1
    return j < len(blocks) and blocks[j].role is BlockRole.SIGNATURE and j - i <= 2


def keeps_lead_together(block: Block, spec: dict, sheet: StyleSheet) -> bool:
    """A paragraph with a run-in lead is kept on one page when it is short
    (``keep_lead_max_lines``), so the lead never ends a page without its body.
    Longer ones rely on widow control; Word has no "keep the first n lines"."""
    limit = spec.get("keep_lead_max_lines")
    if not limit or not block.lead:
        return False
    width_pt = _text_width_pt(sheet)
    per_line = max(1, int(width_pt // spec["size_pt"]))
    lines = -(-(len(block.text) + spec.get("first_line_chars", 0)) // per_line)
    return lines <= limit


def keeps_next_by_style(spec: dict) -> bool:
    """Whether a paragraph style keeps its paragraph on the page of the next:
    a heading (it has an outline level) and a caption do, unless the style sheet
    says ``keep_next: false``. The Word styles and the desk's pages both ask here."""
    default = "outline_level" in spec or bool(spec.get("keep_with_next"))
    return bool(spec.get("keep_next", default))

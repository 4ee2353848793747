"""The document body as WordprocessingML text, a paragraph per block.

Written as text rather than as lxml elements serialized afterwards: a
book-length speech has hundreds of thousands of runs, and building, holding and
serializing a tree of them costs several times the text itself. Each block is
written once, in order; nothing looks back at what was written before
(python-docx's ``add_paragraph`` rescans the body on every insert, #408).
The result is what lxml would serialize for the same elements (tests hold it
to that).
"""

from __future__ import annotations

from typing import Iterator

from lxml import etree

from drafting.model.document import Block, BlockRole, InlineRole
from drafting.packs.stylesheet import StyleSheet, style_key
from drafting.writers.docx.ruby import RubyLook, ruby_run

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CHARACTER_KEYS = {
    InlineRole.LEAD: "lead",
    InlineRole.INDICATOR: "indicator",
}
# a writer's line break, and a break the layout chose (a long title's shape)
_BREAKS = (InlineRole.LINE_BREAK, InlineRole.LAYOUT_BREAK)
_LINE_BREAK = "<w:br/>"
_TEXT_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
)


class BodyWriter:
    """Turns blocks into ``<w:p>`` text with the style ids of one package."""

    def __init__(self, style_ids: dict[str, str], sheet: StyleSheet):
        self.style_ids = style_ids
        self.sheet = sheet
        self.specs = {key: sheet.paragraph(key) for key in sheet.paragraph_keys()}
        self.ruby = RubyLook.from_sheet(sheet.data.get("ruby"))
        self._paragraph_open = {
            key: f'<w:p><w:pPr><w:pStyle w:val="{_attribute(value)}"/>'
            for key, value in style_ids.items()
            if not key.startswith("char:")
        }
        self._run_open = {
            role: f'<w:r><w:rPr><w:rStyle w:val="{_attribute(style_ids["char:" + key])}"/></w:rPr>'
            for role, key in _CHARACTER_KEYS.items()
        }

    def paragraphs(self, blocks: list[Block], start: int = 0, stop: int | None = None) -> str:
        stop = len(blocks) if stop is None else stop
        return "".join([self.paragraph(blocks[i], keeps_with_next(blocks, i)) for i in range(start, stop)])

    def encoded(self, blocks: list[Block], per_piece: int = 500) -> Iterator[bytes]:
        """The paragraphs as UTF-8, a few hundred at a time (never the whole body)."""
        for start in range(0, len(blocks), per_piece):
            yield self.paragraphs(blocks, start, min(start + per_piece, len(blocks))).encode("utf-8")

    def paragraph(self, block: Block, keep_with_next: bool = False) -> str:
        key = style_key(block)
        out = [self._paragraph_open[key]]
        spec = self.specs[key]
        if keep_with_next:
            out.append("<w:keepNext/>")
        if block.lead and keeps_lead_together(block, spec, self.sheet):
            out.append("<w:keepLines/>")
        out.append("</w:pPr>")
        for inline in block.inlines:
            if inline.role is InlineRole.RUBY:
                out.append(self._ruby(inline, spec))
                continue
            out.append(self._run_open.get(inline.role, "<w:r>"))
            if inline.role in _BREAKS:
                out.append(_LINE_BREAK)
            else:
                out.append('<w:t xml:space="preserve">')
                out.append(_text(inline.text))
                out.append("</w:t>")
            out.append("</w:r>")
        out.append("</w:p>")
        return "".join(out)

    def _ruby(self, inline, spec: dict) -> str:
        """A phonetic guide (reading copy only): built by ``ruby.py`` as elements."""
        key = _CHARACTER_KEYS.get(inline.style_role)
        style = self.style_ids["char:" + key] if key else None
        run = ruby_run(inline.text, inline.ruby, spec["size_pt"], self.ruby, style)
        return etree.tostring(run, encoding="unicode").replace(f' xmlns:w="{_W}"', "", 1)


def keeps_with_next(blocks: list[Block], i: int) -> bool:
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
    width_pt = sheet.text_width_mm * 72 / 25.4
    per_line = max(1, int(width_pt // spec["size_pt"]))
    lines = -(-(len(block.text) + spec.get("first_line_chars", 0)) // per_line)
    return lines <= limit


def _text(text: str) -> str:
    """Escaped as lxml escapes text. Characters XML cannot hold never get here:
    the model's text was parsed by lxml (markup.py) from data that schema.py
    checked, so it is not checked again, character by character."""
    for char, escape in _TEXT_ESCAPES:
        if char in text:  # usually not: a test is much cheaper than a replace
            text = text.replace(char, escape)
    return text


def _attribute(value: str) -> str:
    return value.translate(_ATTRIBUTE_ESCAPES)

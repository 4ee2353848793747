"""The document body as WordprocessingML text: a paragraph per block, a table
per table, a picture paragraph per picture, written with ``wordml``.

Each block is written once, in order; nothing looks back at what was written
before (python-docx's ``add_paragraph`` rescans the body on every insert, #408).
A paragraph is what lxml would serialise for the same elements (tests hold it
to that), and a table cell or caption is written by the same paragraph code as
the body, so it keeps every inline style.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Mapping

from drafting.model.document import Block, BlockRole, Image, Inline, InlineRole, Table
from drafting.packs.stylesheet import StyleSheet, style_key
from drafting.writers.docx import wordml
from drafting.writers.layout import keeps_lead_together, keeps_with_next

if TYPE_CHECKING:
    from drafting.writers.docx.image import Picture
    from drafting.writers.docx.ruby import RubyLook

_CHARACTER_KEYS = {
    InlineRole.LEAD: "lead",
    InlineRole.INDICATOR: "indicator",
}
# a writer's line break, and a break the layout chose (a long title's shape)
_BREAKS = (InlineRole.LINE_BREAK, InlineRole.LAYOUT_BREAK)
_LINE_BREAK = "<w:br/>"


class BodyWriter:
    """Turns blocks into body text with the style ids of one package; pictures
    come placed (``image.place_pictures``), their parts already named."""

    def __init__(self, style_ids: dict[str, str], sheet: StyleSheet, pictures: Mapping[int, Picture] | None = None):
        self.style_ids = style_ids
        self.sheet = sheet
        self.pictures = pictures or {}
        self.specs = {key: sheet.paragraph(key) for key in sheet.paragraph_keys()}
        for style in ("table:caption", "table:header", "table:cell", "image:caption"):
            section, key = style.split(":")  # a cell's pinyin is sized to the cell's type
            self.specs[style] = {**self.specs["body"], **sheet.data[section][key]}
        self._ruby_look: RubyLook | None = None  # the reading copy's: read on its first guide
        self._paragraph_open = {key: _paragraph_open(value) for key, value in style_ids.items()}
        self._run_open = {
            role: f'<w:r><w:rPr><w:rStyle w:val="{wordml.attribute(style_ids["char:" + key])}"/></w:rPr>'
            for role, key in _CHARACTER_KEYS.items()
        }

    def paragraphs(self, blocks: list, start: int = 0, stop: int | None = None) -> str:
        stop = len(blocks) if stop is None else stop
        return "".join([self.block(blocks, i) for i in range(start, stop)])

    def encoded(self, blocks: list, per_piece: int = 500) -> Iterator[bytes]:
        """The body as UTF-8, a few hundred blocks at a time (never the whole body)."""
        for start in range(0, len(blocks), per_piece):
            yield self.paragraphs(blocks, start, min(start + per_piece, len(blocks))).encode("utf-8")

    def block(self, blocks: list, i: int) -> str:
        block = blocks[i]
        if block.role is BlockRole.TABLE:
            return self.table(block)
        if block.role is BlockRole.IMAGE:
            return self.image(block, self.pictures[i])
        return self.paragraph(block, keeps_with_next(blocks, i))

    def paragraph(self, block: Block, keep_with_next: bool = False) -> str:
        key = style_key(block)
        spec = self.specs[key]
        properties = ""
        if keep_with_next:
            properties += "<w:keepNext/>"
        if block.lead and keeps_lead_together(block, spec, self.sheet):
            properties += "<w:keepLines/>"
        return self._paragraph_open[key] + properties + "</w:pPr>" + self.runs(block.inlines, spec) + "</w:p>"

    def styled_paragraph(self, style: str, inlines: tuple[Inline, ...], align: str | None = None) -> str:
        """A table cell, a caption or a picture line in its own style (``table:cell``…)."""
        properties = wordml.element("w:jc", val=wordml.ALIGN[align]) if align else ""
        return self._paragraph_open[style] + properties + "</w:pPr>" + self.runs(inlines, self.specs.get(style, self.specs["body"])) + "</w:p>"

    def runs(self, inlines: tuple[Inline, ...], spec: dict) -> str:
        out = []
        for inline in inlines:
            if inline.role is InlineRole.RUBY:
                out.append(self._ruby(inline, spec))
                continue
            out.append(self._run_open.get(inline.role, "<w:r>"))
            if inline.role in _BREAKS:
                out.append(_LINE_BREAK)
            else:
                out.append('<w:t xml:space="preserve">')
                out.append(wordml.text(inline.text))
                out.append("</w:t>")
            out.append("</w:r>")
        return "".join(out)

    def table(self, table: Table) -> str:
        from drafting.writers.docx.table import table_xml  # a speech with a table only

        caption = self.styled_paragraph("table:caption", table.caption) if table.caption else ""
        return caption + table_xml(table, self, self.sheet)

    def image(self, image: Image, picture: Picture) -> str:
        from drafting.writers.docx.image import picture_paragraph  # placed pictures: the module is loaded

        line = picture_paragraph(self._paragraph_open["image:picture"], picture)
        return line + (self.styled_paragraph("image:caption", image.caption) if image.caption else "")

    def _ruby(self, inline: Inline, spec: dict) -> str:
        """A phonetic guide (reading copy only, so its module is loaded here)."""
        from drafting.writers.docx.ruby import RubyLook, ruby_run

        if self._ruby_look is None:
            self._ruby_look = RubyLook.from_sheet(self.sheet.data.get("ruby"))
        key = _CHARACTER_KEYS.get(inline.style_role)
        style = self.style_ids["char:" + key] if key else None
        return ruby_run(inline.text, inline.ruby, spec["size_pt"], self._ruby_look, style)


def _paragraph_open(style_id: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{wordml.attribute(style_id)}"/>'

"""The Word writer: document model + style sheet → .docx bytes.

Each block role becomes a named paragraph style and each inline role a named
character style (``styles.py``); page set-up in ``page.py``, page numbers in
``footer.py``, an office's reference file in ``reference.py``. Body paragraphs
are built as XML and appended once, not with python-docx's ``add_paragraph``
(which rescans the body on every insert, python-docx #408).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from ...model import Block, BlockRole, Document, InlineRole
from ...stylesheet import StyleSheet, style_key
from .footer import add_page_number_footers, has_footers
from .image import image_elements
from .package import finish_package
from .page import drop_character_grid, set_up_page
from .reference import open_reference
from .ruby import RubyLook, ruby_run
from .styles import define_styles, set_chinese_theme_language, set_document_defaults, use_chinese_fonts
from .table import table_elements

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_CHARACTER_KEYS = {
    InlineRole.LEAD: "lead",
    InlineRole.INDICATOR: "indicator",
    InlineRole.STRONG: "strong",
    InlineRole.EMPHASIS: "emphasis",
}


class DocxWriter:
    """Writes a document with the style sheet's typography, or, given an office's
    reference .docx, with that file's styles, page set-up and footers."""

    def __init__(
        self, stylesheet: StyleSheet, reference: Path | None = None, character_grid: bool = True
    ):
        self.stylesheet = stylesheet
        self.reference = reference
        self.character_grid = character_grid  # False for LibreOffice (see page.drop_character_grid)

    def write(self, document: Document) -> bytes:
        word = self._start()
        if not self.character_grid:
            drop_character_grid(word)
        style_ids = define_styles(word, self.stylesheet)
        _append_body(word, document, style_ids, self.stylesheet)
        _set_properties(word, document)
        buffer = io.BytesIO()
        word.save(buffer)
        return finish_package(buffer.getvalue())

    def _start(self):
        if self.reference is not None:
            word = open_reference(self.reference)
            set_chinese_theme_language(word)
            if not has_footers(word.sections[-1]):
                add_page_number_footers(word, self.stylesheet)
            return word
        word = docx.Document()
        set_document_defaults(word, self.stylesheet)
        use_chinese_fonts(word, self.stylesheet)
        set_up_page(word, self.stylesheet)
        add_page_number_footers(word, self.stylesheet)
        return word


def _append_body(word, document: Document, style_ids: dict[str, str], sheet: StyleSheet) -> None:
    body = word.element.body
    section = body.find(qn("w:sectPr"))
    body.remove(section)
    ruby = RubyLook.from_sheet(sheet.data.get("ruby"))
    for block in document.blocks:
        if block.role is BlockRole.TABLE:
            body.extend(table_elements(word, block, sheet))
        elif block.role is BlockRole.IMAGE:
            body.extend(image_elements(word, block, sheet))
        else:
            body.append(_paragraph(block, style_ids, sheet, ruby))
    body.append(section)


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _paragraph(block: Block, style_ids: dict[str, str], sheet: StyleSheet, ruby: RubyLook):
    p = etree.Element(_w("p"))
    if block.role is BlockRole.PAGE_BREAK:
        etree.SubElement(etree.SubElement(p, _w("r")), _w("br")).set(_w("type"), "page")
        return p
    ppr = etree.SubElement(p, _w("pPr"))
    etree.SubElement(ppr, _w("pStyle")).set(_w("val"), style_ids[style_key(block)])
    spec = sheet.paragraph(style_key(block))
    if _keeps_lead_together(block, spec, sheet):
        etree.SubElement(ppr, _w("keepLines"))
    for inline in block.inlines:
        if inline.role is InlineRole.RUBY:
            key = _CHARACTER_KEYS.get(inline.style_role)
            p.append(ruby_run(inline.text, inline.ruby, spec["size_pt"], ruby, style_ids["char:" + key] if key else None))
            continue
        r = etree.SubElement(p, _w("r"))
        key = _CHARACTER_KEYS.get(inline.role)
        if key is not None:
            rpr = etree.SubElement(r, _w("rPr"))
            etree.SubElement(rpr, _w("rStyle")).set(_w("val"), style_ids["char:" + key])
        if inline.role in (InlineRole.LINE_BREAK, InlineRole.LAYOUT_BREAK):
            etree.SubElement(r, _w("br"))
        else:
            t = etree.SubElement(r, _w("t"))
            t.text = inline.text
            t.set(_XML_SPACE, "preserve")
    return p


def _keeps_lead_together(block: Block, spec: dict, sheet: StyleSheet) -> bool:
    """A paragraph with a run-in lead is kept on one page when it is short
    (``keep_lead_max_lines``), so the lead never ends a page without its body.
    Longer ones rely on widow control; Word has no "keep the first n lines"."""
    limit = spec.get("keep_lead_max_lines")
    if not limit or not block.lead:
        return False
    page = sheet.page
    width_pt = (page["width_mm"] - page["left_mm"] - page["right_mm"]) * 72 / 25.4
    per_line = max(1, int(width_pt // spec["size_pt"]))
    lines = -(-(len(block.text) + spec.get("first_line_chars", 0)) // per_line)
    return lines <= limit


_PROPERTY_LIMIT = 255  # python-docx refuses longer core properties


def _property_text(text: str) -> str:
    """A document property is a label; the full text stands in the body."""
    return text if len(text) <= _PROPERTY_LIMIT else text[: _PROPERTY_LIMIT - 1] + "…"


def _set_properties(word, document: Document) -> None:
    props = word.core_properties
    props.title = _property_text(document.meta.title)
    props.author = _property_text(document.meta.author)
    props.subject = _property_text(document.meta.subject)
    props.keywords = _property_text(document.meta.keywords)
    props.comments = ""
    props.last_modified_by = "draft"

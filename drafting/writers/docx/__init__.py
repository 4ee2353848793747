"""The Word writer: document model + style sheet → .docx bytes.

Each block role becomes a named paragraph style and each inline role a named
character style, so a writer can restyle every level-1 heading at once in Word.
Body paragraphs are built as XML and appended once, not with python-docx's
``add_paragraph`` (which rescans the body on every insert, python-docx #408).
"""

from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from lxml import etree

from ...model import Block, BlockRole, Document, InlineRole
from ...stylesheet import StyleSheet, style_key
from . import ooxml
from .package import finish_package
from .page import set_up_page

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_CHARACTER_KEYS = {
    InlineRole.LEAD: "lead",
    InlineRole.INDICATOR: "indicator",
    InlineRole.STRONG: "strong",
    InlineRole.EMPHASIS: "emphasis",
}


class DocxWriter:
    def __init__(self, stylesheet: StyleSheet):
        self.stylesheet = stylesheet

    def write(self, document: Document) -> bytes:
        word = docx.Document()
        style_ids = _define_styles(word, self.stylesheet)
        set_up_page(word, self.stylesheet)
        _append_body(word, document, style_ids)
        _set_properties(word, document)
        buffer = io.BytesIO()
        word.save(buffer)
        return finish_package(buffer.getvalue())


def _define_styles(word, sheet: StyleSheet) -> dict[str, str]:
    """Create one paragraph style per role and one character style per inline role."""
    _set_document_defaults(word, sheet)
    ids: dict[str, str] = {}
    body_name = sheet.paragraph("body")["name"]
    for key in sheet.paragraph_keys():
        spec = sheet.paragraph(key)
        style = word.styles.add_style(spec["name"], WD_STYLE_TYPE.PARAGRAPH)
        if key != "body":
            style.base_style = word.styles[body_name]
        style.next_paragraph_style = word.styles[body_name]
        style.quick_style = True
        _paragraph_properties(style.element.get_or_add_pPr(), spec)
        _run_properties(style.element.get_or_add_rPr(), spec)
        ids[key] = style.style_id
    for key, spec in sheet.data["characters"].items():
        style = word.styles.add_style(spec["name"], WD_STYLE_TYPE.CHARACTER)
        style.quick_style = True
        _run_properties(style.element.get_or_add_rPr(), spec)
        ids["char:" + key] = style.style_id
    return ids


def _set_document_defaults(word, sheet: StyleSheet) -> None:
    """Replace the template's Japanese East Asian theme font and ja-JP language."""
    body = sheet.paragraph("body")
    defaults = word.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    ooxml.set_fonts(rpr, body["font"])
    ooxml.set_size(rpr, body["size_pt"])
    ooxml.set_language(rpr)
    settings = word.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")
        theme_lang.set(qn("w:val"), "en-US")


def _paragraph_properties(ppr, spec: dict) -> None:
    if "line_pt" in spec:
        ooxml.set_exact_line(ppr, spec["line_pt"])
    after = spec.get("space_after_lines", 0) * spec.get("line_pt", 0)
    ooxml.set_space(ppr, spec.get("space_before_pt", 0), after)
    ooxml.set_first_line_chars(ppr, spec.get("first_line_chars", 0), spec["size_pt"])
    ooxml.set_alignment(ppr, spec.get("align", "justify"))
    if "outline_level" in spec:
        ooxml.set_outline_level(ppr, spec["outline_level"])


def _run_properties(rpr, spec: dict) -> None:
    if "font" in spec:
        ooxml.set_fonts(rpr, spec["font"])
    if "bold" in spec:
        ooxml.set_bold(rpr, spec["bold"])
    if "size_pt" in spec:
        ooxml.set_size(rpr, spec["size_pt"])


def _append_body(word, document: Document, style_ids: dict[str, str]) -> None:
    body = word.element.body
    section = body.find(qn("w:sectPr"))
    body.remove(section)
    for block in document.blocks:
        body.append(_paragraph(block, style_ids))
    body.append(section)


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _paragraph(block: Block, style_ids: dict[str, str]):
    p = etree.Element(_w("p"))
    if block.role is BlockRole.PAGE_BREAK:
        etree.SubElement(etree.SubElement(p, _w("r")), _w("br")).set(_w("type"), "page")
        return p
    ppr = etree.SubElement(p, _w("pPr"))
    etree.SubElement(ppr, _w("pStyle")).set(_w("val"), style_ids[style_key(block)])
    for inline in block.inlines:
        r = etree.SubElement(p, _w("r"))
        key = _CHARACTER_KEYS.get(inline.role)
        if key is not None:
            rpr = etree.SubElement(r, _w("rPr"))
            etree.SubElement(rpr, _w("rStyle")).set(_w("val"), style_ids["char:" + key])
        if inline.role is InlineRole.LINE_BREAK:
            etree.SubElement(r, _w("br"))
        else:
            t = etree.SubElement(r, _w("t"))
            t.text = inline.text
            t.set(_XML_SPACE, "preserve")
    return p


def _set_properties(word, document: Document) -> None:
    props = word.core_properties
    props.title = document.meta.title
    props.author = document.meta.author
    props.subject = document.meta.subject
    props.keywords = document.meta.keywords
    props.comments = ""
    props.last_modified_by = "draft"

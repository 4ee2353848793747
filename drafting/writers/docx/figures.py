"""Shared by the table and picture writers: their named styles and plain runs.

Tables and pictures get styles of their own (表题, 表格文字, 图题 …) from the
style sheet's ``table:`` and ``image:`` sections, so a writer restyles every
table caption at once in Word, as with headings.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from ...model import Inline, InlineRole
from . import ooxml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BOLD = {InlineRole.LEAD, InlineRole.STRONG}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def ensure_style(word, spec: dict) -> str:
    """The id of the paragraph style named ``spec["name"]``, defined on first use."""
    name = spec["name"]
    for style in word.styles:
        if style.name == name and style.type == WD_STYLE_TYPE.PARAGRAPH:
            return style.style_id
    style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.quick_style = True
    ppr = style.element.get_or_add_pPr()
    if "line_pt" in spec:
        ooxml.set_exact_line(ppr, spec["line_pt"])
    ooxml.set_space(ppr, 0, 0)
    ooxml.set_first_line_chars(ppr, 0, spec.get("size_pt", 12))
    ooxml.set_alignment(ppr, spec.get("align", "center"))
    _keep_off_grid(ppr)
    if spec.get("keep_with_next"):
        ooxml.child(ppr, "w:keepNext")
    rpr = style.element.get_or_add_rPr()
    if "font" in spec:
        ooxml.set_fonts(rpr, spec["font"])
    if "size_pt" in spec:
        ooxml.set_size(rpr, spec["size_pt"])
    if "bold" in spec:
        ooxml.set_bold(rpr, spec["bold"])
    return style.style_id


def _keep_off_grid(ppr) -> None:
    """Smaller type in tables and captions must not be spread out to the body's
    character grid (28 characters a line of 三号)."""
    ooxml.child(ppr, "w:snapToGrid", val="0")


def paragraph(style_id: str, inlines: tuple[Inline, ...] = (), align: str | None = None):
    """A ``w:p`` in a style, its runs plain but for bold leads and strong text."""
    p = etree.Element(w("p"))
    ppr = etree.SubElement(p, w("pPr"))
    etree.SubElement(ppr, w("pStyle")).set(w("val"), style_id)
    if align is not None:
        ooxml.set_alignment(ppr, align)
    for inline in inlines:
        r = etree.SubElement(p, w("r"))
        if inline.role in _BOLD:
            etree.SubElement(etree.SubElement(r, w("rPr")), w("b"))
        if inline.role is InlineRole.LINE_BREAK:
            etree.SubElement(r, w("br"))
        else:
            t = etree.SubElement(r, w("t"))
            t.text = inline.text
            t.set(_XML_SPACE, "preserve")
    return p


def text_width_twips(sheet) -> int:
    page = sheet.page
    return ooxml.twips_mm(page["width_mm"] - page["left_mm"] - page["right_mm"])

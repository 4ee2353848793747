"""Shared by the table and picture writers: their named styles and plain runs.

Tables and pictures get styles of their own (表题, 表格文字, 图题 …) from the
style sheet's ``table:`` and ``image:`` sections, so a writer restyles every
table caption at once in Word, as with headings.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from drafting.model.document import Inline, InlineRole
from drafting.writers.docx import ooxml
from drafting.writers.docx.styles import paragraph_properties
from drafting.writers.docx.styles import run_properties

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BOLD = {InlineRole.LEAD}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def ensure_style(word, spec: dict) -> str:
    """The id of the paragraph style named ``spec["name"]``, defined on first use
    (a reference document's style of that name is taken as it is)."""
    name = spec["name"]
    for style in word.styles:
        if style.name == name and style.type == WD_STYLE_TYPE.PARAGRAPH:
            return style.style_id
    style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.quick_style = True
    ppr = style.element.get_or_add_pPr()
    # smaller type in tables and captions must not be spread out to the body's grid
    spec = {"first_line_chars": 0, "snap_to_grid": False, "align": "center", **spec}
    if "line_pt" in spec:
        paragraph_properties(ppr, spec)
    else:  # a picture: the line grows with it instead of clipping it to the body's 28 pt
        ooxml.set_auto_line(ppr)
        ooxml.set_space(ppr, 0, 0)
        ooxml.set_first_line_chars(ppr, 0, 12)
        ooxml.set_alignment(ppr, spec["align"])
        ooxml.set_snap_to_grid(ppr, False)
    if spec.get("keep_with_next"):
        ooxml.set_keep_with_next(ppr)
    run_properties(style.element.get_or_add_rPr(), spec)
    return style.style_id


def paragraph(style_id: str, inlines: tuple[Inline, ...] = (), align: str | None = None):
    """A ``w:p`` in a style, its runs plain but for bold leads."""
    p = etree.Element(w("p"))
    ppr = etree.SubElement(p, w("pPr"))
    etree.SubElement(ppr, w("pStyle")).set(w("val"), style_id)
    if align is not None:
        ooxml.set_alignment(ppr, align)
    for inline in inlines:
        r = etree.SubElement(p, w("r"))
        if inline.role in _BOLD:
            etree.SubElement(etree.SubElement(r, w("rPr")), w("b"))
        if inline.role in (InlineRole.LINE_BREAK, InlineRole.LAYOUT_BREAK):
            etree.SubElement(r, w("br"))
        else:
            r.append(ooxml.text_element(inline.text))
    return p


def text_width_twips(sheet) -> int:
    return ooxml.twips_mm(sheet.text_width_mm)

"""Page numbers: “— 1 —” in the footer, odd pages right, even pages left.

Two footers (default = odd, even) referenced from the section properties and
``w:evenAndOddHeaders`` in the settings, as Word itself writes them; the PAGE
field is complete (begin, instruction, separate, cached result, end), which WPS
needs to show it.
"""

from __future__ import annotations

from drafting.packs.stylesheet import StyleSheet
from drafting.writers.docx import ooxml
from drafting.writers.docx.ooxml import OxmlElement


def has_footers(section) -> bool:
    return section._sectPr.find(ooxml.qn("w:footerReference")) is not None


def add_page_number_footers(word, sheet: StyleSheet) -> None:
    spec = sheet.page_number
    word.settings.odd_and_even_pages_header_footer = True
    section = word.sections[-1]
    for footer, side, cached in ((section.footer, "right", "1"), (section.even_page_footer, "left", "2")):
        footer.is_linked_to_previous = False
        container = footer._element
        for child in list(container):
            container.remove(child)
        container.append(_page_number_paragraph(spec, side, cached))


def _page_number_paragraph(spec: dict, side: str, cached: str):
    p = OxmlElement("w:p")
    ppr = p.get_or_add_pPr()
    ooxml.set_alignment(ppr, side)
    ooxml.set_side_indent(ppr, side, spec["indent_chars"], spec["size_pt"])
    ooxml.set_snap_to_grid(ppr, False)

    def rpr():
        element = OxmlElement("w:rPr")
        ooxml.set_fonts(element, spec["font"])
        ooxml.set_size(element, spec["size_pt"])
        return element

    before, _, after = spec["format"].partition("{page}")
    if before:
        p.append(_text_run(before, rpr()))
    for run in ooxml.field_runs("PAGE", cached, rpr):
        p.append(run)
    if after:
        p.append(_text_run(after, rpr()))
    return p


def _text_run(text: str, rpr):
    run = OxmlElement("w:r")
    run.append(rpr)
    run.append(ooxml.text_element(text))
    return run

"""Small named helpers over WordprocessingML, so no other module spells ``w:`` names.

python-docx has no API for East Asian fonts, character-unit indents, outline
levels or fields; these helpers write those elements directly.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4
_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both", "both": "both"}


def twips_mm(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def child(parent, tag: str, **attrs: str):
    """The first ``tag`` child of ``parent``, created if missing, with ``attrs`` set."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        sequence = getattr(parent, "_tag_seq", ())
        if tag in sequence:  # Word rejects properties out of schema order
            parent.insert_element_before(element, *sequence[sequence.index(tag) + 1 :])
        else:
            parent.append(element)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def set_fonts(rpr, font: str) -> None:
    """One font for Latin, complex and East Asian text; drop theme fonts that override it."""
    fonts = child(rpr, "w:rFonts")
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), font)
    fonts.set(qn("w:hint"), "eastAsia")


def set_size(rpr, size_pt: float) -> None:
    half_points = str(round(size_pt * 2))
    child(rpr, "w:sz", val=half_points)
    child(rpr, "w:szCs", val=half_points)


def set_bold(rpr, bold: bool) -> None:
    for tag in ("w:b", "w:bCs"):
        element = child(rpr, tag)
        if not bold:
            element.set(qn("w:val"), "0")


def set_language(rpr, east_asia: str = "zh-CN", latin: str = "en-US") -> None:
    child(rpr, "w:lang", val=latin, eastAsia=east_asia, bidi="ar-SA")


def set_alignment(ppr, align: str) -> None:
    child(ppr, "w:jc", val=_ALIGN[align])


def set_first_line_chars(ppr, chars: float, size_pt: float) -> None:
    """Indent in characters (w:firstLineChars) plus the twips value for renderers that ignore it."""
    ind = child(ppr, "w:ind")
    ind.set(qn("w:firstLineChars"), str(round(chars * 100)))
    ind.set(qn("w:firstLine"), str(round(chars * size_pt * TWIPS_PER_PT)))


def set_exact_line(ppr, line_pt: float) -> None:
    spacing = child(ppr, "w:spacing")
    spacing.set(qn("w:line"), str(round(line_pt * TWIPS_PER_PT)))
    spacing.set(qn("w:lineRule"), "exact")


def set_space(ppr, before_pt: float = 0, after_pt: float = 0) -> None:
    spacing = child(ppr, "w:spacing")
    spacing.set(qn("w:before"), str(round(before_pt * TWIPS_PER_PT)))
    spacing.set(qn("w:after"), str(round(after_pt * TWIPS_PER_PT)))


def set_outline_level(ppr, level: int) -> None:
    """Word counts outline levels from 0; level 1 is w:outlineLvl 0."""
    child(ppr, "w:outlineLvl", val=str(level - 1))


__all__ = ["Pt", "qn", "OxmlElement"]

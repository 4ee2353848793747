"""Small named helpers over WordprocessingML, so no other module spells ``w:`` names.

python-docx has no API for East Asian fonts, character-unit indents, outline
levels or fields; these helpers write those elements directly.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from drafting.writers.docx.wordml import ALIGN as _ALIGN, TWIPS_PER_PT


# Child order of the property elements (ECMA-376 Part 1, §17.3.1.26, §17.3.2.28,
# §17.6.17): Word refuses a file whose properties are out of this order.
_SEQUENCES = {
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
        "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
        "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
        "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr "
        "sectPr pPrChange"
    ).split(),
    "rPr": (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
        "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz "
        "szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang "
        "eastAsianLayout specVanish oMath"
    ).split(),
    "sectPr": (
        "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
        "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg "
        "textDirection bidi rtlGutter docGrid printerSettings sectPrChange"
    ).split(),
}


def child(parent, tag: str, **attrs: str):
    """The first ``tag`` child of ``parent``, created in schema order if missing,
    with ``attrs`` set."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        _insert_in_order(parent, element, tag.split(":")[1])
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def _insert_in_order(parent, element, name: str) -> None:
    sequence = _SEQUENCES.get(etree.QName(parent).localname)
    if sequence is not None and name in sequence:
        later = set(sequence[sequence.index(name) + 1 :])
        for existing in parent:
            if etree.QName(existing).localname in later:
                existing.addprevious(element)
                return
    parent.append(element)


def set_fonts(rpr, font: str) -> None:
    """One font for Latin, complex and East Asian text; drop theme fonts that override it."""
    fonts = child(rpr, "w:rFonts")
    for attr in _THEME_ATTRS:
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


def set_auto_line(ppr) -> None:
    """Single line spacing that grows with its content (a picture), not a fixed height."""
    spacing = child(ppr, "w:spacing")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")


def set_space(ppr, before_pt: float = 0, after_pt: float = 0) -> None:
    spacing = child(ppr, "w:spacing")
    spacing.set(qn("w:before"), str(round(before_pt * TWIPS_PER_PT)))
    spacing.set(qn("w:after"), str(round(after_pt * TWIPS_PER_PT)))


def set_side_indent(ppr, side: str, chars: float, size_pt: float) -> None:
    """Indent from the left or right edge in characters, with the twips fallback."""
    ind = child(ppr, "w:ind")
    ind.set(qn(f"w:{side}Chars"), str(round(chars * 100)))
    ind.set(qn(f"w:{side}"), str(round(chars * size_pt * TWIPS_PER_PT)))


def set_snap_to_grid(ppr, snap: bool) -> None:
    """Whether lines follow the document grid; exact-spaced titles must not."""
    child(ppr, "w:snapToGrid", val="1" if snap else "0")


def set_hanging_punctuation(ppr, allow: bool) -> None:
    """Word's 允许标点溢出边界 (w:overflowPunct), on by default in Word.

    Written explicitly because LibreOffice 7.4 reads the value inverted, and
    with hanging punctuation on it drops a comma hanging off a justified line.
    """
    child(ppr, "w:overflowPunct", val="1" if allow else "0")


def set_keep_with_next(ppr) -> None:
    child(ppr, "w:keepNext")


def set_flag(ppr, tag: str, on: bool) -> None:
    """An on/off paragraph property (w:widowControl, w:keepLines, w:pageBreakBefore…)."""
    child(ppr, tag, val="1" if on else "0")


def set_outline_level(ppr, level: int) -> None:
    """Word counts outline levels from 0; level 1 is w:outlineLvl 0."""
    child(ppr, "w:outlineLvl", val=str(level - 1))


def drop_theme_fonts(fonts, major: str, minor: str) -> None:
    """Replace theme font references on ``w:rFonts`` by explicit names.

    The default template's theme maps East Asian text to Japanese fonts; an
    explicit name on every slot leaves nothing for the theme to decide.
    """
    uses_major = any("major" in (fonts.get(qn(f"w:{a}")) or "") for a in _THEME_ATTRS)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia"):
        if fonts.get(qn(f"w:{attr}")) is None:
            fonts.set(qn(f"w:{attr}"), major if uses_major else minor)


_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def field_runs(instruction: str, cached: str, make_rpr) -> list:
    """A complete simple field as Word writes it: begin, instruction, separate,
    cached result, end. WPS shows nothing for fields that lack a part of it."""
    runs = []
    for kind, value in (
        ("begin", None), ("instr", instruction), ("separate", None), ("text", cached), ("end", None)
    ):
        run = OxmlElement("w:r")
        run.append(make_rpr())
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.text = f" {value} "
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        elif kind == "text":
            element = text_element(value)
        else:
            element = OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): kind})
        run.append(element)
        runs.append(run)
    return runs


def text_element(text: str):
    element = OxmlElement("w:t")
    element.text = text
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return element


__all__ = ["Pt", "qn", "OxmlElement"]

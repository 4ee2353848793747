"""Word ruby (拼音指南, phonetic guide): pinyin printed above a character.

Word writes a phonetic guide as one run holding ``w:ruby``: ``w:rubyPr``
(alignment, guide size ``hps``, its raise above the base ``hpsRaise``, the base
size ``hpsBaseText``, all in half-points, and the language ``lid``), then the
guide text in ``w:rt`` and the base text in ``w:rubyBase``, each a run of its
own (ISO/IEC 29500-1 §17.3.3.25–28; the elements of ``w:rubyPr`` in that order).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True, slots=True)
class RubyLook:
    """How a guide looks, from the style sheet's ``ruby:`` section."""

    scale: float = 0.5  # guide size as a share of the base size
    offset_pt: float = 0  # extra distance between guide and base
    font: str = ""
    align: str = "center"

    @classmethod
    def from_sheet(cls, spec: dict | None) -> "RubyLook":
        spec, default = spec or {}, cls()
        return cls(
            scale=float(spec.get("scale", default.scale)),
            offset_pt=float(spec.get("offset_pt", default.offset_pt)),
            font=str(spec.get("font", default.font)),
            align=str(spec.get("align", default.align)),
        )


def ruby_run(base: str, guide: str, base_size_pt: float, look: RubyLook, char_style: str | None = None):
    """A ``w:r`` showing ``guide`` above ``base``; ``char_style`` styles the base."""
    base_hp = round(base_size_pt * 2)
    guide_hp = max(2, round(base_size_pt * look.scale * 2))
    run = _w(None, "r")
    ruby = _w(run, "ruby")
    props = _w(ruby, "rubyPr")
    _val(props, "rubyAlign", look.align)
    _val(props, "hps", guide_hp)
    # Word raises the guide by about the base size less a point (the standard's
    # own example: 11 pt base, raise 10 pt); offset_pt adds to that.
    _val(props, "hpsRaise", max(0, base_hp - 2 + round(look.offset_pt * 2)))
    _val(props, "hpsBaseText", base_hp)
    _val(props, "lid", "zh-CN")
    _text_run(_w(ruby, "rt"), guide, size_hp=guide_hp, font=look.font)
    _text_run(_w(ruby, "rubyBase"), base, char_style=char_style)
    return run


def _text_run(parent, text: str, *, size_hp: int | None = None, font: str = "", char_style: str | None = None):
    run = _w(parent, "r")
    rpr = _w(run, "rPr")
    if char_style:
        _val(rpr, "rStyle", char_style)
    fonts = _w(rpr, "rFonts")
    if font:
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(f"{{{_W}}}{attr}", font)
    fonts.set(f"{{{_W}}}hint", "eastAsia")
    if size_hp is not None:
        _val(rpr, "sz", size_hp)
        _val(rpr, "szCs", size_hp)
    t = _w(run, "t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _w(parent, tag: str):
    name = f"{{{_W}}}{tag}"
    return etree.Element(name, nsmap={"w": _W}) if parent is None else etree.SubElement(parent, name)


def _val(parent, tag: str, value) -> None:
    _w(parent, tag).set(f"{{{_W}}}val", str(value))


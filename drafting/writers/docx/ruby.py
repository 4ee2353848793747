"""Word ruby (拼音指南, phonetic guide): pinyin printed above a character.

Word writes a phonetic guide as one run holding ``w:ruby``: ``w:rubyPr``
(alignment, guide size ``hps``, its raise above the base ``hpsRaise``, the base
size ``hpsBaseText``, all in half-points, and the language ``lid``), then the
guide text in ``w:rt`` and the base text in ``w:rubyBase``, each a run of its
own (ISO/IEC 29500-1 §17.3.3.25–28; the elements of ``w:rubyPr`` in that order).
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting.writers.docx import wordml


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


def ruby_run(base: str, guide: str, base_size_pt: float, look: RubyLook, char_style: str | None = None) -> str:
    """A ``w:r`` showing ``guide`` above ``base``; ``char_style`` styles the base."""
    base_hp = round(base_size_pt * 2)
    guide_hp = max(2, round(base_size_pt * look.scale * 2))
    # Word raises the guide by about the base size less a point (the standard's
    # own example: 11 pt base, raise 10 pt); offset_pt adds to that.
    raise_hp = max(0, base_hp - 2 + round(look.offset_pt * 2))
    properties = (
        wordml.element("w:rubyAlign", val=look.align) + wordml.element("w:hps", val=guide_hp)
        + wordml.element("w:hpsRaise", val=raise_hp) + wordml.element("w:hpsBaseText", val=base_hp)
        + wordml.element("w:lid", val="zh-CN")
    )
    guide_run = _text_run(guide, size_hp=guide_hp, font=look.font)
    base_run = _text_run(base, char_style=char_style)
    return (
        f"<w:r><w:ruby><w:rubyPr>{properties}</w:rubyPr><w:rt>{guide_run}</w:rt>"
        f"<w:rubyBase>{base_run}</w:rubyBase></w:ruby></w:r>"
    )


def _text_run(text: str, *, size_hp: int | None = None, font: str = "", char_style: str | None = None) -> str:
    style = wordml.element("w:rStyle", val=char_style) if char_style else ""
    if font:
        fonts = wordml.element("w:rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font, hint="eastAsia")
    else:
        fonts = wordml.element("w:rFonts", hint="eastAsia")
    size = wordml.element("w:sz", val=size_hp) + wordml.element("w:szCs", val=size_hp) if size_hp is not None else ""
    return f"<w:r><w:rPr>{style}{fonts}{size}</w:rPr>{wordml.run_text(text)}</w:r>"

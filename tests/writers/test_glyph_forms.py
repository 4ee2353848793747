"""The PDF prints Simplified Chinese glyph forms: 直 骨 角 关 过 are drawn
differently in the Japanese and the Chinese faces of Noto CJK (one collection,
one font name in the PDF), so each printed glyph is compared with both. The
forms follow the text's language (zh-CN on every style); with ja-JP the same
faces print the Japanese forms and this test fails (measured by hand)."""

import re
import subprocess

import pytest
from PIL import Image, ImageDraw, ImageFont, ImageOps

from drafting.workflow.build import Builder, render_pdf

from .. import outside

pytestmark = pytest.mark.needs(*outside.PDF, "pdftotext")

CHARS = "直骨角关过"
DPI = 300
SIDE = 64
FACES = {  # style-sheet role → (SC face, JP face) fontconfig names, as fonts.conf maps them
    "title": ("Noto Serif CJK SC:bold", "Noto Serif CJK JP:bold"),
    "heading1": ("Noto Sans CJK SC", "Noto Sans CJK JP"),
}
SPEECH = f"""\
pack: half-year-speech
title: {CHARS}
meeting: {{name: 测试会议, year: 2025, half: 上半年}}
opening: [这次会议很重要。]
count_phrase: ""
parts:
  - heading: {CHARS}
    enumeration: 一是
    layout: standalone
    points:
      - lead: 要点。
        body: [正文。]
"""


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Each of CHARS as printed on page 1, by line: {"title": [...], "heading1": [...]}."""
    folder = tmp_path_factory.mktemp("glyphs")
    yaml_path = folder / "speech.yaml"
    yaml_path.write_text(SPEECH, encoding="utf-8")
    pdf = folder / "speech.pdf"
    pdf.write_bytes(render_pdf(Builder().draft(yaml_path)))
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", "-png",
                    str(pdf), str(folder / "page")], check=True)
    page = Image.open(folder / "page.png")
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    found = []
    for x0, y0, x1, y1, text in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', boxes
    ):
        if CHARS not in text:
            continue
        x0, y0, x1, y1 = (float(v) * DPI / 72 for v in (x0, y0, x1, y1))
        step = (x1 - x0) / len(text)  # full-width characters: equal advances
        start = text.index(CHARS)
        found.append([
            _shape(page.crop((int(x0 + (start + k) * step), int(y0), int(x0 + (start + k + 1) * step), int(y1))))
            for k in range(len(CHARS))
        ])
    assert len(found) == 2, "title and heading not found on page 1"
    return dict(zip(("title", "heading1"), found))


def _shape(image):
    """The ink of a glyph, cropped and scaled to SIDE × SIDE, black and white."""
    ink = ImageOps.invert(image.convert("L")).point(lambda v: 255 if v > 100 else 0)
    return ink.crop(ink.getbbox()).resize((SIDE, SIDE)).point(lambda v: 255 if v > 100 else 0)


def _drawn(family: str, ch: str):
    file, index = subprocess.run(["fc-match", "-f", "%{file}:%{index}", family],
                                 capture_output=True, text=True, check=True).stdout.rsplit(":", 1)
    image = Image.new("L", (260, 260), 255)
    ImageDraw.Draw(image).text((30, 10), ch, font=ImageFont.truetype(file, 200, index=int(index)), fill=0)
    return _shape(image)


def _difference(a, b) -> float:
    return sum(x != y for x, y in zip(a.tobytes(), b.tobytes())) / (SIDE * SIDE)


@pytest.mark.parametrize("role", list(FACES))
def test_printed_glyphs_are_the_simplified_chinese_forms(printed, role):
    chinese, japanese = FACES[role]
    telling = 0
    for ch, glyph in zip(CHARS, printed[role]):
        sc, jp = _drawn(chinese, ch), _drawn(japanese, ch)
        if _difference(sc, jp) < 0.03:  # this face draws ch alike in both: it tells nothing
            continue
        telling += 1
        assert _difference(glyph, sc) < _difference(glyph, jp), (role, ch)
    assert telling >= 3, f"{role}: too few characters whose SC and JP forms differ"

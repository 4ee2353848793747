"""The reading copy and the outline, converted to PDF by LibreOffice and read back."""

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

from drafting.workflow.build import Builder, render_pdf

from .. import outside
from ..conftest import CASES, SEED_YAML

pytestmark = pytest.mark.needs(*outside.PDF, "pdfinfo")


def _pdf(tmp_path, path, copy):
    """The copy as ``draft build --format pdf --copy …`` makes it (LibreOffice, font aliases)."""
    pdf = tmp_path / f"{copy}.pdf"
    pdf.write_bytes(render_pdf(Builder().draft(path), copy=copy))
    return pdf


def _text(pdf):
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def _pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def _words(pdf):
    """Every word pdftotext finds, with its box (x0, y0, x1, y1; y grows downwards)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    return [
        (w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")), id(page))
        for page in root.iter("{http://www.w3.org/1999/xhtml}page")
        for w in page.iter("{http://www.w3.org/1999/xhtml}word")
    ]


def _shown_above(words, base, guide):
    """Is ``guide`` printed just above a word holding ``base`` and centred over it?"""
    for g_text, gx0, gy0, gx1, gy1, g_page in words:
        if g_text != guide:
            continue
        centre = (gx0 + gx1) / 2
        for b_text, bx0, by0, bx1, by1, b_page in words:
            if base in b_text and b_page == g_page and bx0 <= centre <= bx1:
                if gy1 <= by0 + 2 and by0 - gy1 < (by1 - by0):
                    return True
    return False


@pytest.fixture(scope="module")
def reading_pdf(tmp_path_factory):
    return _pdf(tmp_path_factory.mktemp("reading"), CASES / "reading-copy" / "speech.yaml", "reading")


def test_libreoffice_shows_the_pinyin_above_its_characters(reading_pdf):
    words = _words(reading_pdf)
    for base, guide in [("濮", "pú"), ("锶", "sī"), ("黜", "chù"), ("蓊", "wěng"), ("郫", "pí"), ("都", "dū")]:
        assert _shown_above(words, base, guide), (base, guide)


def test_reading_copy_of_the_seed_converts_with_every_time_mark(tmp_path):
    pdf = _pdf(tmp_path, SEED_YAML, "reading")
    text = re.sub(r"\s+", "", _text(pdf))
    for mark in ("约7分钟", "约9分钟", "约3分钟"):
        assert mark in text
    assert "一要慎终如始抗疫情" in text and "沧海横流，方显英雄本色" in text
    assert _pages(pdf) > 10  # large print: the seed takes many more pages than its file copy


def test_outline_of_the_seed_converts_to_at_most_two_pages(tmp_path):
    pdf = _pdf(tmp_path, SEED_YAML, "outline")
    text = re.sub(r"\s+", "", _text(pdf))
    assert _pages(pdf) <= 2
    for line in ("一、总结上半年工作", "五是着力“惠民生”", "四要强化督办抓落实。", "固定资产投资同比增长X%。"):
        assert line in text
    assert "按照最高的标准" not in text  # bodies are left out


def test_a_line_with_pinyin_keeps_the_reading_copys_40_pt_pitch(reading_pdf):
    """LibreOffice set a line carrying pinyin on two lines of the 40 pt grid, so a
    page of the reading copy lost a line for each; off the grid it stays 40 pt."""
    from .pdf_layout import pdf_lines

    pages = pdf_lines(reading_pdf.read_bytes(), 35)
    gaps = []
    for page in pages:
        # the text lines (pinyin lines are lower-case Latin only), body size: baselines 40 pt apart
        lines = [line for line in page if not re.fullmatch(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+", line.text)]
        gaps += [round(b.y - a.y, 1) for a, b in zip(lines, lines[1:])]
    assert gaps.count(80.0) == 0, gaps  # the old two-line gap under every line with pinyin
    assert gaps.count(40.0) >= 5

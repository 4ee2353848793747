"""The seed speech through LibreOffice: text, page numbers and lines per page
read back from the PDF with poppler's pdftotext."""

import re
import subprocess
from dataclasses import dataclass, field

import pytest
from click.testing import CliRunner

from drafting.workflow.build import Builder, render_docx, render_pdf, render_text
from drafting.cli import main
from drafting.writers.pdf import docx_to_pdf

from .. import outside
from ..conftest import SEED_YAML, office_reference_docx

# LibreOffice converts, pdftotext reads back, the free faces stand in for Word's fonts.
needs_pdf = pytest.mark.needs(*outside.PDF)

PT_PER_MM = 72 / 25.4
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


@dataclass
class Page:
    width: float
    lines: list[tuple[float, str]] = field(default_factory=list)  # (baseline y, text) in the type area
    footer: str = ""
    footer_x: tuple[float, float] = (0.0, 0.0)
    footer_below_type_area_mm: float = 0.0  # middle of the number's line, where the dashes are
    text_left: float = 0.0  # leftmost text in the type area, in points


def read_pages(pdf: bytes, bottom_margin_mm: float = 35) -> list[Page]:
    """Words grouped into lines by position; anything below the type area is the footer."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = []
    for chunk in out.split("<page ")[1:]:
        width, height = (float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"', chunk).groups())
        page = Page(width)
        type_area_bottom = height - bottom_margin_mm * PT_PER_MM
        rows: dict[float, list] = {}
        footer = []
        for x0, _y0, x1, y1, text in _WORD.findall(chunk):
            x0, x1, y1 = float(x0), float(x1), float(y1)
            if y1 > type_area_bottom + 2:
                footer.append((x0, x1, text, (float(_y0) + y1) / 2))
                continue
            row = next((y for y in rows if abs(y - y1) < 4), y1)  # mixed fonts shift a little
            rows.setdefault(row, []).append((x0, text))
        page.lines = [(y, "".join(t for _, t in sorted(rows[y]))) for y in sorted(rows)]
        page.text_left = min((x for row in rows.values() for x, _ in row), default=0.0)
        if footer:
            page.footer = "".join(f[2] for f in sorted(footer))
            page.footer_x = (min(f[0] for f in footer), max(f[1] for f in footer))
            page.footer_below_type_area_mm = (footer[0][3] - type_area_bottom) / PT_PER_MM
        pages.append(page)
    return pages


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def draft():
    return Builder().draft(SEED_YAML)


@pytest.fixture(scope="module")
def seed_pdf(draft):
    """What ``draft build --format pdf`` makes."""
    return render_pdf(draft)


@pytest.fixture(scope="module")
def pdf_pages(seed_pdf):
    return read_pages(seed_pdf)


@pytest.fixture(scope="module")
def word_docx_pages(draft):
    """The .docx a writer opens, converted as it is (the same bytes as ``--format pdf``)."""
    return read_pages(docx_to_pdf(render_docx(draft)))


@pytest.fixture(params=["pdf", "word-docx"])
def pages(request, pdf_pages, word_docx_pages):
    return pdf_pages if request.param == "pdf" else word_docx_pages


@needs_pdf
def test_every_paragraph_present_in_order(pages, draft):
    text = squeeze("".join(line for page in pages for _, line in page.lines))
    position = 0
    for paragraph in render_text(draft).splitlines():
        found = text.find(squeeze(paragraph), position)
        assert found >= 0, f"missing or out of order: {paragraph[:30]}"
        position = found + len(squeeze(paragraph))
    assert position == len(text)  # and nothing else in the type area


@needs_pdf
def test_page_numbers_on_consecutive_pages_odd_right_even_left(pages):
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert page.footer == f"—{number}—"
        left, right = page.footer_x
        if number % 2:
            assert left > page.width / 2, f"page {number} number should be on the right"
        else:
            assert right < page.width / 2, f"page {number} number should be on the left"


@needs_pdf
def test_page_number_dashes_about_7_mm_below_the_type_area(pdf_pages):
    """GB/T 9704 7.5: 一字线上距版心下边缘 7 mm."""
    for page in pdf_pages:
        assert 6 <= page.footer_below_type_area_mm <= 9, page.footer_below_type_area_mm


@needs_pdf
def test_a_full_page_holds_22_lines_28_pt_apart(pages):
    counts = [len(page.lines) for page in pages]
    assert max(counts) == 22, counts
    full = next(page for page in pages if len(page.lines) == 22)
    gaps = {round(b - a) for (a, _), (b, _) in zip(full.lines, full.lines[1:])}
    assert gaps <= {27, 28, 29}, gaps  # exact 28 pt; baselines are rounded to points


@needs_pdf
def test_pdf_sets_28_characters_a_line(pdf_pages):
    """28 characters of 16 pt text in 156 mm, as in Word (test_grid_in_libreoffice
    measures it on a long speech)."""
    widths = [len(squeeze(line)) for page in pdf_pages for _, line in page.lines]
    assert max(widths) >= 28
    assert sorted(widths)[len(widths) // 2] >= 27  # most lines are full lines


@needs_pdf
def test_title_opens_the_first_page(pdf_pages, draft):
    first = squeeze("".join(line for _, line in pdf_pages[0].lines[:2]))
    assert first == squeeze(draft.document.meta.title)


@needs_pdf
@pytest.mark.needs("pdffonts")
def test_word_fonts_are_mapped_to_distinct_free_faces(seed_pdf, tmp_path):
    pdf = tmp_path / "seed.pdf"
    pdf.write_bytes(seed_pdf)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    for face in ("FandolFang", "UKai", "NotoSansCJK", "NotoSerifCJK"):  # 仿宋 楷体 黑体 小标宋/宋体
        assert face in fonts, fonts


@needs_pdf
def test_build_pdf_from_the_command_line(tmp_path):
    out = tmp_path / "讲话.pdf"
    result = CliRunner().invoke(main, ["build", str(SEED_YAML), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    assert len(read_pages(out.read_bytes())) >= 3


def test_missing_libreoffice_says_how_to_install_it(tmp_path):
    out = tmp_path / "讲话.pdf"
    result = CliRunner().invoke(
        main, ["build", str(SEED_YAML), "--format", "pdf", "-o", str(out)], env={"PATH": ""}
    )
    assert result.exit_code == 1
    assert "LibreOffice" in result.output and "安装" in result.output
    assert "apt install libreoffice-writer" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


@needs_pdf
def test_reference_doc_margins_carry_into_the_pdf(draft, pdf_pages, tmp_path):
    reference = office_reference_docx(tmp_path / "office.docx")  # 30 mm margins all round
    pages = read_pages(render_pdf(draft, reference), bottom_margin_mm=30)
    assert abs(pages[1].text_left / PT_PER_MM - 30) < 0.5
    assert abs(pdf_pages[1].text_left / PT_PER_MM - 28) < 0.5  # the default left margin

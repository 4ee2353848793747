"""28 characters × 22 lines in LibreOffice, on a long speech made from the seed's
sentences: the .docx a writer opens (converted with no settings of ours) and
what ``--format pdf`` makes of the same bytes."""

import re
import statistics
import subprocess
from collections import Counter

import pytest
import yaml

from drafting.workflow.build import Builder, render_docx, render_pdf
from drafting.writers.pdf import find_soffice

from ..conftest import SEED_YAML
from .pdf_layout import PT_PER_MM, full_lines, pdf_lines

from .. import outside

pytestmark = pytest.mark.needs(*outside.PDF, "pdftotext")

LEFT_PT, RIGHT_PT = 28 * PT_PER_MM, (210 - 26) * PT_PER_MM
BOTTOM_MM = 35


@pytest.fixture(scope="module")
def long_draft(tmp_path_factory):
    """The seed's parts five times over: about forty pages of its own sentences."""
    data = yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))
    data["parts"] = data["parts"] * 5
    path = tmp_path_factory.mktemp("long") / "long.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Builder().draft(path)


@pytest.fixture(scope="module")
def long_docx(long_draft):
    return render_docx(long_draft)


def _convert_as_is(docx: bytes, folder) -> bytes:
    """``soffice --convert-to pdf`` on the file, as a writer would: no font aliases."""
    source = folder / "long.docx"
    source.write_bytes(docx)
    subprocess.run(
        [find_soffice(), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=300,
    )
    return (folder / "long.pdf").read_bytes()


@pytest.fixture(scope="module", params=["docx-as-is", "format-pdf"])
def pages(request, long_draft, long_docx, tmp_path_factory):
    if request.param == "docx-as-is":
        pdf = _convert_as_is(long_docx, tmp_path_factory.mktemp("as-is"))
    else:
        pdf = render_pdf(long_draft)
    return pdf_lines(pdf, BOTTOM_MM)


def test_full_pure_cjk_lines_hold_28_characters(pages):
    counts = [
        len(line.text) for page in pages for line in full_lines(page, LEFT_PT)
        if line.pure_cjk and abs(line.x0 - LEFT_PT) < 3
    ]
    assert len(counts) > 300, len(counts)
    histogram = Counter(counts)
    assert statistics.median(counts) == 28, histogram
    assert histogram[28] >= 0.8 * len(counts), histogram
    assert max(counts) == 28, histogram


def test_every_full_page_holds_22_lines(pages, long_draft):
    """Every page but the first (the title's) and the last; a page may end one
    line early only where a heading is kept with its first paragraph."""
    assert len(pages) >= 35
    short = []
    for number, (page, after) in enumerate(zip(pages[1:-1], pages[2:]), start=2):
        if len(page) != 22 and not _starts_with_heading(after, long_draft):
            short.append((number, len(page)))
    assert not short, short
    assert Counter(len(page) for page in pages[1:-1]).most_common(1)[0][0] == 22


def _starts_with_heading(page, draft) -> bool:
    from drafting.model.document import BlockRole

    headings = {block.text for block in draft.document.blocks if block.role is BlockRole.HEADING}
    return any(heading.startswith(page[0].text) for heading in headings)


def test_no_line_runs_past_the_margins(pages):
    outside = [
        (number, line.text[-3:]) for number, page in enumerate(pages, start=1) for line in page
        if line.x1 > RIGHT_PT + 1 or line.x0 < LEFT_PT - 1
    ]
    assert not outside, outside[:5]


def test_every_character_of_the_docx_is_in_the_pdf(pages, long_docx):
    import io

    import docx

    written = "".join(p.text for p in docx.Document(io.BytesIO(long_docx)).paragraphs)
    printed = "".join(line.text for page in pages for line in page)
    assert re.sub(r"\s+", "", printed) == re.sub(r"\s+", "", written)


def test_format_pdf_converts_the_very_docx_a_writer_opens(long_draft, long_docx, monkeypatch):
    import drafting.writers.pdf

    converted = []
    monkeypatch.setattr(drafting.writers.pdf, "docx_to_pdf", lambda blob, *a: converted.append(blob) or b"%PDF")
    render_pdf(long_draft)
    assert converted == [long_docx]  # no variant made for LibreOffice

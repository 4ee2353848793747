"""The desk's preview ends its pages where LibreOffice ends the .docx's.

The same speech is built to .docx and converted by LibreOffice (``pdftotext -bbox``
gives each page's first line), and opened in the desk in Chromium, whose
page rules are probed for the text just below them. Both must agree on the
number of pages and on the words each page starts with.
"""

from __future__ import annotations

import pytest
import yaml

from drafting.workflow.build import Builder, render_pdf
from tests import outside
from tests.writers.pdf_layout import pdf_lines

from ..conftest import SEED_YAML
from .helpers import running
from .test_browser import browser  # noqa: F401 - the module's shared browser fixture

pytestmark = pytest.mark.needs("chromium", *outside.PDF, "pdftotext")

BOTTOM_MM = 35
# Where each page rule of the preview falls in the speech's text: the character
# offset of the caret at the start of the line just below it, counted over the
# page's text nodes (the rules' own labels left out), and that whole text.
_PROBE = """() => {
  const page = document.querySelector('#preview .draft-page');
  const texts = [];
  const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT,
    {acceptNode: (n) => n.parentElement.closest('.draft-break') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  for (let n; (n = walker.nextNode());) texts.push(n);
  const offsetOf = (node, offset) => {
    let total = 0;
    for (const t of texts) { if (t === node) return total + offset; total += t.length; }
    return -1;
  };
  const rules = [...page.querySelectorAll('.draft-break')].map((rule) => {
    rule.scrollIntoView({block: 'center'});
    const box = page.getBoundingClientRect(), scale = box.width / page.offsetWidth;
    const x = box.left + (parseFloat(getComputedStyle(page).paddingLeft) + 1) * scale;
    const range = document.caretRangeFromPoint(x, rule.getBoundingClientRect().top + 10 * scale);
    return range ? offsetOf(range.startContainer, range.startOffset) : -1;
  });
  return {rules, text: texts.map((t) => t.data).join('')};
}"""
# LibreOffice and Chromium break an odd line differently (a half-width X, a
# closing mark at the line's end): a page may start a line or two apart.
LINES_APART = 2
CHARS_A_LINE = 28
# The reading copy is held to its page count only, give or take one: LibreOffice
# sets a title line carrying pinyin about 20 pt taller than its exact 52 pt
# (body lines with pinyin keep their 40 pt), which the preview does not copy, so
# its page ends run a few lines ahead of LibreOffice's from page one on.
READING_PAGES_APART = 1


def _speech(tmp_path, parts_times: int):
    """The seed speech, its parts written ``parts_times`` over."""
    data = yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))
    data["parts"] = data["parts"] * parts_times
    path = tmp_path / "讲话.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _libreoffice_page_starts(path, copy: str) -> list[str]:
    """The first line of each page LibreOffice sets, with the office fonts' free
    stand-ins (``--format pdf``): set as-is, a missing 仿宋_GB2312 falls back to a
    face whose Latin letters are wider than FandolFang's, which the page uses."""
    pages = pdf_lines(render_pdf(Builder().draft(path), None, copy), BOTTOM_MM)
    return [page[0].text.replace(" ", "") if page else "" for page in pages]


# the reading copy: 二号 type on a 40 pt grid, widow control on, pinyin over rare characters
@pytest.mark.parametrize("times, copy", [(1, "file"), (3, "file"), (1, "reading")])
def test_preview_pages_end_where_libreoffice_ends_them(tmp_path, browser, times, copy):  # noqa: F811
    path = _speech(tmp_path, times)
    expected = _libreoffice_page_starts(path, copy)
    with running(path) as server:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_selector(".draft-page .draft-title")
        if copy != "file":
            page.select_option("#copy", copy)
            page.wait_for_selector(".draft-page .draft-note")  # 约N分钟: the reading copy is shown
        probe = page.evaluate(_PROBE)
        summary = page.locator("#summary").inner_text()
        context.close()
    pages = len(probe["rules"]) + 1
    assert f"{pages} 页" in summary
    if copy != "file":
        assert abs(pages - len(expected)) <= READING_PAGES_APART
        return
    assert pages == len(expected)
    text, found = probe["text"], 0
    for number, (ours, theirs) in enumerate(zip(probe["rules"], expected[1:]), start=2):
        found = text.index(theirs[:10], found)  # where LibreOffice's page starts in the text
        assert abs(ours - found) <= LINES_APART * CHARS_A_LINE, f"第 {number} 页：{text[ours:ours + 12]} / {theirs}"

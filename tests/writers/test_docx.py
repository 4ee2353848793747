import io

import docx
import pytest
from docx.oxml.ns import qn

from drafting.build import Builder, render_docx, render_text

from ..conftest import SEED_YAML


@pytest.fixture(scope="module")
def seed_docx():
    draft = Builder().draft(SEED_YAML)
    return draft, docx.Document(io.BytesIO(render_docx(draft)))


def test_same_paragraphs_in_order(seed_docx):
    draft, word = seed_docx
    assert [p.text for p in word.paragraphs] == render_text(draft).splitlines()


def test_roles_become_named_styles(seed_docx):
    _, word = seed_docx
    styles = [p.style.name for p in word.paragraphs]
    assert styles[0] == "讲话标题"
    assert styles.count("一级标题") == 3
    assert styles.count("二级标题") == 5
    part1 = styles[styles.index("一级标题") : styles.index("一级标题", styles.index("一级标题") + 1)]
    assert part1.count("二级标题") == 5  # all five standalone items are in part one


def test_run_in_leads_are_bold_character_style(seed_docx):
    _, word = seed_docx
    leads = [p.runs[0] for p in word.paragraphs if p.runs and p.runs[0].style.name == "段首句"]
    assert len(leads) == 9
    assert leads[0].text == "一要慎终如始抗疫情，持续抓好常态防控。"
    assert all(run.style.font.bold for run in leads)
    # the body continues in the same paragraph, in the paragraph's own style
    assert leads[0]._parent.runs[1].style.name == "Default Paragraph Font"


def test_east_asian_font_is_set_on_every_style(seed_docx):
    _, word = seed_docx
    for name in ("讲话正文", "讲话标题", "一级标题", "二级标题"):
        fonts = word.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == fonts.get(qn("w:ascii")) != None
    assert word.styles["一级标题"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"

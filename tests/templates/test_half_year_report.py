"""The half-year work report (公文): no salutation, headings 一、（一）1.（1）,
the issuing body and date at the end."""

import io

import docx
import pytest
from docx.oxml.ns import qn

from drafting.workflow.build import Builder, render_docx, render_text
from drafting.errors import SchemaError
from drafting.model.document import BlockRole

from ..conftest import headings
from drafting.packs.finder import find_pack

EXAMPLE = find_pack("half-year-report").example_file


@pytest.fixture(scope="module")
def example():
    return Builder().draft(EXAMPLE)


def test_title_then_opening_and_no_salutation(example):
    doc = example.document
    assert doc.blocks[0].role is BlockRole.TITLE
    assert doc.blocks[0].text == "呼中区人民政府2025年上半年工作总结"
    assert doc.blocks[1].role is BlockRole.PARAGRAPH and doc.blocks[1].text.startswith("今年以来")
    roles = {b.role for b in doc.blocks}
    assert BlockRole.SALUTATION not in roles and BlockRole.BYLINE not in roles


def test_four_levels_of_headings_numbered_as_gbt_9704(example):
    doc = example.document
    assert [h.text for h in headings(doc, 1)] == ["一、上半年工作完成情况", "二、存在的问题", "三、下半年工作打算"]
    assert [h.text[:3] for h in headings(doc, 2)] == ["（一）", "（二）", "（三）", "（一）", "（二）"]
    leads = [b.lead for b in doc.blocks if b.lead]
    assert leads == ["1.项目开复工情况。", "2.项目谋划储备情况。"]
    assert [h.text for h in headings(doc, 4)] == ["（1）交通基础设施项目X个。", "（2）生态环保项目X个。"]


def test_signature_at_the_end_after_a_blank_line(example):
    blocks = example.document.blocks
    assert [b.role for b in blocks[-2:]] == [BlockRole.PARAGRAPH, BlockRole.SIGNATURE]
    # one paragraph, two lines: the issuing body and the date never part across a page
    assert [b.text for b in blocks[-2:]] == ["", "呼中区人民政府\n2025年7月10日"]
    assert render_text(example).endswith("圆满完成。\n\n呼中区人民政府\n2025年7月10日\n")
    assert example.document.meta.author == "呼中区人民政府"


def test_table_inside_a_section(example):
    lines = render_text(example).splitlines()
    at = lines.index("2025年上半年主要经济指标完成情况表")
    assert lines[at - 1].startswith("上半年，地区生产总值实现12.3亿元")
    assert lines[at + 4] == "社会消费品零售总额\t亿元\tX\t2.1"


def test_word_styles_for_report(example):
    word = docx.Document(io.BytesIO(render_docx(example)))
    styles = [p.style.name for p in word.paragraphs]
    assert styles[-2:] == ["讲话正文", "落款"]
    assert styles.count("一级标题") == 3 and styles.count("四级标题") == 2
    assert word.styles["二级标题"].font.bold is False  # the pack's stylesheet.yaml: 楷体, not bold
    ind = word.styles["落款"].element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:rightChars")) == "200"  # 右空二字
    assert ind.get(qn("w:right")) == str(2 * 16 * 20)
    assert len(word.tables) == 1


def test_a_fifth_level_is_refused_with_its_line(write_yaml):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "              - heading: 生态环保项目X个。\n",
        "              - heading: 生态环保项目X个。\n                sections:\n                  - heading: 第五层\n",
    )
    with pytest.raises(SchemaError) as info:
        Builder().draft(write_yaml(text))
    (problem,) = info.value.problems
    assert problem.location.field == "sections[0].sections[1].sections[1].sections[1].sections"
    assert "未知的键“sections”" in problem.message


def test_title_follows_period(write_yaml):
    text = EXAMPLE.read_text(encoding="utf-8").replace("period: 上半年 ", "period: 全年   ")
    draft = Builder().draft(write_yaml(text))
    assert draft.document.blocks[0].text == "呼中区人民政府2025年全年工作总结"


@pytest.mark.parametrize("with_table", [True, False])
def test_signature_keeps_with_the_last_paragraph(example, with_table):
    """The 落款 never stands alone at the top of a last page (GB/T 9704): the last
    paragraph and the blank line before it keep with it."""
    from dataclasses import replace

    document = example.document
    if not with_table:  # the plain writer path, without python-docx
        document = replace(document, blocks=[b for b in document.blocks if b.role is not BlockRole.TABLE])
    word = docx.Document(io.BytesIO(render_docx(replace(example, document=document))))
    keeps = [p.paragraph_format.keep_with_next for p in word.paragraphs]
    assert keeps[-3:] == [True, True, None]  # last body paragraph, blank line, 落款
    assert not any(keeps[:-3])

"""The reading and outline copies as Word files, read back."""

import io

import docx
import pytest
from docx.oxml.ns import qn

from drafting.workflow.build import Builder, render_docx

from ..conftest import CASES, SEED_YAML

READING_CASE = CASES / "reading-copy" / "speech.yaml"


def _open(path, copy):
    return docx.Document(io.BytesIO(render_docx(Builder().draft(path), copy=copy)))


@pytest.fixture(scope="module")
def case_reading():
    return _open(READING_CASE, "reading")


@pytest.fixture(scope="module")
def seed_reading():
    return _open(SEED_YAML, "reading")


def _rubies(word):
    out = []
    for ruby in word.element.body.iter(qn("w:ruby")):
        base = "".join(t.text for t in ruby.find(qn("w:rubyBase")).iter(qn("w:t")))
        guide = "".join(t.text for t in ruby.find(qn("w:rt")).iter(qn("w:t")))
        out.append((base, guide))
    return out


def test_ruby_elements_carry_base_character_and_pinyin(case_reading):
    rubies = _rubies(case_reading)
    for pair in [("濮", "pú"), ("锶", "sī"), ("黜", "chù"), ("蓊", "wěng")]:
        assert pair in rubies
    assert not any(base in "的是发展旧规" for base, _ in rubies)


def test_pronunciations_override_wins_in_the_word_file(case_reading):
    rubies = _rubies(case_reading)
    assert ("郫", "pí") in rubies and ("都", "dū") in rubies  # 郫都, not pypinyin's dōu
    assert ("都", "dōu") in rubies  # the one-character entry elsewhere


def test_ruby_properties_as_word_writes_them(case_reading):
    body = case_reading.element.body
    ruby = next(body.iter(qn("w:ruby")))
    assert [c.tag for c in ruby] == [qn("w:rubyPr"), qn("w:rt"), qn("w:rubyBase")]
    props = ruby.find(qn("w:rubyPr"))
    assert [c.tag for c in props] == [qn(f"w:{t}") for t in ("rubyAlign", "hps", "hpsRaise", "hpsBaseText", "lid")]
    values = {c.tag.split("}")[1]: c.get(qn("w:val")) for c in props}
    assert values["lid"] == "zh-CN" and values["rubyAlign"] == "center"
    assert int(values["hps"]) * 2 == int(values["hpsBaseText"])  # guide at half the base size
    assert 0 < int(values["hpsRaise"]) < int(values["hpsBaseText"])


def test_ruby_keeps_the_character_style_of_its_run(case_reading):
    """郫 in the bold lead stays 段首句; 锶 is plain in the heading, 统计指标 in the statistic."""
    names = {style.style_id: style.name for style in case_reading.styles}
    styles = {}
    for ruby in case_reading.element.body.iter(qn("w:ruby")):
        base_run = ruby.find(qn("w:rubyBase")).find(qn("w:r"))
        style = base_run.find(qn("w:rPr")).find(qn("w:rStyle"))
        name = names[style.get(qn("w:val"))] if style is not None else None
        styles.setdefault(base_run.find(qn("w:t")).text, []).append(name)
    assert styles["郫"] == ["段首句"]
    assert styles["锶"] == [None, "统计指标"]


def test_body_size_and_spacing_read_back_from_the_reading_styles(seed_reading):
    body = seed_reading.styles["讲话正文"]
    assert body.font.size.pt == 22  # 二号
    assert body.paragraph_format.line_spacing.pt == 40
    ppr = body.element.pPr
    assert ppr.find(qn("w:widowControl")) is not None
    heading = seed_reading.styles["一级标题"].element.pPr
    assert heading.find(qn("w:keepNext")) is not None
    page_break = heading.find(qn("w:pageBreakBefore"))
    assert page_break is not None and page_break.get(qn("w:val")) == "0"
    section = seed_reading.sections[0]
    assert round(section.left_margin.mm) == 35 and round(section.right_margin.mm) == 32


def test_the_file_copy_keeps_its_own_size(seed_reading):
    file_copy = _open(SEED_YAML, "file")
    assert file_copy.styles["讲话正文"].font.size.pt < seed_reading.styles["讲话正文"].font.size.pt
    assert not _rubies(file_copy)


def test_short_run_in_paragraphs_are_kept_on_one_page(seed_reading):
    kept = [p.text for p in seed_reading.paragraphs if p.paragraph_format.keep_together]
    leads = [p.text for p in seed_reading.paragraphs if p.runs and p.runs[0].style.name == "段首句"]
    assert kept and all(text in leads for text in kept)
    assert len(kept) < len(leads)  # the long ones rely on widow control


def test_a_style_sheet_may_ask_for_xiaoyi_and_page_breaks(tmp_path):
    from drafting.packs.stylesheet import default_stylesheet, reading_stylesheet

    sheet = default_stylesheet().with_overrides(
        {"reading": {"styles": {"body": {"size_pt": 24, "line_pt": 44}, "heading1": {"page_break_before": True}}}}
    )
    reading = reading_stylesheet(sheet)
    assert reading.paragraph("body")["size_pt"] == 24
    assert reading.paragraph("heading1")["page_break_before"] is True


def test_outline_docx_holds_the_outline_in_file_typography():
    outline = _open(SEED_YAML, "outline")
    styles = [p.style.name for p in outline.paragraphs]
    assert styles.count("一级标题") == 3 and styles.count("二级标题") == 5
    assert outline.styles["讲话正文"].font.size.pt == 16  # 三号, as the file copy
    assert len(outline.paragraphs) == 19


def test_level_one_headings_start_a_page_only_when_the_sheet_asks():
    from drafting.model.editions import reading_copy
    from drafting.packs.stylesheet import reading_stylesheet
    from drafting.writers.docx import DocxWriter

    draft = Builder().draft(SEED_YAML)
    asked = draft.stylesheet.with_overrides({"reading": {"styles": {"heading1": {"page_break_before": True}}}})
    word = docx.Document(io.BytesIO(DocxWriter(reading_stylesheet(asked)).write(reading_copy(draft.document))))
    flag = word.styles["一级标题"].element.pPr.find(qn("w:pageBreakBefore"))
    assert flag is not None and flag.get(qn("w:val")) == "1"
    assert word.styles["一级标题"].element.pPr.find(qn("w:keepNext")) is not None

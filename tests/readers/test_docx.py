import re
import zipfile

import docx
import pytest
from docx.oxml import parse_xml

from drafting.workflow.build import Builder, render_docx
from drafting.errors import DataError
from drafting.model.document import BlockRole, InlineRole
from drafting.readers import read_speech

from ..conftest import SEED_YAML, seed_speech_text


def test_paragraphs_in_order_with_tables_and_line_breaks(tmp_path):
    word = docx.Document()
    word.add_paragraph("标题")
    word.add_paragraph("")  # empty paragraphs are layout
    word.add_paragraph("第一行").add_run().add_break()
    word.paragraphs[-1].add_run("第二行")
    word.add_table(rows=1, cols=1).cell(0, 0).text = "表格里的字"
    word.add_paragraph("最后一段。")
    path = tmp_path / "稿.docx"
    word.save(path)
    assert [b.text for b in read_speech(path).blocks] == ["标题", "第一行\n第二行", "表格里的字", "最后一段。"]


def test_merged_cells_are_read_once_and_nested_tables_are_read(tmp_path):
    word = docx.Document()
    table = word.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "横向合并"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "纵向合并"
    table.cell(1, 1).text = "乙"
    table.cell(1, 2).add_table(rows=1, cols=1).cell(0, 0).text = "嵌套的表格"
    path = tmp_path / "稿.docx"
    word.save(path)
    # two columns or more: a table, each merged cell once, a nested table's words in its cell
    (table,) = read_speech(path).blocks
    assert table.role is BlockRole.TABLE
    assert table.text == "横向合并\n纵向合并\t乙\t嵌套的表格"


def test_bold_opening_run_is_a_lead_and_a_bold_paragraph_is_not(tmp_path):
    word = docx.Document()
    p = word.add_paragraph()
    p.add_run("一要抓项目，促发展").bold = True
    p.add_run("正文。")
    word.add_paragraph().add_run("一是全段加粗的小标题。").bold = True
    path = tmp_path / "稿.docx"
    word.save(path)
    first, second = read_speech(path).blocks
    assert first.inlines[0].role is InlineRole.LEAD and first.lead == "一要抓项目，促发展"
    assert first.text == "一要抓项目，促发展正文。"
    assert second.lead == "" and second.text == "一是全段加粗的小标题。"


def test_reads_back_what_draft_writes(tmp_path):
    path = tmp_path / "seed.docx"
    path.write_bytes(render_docx(Builder().draft(SEED_YAML)))
    blocks = read_speech(path).blocks
    assert "".join(b.text + "\n" for b in blocks) == seed_speech_text()
    leads = [b.lead for b in blocks if b.lead]
    assert len(leads) == 9 and leads[0] == "一要慎终如始抗疫情，持续抓好常态防控。"


def test_characters_under_a_phonetic_guide_are_read(tmp_path):
    """The reading copy puts pinyin over uncommon characters (w:ruby); reading it
    back gives the file copy's words, the guided characters included."""
    draft = Builder().draft(SEED_YAML)
    path = tmp_path / "seed.阅读版.docx"
    path.write_bytes(render_docx(draft, copy="reading"))
    assert b"<w:ruby>" in zipfile.ZipFile(path).read("word/document.xml")
    blocks = [b for b in read_speech(path).blocks if not re.fullmatch(r"约\d+分钟", b.text)]
    assert "".join(b.text + "\n" for b in blocks) == seed_speech_text()  # 暨 of the title too
    assert len([b.lead for b in blocks if b.lead]) == 9


def test_tracked_insertions_fields_and_content_controls_are_read(tmp_path):
    """Runs python-docx's text leaves out (inside w:ins, w:fldSimple, w:sdt);
    deleted text (w:del) stays out."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mark = 'w:author="甲" w:date="2025-01-01T00:00:00Z"'
    word = docx.Document()
    p = word.add_paragraph("原有")
    for xml in (
        f'<w:ins {w} w:id="1" {mark}><w:r><w:t>插入的</w:t></w:r></w:ins>',
        f'<w:del {w} w:id="2" {mark}><w:r><w:delText>删除的</w:delText></w:r></w:del>',
        f'<w:fldSimple {w} w:instr=" DATE "><w:r><w:t>域结果</w:t></w:r></w:fldSimple>',
        f'<w:sdt {w}><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>',
    ):
        p._p.append(parse_xml(xml))
    lead = word.add_paragraph()
    lead.add_run("一要").bold = True
    lead._p.append(parse_xml(f'<w:ins {w} w:id="3" {mark}><w:r><w:rPr><w:b/></w:rPr><w:t>抓落实。</w:t></w:r></w:ins>'))
    lead.add_run("正文。")
    path = tmp_path / "修订.docx"
    word.save(path)
    first, second = read_speech(path).blocks
    assert first.text == "原有插入的域结果控件"
    assert second.lead == "一要抓落实。" and second.text == "一要抓落实。正文。"


def test_a_docx_with_broken_xml_is_a_data_error_naming_the_file(tmp_path):
    good = tmp_path / "good.docx"
    good.write_bytes(render_docx(Builder().draft(SEED_YAML)))
    broken = tmp_path / "坏.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data[:500] if name == "word/document.xml" else data)
    with pytest.raises(DataError) as info:
        read_speech(broken)
    assert info.value.location.file == str(broken) and "不是有效的 .docx" in info.value.message

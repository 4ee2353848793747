import docx

from drafting.readers import read_speech
from drafting.readers.numbering import format_number

from ..docx_numbering import add_numbering, numbered_paragraph, numbered_word_file


def test_word_numbering_reads_as_the_text_word_shows(tmp_path):
    path = numbered_word_file(
        ["同志们：", (0, "坚定信心"), (1, "看清形势"), (2, "总量稳步增长。"), (2, "结构持续优化。"),
         (1, "找准差距"), (2, "动力不足。"), (0, "真抓实干"), (3, "细目。"), (1, "抓项目")],
        tmp_path / "编号.docx",
        suffix="tab",  # the tab after a number is layout: not read
    )
    assert [b.text for b in read_speech(path).blocks] == [
        "同志们：", "一、坚定信心", "（一）看清形势", "1.总量稳步增长。", "2.结构持续优化。",
        "（二）找准差距", "1.动力不足。", "二、真抓实干", "（1）细目。", "（一）抓项目",
    ]


def test_formats_word_names():
    assert [format_number(n, "chineseCounting") for n in (1, 10, 12)] == ["一", "十", "十二"]
    assert [format_number(n, "ideographTraditional") for n in (1, 3, 10)] == ["甲", "丙", "癸"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(2, "chineseLegalSimplified") == "贰"
    assert format_number(4, "lowerRoman") == "iv" and format_number(2, "upperLetter") == "B"


def test_two_lists_and_a_bullet(tmp_path):
    word = docx.Document()
    first = add_numbering(word)
    second = add_numbering(word, (("ideographTraditional", "%1."),))
    bullets = add_numbering(word, (("bullet", "\uf0b7"),))
    numbered_paragraph(word, "甲项", second, 0)
    numbered_paragraph(word, "部分", first, 0)
    numbered_paragraph(word, "乙项", second, 0)
    numbered_paragraph(word, "列表项", bullets, 0)
    word.save(tmp_path / "两个列表.docx")
    assert [b.text for b in read_speech(tmp_path / "两个列表.docx").blocks] == ["甲.甲项", "一、部分", "乙.乙项", "列表项"]


def test_numbering_from_a_heading_style(tmp_path):
    """Word templates often link 标题 1 / 标题 2 to a list: the number comes with the style."""
    from docx.oxml import parse_xml

    from ..docx_numbering import W

    word = docx.Document()
    num_id = add_numbering(word)
    for style_name, level in (("Heading 1", 0), ("Heading 2", 1)):
        p_pr = word.styles[style_name].element.get_or_add_pPr()
        p_pr.insert(0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    word.add_paragraph("同志们：")
    word.add_paragraph("坚定信心", style="Heading 1")
    word.add_paragraph("看清形势", style="Heading 2")
    word.add_paragraph("正文。")
    word.add_paragraph("找准差距", style="Heading 2")
    word.add_paragraph("真抓实干", style="Heading 1")
    word.add_paragraph("抓项目", style="Heading 2")
    word.save(tmp_path / "样式编号.docx")
    assert [b.text for b in read_speech(tmp_path / "样式编号.docx").blocks] == [
        "同志们：", "一、坚定信心", "（一）看清形势", "正文。", "（二）找准差距", "二、真抓实干", "（一）抓项目"]

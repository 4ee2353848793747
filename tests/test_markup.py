import pytest

from drafting.errors import TemplateError
from drafting.markup import read_markup
from drafting.model import BlockRole, InlineRole


def test_blocks_inlines_and_layout_whitespace():
    doc = read_markup(
        '<doc title="T" author="A">\n  <title>标题</title>\n'
        "  <p>\n    <lead>一要甲。</lead>乙 丙<ind>指标</ind>\n  </p>\n<pagebreak/>\n</doc>",
        "t.j2",
    )
    assert doc.meta.title == "T" and doc.meta.author == "A"
    assert [b.role for b in doc.blocks] == [BlockRole.TITLE, BlockRole.PARAGRAPH, BlockRole.PAGE_BREAK]
    p = doc.blocks[1]
    assert [(i.text, i.role) for i in p.inlines] == [
        ("一要甲。", InlineRole.LEAD), ("乙 丙", InlineRole.PLAIN), ("指标", InlineRole.INDICATOR)
    ]


@pytest.mark.parametrize(
    "markup, fragment",
    [
        ("<doc><p>未闭合</doc>", "无法解析"),
        ("<speech/>", "根元素"),
        ("<doc><tabel/></doc>", "未知的块元素 <tabel>"),
        ("<doc><p><u>x</u></p></doc>", "未知的行内元素 <u>"),
        ("<doc>游离文字<p>x</p></doc>", "不在任何段落里"),
    ],
)
def test_bad_markup_is_the_templates_fault(markup, fragment):
    with pytest.raises(TemplateError) as info:
        read_markup(markup, "t.j2")
    assert fragment in info.value.message

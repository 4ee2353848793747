import pytest

from drafting.errors import TemplateError
from drafting.readers.markup import read_markup
from drafting.model.document import BlockRole, InlineRole


def test_blocks_inlines_and_layout_whitespace():
    doc = read_markup(
        '<doc title="T" author="A">\n  <title>标题</title>\n'
        "  <p>\n    <lead>一要甲。</lead>乙 丙<ind>指标</ind>\n  </p>\n</doc>",
        "t.j2",
    )
    assert doc.meta.title == "T" and doc.meta.author == "A"
    assert [b.role for b in doc.blocks] == [BlockRole.TITLE, BlockRole.PARAGRAPH]
    p = doc.blocks[1]
    assert [(i.text, i.role) for i in p.inlines] == [
        ("一要甲。", InlineRole.LEAD), ("乙 丙", InlineRole.PLAIN), ("指标", InlineRole.INDICATOR)
    ]


@pytest.mark.parametrize(
    "markup, fragment",
    [
        ("<doc><p>未闭合</doc>", "开始标签与结束标签不配对"),
        ("<doc><pagebreak/></doc>", "未知的块元素 <pagebreak>"),
        ("<doc><p><b>加粗</b></p></doc>", "未知的行内元素 <b>"),
        ("<doc><p><i>斜体</i></p></doc>", "未知的行内元素 <i>"),
        ('<doc><p style="x">a</p></doc>', "没有属性“style”"),
        ('<doc><image src="a.png" alt="x"/></doc>', "可用的属性：src、width_mm"),
        ("<doc><table><tr><td>a</td></tr><caption>表</caption></table></doc>", "表题 <caption> 只能有一个"),
        ("<speech/>", "根元素"),
        ("<doc><tabel/></doc>", "未知的块元素 <tabel>"),
        ("<doc><p><u>x</u></p></doc>", "未知的行内元素 <u>"),
        ("<doc>游离文字<p>x</p></doc>", "不在任何段落里"),
        ("<doc><table><tr><th>a</th><td>b</td></tr></table></doc>", "全是 <th>"),
        ("<doc><table><tr><td>b</td></tr><tr><th>a</th></tr></table></doc>", "只能是表格的第一行"),
        ("<doc><table><caption>空</caption></table></doc>", "没有任何行"),
        ("<doc><table><p>x</p></table></doc>", "未知的表格内元素 <p>"),
        ("<doc><table><tr><td>a</td>游离</tr></table></doc>", "不在任何段落里"),
        ("<doc><image/></doc>", "缺少 src"),
        ('<doc><image src="a.png" width_mm="宽"/></doc>', "应为数字"),
        ('<doc><image src="a.png" width_mm="-5"/></doc>', "大于 0"),
        ('<doc><image src="a.png" width_mm="nan"/></doc>', "大于 0"),
    ],
)
def test_bad_markup_is_the_templates_fault(markup, fragment):
    with pytest.raises(TemplateError) as info:
        read_markup(markup, "t.j2")
    assert fragment in info.value.message


def test_table_and_image_blocks():
    doc = read_markup(
        "<doc><table>\n<caption>表1</caption>\n<tr><th>指标</th><th>同比</th></tr>\n"
        "<tr><td><lead>甲</lead></td><td>4.5</td></tr>\n</table>\n"
        '<image src="/tmp/a.png" width_mm="80"><caption>图1</caption></image></doc>',
        "t.j2",
    )
    table, image = doc.blocks
    assert table.role is BlockRole.TABLE and table.caption[0].text == "表1"
    assert [c[0].text for c in table.header] == ["指标", "同比"]
    assert table.rows[0][0][0].role is InlineRole.LEAD
    assert (image.role, image.path, image.width_mm, image.text) == (BlockRole.IMAGE, "/tmp/a.png", 80.0, "图1")


def test_a_statistic_inside_a_lead_is_part_of_the_lead():
    doc = read_markup("<doc><p><lead>二是<ind>财政收入完成3.2亿元，同比增长8.1%</ind>。</lead>税收占比提高。</p></doc>", "t.j2")
    block = doc.blocks[0]
    assert block.lead == "二是财政收入完成3.2亿元，同比增长8.1%。"
    assert [i.role for i in block.inlines] == [InlineRole.LEAD, InlineRole.PLAIN]

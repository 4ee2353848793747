"""<p join="1">: a paragraph that goes on in the paragraph before it, so a unit a page
printed inside another unit's paragraph (二、强化措施。（一）抓项目……) comes back as one
paragraph. Expectations by hand."""

import pytest

from drafting.errors import TemplateError
from drafting.model.document import BlockRole, InlineRole
from drafting.readers.markup import read_markup
from drafting.writers.text import write_text


def test_a_joined_paragraph_goes_on_in_the_one_before():
    doc = read_markup(
        '<doc><p level="1"><lead>二、强化措施。</lead></p>\n'
        '<p level="2" join="1"><lead>（一）抓项目。</lead>全力推进在建项目。</p>\n'
        '<p join="1"><lead>（二）抓招商。</lead></p>\n<p>另起一段。</p></doc>',
        "t.j2",
    )
    assert [b.role for b in doc.blocks] == [BlockRole.PARAGRAPH, BlockRole.PARAGRAPH]
    first = doc.blocks[0]
    assert first.text == "二、强化措施。（一）抓项目。全力推进在建项目。（二）抓招商。"
    assert first.level == 1  # the paragraph still opens with the part's heading
    assert [(i.text, i.role) for i in first.inlines] == [
        ("二、强化措施。（一）抓项目。", InlineRole.LEAD), ("全力推进在建项目。", InlineRole.PLAIN),
        ("（二）抓招商。", InlineRole.LEAD),
    ]
    assert write_text(doc) == "二、强化措施。（一）抓项目。全力推进在建项目。（二）抓招商。\n另起一段。\n"


def test_a_joined_run_in_heading_after_a_plain_paragraph_takes_its_level():
    doc = read_markup('<doc><p>今年以来，全镇经济平稳。</p><p level="1" join="1"><lead>一、主要工作</lead></p></doc>', "t.j2")
    (block,) = doc.blocks
    assert block.text == "今年以来，全镇经济平稳。一、主要工作" and block.level == 1


@pytest.mark.parametrize(
    "markup, fragment",
    [
        ('<doc><p join="1">甲</p></doc>', "之前须是一个正文段落"),
        ('<doc><h1>一、标题</h1><p join="1">甲</p></doc>', "之前须是一个正文段落"),
        ('<doc><closing>同志们，</closing><p join="1">甲</p></doc>', "之前须是一个正文段落"),
        ('<doc><p>甲</p><p join="yes">乙</p></doc>', "join 应为 1"),
        ('<doc><p>甲</p><h2 join="1">乙</h2></doc>', "没有属性“join”"),
    ],
)
def test_a_join_that_has_nothing_to_go_on_in_is_the_templates_fault(markup, fragment):
    with pytest.raises(TemplateError) as info:
        read_markup(markup, "t.j2")
    assert fragment in info.value.message


def test_the_outline_keeps_the_lead_of_every_joined_unit():
    from drafting.model.editions import outline_copy

    doc = read_markup(
        '<doc><p level="1"><lead>二、强化措施。</lead></p>'
        '<p join="1"><lead>（一）抓项目。</lead>全力推进在建项目。</p><p join="1"><lead>（二）抓招商。</lead>紧盯产业链。</p></doc>',
        "t.j2",
    )
    assert [b.text for b in outline_copy(doc).blocks] == ["二、强化措施。（一）抓项目。", "（二）抓招商。"]

from drafting.workflow.build import Builder, render_text
from drafting.model.copy_names import copy_path
from drafting.model.editions import (
    outline_copy,
    pinyin_report,
    pinyin_summary,
    reading_copy,
)
from drafting.model.document import Block, BlockRole, Document, Inline, InlineRole, Table

from .conftest import CASES, SEED_YAML

READING_CASE = CASES / "reading-copy" / "speech.yaml"


def _seed():
    return Builder().draft(SEED_YAML)


def test_outline_of_the_seed_holds_exactly_its_skeleton():
    outline = outline_copy(_seed().document)
    roles = [(b.role, b.level) for b in outline.blocks]
    texts = [b.text for b in outline.blocks]
    assert roles.count((BlockRole.TITLE, 0)) == 1
    assert texts[0] == "在2025年第二次区委全委扩大会议暨全区经济工作会议上的讲话"
    assert [t for (r, lvl), t in zip(roles, texts) if lvl == 1] == [
        "一、总结上半年工作，全区经济社会发展稳中有进",
        "二、紧盯全年目标任务，统筹推进经济社会发展",
        "三、迎难而上，奋发有为抓落实",
    ]
    standalone = [t for (r, lvl), t in zip(roles, texts) if lvl == 2]
    run_in = [b.lead for b in outline.blocks if b.role is BlockRole.PARAGRAPH and b.lead]
    assert len(standalone) == 5 and all(t.startswith(n + "是") for t, n in zip(standalone, "一二三四五"))
    assert standalone[0] == "一是制胜“阻击战”，疫情防控有力有效。"
    assert len(run_in) == 9
    assert run_in[0] == "一要慎终如始抗疫情，持续抓好常态防控。"
    assert run_in[-1] == "四要强化督办抓落实。"
    # each lead paragraph is the lead alone, never its body
    assert all(b.text == b.lead for b in outline.blocks if b.role is BlockRole.PARAGRAPH and b.lead)
    indicators = [i.text for b in outline.blocks for i in b.inlines if i.role is InlineRole.INDICATOR]
    assert indicators == ["地区生产总值实现X万元，同比下降X%", "固定资产投资同比增长X%"]
    # title + 3 headings + 5 standalone + 9 run-in + 1 paragraph of indicators, nothing else
    assert len(outline.blocks) == 1 + 3 + 5 + 9 + 1
    assert "地区生产总值实现X万元，同比下降X%；固定资产投资同比增长X%。" in texts


def test_reading_copy_keeps_the_wording_and_adds_only_time_marks():
    draft = _seed()
    reading = reading_copy(draft.document, {"呼玛": ("hū", "mǎ")})
    spoken = [b.text for b in reading.blocks if b.role is not BlockRole.NOTE]
    assert spoken == [b.text for b in draft.document.blocks]
    marks = [b.text for b in reading.blocks if b.role is BlockRole.NOTE]
    assert marks == ["约7分钟", "约9分钟", "约3分钟"]


def test_time_mark_follows_the_last_block_of_each_part():
    reading = reading_copy(_seed().document)
    blocks = reading.blocks
    notes = [i for i, b in enumerate(blocks) if b.role is BlockRole.NOTE]
    assert blocks[notes[0] + 1].text.startswith("二、") and blocks[notes[1] + 1].text.startswith("三、")
    assert blocks[notes[2] + 1].role is BlockRole.CLOSING  # the last part ends before the closing words


def test_reading_copy_annotates_uncommon_characters_and_keeps_lead_style():
    draft = Builder().draft(READING_CASE)
    reading = reading_copy(draft.document, draft.pronunciations)
    ruby = [(i.text, i.ruby, i.style_role) for b in reading.blocks for i in b.inlines if i.role is InlineRole.RUBY]
    assert ("濮", "pú", InlineRole.PLAIN) in ruby
    assert ("锶", "sī", InlineRole.PLAIN) in ruby  # in the heading
    assert ("锶", "sī", InlineRole.INDICATOR) in ruby  # inside a statistic, which stays one
    assert ("郫", "pí", InlineRole.LEAD) in ruby and ("都", "dū", InlineRole.LEAD) in ruby
    assert ("黜", "chù", InlineRole.PLAIN) in ruby and ("蓊", "wěng", InlineRole.PLAIN) in ruby
    assert ("都", "dōu", InlineRole.PLAIN) in ruby
    lead = next(b for b in reading.blocks if b.lead)
    assert lead.lead == "一要发展郫都特色产业。"


def test_pinyin_report_lists_annotated_and_missing_characters():
    draft = Builder().draft(READING_CASE)
    report = pinyin_report(draft.document, draft.pronunciations)
    assert report.annotated["都"] == ["dū", "dōu"]
    assert {"濮", "锶", "黜", "蓊", "郫"} <= set(report.annotated)
    assert report.missing == []
    lines = pinyin_summary(report)
    assert lines[0].startswith("阅读版注音 6 字：") and "锶 sī" in lines[0]
    assert lines[1] == "无法注音 0 字：无"


def test_pinyin_report_covers_only_what_the_reading_copy_annotates():
    # a table is looked at, not read aloud: the reading copy leaves it as it is,
    # so draft check must not list its characters as annotated
    table = Table(caption=(Inline("氹仔"),), rows=(((Inline("濮"),),),))
    document = Document(blocks=[Block(BlockRole.PARAGRAPH, (Inline("锶"),)), table])
    annotated = {i.text for b in reading_copy(document).blocks for i in b.inlines if i.role is InlineRole.RUBY}
    assert annotated == {"锶"}
    assert set(pinyin_report(document).annotated) == annotated


def test_copy_file_names_sit_side_by_side(tmp_path):
    base = tmp_path / "讲话.docx"
    assert copy_path(base, "file") == base
    assert copy_path(base, "reading").name == "讲话.阅读版.docx"
    assert copy_path(base, "outline").name == "讲话.提纲.docx"


def test_text_of_the_file_copy_is_unchanged():
    draft = _seed()
    assert render_text(draft) == render_text(draft, "file")
    assert "约7分钟" in render_text(draft, "reading")

"""Items listed inside one paragraph (一是……二是……) carry their body text, statistics
included, and a paragraph may start its list again (“两突破”：一是……), as speeches do."""

from drafting.model.document import BlockRole, InlineRole
from drafting.model.editions import outline_copy
from drafting.workflow.build import Builder, render_text

from .conftest import CASES

SPEECH = CASES / "inline-body" / "speech.yaml"
# written out by hand from speech.yaml: lead_in, then each marker, lead and body in one paragraph
PARAGRAPH = (
    "全区经济呈现“一稳”“两增”“两突破”的态势。“一稳”：农业生产稳。春播面积达到36.5万亩，比上年同期增长2.1%。"
    "“两增”：一是工业生产提速增效。全区完成工业总产值41.2亿元，同比增长12.6%。"
    "二是消费市场回暖向好。商贸流通企业经营明显好转。"
    "“两突破”：一是项目建设有新突破。新开工项目X个。二是财政收入有新突破。"
)


def _draft():
    return Builder().draft(SPEECH)


def test_inline_items_print_their_body_in_the_same_paragraph():
    lines = render_text(_draft()).splitlines()
    assert lines[lines.index("一、一季度经济运行的基本情况") + 1] == PARAGRAPH


def test_a_table_in_an_inline_body_follows_the_paragraph():
    blocks = _draft().document.blocks
    at = next(i for i, b in enumerate(blocks) if b.text == PARAGRAPH)
    assert blocks[at + 1].role is BlockRole.TABLE
    assert blocks[at + 2].text.startswith("同志们，")


def test_outline_keeps_the_statistics_of_inline_items():
    outline = outline_copy(_draft().document)
    indicators = [i.text for b in outline.blocks for i in b.inlines if i.role is InlineRole.INDICATOR]
    assert indicators == ["春播面积达到36.5万亩，比上年同期增长2.1%", "完成工业总产值41.2亿元，同比增长12.6%"]


def test_without_new_group_the_numbering_runs_on(tmp_path):
    text = SPEECH.read_text(encoding="utf-8").replace('      - new_group: "“两突破”："\n        lead', "      - lead")
    path = tmp_path / "speech.yaml"
    path.write_text(text, encoding="utf-8")
    text = render_text(Builder().draft(path))
    assert "二是消费市场回暖向好。商贸流通企业经营明显好转。三是项目建设有新突破。新开工项目X个。四是财政收入有新突破。" in text


RUN_IN_INLINE = """\
pack: half-year-speech
meeting: {name: 全县经济工作会议, year: 2025}
title: 在全县经济工作会议上的讲话
count_phrase: 下面，我讲两个问题。
opening: [今天召开全县经济工作会议。]
parts:
  - heading: 认清形势。
    run_in: true
    intro: [今年以来，全县经济平稳增长。]
  - heading: 抓好落实。
    run_in: true
    enumeration: 一是
    layout: inline
    lead_in: 抓项目就是抓发展。
    points:
      - lead: 抓开工。
      - lead: 抓投产。
"""


def test_a_run_in_heading_with_no_intro_takes_its_inline_items_into_its_paragraph(write_yaml):
    """Written as one paragraph (二、抓好落实。抓项目……一是……二是……), it must print as one:
    the list went to a paragraph of its own, so extract's YAML did not rebuild the text."""
    draft = Builder().draft(write_yaml(RUN_IN_INLINE))
    lines = render_text(draft).splitlines()
    assert lines[-1] == "二、抓好落实。抓项目就是抓发展。一是抓开工。二是抓投产。"
    last = draft.document.blocks[-1]
    first_part = next(b for b in draft.document.blocks if b.text.startswith("一、"))
    # a part's heading run in, as part one's: outline level 1 on a body paragraph
    assert (last.role, last.level) == (first_part.role, first_part.level) == (BlockRole.PARAGRAPH, 1)
    assert [i.text for i in last.inlines if i.role is InlineRole.LEAD] == ["二、抓好落实。"]


def test_extract_rebuilds_such_a_part_exactly(tmp_path):
    from drafting.readers.text import read_text
    from drafting.workflow.extract import extract, first_difference, rebuilt_text, source_text, speech_yaml

    text = ("同志们：\n今天召开全县经济工作会议。下面，我讲两个问题。\n一、认清形势 今年以来，全县经济平稳增长。\n"
            "二、抓好落实 项目建设大推进。抓项目就是抓发展。一是抓开工。二是抓投产。\n")
    document = read_text(text.encode("utf-8"), "讲话.txt")
    yaml_text = speech_yaml(extract(document, "讲话.txt"), [])
    assert first_difference(source_text(document), rebuilt_text(yaml_text, str(tmp_path / "讲话.yaml"), [])) is None

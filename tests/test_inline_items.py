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

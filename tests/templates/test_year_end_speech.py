"""The year-end speech pack: its example builds, with the review, the table and
next year's targets where the pack puts them, in wording that follows the data."""

import io

import docx
import pytest

from drafting.workflow.build import Builder, render_docx, render_text
from drafting.model.document import BlockRole

from ..conftest import headings
from drafting.packs.finder import find_pack

EXAMPLE = find_pack("year-end-speech").example_file


@pytest.fixture(scope="module")
def example():
    draft = Builder().draft(EXAMPLE)
    return draft, render_text(draft).splitlines()


def test_example_has_the_speech_structure(example):
    draft, lines = example
    doc = draft.document
    assert lines[:4] == ["在2025年全区经济工作会议上的讲话", "区委书记 李四", "（2025年12月20日）", "同志们："]
    assert lines[4].endswith("下面，就做好2026年经济工作，我讲三点意见。")
    assert [h.text[:2] for h in headings(doc, 1)] == ["一、", "二、", "三、"]
    assert [h.text for h in headings(doc, 2)] == ["一要扩大有效投资。", "二要培育壮大产业。"]
    assert doc.blocks[-1].role is BlockRole.CLOSING
    assert draft.pack.name == "year-end-speech" and draft.document.meta.author == "区委书记 李四"


def test_review_and_its_table_follow_the_first_heading(example):
    draft, lines = example
    at = lines.index("一、2025年经济工作回顾")
    assert lines[at + 1].startswith("预计全年，地区生产总值实现26.7亿元，同比增长5.1%；固定资产投资实现8.9亿元，同比下降2.3%；")
    assert lines[at + 1].endswith("。主要经济指标总体平稳、稳中有进。")
    blocks = draft.document.blocks
    table = blocks[[b.text for b in blocks].index(lines[at + 1]) + 1]
    assert table.role is BlockRole.TABLE
    assert table.text.splitlines()[:3] == [
        "2025年全年主要经济指标完成情况表", "指标\t单位\t完成值\t同比（%）", "地区生产总值\t亿元\t26.7\t5.1",
    ]


def test_targets_follow_the_second_heading(example):
    _, lines = example
    at = lines.index("二、2026年经济工作的总体要求和重点任务")
    assert lines[at + 1] == (
        "2026年全区经济社会发展的主要预期目标是：地区生产总值增长6%左右；固定资产投资增长8%；"
        "城乡居民人均可支配收入与经济增长基本同步。"
    )


def test_placeholder_in_review_reported_once(example):
    draft, _ = example
    said = [(w.location.field, w.message) for w in draft.warnings if ".indicators[" in (w.location.field or "")]
    assert said == [("review.indicators[2].value", "仍是占位符“X”，请填入数字")]  # the example types X


def _variant(write_yaml, old, new):
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    return render_text(Builder().draft(write_yaml(text.replace(old, new)))).splitlines()


def test_period_wording_follows_the_data(write_yaml):
    lines = _variant(write_yaml, "  period: 全年                    # 全年 / 前三季度 / 1—10月 / 1—11月\n  estimated: true",
                     "  period: 1—11月\n  estimated: false")
    assert any(line.startswith("1—11月，地区生产总值实现26.7亿元") for line in lines)
    assert "2025年1—11月主要经济指标完成情况表" in lines
    assert not any("预计" in line for line in lines)


def test_without_review_or_targets_nothing_is_inserted(write_yaml):
    text = EXAMPLE.read_text(encoding="utf-8")
    start, end = text.index("review:"), text.index("parts:")
    lines = render_text(Builder().draft(write_yaml(text[:start] + text[end:]))).splitlines()
    assert lines[lines.index("一、2025年经济工作回顾") + 1].startswith("一是项目建设扎实推进。")
    assert not any("主要预期目标" in line or "完成情况表" in line for line in lines)


def test_word_output_holds_both_tables(example):
    draft, _ = example
    word = docx.Document(io.BytesIO(render_docx(draft)))
    assert [t.rows[0].cells[0].text for t in word.tables] == ["指标", "项目"]
    assert len(word.tables[0].rows) == 5


def test_reading_and_outline_copies_with_tables(example):
    from drafting.model.editions import outline_copy, reading_copy

    draft, _ = example
    reading = reading_copy(draft.document)
    tables = [b for b in reading.blocks if b.role is BlockRole.TABLE]
    assert tables == [b for b in draft.document.blocks if b.role is BlockRole.TABLE]  # passed through as they are
    assert BlockRole.TABLE not in {b.role for b in outline_copy(draft.document).blocks}
    word = docx.Document(io.BytesIO(render_docx(draft, copy="reading")))
    assert len(word.tables) == 2

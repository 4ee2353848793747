"""The statistics of the newer grammar (a ratio, a range with its sign once, a further clause, an
earlier level, a name's note, an aside) in every copy and in ``draft check``: the outline keeps
each statistic whole, the reading copy keeps the wording, and an X in any of their figures is
reported by its own field. The speech is tests/indicator_fields.py's; the expected texts are
written by hand."""

from __future__ import annotations

from drafting.model.document import BlockRole, InlineRole
from drafting.model.editions import outline_copy, reading_copy
from drafting.workflow.build import Builder, render_text
from drafting.workflow.check import check_draft

from .indicator_fields import SENTENCE, SPEECH

CLAUSES = [
    "三次产业结构调整为12.3:45.6:42.1",
    "社会消费品零售总额预计增长5-6%",
    "规模以上工业增加值同比增长7.6%，增速比一季度提高1.2个百分点",
    "财政总收入由2020年的2.66亿元增加到2025年的4.56亿元",
    "地区生产总值（GDP）实现较快增长，完成45.6亿元",
]


def _draft(tmp_path, text=SPEECH):
    path = tmp_path / "讲话.yaml"
    path.write_text(text, encoding="utf-8")
    return Builder().draft(path)


def test_the_outline_keeps_each_statistic_whole(tmp_path):
    outline = outline_copy(_draft(tmp_path).document)
    assert [i.text for b in outline.blocks for i in b.inlines if i.role is InlineRole.INDICATOR] == CLAUSES


def test_the_reading_copy_keeps_the_sentence(tmp_path):
    draft = _draft(tmp_path)
    assert SENTENCE in render_text(draft).splitlines()
    spoken = [b.text for b in reading_copy(draft.document).blocks if b.role is not BlockRole.NOTE]
    assert SENTENCE in spoken


def test_check_reports_an_x_in_each_of_their_figures_by_its_field(tmp_path):
    text = (SPEECH.replace("value: 12.3,", "value: X,").replace("change_to: 6,", "change_to: X,")
            .replace("{change: 1.2,", "{change: X,").replace("earlier: 2.66,", "earlier: X,"))
    report = check_draft(_draft(tmp_path, text))
    fields = sorted(f.problem.location.field for f in report.findings if f.kind == "placeholder")
    at = "parts[0].intro[0].indicators"
    assert fields == sorted([f"{at}[0].value", f"{at}[1].change_to", f"{at}[2].then[0].change", f"{at}[3].earlier"])

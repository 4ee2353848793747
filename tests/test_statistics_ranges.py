"""A change reached as a range (增长5%—6%, 提高0.2至0.3个百分点) through the statistics sheet
and typed by hand: ``--statistics-out`` shows it as a writer types it (5—6), the sheet reader
reads such a cell back as the same range, and ``change: 5—6`` in the YAML is the range too.
Texts and figures here are written for this file; expected values are written by hand."""

from __future__ import annotations

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from drafting.cli import main
from drafting.errors import SchemaError
from drafting.model.ranges import RANGE_MARKS
from drafting.readers.sheet import read_sheets
from drafting.readers.statistics import read_table
from drafting.source.yaml_writer import write_yaml
from drafting.workflow.build import Builder, render_text

FIGURES_LINE = "全年，规上工业增加值同比增长5%—6%；社会消费品零售总额同比下降1%～2%；城镇登记失业率提高0.2至0.3个百分点。"
OLD_SPEECH = f"""\
在2024年全区经济工作会议上的讲话
同志们：
这次会议的主要任务是，总结全年经济工作，部署明年重点任务。下面，我讲两点意见。
一、经济运行稳中有进
{FIGURES_LINE}
各项工作扎实推进。
二、明年工作安排
全区上下要坚定信心，真抓实干。
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def exported(tmp_path):
    """The old speech extracted to 讲话.yaml with its statistics sheet 指标.xlsx."""
    source = tmp_path / "讲话.txt"
    source.write_text(OLD_SPEECH, encoding="utf-8")
    result = run("extract", source, "--statistics-out", tmp_path / "指标.xlsx")
    assert result.exit_code == 0, result.output
    return tmp_path / "讲话.yaml", tmp_path / "指标.xlsx"


def _rows(path):
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


def test_the_sheet_shows_a_range_as_a_writer_types_it(exported):
    _, sheet = exported
    rows = _rows(sheet)
    assert [(r[0], r[5]) for r in rows[2:5]] == [
        ("规上工业增加值", "5—6"), ("社会消费品零售总额", "-1～-2"), ("城镇登记失业率", "0.2至0.3")]


def _filled(sheet, changes):
    """The statistics office's work: the 同比增长（%） column filled, row by row."""
    book = openpyxl.load_workbook(sheet)
    for row, change in enumerate(changes, start=3):
        book.active[f"D{row}"] = change
    book.save(sheet)


def _next_year(speech_yaml):
    """Next year's speech: the extracted YAML naming the sheet, every change left to it (X)."""
    data = yaml.safe_load(speech_yaml.read_text(encoding="utf-8"))
    data["statistics"] = "指标.xlsx"
    for indicator in data["parts"][0]["intro"][0]["indicators"]:
        indicator["change"] = "X"
    speech_yaml.write_text(write_yaml(data, {}, []), encoding="utf-8")
    return render_text(Builder().draft(speech_yaml))


def test_the_ranges_copied_into_the_sheet_print_the_speech_as_it_was(exported):
    speech, sheet = exported
    _filled(sheet, [row[5] for row in _rows(sheet)[2:5]])  # the office copies last year's column
    assert FIGURES_LINE in _next_year(speech).splitlines()


def test_new_ranges_and_single_figures_in_the_sheet_replace_last_years(exported):
    speech, sheet = exported
    _filled(sheet, ["6.5～7", "-0.5—-1.5", 0.4])
    text = _next_year(speech)
    # the speech keeps its own range mark (～ and 至 as last year's text had them); a single figure is no range
    assert "全年，规上工业增加值同比增长6.5%—7%；社会消费品零售总额同比下降0.5%～1.5%；城镇登记失业率提高0.4个百分点。" in text


def _table(tmp_path, changes):
    path = tmp_path / "指标.csv"
    lines = ["指标名称,计量单位,1—12月,同比增长（%）"] + [f"指标{n},亿元,10,{c}" for n, c in enumerate(changes, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [sheet] = read_sheets(path)
    return read_table(sheet)


@pytest.mark.parametrize("typed, change, upper", [
    ("5—6", 5, 6), ("5%—6%", 5, 6), ("５％～６％", 5, 6), ("5-6", 5, 6), ("0.2至0.3", 0.2, 0.3),
    ("-1—-2", -1, -2), ("－1～－2", -1, -2), ("5 — 6", 5, 6),
])
def test_the_sheet_reader_reads_a_range_typed_in_the_change_column(tmp_path, typed, change, upper):
    row = _table(tmp_path, [typed]).rows["指标1"][0]
    assert (row.change, row.change_to, row.unreadable) == (change, upper, ())


def test_a_single_change_has_no_upper_end(tmp_path):
    row = _table(tmp_path, ["-2.5"]).rows["指标1"][0]
    assert (row.change, row.change_to) == (-2.5, None)


def test_a_range_across_zero_in_the_sheet_is_unknown_and_said_so(tmp_path):
    row = _table(tmp_path, ["-1—2"]).rows["指标1"][0]
    assert (row.change, row.change_to) == (None, None)
    assert len(row.unreadable) == 1 and "-1—2" in row.unreadable[0] and "一正一负" in row.unreadable[0]


SPEECH = """\
pack: half-year-speech
meeting:
  name: 全县经济运行分析会
  year: 2025
parts:
  - heading: 经济运行
    intro:
      - indicators:
          - {name: 规上工业增加值, change: CHANGE}
        after: 。
"""


def _built(tmp_path, change):
    path = tmp_path / "讲话.yaml"
    path.write_text(SPEECH.replace("CHANGE", change), encoding="utf-8")
    return render_text(Builder().draft(path))


@pytest.mark.parametrize("typed, printed", [
    ("5—6", "规上工业增加值同比增长5%—6%。"),
    ('"5%～6%"', "规上工业增加值同比增长5%～6%。"),
    ('"-1—-2"', "规上工业增加值同比下降1%—2%。"),
    ("5至6", "规上工业增加值同比增长5%至6%。"),
])
def test_a_change_typed_as_a_range_prints_the_range(tmp_path, typed, printed):
    assert printed in _built(tmp_path, typed).splitlines()


def test_a_range_across_zero_typed_in_the_yaml_is_refused_naming_its_line(tmp_path):
    with pytest.raises(SchemaError) as info:
        _built(tmp_path, '"-1—2"')
    [problem] = info.value.problems
    assert problem.location.line == 9 and "一正一负" in problem.message


def test_a_range_typed_beside_change_to_is_refused(tmp_path):
    with pytest.raises(SchemaError) as info:
        _built(tmp_path, "5—6, change_to: 7")
    [problem] = info.value.problems
    assert problem.location.line == 9 and "change_to" in problem.message


@pytest.mark.parametrize("mark", list(RANGE_MARKS))
def test_the_typing_review_looks_for_every_mark_a_range_is_read_with(tmp_path, mark):
    """Every mark the range reader takes is one the typing review reads a typed change by."""
    assert f"规上工业增加值同比增长5%{mark}6%。" in _built(tmp_path, f'"5{mark}6"').splitlines()

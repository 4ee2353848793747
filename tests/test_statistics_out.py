"""``draft extract --statistics-out``: the statistics an old speech quoted, as a
sheet the statistics office fills, which then fills next year's speech."""

import openpyxl
import pytest
from click.testing import CliRunner

from drafting.cli import main
from drafting.readers.sheet import read_sheets
from drafting.readers.statistics import read_table
from drafting.workflow.build import Builder, render_text

from .conftest import MINIMAL

OLD_SPEECH = """\
在2024年全区经济工作会议上的讲话
同志们：
这次会议的主要任务是，总结全年经济工作，部署明年重点任务。下面，我讲两点意见。
一、经济运行稳中有进
全年，地区生产总值实现26.7亿元，同比增长5.1%；固定资产投资实现8.9亿元，同比下降2.3%；一般公共预算收入实现X万元，同比增长X%。
各项工作扎实推进。
二、明年工作安排
全区上下要坚定信心，真抓实干。
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def old_speech(tmp_path):
    path = tmp_path / "去年的讲话.txt"
    path.write_text(OLD_SPEECH, encoding="utf-8")
    return path


def test_the_sheet_lists_the_indicators_with_empty_figures_to_fill(old_speech, tmp_path):
    result = run("extract", old_speech, "--statistics-out", tmp_path / "指标.xlsx")
    assert result.exit_code == 0, result.output
    assert "已写出统计表" in result.stderr and "3 个指标" in result.stderr
    rows = list(openpyxl.load_workbook(tmp_path / "指标.xlsx").active.iter_rows(values_only=True))
    assert rows[1] == ("指标名称", "计量单位", "本期", "同比增长（%）", "原稿中的数", "原稿中的幅度", "说明")
    assert rows[2:5] == [
        ("地区生产总值", "亿元", None, None, 26.7, 5.1, None),
        ("固定资产投资", "亿元", None, None, 8.9, -2.3, None),
        ("一般公共预算收入", "万元", None, None, None, None, None),
    ]
    # read back as a statistics sheet: the names, and no figure of last year's as this year's
    [sheet] = read_sheets(tmp_path / "指标.xlsx")
    table = read_table(sheet)
    assert [r[0].name for r in table.rows.values()] == ["地区生产总值", "固定资产投资", "一般公共预算收入"]
    assert all(r[0].value is None and r[0].change is None for r in table.rows.values())


def test_the_filled_sheet_fills_next_years_speech(old_speech, tmp_path):
    run("extract", old_speech, "-o", "-", "--statistics-out", tmp_path / "指标.xlsx")
    book = openpyxl.load_workbook(tmp_path / "指标.xlsx")
    sheet = book.active
    sheet["C3"], sheet["D3"] = 28.4, 5.6  # the statistics office's figures for 地区生产总值
    sheet["C4"], sheet["D4"] = "9.2", "3.4"
    book.save(tmp_path / "指标.xlsx")
    speech = tmp_path / "讲话.yaml"
    speech.write_text(MINIMAL.replace("          - 正文一。", """\
          - before: 全年，
            indicators:
              - name: 地区生产总值
              - name: 固定资产投资
            after: 。""") + "statistics: 指标.xlsx\n", encoding="utf-8")
    text = render_text(Builder().draft(speech))
    assert "全年，地区生产总值实现28.4亿元，同比增长5.6%；固定资产投资实现9.2亿元，同比增长3.4%。" in text


def test_the_same_speech_gives_the_same_bytes(old_speech, tmp_path):
    assert run("extract", old_speech, "-o", "-", "--statistics-out", tmp_path / "a.xlsx").exit_code == 0
    assert run("extract", old_speech, "-o", "-", "--statistics-out", tmp_path / "b.xlsx").exit_code == 0
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_an_existing_sheet_is_never_overwritten_unasked(old_speech, tmp_path):
    target = tmp_path / "指标.xlsx"
    target.write_bytes(b"the office's own sheet")
    result = run("extract", old_speech, "--statistics-out", target)
    assert result.exit_code == 1 and "已存在" in result.stderr
    assert target.read_bytes() == b"the office's own sheet"
    assert not old_speech.with_suffix(".yaml").exists()  # refused before anything was written
    wrong = run("extract", old_speech, "-o", "-", "--statistics-out", tmp_path / "指标.xls")
    assert wrong.exit_code == 1 and ".xlsx" in wrong.stderr and "Traceback" not in wrong.output

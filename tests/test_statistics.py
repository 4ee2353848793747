"""Figures from the statistics office's sheet, through the whole pipeline:
the speech names the sheet under ``statistics:``, indicators that give only a
name take value, unit and change from the sheet row of that name."""

import io
import json
import os
import subprocess
import sys
import time

import docx
import openpyxl
import pytest

from drafting.errors import DataError, SchemaError
from drafting.workflow.build import Builder, render_docx, render_text
from drafting.workflow.check import check_draft

from .conftest import ROOT
from .sheets import statistics_csv, statistics_workbook

SPEECH = """\
pack: half-year-speech
meeting:
  name: 全区经济工作会议
  year: 2025
statistics: {statistics}
salutation: 同志们：
opening:
  - 这次会议的主要任务是，总结上半年经济工作，部署下半年重点任务。
parts:
  - heading: 上半年经济运行总体平稳
    intro:
      - before: 上半年，
        indicators:
{indicators}
        after: 。
    points:
      - lead: 工业生产稳中有升。
        body:
          - 规模以上工业企业生产经营总体平稳。
"""

NAMES_ONLY = """\
          - name: 地区生产总值
          - name: 第一产业
          - name: 规模以上工业增加值
          - name: 固定资产投资（不含农户）"""


def speech(tmp_path, statistics="指标.xlsx", indicators=NAMES_ONLY, sheet=True):
    if sheet:
        statistics_workbook(tmp_path / "指标.xlsx")
    path = tmp_path / "讲话.yaml"
    path.write_text(SPEECH.format(statistics=statistics, indicators=indicators), encoding="utf-8")
    return path


def sentence(draft) -> str:
    return next(line for line in render_text(draft).splitlines() if line.startswith("上半年，"))


def test_names_take_their_figures_from_the_sheet(tmp_path):
    draft = Builder().draft(speech(tmp_path))
    assert sentence(draft) == (
        "上半年，地区生产总值实现123.45亿元，同比增长5.2%；第一产业实现12.3亿元，同比下降1.5%；"
        "规模以上工业增加值同比增长7.3%；固定资产投资（不含农户）实现88亿元，同比下降3.4%。"
    )
    assert draft.warnings == []  # 规上工业 has no value in the sheet, and asks for none


def test_what_the_writer_typed_wins_and_an_x_is_filled(tmp_path):
    indicators = """\
          - {name: 地区生产总值, value: 120, change: X}
          - {name: 第一产业, unit: 亿元, value: X, change: 2}"""
    draft = Builder().draft(speech(tmp_path, indicators=indicators))
    assert sentence(draft) == "上半年，地区生产总值实现120亿元，同比增长5.2%；第一产业实现12.3亿元，同比增长2%。"
    assert draft.warnings == []  # the X the writer typed was filled: no placeholder left


def test_an_unknown_name_is_a_warning_at_its_line_with_the_closest_names(tmp_path):
    indicators = """\
          - name: 地区生产总值
          - name: 地区生产总量
          - name: 全社会用电量"""
    draft = Builder().draft(speech(tmp_path, indicators=indicators))
    close, none = draft.warnings
    assert (close.location.line, close.location.field) == (15, "parts[0].intro[0].indicators[1].name")
    assert close.message == (
        "统计表（指标.xlsx 工作表“主要指标”）中没有“地区生产总量”；最相近的是：地区生产总值（名称须与表中一致）"
    )
    assert none.location.line == 16
    assert none.message.endswith(
        "没有“全社会用电量”，也没有相近的名称；表中共 7 个指标：地区生产总值、第一产业、第二产业、"
        "规模以上工业增加值、固定资产投资（不含农户）、社会消费品零售总额、一般公共预算收入"
    )
    assert "地区生产总量；全社会用电量" in sentence(draft)  # nothing invented for them


def test_several_close_names_are_listed_closest_first(tmp_path):
    draft = Builder().draft(speech(tmp_path, indicators="          - name: 第三产业"))
    [warning] = draft.warnings
    listed = warning.message.split("最相近的是：")[1].split("（")[0]
    assert set(listed.split("、")) == {"第一产业", "第二产业"}  # as the writer types them: no 其中：


def test_figures_the_sheet_does_not_know_stay_x_with_the_usual_warning(tmp_path):
    indicators = """\
          - {name: 规模以上工业增加值, unit: 亿元}
          - {name: 一般公共预算收入, unit: 万元}"""
    draft = Builder().draft(speech(tmp_path, indicators=indicators))
    assert sentence(draft) == "上半年，规模以上工业增加值实现X亿元，同比增长7.3%；一般公共预算收入实现X万元。"
    assert [w.message for w in draft.warnings] == ["未填写，已输出占位符 X"] * 2


def test_check_says_which_indicator_came_from_which_file_and_row(tmp_path):
    report = check_draft(Builder().draft(speech(tmp_path)))
    assert [str(s) for s in report.sourced] == [
        f"{tmp_path / '讲话.yaml'}:14:19：地区生产总值 ← 指标.xlsx 工作表“主要指标”第3行（数值、单位、增幅）",
        f"{tmp_path / '讲话.yaml'}:15:19：第一产业 ← 指标.xlsx 工作表“主要指标”第4行（数值、单位、增幅）",
        f"{tmp_path / '讲话.yaml'}:16:19：规模以上工业增加值 ← 指标.xlsx 工作表“主要指标”第7行（增幅）",
        f"{tmp_path / '讲话.yaml'}:17:19：固定资产投资（不含农户） ← 指标.xlsx 工作表“主要指标”第8行（数值、单位、增幅）",
    ]


def test_draft_build_says_how_many_figures_came_from_which_sheet(tmp_path):
    done = run_draft("build", speech(tmp_path), env={"PYTHONPATH": str(ROOT), "DRAFT_CACHE_DIR": ""})
    assert done.returncode == 0, done.stderr
    assert "4 个统计指标的数字取自 指标.xlsx（draft check 列出各取自哪一行）" in done.stderr


def test_draft_check_prints_the_sources_and_the_warning_kinds(tmp_path):
    path = speech(tmp_path, indicators=NAMES_ONLY + "\n          - name: 地区生产总量")
    env = {"PYTHONPATH": str(ROOT), "DRAFT_CACHE_DIR": ""}
    done = run_draft("check", path, env=env)
    assert "取自统计表的指标 4 个：" in done.stdout
    assert "第一产业 ← 指标.xlsx 工作表“主要指标”第4行（数值、单位、增幅）" in done.stdout
    assert done.returncode == 1  # the unknown name is a finding
    payload = json.loads(run_draft("check", path, "--format", "json", env=env).stdout)
    assert [f["kind"] for f in payload["findings"]] == ["statistics"]
    assert payload["statistics"][1] == {
        "file": str(path), "line": 15, "field": "parts[0].intro[0].indicators[1].name", "name": "第一产业",
        "sheet_file": str(tmp_path / "指标.xlsx"), "sheet": "主要指标", "row": 4, "filled": ["value", "unit", "change"],
    }


def run_draft(*args, env):
    import os

    return subprocess.run(
        [sys.executable, "-m", "drafting", *map(str, args)], capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, **env}, cwd=ROOT,
    )


def test_a_gbk_csv_and_a_list_of_sheets(tmp_path):
    statistics_csv(tmp_path / "投资.csv", rows=[["民间投资", "亿元", "40.2", "-6.5"]], encoding="gbk")
    path = speech(tmp_path, statistics="[指标.xlsx, 投资.csv]",
                  indicators="          - name: 地区生产总值\n          - name: 民间投资")
    draft = Builder().draft(path)
    assert sentence(draft) == "上半年，地区生产总值实现123.45亿元，同比增长5.2%；民间投资实现40.2亿元，同比下降6.5%。"
    assert str(draft.statistics.sourced[1].origin) == "投资.csv第3行"


def test_several_sheets_are_read_and_one_may_be_named(tmp_path):
    statistics_workbook(tmp_path / "月报.xlsx", {
        "封面": [],
        "工业": [["规模以上工业增加值", "亿元", 30.5, 7.3]],
        "投资": [["固定资产投资", "亿元", 88, -3.4], ["规模以上工业增加值", "亿元", 1, 1]],
    }, title=None)
    indicators = "          - name: 规模以上工业增加值\n          - name: 固定资产投资"
    every = Builder().draft(speech(tmp_path, "月报.xlsx", indicators, sheet=False))
    assert sentence(every) == "上半年，规模以上工业增加值实现30.5亿元，同比增长7.3%；固定资产投资实现88亿元，同比下降3.4%。"
    # the same name on two sheets with different figures: the first is taken, and said
    assert "有 2 行都是“规模以上工业增加值”（第2行、第3行）" in every.warnings[0].message
    named = Builder().draft(speech(tmp_path, "{file: 月报.xlsx, sheet: 投资}", indicators, sheet=False))
    assert sentence(named) == "上半年，规模以上工业增加值实现1亿元，同比增长1%；固定资产投资实现88亿元，同比下降3.4%。"


def test_a_table_of_the_report_pack_is_filled_from_the_sheet(tmp_path):
    statistics_workbook(tmp_path / "指标.xlsx")
    path = tmp_path / "总结.yaml"
    path.write_text("""\
pack: half-year-report
issuer: 呼中区人民政府
year: 2025
period: 上半年
statistics: 指标.xlsx
sections:
  - heading: 上半年工作完成情况
    body:
      - table:
          caption: 2025年上半年主要经济指标完成情况表
          indicators:
            - name: 地区生产总值
            - name: 社会消费品零售总额
            - {name: 一般公共预算收入, value: 3.1}
            - name: 规模以上工业增加值
""", encoding="utf-8")
    draft = Builder().draft(path)
    word = docx.Document(io.BytesIO(render_docx(draft)))
    [table] = word.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["指标", "单位", "完成值", "同比（%）"],
        ["地区生产总值", "亿元", "123.45", "5.2"],
        ["社会消费品零售总额", "亿元", "1234.5", "-2.1"],
        ["一般公共预算收入", "万元", "3.1", "X"],  # typed value wins, with the sheet's unit; no change known
        ["规模以上工业增加值", "", "X", "7.3"],
    ]


def test_every_copy_shows_the_same_figures_and_the_bytes_repeat(tmp_path):
    path = speech(tmp_path)
    draft = Builder().draft(path)
    figures = "地区生产总值实现123.45亿元，同比增长5.2%"
    for copy in ("file", "reading", "outline"):
        assert figures in render_text(draft, copy)
    assert render_docx(Builder().draft(path)) == render_docx(Builder().draft(path))


def test_a_unit_that_disagrees_with_the_sheet_keeps_the_number_out(tmp_path):
    draft = Builder().draft(speech(tmp_path, indicators="          - {name: 地区生产总值, unit: 万元}"))
    assert sentence(draft) == "上半年，地区生产总值实现X万元，同比增长5.2%。"
    assert any("单位不一致：这里写的是“万元”，指标.xlsx 工作表“主要指标”第3行是“亿元”" in w.message for w in draft.warnings)


def test_a_trend_the_sheet_contradicts_follows_the_sheet_and_is_said(tmp_path):
    draft = Builder().draft(speech(tmp_path, indicators="          - {name: 第一产业, trend: 增长}"))
    assert sentence(draft) == "上半年，第一产业实现12.3亿元，同比下降1.5%。"
    [warning] = draft.warnings
    assert "趋势是“增长”，但指标.xlsx 工作表“主要指标”第4行的增幅是 -1.5" in warning.message


def test_a_trend_said_in_its_own_word_that_the_sheet_agrees_with_stays(tmp_path):
    """回落 is a fall and the sheet's -1.5 says so: the speech keeps its word and is not warned."""
    draft = Builder().draft(speech(tmp_path, indicators="          - {name: 第一产业, trend: 回落}"))
    assert sentence(draft) == "上半年，第一产业实现12.3亿元，同比回落1.5%。"
    assert draft.warnings == []


def test_a_missing_sheet_is_an_error_at_the_yaml_line(tmp_path):
    with pytest.raises(DataError) as e:
        Builder().draft(speech(tmp_path, statistics="统计/指标.xlsx"))
    assert e.value.location.line == 5
    assert "找不到统计表“指标.xlsx”" in e.value.message and "相对于本 YAML 文件" in e.value.message


@pytest.mark.parametrize("written", ["[]", "{sheet: 主要指标}", "12"])
def test_a_malformed_statistics_key_is_a_schema_error(tmp_path, written):
    with pytest.raises(SchemaError) as e:
        Builder().draft(speech(tmp_path, statistics=written))
    assert e.value.problems[0].location.field.startswith("statistics")


def test_an_old_excel_file_through_the_command_says_what_to_do(tmp_path):
    (tmp_path / "指标.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    path = speech(tmp_path, statistics="指标.xls", sheet=False)
    done = run_draft("build", path, env={"PYTHONPATH": str(ROOT), "DRAFT_CACHE_DIR": ""})
    assert done.returncode == 1
    assert "旧版 Excel" in done.stderr and "另存为" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "讲话.docx").exists()


def test_a_speech_without_statistics_is_untouched(tmp_path):
    path = tmp_path / "讲话.yaml"
    path.write_text(SPEECH.replace("statistics: {statistics}\n", "").format(
        indicators="          - name: 地区生产总值"), encoding="utf-8")
    draft = Builder().draft(path)
    assert sentence(draft) == "上半年，地区生产总值。"
    assert draft.statistics.sourced == [] and draft.statistics.files == []


def test_watch_rebuilds_when_the_sheet_changes(tmp_path):
    from .test_cli_watch import TIMEOUT, Watcher

    def built_text():
        return "".join(p.text for p in docx.Document(tmp_path / "讲话.docx").paragraphs)

    def wait_for_text(text):
        deadline = time.monotonic() + TIMEOUT
        while text not in built_text():  # each rebuild says 已生成; wait for the one with the change
            assert time.monotonic() < deadline, f"no rebuild with {text!r}"
            watcher.wait_for("已生成")

    path = speech(tmp_path)
    watcher = Watcher(path)
    try:
        watcher.wait_for("已生成")
        assert "地区生产总值实现123.45亿元" in built_text()
        book = openpyxl.load_workbook(tmp_path / "指标.xlsx")
        book["主要指标"]["C3"] = 130.2
        changed = io.BytesIO()
        book.save(changed)
        touch_later_bytes(tmp_path / "指标.xlsx", changed.getvalue())
        wait_for_text("地区生产总值实现130.2亿元")
        assert sum("已生成" in line for line in watcher.everything) == 2  # no rebuild for nothing
        touch_later_bytes(tmp_path / "指标.xlsx", b"damaged")  # an error is said, and watching goes on
        assert "指标.xlsx" in watcher.wait_for("错误")
    finally:
        assert watcher.stop() == 0


def touch_later_bytes(path, data):
    """New content with a later mtime even on coarse-grained file systems."""
    before = path.stat().st_mtime_ns
    path.write_bytes(data)
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


def test_the_year_end_review_a_pack_field_of_its_own_is_filled_in_sentence_and_table(tmp_path):
    """review.indicators is the year-end pack's own field; the schema, not its name,
    says it holds indicators. The same row fills the sentence and the table."""
    from drafting.packs.finder import find_pack

    statistics_workbook(tmp_path / "指标.xlsx")
    example = find_pack("year-end-speech").example_file.read_text(encoding="utf-8")
    start = example.index("  indicators:\n    - name: 地区生产总值")
    end = example.index("  after: 。主要经济指标")
    path = tmp_path / "讲话.yaml"
    path.write_text(example[:start] + """\
  indicators:
    - name: 地区生产总值
    - name: 固定资产投资（不含农户）
""" + example[end:] + "statistics: 指标.xlsx\n", encoding="utf-8")
    draft = Builder().draft(path)
    assert "预计全年，地区生产总值实现123.45亿元，同比增长5.2%；固定资产投资（不含农户）实现88亿元，同比下降3.4%。" in render_text(draft)
    word = docx.Document(io.BytesIO(render_docx(draft)))
    assert [c.text for c in word.tables[0].rows[1].cells] == ["地区生产总值", "亿元", "123.45", "5.2"]
    assert [(s.name, s.origin.row) for s in draft.statistics.sourced] == [("地区生产总值", 3), ("固定资产投资（不含农户）", 8)]

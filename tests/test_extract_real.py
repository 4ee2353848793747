"""The real-speech measurement's own logic (benchmarks/extract_real.py), on texts written here.

The real texts live outside the repository; these tests only check that the script
matches by content (a lead equal to the annotated lead, an indicator with the
annotated name and figure), not by count, and that its Word forms are what they say.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import docx
import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "extract_real.py"


@pytest.fixture(scope="module")
def real():
    spec = importlib.util.spec_from_file_location("extract_real", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_real"] = module
    spec.loader.exec_module(module)
    return module


SPEECH = {
    "pack": "half-year-speech",
    "parts": [
        {"heading": "上半年经济运行总体平稳",
         "intro": [{"before": "上半年，", "indicators": [
             {"name": "地区生产总值", "value": 26.7, "unit": "亿元", "change": 13.3},
             {"name": "固定资产投资", "change": "6.0"},
             {"name": "规上工业增加值", "change": "XX"}]}],
         "points": [{"lead": "工业生产提速增效。", "subitems": [{"lead": "加快技改。"}]},
                    {"lead": "要稳定粮食生产，压实责任；"}]},
        {"heading": "抓好下半年工作",
         "sections": [{"heading": "抓项目建设", "points": [{"lead": "抓开工。"}]}]},
    ],
}
REPORT = {"pack": "half-year-report",
          "sections": [{"heading": "上半年工作情况", "sections": [
              {"heading": "经济运行总体平稳。", "sections": [{"heading": "工业稳中有进。"}]}]}]}


def test_leads_are_every_level_below_the_parts(real):
    assert real.extracted_leads(SPEECH) == ["工业生产提速增效。", "加快技改。", "要稳定粮食生产，压实责任；",
                                            "抓项目建设", "抓开工。"]
    assert real.extracted_leads(REPORT) == ["经济运行总体平稳。", "工业稳中有进。"]


def test_a_lead_counts_only_when_it_equals_the_annotated_one(real):
    leads = real.extracted_leads(SPEECH)
    # marker and edge punctuation do not matter; a shorter or longer lead does
    assert real.items_matched(["一是工业生产提速增效", "（一）抓项目建设", "抓开工"], leads) == 3
    assert real.items_matched(["工业生产提速", "要稳定粮食生产"], leads) == 0
    # each extracted lead stands for one annotated item only
    assert real.items_matched(["抓开工", "抓开工"], leads) == 1


def test_a_statistic_counts_with_its_name_and_figure(real):
    indicators = real.extracted_indicators(SPEECH)
    assert [i["name"] for i in indicators] == ["地区生产总值", "固定资产投资", "规上工业增加值"]
    wanted = [{"name": "地区生产总值", "figure": 26.7},      # value
              {"name": "全县地区生产总值", "figure": "26.70"},  # a name holding it; same number
              {"name": "固定资产投资", "figure": 6},            # 6.0 printed as the writer did
              {"name": "规上工业增加值", "figure": "x"}]        # every placeholder alike
    assert real.statistics_matched(wanted, indicators) == 3  # the second has nothing left to match
    assert real.statistics_matched([{"name": "地区生产总值", "figure": 13.4}], indicators) == 0
    assert real.statistics_matched([{"name": "社会消费品零售总额", "figure": 26.7}], indicators) == 0


def test_a_name_of_its_own_is_paired_first(real):
    wanted = [{"name": "规模以上工业总产值", "figure": "XX"}, {"name": "产值", "figure": "XX"}]
    # 产值 would also do for the longer name: it goes to its own, and the longer one is the miss
    assert real.statistics_missed(wanted, [{"name": "产值", "value": "XX"}]) == [wanted[0]]
    assert real.statistics_missed(wanted, [{"name": "规模以上工业总产值", "value": "X"}, {"name": "产值", "value": "x"}]) == []


def test_figures_compare_by_value(real):
    assert real.normalise_figure("6.0") == real.normalise_figure(6) == "6"
    assert real.normalise_figure("-5.9") == real.normalise_figure(5.9) == "5.9"
    assert {real.normalise_figure(x) for x in ("XX", "x", "X.X", "xx")} == {"X"}
    assert real.normalise_figure(None) is None and real.normalise_figure("") is None


def test_a_year_taken_from_today_is_counted(real):
    from datetime import date

    text = real.Text("t", None, [], {"year": None})
    assert real.year_from_today(text, real.Outcome("txt", year=date.today().year))
    assert not real.year_from_today(text, real.Outcome("txt", year=2019))
    assert not real.year_from_today(real.Text("t", None, [], {"year": date.today().year}),
                                    real.Outcome("txt", year=date.today().year))


def test_blank_lines_and_indentation_are_layout(real):
    assert real.source_lines("标题\n\n\u3000\u3000同志们：\n  正文。\n") == ["标题", "同志们：", "正文。"]


def test_numbered_word_draws_the_part_numbers(real, tmp_path):
    lines = ["同志们：", "一、总结成绩", "正文。", "二、部署工作", "一是抓项目。"]
    path = real.numbered_word(lines, tmp_path / "n.docx")
    paragraphs = docx.Document(path).paragraphs
    assert [p.text for p in paragraphs] == ["同志们：", "总结成绩", "正文。", "部署工作", "一是抓项目。"]
    numbered = [p.text for p in paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert numbered == ["总结成绩", "部署工作"]
    # numbers that do not run 一、二、… from 一 are left typed: no numbered form
    assert real.numbered_word(["二、部署工作", "三、加强领导"], tmp_path / "m.docx") is None


def test_the_whole_run_on_a_text_written_here(real, tmp_path, capsys):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "t1.txt").write_text(
        "在2025年上半年全县经济运行分析会上的讲话\n同志们：\n今天召开上半年经济运行分析会。下面，我讲两点意见。\n一、肯定成绩\n"
        "\u3000\u3000上半年，全县实现地区生产总值26.7亿元，同比增长13.3%。\n\n二、抓好落实\n"
        "一是抓项目建设。\n二是抓招商引资。\n同志们，让我们真抓实干。\n", encoding="utf-8")
    (folder / "t1.expected.yaml").write_text(
        "pack: half-year-speech\nyear: 2025\nhalf: 上半年\nitems: [抓项目建设, 抓招商引资]\n"
        "statistics:\n  - {name: 地区生产总值, figure: 26.7}\n  - {name: 财政收入, figure: 3}\n", encoding="utf-8")
    assert real.main([str(folder), "--forms", "txt,docx-numbered", "--totals-only"]) == 0
    out = capsys.readouterr().out
    # the .txt is given as published (indented, a blank line); the round trip compares its paragraphs
    assert "| txt | 1 | 1 | 1 | 1 | 1/1 (100%) | 0 | 1/1 (100%) | 2/2 (100%) | 1/2 (50%) | 1/2 (50%) | 0 |" in out, out
    assert "| docx-numbered | 1 | 1 | 1 | 1 | 1/1 (100%) | 0 | 1/1 (100%) | 2/2 (100%) | 1/2 (50%) | 1/2 (50%) | 0 |" in out, out


def test_exact_names_refuse_a_name_with_a_verb_in_it(real):
    wanted = [{"name": "地区生产总值", "figure": 210}]
    loose = [{"name": "地区生产总值突破", "value": 210}]
    assert real.statistics_missed(wanted, loose) == []
    assert real.statistics_missed(wanted, loose, exact_names=True) == wanted
    assert real.statistics_missed(wanted, [{"name": "地区生产总值", "value": 210}], exact_names=True) == []


def test_a_decimal_split_by_a_pdf_compares_by_value(real):
    assert real.normalise_figure("60. 5") == real.normalise_figure(60.5) == "60.5"


def test_a_miss_is_classed_by_where_its_text_stands(real):
    """The classes a held-out set's totals may show: each class reached by one miss."""
    data = {"parts": [
        {"heading": "一、稳住工业基本盘 规上工业增加值增长5.2%",
         "intro": ["今年以来，全县新签约项目12个。一是抓开工，二是抓投产。"],
         "points": [{"lead": "抓项目建设强后劲。抓招商引资"}]}]}
    strings = real.strings_by_role(data)
    leads = real.extracted_leads(data)
    assert real.where_item_stands("抓项目建设强后劲", leads, strings) == "an extracted lead longer or shorter than it"
    assert real.where_item_stands("抓开工", leads, strings) == "inside plain text"
    assert real.where_item_stands("稳住工业基本盘", leads, strings) == "inside a heading"
    assert real.where_item_stands("抓安全生产", leads, strings) == "not found as written"
    indicators = [{"name": "税收收入", "value": 3.1}]
    assert real.where_statistic_stands({"name": "规上工业增加值", "figure": 5.2}, indicators, strings) == "in a heading"
    assert real.where_statistic_stands({"name": "新签约项目", "figure": 12}, indicators, strings) == "in plain text"
    assert (real.where_statistic_stands({"name": "一般公共预算收入", "figure": 3.1}, indicators, strings)
            == "its figure in an indicator of another name")
    assert (real.where_statistic_stands({"name": "社会消费品零售总额", "figure": 8}, indicators, strings)
            == "name and figure not in one string")


def test_a_lead_holding_statistics_compares_by_its_printed_text(real):
    data = {"parts": [{"heading": "经济", "points": [
        {"lead": {"indicators": [{"name": "财政收入", "value": 3.2, "unit": "亿元", "verb": "完成", "change": 8.1}],
                  "after": "。"}}]}]}
    assert real.extracted_leads(data) == ["财政收入完成3.2亿元，同比增长8.1%。"]
    assert ("lead", "。") in real.strings_by_role(data)


def test_a_heading_holding_statistics_compares_by_its_printed_text(real):
    data = {"parts": [{"heading": {"before": "全县经济稳中有进，", "indicators": [
        {"name": "地区生产总值", "value": 45.6, "unit": "亿元", "verb": "完成", "change": 6.2}]},
        "sections": [{"heading": {"indicators": [{"name": "规上工业增加值", "change": 8.1}]}}]}]}
    assert real.extracted_leads(data) == ["规上工业增加值同比增长8.1%"]  # a section is an item; a part is not
    strings = real.strings_by_role(data)
    assert ("heading", "全县经济稳中有进，") in strings
    assert not any(role == "text" for role, _ in strings)  # its words stay a heading's, its figures left out


def test_a_listed_items_lead_holding_statistics_compares_by_its_printed_text(real):
    data = {"parts": [{"heading": "上半年经济运行稳中向好", "intro": [{
        "lead_in": "上半年重点抓了两件事：", "enumeration": "1、", "points": [
            {"lead": {"before": "抓投资，", "indicators": [
                {"name": "固定资产投资", "value": 42.6, "unit": "亿元", "verb": "完成", "verb_first": True}],
                "after": "；"}},
            {"lead": "抓服务，", "body": ["协调解决项目建设难题。"]}]}]}]}
    assert real.extracted_leads(data) == ["抓投资，完成固定资产投资42.6亿元；", "抓服务，"]
    strings = real.strings_by_role(data)
    assert ("lead", "抓投资，") in strings and ("lead", "；") in strings

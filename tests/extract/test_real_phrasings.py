"""Statistics and periods as county speeches say them, beyond the first corpus: a gap
to a benchmark (领先时间进度3.5个百分点), 两年平均增长, 增速居全市第2位, grain in 亿斤,
and a review of part of the year (1-10月份, 前三季度) that is not a year-end speech.
Every expectation is written by hand from the sentence."""

from __future__ import annotations

import pytest

from drafting.model.document import Block, BlockRole, Document, Inline
from drafting.model.indicators import Indicator, phrase_chain
from drafting.readers.indicators import with_indicators
from drafting.workflow.extract import detect_pack


@pytest.mark.parametrize(
    "sentence, indicators",
    [
        ("固定资产投资同比增长15.2%，领先时间进度3.5个百分点。",
         [{"name": "固定资产投资", "change": 15.2, "gap": 3.5, "gap_of": "时间进度", "gap_verb": "领先"}]),
        ("外贸进出口总额完成12.3亿美元，增长8%，高于全市平均水平2.1个百分点。",
         [{"name": "外贸进出口总额", "value": 12.3, "unit": "亿美元", "verb": "完成", "change": 8, "compare": "",
           "gap": 2.1, "gap_of": "全市平均水平"}]),
        ("重点项目投资完成XX亿元，占年度投资计划45.2%，超时序进度XX个百分点。",
         [{"name": "重点项目投资", "value": "XX", "unit": "亿元", "verb": "完成", "share": 45.2,
           "share_of": "年度投资计划", "share_particle": "", "gap": "XX", "gap_of": "时序进度", "gap_verb": "超"}]),
        ("地区生产总值两年平均增长6.1%。", [{"name": "地区生产总值", "change": 6.1, "compare": "两年平均"}]),
        ("建筑业总产值实现23.5亿元，同比增长18.6%，增速居全市第一位。",
         [{"name": "建筑业总产值", "value": 23.5, "unit": "亿元", "change": 18.6, "rank": "一", "rank_scope": "全市",
           "rank_verb": "增速居"}]),
        ("规上工业增加值增长X.X%，高技术产业投资占比仅为X.X%。",
         [{"name": "规上工业增加值", "change": "X.X", "trend": "增长", "compare": "", "separator": "，"},
          {"name": "高技术产业投资占比", "value": "X.X", "unit": "%", "verb": "仅为"}]),
        ("第二产业增加值 XX 亿元,增长 XX%;重点项目投资完成 XX 亿元,占年度计划的 XX%,超时序进度 XX 个百分点。",
         [{"name": "第二产业增加值", "value": "XX", "unit": "亿元", "verb": "", "change": "XX", "trend": "增长",
           "compare": "", "spaced": True, "separator": ";", "joint": ","},
          {"name": "重点项目投资", "value": "XX", "unit": "亿元", "verb": "完成", "share": "XX", "share_of": "年度计划",
           "gap": "XX", "gap_of": "时序进度", "gap_verb": "超", "spaced": True, "joint": ","}]),
        ("一季度全市地区生产总值达到25.6亿元（快报数），同比增长5.1%。",
         # the note on the value is kept with it, so the change after it is read too
         [{"name": "地区生产总值", "value": 25.6, "unit": "亿元", "value_note": "（快报数）", "verb": "达到", "change": 5.1}]),
        ("全镇实现规模工业产值6.2亿元、增加值1.8亿元，合同金额4200万元，实际到位资金1300万元，占全年计划的65%。",
         [{"name": "规模工业产值", "value": 6.2, "unit": "亿元", "verb_first": True, "separator": "、"},
          {"name": "增加值", "value": 1.8, "unit": "亿元", "verb": "", "separator": "，"},
          {"name": "合同金额", "value": 4200, "unit": "万元", "verb": "", "separator": "，"},
          {"name": "实际到位资金", "value": 1300, "unit": "万元", "verb": "", "share": 65, "share_of": "全年计划"}]),
        ("预计上半年全县GDP增长6.3%以上。", [{"name": "GDP", "change": 6.3, "compare": "", "change_bound": "以上"}]),
        ("全年城镇登记失业率控制在3.5%以内，地区生产总值增长6%左右。",
         [{"name": "城镇登记失业率", "value": 3.5, "unit": "%", "verb": "控制在", "value_bound": "以内", "separator": "，"},
          {"name": "地区生产总值", "change": 6, "compare": "", "change_bound": "左右"}]),
        ("粮食产量达到53.8亿斤，比上年增长2.5%。",
         [{"name": "粮食产量", "value": 53.8, "unit": "亿斤", "verb": "达到", "change": 2.5, "compare": "比上年"}]),
    ],
)
def test_phrasings_read_as_indicators_that_print_back(sentence, indicators):
    found = with_indicators(sentence)
    assert found["indicators"] == indicators
    printed = found.get("before", "") + "".join(phrase_chain([Indicator.from_data(d) for d in indicators]))
    assert printed + found["after"] == sentence


def test_a_change_without_a_name_is_not_an_indicator():
    # “比上年增长12.5%” after a figure the reader cannot hold is not an indicator named 比上年
    found = with_indicators("粮食产量达到53.85万担，比上年增长12.5%。")
    assert isinstance(found, str) or all(not d["name"].startswith("比") for d in found["indicators"])


def document(*texts: str) -> Document:
    return Document(blocks=[Block(BlockRole.PARAGRAPH, (Inline(t),)) for t in texts])


def test_a_review_of_part_of_the_year_is_not_a_year_end_speech():
    speech = document("在全县经济运行调度会议上的讲话", "同志们：", "今天主要是冲刺全年目标任务。",
                      "一、经济运行稳中向好", "1-10月份，全县经济运行平稳。前三季度，地区生产总值增长5%。",
                      "二、全力冲刺全年目标", "同志们，确保全年目标任务圆满完成。")
    assert detect_pack(speech) == "half-year-speech"


def test_a_year_end_speech_that_names_a_quarter_ahead_stays_one():
    # 1-11月 sums up the year in December; 一季度开门红 looks ahead once
    speech = document("在全县经济工作会议上的讲话", "同志们：", "今天总结全年工作，部署明年工作。",
                      "一、全年经济运行回顾", "1-11月，全县完成固定资产投资98亿元。",
                      "二、明年的工作", "要确保一季度开门红，全年目标任务圆满完成。")
    assert detect_pack(speech) == "year-end-speech"


def test_a_figure_written_with_a_final_zero_comes_back_as_written(tmp_path):
    # 6.0 and 12.30 are kept as the speech writes them, through the YAML and back; 05 would come back as 5
    from drafting.workflow.build import Builder, render_text

    text = "固定资产投资增长7.2%；社会消费品零售总额增长6.0%；税收收入12.30亿元，增长3%；新开工项目05个。"
    found = with_indicators(text)
    assert [d["name"] for d in found["indicators"]] == ["固定资产投资", "社会消费品零售总额", "税收收入"]
    assert found["indicators"][1]["change"] == "6.0" and found["indicators"][2]["value"] == "12.30"
    assert found["after"] == "；新开工项目05个。"
    from drafting.source.yaml_writer import write_yaml

    speech = {"pack": "half-year-speech", "meeting": {"name": "测试", "year": 2025},
              "parts": [{"heading": "经济运行", "intro": [found]}]}
    path = tmp_path / "speech.yaml"
    path.write_text(write_yaml(speech, {}, []), encoding="utf-8")
    assert text in render_text(Builder().draft(path)).splitlines()


def test_extract_keeps_the_text_exact_when_an_indicator_would_not_print_back(tmp_path, monkeypatch):
    """A statistic read wrongly must never cost the writer the exact text: the YAML falls back to text."""
    from click.testing import CliRunner

    from drafting.cli import main
    from drafting.readers import indicators

    def misread(text):  # an indicator that prints 增长5% where the speech says 增长5.5%
        if "增长5.5%" not in text:
            return text
        before, after = text.split("固定资产投资增长5.5%")
        return {"before": before, "indicators": [{"name": "固定资产投资", "change": 5}], "after": after}

    monkeypatch.setattr(indicators, "with_indicators", misread)
    source = tmp_path / "讲话.txt"
    lines = ["同志们：", "下面，我讲两点意见。", "一、经济运行平稳", "上半年，固定资产投资增长5.5%。",
             "二、抓好下半年工作", "同志们，让我们共同努力。"]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(source)])
    assert result.exit_code == 0, result.output
    assert "已核对：由它生成的文字与原稿逐字一致。" in result.output and "已全部按原文保留为文字" in result.output
    built = CliRunner().invoke(main, ["build", str(tmp_path / "讲话.yaml"), "--format", "txt"])
    assert "上半年，固定资产投资增长5.5%。" in built.output


@pytest.mark.parametrize("words", ["刚刚过去的2024年，是极不平凡的一年。", "一年来，我们克难奋进。", "总结去年经济工作，部署今年任务。"])
def test_a_speech_looking_back_on_the_year_just_ended_is_a_year_end_speech(words):
    speech = document("在全县经济工作会议上的讲话", "同志们：", words, "一、成绩来之不易", "全县经济稳中有进。",
                      "二、扎实做好今年经济工作", "同志们，让我们团结奋进。")
    assert detect_pack(speech) == "year-end-speech"


def test_a_placeholder_with_a_decimal_is_a_placeholder():
    from drafting.model.indicators import is_placeholder

    assert is_placeholder("X.X") and is_placeholder("XX.X") and is_placeholder("XX")
    assert not is_placeholder("X.") and not is_placeholder(".X") and not is_placeholder("6.0")


def test_the_year_of_a_title_pasted_with_spaces(tmp_path):
    from drafting.readers import read_speech
    from drafting.workflow.extract import extract

    source = tmp_path / "讲话.txt"
    source.write_text("在 2025 年一季度全市经济形势分析会上的讲话\n同志们：\n下面，我讲两点意见。\n一、经济运行平稳\n"
                      "全市经济稳中有进。\n二、抓好下步工作\n同志们，让我们共同努力。\n", encoding="utf-8")
    data = extract(read_speech(source), str(source), "half-year-speech").data
    assert data["meeting"]["year"] == 2025


def test_extracted_figures_say_how_to_take_this_years_from_the_sheet(tmp_path):
    """Last year's figures stay in the YAML; the comment says how the sheet replaces them,
    and doing what it says (statistics: 指标.csv, XX → X) prints this year's figures."""
    from pathlib import Path

    from drafting.readers import read_speech
    from drafting.workflow.build import Builder, render_text
    from drafting.workflow.extract import extract, speech_yaml

    from ..sheets import statistics_csv

    source = Path(__file__).parent / "corpus" / "c27-pasted-from-pdf.txt"
    extraction = extract(read_speech(source), str(source), "half-year-speech")
    text = speech_yaml(extraction, ["测试"])
    assert "statistics: 指标.xlsx" in text and "--statistics-out" in text
    # the original's XX placeholders are unknown figures the sheet fills, like X
    statistics_csv(tmp_path / "指标.csv", rows=[["第一产业增加值", "亿元", "12.3", "3.4"]])
    path = tmp_path / "讲话.yaml"
    path.write_text("statistics: 指标.csv\n" + text, encoding="utf-8")
    printed = render_text(Builder().draft(path))
    assert "第一产业增加值 12.3 亿元，增长 3.4%；第二产业增加值 XX 亿元，增长 X.X%" in printed


def test_a_list_announced_with_a_colon_may_hold_one_item(tmp_path):
    from pathlib import Path

    from drafting.readers import read_speech
    from drafting.workflow.extract import extract

    source = Path(__file__).parent / "corpus" / "c28-announced-list.txt"
    part = extract(read_speech(source), str(source), "half-year-speech").data["parts"][0]
    assert part["intro"] == ["对上半年的工作,可以用一句话来概括:"]
    assert part["enumeration"] == "第一句话," and [p["lead"] for p in part["points"]] == ["稳中有进、进中提质。"]
    assert part["closing"] == ["成绩来之不易,是全镇上下共同努力的结果。"]
    # without the announcing colon a lone 一是 stays text; a lone （一） opens a paragraph only as an item
    lines = source.read_text(encoding="utf-8").splitlines()
    for first, counted in (("一是稳中有进、进中提质。", False), ("（一）稳中有进、进中提质。", True)):
        lines[4], lines[5] = "对上半年的工作,大家有目共睹。", first + lines[5].split("。", 1)[1]
        plain = tmp_path / "讲话.txt"
        plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
        part = extract(read_speech(plain), str(plain), "half-year-speech").data["parts"][0]
        assert ("points" in part) is counted
        if counted:
            assert part["enumeration"] == "（一）" and part["points"][0]["lead"] == "稳中有进、进中提质。"


def test_a_comparison_alone_is_not_a_name():
    found = with_indicators("地区生产总值同比增长15.2%，比2019年同期增长19.3%，两年平均增长9.2%。")
    assert [d["name"] for d in found["indicators"]] == ["地区生产总值"]


def test_a_lone_figure_without_a_verb_is_not_a_statistic():
    # 该项目占地225亩 alone is a description; only in a list of figures does a bare figure count
    assert with_indicators("该项目总建筑面积12万平方米。") == "该项目总建筑面积12万平方米。"


def test_a_short_lead_closed_by_a_colon(tmp_path):
    from drafting.readers import read_speech
    from drafting.workflow.extract import extract

    source = tmp_path / "发言.txt"
    source.write_text("同志们：\n下面，我讲两点意见。\n一、经济运行基本情况\n（一）工业产值：全区规上工业总产值完成X亿元。\n"
                      "（二）项目建设：新开工项目X个。\n二、下步打算\n同志们，让我们共同努力。\n", encoding="utf-8")
    part = extract(read_speech(source), str(source), "half-year-speech").data["parts"][0]
    assert [p["lead"] for p in part["points"]] == ["工业产值：", "项目建设："]
    # a colon after a whole sentence's worth of words does not close the lead
    source.write_text("同志们：\n下面，我讲两点意见。\n一、经济运行基本情况\n（一）全区规上工业稳中有进，主要是三个方面的原因：需求回暖。\n"
                      "（二）项目建设加快推进。新开工项目X个。\n二、下步打算\n同志们，让我们共同努力。\n", encoding="utf-8")
    part = extract(read_speech(source), str(source), "half-year-speech").data["parts"][0]
    assert part["points"][0]["lead"] == "全区规上工业稳中有进，主要是三个方面的原因：需求回暖。"


def test_a_lone_paren_heading_heads_the_only_part(tmp_path):
    """An excerpt of a summary: one （一） part and its 1、 2、 items, no 一、 anywhere."""
    from drafting.readers import read_speech
    from drafting.workflow.extract import extract

    source = tmp_path / "总结.txt"
    source.write_text("镇上半年工作情况总结\n今年上半年，全镇经济社会平稳发展。\n（一）坚持稳中求进，经济总量稳步攀升。\n"
                      "围绕增产增效，抓好各项工作。\n1、农业生产稳定。完成粮食播种面积2.3万亩。\n2、工业经济向好。规上工业产值完成X亿元。\n",
                      encoding="utf-8")
    data = extract(read_speech(source), str(source), "half-year-speech").data
    assert data["part_numbering"] == "（一）" and [p["heading"] for p in data["parts"]] == ["坚持稳中求进，经济总量稳步攀升。"]
    assert data["parts"][0]["enumeration"] == "1、"
    assert [p["lead"] for p in data["parts"][0]["points"]] == ["农业生产稳定。", "工业经济向好。"]

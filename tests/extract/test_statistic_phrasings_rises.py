"""The phrasings issue 11 still left as text after extract15: a rise said from one level to another
(由A增加到B, 从A提高到B), a statement with 为 about a zone named by a blank (xx工业园区…为…), values
said with 预计达 before a 分别 change list, and a list of ranks after one verb.

Every sentence was written for this file in the genre's phrasing (no published text); every expected
name and figure was written by hand from the sentence as RULES.md picks them: the name is the noun the
figure is stated of; the figure of 由A增加到B is the later one; the values before 分别 count one each
and the 分别 changes stay text; a rank list counts one per named category. A recognised statement
must print back character for character; targets, 分别 over several names and evaluations stay text."""

from __future__ import annotations

import pytest

from drafting.readers.indicators import with_indicators
from tests.extract import built_paragraph, named_figures, printed_back


@pytest.mark.parametrize(
    "sentence, named, earlier",
    [
        ("五年来，全镇财政总收入由2019年的1.86亿元增加到2023年的3.42亿元。", [("财政总收入", 3.42)], [1.86]),
        ("全县地区生产总值从2015年的86.4亿元增加到2020年的132.7亿元，年均增长8.9%。",
         [("地区生产总值", 132.7)], [86.4]),
        ("城镇化率由41.2%提高到48.6%，农村居民人均可支配收入由9860元增加到14320元。",
         [("城镇化率", 48.6), ("农村居民人均可支配收入", 14320)], [41.2, 9860]),
        ("“十三五”期间，一般公共预算收入从“十二五”末的2.3亿元增长到4.1亿元；规上工业企业由18家增加到35家。",
         [("一般公共预算收入", 4.1), ("规上工业企业", 35)], [2.3, 18]),
        ("森林覆盖率由上年的38.5%提升至40.2%。", [("森林覆盖率", 40.2)], [38.5]),
    ],
)
def test_a_rise_from_one_level_to_another_is_the_later_figure(sentence, named, earlier):
    found = with_indicators(sentence)
    assert named_figures(found) == named
    assert [d["earlier"] for d in found["indicators"]] == earlier
    assert printed_back(found) == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "力争城镇化率由41.2%提高到45%。",  # a target
        "到2025年，城镇化率由41.2%提高到45%。",
        "确保森林覆盖率从38.5%提高到40%以上。",
        "城镇化率由41.2%提高到X%。",  # a level left open in a template: a goal
        "财政总收入由9800万元增加到1.2亿元。",  # two units: the model prints one, so the clause stays text
    ],
)
def test_rises_that_are_targets_or_in_two_units_stay_text(sentence):
    assert with_indicators(sentence) == sentence


@pytest.mark.parametrize(
    "sentence, named",
    [
        # a zone named by a blank (xx, ×× in an office's copy) says whose the figure is, as 全县 does
        ("xx工业园区总体规划面积为28.5平方公里，已入驻企业为46家。", [("总体规划面积", 28.5), ("入驻企业", 46)]),
        ("××经济开发区建成区面积为12.6平方公里。", [("建成区面积", 12.6)]),
        # 预计达: an estimate of the period counts (RULES); the 分别 changes after the values stay text
        ("农村经济总收入预计达9650万元，农民人均纯收入预计达4120元，分别比上年增长12%和9%。",
         [("农村经济总收入", 9650), ("农民人均纯收入", 4120)]),
    ],
)
def test_values_said_with_wei_or_an_estimate_are_statistics(sentence, named):
    found = with_indicators(sentence)
    assert named_figures(found) == named
    assert all("change" not in d for d in found["indicators"])
    assert printed_back(found) == sentence


def test_rises_and_zones_build_back_through_the_yaml(tmp_path):
    """earlier, earlier_when, earlier_word and value_when survive the YAML writer, the schema and the
    pack's template: the paragraph builds back to the very same words."""
    from drafting.workflow.build import render_text

    text = ("五年来，全镇财政总收入由2019年的1.86亿元增加到2023年的3.42亿元；城镇化率从41.2%提高到48.6%；"
            "xx工业园区总体规划面积为28.5平方公里。")
    found = with_indicators(text)
    assert named_figures(found) == [("财政总收入", 3.42), ("城镇化率", 48.6), ("总体规划面积", 28.5)]
    built, _ = built_paragraph(tmp_path, found)
    assert text in render_text(built).splitlines()


@pytest.mark.parametrize(
    "sentence, named, before",
    [
        ("综合实力稳步提升，位居全国百强县投资潜力第6、新型城镇化质量第9、县域经济基本竞争力第11。",
         [("投资潜力", 6), ("新型城镇化质量", 9), ("县域经济基本竞争力", 11)], "综合实力稳步提升，位居全国百强县"),
        # the scope stops at the place, not inside 县域: the category keeps its first word
        ("我县位居全省县域经济综合实力第4、营商环境第2位。", [("县域经济综合实力", 4), ("营商环境", 2)], "我县位居全省"),
    ],
)
def test_a_list_of_ranks_after_one_verb_counts_one_per_category(sentence, named, before):
    found = with_indicators(sentence)
    assert named_figures(found) == named
    assert found["before"] == before
    assert printed_back(found) == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "位居全市综合考核第3、党建考评第2。",  # evaluations are no indicators' ranks (RULES)
        "位居全市营商环境第3、年度目标考核第2。",  # one evaluation in the list: the list stays text
        "力争位居全省县域经济综合实力第4、营商环境第2。",  # a target
        "位居全国百强县投资潜力第6的行列。",  # one rank, and it qualifies a noun
    ],
)
def test_rank_lists_of_evaluations_or_targets_stay_text(sentence):
    assert with_indicators(sentence) == sentence


def test_a_rank_list_builds_back_through_the_yaml(tmp_path):
    from drafting.workflow.build import render_text

    text = "去年，我县位居全国百强县投资潜力第6、新型城镇化质量第9位，地区生产总值由86.4亿元增加到92.1亿元。"
    found = with_indicators(text)
    assert named_figures(found) == [("投资潜力", 6), ("新型城镇化质量", 9), ("地区生产总值", 92.1)]
    built, _ = built_paragraph(tmp_path, found)
    assert text in render_text(built).splitlines()


def test_a_figure_with_three_decimals_prints_as_written_through_the_yaml(tmp_path):
    """完成4.559亿元: the speech's three decimals are its figure (RULES: as printed); a YAML number
    still prints with two decimals at most, a figure typed as text prints as typed."""
    from drafting.model.indicators import read_figure
    from drafting.workflow.build import render_text

    assert read_figure("4.559", "亿元") == "4.559"
    assert read_figure("4.56", "亿元") == 4.56
    text = "全镇财政总收入由2019年的2.66亿元增加到2023年的4.559亿元，税收收入完成1.275亿元。"
    found = with_indicators(text)
    assert named_figures(found) == [("财政总收入", "4.559"), ("税收收入", "1.275")]
    built, _ = built_paragraph(tmp_path, found)
    assert text in render_text(built).splitlines()


@pytest.mark.parametrize(
    "sentence, named",
    [
        # 年均达: a yearly average said with the verb, not part of the name
        ("“十四五”以来，全县一般公共预算收入年均达2.86亿元。", [("一般公共预算收入", 2.86)]),
        # 已获得 · 新建成: verbs before the name
        ("园区已获得省批复用地指标1260亩，现在报批用地面积860亩。", [("省批复用地指标", 1260), ("报批用地面积", 860)]),
        ("新建成园区主干道3.6千米、污水管网5.2千米。", [("园区主干道", 3.6), ("污水管网", 5.2)]),
    ],
)
def test_verbs_and_periods_said_about_a_zones_figures_stay_out_of_the_name(sentence, named):
    found = with_indicators(sentence)
    assert named_figures(found) == named
    assert printed_back(found) == sentence

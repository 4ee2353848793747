"""Extraction into every pack, and a report's own levels.

A writer may ask for any pack (``--pack``); whatever the text's shape, the YAML
must build the text back word for word. A report excerpt numbers its levels as
its office does — （一） with 1、 below and no 一、, 一、 with 一是 below, or an
excerpt that starts inside part 一 — and has no 落款: half-year-report takes
the levels the text uses (``numbering``) and prints no 落款 (``signature``).
The corpus texts were written for these tests in the genre's phrasing.
"""

from __future__ import annotations

import pytest

from .test_corpus import CASES, HERE, extracted, source

PACKS = ("half-year-speech", "year-end-speech", "half-year-report")


@pytest.mark.parametrize("pack", PACKS)
@pytest.mark.parametrize("name", CASES)
def test_every_text_comes_back_from_every_pack(name, pack, tmp_path):
    _, rebuilt = extracted(HERE / "corpus" / f"{name}.txt", tmp_path, pack)
    assert rebuilt == source(name)


def _report(name, tmp_path):
    return extracted(HERE / "corpus" / f"{name}.txt", tmp_path, "half-year-report")[0].data


def test_a_report_whose_top_level_is_paren_one(tmp_path):
    data = _report("c29-report-paren-top", tmp_path)
    assert data["numbering"] == ["（一）", "1、"] and data["signature"] is False
    assert [s["heading"] for s in data["sections"]] == ["坚持项目带动，产业发展势头良好。", "坚持民生优先，社会事业全面进步。"]
    assert [s["heading"] for s in data["sections"][1]["sections"]] == ["教育医疗持续改善。", "社会保障扎实有力。"]


def test_items_inline_in_a_report_unit(tmp_path):
    data = _report("c30-report-inline-items", tmp_path)
    first = data["sections"][0]["sections"][0]
    assert first["run_in"] is True and first["enumeration"] == "一是"
    assert [p["lead"] for p in first["points"]] == ["抓实理论学习。", "建强基层组织。", "锤炼干部作风。"]
    plans = data["sections"][1]
    assert plans["lead_in"] == "下半年，街道将对标全年目标，查漏补缺，重点抓好以下工作："
    assert [p["lead"] for p in plans["points"]] == ["持续深化党建引领。", "全力以赴抓好招商。", "精细化推进城市管理。"]


def test_an_excerpt_that_starts_inside_part_one(tmp_path):
    data = _report("c31-report-from-middle", tmp_path)
    headless, problems, plans = data["sections"]
    assert "heading" not in headless  # its heading was cut off: printed as nothing, still numbered 一、
    assert [s["heading"] for s in headless["sections"]] == ["征地拆迁有序推进。", "基础设施加快建设。"]
    assert problems["heading"] == "存在的主要问题" and plans["heading"] == "下半年工作安排"


def test_a_report_with_its_signature_keeps_the_default_levels(tmp_path):
    data = _report("c18-report", tmp_path)
    assert "numbering" not in data and "signature" not in data


def test_the_period_is_the_titles_not_the_years_target(tmp_path):
    path = tmp_path / "总结.txt"
    path.write_text("河口镇上半年工作总结及下半年打算\n上半年，全镇紧盯全年目标任务，完成全年计划的52%。\n"
                    "一、主要工作\n（一）项目建设提速。\n", encoding="utf-8")
    data = extracted(path, tmp_path)[0].data
    assert data["pack"] == "half-year-report" and data["period"] == "上半年"


def test_an_excerpt_that_starts_inside_part_two(tmp_path):
    """The excerpt's first part heading is 三、: the words before its （一） open the report,
    the cut-off part holds the （一）（二）, and 一、 is kept as an empty part so 三、 stays 三、."""
    text = ("水务局上半年工作总结\n今年以来，我局围绕年度目标扎实推进各项工作。\n（一）供水保障有力。城区供水管网改造X公里。\n"
            "（二）防汛准备充分。修订完善防汛预案X个。\n三、下半年工作打算\n（一）加快重点水利项目建设。\n（二）抓好河湖长制落实。\n")
    path = tmp_path / "总结.txt"
    path.write_text(text, encoding="utf-8")
    extraction, rebuilt = extracted(path, tmp_path)
    data = extraction.data
    assert data["pack"] == "half-year-report" and rebuilt == text
    assert data["opening"] == ["今年以来，我局围绕年度目标扎实推进各项工作。"]
    empty, cut, plans = data["sections"]
    assert empty == {} and [s["heading"] for s in cut["sections"]] == ["供水保障有力。", "防汛准备充分。"]
    assert plans["heading"] == "下半年工作打算"


def test_statistics_after_a_reports_inline_list_are_read(tmp_path):
    text = ("北关街道上半年工作总结\n一、主要工作\n（一）抓党建。主要做了三件事：一是抓学习。二是抓组织。\n"
            "辖区完成固定资产投资8.6亿元，同比增长4.2%。\n")
    path = tmp_path / "总结.txt"
    path.write_text(text, encoding="utf-8")
    extraction, rebuilt = extracted(path, tmp_path)
    section = extraction.data["sections"][0]["sections"][0]
    assert [p["lead"] for p in section["points"]] == ["抓学习。", "抓组织。"] and rebuilt == text
    assert [i["name"] for i in extraction.statistics] == ["固定资产投资"]

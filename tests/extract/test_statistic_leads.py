"""A unit whose lead sentence is itself a statistic (二是财政收入完成3.2亿元，同比增长8.1%。):
the lead holds indicators like a body paragraph, prints back word for word, stays one bold
lead, and the outline reads it as its printed text (the real-text benchmark's reading:
tests/test_extract_real.py). Every text here was written for this file in the genre's phrasing; expected values are written by hand."""

from __future__ import annotations

from drafting.model.editions import outline_copy
from drafting.source.yaml_writer import write_yaml
from drafting.workflow.build import Builder, render_text
from tests.extract import extracted_lines

HEAD = [
    "在全县上半年经济运行分析会上的讲话",
    "同志们：",
    "今天召开会议，分析上半年经济形势，安排下半年工作。",
    "一、上半年经济运行稳中有进",
]
FISCAL = "二是财政收入完成3.2亿元，同比增长8.1%。税收占比进一步提高。"
LINES = HEAD + [
    "一是项目建设扎实推进。新开工项目较去年同期明显增多。",
    FISCAL,
    "三是规上工业增加值增长6.5%，高于全市平均1.2个百分点。重点企业满负荷生产。",
]



def test_a_lead_that_is_a_statistic_holds_indicators(tmp_path):
    extraction, _, _ = extracted_lines(tmp_path, LINES)
    points = extraction.data["parts"][0]["points"]
    assert points[0]["lead"] == "项目建设扎实推进。"  # no figure: words, as before
    fiscal = points[1]["lead"]
    assert [(i["name"], i["value"], i["unit"], i["change"]) for i in fiscal["indicators"]] == [("财政收入", 3.2, "亿元", 8.1)]
    assert fiscal["after"] == "。"
    assert points[1]["body"] == ["税收占比进一步提高。"]
    industry = points[2]["lead"]
    assert [i["name"] for i in industry["indicators"]] == ["规上工业增加值"]
    assert [i["change"] for i in industry["indicators"]] == [6.5]


def test_a_lead_with_indicators_builds_back_word_for_word(tmp_path):
    extraction, target, text = extracted_lines(tmp_path, LINES)
    assert all("indicators" in p["lead"] for p in extraction.data["parts"][0]["points"][1:])
    assert render_text(Builder().draft(target)) == text


def test_the_whole_lead_stays_the_bold_lead_and_the_outline_line(tmp_path):
    speech = {"pack": "half-year-speech", "meeting": {"name": "测试", "year": 2025}, "parts": [{
        "heading": "经济运行", "layout": "run-in", "points": [
            {"lead": "项目建设扎实推进。", "body": ["新开工项目明显增多。"]},
            {"lead": {"indicators": [{"name": "财政收入", "value": 3.2, "unit": "亿元", "verb": "完成", "change": 8.1}],
                      "after": "。"}, "body": ["税收占比进一步提高。"]}]}]}
    target = tmp_path / "speech.yaml"
    target.write_text(write_yaml(speech, {}, []), encoding="utf-8")
    document = Builder().draft(target).document
    fiscal = next(b for b in document.blocks if getattr(b, "text", "").startswith("二是"))
    assert fiscal.lead == "二是财政收入完成3.2亿元，同比增长8.1%。"
    outline = [b.text for b in outline_copy(document).blocks]
    assert "二是财政收入完成3.2亿元，同比增长8.1%。" in outline
    assert "税收占比进一步提高。" not in "".join(outline)


def test_an_inline_lead_holds_indicators(tmp_path):
    lines = HEAD + ["一是财政收入完成3.2亿元，同比增长8.1%；二是项目建设扎实推进，新开工项目明显增多。"]
    extraction, target, text = extracted_lines(tmp_path, lines)
    part = extraction.data["parts"][0]
    assert part["layout"] == "inline"
    assert [i["name"] for i in part["points"][0]["lead"]["indicators"]] == ["财政收入"]
    assert render_text(Builder().draft(target)) == text


def test_a_standalone_lead_with_a_statistic_prints_as_its_heading(tmp_path):
    speech = {"pack": "half-year-speech", "meeting": {"name": "测试", "year": 2025}, "parts": [{
        "heading": "经济运行", "layout": "standalone", "enumeration": "（一）",
        "points": [{"lead": {"before": "全县", "indicators": [
            {"name": "地区生产总值", "value": 45.6, "unit": "亿元", "verb": "实现", "change": 6.2}]},
            "body": ["主要得益于工业拉动。"]}]}]}
    path = tmp_path / "speech.yaml"
    path.write_text(write_yaml(speech, {}, []), encoding="utf-8")
    text = render_text(Builder().draft(path))
    assert "（一）全县地区生产总值实现45.6亿元，同比增长6.2%\n主要得益于工业拉动。\n" in text



def test_a_subitem_lead_with_a_statistic_prints_as_written(tmp_path):
    speech = {"pack": "half-year-speech", "meeting": {"name": "测试", "year": 2025}, "parts": [{
        "heading": "经济运行", "layout": "run-in", "points": [
            {"lead": "工业生产提速增效。", "subitem_numbering": "1、", "subitems": [
                {"lead": {"indicators": [{"name": "规上工业增加值", "change": 6.5}], "after": "。"},
                 "body": ["重点企业满负荷生产。"]}]}]}]}
    path = tmp_path / "speech.yaml"
    path.write_text(write_yaml(speech, {}, []), encoding="utf-8")
    draft = Builder().draft(path)
    assert "1、规上工业增加值同比增长6.5%。重点企业满负荷生产。\n" in render_text(draft)
    sub = next(b for b in draft.document.blocks if getattr(b, "text", "").startswith("1、"))
    assert sub.lead == "1、规上工业增加值同比增长6.5%。"


REPORT = [
    "县统计局2025年上半年工作总结",
    "2025年以来，我局在县委、县政府的坚强领导下，各项工作稳步推进。现将上半年工作总结如下：",
    "一、上半年工作完成情况",
    "（一）经济运行稳中有进",
    "全县经济运行总体平稳。一是财政收入完成3.2亿元，同比增长8.1%；二是项目建设扎实推进，新开工项目明显增多。",
    "二、下半年工作打算",
    "（一）抓好统计调查",
    "按时完成各项统计调查任务。",
    "县统计局",
    "2025年7月10日",
]


def test_a_report_item_inline_in_a_paragraph_holds_indicators(tmp_path):
    extraction, target, text = extracted_lines(tmp_path, REPORT, "half-year-report")
    points = extraction.data["sections"][0]["sections"][0]["points"]
    assert [i["name"] for i in points[0]["lead"]["indicators"]] == ["财政收入"]
    assert points[0]["lead"]["after"] == "；"
    assert points[1]["lead"] == "项目建设扎实推进，新开工项目明显增多。"
    built = render_text(Builder().draft(target))
    assert [line for line in built.splitlines() if line] == text.splitlines()  # the blank line before 落款 is layout

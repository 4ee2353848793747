"""A part or section heading that states a statistic (一、全县经济运行稳中有进，地区生产总值完成45.6亿元，
增长6.2% · （二）规上工业增加值增长8.1%，高于全市1.2个百分点): the heading holds indicators like a
body paragraph, prints back word for word in its heading style, and every reader of headings
(outline, reading copy, check, statistics sheet, the real-text benchmark) takes it as its printed
text. Every text here was written for this file in the genre's phrasing; expected values are
written by hand from those texts."""

from __future__ import annotations

import io
import re
import zipfile

from drafting.model.document import BlockRole, InlineRole
from drafting.model.editions import outline_copy, reading_copy
from drafting.source.yaml_writer import write_yaml
from drafting.workflow.build import Builder, render_docx, render_text
from tests.extract import extracted_lines

HALF_YEAR = [
    "在全县上半年经济运行分析会上的讲话",
    "同志们：",
    "今天召开会议，分析上半年经济形势，安排下半年工作。下面，我讲两点意见。",
    "一、全县经济运行稳中有进，地区生产总值完成45.6亿元，增长6.2%",
    "一是工业生产提速增效。重点企业满负荷生产。",
    "二是项目建设扎实推进。新开工项目明显增多。",
    "二、坚定信心，确保完成全年目标任务",
    "一是抓好项目建设。确保重点项目按期开工。",
    "同志们，下半年任务艰巨，我们要坚定信心，真抓实干。",
]

YEAR_END = [
    "在全县2025年经济工作会议上的讲话",
    "同志们：",
    "今天召开会议，总结2025年工作，部署2026年任务。下面，我讲两点意见。",
    "一、全年经济运行稳中有进",
    "（一）规上工业增加值增长8.1%，高于全市1.2个百分点",
    "一是龙头企业带动有力。重点企业满负荷生产。",
    "二是园区承载能力增强。标准厂房全部投用。",
    "（二）财政收入完成3.2亿元，同比增长4.5%",
    "一是税源结构持续优化。税收占比进一步提高。",
    "二是非税收入规范征管。",
    "二、明年工作安排",
    "（一）抓项目稳投资",
    "一是加快项目开工。确保项目按期开工。",
    "二是强化要素保障。用地指标优先保障重点项目。",
    "（二）抓改革强动力",
    "一是深化放管服改革。企业开办时间压缩到1个工作日。",
    "二是优化营商环境。",
    "同志们，明年任务艰巨，我们要坚定信心，真抓实干。",
]

REPORT = [
    "县统计局2025年上半年工作总结",
    "2025年以来，我局在县委、县政府的坚强领导下，各项工作稳步推进。现将上半年工作总结如下：",
    "一、全县经济运行总体平稳",
    "（一）地区生产总值完成45.6亿元，同比增长6.2%",
    "第一产业稳中有升，第二产业较快增长。",
    "（二）抓好统计调查",
    "按时完成各项统计调查任务。",
    "二、下半年工作打算",
    "（一）抓好统计服务",
    "及时报送统计分析材料。",
    "县统计局",
    "2025年7月10日",
]



def _figures(paragraph: dict) -> list[tuple]:
    return [(i["name"], i.get("value"), i.get("unit"), i.get("change")) for i in paragraph["indicators"]]


def test_a_part_heading_that_states_a_statistic_holds_indicators(tmp_path):
    extraction, target, text = extracted_lines(tmp_path, HALF_YEAR, "half-year-speech")
    first, second = extraction.data["parts"]
    assert first["heading"]["before"] == "全县经济运行稳中有进，"
    assert _figures(first["heading"]) == [("地区生产总值", 45.6, "亿元", 6.2)]
    assert "after" not in first["heading"] or first["heading"]["after"] == ""
    assert second["heading"] == "坚定信心，确保完成全年目标任务"  # no figure: words, as before
    assert render_text(Builder().draft(target)) == text


def test_section_headings_that_state_statistics_hold_indicators(tmp_path):
    extraction, target, text = extracted_lines(tmp_path, YEAR_END, "year-end-speech")
    industry, fiscal = extraction.data["parts"][0]["sections"]
    assert [i["name"] for i in industry["heading"]["indicators"]] == ["规上工业增加值"]
    assert industry["heading"]["indicators"][0]["change"] == 8.1
    assert industry["heading"]["indicators"][0]["gap"] == 1.2
    assert _figures(fiscal["heading"]) == [("财政收入", 3.2, "亿元", 4.5)]
    assert [s["heading"] for s in extraction.data["parts"][1]["sections"]] == ["抓项目稳投资", "抓改革强动力"]
    assert render_text(Builder().draft(target)) == text


def test_a_heading_run_in_with_its_body_holds_indicators(tmp_path):
    lines = HALF_YEAR[:3] + [
        "一、地区生产总值完成45.6亿元，增长6.2%。全县经济运行稳中有进，主要指标好于预期。",
        "二、坚定信心，确保完成全年目标任务。全县上下要真抓实干。",
    ]
    extraction, target, text = extracted_lines(tmp_path, lines, "half-year-speech")
    first, second = extraction.data["parts"]
    assert first["run_in"] is True
    assert _figures(first["heading"]) == [("地区生产总值", 45.6, "亿元", 6.2)]
    assert first["heading"]["after"] == "。"
    assert first["intro"] == ["全县经济运行稳中有进，主要指标好于预期。"]
    assert second["heading"] == "坚定信心，确保完成全年目标任务。"
    draft = Builder().draft(target)
    assert render_text(draft) == text
    # the heading's figure is part of the bold run-in heading, not a statistic of the body
    paragraph = next(b for b in draft.document.blocks if b.text.startswith("一、"))
    assert paragraph.level == 1 and paragraph.lead == "一、地区生产总值完成45.6亿元，增长6.2%。"


def test_a_report_heading_that_states_a_statistic_holds_indicators(tmp_path):
    extraction, target, text = extracted_lines(tmp_path, REPORT, "half-year-report")
    first = extraction.data["sections"][0]
    assert first["heading"] == "全县经济运行总体平稳"
    gdp = first["sections"][0]["heading"]
    assert _figures(gdp) == [("地区生产总值", 45.6, "亿元", 6.2)]
    assert first["sections"][0]["body"] == ["第一产业稳中有升，第二产业较快增长。"]
    built = render_text(Builder().draft(target))
    assert [line for line in built.splitlines() if line] == text.splitlines()  # the blank line before 落款 is layout


SPEECH = {
    "pack": "year-end-speech",
    "meeting": {"name": "全县经济工作会议", "year": 2025},
    "parts": [{
        "heading": {"before": "全年经济运行稳中有进，", "indicators": [
            {"name": "地区生产总值", "value": 45.6, "unit": "亿元", "verb": "完成", "change": 6.2}]},
        "sections": [{
            "heading": {"indicators": [{"name": "财政收入", "value": 3.2, "unit": "亿元", "verb": "完成"}]},
            "enumeration": "一是", "layout": "run-in",
            "points": [{"lead": "税源结构持续优化。", "body": ["税收占比进一步提高。"]}],
        }],
    }],
}


def _built(tmp_path, speech=SPEECH):
    path = tmp_path / "讲话.yaml"
    path.write_text(write_yaml(speech, {}, []), encoding="utf-8")
    return Builder().draft(path)


def test_a_heading_with_statistics_is_one_heading_block_in_every_copy(tmp_path):
    document = _built(tmp_path).document
    headings = [b for b in document.blocks if b.role is BlockRole.HEADING]
    assert [(b.level, b.text) for b in headings] == [
        (1, "一、全年经济运行稳中有进，地区生产总值完成45.6亿元，同比增长6.2%"),
        (2, "（一）财政收入完成3.2亿元"),
    ]
    assert [i.role for i in headings[1].inlines] == [InlineRole.PLAIN, InlineRole.INDICATOR]
    # the outline keeps each heading whole, once, and adds no statistics line for it
    outline = [b.text for b in outline_copy(document).blocks]
    assert outline.count("一、全年经济运行稳中有进，地区生产总值完成45.6亿元，同比增长6.2%") == 1
    assert not any(line.startswith("地区生产总值") or line.startswith("财政收入") for line in outline)
    # the reading copy still times the part the heading opens
    reading = [b.text for b in reading_copy(document).blocks]
    assert reading[-1] == "约1分钟"


def test_a_heading_with_statistics_keeps_its_heading_style_in_word(tmp_path):
    with zipfile.ZipFile(io.BytesIO(render_docx(_built(tmp_path)))) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
        styles = docx.read("word/styles.xml").decode("utf-8")
    heading = next(p for p in re.findall(r"<w:p>.*?</w:p>", body) if "地区生产总值" in p)
    assert '<w:pStyle w:val="一级标题"/>' in heading
    # the figure's run names only the statistic's character style, which sets nothing: the
    # heading's font and weight (黑体) are the paragraph style's for every character of it
    run_properties = re.findall(r"<w:rPr>(.*?)</w:rPr>", heading)
    assert run_properties == ['<w:rStyle w:val="统计指标"/>']
    indicator_style = re.search(r'<w:style [^>]*w:styleId="统计指标">(.*?)</w:style>', styles).group(1)
    assert "<w:rPr/>" in indicator_style or "<w:rPr></w:rPr>" in indicator_style


def test_a_heading_without_after_is_no_open_paragraph_slip(tmp_path):
    draft = _built(tmp_path)
    assert not any("after" in w.message for w in draft.warnings)


def test_a_headings_indicators_are_filled_from_the_statistics_sheet(tmp_path):
    (tmp_path / "指标.csv").write_text(
        "指标名称,计量单位,1—12月,同比增长（%）\r\n地区生产总值,亿元,47.3,5.9\r\n", encoding="utf-8-sig")
    speech = {**SPEECH, "statistics": "指标.csv", "parts": [{
        **SPEECH["parts"][0],
        "heading": {"before": "全年经济运行稳中有进，", "indicators": [{"name": "地区生产总值", "verb": "完成"}]},
    }]}
    text = render_text(_built(tmp_path, speech))
    assert "一、全年经济运行稳中有进，地区生产总值完成47.3亿元，同比增长5.9%\n" in text


def test_a_headings_statistic_is_listed_in_the_sheet_for_the_statistics_office(tmp_path):
    import openpyxl
    from click.testing import CliRunner

    from drafting.cli import main

    source = tmp_path / "讲话.txt"
    source.write_text("\n".join(HALF_YEAR) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(source), "--pack", "half-year-speech",
                                       "--statistics-out", str(tmp_path / "指标.xlsx")])
    assert result.exit_code == 0, result.output
    rows = [r[:6] for r in openpyxl.load_workbook(tmp_path / "指标.xlsx").active.iter_rows(values_only=True)]
    assert ("地区生产总值", "亿元", None, None, 45.6, 6.2) in rows

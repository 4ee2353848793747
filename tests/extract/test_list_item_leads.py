"""Items listed inside a paragraph whose lead states a figure (1、抓开工，新开工项目28个；2、……, or
一是……二是…… run in): the lead is what the reader takes as the item, through its first ；。
(RULES' lead), the figures in it are statistics of the lead, and the text comes back exactly
from .txt and .docx. Before, the lead was cut before the figure's clause (抓开工，). Every
text here was written for this file in the genre's phrasing; expected values are written by
hand from those texts."""

from __future__ import annotations

import copy

import docx
import pytest

from drafting.model.editions import outline_copy, reading_copy
from drafting.readers import read_speech
from drafting.source.yaml_writer import write_yaml
from drafting.workflow.build import Builder, render_text
from drafting.workflow.extract import extract, speech_yaml

from . import printed_back

HALF_YEAR = [
    "在全县上半年经济运行分析会上的讲话",
    "同志们：",
    "今天召开会议，分析上半年经济形势，安排下半年工作。下面，我讲两点意见。",
    "一、上半年经济运行稳中向好",
    "一是项目建设提速。今年以来，我们紧盯重点项目，主要抓了三件事：1、抓开工，新开工项目28个；"
    "2、抓投资，完成固定资产投资42.6亿元，同比增长9.3%；3、抓服务，协调解决项目建设难题。",
    "二是消费市场回暖。全县上下重点做了两方面工作：一方面，抓促销，社会消费品零售总额完成21.3亿元，同比增长6.5%；"
    "另一方面，抓平台，新增限上商贸企业12家。",
    "二、下半年重点工作",
    "一是抓好项目建设。确保重点项目按期开工。",
    "二是抓好消费提振。办好各类促销活动。",
    "同志们，下半年任务艰巨，我们要坚定信心，真抓实干。",
]

YEAR_END = [
    "在全县2025年经济工作会议上的讲话",
    "同志们：",
    "今天召开会议，总结2025年工作，部署2026年任务。下面，我讲两点意见。",
    "一、全年经济运行稳中有进",
    "（一）工业经济提质增效",
    "全年工业经济呈现两个特点：一是总量扩大，规上工业增加值同比增长8.1%；二是结构优化，"
    "高新技术产业产值占规上工业总产值的比重提高到41%。",
    "（二）财政实力稳步增强",
    "财政工作抓了两个重点：一是组织收入，一般公共预算收入完成3.2亿元，同比增长4.5%；二是保障民生，"
    "民生支出占一般公共预算支出的80%以上。",
    "二、明年工作安排",
    "（一）抓项目稳投资",
    "确保项目按期开工。",
    "同志们，明年任务艰巨，我们要坚定信心，真抓实干。",
]

REPORT = [
    "县发展和改革局2025年上半年工作总结",
    "2025年以来，我局在县委、县政府的坚强领导下，各项工作稳步推进。现将上半年工作总结如下：",
    "一、主要工作完成情况",
    "（一）项目建设扎实推进",
    "重点抓了两个环节：1、抓前期，完成项目备案46个；2、抓进度，重点项目完成投资18.4亿元，占年度计划的56%。",
    "（二）要素保障有力有效",
    "全力做好用地、资金保障。",
    "二、下半年工作打算",
    "（一）抓好项目谋划",
    "及早谋划明年重点项目。",
    "县发展和改革局",
    "2025年7月8日",
]


def _read(tmp_path, lines, form):
    """The lines as the writer's file: .txt of one paragraph a line, or a .docx of plain paragraphs."""
    if form == "txt":
        path = tmp_path / "讲话.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        path = tmp_path / "讲话.docx"
        word = docx.Document()
        for line in lines:
            word.add_paragraph(line)
        word.save(path)
    return path


def _extracted(tmp_path, lines, pack, form="txt"):
    """(the extraction, the text rebuilt from its YAML with blank lines dropped)."""
    path = _read(tmp_path, lines, form)
    extraction = extract(read_speech(path), str(path), pack)
    target = tmp_path / "讲话.yaml"
    target.write_text(speech_yaml(extraction, ["测试"]), encoding="utf-8")
    rebuilt = render_text(Builder().draft(target))
    return extraction, [line for line in rebuilt.splitlines() if line]


def _listed_items(data):
    """Every item under ``points`` (a unit's items, or a list paragraph's), at any depth, in reading order."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            for key, child in value.items():
                if key == "points" and isinstance(child, list):
                    for item in child:
                        found.append(item)
                        walk(item)
                else:
                    walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(data)
    return found


def _lead_text(lead):
    return lead if isinstance(lead, str) else printed_back(lead)


def _named(lead):
    return [(i["name"], i.get("value"), i.get("change")) for i in lead["indicators"]]


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_list_items_in_a_speech_keep_their_figures_in_the_lead(tmp_path, form):
    extraction, rebuilt = _extracted(tmp_path, HALF_YEAR, "half-year-speech", form)
    assert rebuilt == HALF_YEAR
    leads = [_lead_text(item["lead"]) for item in _listed_items(extraction.data)]
    assert leads == [
        "项目建设提速。",
        "抓开工，新开工项目28个；",
        "抓投资，完成固定资产投资42.6亿元，同比增长9.3%；",
        "抓服务，协调解决项目建设难题。",
        "消费市场回暖。",
        "抓促销，社会消费品零售总额完成21.3亿元，同比增长6.5%；",
        "抓平台，新增限上商贸企业12家。",
        "抓好项目建设。",
        "抓好消费提振。",
    ]
    items = _listed_items(extraction.data)
    investment, retail = items[2]["lead"], items[5]["lead"]
    assert investment["before"] == "抓投资，" and investment["after"] == "；"
    assert _named(investment) == [("固定资产投资", 42.6, 9.3)]
    assert _named(retail) == [("社会消费品零售总额", 21.3, 6.5)]
    assert items[1]["lead"]["indicators"][0]["value"] == 28
    assert "body" not in items[1] and "body" not in items[2]  # nothing after the lead's ；
    assert items[3] == {"lead": "抓服务，协调解决项目建设难题。"}  # no figure: words, as before


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_items_run_in_after_words_of_a_section_keep_their_figures_in_the_lead(tmp_path, form):
    extraction, rebuilt = _extracted(tmp_path, YEAR_END, "year-end-speech", form)
    assert rebuilt == YEAR_END
    industry, fiscal = (point["body"] for point in extraction.data["parts"][0]["points"])  # （一）（二）
    leads = [_lead_text(item["lead"]) for item in _listed_items(industry) + _listed_items(fiscal)]
    assert leads == [
        "总量扩大，规上工业增加值同比增长8.1%；",
        "结构优化，高新技术产业产值占规上工业总产值的比重提高到41%。",
        "组织收入，一般公共预算收入完成3.2亿元，同比增长4.5%；",
        "保障民生，民生支出占一般公共预算支出的80%以上。",
    ]
    first = _listed_items(industry)[0]["lead"]
    assert first["before"] == "总量扩大，" and _named(first) == [("规上工业增加值", None, 8.1)]
    assert _named(_listed_items(fiscal)[0]["lead"]) == [("一般公共预算收入", 3.2, 4.5)]


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_a_reports_listed_items_keep_their_figures_in_the_lead(tmp_path, form):
    extraction, rebuilt = _extracted(tmp_path, REPORT, "half-year-report", form)
    assert rebuilt == REPORT
    projects = extraction.data["sections"][0]["sections"][0]
    leads = [_lead_text(item["lead"]) for item in _listed_items(projects)]
    assert leads == ["抓前期，完成项目备案46个；", "抓进度，重点项目完成投资18.4亿元，占年度计划的56%。"]
    second = _listed_items(projects)[1]["lead"]
    assert second["indicators"][0]["value"] == 18.4 and second["indicators"][0]["share"] == 56


def test_a_list_items_statistics_go_to_the_sheet_for_the_statistics_office(tmp_path):
    import openpyxl
    from click.testing import CliRunner

    from drafting.cli import main

    source = _read(tmp_path, HALF_YEAR, "txt")
    result = CliRunner().invoke(main, ["extract", str(source), "--pack", "half-year-speech",
                                       "--statistics-out", str(tmp_path / "指标.xlsx")])
    assert result.exit_code == 0, result.output
    rows = [r[:6] for r in openpyxl.load_workbook(tmp_path / "指标.xlsx").active.iter_rows(values_only=True)]
    assert ("固定资产投资", "亿元", None, None, 42.6, 9.3) in rows
    assert ("社会消费品零售总额", "亿元", None, None, 21.3, 6.5) in rows


LISTED_SPEECH = {
    "pack": "half-year-speech",
    "meeting": {"name": "全县经济运行分析会", "year": 2025},
    "parts": [{
        "heading": "上半年经济运行稳中向好",
        "intro": [{
            "lead_in": "上半年重点抓了两件事：",
            "enumeration": "一是",
            "points": [
                {"lead": {"before": "抓投资，", "indicators": [
                    {"name": "固定资产投资", "value": 42.6, "unit": "亿元", "verb": "完成", "verb_first": True,
                     "change": 9.3}], "after": "；"}},
                {"lead": "抓服务，", "body": ["协调解决项目建设难题。"]},
            ],
        }],
    }],
}
LISTED_PARAGRAPH = "上半年重点抓了两件事：一是抓投资，完成固定资产投资42.6亿元，同比增长9.3%；二是抓服务，协调解决项目建设难题。"


def _built(tmp_path, speech):
    path = tmp_path / "讲话.yaml"
    path.write_text(write_yaml(speech, {}, []), encoding="utf-8")
    return Builder().draft(path)


def test_a_list_items_lead_with_statistics_prints_in_its_paragraph_in_every_copy(tmp_path):
    draft = _built(tmp_path, LISTED_SPEECH)
    assert LISTED_PARAGRAPH in render_text(draft).splitlines()
    # the outline gives the paragraph's statistic a line of its own, as a body's
    outline = [b.text for b in outline_copy(draft.document).blocks]
    assert "完成固定资产投资42.6亿元，同比增长9.3%。" in outline
    assert LISTED_PARAGRAPH in [b.text for b in reading_copy(draft.document).blocks]


def test_a_list_items_lead_is_filled_from_the_statistics_sheet(tmp_path):
    (tmp_path / "指标.csv").write_text(
        "指标名称,计量单位,1—6月,同比增长（%）\r\n固定资产投资,亿元,47.3,10.2\r\n", encoding="utf-8-sig")
    speech = {**copy.deepcopy(LISTED_SPEECH), "statistics": "指标.csv"}
    lead = speech["parts"][0]["intro"][0]["points"][0]["lead"]
    lead["indicators"][0].update(value="X", change="X")
    text = render_text(_built(tmp_path, speech))
    assert "一是抓投资，完成固定资产投资47.3亿元，同比增长10.2%；二是抓服务" in text

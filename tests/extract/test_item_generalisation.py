"""Items in shapes real offices print that the recognition used to leave as words: a heading
run straight on into its unit's items listed inline (with or without a colon), the first item
of a standalone run left at the end of a flattened paragraph after a space, a lone 第一，
paragraph in a part (an excerpt cut after it), and an inline item whose lead states figures
of its own. Each text was written for this file in the genre's phrasing; the expected leads
are written by hand from it, through the first 。；：of the item as a reader takes it."""

from __future__ import annotations

from typing import Any

import pytest

from drafting.readers import read_speech
from drafting.workflow.extract import extract, rebuilt_text, source_text, speech_yaml

from . import printed_back

SPEECH = ["在全县上半年经济运行分析会上的讲话", "同志们：", "今天召开会议，分析上半年经济运行情况，安排下半年工作。"]


def leads(data: Any, depth: int = 0) -> list[str]:
    """Every item's lead below the parts, in order: points and sub-items (their lead), and
    sections inside a part or a report's section (their heading)."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("points", "subitems") and isinstance(value, list):
                for entry in value:
                    lead = entry["lead"]
                    found.append(lead if isinstance(lead, str) else printed_back(lead))
                    found += leads(entry, depth + 1)
            elif key == "sections" and isinstance(value, list):
                for entry in value:
                    if depth > 0:
                        found.append(entry["heading"])
                    found += leads(entry, depth + 1)
            else:
                found += leads(value, depth + (key == "parts"))
    elif isinstance(data, list):
        for entry in data:
            found += leads(entry, depth)
    return found


def extracted(tmp_path, lines: list[str], pack: str = "half-year-speech") -> dict:
    """The data of the text with every recognition of units and lists on (figures stay words,
    so leads are plain text); its YAML must build the text back exactly (a recognition the
    safety ladder had to give up would gain nothing)."""
    path = tmp_path / "原稿.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = read_speech(path)
    extraction = extract(document, str(path), pack, indicators=False)
    built = rebuilt_text(speech_yaml(extraction, ["测试"]), str(tmp_path / "原稿.yaml"))
    assert built == source_text(document)
    return extraction.data


def test_a_part_heading_closed_by_a_colon_runs_on_into_its_items(tmp_path):
    data = extracted(tmp_path, SPEECH + [
        "一、抓实三项重点：一是稳住工业生产；二是扩大有效投资；三是促进消费回升。",
        "上半年，全县经济运行总体平稳。",
        "二、压实工作责任",
        "各乡镇要落实主体责任，确保各项任务按期完成。",
    ])
    assert data["parts"][0]["heading"] == "抓实三项重点："
    assert leads(data) == ["稳住工业生产；", "扩大有效投资；", "促进消费回升。"]


def test_a_section_heading_runs_on_into_its_items_with_no_punctuation(tmp_path):
    data = extracted(tmp_path, SPEECH + [
        "一、上半年工作回顾",
        "（一）工业经济稳中有进1、规上工业企业新增8家；2、技改投资较快增长。",
        "（二）项目建设提速增效。一是新开工项目25个。二是竣工投产项目12个。",
        "二、下半年重点任务",
        "要坚定信心，真抓实干，确保完成全年目标任务。",
    ])
    assert leads(data)[:3] == ["工业经济稳中有进", "规上工业企业新增8家；", "技改投资较快增长。"]


def test_a_flattened_report_section_holds_its_inline_items(tmp_path):
    """一、……（一）……1、……；2、…… all in one line: the section's heading stops before 1、."""
    data = extracted(tmp_path, [
        "街道上半年工作总结",
        "一、上半年主要工作（一）经济运行稳中有进1、税收收入完成年度任务的52%；2、招商引资到位资金完成年度任务的48%。"
        "（二）项目建设加快推进1、城东片区改造项目完成征收。全年计划征收房屋120户。2、农贸市场提升项目完成主体工程。",
        "二、下半年工作打算",
        "围绕全年目标，抓好项目建设和招商引资。",
    ], "half-year-report")
    assert leads(data) == [
        "经济运行稳中有进", "税收收入完成年度任务的52%；", "招商引资到位资金完成年度任务的48%。",
        "项目建设加快推进", "城东片区改造项目完成征收。", "农贸市场提升项目完成主体工程。",
    ]


def test_a_words_only_sentence_that_holds_one_marker_keeps_its_heading(tmp_path):
    """A heading whose words go on in a sentence (no list of two after them) is not cut."""
    data = extracted(tmp_path, SPEECH + [
        "一、坚持稳中求进一是发展的总基调",
        "稳是大局，进是方向，两者要统一起来。",
        "二、抓好下半年工作",
        "要坚定信心，确保完成全年目标任务。",
    ])
    assert data["parts"][0]["heading"] == "坚持稳中求进一是发展的总基调"
    assert leads(data) == []


def test_the_first_item_after_a_flattened_space_starts_the_run(tmp_path):
    data = extracted(tmp_path, [
        "在全镇经济工作会议上的讲话",
        "同志们：",
        "今年全镇上下要集中精力办好“三件大事” 一是把项目建设抓上去。全年谋划项目30个，要逐个落实责任人。",
        "二是把营商环境优起来。要深化“一窗通办”改革，企业办事不出镇。",
        "三是把民生实事办到位。今年要办好十件民生实事，件件有着落。",
        "一、抓好项目建设",
        "项目是发展的生命线，各村要人人抓项目。",
    ])
    assert leads(data) == ["把项目建设抓上去。", "把营商环境优起来。", "把民生实事办到位。"]


def test_a_space_before_a_marker_with_no_run_after_it_stays_words(tmp_path):
    data = extracted(tmp_path, SPEECH + [
        "一、认清形势",
        "今年要办好“一件大事” 一是一、二是二，不搞层层加码。",
        "要坚定信心，确保完成全年目标任务。",
    ])
    assert leads(data) == []


@pytest.mark.parametrize("marker", ["第一，", "第一,"])
def test_a_lone_first_paragraph_in_a_part_is_an_item(tmp_path, marker):
    """An excerpt cut after its first item: 第一， opens a paragraph under 一、 only as an item."""
    data = extracted(tmp_path, [
        "在全县经济工作会议上的讲话",
        "同志们：",
        "今天召开会议，总结去年工作，部署今年任务。下面，我讲三点意见。",
        "一、统一思想，准确把握当前经济形势",
        "做好今年的经济工作，首先要把形势看清楚、把方向把准确。",
        f"{marker}要清醒认识面临的困难和挑战。外部环境复杂多变，企业经营压力加大，我们必须保持清醒头脑。",
    ], "year-end-speech")
    assert leads(data) == ["要清醒认识面临的困难和挑战。"]


def test_an_inline_lead_that_states_its_own_figures_runs_to_its_end(tmp_path):
    """A lead runs to its first 。；： whether or not a figure's clause comes before (RULES' lead)."""
    data = extracted(tmp_path, SPEECH + [
        "一、上半年经济运行情况",
        "主要指标完成情况：一是园区建设总投入2.3亿元，完成年度计划的 41%，其中工业投资1.1亿元，同比增长12.5%。"
        "二是工业经济稳中有进，规上工业增加值同比增长6.2%。",
    ])
    assert leads(data) == ["园区建设总投入2.3亿元，完成年度计划的 41%，其中工业投资1.1亿元，同比增长12.5%。",
                           "工业经济稳中有进，规上工业增加值同比增长6.2%。"]


def test_a_part_heading_of_two_clauses_closed_by_a_colon_runs_on_into_its_items(tmp_path):
    data = extracted(tmp_path, SPEECH + [
        "一、坚持稳中求进，抓实三项工作：一是抓项目；二是抓招商；三是抓服务。",
        "各乡镇要对照任务抓好落实。",
        "二、压实工作责任",
        "要压实责任。",
    ])
    assert data["parts"][0]["heading"] == "坚持稳中求进，抓实三项工作："
    assert leads(data) == ["抓项目；", "抓招商；", "抓服务。"]


def test_a_part_heading_closed_by_a_comma_runs_on_into_its_items(tmp_path):
    data = extracted(tmp_path, SPEECH + [
        "一、突出重点抓落实，一是抓项目；二是抓招商；三是抓服务。",
        "各乡镇要对照任务抓好落实。",
        "二、压实工作责任",
        "要压实责任。",
    ])
    assert data["parts"][0]["heading"] == "突出重点抓落实，"
    assert leads(data) == ["抓项目；", "抓招商；", "抓服务。"]


@pytest.mark.parametrize("mark", ["；", ";"])
def test_an_items_lead_ends_at_its_first_semicolon(tmp_path, mark):
    data = extracted(tmp_path, SPEECH + [
        "一、上半年工作回顾",
        f"一是强化项目支撑{mark}全年实施重点项目35个，完成投资20亿元。",
        f"二是强化招商引资{mark}全年签约项目15个，到位资金8亿元。",
        "二、下半年重点任务",
        "要坚定信心，真抓实干，确保完成全年目标任务。",
    ])
    assert leads(data) == [f"强化项目支撑{mark}", f"强化招商引资{mark}"]


def test_one_hand_and_the_other_in_paragraphs_of_their_own(tmp_path):
    data = extracted(tmp_path, SPEECH + [
        "一、认清形势",
        "一方面，工业生产回升向好。企业订单增加，开工率提高。",
        "另一方面，消费市场持续回暖。重点商贸企业销售增长较快。",
        "二、抓好落实",
        "要压实责任。",
    ])
    assert leads(data) == ["工业生产回升向好。", "消费市场持续回暖。"]


def test_an_opening_that_lists_its_own_points_before_the_parts(tmp_path):
    """第一，第二， in the opening, then 一、二、: the parts are 一、, the opening's list its items."""
    data = extracted(tmp_path, [
        "在全县经济运行调度会上的讲话",
        "同志们：",
        "今天召开会议，主要有两项任务。",
        "第一，通报上半年经济运行情况。上半年全县经济运行总体平稳。",
        "第二，安排下半年重点工作。各乡镇、各部门要对标对表。",
        "一、认清形势",
        "全县经济运行稳中有进，但困难不少。",
        "二、抓好落实",
        "要压实责任。",
    ])
    assert [part["heading"] for part in data["parts"]] == ["认清形势", "抓好落实"]
    assert leads(data["opening"]) == ["通报上半年经济运行情况。", "安排下半年重点工作。"]


def test_a_part_heading_runs_on_into_its_first_item_and_the_others_follow(tmp_path):
    """一、……：一是…… in the heading's paragraph, 二是 and 三是 in their own: three items."""
    data = extracted(tmp_path, SPEECH + [
        "一、抓好三项工作：一是抓项目。要盯紧在建项目，确保按期完工。",
        "二是抓招商。要瞄准重点产业链精准招商。",
        "三是抓服务。要当好服务企业的店小二。",
        "二、压实工作责任",
        "要压实责任。",
    ])
    assert data["parts"][0]["heading"] == "抓好三项工作："
    assert leads(data) == ["抓项目。", "抓招商。", "抓服务。"]


def test_a_heading_holding_a_lone_first_marker_with_no_second_after_it_stays_whole(tmp_path):
    data = extracted(tmp_path, SPEECH + [
        "一、抓好三项工作：一是抓项目。要盯紧在建项目，确保按期完工。",
        "要瞄准重点产业链精准招商。",
        "二、压实工作责任",
        "要压实责任。",
    ])
    assert data["parts"][0]["heading"] == "抓好三项工作：一是抓项目。"

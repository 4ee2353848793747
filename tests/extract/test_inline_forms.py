"""Every marker of the genre listed inside one paragraph, with the lead a reader
takes: through the first 。；： of the item. Each paragraph was written for this
file in the genre's phrasing; the expected leads are written by hand from it."""

from __future__ import annotations

import pytest

from drafting.readers import read_speech
from drafting.workflow.build import Builder, render_text
from drafting.workflow.extract import extract, speech_yaml

from . import printed_back

OPENING = "在全县重点工作推进会上的讲话\n同志们：\n今天召开会议，安排部署近期重点工作。\n一、抓好当前重点工作\n"


@pytest.mark.parametrize("paragraph, form, leads", [
    ("抓项目要把握好两点：一方面，要盯紧在建项目，确保按期完工；另一方面，要加快谋划储备，做实项目前期工作。",
     "一方面，", ["要盯紧在建项目，确保按期完工；", "要加快谋划储备，做实项目前期工作。"]),
    ("当前要重点抓好三项工作：（1）稳住工业生产；（2）扩大有效投资；（3）促进消费回升。",
     "（1）", ["稳住工业生产；", "扩大有效投资；", "促进消费回升。"]),
    ("下一步，重点推进三个项目：1、城东污水处理厂：年内建成投运；2、中心小学扩建：9月前交付使用；"
     "3、农贸市场改造：10月底前完工。", "1、", ["城东污水处理厂：", "中心小学扩建：", "农贸市场改造："]),
    ("（一）压实责任。各乡镇要落实主体责任。（二）强化调度。每周调度一次进度。（三）严格考核。结果与评先挂钩。",
     "（一）", ["压实责任。", "强化调度。", "严格考核。"]),
    ("第一、项目建设提速：新开工项目X个。第二、招商引资见效：签约项目X个。",
     "第一、", ["项目建设提速：", "招商引资见效："]),
])
def test_inline_list_of_every_form(paragraph, form, leads, tmp_path):
    text = OPENING + paragraph + "\n"
    path = tmp_path / "讲话.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract(read_speech(path), str(path), "half-year-speech")
    part = extraction.data["parts"][0]
    assert part["enumeration"] == form and part["layout"] == "inline"
    assert [p["lead"] for p in part["points"]] == leads
    target = tmp_path / "讲话.yaml"
    target.write_text(speech_yaml(extraction, ["测试"]), encoding="utf-8")
    assert render_text(Builder().draft(target)) == text


def test_a_statistic_before_the_first_semicolon_stays_in_the_lead(tmp_path):
    """一是工业生产稳中有进，规上工业增加值增长5.2%；…: the lead runs to its ； as the reader takes
    it, and the figure in it is read as a statistic of the lead."""
    text = OPENING + ("“两个亮点”：一是工业生产稳中有进，规上工业增加值同比增长5.2%；固定资产投资同比增长3.1%。"
                      "二是消费市场回暖，社会消费品零售总额同比增长4.6%。\n")
    path = tmp_path / "讲话.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract(read_speech(path), str(path), "half-year-speech")
    points = extraction.data["parts"][0]["points"]
    assert [printed_back(p["lead"]) for p in points] == [
        "工业生产稳中有进，规上工业增加值同比增长5.2%；", "消费市场回暖，社会消费品零售总额同比增长4.6%。"]
    assert points[0]["lead"]["before"] == "工业生产稳中有进，"
    assert [printed_back(p) for p in points[0]["body"]] == ["固定资产投资同比增长3.1%。"]
    assert sorted(i["name"] for i in extraction.statistics) == sorted(["规上工业增加值", "固定资产投资", "社会消费品零售总额"])
    target = tmp_path / "讲话.yaml"
    target.write_text(speech_yaml(extraction, ["测试"]), encoding="utf-8")
    assert render_text(Builder().draft(target)) == text

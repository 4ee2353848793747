"""Which pack a text goes to, from the genre's signals: title, then opening, then wording.

Each text below was written for this test in the genre's phrasing (openings only,
as writers paste them); the expected pack is what a reader of the genre says,
by the rules in ``drafting/extraction/genre.py``'s docstring.
"""

from __future__ import annotations

import pytest

from drafting.readers import read_speech
from drafting.workflow.extract import pack_and_reason

CASES = {
    # a half year's report: its title says so, with or without a 落款
    "title-half-year-summary": (
        "青山镇2024年上半年工作总结\n今年以来，全镇上下紧扣年度目标，各项工作有序推进。\n一、主要工作成效\n"
        "（一）经济运行稳中有进。全镇完成固定资产投资X亿元。\n", "half-year-report"),
    "title-summary-and-plan": (
        "街道上半年工作情况总结及下半年工作打算\n街道党工委、办事处\n根据会议安排，现将有关情况汇报如下。\n"
        "一、上半年工作情况\n一是党建引领有力。\n二是项目推进有序。\n", "half-year-report"),
    # no title: the opening says what it is
    "opening-summed-up-below": (
        "2024年以来，我局坚持稳中求进工作总基调，全力推动各项任务落地见效，现将上半年工作开展情况总结如下：\n"
        "一、上半年工作开展情况\n（一）强化统筹调度。建立周调度机制。\n", "half-year-report"),
    # a report of part of the year with no title signal: nobody is spoken to
    "unspoken-half-year": (
        "以招商引资为抓手，推动县域经济提质增效\n今年以来，我县坚持招商引资“一号工程”不动摇。\n"
        "一、上半年招商引资基本情况\n1-6月，全县新签约项目X个，协议投资X亿元。\n", "half-year-report"),
    # a whole year's summary or 述职 is the year-end pack's
    "title-year-summary": (
        "东关街道2023年工作总结暨2024年工作计划\n一、2023年工作总结\n（一）党建工作扎实有效\n", "year-end-speech"),
    "title-annual-review": (
        "经开区管委会年度述职报告\n一年来，在县委、县政府的坚强领导下，经开区各项工作取得新进展。\n", "year-end-speech"),
    # year-end speeches: the opening sums up the year, or the meeting held is the annual one
    "opening-review-of-the-year": (
        "在全县经济工作会议上的讲话\n同志们：\n这次会议的主要任务是，总结回顾2024年全县经济工作，分析当前形势，"
        "安排部署2025年经济工作。\n一、成绩来之不易\n", "year-end-speech"),
    "opening-annual-meeting-held": (
        "同志们：\n今天，我们召开全镇经济工作会，对过去一年的工作进行回顾，表彰先进。\n一、肯定成绩\n", "year-end-speech"),
    "congress-report-of-a-year": (
        "各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n2024年工作回顾\n"
        "过去一年，全县经济持续恢复向好。\n", "year-end-speech"),
    # half-year speeches: part of the year in the title or opening; or nothing else speaks
    "title-quarter": (
        "在一季度经济运行分析会上的讲话\n同志们：\n今天召开会议，分析一季度经济运行情况。\n", "half-year-speech"),
    "opening-half-year-meeting": (
        "同志们：\n这次经济工作会议，主要是总结分析上半年经济形势，安排部署下半年工作。\n一、认清形势\n", "half-year-speech"),
    # others reported at the meeting: the speech itself is no report
    "others-reported": (
        "在全县重点项目推进会上的讲话\n同志们：\n刚才，各乡镇分别作了汇报，讲得都很好。\n一、认清形势\n", "half-year-speech"),
    # a mobilisation meeting that follows the central conference is not itself the annual meeting
    "mentions-the-central-conference": (
        "在全县高质量发展动员大会上的讲话\n同志们：\n今天召开动员大会，是全面承接中央经济工作会议精神的具体举措。\n"
        "一、统一思想\n", "half-year-speech"),
    # a briefing on a place with no period is closest to the half-year speech
    "briefing-without-a-period": (
        "城关乡经济社会发展情况汇报\n近年来，在县委、县政府的关心支持下，我乡各项工作取得一定进步。\n一、基本情况\n",
        "half-year-speech"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pack_from_the_genre_signals(name, tmp_path):
    text, pack = CASES[name]
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    found, reason = pack_and_reason(read_speech(path))
    assert found == pack, reason
    assert reason  # the writer is told which signal decided it

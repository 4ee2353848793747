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
    # a quarter's (or some months') report is not a half year's: the every-other pack takes it
    "title-quarter-report": (
        "柳林镇2025年一季度工作情况汇报\n一季度，全镇上下紧扣年度目标任务，各项工作稳中有进。\n"
        "一、一季度主要工作完成情况\n（一）项目建设提速。新签约项目X个。\n", "half-year-speech"),
    "title-three-quarters-summary": (
        "县商务局前三季度工作总结\n1-9月，全县社会消费品零售总额完成X亿元。\n一、主要工作\n（一）促消费。\n",
        "half-year-speech"),
    "opening-reports-a-quarter": (
        "今年以来，我乡紧盯目标任务，现将一季度工作情况汇报如下：\n一、主要工作\n（一）抓好春耕生产。\n",
        "half-year-speech"),
    # no title: a report whose opening (or first heading) names a whole year's work is the year's
    "opening-reports-a-year": (
        "2024年以来，*镇紧扣县委工作部署，全力抓好各项重点工作。现将2024年度工作具体汇报如下：\n"
        "一、2024年度工作完成情况\n（一）经济发展稳中有进\n", "year-end-speech"),
    "opening-year-so-far-reported": (
        "2024年来，在区委区政府的坚强领导下，*街道真抓实干、务实求变。现将主要工作汇报如下。\n"
        "一、2024年亮点工作\n（一）城市更新步伐加快。截止11月，完成征迁X户。\n", "year-end-speech"),
    # 一年中 is the year's course, not 年中 (midyear)
    "the-course-of-a-year-is-not-midyear": (
        "在过去的一年中，我们镇在上级党委政府的正确领导下，取得了显著成绩。以下是我们2024年度的主要工作回顾与总结。\n"
        "一、经济建设稳步发展\n1. 农业现代化步伐加快\n", "year-end-speech"),
    # 今年中央经济工作会议 is no 年中 (midyear) either
    "this-year-s-central-conference-is-not-midyear": (
        "在全县经济工作会议上的讲话\n同志们：\n这次会议的主要任务是，贯彻落实今年中央经济工作会议精神，总结全年工作，"
        "部署明年工作。\n一、成绩来之不易\n", "year-end-speech"),
    # a review of several years is a year-end review too
    "title-five-year-summary": (
        "镇人民政府五年工作总结\n五年来，镇政府在县委、县政府和镇党委的正确领导下，带领全镇干部群众团结奋斗。\n"
        "一、以经济建设为中心，综合实力跃上新台阶\n", "year-end-speech"),
    # a new year's meeting that looks back on the year just ended
    "new-year-meeting-looking-back": (
        "镇党委书记在2026年开局动员会上的讲话\n2026年是“十五五”的开局之年，今年全镇上下要凝心聚力做成三件事。"
        "第一件事是稳住经济基本盘。2025年的各项经济指标都基本完成任务，今年要继续延续良好态势。\n", "year-end-speech"),
    # a new year's mobilisation that only looks ahead is no year's review (比上年, 比去年同期 compare, not look back)
    "new-year-mobilisation-looking-ahead": (
        "在全县高质量发展动员大会上的讲话\n同志们：\n今天召开动员大会，这是春节后的首场千人大会，既是动员令，也是冲锋号。全县招商引资到位资金比上年增长X%，比去年同期多X亿元。\n"
        "一、把握形势任务\n", "half-year-speech"),
    # the year so far (2024年以来) is no year's work: a briefing of no period
    "briefing-of-the-year-so-far": (
        "2024年以来，我区紧盯目标任务，各项工作扎实推进。现将有关情况汇报如下：\n一、基本情况\n全区辖5个街道。\n",
        "half-year-speech"),
    # a briefing that names no period, though it says 汇报如下, is closest to the half-year speech
    "briefing-reported-without-a-period": (
        "近年来，我乡在县委、县政府的关心支持下，各项工作取得一定进步。现将有关情况汇报如下：\n一、基本情况\n"
        "全乡辖11个村委会。\n", "half-year-speech"),
}

# the words that decided, as the writer is shown them
SIGNALS = {
    "title-quarter-report": "一季度", "title-three-quarters-summary": "前三季度",
    "opening-reports-a-quarter": "一季度", "opening-reports-a-year": "2024年", "opening-year-so-far-reported": "2024年亮点工作",
    "the-course-of-a-year-is-not-midyear": "过去的一年", "title-five-year-summary": "五年工作",
    "new-year-meeting-looking-back": "开局动员会",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pack_from_the_genre_signals(name, tmp_path):
    text, pack = CASES[name]
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    found, reason = pack_and_reason(read_speech(path))
    assert found == pack, reason
    assert reason  # the writer is told which signal decided it
    if name in SIGNALS:
        assert f"“{SIGNALS[name]}" in reason, reason


def test_a_year_s_review_keeps_a_lone_item_the_excerpt_cut_short(tmp_path):
    """Read as the year-end speech it is, the last part's only item (the excerpt ends
    before its 2.) is still an item: its line is a heading over a body of its own."""
    from drafting.workflow.extract import extract

    path = tmp_path / "回顾.txt"
    path.write_text(
        "在过去的一年中，我们镇在上级党委政府的正确领导下，取得了显著成绩。以下是我们2024年度的主要工作回顾与总结。\n"
        "一、经济建设稳步发展\n1.农业现代化步伐加快\n我们镇始终把农业作为发展的核心。\n2.工业项目逐步落地\n多个工业项目成功落户。\n"
        "二、生态环境保护成效显著\n1.绿化造林成果丰硕\n植树造林是改善生态环境的重要举措，全年新增造林面积X亩。\n",
        encoding="utf-8")
    document = read_speech(path)
    pack, _ = pack_and_reason(document)
    data = extract(document, str(path), pack).data
    assert pack == "year-end-speech"
    assert [p["lead"] for p in data["parts"][1]["points"]] == ["绿化造林成果丰硕"]

"""Pack, year and half of openings nobody tuned on: an inventory of the genre's occasions.

Each opening (title, salutation, first paragraph or two) was written for this test with
invented places, in the phrasing offices use for each occasion: year-end and new-year
经济工作会议, 政府工作报告, 全委会, 务虚会, 三级干部大会, analysis meetings of a quarter or a
half, 调度会, 推进会, a half year's or a year's 总结/报告/汇报 of a 镇, 街道, 园区 or 局, 述职,
five-year reviews, and texts whose title lacks the year while the body says it.

The expected pack, year and half were written down by hand before the program ran on
them, by the rules of the real-text corpus: a half year's report is half-year-report; a
text that speaks of a whole past year (or several), or of the next, is year-end-speech;
every other speech, a quarter's report and a briefing of no period are half-year-speech.
The year is the year reviewed for a year-end text (the year before a new-year meeting's),
else the year the text is in; X where the text names none, or only several years.
"""

from __future__ import annotations

import pytest

from drafting.readers import read_speech
from drafting.workflow.extract import extract, pack_and_reason

YE, HR, HS = "year-end-speech", "half-year-report", "half-year-speech"
X = "X"

# name: (text, pack, year, half — None where the text is not a half year's)
CASES = {
    # ---- year-end 经济工作会议, at the end of the year and early in the next
    "econ-meeting-at-year-end": (
        "在全县经济工作会议上的讲话\n同志们：\n这次会议的主要任务是，全面贯彻中央和省委、市委经济工作会议精神，"
        "总结2024年经济工作，分析当前形势，安排部署2025年经济工作。\n一、2024年经济工作回顾\n"
        "过去一年，全县地区生产总值完成X亿元，同比增长X%。\n", YE, 2024, None),
    "econ-meeting-in-the-new-year": (
        "在2025年全镇经济工作会议上的讲话\n同志们：\n新春伊始，我们召开全镇经济工作会议，主要任务是回顾去年工作，"
        "部署今年任务。\n一、过去一年工作回顾\n去年，全镇实现财政收入X万元。\n", YE, 2024, None),
    "econ-meeting-this-year-and-next": (
        "在全区经济工作会议上的讲话\n同志们：\n今年以来，全区上下顶压前行，主要经济指标好于预期。"
        "全年预计完成地区生产总值X亿元。明年是实施“十五五”规划的开局之年，做好明年工作意义重大。\n", YE, X, None),
    "econ-meeting-just-past-year": (
        "在全县经济工作会议上的讲话\n同志们：\n刚刚过去的2024年，是极不平凡的一年。面对多重困难挑战，"
        "全县上下稳住了经济基本盘。\n一、肯定成绩，坚定发展信心\n", YE, 2024, None),
    "econ-meeting-past-year-without-de": (
        "在全镇经济工作会议上的讲话\n同志们：\n过去一年，全镇上下团结一心、苦干实干，较好完成了年初确定的目标任务。"
        "今年全镇工作的总体要求是稳中求进。\n一、关于去年工作\n", YE, X, None),
    # ---- 政府工作报告
    "gov-report-past-year": (
        "2024年桃源县人民政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议，"
        "并请县政协委员和其他列席人员提出意见。\n一、过去一年工作回顾\n过去一年，面对复杂严峻的外部环境，"
        "全县上下迎难而上。\n", YE, 2023, None),
    "gov-report-five-years": (
        "政府工作报告\n各位代表：\n现在，我代表区人民政府，向大会报告工作，请予审议。\n一、过去五年工作回顾\n"
        "过去五年，是凤溪发展极不平凡的五年。\n", YE, X, None),
    "gov-report-year-heading": (
        "各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n"
        "2023年是全面贯彻党的二十大精神的开局之年。\n", YE, 2023, None),
    "gov-report-past-year-no-heading-year": (
        "政府工作报告\n各位代表：\n现在，我代表乡人民政府向大会报告工作，请予审议。\n过去一年，全乡上下砥砺奋进，"
        "经济社会保持平稳发展。全年完成农业总产值X万元。\n", YE, X, None),
    # ---- 全委(扩大)会, 务虚会, 三级干部大会, 党代会
    "plenary-summing-up-a-year": (
        "在县委十四届六次全体（扩大）会议上的讲话\n同志们：\n这次全会的主要任务是，总结2023年工作，部署2024年任务。\n"
        "一、充分肯定过去一年的成绩\n", YE, 2023, None),
    "plenary-past-year-new-year": (
        "在区委全体（扩大）会议上的讲话\n同志们：\n过去一年，面对多重困难挑战，全区上下稳住了经济基本盘。"
        "今年是“十四五”规划收官之年，做好全年工作意义重大。\n一、过去一年工作回顾\n", YE, X, None),
    "retreat-talk": (
        "在市委经济工作务虚会上的发言\n同志们：\n今天召开务虚会，主要是对今年经济运行情况进行分析，对明年工作思路进行研讨。\n"
        "一、今年以来经济运行的基本情况\n今年以来，全市经济运行总体平稳。\n", YE, X, None),
    "retreat-paper-of-a-town": (
        "2024年经济工作务虚会发言材料\n今年以来，我镇在县委、县政府的坚强领导下，主要经济指标稳中有进。"
        "现将今年工作情况和明年工作思路汇报如下：\n一、2024年主要工作完成情况\n", YE, 2024, None),
    "three-level-cadres-new-year": (
        "在全县三级干部大会上的讲话\n同志们：\n今天召开的全县三级干部大会，是在新春佳节刚过的关键时刻召开的一次重要会议。"
        "会议的主要任务是，总结去年工作，部署今年任务。\n一、过去一年成绩来之不易\n", YE, X, None),
    "three-level-cadres-with-year": (
        "在2025年全镇三级干部大会上的讲话\n同志们：\n今天召开全镇三级干部大会，主要任务是回顾总结2024年工作，"
        "安排部署2025年工作任务。\n一、2024年工作回顾\n", YE, 2024, None),
    "party-congress-five-years": (
        "在中国共产党青山镇第十五次代表大会上的报告\n各位代表、同志们：\n现在，我代表中共青山镇第十四届委员会向大会作报告。\n"
        "一、过去五年的工作回顾\n过去五年，全镇上下团结奋斗，综合实力显著增强。\n", YE, X, None),
    "town-work-meeting-past-year": (
        "在全镇工作会议上的讲话\n同志们：\n今天召开全镇工作会议，主要是总结过去一年的工作，安排今年的任务。"
        "过去一年，全镇上下齐心协力，各项工作取得新成效。\n", YE, X, None),
    "after-spring-festival": (
        "在春节后收心会上的讲话\n同志们：\n今天是春节后上班第一天，我们召开这次会议，就是要收心归位、迅速进入工作状态。"
        "去年，全县经济运行稳中向好。\n", YE, X, None),
    "plenary-with-economic-meeting": (
        "在县委全会暨经济工作会议上的讲话\n同志们：\n这次会议是在全面贯彻中央经济工作会议精神的关键时刻召开的。\n", YE, X, None),
    "no-title-one-year-on": (
        "各位领导、同志们：\n一年来，在区委区政府的坚强领导下，全镇上下团结一心，全年完成固定资产投资X亿元。"
        "明年，我们将继续紧扣目标任务抓落实。\n", YE, X, None),
    # ---- a year's 总结/汇报/述职 of a 镇, 街道, 局: year-end
    "town-year-summary-and-plan": (
        "白沙镇2023年工作总结和2024年工作计划\n2023年，白沙镇在县委、县政府的坚强领导下，全面完成各项目标任务。\n"
        "一、2023年工作完成情况\n", YE, 2023, None),
    "bureau-summary-one-year-on": (
        "县交通运输局工作总结\n一年来，我局在县委、县政府的正确领导下，全年完成交通固定资产投资X亿元。\n", YE, X, None),
    "bureau-year-end-summary": (
        "县市场监管局年终工作总结\n今年以来，我局紧紧围绕县委、县政府中心工作，各项工作取得积极成效。\n", YE, X, None),
    "town-year-report-of-a-year": (
        "关于桃花镇2022年工作情况的汇报\n2022年，桃花镇紧紧围绕县委、县政府决策部署，全力以赴稳经济、促发展。\n", YE, 2022, None),
    "no-title-a-year-s-summary": (
        "2024年，我乡坚持以党建为引领，统筹推进各项工作，全年完成财政收入X万元。\n一、2024年工作总结\n"
        "（一）农业生产稳中有进\n", YE, 2024, None),
    "annual-duty-report": (
        "2024年度述职报告\n一年来，在县委的坚强领导下，我认真履行镇长职责，团结带领班子成员扎实工作。\n", YE, 2024, None),
    "duty-report-no-year": (
        "乡长述职述廉报告\n各位领导、同志们：\n过去一年，我在乡党委的领导下，紧紧围绕全乡中心工作履职尽责。\n", YE, X, None),
    "term-summary": (
        "城西街道办事处任期工作总结\n本届以来，街道办事处在区委、区政府的坚强领导下，团结带领辖区干部群众砥砺奋进。\n",
        YE, X, None),
    # ---- half-year and quarterly speeches, 调度会, 推进会
    "half-year-analysis-meeting": (
        "在全县上半年经济运行分析会上的讲话\n同志们：\n今天召开会议，主要是分析上半年经济运行情况，安排部署下半年工作。\n"
        "一、上半年经济运行总体平稳\n今年以来，全县规模以上工业增加值同比增长X%。\n", HS, X, "上半年"),
    "first-quarter-meeting": (
        "在2024年一季度经济运行分析会上的讲话\n同志们：\n今天召开一季度经济运行分析会，主要是分析形势、查找差距，"
        "确保实现“开门红”。\n", HS, 2024, None),
    "three-quarters-meeting": (
        "在全区前三季度经济运行分析会上的讲话\n同志们：\n今年以来，面对复杂多变的形势，全区上下攻坚克难。"
        "1-9月，全区地区生产总值增长X%。\n", HS, X, None),
    "scheduling-meeting": (
        "在全市重点项目建设调度会上的讲话\n同志们：\n今天召开调度会，主要是通报2024年1-5月重点项目推进情况，"
        "查摆问题，压实责任。\n", HS, 2024, None),
    "promotion-meeting": (
        "在全县招商引资工作推进会上的讲话\n同志们：\n刚才，各乡镇分别汇报了今年以来招商引资工作情况，讲得都很实在。\n",
        HS, X, None),
    "midyear-promotion-meeting": (
        "在开发区2023年年中工作推进会上的讲话\n同志们：\n今年以来，开发区上下紧扣年度目标，攻坚克难。上半年，"
        "开发区规上工业总产值完成X亿元，同比增长X%。\n", HS, 2023, "上半年"),
    "year-so-far-in-the-body": (
        "在全区经济运行分析会上的讲话\n同志们：\n2024年以来，面对错综复杂的外部环境，全区上下稳中求进。上半年，"
        "全区地区生产总值同比增长X%。\n", HS, 2024, "上半年"),
    "this-first-half-in-the-body": (
        "在全县经济形势分析会上的讲话\n同志们：\n今年上半年，全县经济运行总体平稳、稳中有进，"
        "主要指标增速高于全市平均水平。\n", HS, X, "上半年"),
    "half-year-work-meeting": (
        "在全县2024年半年工作会议上的讲话\n同志们：\n今天召开全县半年工作会议，主要任务是总结上半年工作，"
        "部署下半年任务。\n", HS, 2024, "上半年"),
    "quarter-meeting-after-the-year": (
        "在全县一季度经济运行调度会上的讲话\n同志们：\n刚刚过去的2025年，全县经济运行稳中向好。进入2026年，"
        "一季度是全年工作的开局，必须开好局、起好步。\n", HS, 2026, None),
    "half-year-summary-meeting": (
        "在全镇上半年工作总结会上的讲话\n同志们：\n今天召开上半年工作总结会，主要是回顾上半年工作，"
        "查找不足，部署下半年任务。\n", HS, X, "上半年"),
    # ---- half a year's 总结/报告/汇报 of a 镇, 街道, 园区, 局
    "town-half-year-summary": (
        "青石镇2024年上半年工作总结及下半年工作计划\n2024年上半年，青石镇在县委、县政府的坚强领导下，"
        "各项工作稳步推进。\n一、上半年工作完成情况\n", HR, 2024, "上半年"),
    "street-half-year-report": (
        "关于柳湾街道上半年工作情况的报告\n现将街道上半年工作情况报告如下，请予审议。\n一、主要工作\n", HR, X, "上半年"),
    "park-half-year-briefing": (
        "云溪工业园区2025年上半年工作情况汇报\n今年以来，园区紧紧围绕年初确定的目标任务，全力抓项目、促投资。\n",
        HR, 2025, "上半年"),
    "bureau-half-year-no-title": (
        "今年上半年，县统计局在县委、县政府的正确领导下，认真履行统计职能。现将上半年工作总结如下：\n"
        "一、主要工作完成情况\n", HR, X, "上半年"),
    "bureau-six-months": (
        "县发改局2024年1-6月工作总结\n1-6月，全县完成固定资产投资X亿元，同比增长X%。\n", HR, 2024, "上半年"),
    # ---- a quarter's report, a briefing of no period: the every-other pack
    "street-three-quarters-briefing": (
        "城南街道前三季度工作情况汇报\n今年以来，街道紧扣年度目标任务，各项工作扎实推进。\n", HS, X, None),
    "town-first-quarter-summary": (
        "石桥镇2025年一季度工作总结\n一季度，全镇上下紧盯目标任务，确保首季开门红。\n", HS, 2025, None),
    "briefing-to-visitors": (
        "关于我县经济社会发展情况的汇报\n尊敬的各位领导：\n首先，我代表县委、县政府，对各位领导莅临我县调研指导表示热烈欢迎！"
        "下面，我将我县有关情况作简要汇报。\n", HS, X, None),
}

# a second batch, written (and its answers) after the first was measured, before running on it
CASES |= {
    "econ-meeting-with-awards": (
        "在全县经济工作会议暨表彰大会上的讲话\n同志们：\n今天，我们召开全县经济工作会议暨表彰大会，表彰先进，"
        "鼓舞士气。\n", YE, X, None),
    "secretary-after-the-county-head": (
        "同志们：\n刚才，县长对去年的经济工作进行了全面回顾，对今年的工作作了具体部署，我完全同意。\n"
        "下面，我再讲三点意见。\n", YE, X, None),
    "street-annual-summary": (
        "东城街道2024年度工作总结\n2024年以来，街道党工委、办事处紧紧围绕区委、区政府中心工作，"
        "各项工作取得新进展。\n", YE, 2024, None),
    "town-summary-year-so-far-in-body": (
        "龙泉镇2024年工作总结\n2024年以来，龙泉镇坚持稳中求进工作总基调，全镇经济社会保持良好发展态势。\n", YE, 2024, None),
    "half-year-summary-no-place": (
        "2023年上半年工作总结\n上半年，我局在县委、县政府的正确领导下，扎实推进各项工作。\n", HR, 2023, "上半年"),
    "kick-off-promotion-meeting": (
        "在全县“开门红”工作推进会上的讲话\n同志们：\n今天召开这次会议，主要是动员全县上下迅速行动，"
        "全力以赴冲刺一季度。\n", HS, X, None),
    "congress-report-past-year-with-de": (
        "各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。\n一、2024年工作回顾\n"
        "过去的一年，全镇上下砥砺前行。\n", YE, 2024, None),
    "county-committee-meeting-the-past-year": (
        "在县委经济工作会议上的讲话\n同志们：\n刚刚过去的一年，全县经济运行稳中有进。\n", YE, X, None),
    "half-year-analysis-paper": (
        "2024年上半年全市经济运行情况分析\n今年以来，全市经济运行延续恢复向好态势。\n一、主要指标完成情况\n"
        "（一）地区生产总值\n", HR, 2024, "上半年"),
    "three-quarter-review-meeting": (
        "在全镇三季度工作点评会上的讲话\n同志们：\n今天召开三季度工作点评会，主要是点评前三季度各村工作。\n",
        HS, X, None),
    "annual-briefing-to-leaders": (
        "2023年度工作情况汇报\n尊敬的各位领导：\n下面，我就2023年度工作情况作简要汇报。\n", YE, 2023, None),
    "summing-up-speech-at-econ-meeting": (
        "在全市经济工作会议上的总结讲话\n同志们：\n这次会议开得很好，达到了预期目的。\n", YE, X, None),
    "bureau-year-summary-and-plan": (
        "县工信局2024年工作总结及2025年工作打算\n2024年，县工信局紧扣工业强县战略，全力以赴稳增长。\n", YE, 2024, None),
    "half-year-report-to-standing-committee": (
        "关于2025年上半年重点工作推进情况的报告\n县人大常委会：\n现将上半年重点工作推进情况报告如下，请予审议。\n",
        HR, 2025, "上半年"),
}

# a third batch (the RULES' later notes as occasions), answers written before running on it
CASES |= {
    "spring-festival-gathering": (
        "在2010年春节团拜会上的致辞\n同志们、朋友们：\n值此新春佳节来临之际，我代表县委、县政府，向大家致以新春的祝福！"
        "过去的一年，全县经济社会发展取得了显著成绩。\n", YE, 2009, None),
    "park-briefing-since-a-congress": (
        "关于工业园区发展情况的汇报\n党的十八大以来，园区坚持项目立园、产业强园。五年来，园区累计引进项目X个。"
        "现将有关情况汇报如下：\n一、基本情况\n", HS, X, None),
    "summary-of-nine-months-with-plans": (
        "镇工作总结\n1—9月，全镇完成固定资产投资X亿元，同比增长X%。\n一、主要工作\n（一）项目建设\n"
        "明年，我们将继续抓好项目建设。\n", HS, X, None),
    "year-summary-with-three-quarter-figures": (
        "县统计局2021年工作总结\n前三季度，全县地区生产总值增长X%，统计服务水平进一步提升。\n", YE, 2021, None),
    "entrepreneurs-forum": (
        "在全县民营企业家座谈会上的讲话\n同志们、朋友们：\n今年以来，全县民营经济保持良好发展势头。\n", HS, X, None),
    "community-half-year-summary": (
        "幸福社区2024年上半年工作总结\n上半年，社区党委紧紧围绕街道工作部署，扎实开展各项工作。\n", HR, 2024, "上半年"),
    "committee-plenary-report": (
        "在县委十五届五次全会上的报告\n同志们：\n我受县委常委会委托，向全会报告工作。\n一、过去一年的工作\n"
        "过去一年，全县上下团结奋斗。\n", YE, X, None),
    "groundbreaking-ceremony": (
        "在全市重点项目集中开工仪式上的讲话\n同志们：\n今天，我们在这里举行重点项目集中开工仪式。\n", HS, X, None),
    "street-committee-year-report": (
        "东湖街道党工委2023年工作情况报告\n2023年，街道党工委坚持以党建引领基层治理。\n", YE, 2023, None),
    "half-year-report-to-the-standing-committee": (
        "县人民政府关于2024年上半年工作情况的报告\n主任、各位副主任、秘书长、各位委员：\n"
        "受县人民政府委托，现将2024年上半年工作情况报告如下，请予审议。\n", HR, 2024, "上半年"),
    "year-end-summing-up-meeting": (
        "在全镇年终工作总结大会上的讲话\n同志们：\n一年来，全镇上下凝心聚力，圆满完成了各项目标任务。\n", YE, X, None),
    "county-econ-meeting-of-a-year": (
        "在全县2025年经济工作会议上的讲话\n同志们：\n这次会议的主要任务是，总结2024年工作，部署2025年任务。\n",
        YE, 2024, None),
}

# probes written while fixing (each failed before its fix; answers by hand, by the same rules)
CASES |= {
    "spring-festival-looking-back-on-last-year": (
        "在2010年春节团拜会上的致辞\n同志们、朋友们：\n值此新春佳节来临之际，我代表县委、县政府，向大家致以新春的祝福！"
        "去年，全县经济社会发展取得了显著成绩。今年，我们将继续奋力前行。\n", YE, 2009, None),
    "gov-report-dated-in-its-subtitle": (
        "政府工作报告\n——2024年1月10日在青阳县第十八届人民代表大会第三次会议上\n县长  李明\n各位代表：\n"
        "现在，我代表县人民政府，向大会报告工作，请予审议。\n一、过去一年工作回顾\n过去一年，全县上下迎难而上。\n",
        YE, 2023, None),
    "the-year-ahead-and-last-year": (
        "同志们：\n2025年是“十四五”规划收官之年。去年，全镇经济运行稳中有进，各项指标基本完成。\n一、认清形势\n",
        YE, 2024, None),
    "half-year-title-of-work-done": (
        "2024年上半年工作开展情况\n今年以来，我镇在县委、县政府的坚强领导下，各项工作稳步推进。\n一、主要工作\n",
        HR, 2024, "上半年"),
    "half-year-work-and-next-half-s-ideas": (
        "青龙镇上半年主要工作及下半年工作思路\n上半年，全镇上下紧紧围绕年度目标，真抓实干。\n", HR, X, "上半年"),
    "bureau-year-work-and-next-year-s-plan": (
        "县水利局2024年工作开展情况及2025年工作计划\n2024年，我局紧紧围绕水利中心工作。\n", YE, 2024, None),
    "year-in-numerals-summary": (
        "青山镇二〇二三年工作总结\n二〇二三年，青山镇在县委、县政府的坚强领导下，扎实推进各项工作。\n一、主要工作\n",
        YE, 2023, None),
    "half-year-in-numerals": (
        "白云乡二〇二四年上半年工作总结\n今年以来，白云乡紧紧围绕年初确定的目标任务，扎实开展各项工作。\n", HR, 2024, "上半年"),
    "new-year-meeting-in-numerals": (
        "在二〇二五年全县经济工作会议上的讲话\n同志们：\n这次会议的主要任务是回顾去年工作，部署今年任务。\n", YE, 2024, None),
    "placeholder-year-summary": (
        "XX镇20XX年工作总结\n20XX年，我镇在县委、县政府的坚强领导下，各项工作取得新成效。\n", YE, X, None),
    "annual-meeting-with-figures-to-november": (
        "在全区经济工作会议上的讲话\n同志们：\n今年以来，全区上下迎难而上。1-11月，全区规模以上工业增加值增长X%，"
        "全年有望完成目标任务。\n", YE, X, None),
    "annual-meeting-with-three-quarters-and-next-year": (
        "在全县经济工作会议上的讲话\n同志们：\n今年前三季度，全县地区生产总值增长X%，预计全年增长X%左右。"
        "明年经济工作要稳中求进。\n", YE, X, None),
    "half-year-meeting-called-economic-work-meeting": (
        "在全镇经济工作会议上的讲话\n同志们：\n上半年，全镇经济运行总体平稳。下半年，要紧盯全年目标。\n", HS, X, "上半年"),
    "half-year-compared-with-a-year-s-same-period": (
        "在全县上半年工作会议上的讲话\n同志们：\n今年以来，全县上下紧盯全年目标任务。1-6月，全县地区生产总值增长X%。"
        "2023年同期增速为X%。\n", HS, X, "上半年"),
}

# a last batch after the fixes, answers by hand before running (all came out as written)
CASES |= {
    "scheduling-meeting-of-no-period": (
        "在全县经济运行调度会上的讲话\n同志们：\n今天召开调度会，主要是分析研判当前经济形势，查找问题，推动工作。\n",
        HS, X, None),
    "three-quarters-meeting-looking-to-next-year": (
        "在全区三季度经济运行分析会上的讲话\n同志们：\n前三季度，全区经济运行总体平稳。四季度时间紧、任务重，"
        "要确保完成全年目标，为明年开好局打下基础。\n", HS, X, None),
    "gov-report-titled-by-its-session": (
        "在县十七届人大四次会议上的政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n"
        "一、过去一年工作回顾\n过去一年，全县经济持续恢复。\n", YE, X, None),
    "annual-economy-briefing": (
        "关于2023年度全县经济运行情况的汇报\n今年以来，全县经济运行稳中有进。\n", YE, 2023, None),
    "second-half-promotion-meeting": (
        "在全镇2024年下半年工作推进会上的讲话\n同志们：\n今天召开会议，主要是总结上半年工作，部署下半年任务。\n",
        HS, 2024, "上半年"),
    "bureau-half-year-summary-and-plan": (
        "县文旅局2023年上半年工作总结和下半年工作打算\n今年以来，我局紧紧围绕县委、县政府中心工作。\n", HR, 2023, "上半年"),
    "street-year-summary-to-november": (
        "城北街道2023年工作总结\n2023年以来，街道紧扣目标任务。截至11月底，完成税收X万元。\n", YE, 2023, None),
    "midyear-plenary": (
        "在县委十四届七次全会上的讲话\n同志们：\n这次全会的主要任务是，总结上半年工作，部署下半年任务。\n",
        HS, X, "上半年"),
    "government-retreat": (
        "在县政府务虚会上的讲话\n同志们：\n今天召开务虚会，主要是研究谋划明年工作思路。\n", YE, X, None),
    "bureau-summary-with-next-year-s-ideas": (
        "县林业局工作总结\n今年以来，我局紧紧围绕县委、县政府中心工作，扎实推进各项工作。\n一、今年工作开展情况\n"
        "（一）造林绿化\n二、明年工作思路\n", YE, X, None),
    "year-end-meeting-titled-by-its-year": (
        "在2024年全县经济工作会议上的讲话\n同志们：\n今年以来，全县上下攻坚克难，全年预计完成地区生产总值X亿元。"
        "明年是“十四五”规划的关键之年。\n", YE, 2024, None),
    "new-year-meeting-titled-by-its-year": (
        "在2024年全县经济工作会议上的讲话\n同志们：\n过去一年，全县经济运行稳中向好。今年，我们要继续保持良好势头。\n",
        YE, 2023, None),
    "street-committee-work-report": (
        "在街道党工委扩大会议上的工作报告\n同志们：\n现在，我代表街道党工委作工作报告。\n一、2024年工作回顾\n", YE, 2024, None),
    "town-half-year-briefing-to-leaders": (
        "镇2024年上半年工作汇报\n各位领导：\n现将我镇上半年工作情况汇报如下。\n", HR, 2024, "上半年"),
    "summary-of-the-year-so-far-to-june": (
        "关于今年以来工作情况的总结\n今年以来，我局紧盯目标任务。1-6月，全县完成固定资产投资X亿元。\n", HR, X, "上半年"),
    "project-tour-meeting": (
        "在全县项目建设观摩会上的讲话\n同志们：\n今年以来，全县上下大抓项目、抓大项目。1-10月，"
        "全县完成固定资产投资X亿元。\n", HS, X, None),
}


def _run(tmp_path, text):
    path = tmp_path / "旧稿.txt"
    path.write_text(text, encoding="utf-8")
    document = read_speech(path)
    pack, reason = pack_and_reason(document)
    data = extract(document, str(path), pack).data
    meeting = data.get("meeting") if isinstance(data.get("meeting"), dict) else {}
    return pack, reason, meeting.get("year", data.get("year")), meeting.get("half", data.get("period"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_pack_year_and_half_of_an_unseen_opening(name, tmp_path):
    text, pack, year, half = CASES[name]
    found, reason, found_year, found_half = _run(tmp_path, text)
    assert found == pack, reason
    assert found_year == year, reason
    if half is not None:
        assert found_half == half


# the words that decided, quoted in the reason the writer is shown
SIGNALS = {
    "town-work-meeting-past-year": "过去一年", "party-congress-five-years": "过去五年",
    "secretary-after-the-county-head": "去年的经济工作", "no-title-a-year-s-summary": "2024年工作总结",
    "duty-report-no-year": "述职", "half-year-analysis-paper": "上半年", "year-in-numerals-summary": "二〇二三年",
}


@pytest.mark.parametrize("name", sorted(SIGNALS))
def test_the_reason_quotes_the_deciding_words(name, tmp_path):
    _, reason, _, _ = _run(tmp_path, CASES[name][0])
    assert f"“{SIGNALS[name]}" in reason, reason


@pytest.mark.parametrize("name", ["l06", "l45"])
def test_new_year_layouts_are_the_year_before_s_review(name, tmp_path):
    """extract19's 在……2026年工作会议上的讲话 layouts look back on 去年: year-end, on 2025."""
    from pathlib import Path

    text = (Path(__file__).parent / "layouts" / f"{name}.txt").read_text(encoding="utf-8")
    pack, reason, year, _ = _run(tmp_path, text)
    assert (pack, year) == ("year-end-speech", 2025), reason

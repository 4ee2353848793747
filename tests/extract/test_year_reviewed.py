"""The year and half a text is about, from its own words: for a year's review the year
it sums up (the packs' meeting.year), for a half year's text the year it is in; X where
the text names several years or contradicts itself, a wrong year being worse than none.

Texts written for these tests in the genre's phrasing; the expected years are what a
reader of each text says (the rules in ``front_matter._year_reviewed``).
"""

from __future__ import annotations

from click.testing import CliRunner

from drafting.cli import main
from drafting.readers import read_speech
from drafting.workflow.extract import detect_pack, extract


def extracted(tmp_path, text, pack=None):
    path = tmp_path / "旧稿.txt"
    path.write_text(text, encoding="utf-8")
    document = read_speech(path)
    return extract(document, str(path), pack or detect_pack(document))


def year_of(data: dict):
    return data["meeting"]["year"] if "meeting" in data else data["year"]


def test_a_year_summary_is_of_the_title_s_first_year_not_the_year_planned(tmp_path):
    text = ("城东经济开发区2023年工作总结和2024年工作思路\n2023年，开发区紧扣市委市政府决策部署，各项工作有序开展。\n"
            "一、2023年工作总结\n（一）机构机制进一步理顺。\n（二）产业平台建设加快。\n")
    data = extracted(tmp_path, text).data
    assert data["pack"] == "year-end-speech" and year_of(data) == 2023


def test_a_new_year_meeting_sums_up_the_year_before_and_keeps_its_title(tmp_path):
    text = ("在2026年全镇开局动员会上的讲话\n同志们：\n2026年是“十五五”的开局之年。2025年，全镇各项经济指标基本完成任务，"
            "今年要继续保持良好态势。\n一、稳住经济基本盘\n要紧盯目标任务不放松。\n二、抓实项目建设\n要加快项目落地。\n")
    extraction = extracted(tmp_path, text)
    assert extraction.data["pack"] == "year-end-speech" and year_of(extraction.data) == 2025
    # the title names the meeting's year, not the year reviewed: it stays as written
    assert extraction.data["title"] == "在2026年全镇开局动员会上的讲话"


def test_the_year_before_the_one_being_planned(tmp_path):
    text = ("在街道党工委扩大会议上的讲话\n同志们：\n今天召开街道党工委扩大会议，主要任务是传达学习中央经济工作会议精神，"
            "研究部署2026年经济工作。\n一、深刻领会会议精神\n第一，要把握形势判断。\n")
    data = extracted(tmp_path, text, "year-end-speech").data
    assert year_of(data) == 2025


def test_a_review_of_several_years_has_no_one_year(tmp_path):
    text = ("镇人民政府五年工作总结\n五年来，镇政府团结带领全镇干部群众攻坚克难，各项事业取得长足进步。\n"
            "一、综合实力跃上新台阶\n2021年以来，全镇累计完成固定资产投资X亿元。\n")
    extraction = extracted(tmp_path, text)
    assert extraction.data["pack"] == "year-end-speech" and year_of(extraction.data) == "X"
    assert any("原稿没有写年份" in r for r in extraction.reminders)


def test_a_review_dated_years_later_contradicts_itself(tmp_path):
    # 二0一二年工作回顾 under a speech dated 2023: neither year can be trusted
    text = ("在全镇经济工作会议上的讲话\n（2023年2月22日）\n同志们：\n今天召开全镇经济工作会议，回顾过去一年的工作。\n"
            "一、二0一二年工作回顾\n过去一年，全镇经济持续向好。\n二、今年的主要任务\n要抓项目、强产业。\n")
    extraction = extracted(tmp_path, text)
    assert extraction.data["pack"] == "year-end-speech" and year_of(extraction.data) == "X"
    assert any("前后不一" in note for notes in extraction.notes.values() for note in notes)


def test_where_a_span_starts_is_not_the_text_s_year(tmp_path):
    text = ("工业园区上半年工作总结\n一、1-6月份工作总结\n（一）项目储备扎实。园区从2014年入园的项目库中筛选项目，"
            "确定拟申报项目X个。\n（二）服务更加规范。\n")
    data = extracted(tmp_path, text).data
    assert data["pack"] == "half-year-report" and year_of(data) == "X"


def test_a_quarter_meeting_after_the_year_just_ended_is_in_the_next_year(tmp_path):
    text = ("在全县一季度经济运行分析会上的讲话\n同志们：\n刚刚过去的2025年，全县经济稳中有进。今年一季度，"
            "主要经济指标实现良好开局。\n一、认清形势\n一季度，全县规上工业增加值增长X%。\n")
    data = extracted(tmp_path, text).data
    assert data["pack"] == "half-year-speech" and year_of(data) == 2026


def test_a_year_end_speech_keeps_the_year_it_calls_just_ended(tmp_path):
    # in a year's review the year just ended is the year reviewed, not the one after it
    text = ("在全县经济工作会议上的讲话\n同志们：\n过去的2024年，全县经济稳中有进。\n一、成绩来之不易\n"
            "全年完成固定资产投资X亿元。\n二、扎实做好今年工作\n要抓项目、强产业。\n")
    data = extracted(tmp_path, text).data
    assert data["pack"] == "year-end-speech" and year_of(data) == 2024


def test_a_meeting_planning_the_second_half_sums_up_the_first(tmp_path):
    text = ("在全县项目建设工作会议上的讲话\n同志们：\n今天召开会议，主要是对下半年工作进行安排，确保下半年工作有抓手。\n"
            "一、认清形势\n上半年，全县项目建设总体平稳。\n二、抓好落实\n各乡镇要逐项抓好落实。\n")
    data = extracted(tmp_path, text, "half-year-speech").data
    assert data["meeting"]["half"] == "上半年"


def test_extract_builds_the_new_year_speech_back_exactly(tmp_path):
    source = tmp_path / "讲话.txt"
    text = ("在2026年全镇开局动员会上的讲话\n同志们：\n2026年是“十五五”的开局之年。2025年，全镇各项经济指标基本完成任务。\n"
            "一、稳住经济基本盘\n要紧盯目标任务不放松。\n二、抓实项目建设\n要加快项目落地。\n")
    source.write_text(text, encoding="utf-8")
    done = CliRunner().invoke(main, ["extract", str(source)])
    assert done.exit_code == 0, done.output
    assert "开局动员会" in done.output and "已核对：由它生成的文字与原稿逐字一致。" in done.output
    assert "year: 2025" in source.with_suffix(".yaml").read_text(encoding="utf-8")


def test_a_government_work_report_sums_up_the_year_before_its_title_s(tmp_path):
    # a 2025年政府工作报告 is delivered early in 2025 and reviews 2024
    text = ("2025年青山县人民政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n"
            "一、过去一年工作回顾\n过去一年，全县经济持续恢复向好，地区生产总值增长X%。\n二、今年的主要任务\n要抓项目、强产业。\n")
    data = extracted(tmp_path, text, "year-end-speech").data
    assert year_of(data) == 2024


def test_a_year_review_dated_on_a_line_of_its_own_years_later_is_x(tmp_path):
    # the date stands on a short line under the title, not in （）: still the date it was given on
    text = ("全镇经济工作会议讲话\n镇长 2023年2月22日\n同志们：\n今天召开会议，总结过去一年的工作。\n"
            "一、二〇一二年工作回顾\n过去一年，全镇经济持续向好。\n二、今年的主要任务\n要抓项目、强产业。\n")
    extraction = extracted(tmp_path, text, "year-end-speech")
    assert year_of(extraction.data) == "X"


def test_a_five_year_review_planning_the_next_year_has_no_one_year(tmp_path):
    text = ("在镇第十五次党代会上的报告\n各位代表：\n过去五年，全镇经济社会发展取得长足进步。今后五年，要做好2026年起的各项工作。\n"
            "一、过去五年工作回顾\n五年来，全镇地区生产总值年均增长X%。\n")
    assert year_of(extracted(tmp_path, text, "year-end-speech").data) == "X"


def test_the_year_named_beside_a_period_s_review(tmp_path):
    text = ("在全市经济工作会议上的讲话\n同志们：\n下面，我讲两点意见。\n一、2020年和“十三五”时期工作回顾\n"
            "五年来，全市经济实力大幅跃升。\n二、明年的主要任务\n要抓项目、强产业。\n")
    assert year_of(extracted(tmp_path, text, "year-end-speech").data) == 2020

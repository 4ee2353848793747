"""Units a flattened page printed inside another unit's paragraph, and parts that only the
count phrase announces. The paragraph is cut where a unit's heading starts; each unit cut
out is ``joined`` and printed on in the paragraph before it, so the text comes back exactly.
Texts written for this test in the genre's phrasing; expectations by hand."""

from __future__ import annotations

from drafting.extraction import flattened
from drafting.extraction.genre import Paragraph
from drafting.readers import read_speech
from drafting.workflow.build import Builder, render_text
from drafting.workflow.extract import extract, speech_yaml


def extracted(tmp_path, text: str, pack: str):
    path = tmp_path / "原稿.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract(read_speech(path), str(path), pack)
    target = tmp_path / "原稿.yaml"
    target.write_text(speech_yaml(extraction, ["测试"]), encoding="utf-8")
    assert render_text(Builder().draft(target)) == text
    return extraction.data


def test_a_part_paragraph_holding_its_section_and_an_inline_list(tmp_path):
    """二、…… （一）…… 为……即：1、……；2、……: the section and its items, in the part's paragraph."""
    text = ("在全县重点项目观摩会上的讲话\n同志们:\n今天召开观摩会,总结项目建设工作。\n"
            "一、总体情况 今年以来,全县项目建设态势良好,各项工作有序推进。\n"
            "二、项目建设提速增效 (一)重点项目推进有力 为加快项目建设,县里实行一个项目一名领导包抓,"
            "目前在建项目进展如下,即:1、城东污水处理厂项目,主体工程已完工;2、职教中心项目,教学楼已封顶;"
            "3、物流园项目,一期仓储设施已投入使用。\n")
    data = extracted(tmp_path, text, "half-year-speech")
    part = data["parts"][1]
    assert part["heading"] == "项目建设提速增效 " and part["run_in"] is True and "intro" not in part
    (section,) = part["sections"]
    assert section["joined"] is True and section["heading"] == "重点项目推进有力 "
    assert section["lead_in"].endswith("即:") and section["enumeration"] == "1、"
    assert [p["lead"] for p in section["points"]] == [
        "城东污水处理厂项目,主体工程已完工;", "职教中心项目,教学楼已封顶;", "物流园项目,一期仓储设施已投入使用。"]


def test_report_headings_run_into_the_next_level_and_into_their_body(tmp_path):
    """一、上半年工作回顾1. 农业生产稳中有进在今年上半年,……: 1. is joined to the 一、 line, and
    each heading ends before the body's opening adverbial (在今年上半年, 下半年, 为确保……)."""
    text = ("城关镇2025年上半年工作总结暨下半年工作打算\n"
            "一、上半年工作回顾1. 农业生产稳中有进在今年上半年,全镇完成粮食播种面积3.2万亩。\n"
            "2. 民生事业扎实推进上半年,新改建农村公路12公里。\n"
            "二、下半年工作打算1. 抓好秋粮生产下半年,我们将全力抓好秋粮田间管理。\n"
            "2. 强化工作保障为确保各项任务落到实处,我们将实行周调度、月通报。\n")
    data = extracted(tmp_path, text, "half-year-report")
    first, second = data["sections"]
    assert first["heading"] == "上半年工作回顾" and second["heading"] == "下半年工作打算"
    assert [s["heading"].strip() for s in first["sections"]] == ["农业生产稳中有进", "民生事业扎实推进"]
    assert [s["heading"].strip() for s in second["sections"]] == ["抓好秋粮生产", "强化工作保障"]
    assert first["sections"][0]["joined"] is True and "joined" not in first["sections"][1]


def test_a_whole_text_on_one_line(tmp_path):
    """The opening, 一、 and its (一) (二) on one line: the part goes on after the opening's last
    sentence, (一) after the part's heading, (二) after (一)'s body."""
    text = ("东湖乡一季度工作情况汇报\n"
            "一季度,全乡上下紧盯年度目标,各项工作开局良好。一、一季度主要工作(一)产业发展稳步推进。"
            "新发展特色种植面积800亩,完成村集体经济项目3个。(二)人居环境持续改善。"
            "开展村庄清洁行动20余次。\n")
    data = extracted(tmp_path, text, "half-year-speech")
    (part,) = data["parts"]
    assert part["heading"] == "一季度主要工作" and part["joined"] is True and part["run_in"] is True
    assert [p["lead"] for p in part["points"]] == ["产业发展稳步推进。", "人居环境持续改善。"]
    assert [p.get("joined") for p in part["points"]] == [True, True]
    assert data["opening"] == ["一季度,全乡上下紧盯年度目标,各项工作开局良好。"]


def test_parts_the_count_phrase_announces(tmp_path):
    """我讲三个方面的意见。then a lone 第一，(an excerpt cut inside it); and an unnumbered
    heading line (一个问题，……) with its 一是 二是 below it."""
    numbered = ("在全县秋冬季生产推进会上的讲话\n同志们:\n下面,我就抓好秋冬季生产讲三个方面的意见。\n"
                "第一,要紧盯目标抓进度。当前距年底只有两个多月,各乡镇要倒排工期、挂图作战。\n")
    data = extracted(tmp_path, numbered, "half-year-speech")
    assert data["part_numbering"] == "第一," and [p["heading"] for p in data["parts"]] == ["要紧盯目标抓进度。"]
    unnumbered = ("在全镇经济工作会议上的讲话\n同志们:\n下面,我讲两个方面的问题:\n"
                  "一个问题,认清形势,进一步增强做好今年工作的信心和决心\n"
                  "一年来,全镇上下齐心协力,经济社会发展取得新成效:\n"
                  "一是项目建设势头良好。全年实施重点项目15个。\n"
                  "二是农业基础更加稳固。新建高标准农田5000亩。\n")
    data = extracted(tmp_path, unnumbered, "year-end-speech")
    (part,) = data["parts"]
    assert data["part_numbering"] == "none"
    assert part["heading"] == "一个问题,认清形势,进一步增强做好今年工作的信心和决心"
    assert [p["lead"] for p in part["points"]] == ["项目建设势头良好。", "农业基础更加稳固。"]


def test_only_flattened_paragraphs_are_cut():
    """A sentence followed by （二） is cut only in a paragraph that shows it was flattened (a
    heading run into the next level's, or 一、 after a sentence); a 1、……；2、…… list stays whole."""
    kept = [Paragraph("各村要压实责任。(二)强化督导,县里每月通报一次。"),
            Paragraph("主要抓了三件事:1、抓项目;2、抓招商;3、抓环境。")]
    assert [p.text for p in flattened.split(kept)] == [p.text for p in kept]
    cut = flattened.split([Paragraph("一、主要工作(一)抓项目。全年实施项目10个。(二)抓招商。签约项目5个。")])
    assert [(p.text, p.joined) for p in cut] == [
        ("一、主要工作", False), ("(一)抓项目。全年实施项目10个。", True), ("(二)抓招商。签约项目5个。", True)]


def test_a_cut_that_heads_no_unit_goes_back():
    pieces = flattened.split([Paragraph("一、主要工作(一)抓项目。全年实施项目10个。")])
    assert [p.text for p in flattened.merge_unused(pieces, set())] == ["一、主要工作(一)抓项目。全年实施项目10个。"]


def test_a_speech_excerpt_that_starts_inside_part_one(tmp_path):
    """Its first heading is 二、: what comes before is part 一's rest, a part without a heading
    (none printed, the numbering goes on from 二、), its (一) (二) still items."""
    text = ("在全县上半年经济形势分析会上的讲话\n同志们:\n"
            "(一)工业经济稳中有升。上半年,全县规模以上工业增加值增长7.1%。\n"
            "(二)项目建设加快推进。各乡镇新开工项目明显增多。\n"
            "二、精准发力,确保完成全年目标\n(一)抓好项目建设。各乡镇要倒排工期。\n(二)抓好招商引资。要紧盯重点产业链。\n"
            "三、压实责任\n各级各部门要把责任扛在肩上。\n")
    data = extracted(tmp_path, text, "half-year-speech")
    first, second, third = data["parts"]
    assert "heading" not in first and "opening" not in data
    assert [p["lead"] for p in first["points"]] == ["工业经济稳中有升。", "项目建设加快推进。"]
    assert second["heading"] == "精准发力,确保完成全年目标" and third["heading"] == "压实责任"
    assert [p["lead"] for p in second["points"]] == ["抓好项目建设。", "抓好招商引资。"]


def test_a_lone_sub_item_run_into_its_item_heading(tmp_path):
    """1、…… （1）……: the (1) cut from the item's paragraph is a sub-item printed on in it."""
    text = ("在全县经济运行调度会上的讲话\n同志们:\n下面,我讲两点意见。\n"
            "1、前5个月经济运行总体平稳(1)工业生产好于预期。规模以上工业企业开工率保持高位。\n"
            "2、下一步重点抓好三项工作\n各部门要各司其职,形成合力。\n")
    data = extracted(tmp_path, text, "half-year-speech")
    first = data["parts"][0]
    assert first["heading"] == "前5个月经济运行总体平稳" and first["run_in"] is True
    (point,) = first["points"]
    assert point["lead"] == "工业生产好于预期。" and point["joined"] is True


def test_what_is_not_a_heading_run_into_its_body():
    """The heading ends before a time or purpose adverbial only when a body follows it."""
    assert flattened.heading_before_opener("经济发展情况总览在今年上半年,全区经济稳步增长。") == len("经济发展情况总览")
    assert flattened.heading_before_opener("工作措施为确保任务落实,我们将实行周调度:") == len("工作措施")
    assert flattened.heading_before_opener("全面总结今年工作，谋划明年发展") == 0  # a heading with a comma in it
    assert flattened.heading_before_opener("着力推进在建项目建设，确保按期投产。") == 0  # 在建 is no time
    assert flattened.heading_before_opener("认真回顾2024年工作，全县上下奋力拼搏。") == 0  # a year needs 在
    assert flattened.heading_before_opener("聚焦目标任务。上半年，全县……。") == 0  # the heading already ended
    for whole in ("一、加快轨道交通建设1、2、3号线全面开工。", "（一）坚持统一、规范管理。各村要建立台账。"):
        assert [p.text for p in flattened.split([Paragraph(whole)])] == [whole]


def test_a_part_numbered_as_a_section_of_the_speech_after_a_sentence(tmp_path):
    """……的意见。第一部分 回顾全年工作 今年以来，……（一）……（二）……: 第一部分 goes on after the opening."""
    text = ("在全县经济工作会议上的讲话\n同志们:\n下面,我分两个部分讲意见。第一部分 回顾全年工作 今年以来,"
            "全县上下克难攻坚,经济运行稳中有进。(一)工业经济提质增效。规模以上工业企业达到86家。(二)农业生产再获丰收。\n"
            "第二部分 部署明年工作\n明年是关键之年,要坚持稳中求进。\n")
    data = extracted(tmp_path, text, "year-end-speech")
    first, second = data["parts"]
    assert data["opening"] == ["下面,我分两个部分讲意见。"] and data["part_numbering"] == "第一部分"
    assert first["heading"] == " 回顾全年工作 " and first["joined"] is True
    assert [p["lead"] for p in first["points"]] == ["工业经济提质增效。", "农业生产再获丰收。"]
    assert second["heading"] == " 部署明年工作" and "joined" not in second


def test_a_cut_that_heads_no_unit_goes_back_in_a_whole_text(tmp_path):
    """A 一、 after a sentence in the opening is cut, but it would make the parts' numbering
    start twice, so it heads no part: it goes back into its paragraph, and the parts stay."""
    text = ("在全县安全生产工作会议上的讲话\n同志们:\n安全工作要做到三个到位。一、责任到位是前提,要层层压实。\n"
            "一、认清形势\n今年以来,全县安全生产形势总体平稳。\n二、突出重点\n要抓好道路交通和建筑施工安全。\n")
    data = extracted(tmp_path, text, "half-year-speech")
    assert [p["heading"] for p in data["parts"]] == ["认清形势", "突出重点"]

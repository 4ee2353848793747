"""Headings run into their body with only a space, as a page whose line breaks were
lost sets them (一、认清形势 今年以来，……). The heading ends at the space when a sentence
follows it; a heading that only has a space inside it (坚定信心 乘势而上) stays whole.
Texts written for this test in the genre's phrasing; expectations by hand."""

from __future__ import annotations

from drafting.readers import read_speech
from drafting.workflow.build import Builder, render_text
from drafting.workflow.extract import extract, speech_yaml

TEXT = (
    "在全县项目建设推进会上的讲话\n同志们:\n今天召开会议,安排部署项目建设工作。\n"
    "一、认清形势 今年以来,全县项目建设总体平稳,新开工项目12个。\n"
    "(一)重点项目建设进展顺利 为全面推动重点项目建设,县里成立了工作专班。\n"
    "(二)招商引资成效明显 全年签约项目8个,协议投资26亿元。\n"
    "二、坚定信心 乘势而上\n各乡镇要对标对表,加压奋进。\n"
)


def test_heading_ends_at_the_space(tmp_path):
    path = tmp_path / "讲话.txt"
    path.write_text(TEXT, encoding="utf-8")
    extraction = extract(read_speech(path), str(path), "half-year-speech")
    first, second = extraction.data["parts"]
    assert first["heading"] == "认清形势 " and first["run_in"] is True
    assert [p["lead"] for p in first["points"]] == ["重点项目建设进展顺利 ", "招商引资成效明显 "]
    assert second["heading"] == "坚定信心 乘势而上" and "run_in" not in second
    target = tmp_path / "讲话.yaml"
    target.write_text(speech_yaml(extraction, ["测试"]), encoding="utf-8")
    assert render_text(Builder().draft(target)) == TEXT


def test_a_unit_run_into_its_part_heading_stays_in_that_paragraph(tmp_path):
    """二、…… (一)……: the (一) cannot be printed inside the part's paragraph as a unit of
    its own, so the line stays the part's heading, in every pack."""
    text = ("城关镇上半年工作总结\n上半年，全镇各项工作稳步推进。\n一、经济运行总体平稳\n全镇完成固定资产投资X亿元。\n"
            "二、项目建设快速推进 (一)重点项目进展顺利 为推动项目建设,镇里成立了工作专班。\n"
            "三、抓好落实。（一）压实责任。各村要落实主体责任。\n")
    path = tmp_path / "总结.txt"
    path.write_text(text, encoding="utf-8")
    for pack in ("half-year-report", "half-year-speech", "year-end-speech"):
        extraction = extract(read_speech(path), str(path), pack)
        target = tmp_path / f"{pack}.yaml"
        target.write_text(speech_yaml(extraction, ["测试"]), encoding="utf-8")
        assert render_text(Builder().draft(target)) == text, pack


def test_a_part_heading_that_lost_its_numeral(tmp_path):
    """Text copied from a PDF may lose the 一 of 一、: the line still heads the part and
    the 1、 2、 below it are its items, not parts."""
    text = ("经开区年度工作总结\n一年来，经开区坚持项目为王，各项工作取得新进展。\n、经济发展取得新成效\n"
            "1、主要指标稳步增长。全年规模以上工业总产值完成86亿元，同比增长9.1%。\n"
            "2、园区承载能力提升。新建标准化厂房X万平方米。\n")
    path = tmp_path / "总结.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract(read_speech(path), str(path), "year-end-speech")
    (part,) = extraction.data["parts"]
    assert extraction.data["part_numbering"] == "none" and part["heading"] == "、经济发展取得新成效"
    assert [p["lead"] for p in part["points"]] == ["主要指标稳步增长。", "园区承载能力提升。"]
    target = tmp_path / "总结.yaml"
    target.write_text(speech_yaml(extraction, ["测试"]), encoding="utf-8")
    assert render_text(Builder().draft(target)) == text

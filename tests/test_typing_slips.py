"""Ordinary typing slips: each builds the text the writer meant, or is named with its line.

Every message is asserted on our Chinese wording, never on PyYAML's English, so
the file runs unchanged against any PyYAML release (see tests/README or the
report: it is also run against 6.0.2 and 6.0.4 in throwaway environments).
"""

import re
import struct
import zlib

import docx
import pytest

from drafting.errors import DataError, DraftError, SchemaError
from drafting.workflow.build import Builder, render_docx, render_text
from drafting.workflow.check import check_draft

from .conftest import ROOT, SEED_YAML

EXAMPLE = (ROOT / "templates" / "half-year-speech" / "example.yaml").read_text(encoding="utf-8")
# words of PyYAML's and jsonschema's English messages; none may reach the writer
ENGLISH = re.compile(
    r"\b(found|expected|mapping|scalar|token|while|could|allowed|character|alias|anchor|indicator_paragraph|"
    r"table_item|image_item|is not|of type|alphabetic)\b",
    re.I,
)


def edited(old: str, new: str, text: str = EXAMPLE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def build(write_yaml, text: str):
    return Builder().draft(write_yaml(text))


def failure(write_yaml, text: str) -> DraftError:
    with pytest.raises(DraftError) as info:
        build(write_yaml, text)
    assert not ENGLISH.search(str(info.value)), str(info.value)
    return info.value


def problems_of(error: DraftError):
    return error.problems if isinstance(error, SchemaError) else [error]


# ---------------------------------------------------------------- the parser's slips


@pytest.mark.parametrize(
    "old, new, fragment, says",
    [
        ("speaker: 区长", "speaker：区长", "speaker：", "全角冒号"),
        ("  - heading: 总结上半年", "  - heading：总结上半年", "heading：", "全角冒号"),
        ("speaker: 区长", "speaker:区长", "speaker:区", "缺少空格"),
        ("speaker: 区长 张三", "speaker: *书记", "*书记", "“*”开头"),
        ("speaker: 区长 张三", "speaker: @书记", "@书记", "“@”开头"),
        ("speaker: 区长 张三", "speaker: `书记`", "`书记", "“`”开头"),
        ("speaker: 区长 张三", "speaker: %书记", "%书记", "“%”开头"),
        ("          - 坚持最高标准", "          - >50%的项目坚持最高标准", ">50%", "“>”开头"),
        ("          - 坚持最高标准", "          - |全区坚持最高标准", "|全区", "“|”开头"),
        ("speaker: 区长 张三", 'speaker: "区长"张三', '"区长"', "引号"),
        ("          - 坚持最高标准", "          - [重要]坚持最高标准", "[重要]", "“[”开头"),
        ("          - 坚持最高标准", "          - ，坚持最高标准", "，坚持", None),
        ("  year: 2025", "\tyear: 2025", "\tyear", "Tab"),
        ("  year: 2025", "\u3000year: 2025", "\u3000year", "全角空格"),
        ("  half: 上半年", "  half:\u3000上半年", "half:\u3000", "全角空格"),
    ],
)
def test_parser_slips_name_their_own_line_in_chinese(write_yaml, old, new, fragment, says):
    text = edited(old, new)
    if says is None:  # a full-width sign is text: it builds
        assert "，坚持最高标准" in render_text(build(write_yaml, text))
        return
    error = failure(write_yaml, text)
    assert error.location.line == line_of(text, fragment)
    assert says in error.message


def test_a_tag_typed_as_text_says_to_quote_it(write_yaml):
    text = edited("speaker: 区长 张三", "speaker: !书记 张三")
    error = failure(write_yaml, text)
    assert error.location.line == line_of(text, "!书记") and "单引号" in error.message


def test_an_anchor_typed_as_text_is_a_warning_not_lost_words(write_yaml):
    text = edited("speaker: 区长 张三", "speaker: &ab 张三")
    warnings = build(write_yaml, text).warnings
    assert any(w.location.line == line_of(text, "&ab") and "“&ab”" in w.message for w in warnings)


def test_a_full_width_dash_for_a_list_item_is_named(write_yaml):
    text = edited("  - 这次会议", "  － 这次会议")
    error = failure(write_yaml, text)
    assert "半角减号" in problems_of(error)[0].message


# ---------------------------------------------------------------- text the parser cuts


def test_text_after_space_hash_is_reported_not_lost_in_silence(write_yaml):
    text = edited("坚持最高标准、", "坚持最高标准 #1，")
    draft = build(write_yaml, text)
    said = [w for w in draft.warnings if w.location.line == line_of(text, " #1")]
    assert said and "注释" in said[0].message
    assert [f.kind for f in check_draft(draft).findings if f.problem in said] == ["typing"]


def test_a_paragraph_lost_whole_to_a_comment_says_so_beside_the_schema_error(write_yaml):
    text = edited("- 坚持最高标准、最严举措，实现了零发生。", "- #坚持最高标准")
    error = failure(write_yaml, text)
    assert [p.location.line for p in problems_of(error)] == [line_of(text, "#坚持")] * 2
    assert "注释" in problems_of(error)[1].message


def test_quoted_text_keeps_its_hash(write_yaml):
    draft = build(write_yaml, edited("- 坚持最高标准、最严举措，实现了零发生。", "- '坚持最高标准 #1，实现了零发生。'"))
    assert "坚持最高标准 #1，实现了零发生。" in render_text(draft)
    assert not [w for w in draft.warnings if "注释" in w.message]


def test_colon_space_in_a_paragraph_is_explained(write_yaml):
    text = edited("- 坚持最高标准、最严举措", "- 坚持最高标准: 最严举措")
    error = failure(write_yaml, text)
    problem = problems_of(error)[0]
    assert problem.location.line == line_of(text, "坚持最高标准: ")
    assert "全角冒号" in problem.message


# ---------------------------------------------------------------- schema messages


@pytest.mark.parametrize(
    "typed, advice",
    [('"2025"', "写成 2025，不加引号"), ("二〇二五", "写成阿拉伯数字 2025"), ("２０２５年", "只写数字 2025，不写“年”")],
)
def test_a_year_of_the_wrong_type_says_how_to_write_it(write_yaml, typed, advice):
    error = failure(write_yaml, edited("year: 2025", f"year: {typed}"))
    assert advice in problems_of(error)[0].message


def test_thousands_separator_in_braces_is_explained(write_yaml):
    text = edited(
        "          - name: 地区生产总值\n            value: 12.3\n            unit: 亿元\n            change: 4.5",
        "          - {name: 地区生产总值, value: 21,560, unit: 亿元, change: 4.5}",
    )
    error = failure(write_yaml, text)
    assert "千位分隔符" in problems_of(error)[0].message and "21560" in problems_of(error)[0].message


@pytest.mark.parametrize(
    "typed", ["2025/7/16", "2025.7.16", "2025.07.16", "20250716", "2025年07月16", "２０２５年７月１６日"]
)
def test_a_date_in_another_common_form_is_refused_with_the_form_that_fits(write_yaml, typed):
    text = edited("date: 2025-07-15", f"date: {typed}")
    error = failure(write_yaml, text)
    assert "2025-07-16" in problems_of(error)[0].message  # the writer's day, in a form that fits
    assert problems_of(error)[0].location.line == line_of(text, "date: ")


@pytest.mark.parametrize("typed", ["2025-7-15", "2025年7月15日", "二〇二五年七月十五日"])
def test_dates_in_the_accepted_forms_print_the_day(write_yaml, typed):
    text = render_text(build(write_yaml, edited("date: 2025-07-15", f"date: {typed}")))
    assert "2025年7月15日" in text or "二〇二五年七月十五日" in text


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize(
    "typed, unit, meant",
    [
        ("12.3亿元", "亿元", 12.3),
        ("12.3 亿元", "亿元", 12.3),
        ("4.5%", "%", 4.5),
        ("4.5％", "%", 4.5),
        ("-3.2%", "%", -3.2),
        ("21,560", "万元", 21560),
        ("１２．３", "亿元", 12.3),
        ("“12.3”", "亿元", 12.3),
        ("xx", "亿元", "X"),
        ("××", "%", "X"),
        ("约12亿元", "亿元", "约12"),
        ("两位数", "%", "两位数"),
        ("12.3亿元", "", "12.3亿元"),  # no unit key: printed once, as typed
    ],
)
def test_a_figure_typed_as_text_is_read_as_meant(typed, unit, meant):
    from drafting.model.indicators import read_figure

    assert read_figure(typed, unit) == meant


@pytest.mark.parametrize("typed, unit", [("12.3万元", "亿元"), ("4.5个百分点", "%"), ("0x1f", "亿元"), ("9" * 40, "")])
def test_a_figure_that_contradicts_its_unit_is_refused(typed, unit):
    from drafting.model.indicators import FigureMismatch, read_figure

    with pytest.raises(FigureMismatch):
        read_figure(typed, unit)


@pytest.mark.parametrize(
    "old, new, printed",
    [
        ("value: 12.3", "value: 12.3亿元", "地区生产总值实现12.3亿元，同比增长4.5%；"),
        ("change: 4.5 ", "change: 4.5% ", "地区生产总值实现12.3亿元，同比增长4.5%；"),
        ("value: 12.3", "value: 21,560", "地区生产总值实现21560亿元，"),
    ],
)
def test_a_unit_typed_into_a_figure_is_printed_once(write_yaml, old, new, printed):
    assert printed in render_text(build(write_yaml, edited(old, new)))


def test_a_figure_with_another_unit_is_refused_naming_its_line(write_yaml):
    text = edited("value: 12.3", "value: 12.3万元")
    problem = problems_of(failure(write_yaml, text))[0]
    assert problem.location.line == line_of(text, "12.3万元") and "亿元" in problem.message


# ---------------------------------------------------------------- structure slips: warnings and findings


def typing_findings(draft):
    return [f.problem for f in check_draft(draft).findings if f.kind == "typing"]


def test_a_run_in_lead_without_punctuation_is_a_warning_and_a_finding(write_yaml):
    text = edited("- lead: 持续抓好常态防控。", "- lead: 持续抓好常态防控")
    draft = build(write_yaml, text)
    line = line_of(text, "持续抓好常态防控\n")
    assert any(w.location.line == line and "run-in" in w.message for w in draft.warnings)
    assert [p.location.line for p in typing_findings(draft)] == [line]


def test_a_standalone_lead_may_go_without_punctuation(write_yaml):
    draft = build(write_yaml, edited("- lead: 疫情防控有力有效。", "- lead: 疫情防控有力有效"))
    assert typing_findings(draft) == []


def test_a_part_without_heading_after_a_headed_one_is_a_warning(write_yaml):
    text = edited("  - heading: 紧盯全年目标任务，统筹推进经济社会发展\n", "  - \n")
    draft = build(write_yaml, text)
    found = typing_findings(draft)
    assert len(found) == 1 and "heading" in found[0].message and "部分" in found[0].message
    assert found[0].location.line == line_of(text, "  - \n") + 1  # the part's first key
    assert "紧盯全年目标任务" not in render_text(draft)


def test_the_parts_an_excerpt_starts_inside_of_go_without_heading_and_warning(write_yaml):
    text = edited("  - heading: 总结上半年工作，全区经济社会发展稳中有进   # 不写“一、”，序号自动生成\n", "  - \n")
    draft = build(write_yaml, text)
    assert typing_findings(draft) == []
    assert "二、紧盯全年目标任务" in render_text(draft)


def test_an_indicator_paragraph_without_after_is_a_warning(write_yaml):
    text = edited("        after: 。主要经济指标总体平稳。\n", "")
    draft = build(write_yaml, text)
    found = typing_findings(draft)
    assert len(found) == 1 and "after" in found[0].message
    assert found[0].location.line == line_of(text, "- name: 地区生产总值")


def test_a_count_phrase_typed_while_generated_is_a_warning(write_yaml):
    text = edited("安排下半年任务。", "安排下半年任务。下面，我讲三点意见。")
    draft = build(write_yaml, text)
    assert render_text(draft).count("讲三点意见") == 2  # what the writer would have got
    found = typing_findings(draft)
    assert [p.location.line for p in found] == [line_of(text, "下面，我讲三点意见")]
    assert "两次" in found[0].message


@pytest.mark.parametrize(
    "path", [SEED_YAML, *sorted((ROOT / "templates").glob("*/example.yaml"))], ids=lambda p: p.parent.name
)
def test_the_shipped_examples_have_no_typing_slips(path):
    assert typing_findings(Builder().draft(path)) == []


# ---------------------------------------------------------------- placeholders


@pytest.mark.parametrize(
    "body, count, form",
    [
        ("投资x万元。", 1, "x"),
        ("投资xx万元。", 1, "xx"),
        ("投资XX万元，建设X个项目。", 2, "XX"),
        ("在全区×××会议上。", 1, "×××"),
        ("由＊＊负责。", 1, "＊＊"),
        ("某某同志负责。", 1, "某某"),
        ("全区【此处补充数据】稳步推进。", 1, "【此处补充数据】"),
        ("请填写会议名称。", 1, "请填写会议名称"),
    ],
)
def test_check_finds_every_placeholder_form(write_yaml, body, count, form):
    text = edited("坚持最高标准、最严举措，实现了零发生。", body)
    found = [f.problem for f in check_draft(build(write_yaml, text)).findings if f.kind == "placeholder"]
    mine = [p for p in found if p.location.line == line_of(text, body)]
    assert len(mine) == 1 and f"{count} 处占位符" in mine[0].message and form in mine[0].message


def test_latin_words_are_not_placeholders(write_yaml):
    text = edited("坚持最高标准、最严举措，实现了零发生。", "推广XBRL和Excel报表，实现了零发生。")
    found = [f for f in check_draft(build(write_yaml, text)).findings if f.kind == "placeholder"]
    assert not [f for f in found if f.problem.location.line == line_of(text, "XBRL")]


def test_the_new_pack_examples_own_placeholders_are_flagged_before_they_reach_properties(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from drafting.cli import main

    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["new-pack", "会议纪要"]).exit_code == 0
    example = tmp_path / "会议纪要" / "example.yaml"
    draft = Builder().draft(example)
    title_line = line_of(example.read_text(encoding="utf-8"), "title:")
    assert any(w.location.line == title_line and "××" in w.message for w in draft.warnings)
    assert typing_findings(draft) == []
    properties = docx.Document(__import__("io").BytesIO(render_docx(draft))).core_properties
    assert "××" in properties.title  # the warning is what stands between this and the leader


# ---------------------------------------------------------------- encodings

TRADITIONAL = "opening:\n  - 這次會議的主要任務是，深入貫徹落實上級會議精神，總結上半年工作。\n"
JAPANESE = "opening:\n  - 会議の主な任務は、上級会議の精神を深く貫徹することです。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "gbk", "gb18030"])
def test_accepted_encodings_read_the_same_text(write_yaml, encoding):
    text = edited("speaker: 区长 张三", "speaker: 区长 朱镕基")  # 镕 is GBK, not GB2312
    if encoding == "utf-16-be-bom":
        path = write_yaml("")
        path.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    else:
        path = write_yaml(text, encoding=encoding)
    assert "区长 朱镕基" in render_text(Builder().draft(path))


@pytest.mark.parametrize("text, codec, named", [(TRADITIONAL, "big5", "Big5"), (JAPANESE, "shift_jis", "Shift-JIS")])
def test_big5_and_shift_jis_are_refused_not_garbled(write_yaml, text, codec, named):
    raw = text.encode(codec)
    raw.decode("gb18030")  # the trap: these bytes decode as GB18030 without complaint
    path = write_yaml("")
    path.write_bytes(raw)
    with pytest.raises(DataError) as info:
        Builder().draft(path)
    assert "编码" in info.value.message and named in info.value.message and info.value.location.line == 2


def test_utf16_without_bom_is_refused(write_yaml):
    path = write_yaml(EXAMPLE, encoding="utf-16-le")
    with pytest.raises(DataError) as info:
        Builder().draft(path)
    assert "UTF-16" in info.value.message


def test_a_gbk_speech_with_some_rare_names_is_still_read(write_yaml):
    text = edited("speaker: 区长 张三", "speaker: 区长 朱镕基 蔺相如 喆 堃")
    assert "喆 堃" in render_text(Builder().draft(write_yaml(text, encoding="gb18030")))


# ---------------------------------------------------------------- no traceback from data


def test_hex_with_thousands_of_digits_is_text_or_a_refused_figure(write_yaml):
    huge = "0x" + "f" * 5000
    assert huge in render_text(build(write_yaml, edited("speaker: 区长 张三", f"speaker: {huge}")))
    text = edited("value: 12.3", f"value: {huge}")
    assert problems_of(failure(write_yaml, text))[0].location.line == line_of(text, huge)


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    "data, says",
    [(_png(4, 3)[:20], "不完整"), (_png(40, 30)[:60], "不完整"), (_png(0, 0), "0 像素"), (b"", "空的")],
    ids=["header-cut", "data-cut", "zero-size", "empty"],
)
def test_a_damaged_picture_is_named_by_its_line(write_yaml, data, says):
    text = edited("          - 坚持最高标准、最严举措，实现了零发生。", "          - image:\n              path: 图.png")
    path = write_yaml(text)
    (path.parent / "图.png").write_bytes(data)
    with pytest.raises(SchemaError) as info:
        Builder().draft(path)
    problem = info.value.problems[0]
    assert problem.location.line == line_of(text, "path: 图.png") and says in problem.message


def test_a_whole_picture_still_builds(write_yaml):
    text = edited("          - 坚持最高标准、最严举措，实现了零发生。", "          - image:\n              path: 图.png")
    path = write_yaml(text)
    (path.parent / "图.png").write_bytes(_png(4, 3))
    assert render_docx(Builder().draft(path))[:2] == b"PK"


def test_empty_text_where_a_list_belongs_is_a_message_not_a_traceback(write_yaml):
    error = failure(write_yaml, "meeting:\n  name: 空\n  year: 1949\nparts: ''\n")
    assert problems_of(error)[0].location.line == 4 and "列表" in problems_of(error)[0].message


def test_a_run_in_lead_holding_statistics_without_an_ending_is_a_finding(write_yaml):
    """A lead that states its figure (财政收入完成X亿元) runs into its body like a worded one: it
    must close, with its after."""
    lead = "- lead:\n          indicators:\n            - {name: 财政收入, value: 3.2, unit: 亿元, verb: 完成}\n"
    text = edited("- lead: 持续抓好常态防控。\n", lead)
    draft = build(write_yaml, text)
    assert "一要财政收入完成3.2亿元坚决落实各项安排部署" in render_text(draft)  # what the slip prints
    found = typing_findings(draft)
    assert [p.location.line for p in found] == [line_of(text, "- lead:\n") + 1]  # the lead's first key
    assert "财政收入" in found[0].message and "after" in found[0].message
    closed = edited("- lead: 持续抓好常态防控。\n", lead + "          after: 。\n")
    assert typing_findings(build(write_yaml, closed)) == []

import re

import docx
import pytest

from drafting.workflow.build import Builder, render_docx, render_text
from drafting.source.yaml_loader import load_speech
from drafting.errors import DataError
from drafting.workflow.extract import extract, source_text, speech_yaml
from drafting.packs.finder import find_pack
from drafting.readers import read_speech

from .conftest import CASES, SEED_YAML, seed_speech_text, word_file

EXTRACT_CASES = sorted((CASES / "extract").glob("*.txt"))
SCHEMA = find_pack("half-year-speech").schema  # with the shared definitions (templates/_shared)


def extract_to_yaml(source, tmp_path):
    document = read_speech(source)
    extraction = extract(document, str(source))
    target = tmp_path / "extracted.yaml"
    target.write_text(speech_yaml(extraction, ["测试"]), encoding="utf-8")
    return document, extraction, target


def rebuild(target):
    return render_text(Builder().draft(target))


@pytest.fixture
def seed_txt(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(seed_speech_text(), encoding="utf-8")
    return path


def test_cases_cover_the_shapes_the_issue_names():
    names = {p.stem for p in EXTRACT_CASES}
    assert {"parts-diyi", "items-diyi-yao", "inline-enumeration", "no-title", "fragment"} <= names


def test_seed_round_trip_from_text(seed_txt, tmp_path):
    _, _, target = extract_to_yaml(seed_txt, tmp_path)
    assert rebuild(target) == seed_speech_text()


def test_seed_round_trip_from_plain_word_file(tmp_path):
    source = word_file(seed_speech_text().splitlines(), tmp_path / "seed.docx")
    _, _, target = extract_to_yaml(source, tmp_path)
    assert rebuild(target) == seed_speech_text()


def test_seed_round_trip_from_drafts_own_word_file_keeps_structure(tmp_path):
    source = tmp_path / "seed.docx"
    source.write_bytes(render_docx(Builder().draft(SEED_YAML)))
    _, extraction, target = extract_to_yaml(source, tmp_path)
    assert rebuild(target) == seed_speech_text()
    # the data says what the seed's hand-written YAML says
    written = load_speech(SEED_YAML).values
    for got, want in zip(extraction.data["parts"], written["parts"], strict=True):
        assert got["heading"] == want["heading"]
        assert got["enumeration"] == want["enumeration"] and got["layout"] == want["layout"]
        assert got["points"] == want["points"]  # leads and bodies exactly as the seed YAML has them
        assert got.get("closing", []) == want.get("closing", [])


@pytest.mark.parametrize("source", EXTRACT_CASES, ids=lambda p: p.stem)
def test_case_round_trip_character_for_character(source, tmp_path):
    _, _, target = extract_to_yaml(source, tmp_path)
    assert rebuild(target) == source.read_text(encoding="utf-8")


@pytest.mark.parametrize("source", EXTRACT_CASES, ids=lambda p: p.stem)
def test_case_round_trip_through_word(source, tmp_path):
    path = word_file(source.read_text(encoding="utf-8").splitlines(), tmp_path / "case.docx")
    _, _, target = extract_to_yaml(path, tmp_path)
    assert rebuild(target) == source.read_text(encoding="utf-8")


def parts_of(name, tmp_path):
    return extract_to_yaml(CASES / "extract" / f"{name}.txt", tmp_path)[1]


def test_seed_structure(seed_txt, tmp_path):
    data = extract_to_yaml(seed_txt, tmp_path)[1].data
    assert "title" not in data and data["meeting"] == {
        "name": "第二次区委全委扩大会议暨全区经济工作会议", "year": 2025, "half": "上半年"}
    assert "count_phrase" not in data  # the pack's default phrase, generated from the parts
    assert data["opening"][0].endswith("认真抓好贯彻落实。")
    first, second, third = data["parts"]
    assert (first["enumeration"], first["layout"], len(first["points"])) == ("一是", "standalone", 5)
    assert first["closing"][0].startswith("在看到成绩的同时")
    assert (second["enumeration"], second["layout"], len(second["points"])) == ("一要", "run-in", 5)
    assert second["points"][0]["lead"] == "慎终如始抗疫情，持续抓好常态防控。"
    assert second["points"][0]["body"][0].startswith("坚决落实省地各项安排部署")
    assert third["intro"] == ["大事难事面前显担当。我们一定要有“过关”的精神、“闯关”的勇气，担当担责，确保各项工作如期完成。"]
    assert data["closing"][0].startswith("同志们，沧海横流")


def test_parts_headed_di_yi_with_speaker_and_date(tmp_path):
    data = parts_of("parts-diyi", tmp_path).data
    assert data["part_numbering"] == "第一，"
    assert data["speaker"] == "县长 李四" and data["date"] == "2024年7月20日"
    assert data["count_phrase"] == "下面，我强调{n}个问题。"  # 两个问题 with two parts
    assert [p["layout"] for p in data["parts"]] == ["run-in", "run-in"]
    assert data["parts"][0]["closing"] == ["同时也要看到，我们的经济总量还不大，产业结构还不优，部分指标与序时进度还有差距。"]


def test_items_di_yi_dun_hao_and_bracketed_and_first_sentence(tmp_path):
    data = parts_of("items-diyi-yao", tmp_path).data
    assert [p["enumeration"] for p in data["parts"]] == ["第一、", "（一）", "第一句话，"]
    assert [p["layout"] for p in data["parts"]] == ["standalone", "standalone", "run-in"]
    assert data["parts"][0]["points"][0]["lead"] == "要看到经济总量迈上新台阶。"
    assert (data["date"], data["date_style"]) == ("二〇二五年一月十日", "chinese")


def test_items_inline_in_one_paragraph_and_an_enumeration_inside_prose(tmp_path):
    extraction = parts_of("inline-enumeration", tmp_path)
    first = extraction.data["parts"][0]
    # a paragraph that opens with 一是 and goes on 二是, 三是 is the part's items, written inline
    assert (first["enumeration"], first["layout"]) == ("一是", "inline")
    assert [p["lead"] for p in first["points"]] == [
        "要坚定发展信心，用好政策窗口期，主动争取上级支持；", "要强化底线思维，做好应对各种风险挑战的准备；",
        "要保持战略定力，坚定不移推进高质量发展。"]
    # one that lists problems inside prose is a paragraph listing its items, with a note
    listed = first["intro"][0]
    assert len(first["intro"]) == 1 and listed["lead_in"] == "当前，经济运行中还有不少困难。"
    assert listed["enumeration"] == "一是"
    assert [p["lead"] for p in listed["points"]] == ["需求不足，", "部分企业经营困难，", "财政收支平衡压力较大。"]
    assert any("列举了 3 项" in n for n in extraction.notes[("parts", 0, "intro", 0)])
    opening = extraction.data["opening"][0]
    assert opening["lead_in"].endswith("呈现出三个特点：")
    assert [p["lead"] for p in opening["points"]] == ["总量平稳增长，", "结构持续优化，", "动能加快转换。"]
    last = extraction.data["parts"][1]["points"][2]
    assert last["lead"] == "激发消费潜力。" and last["body"][0] == ""  # the item line holds only its lead
    assert last["body"][1]["before"] == "持续开展促消费活动，"  # 发放消费券X万元 is a statistic


def test_no_title_line(tmp_path):
    extraction = parts_of("no-title", tmp_path)
    assert extraction.data["title"] == ""
    assert any("没有标题行" in n for n in extraction.notes[("title",)])
    assert [len(p.get("points", [])) for p in extraction.data["parts"]] == [2, 2, 0]


def test_fragment_keeps_its_count_phrase_literally(tmp_path):
    extraction = parts_of("fragment", tmp_path)
    assert len(extraction.data["parts"]) == 1 and "closing" not in extraction.data
    assert extraction.data["count_phrase"] == "下面，就做好下半年经济工作，我讲三点意见。"
    assert any("只识别出 1 个部分" in n for n in extraction.notes[("count_phrase",)])


def test_docx_bold_lead_decides_where_the_lead_ends(tmp_path):
    word = docx.Document()
    for line in ["同志们：", "一、部分", "一要抓项目，促发展"]:
        word.add_paragraph(line)
    for n in ("一", "二"):
        p = word.paragraphs[-1] if n == "一" else word.add_paragraph()
        if n == "二":
            p.add_run("二要抓招商，稳增长").bold = True
        else:
            p.runs[0].bold = True
        p.add_run("正文。另一句。")
    path = tmp_path / "稿.docx"
    word.save(path)
    _, extraction, target = extract_to_yaml(path, tmp_path)
    points = extraction.data["parts"][0]["points"]
    assert [p["lead"] for p in points] == ["抓项目，促发展", "抓招商，稳增长"]
    assert rebuild(target).splitlines()[-1] == "二要抓招商，稳增长正文。另一句。"


def test_what_fits_no_slot_stays_in_place(tmp_path, write_yaml):
    # lines before the salutation that are neither title nor byline; a 四、 out of sequence;
    # a paragraph between part one's items and part two
    text = (
        "内部资料\n注意保存\n在2025年测试会议上的讲话\n同志们：\n开场。\n一、部分一\n"
        "一是甲。\n甲的正文。\n二是乙。\n乙的正文。\n四、不在序列中的标题\n夹在两部分之间的一段。\n"
        "二、部分二\n正文。\n"
    )
    source = tmp_path / "odd.txt"
    source.write_text(text, encoding="utf-8")
    _, extraction, target = extract_to_yaml(source, tmp_path)
    assert rebuild(target) == text
    data = extraction.data
    assert data["title"] == ["内部资料", "注意保存", "在2025年测试会议上的讲话"]
    assert data["parts"][0]["closing"] == ["四、不在序列中的标题", "夹在两部分之间的一段。"]


def test_tongzhimen_opening_the_last_part_stays_in_it(tmp_path):
    text = "同志们：\n开场。\n一、部分一\n正文。\n二、部分二\n同志们，这一部分从称呼开始。\n一是甲。\n二是乙。\n同志们，结束。\n"
    source = tmp_path / "odd.txt"
    source.write_text(text, encoding="utf-8")
    _, extraction, target = extract_to_yaml(source, tmp_path)
    assert rebuild(target) == text
    assert extraction.data["parts"][1]["intro"] == ["同志们，这一部分从称呼开始。"]
    assert extraction.data["closing"] == ["同志们，结束。"]


def test_statistics_can_stay_text(seed_txt, tmp_path):
    document = read_speech(seed_txt)
    intro = extract(document, str(seed_txt), indicators=False).data["parts"][0]["intro"][0]
    assert isinstance(intro, str) and "地区生产总值实现X万元" in intro
    recognised = extract(document, str(seed_txt)).data["parts"][0]["intro"][0]
    assert [d["name"] for d in recognised["indicators"]] == ["地区生产总值", "固定资产投资"]


def test_text_without_parts_still_gives_data_that_builds_it_back(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text("同志们：\n今天只讲一件事。\n", encoding="utf-8")
    _, extraction, target = extract_to_yaml(source, tmp_path)
    assert rebuild(target) == "同志们：\n今天只讲一件事。\n"
    assert extraction.data["part_numbering"] == "none"
    assert any("没有找到编号的部分标题" in n for n in extraction.notes[("part_numbering",)])


def test_empty_file_is_a_chinese_error(tmp_path):
    source = tmp_path / "空.txt"
    source.write_text("\n\n", encoding="utf-8")
    with pytest.raises(DataError, match="文件中没有文字"):
        extract(read_speech(source), str(source))


def test_written_yaml_is_readable(seed_txt, tmp_path):
    _, _, target = extract_to_yaml(seed_txt, tmp_path)
    text = target.read_text(encoding="utf-8")
    assert not re.search(r":\s*>[-+]?\s*$", text, re.M)  # never folded scalars (spaces between CJK lines)
    assert "  - |-\n    这次会议的主要任务是" in text  # long text in literal blocks
    assert "  - heading: 总结上半年工作，全区经济社会发展稳中有进\n" in text  # short text plain
    assert "# 自动识别：要点序号为 一要，版式为 run-in" in text
    assert max(len(line) for line in text.splitlines() if not line.lstrip().startswith(("#", "-", "|"))) < 2000


def _assert_schema_order(value, schema):
    schema = _resolve(schema, value)
    if isinstance(value, dict):
        order = list(schema.get("properties", {}))
        keys = list(value)
        assert keys == sorted(keys, key=order.index), keys
        for key, child in value.items():
            _assert_schema_order(child, schema["properties"][key])
    elif isinstance(value, list) and "items" in schema:
        for item in value:
            _assert_schema_order(item, schema["items"])


def _resolve(schema, value=None):
    while "$ref" in schema:
        schema = SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema:  # paragraphs: text (no keys), an indicator paragraph or a paragraph listing items
        branches = [_resolve(b) for b in schema["anyOf"]]
        fitting = [b for b in branches if isinstance(value, dict) and set(value) <= set(b.get("properties", {}))]
        return fitting[0] if fitting else branches[-1]
    return schema


@pytest.mark.parametrize("source", EXTRACT_CASES, ids=lambda p: p.stem)
def test_keys_follow_the_schema_order(source, tmp_path):
    extraction = extract_to_yaml(source, tmp_path)[1]
    _assert_schema_order(load_speech(tmp_path / "extracted.yaml").values, SCHEMA)
    assert list(extraction.data)[0] == "pack"


def test_source_text_is_one_paragraph_a_line(seed_txt):
    assert source_text(read_speech(seed_txt)) == seed_speech_text()


def test_report_table_from_word_is_a_table_and_the_signature_its_own(tmp_path):
    word = docx.Document()
    for line in ["呼北区统计局2025年上半年工作总结", "上半年，我局统计工作有序推进。现将有关情况总结如下。",
                 "一、主要指标完成情况", "主要经济指标完成情况表"]:
        word.add_paragraph(line)
    table = word.add_table(rows=3, cols=3)
    for r, row in enumerate([["指标", "单位", "完成值"], ["地区生产总值", "亿元", "64.8"], ["固定资产投资", "亿元", "21.3"]]):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    for line in ["二、下半年打算", "继续做好统计调查工作。", "呼北区统计局", "2025年7月8日"]:
        word.add_paragraph(line)
    path = tmp_path / "总结.docx"
    word.save(path)
    document = read_speech(path)
    extraction = extract(document, str(path), "half-year-report")
    data = extraction.data
    assert (data["issuer"], data["year"], data["period"], data["date"]) == ("呼北区统计局", 2025, "上半年", "2025年7月8日")
    assert "title" not in data  # the pack's own title, 呼北区统计局2025年上半年工作总结
    first = data["sections"][0]
    assert first["body"][1] == {"table": {"rows": [["指标", "单位", "完成值"], ["地区生产总值", "亿元", "64.8"],
                                                   ["固定资产投资", "亿元", "21.3"]]}}
    assert data["sections"][1] == {"heading": "下半年打算", "body": ["继续做好统计调查工作。"]}
    target = tmp_path / "总结.yaml"
    target.write_text(speech_yaml(extraction, ["测试"]), encoding="utf-8")
    rebuilt = "".join(line for line in rebuild(target).splitlines(keepends=True) if line.strip())
    assert rebuilt == source_text(document)


def test_year_comes_from_the_text_never_from_today(tmp_path):
    source = tmp_path / "稿.txt"
    source.write_text("在全县经济工作会议上的讲话\n（二〇二三年十二月二十日）\n同志们：\n开场。\n一、部分\n正文。\n", encoding="utf-8")
    data = extract(read_speech(source), str(source), "year-end-speech").data
    assert data["meeting"] == {"name": "全县经济工作会议", "year": 2023}  # from the date line, not today
    assert (data["date"], data["date_style"]) == ("二〇二三年十二月二十日", "chinese")

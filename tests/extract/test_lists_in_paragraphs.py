"""Enumerations inside a paragraph wherever it stands: in an item's body (一方面 inside
二是), in a section's run-in paragraph (1、2、3、), in a part's intro or closing, cut
after the first item, and a lone 1、 under （二）. Every paragraph was written for this
file in the genre's phrasing; the expected leads and texts are written by hand from it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from drafting.cli import main
from drafting.extraction.inline_lists import list_paragraph, nest_lists
from drafting.readers import read_speech
from drafting.workflow.build import Builder, render_text
from drafting.workflow.extract import extract, speech_yaml

from . import built_paragraph, extracted_and_built

HEAD = ["在全县重点工作推进会上的讲话", "同志们：", "今天召开会议，安排部署近期重点工作。", "一、抓好当前重点工作"]
FORMS = ("一是", "一要", "一方面，", "一方面", "其一，", "第一，", "1、", "（1）")


def lead_end(text: str) -> int:
    """Through the first 。；： (the reader's lead), for the module's own tests."""
    return next((i + 1 for i, ch in enumerate(text) if ch in "。；："), 0)


def extracted(tmp_path, lines):
    path = tmp_path / "讲话.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return extract(read_speech(path), str(path), "half-year-speech").data


def test_a_pair_inside_the_body_of_an_item_listed_inline(tmp_path):
    part = extracted(tmp_path, HEAD + [
        "（一）抓好班子建设。一是健全议事规则。重大事项集体研究。二是加强教育培训。一方面办好专题培训班，邀请专家授课。"
        "另一方面组织外出学习，开阔干部视野。三是严格日常管理。",
        "（二）抓好队伍建设。全年培训村干部200人次。"])["parts"][0]
    inner = part["points"][0]["body"][0]
    assert inner["enumeration"] == "一是" and [p["lead"] for p in inner["points"]] == [
        "健全议事规则。", "加强教育培训。", "严格日常管理。"]
    pair = inner["points"][1]["body"][0]
    assert pair == {"enumeration": "一方面", "points": [
        {"lead": "办好专题培训班，邀请专家授课。"}, {"lead": "组织外出学习，开阔干部视野。"}]}


def test_a_list_inside_a_sections_run_in_paragraph_keeps_its_statistics(tmp_path):
    point = extracted(tmp_path, HEAD + [
        "（一）抓好项目建设。全县实施重点项目36个。重点抓了两件事：1、建立包抓机制；2、实行月调度，"
        "全年完成投资52亿元，同比增长8.5%。",
        "（二）抓好招商引资。新签约项目12个。"])["parts"][0]["points"][0]
    listed = point["body"][0]
    assert listed["enumeration"] == "1、"
    assert listed["lead_in"]["indicators"][0]["name"] == "重点项目"
    assert listed["lead_in"]["after"] == "。重点抓了两件事："
    assert listed["points"][0] == {"lead": "建立包抓机制；"}
    second = listed["points"][1]["lead"]  # the lead runs to its 。 and holds the figure
    assert second["before"] == "实行月调度，全年" and second["after"] == "。"
    assert (second["indicators"][0]["value"], second["indicators"][0]["change"]) == (52, 8.5)
    assert "body" not in listed["points"][1]


def test_a_list_cut_after_its_first_item_at_the_end_of_an_intro(tmp_path):
    part = extracted(tmp_path, HEAD + ["今年是作风建设年，我们认真抓好机关作风整治。一是制定了机关效能考核办法，已提交党组会研究。"])["parts"][0]
    assert part["intro"] == [{"lead_in": "今年是作风建设年，我们认真抓好机关作风整治。", "enumeration": "一是",
                              "points": [{"lead": "制定了机关效能考核办法，已提交党组会研究。"}]}]


def test_a_lone_subitem_under_the_second_item(tmp_path):
    point = extracted(tmp_path, HEAD + [
        "（一）工业经济稳步增长", "规模以上工业企业达到15家。",
        "（二）农业基础不断巩固", "1、加大投入，改善农田水利条件。今冬明春再修一批渠道。"])["parts"][0]["points"][1]
    assert point["subitem_numbering"] == "1、"
    assert point["subitems"] == [{"lead": "加大投入，改善农田水利条件。", "body": ["今冬明春再修一批渠道。"]}]


def test_pasted_half_width_punctuation_ends_a_lead(tmp_path):
    closing = extracted(tmp_path, HEAD + [
        "一要抓开工。确保项目按期开工。", "二要抓投产。确保项目按期投产。",
        "在看到成绩的同时,也要看到不足,主要是:一是总量不大;二是结构不优;三是后劲不足。"])["parts"][0]["closing"][0]
    assert closing["lead_in"] == "在看到成绩的同时,也要看到不足,主要是:"
    assert [p["lead"] for p in closing["points"]] == ["总量不大;", "结构不优;", "后劲不足。"]


def test_each_form_as_a_list_inside_an_items_body(tmp_path):
    for marker, second in (("一方面，", "另一方面，"), ("其一，", "其二，"), ("（1）", "（2）"), ("第一，", "第二，")):
        point = extracted(tmp_path, HEAD + [
            f"一要抓开工。{marker}加快审批；{second}保障要素。", "二要抓投产。确保项目按期投产。"])["parts"][0]["points"][0]
        assert point["body"][0]["enumeration"] == marker, marker
        assert [p["lead"] for p in point["body"][0]["points"]] == ["加快审批；", "保障要素。"], marker


@pytest.mark.parametrize("text, before, leads", [
    ("在抓好当前工作的同时，一方面要谋划明年项目，做好储备；另一方面要争取上级资金。", "在抓好当前工作的同时，",
     ["要谋划明年项目，做好储备；", "要争取上级资金。"]),
    ("我们重点抓了三件事， 一是清理拖欠账款；二是压减一般支出；三是盘活闲置资产。", "我们重点抓了三件事， ",
     ["清理拖欠账款；", "压减一般支出；", "盘活闲置资产。"]),
    ("围绕“一带两区”布局，其一，建好产业带；其二，建强两个园区。", "围绕“一带两区”布局，", ["建好产业带；", "建强两个园区。"]),
])
def test_a_list_may_start_after_a_comma(text, before, leads):
    found = list_paragraph(text, FORMS, lead_end)
    assert found["lead_in"] == before and [p["lead"] for p in found["points"]] == leads


def test_standalone_items_the_structure_left_number_on_from_each_other():
    data = {"closing": ["存在的问题主要是：", "一是总量不大。工业规模偏小。", "二是结构不优。", "下一步要着力解决。"]}
    assert nest_lists(data, FORMS, lead_end) == [(("closing", 1), 1, "一是"), (("closing", 2), 1, "一是")]
    assert data["closing"] == [
        "存在的问题主要是：",
        {"enumeration": "一是", "points": [{"lead": "总量不大。", "body": ["工业规模偏小。"]}]},
        {"enumeration": "一是", "start": 2, "points": [{"lead": "结构不优。"}]},
        "下一步要着力解决。"]


def test_a_run_may_start_inside_the_paragraph_before():
    data = {"intro": ["上半年，我们主要做了三件事。一是抓项目建设，新开工项目加快推进。", "二是抓招商引资。", "三是抓民生保障。"]}
    nest_lists(data, FORMS, lead_end)
    assert data["intro"] == [
        {"lead_in": "上半年，我们主要做了三件事。", "enumeration": "一是", "points": [{"lead": "抓项目建设，新开工项目加快推进。"}]},
        {"enumeration": "一是", "start": 2, "points": [{"lead": "抓招商引资。"}]},
        {"enumeration": "一是", "start": 3, "points": [{"lead": "抓民生保障。"}]}]


def test_items_after_a_parts_closing_sentence(tmp_path):
    lines = HEAD + [
        "一是工业生产稳中有升。规模以上工业企业生产总体平稳。", "二是项目建设加快推进。新开工项目进度加快。",
        "在看到成绩的同时，我们也要清醒地看到存在的问题：", "一是经济总量偏小，发展不足仍是主要矛盾。", "二是产业结构不优。",
        "二、抓好下半年工作", "一要抓项目。加快项目建设进度。", "二要抓招商。加大招商引资力度。"]
    _, built = extracted_and_built(tmp_path, lines)
    assert "\n".join(lines) + "\n" in built
    part = extracted(tmp_path, lines)["parts"][0]
    assert (part["enumeration"], [p["lead"] for p in part["points"]]) == ("一是", ["工业生产稳中有升。", "项目建设加快推进。"])
    assert part["closing"] == [
        "在看到成绩的同时，我们也要清醒地看到存在的问题：",
        {"enumeration": "一是", "points": [{"lead": "经济总量偏小，发展不足仍是主要矛盾。"}]},
        {"enumeration": "一是", "start": 2, "points": [{"lead": "产业结构不优。"}]}]


@pytest.mark.parametrize("text", [
    "坚持标准统一是做好工作的前提。",  # 统一是 inside a word
    "“两增”：一是收入增，二是投资增；“三降”：一是能耗降，二是成本降，三是事故降。",  # starts again: the pack's lists cannot
    "全县排名全市第一，位次前移两位。",
])
def test_words_that_are_not_a_list_stay_words(text):
    assert list_paragraph(text, FORMS, lead_end) is None


def test_a_written_list_paragraph_prints_in_one_paragraph(tmp_path):
    draft, _ = built_paragraph(tmp_path, {
        "lead_in": "重点抓好两件事：", "enumeration": "一是", "points": [
            {"lead": "抓项目，", "body": [{"enumeration": "一方面", "points": [{"lead": "抓开工，"}, {"lead": "抓投产；"}]}]},
            {"lead": "抓招商。"}]})
    assert "重点抓好两件事：一是抓项目，一方面抓开工，另一方面抓投产；二是抓招商。\n" in render_text(draft)


def test_check_outline_and_reading_copy_work_on_lists(tmp_path):
    lines = HEAD + ["（一）抓好班子建设。一是健全议事规则。二是加强教育培训。一方面办好培训班；另一方面组织外出学习。",
                    "（二）抓好队伍建设。其一，严格考核；其二，强化激励。"]
    yaml_text, built = extracted_and_built(tmp_path, lines)
    assert "\n".join(lines) + "\n" in built
    assert "enumeration: 一方面" in yaml_text and "enumeration: 其一，" in yaml_text
    checked = CliRunner().invoke(main, ["check", str(tmp_path / "讲话.yaml")])
    assert "enumeration" not in checked.output and "lead" not in checked.output, checked.output
    copies = CliRunner().invoke(main, ["build", str(tmp_path / "讲话.yaml"), "--copy", "all"])
    assert copies.exit_code == 0, copies.output
    assert (tmp_path / "讲话.提纲.docx").exists() and (tmp_path / "讲话.阅读版.docx").exists()


def test_word_file_gives_the_same_lists(tmp_path):
    import docx

    lines = HEAD + ["（一）抓好班子建设。一是健全议事规则。二是加强教育培训。一方面办好培训班；另一方面组织外出学习。",
                    "（二）抓好队伍建设。其一，严格考核；其二，强化激励。"]
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    word.save(tmp_path / "讲话.docx")
    from_word = extract(read_speech(tmp_path / "讲话.docx"), "讲话.docx", "half-year-speech")
    assert from_word.data["parts"] == extracted(tmp_path, lines)["parts"]
    target = tmp_path / "讲话.yaml"
    target.write_text(speech_yaml(from_word, ["测试"]), encoding="utf-8")
    assert render_text(Builder().draft(target)).splitlines() == lines


def test_a_list_that_would_not_build_back_word_for_word_is_left_as_words(tmp_path, monkeypatch):
    """The last safety net: whatever a recognition gets wrong, ``draft extract`` gives a
    YAML that builds the old speech back exactly, with that recognition left out."""
    import drafting.extraction.inline_lists as inline_lists

    real = inline_lists.nest_lists

    def spoiling(data, *args):
        for found in real(data, *args):
            yield found
        listed = data["parts"][0]["points"][0]["body"][0]
        listed["points"][0]["lead"] += "多"  # a list paragraph that prints one character too many

    monkeypatch.setattr(inline_lists, "nest_lists", spoiling)
    lines = HEAD + ["（一）抓好班子建设。一是健全议事规则；二是加强教育培训；三是严格日常管理。", "（二）抓好队伍建设。全年培训村干部200人次。"]
    yaml_text, built = extracted_and_built(tmp_path, lines)
    assert "enumeration: 一是" not in yaml_text  # the list stays words …
    assert "一是健全议事规则；二是加强教育培训；三是严格日常管理。" in yaml_text
    assert "value: 200" in yaml_text  # … and nothing else is given up: the figure is still an indicator
    assert "\n".join(lines[2:]) in built

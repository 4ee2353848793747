"""Items listed in one paragraph as real speeches write them: each item's figures after
its lead sentence, a list that starts again at 一是 after a label (“三提升”：), and
statistics in the words before the list (“一稳”：……). c25 in ``corpus/`` was written for
these tests; what a reader sees in it is written out here by hand."""

from __future__ import annotations

from pathlib import Path

from drafting.extraction.genre import inline_items
from drafting.readers import read_speech
from drafting.workflow.extract import detect_pack, extract

CORPUS = Path(__file__).parent / "corpus"


def part_of(name: str, n: int) -> dict:
    path = CORPUS / f"{name}.txt"
    document = read_speech(path)
    return extract(document, str(path), detect_pack(document)).data["parts"][n]


def names(paragraph) -> list[str]:
    return [d["name"] for d in paragraph["indicators"]] if isinstance(paragraph, dict) else []


def test_a_list_that_starts_again_after_a_label():
    review = part_of("c25-inline-groups", 0)
    assert (review["enumeration"], review["layout"]) == ("一是", "inline")
    assert [p["lead"] for p in review["points"]] == [
        "工业经济量质齐增。", "有效投资稳步增加。", "消费活力提升。", "财政实力提升。", "民生水平提升。"]
    assert [p.get("new_group") for p in review["points"]] == [None, None, "“三提升”：", None, None]


def test_the_figures_of_an_inline_item_are_its_body():
    points = part_of("c25-inline-groups", 0)["points"]
    # 规上工业企业新增12家 after 。 is a statistic of its own, in the same list of figures
    assert names(points[0]["body"][0]) == ["规模以上工业总产值", "规上工业企业"]
    assert points[0]["body"][0]["indicators"][1] == {"name": "规上工业企业", "value": 12, "unit": "家", "verb": "新增"}
    assert points[0]["body"][0]["after"] == "。"
    assert points[1]["body"][0]["indicators"] == [
        {"name": "固定资产投资", "value": 58.7, "unit": "亿元", "verb": "完成", "change": 9.6, "compare": "比上年",
         "verb_first": True, "rank": 2, "rank_scope": "全市"}]
    # 分别增长6.2%和7.5%: two figures for two names cannot print back from one indicator; it stays text
    assert points[4]["body"] == ["城乡居民人均可支配收入分别增长6.2%和7.5%。"]


def test_statistics_in_the_words_before_the_list():
    lead_in = part_of("c25-inline-groups", 0)["lead_in"]
    assert lead_in["before"].endswith("“一稳”：农业生产稳。")
    assert names(lead_in) == ["粮食总产量", "生猪出栏"]
    assert lead_in["after"] == "。“两增”："


def test_an_item_of_one_sentence_has_no_body():
    work = part_of("c25-inline-groups", 1)
    assert [p["lead"] for p in work["points"]] == ["抓项目扩投资。", "抓工业强实体。", "抓改革优环境。"]
    assert work["points"][1]["body"] == ["加快工业园区扩区调规。"]
    assert "new_group" not in work["points"][1]


def test_restarts_are_told_from_words_that_hold_yishi():
    listed = inline_items("一是总量小。二是结构散。“两难”：一是融资难。二是用工难。")
    assert listed.items == ["总量小。", "结构散。", "融资难。", "用工难。"] and listed.groups == {2: "“两难”："}
    # a lone 一是 later on (no 二是 after it) does not start a list again
    listed = inline_items("一是总量小。二是结构散，一是一、二是二的作风还没形成。")
    assert listed.items == ["总量小。", "结构散，一是一、二是二的作风还没形成。"] and listed.groups == {}
    # 统一是 is a word, not a marker
    assert inline_items("一是思想要统一。二是统一是前提。").items == ["思想要统一。", "统一是前提。"]


def test_a_one_sentence_item_holding_a_figure_keeps_the_figure_in_its_lead():
    problems = part_of("c26-month-range-labels", 1)
    first = problems["points"][0]
    assert first["lead"]["before"] == "工业投资增长乏力，全区" and first["lead"]["after"] == "。"
    assert first["lead"]["indicators"] == [{"name": "工业投资", "change": -4.2}]
    assert "body" not in first
    assert problems["points"][1] == {"lead": "新增市场主体偏少，服务业支撑不足。"}

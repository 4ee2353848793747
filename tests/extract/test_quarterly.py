"""A quarter's review as county and district offices write it, read one level deeper.

The two texts (c23, c24 in ``corpus/``) were written for these tests; what a
reader sees in them is written out here by hand: items listed in the same
paragraph after words of their own (突出表现在：一是……), 一要……二要…… right under
a part heading, （一） sections whose items are inline, and statistics said the
quarterly way (比增, 比下降, 占年度计划24%, 完成年度计划23.6%, 增幅全市第一, XX).
"""

from __future__ import annotations

from pathlib import Path

from drafting.readers import read_speech
from drafting.workflow.extract import detect_pack, extract

CORPUS = Path(__file__).parent / "corpus"


def data_of(name: str) -> dict:
    path = CORPUS / f"{name}.txt"
    document = read_speech(path)
    return extract(document, str(path), detect_pack(document)).data


def statistics_in(paragraph) -> list[dict]:
    return paragraph["indicators"] if isinstance(paragraph, dict) else []


def test_a_quarter_review_is_not_a_year_end_speech():
    # 全年目标 and 上半年“双过半” are goals a quarter's review looks to
    for name in ("c23-quarter-leadin", "c24-quarter-sections-inline"):
        assert detect_pack(read_speech(CORPUS / f"{name}.txt")) == "half-year-speech"


def test_items_listed_after_words_of_their_own():
    problems = data_of("c23-quarter-leadin")["parts"][1]
    assert problems["lead_in"] == "在肯定成绩的同时，我们也要清醒地看到，当前经济运行中还有不少困难。突出表现在："
    assert (problems["enumeration"], problems["layout"]) == ("一是", "inline")
    assert [p["lead"] for p in problems["points"]] == [
        "工业增长后劲不足，新开工项目偏少。",
        "财政收支矛盾突出，刚性支出压力较大。",
        "部分干部精神状态不佳，抓落实的办法不多。",
    ]
    assert "intro" not in problems and "closing" not in problems


def test_yiyao_inline_right_under_a_part_heading():
    work = data_of("c23-quarter-leadin")["parts"][2]
    assert (work["enumeration"], work["layout"]) == ("一要", "inline") and "lead_in" not in work
    assert [p["lead"][:7] for p in work["points"]] == ["紧盯目标不放松", "狠抓项目不停步", "优化服务不缺位"]


def test_shares_without_de_and_before_the_change():
    first = data_of("c23-quarter-leadin")["parts"][0]
    assert statistics_in(first["intro"][0]) == [
        {"name": "地区生产总值", "value": 41.6, "unit": "亿元", "verb": "完成", "change": 6.2, "verb_first": True,
         "share": 23.5, "share_of": "年度计划", "share_first": True},
    ]
    industry = first["points"][0]["body"][0]
    assert industry["before"] == "全县"
    assert industry["indicators"] == [
        {"name": "规模以上工业总产值", "value": 38.2, "unit": "亿元", "verb": "完成", "change": 9.1, "verb_first": True,
         "share": 24, "share_of": "年度计划", "share_particle": "", "share_first": True,
         "separator": "。56家规模以上工业企业"},  # who the next figure is about stays text
        {"name": "产值", "value": 31.7, "unit": "亿元", "change": 10.4, "trend": "增", "compare": "比",
         "verb_first": True, "share": 23.6, "share_of": "年度计划", "share_verb": "完成", "share_particle": "",
         "share_first": True},
    ]


def test_bi_zeng_and_bi_xiajiang():
    points = data_of("c23-quarter-leadin")["parts"][0]["points"]
    investment = statistics_in(points[1]["body"][0])
    assert [(d["name"], d["change"], d["trend"], d["compare"]) for d in investment] == [
        ("固定资产投资", 12.7, "增", "比"), ("社会消费品零售总额", 5.5, "增", "比")]
    revenue = statistics_in(points[2]["body"][0])
    assert revenue == [{"name": "一般公共预算收入", "value": 2.36, "unit": "亿元", "verb": "", "change": -3.2, "compare": "比"}]


def test_sections_whose_items_are_inline():
    parts = data_of("c24-quarter-sections-inline")["parts"]
    review, work = parts
    assert [s["heading"] for s in review["sections"]] == ["从主要指标看，总体符合预期。", "从重点工作看，推进有力有序。"]
    assert review["sections"][1]["layout"] == "inline"
    assert [p["lead"] for p in review["sections"][1]["points"]] == ["项目建设提速。", "招商引资见效。", "营商环境改善。"]
    assert work["section_numbering"] == "（一）" and "points" not in work
    assert [(s["heading"], s["enumeration"], s["layout"], [p["lead"] for p in s["points"]]) for s in work["sections"]] == [
        ("要在稳工业上持续用力。", "一要", "inline", ["抓好企业服务。", "抓好技改升级。", "抓好园区建设。"]),
        ("要在扩投资上精准发力。", "一要", "inline", ["加快项目前期。", "强化要素保障。"]),
        ("要在保民生上尽心尽力。", "一要", "inline", ["稳定就业岗位。", "兜牢基本民生底线。"]),
    ]


def test_xx_placeholders_and_growth_rank():
    points = data_of("c24-quarter-sections-inline")["parts"][0]["sections"][0]["points"]
    assert statistics_in(points[0]["body"][0]) == [
        {"name": "地区生产总值", "value": "XX", "unit": "亿元", "change": "XX", "trend": "增", "compare": "比",
         "verb_first": True, "rank": "X", "rank_scope": "全市", "rank_verb": "增幅", "rank_unit": ""},
        {"name": "一般公共预算收入", "value": "XX", "unit": "亿元", "verb": "", "change": "XX", "trend": "增",
         "compare": "比"},
    ]
    assert statistics_in(points[1]["body"][0]) == [
        {"name": "高技术产业增加值", "value": "XX", "unit": "亿元", "verb": "", "change": "XX", "trend": "增",
         "compare": "比", "rank": "一", "rank_scope": "全市", "rank_verb": "增幅", "rank_unit": ""},
    ]


def test_an_enumeration_inside_a_sentence_is_not_a_list_of_items():
    from drafting.extraction.genre import inline_items_after

    assert inline_items_after("存在的不足主要是：一是总量小。二是结构散。") == (
        "存在的不足主要是：", "一是", ["总量小。", "结构散。"], {})
    assert inline_items_after("我们要求一是一、二是二，不搞变通。") is None  # 一是 after 求, not after ：or 。
    assert inline_items_after("主要是：一是总量小。") is None  # one item is no list

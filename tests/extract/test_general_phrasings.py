"""General shapes of the genre's statistics and items, each written for this file in the
genre's phrasing: a name after a place and period (城南区2024年1-6月规模以上…), after a
quoted plan (“十四五”重大项目…) or a size (5000万元以上项目…), a rate alone, a name with a
bracketed note and 突破…大关, 增长了/下降了, a comparison with a named year, lead words
(特别是…), a space before the unit alone, and items numbered 其一，其二，…. Every
expectation is written by hand from the sentence."""

from __future__ import annotations

import pytest

from drafting.model.indicators import Indicator, phrase_chain
from drafting.readers.indicators import with_indicators
from tests.extract import extracted_and_built


@pytest.mark.parametrize(
    "sentence, before, indicators",
    [
        ("城南区2024年1-6月规模以上工业总产值完成38.6亿元，同比增长7.4%。", "城南区2024年1-6月",
         [{"name": "规模以上工业总产值", "value": 38.6, "unit": "亿元", "verb": "完成", "change": 7.4}]),
        ("争取“十四五”重大项目42个，总投资315亿元。", "争取“十四五”",
         [{"name": "重大项目", "value": 42, "unit": "个", "verb": "", "separator": "，"},
          {"name": "总投资", "value": 315, "unit": "亿元", "verb": ""}]),
        # 新签约项目 is a category kept whole, and a size class is part of the noun it sorts (RULES)
        ("新签约5000万元以上项目12个，协议资金46.8亿元。", "",
         [{"name": "新签约5000万元以上项目", "value": 12, "unit": "个", "verb": "", "separator": "，"},
          {"name": "协议资金", "value": 46.8, "unit": "亿元", "verb": ""}]),
        ("当前，规上工业企业产能利用率78.2%。", "当前，",
         [{"name": "规上工业企业产能利用率", "value": 78.2, "unit": "%", "verb": ""}]),
        ("预计全年地区生产总值（GDP）突破300亿元大关，同比增长6%左右。", "预计全年",
         [{"name": "地区生产总值", "name_note": "（GDP）", "value": 300, "unit": "亿元", "verb": "突破", "value_bound": "大关",
           "change": 6, "change_bound": "左右"}]),
        ("各项贷款余额48.3亿元，比年初增长了12.6%。", "",
         [{"name": "各项贷款余额", "value": 48.3, "unit": "亿元", "verb": "", "change": 12.6, "trend": "增长了",
           "compare": "比年初"}]),
        ("万元GDP能耗同比下降了3.2%。", "",
         [{"name": "万元GDP能耗", "change": -3.2, "trend": "下降了"}]),
        ("地区生产总值比2023年同期增长9.5%。", "",
         [{"name": "地区生产总值", "change": 9.5, "compare": "比2023年同期"}]),
        ("特别是高新技术产业增加值占比达到28.4%。", "特别是",
         [{"name": "高新技术产业增加值占比", "value": 28.4, "unit": "%", "verb": "达到"}]),
        ("技术改造投资4620 万元，同比增长1.35倍。", "",
         [{"name": "技术改造投资", "value": 4620, "unit": "万元", "verb": "", "change": 1.35, "change_unit": "倍",
           "unit_spaced": True}]),
        ("全县粮食总产量达到12.6万吨，比上年增加0.4万吨。", "全县",
         [{"name": "粮食总产量", "value": 12.6, "unit": "万吨", "verb": "达到", "change": 0.4, "trend": "增加",
           "change_unit": "万吨", "compare": "比上年"}]),
        ("今年，列入省级重点的项目共9个，总投资86亿元。", "今年，",
         [{"name": "列入省级重点的项目", "value": 9, "unit": "个", "verb": "共", "separator": "，"},
          {"name": "总投资", "value": 86, "unit": "亿元", "verb": ""}]),
        ("全年新增城镇就业1200余人，新建农村公路126公里。", "全年",
         [{"name": "城镇就业", "value": 1200, "unit": "余人", "verb": "新增", "verb_first": True, "separator": "，"},
          {"name": "农村公路", "value": 126, "unit": "公里", "verb": "新建", "verb_first": True}]),
        ("累计铺设污水管网38千米，培育规上企业50多家。", "累计",
         [{"name": "污水管网", "value": 38, "unit": "千米", "verb": "铺设", "verb_first": True, "separator": "，"},
          {"name": "规上企业", "value": 50, "unit": "多家", "verb": "培育", "verb_first": True}]),
        ("规上工业增加值同比增长8.2%，增速高于全省平均水平1.6个百分点。", "",
         [{"name": "规上工业增加值", "change": 8.2, "gap": 1.6, "gap_of": "全省平均水平", "gap_verb": "增速高于"}]),
        ("地区生产总值同比增长7.3%，排全市第4位。", "",
         [{"name": "地区生产总值", "change": 7.3, "rank": 4, "rank_scope": "全市", "rank_verb": "排"}]),
        # 接待 is the verb, 游客 the name (RULES, batch 4: r70's 接待 客商)
        ("全县旅游收入超12亿元，接待游客近300万人次。", "全县",
         [{"name": "旅游收入", "value": 12, "unit": "亿元", "verb": "超", "separator": "，接待"},
          {"name": "游客", "value": 300, "unit": "万人次", "verb": "近"}]),
    ],
)
def test_general_statistic_shapes_print_back(sentence, before, indicators):
    found = with_indicators(sentence)
    assert found.get("before", "") == before
    assert found["indicators"] == indicators
    printed = before + "".join(phrase_chain([Indicator.from_data(d) for d in indicators]))
    assert printed + found["after"] == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "二季度增长6.1%，增速回升。",  # a period alone is when, not what
        "我们增长5.6%，高于预期。",  # a pronoun is whose, not what
        "上半年，经济增长5.8%，四季度增长6.4%。",
    ],
)
def test_a_period_or_a_pronoun_is_no_name(sentence):
    found = with_indicators(sentence)
    names = [] if isinstance(found, str) else [d["name"] for d in found["indicators"]]
    assert not {"二季度", "四季度", "我们"} & set(names)


def test_a_change_said_twice_is_a_further_clause_of_the_same_statistic():
    # 比2022年同期增长… after the change and the gap is a second change of the same statement
    # (RULES: it belongs to that statement): one indicator, the clause kept in ``then``, in order
    found = with_indicators("全市地区生产总值同比增长8.1%，高于全省1.2个百分点，比2022年同期增长13.6%。")
    assert found["indicators"] == [{"name": "地区生产总值", "change": 8.1, "gap": 1.2, "gap_of": "全省",
                                    "then": [{"change": 13.6, "compare": "比2022年同期"}]}]
    assert found["after"] == "。"


def test_the_new_shapes_build_back_through_the_yaml(tmp_path):
    """unit_spaced, 大关, 增长了 and a bracketed name survive the YAML and the pack's template."""
    from drafting.source.yaml_writer import write_yaml
    from drafting.workflow.build import Builder, render_text

    text = ("预计全年地区生产总值（GDP）突破300亿元大关，同比增长6%左右；各项贷款余额48.3亿元，比年初增长了12.6%；"
            "技术改造投资4620 万元，同比增长1.35倍。")
    found = with_indicators(text)
    assert len(found["indicators"]) == 3
    speech = {"pack": "half-year-speech", "meeting": {"name": "测试", "year": 2025},
              "parts": [{"heading": "经济运行", "intro": [found]}]}
    path = tmp_path / "speech.yaml"
    path.write_text(write_yaml(speech, {}, []), encoding="utf-8")
    assert text in render_text(Builder().draft(path)).splitlines()


@pytest.mark.parametrize("comma", ["，", ","])
def test_items_numbered_qi_yi_are_read_and_rebuild(tmp_path, comma):
    part = (f"今年的任务之所以这样定，有三点考虑。其一{comma}是落实上级部署的必然要求；其二{comma}是补齐发展短板的现实需要；"
            f"其三{comma}是回应群众期盼的具体行动。")
    lines = ["同志们：", "下面，我讲两点意见。", "一、统一思想", part, "二、抓好落实", "同志们，让我们共同努力。"]
    yaml_text, built = extracted_and_built(tmp_path, lines)
    for lead in ("是落实上级部署的必然要求", "是补齐发展短板的现实需要", "是回应群众期盼的具体行动"):
        assert lead in yaml_text
    assert f"其一{comma}" in yaml_text  # the numbering is data, the items are not one paragraph of text
    assert f"其二{comma}是补齐" not in yaml_text
    assert part in built


@pytest.mark.parametrize(
    "text, items",
    [
        ("一是稳投资，力争“开门红”。二是促消费！三是拓外贸。", ["稳投资，力争“开门红”。", "促消费！", "拓外贸。"]),
        # a page flattened into one paragraph keeps a space after each sentence
        ("一是稳投资。 二是促消费。 三是拓外贸。", ["稳投资。 ", "促消费。 ", "拓外贸。"]),
    ],
)
def test_inline_items_after_an_exclamation_or_a_space(text, items):
    from drafting.extraction.genre import inline_items

    found = inline_items(text)
    assert found is not None and found.items == items


def test_a_marker_inside_a_word_is_no_item():
    from drafting.extraction.genre import inline_items

    found = inline_items("一是坚持全县一盘棋，统一是前提。二是压实责任。")
    assert found.items == ["坚持全县一盘棋，统一是前提。", "压实责任。"]


def test_items_numbered_with_a_full_width_point_are_items(tmp_path):
    # 1． (full-width point) is how many offices type 1.; 1．5亿元 would be a figure
    lines = ["同志们：", "下面，我讲两点意见。", "一、看清形势", "上半年，全县经济稳中有进。",
             "1．工业生产稳步回升。规上企业新增5家。", "2．项目建设提速推进。新开工项目12个。",
             "二、抓好落实", "同志们，让我们共同努力。"]
    yaml_text, built = extracted_and_built(tmp_path, lines)
    assert "1．" in yaml_text and "工业生产稳步回升。" in yaml_text and "2．项目" not in yaml_text
    assert "2．项目建设提速推进。新开工项目12个。" in built


def test_a_full_width_percent_is_kept_through_the_yaml(tmp_path):
    """6.8％ as Word documents often type the per cent sign: read, and built back as written."""
    from drafting.source.yaml_writer import write_yaml
    from drafting.workflow.build import Builder, render_text

    text = "全县地区生产总值完成86.4亿元，同比增长6.8％；城镇登记失业率控制在3.2％以内。"
    found = with_indicators(text)
    assert found["indicators"] == [
        {"name": "地区生产总值", "value": 86.4, "unit": "亿元", "verb": "完成", "change": 6.8, "change_unit": "％"},
        {"name": "城镇登记失业率", "value": 3.2, "unit": "％", "verb": "控制在", "value_bound": "以内"},
    ]
    speech = {"pack": "half-year-speech", "meeting": {"name": "测试", "year": 2025},
              "parts": [{"heading": "经济运行", "intro": [found]}]}
    path = tmp_path / "speech.yaml"
    path.write_text(write_yaml(speech, {}, []), encoding="utf-8")
    assert text in render_text(Builder().draft(path)).splitlines()

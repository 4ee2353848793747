import pytest

from drafting.readers.indicators import with_indicators
from drafting.model.indicators import Indicator, phrase_indicator


def rebuilt(paragraph):
    """What the template prints for a paragraph: before + indicators joined by ； + after."""
    if isinstance(paragraph, str):
        return paragraph
    clauses = "；".join(phrase_indicator(Indicator.from_data(d)) for d in paragraph["indicators"])
    return paragraph.get("before", "") + clauses + paragraph.get("after", "")


def test_the_seeds_statistics():
    text = "上半年，地区生产总值实现X万元，同比下降X%；固定资产投资同比增长X%。负增长指标降幅收窄。"
    found = with_indicators(text)
    assert found == {
        "before": "上半年，",
        "indicators": [
            {"name": "地区生产总值", "value": "X", "unit": "万元", "change": "X", "trend": "下降"},
            {"name": "固定资产投资", "change": "X", "trend": "增长"},
        ],
        "after": "。负增长指标降幅收窄。",
    }
    assert rebuilt(found) == text


def test_numbers_verbs_comparisons_and_flat():
    text = "地区生产总值实现12.3亿元，同比增长4.5%；财政收入完成3.20亿元，较去年同期下降2个百分点；社零总额与上年同期持平。"
    found = with_indicators(text)
    assert [d["name"] for d in found["indicators"]] == ["地区生产总值", "财政收入", "社零总额"]
    assert found["indicators"][0]["value"] == 12.3 and found["indicators"][0]["change"] == 4.5
    assert found["indicators"][1]["value"] == "3.20"  # 3.2 would print without the 0
    assert found["indicators"][1]["change"] == -2 and found["indicators"][2]["trend"] == "持平"
    assert rebuilt(found) == text


@pytest.mark.parametrize(
    "text",
    [
        "全年完成投资X万元的核酸检测实验室建设。",  # 完成 followed by a word, not a figure
        "产值同比增长0%。",  # would print as 与上年同期持平
        "拉动居民消费X万元。",
        "新兴产业增加值占比提高到X%。",
        "",
    ],
)
def test_what_would_not_print_back_stays_text(text):
    assert with_indicators(text) == text


@pytest.mark.parametrize(
    "text, names",
    [
        # the 增速 clause is a further change of the same statement (RULES), no statistic of its own
        ("上半年，全县实现地区生产总值26.7亿元，增长13.3%，增速比一季度提高1.5个百分点。", ["地区生产总值"]),
        ("国内生产总值19.5亿元，增长15.6%。", ["国内生产总值"]),
        ("完成全社会固定资产投资31.6亿元，同比增长57.8%，占全年计划的67%，居全市第3位。", ["全社会固定资产投资"]),
        ("社会消费品零售总额比上年同期下降2.1%；规上工业增加值增长1.82倍；财政收入与上年持平。",
         ["社会消费品零售总额", "规上工业增加值", "财政收入"]),
        ("一般公共预算收入完成5.2亿元，同比增长8.1%，其中税收收入3.1亿元，增长6.5%。", ["一般公共预算收入", "税收收入"]),
    ],
)
def test_real_speech_phrasings_print_back(text, names):
    from drafting.model.indicators import phrase_chain

    found = with_indicators(text)
    assert [d["name"] for d in found["indicators"]] == names
    chain = "".join(phrase_chain([Indicator.from_data(d) for d in found["indicators"]]))
    assert found.get("before", "") + chain + found.get("after", "") == text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全镇完成工业产值8.6亿元，比增7.3%。",
         {"before": "全镇", "indicators": [{"name": "工业产值", "value": 8.6, "unit": "亿元", "verb": "完成", "change": 7.3,
                                          "trend": "增", "compare": "比", "verb_first": True}], "after": "。"}),
        ("进出口总额1.2亿美元，比下降6.5%。",
         {"indicators": [{"name": "进出口总额", "value": 1.2, "unit": "亿美元", "verb": "", "change": -6.5,
                          "compare": "比"}], "after": "。"}),
        ("预计全年完成投资20亿元，占年度计划21%，同比增长4%。",
         {"before": "预计全年", "indicators": [{"name": "投资", "value": 20, "unit": "亿元", "verb": "完成", "change": 4,
                                            "verb_first": True, "share": 21, "share_of": "年度计划", "share_particle": "",
                                            "share_first": True}], "after": "。"}),
        ("38家重点企业实现营业收入16.4亿元，完成年度目标25.1%。",
         {"before": "38家重点企业", "indicators": [{"name": "营业收入", "value": 16.4, "unit": "亿元", "verb_first": True,
                                                 "share": 25.1, "share_of": "年度目标", "share_verb": "完成",
                                                 "share_particle": ""}], "after": "。"}),
        ("财政总收入XX亿元，比增XX%，增幅全市第XX。",
         {"indicators": [{"name": "财政总收入", "value": "XX", "unit": "亿元", "verb": "", "change": "XX", "trend": "增",
                          "compare": "比", "rank": "XX", "rank_scope": "全市", "rank_verb": "增幅", "rank_unit": ""}],
          "after": "。"}),
    ],
)
def test_quarterly_phrasings(text, expected):
    found = with_indicators(text)
    assert found == expected
    assert rebuilt(found) == text


@pytest.mark.parametrize(
    "text",
    [
        "今年比增长速度更重要的是质量。",  # 比 compares words, no figure follows
        "增幅较上季度有所收窄，位次前移。",
        "查处并整改隐患12处。",  # an action joined on to another, not a statistic with its subject before it
        "项目完成年度计划的一半以上。",
        "占比达到历史最好水平，增幅全市领先。",
    ],
)
def test_quarterly_words_that_are_not_statistics_stay_text(text):
    assert with_indicators(text) == text

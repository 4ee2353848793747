import pytest

from drafting.model.indicators import Indicator, format_number, phrase_indicator


@pytest.mark.parametrize(
    "data, text",
    [
        ({"name": "地区生产总值", "value": 12.3, "unit": "亿元", "change": 4.5}, "地区生产总值实现12.3亿元，同比增长4.5%"),
        ({"name": "地区生产总值", "value": 26.7, "unit": "亿元", "change": -3}, "地区生产总值实现26.7亿元，同比下降3%"),
        ({"name": "税收收入", "value": 5, "unit": "万元", "change": 0}, "税收收入实现5万元，与上年同期持平"),
        ({"name": "固定资产投资", "trend": "增长"}, "固定资产投资同比增长X%"),
        ({"name": "地区生产总值", "unit": "万元", "trend": "下降"}, "地区生产总值实现X万元，同比下降X%"),
        ({"name": "利用外资", "change": 1.82, "change_unit": "倍"}, "利用外资同比增长1.82倍"),
        ({"name": "失业率", "change": -2, "change_unit": "个百分点", "compare": "较去年同期"}, "失业率较去年同期下降2个百分点"),
        ({"name": "产值", "value": 1.005, "unit": "亿元", "verb": "完成"}, "产值完成1.01亿元"),
    ],
)
def test_phrase(data, text):
    assert phrase_indicator(Indicator.from_data(data)) == text


def test_placeholder_callback_names_each_field():
    seen = []
    phrase_indicator(Indicator.from_data({"name": "a", "unit": "元", "trend": "下降"}), seen.append)
    assert seen == ["value", "change"]


def test_numbers_keep_at_most_two_decimals():
    assert format_number(12.30) == "12.3"
    assert format_number(1000000) == "1000000"
    assert format_number(None) == "X"


@pytest.mark.parametrize(
    "value, text",
    [(12345678901234567890123456789, "12345678901234567890123456789"), (1.5e30, "1" + "5" + "0" * 29),
     (-2.675, "-2.68"), (100, "100")],
)
def test_numbers_past_decimals_default_precision_are_printed_whole(value, text):
    assert format_number(value) == text


def test_indicator_cells_for_a_table():
    from drafting.model.indicators import indicator_cells

    reported = []
    cells = lambda **kw: indicator_cells(Indicator.from_data({"name": "甲", **kw}), reported.append)  # noqa: E731
    assert cells(value=12.30, unit="亿元", change=4.5) == ["甲", "亿元", "12.3", "4.5"]
    assert cells(value=5, unit="万元", change=-3) == ["甲", "万元", "5", "-3"]
    assert cells(value=1, trend="持平") == ["甲", "", "1", "0"]
    assert cells(value=1, change=2, change_unit="个百分点") == ["甲", "", "1", "2个百分点"]
    assert cells(value=1, change=5, change_to=6) == ["甲", "", "1", "5—6"]  # a range keeps its upper end
    assert cells(value=1, change=-1, change_to=-2, change_range="～") == ["甲", "", "1", "-1～-2"]
    assert reported == []
    assert cells(trend="下降") == ["甲", "", "X", "-X"]
    assert reported == ["change", "value"]


def test_a_change_that_rounds_to_zero_is_flat():
    # “同比下降0%” would be wrong: the printed figure decides the wording
    assert phrase_indicator(Indicator.from_data({"name": "产值", "change": -0.001})) == "产值与上年同期持平"
    assert phrase_indicator(Indicator.from_data({"name": "产值", "change": 0.005})) == "产值同比增长0.01%"


@pytest.mark.parametrize(
    "data, text",
    [
        ({"name": "地区生产总值", "value": 26.7, "unit": "亿元", "verb_first": True, "change": 13.3, "compare": ""},
         "实现地区生产总值26.7亿元，增长13.3%"),
        ({"name": "国内生产总值", "value": 19.5, "unit": "亿元", "verb": "", "change": 15.6, "compare": ""},
         "国内生产总值19.5亿元，增长15.6%"),
        ({"name": "增速", "change": 1.5, "trend": "提高", "change_unit": "个百分点", "compare": "比一季度"},
         "增速比一季度提高1.5个百分点"),
        ({"name": "投资", "value": 31.6, "unit": "亿元", "verb": "完成", "share": 67, "share_of": "全年计划"},
         "投资完成31.6亿元，占全年计划的67%"),
        ({"name": "增速", "rank": 3, "rank_scope": "全市"}, "增速居全市第3位"),
        ({"name": "财政收入", "trend": "持平", "compare": "与上年"}, "财政收入与上年持平"),
        ({"name": "城镇登记失业率", "change": -0.3, "trend": "回落", "change_unit": "个百分点", "compare": "比上年"},
         "城镇登记失业率比上年回落0.3个百分点"),
        ({"name": "项目", "share": "X", "share_of": "全年任务"}, "项目占全年任务的X%"),
    ],
)
def test_phrase_real_speech_shapes(data, text):
    assert phrase_indicator(Indicator.from_data(data)) == text


def test_a_chain_says_its_own_separators():
    from drafting.model.indicators import phrase_chain

    chain = [Indicator.from_data({"name": "甲", "change": 1, "separator": "，其中"}), Indicator.from_data({"name": "乙", "change": 2}),
             Indicator.from_data({"name": "丙", "change": -3})]
    assert "".join(phrase_chain(chain)) == "甲同比增长1%，其中乙同比增长2%；丙同比下降3%"


@pytest.mark.parametrize(
    "data, text",
    [
        ({"name": "工业总产值", "value": 52.7, "unit": "亿元", "verb": "完成", "verb_first": True, "change": 9,
          "share": 23, "share_of": "年度计划", "share_particle": "", "share_first": True},
         "完成工业总产值52.7亿元，占年度计划23%，同比增长9%"),
        ({"name": "税收", "value": 3, "unit": "亿元", "share": 30, "share_of": "年度计划", "share_verb": "完成",
          "share_particle": "", "change": 2.5, "trend": "增", "compare": "比"},
         "税收实现3亿元，比增2.5%，完成年度计划30%"),
        ({"name": "出口额", "change": -4, "compare": "比"}, "出口额比下降4%"),
        ({"name": "工业产值", "value": "XX", "unit": "亿元", "verb": "", "change": "XX", "trend": "增", "compare": "比",
          "rank": "一", "rank_scope": "全市", "rank_verb": "增幅", "rank_unit": ""},
         "工业产值XX亿元，比增XX%，增幅全市第一"),
        ({"name": "进出口总额", "rank": 5, "rank_scope": "全省", "rank_verb": "排名", "rank_unit": "名"},
         "进出口总额排名全省第5名"),
    ],
)
def test_phrase_quarterly_shapes(data, text):
    assert phrase_indicator(Indicator.from_data(data)) == text


def test_every_run_of_x_is_reported_as_a_placeholder():
    seen = []
    data = {"name": "产值", "value": "XX", "unit": "亿元", "change": "XXX", "trend": "降", "compare": "比"}
    assert phrase_indicator(Indicator.from_data(data), seen.append) == "产值实现XX亿元，比降XXX%"
    assert seen == ["value", "change"]


def test_typed_xx_stays_as_the_writer_wrote_it():
    from drafting.model.indicators import read_figure

    assert read_figure("XX", "亿元") == "XX" and read_figure("X", "%") == "X"
    assert read_figure("xx", "亿元") == "X" and read_figure("××", "亿元") == "X"  # other spellings read as X

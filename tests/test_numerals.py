import pytest

from drafting.model.numerals import chinese_numeral, enumeration_marker, format_date


@pytest.mark.parametrize(
    "n, text",
    [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九"),
     (100, "一百"), (105, "一百零五"), (110, "一百一十"), (1001, "一千零一"), (10000, "一万")],
)
def test_chinese_numeral(n, text):
    assert chinese_numeral(n) == text


@pytest.mark.parametrize(
    "form, n, marker",
    [("一是", 3, "三是"), ("一要", 12, "十二要"), ("第一，", 2, "第二，"), ("第一、", 10, "第十、"),
     ("（一）", 4, "（四）"), ("第一句话，", 2, "第二句话，"), ("1.", 7, "7."), ("（1）", 11, "（11）"), ("none", 5, "")],
)
def test_enumeration_marker(form, n, marker):
    assert enumeration_marker(form, n) == marker


def test_dates():
    assert format_date("2025-07-15") == "2025年7月15日"
    assert format_date("2025年7月5日", "chinese") == "二〇二五年七月五日"
    assert format_date("2020-10-30", "chinese") == "二〇二〇年十月三十日"
    assert format_date("二〇二五年七月十五日") == "二〇二五年七月十五日"


def test_parse_count_reads_what_chinese_numeral_writes():
    from drafting.model.numerals import chinese_numeral, parse_count

    assert [parse_count(chinese_numeral(n)) for n in (1, 3, 10, 12, 20, 99)] == [1, 3, 10, 12, 20, 99]
    assert parse_count("两") == 2 and parse_count("第") is None

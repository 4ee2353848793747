"""Errors for broken YAML, wrong types, missing fields and unknown keys: each names line and field."""

import pytest

from drafting.workflow.build import Builder
from drafting.errors import DataError, SchemaError

from .conftest import MINIMAL


def problems(write_yaml, text):
    with pytest.raises(SchemaError) as info:
        Builder().draft(write_yaml(text))
    return {(p.location.line, p.location.field): p.message for p in info.value.problems}


def test_broken_yaml_names_line_and_column(write_yaml):
    with pytest.raises(DataError) as info:
        Builder().draft(write_yaml("meeting:\n  name: 会议\n year: 2025\n"))
    assert info.value.location.line == 3
    assert "YAML 语法错误" in str(info.value)


def test_a_tab_used_to_indent_is_named_as_the_problem(write_yaml):
    with pytest.raises(DataError) as info:
        Builder().draft(write_yaml("meeting:\n\tname: 会议\n"))
    assert (info.value.location.line, info.value.location.column) == (2, 1)
    assert "不能用 Tab 键缩进" in str(info.value)


def test_wrong_types_all_at_once(write_yaml):
    text = MINIMAL.replace("year: 2025", "year: 二〇二五").replace("          - 正文一。", "          正文一。")
    found = problems(write_yaml, text)
    assert found[(4, "meeting.year")].startswith("年份应为整数")
    assert "应为列表" in found[(10, "parts[0].points[0].body")]


def test_missing_required_field(write_yaml):
    found = problems(write_yaml, MINIMAL.replace("      - lead: 要点一。\n", "      - x: 1\n"))
    assert any("缺少必填项：lead" in m for m in found.values())
    assert (8, "parts[0].points[0]") in found or (8, "parts[0].points[0].x") in found


def test_unknown_key_names_the_key_line(write_yaml):
    found = problems(write_yaml, MINIMAL.replace("  year: 2025\n", "  year: 2025\n  yaer: 2024\n"))
    assert "未知的键“yaer”" in found[(5, "meeting.yaer")]


def test_enum_lists_the_options(write_yaml):
    found = problems(write_yaml, MINIMAL.replace("    points:", "    enumeration: 其一\n    points:"))
    assert "一是、一要" in found[(7, "parts[0].enumeration")]


def test_indicator_of_wrong_shape(write_yaml):
    text = MINIMAL.replace("          - 正文一。", "          - indicators:\n              - value: 3\n")
    found = problems(write_yaml, text)
    assert any("缺少必填项：name" in m for (line, field), m in found.items() if field.endswith("indicators[0]"))


@pytest.mark.parametrize("date", ["2025-13-45", "2025年2月29日", "二〇二五年二月三十日"])
def test_a_date_that_does_not_exist_names_its_line(write_yaml, date):
    found = problems(write_yaml, MINIMAL.replace("parts:", f"date: {date}\nparts:"))
    assert found[(5, "date")] == f"日期“{date}”不存在，请核对年、月、日"


def test_real_dates_in_every_form_pass(write_yaml):
    for date in ("2024-02-29", "2024年2月29日", "二〇二四年二月二十九日"):
        Builder().draft(write_yaml(MINIMAL.replace("parts:", f"date: {date}\nparts:")))

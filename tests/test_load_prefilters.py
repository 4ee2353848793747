"""The loader's checks over the whole text before composing YAML take quick
paths (a search that can skip ahead, a look for single characters); they must
answer as the plain definitions do."""

import re

import pytest
from hypothesis import given, strategies as st

from drafting.errors import DataError
from drafting.source import yaml_loader as data
from drafting.source.yaml_loader import normalize_newlines, parse_speech


def _could_nest_by_definition(text: str) -> bool:
    flow = text.count("[") + text.count("{")
    room = (data.MAX_DEPTH - 2 - flow) // 2
    return room < 1 or re.search(f"^[ ?\\-]{{{room},}}", text, re.M) is not None


@given(st.lists(st.sampled_from([" " * 8, "- ", "? ", "-", " ", "\n", "a: ", "x", "[", "{"]), max_size=120).map("".join))
def test_the_depth_bound_is_the_definitions(text):
    assert data._may_nest_deeply(text) == _could_nest_by_definition(text)


@pytest.mark.parametrize("at_start", [True, False])
def test_a_deep_indent_on_the_first_line_or_a_later_one_is_seen(at_start):
    deep = " " * 40 + "- x\n"
    text = deep + "a: 1\n" if at_start else "a: 1\n" + deep
    assert data._may_nest_deeply(text)


@pytest.mark.parametrize("mark", ["\x85", "\u2028", "\u2029"])
def test_a_foreign_line_break_is_still_refused_at_its_line(mark):
    text = f"title: 讲话\nopening:\n  - 同志们{mark}好\n"
    with pytest.raises(DataError) as refused:
        parse_speech(text.encode("utf-8"), "讲话.yaml")
    assert refused.value.location.line == 3
    assert f"U+{ord(mark):04X}" in refused.value.message


@given(st.text(alphabet="\r\n甲 ", max_size=30))
def test_line_ends_become_lf_as_defined(text):
    assert normalize_newlines(text) == text.replace("\r\n", "\n").replace("\r", "\n")

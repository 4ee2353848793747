import pytest

from drafting.model.counting import SPEAKING_RATE, count_characters, is_han, speaking_minutes


def test_only_chinese_characters_are_counted():
    assert count_characters("同比增长4.5%，总体平稳。") == 8
    assert count_characters("二〇二五年，X书记、NX口罩") == 9  # 〇 counts; X, N, digits do not
    assert count_characters("𪚥") == 1 and count_characters(" \u3000，。“”abc") == 0


def test_is_han_means_an_ideograph():
    assert is_han("中") and is_han("𪚥") and not is_han("〇") and not is_han("X")


def test_minutes_round_up_and_never_zero_for_words():
    assert SPEAKING_RATE == 220
    assert speaking_minutes(0) == 0
    assert speaking_minutes(1) == 1
    assert speaking_minutes(220) == 1
    assert speaking_minutes(221) == 2


from hypothesis import given, strategies as st  # noqa: E402


# the edges of every counted range, and what lies just outside them: the quick
# count reads UTF-16 high bytes, and U+4DC0–U+4DFF (hexagrams) share one with 㐀–䶿
_EDGES = "\u3006\u3007\u3008\u33ff\u3400\u4d00\u4dbf\u4dc0\u4dff\u4e00\u9fff\ua000\uf8ff\uf900\ufaff\ufb00"
_EDGES += "\U0001ffff\U00020000\U0003134f\U00031350\ud800\udfff"


@given(st.text(alphabet=st.sampled_from("一〇㐀龥豈𠀀𱍊X x1。，A\n\t" + _EDGES) | st.characters(), max_size=80))
def test_count_is_the_characters_the_definition_counts(text):
    """The fast count agrees with the definition, character by character."""
    import re

    from drafting.model.counting import count_characters, is_counted

    definition = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
    assert count_characters(text) == sum(1 for ch in text if definition.fullmatch(ch))
    assert all(is_counted(ch) == bool(definition.fullmatch(ch)) for ch in text)


@pytest.mark.parametrize("edge", list(_EDGES))
def test_each_edge_of_the_counted_ranges_in_chinese_text(edge):
    import re

    definition = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
    counted = 1 if definition.fullmatch(edge) else 0
    assert count_characters(edge) == counted
    assert count_characters(f"上半年，{edge}全市经济运行总体平稳。" * 3) == 3 * (13 + counted)  # 上半年全市经济运行总体平稳: 13

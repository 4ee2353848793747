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


@given(st.text(alphabet=st.sampled_from("一〇㐀龥豈𠀀𱍊X x1。，A\n\t") | st.characters(), max_size=80))
def test_count_is_the_characters_the_definition_counts(text):
    """The fast count agrees with the definition, character by character."""
    import re

    from drafting.model.counting import count_characters, is_counted

    definition = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
    assert count_characters(text) == sum(1 for ch in text if definition.fullmatch(ch))
    assert all(is_counted(ch) == bool(definition.fullmatch(ch)) for ch in text)

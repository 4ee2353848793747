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

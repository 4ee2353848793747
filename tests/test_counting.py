from drafting.counting import SPEAKING_RATE, spoken_characters, whole_minutes


def test_punctuation_and_spaces_take_no_time():
    assert spoken_characters("同比增长4.5%，总体平稳。") == 10  # 同比增长 4 5 总体平稳
    assert spoken_characters(" \u3000，。“”") == 0


def test_minutes_round_half_up_and_never_zero_for_words():
    assert SPEAKING_RATE == 220
    assert whole_minutes(0) == 0
    assert whole_minutes(1) == 1
    assert whole_minutes(329) == 1  # 1.495 minutes
    assert whole_minutes(330) == 2  # 1.5 minutes
    assert whole_minutes(1852) == 8

import pytest

from drafting.source.yaml_loader import parse_speech
from drafting.errors import SchemaError
from drafting.model.pinyin import Annotator, common_characters, is_uncommon
from drafting.source.pronunciations import read_pronunciations


def test_the_common_list_is_level_one_of_the_general_standard_table():
    common = common_characters()
    assert len(common) == 3500
    # level 1 ends with 矗; 乂, the first character of level 2, is not in it
    assert "矗" in common and "乂" not in common
    # in level 1 of 通用规范汉字表 but only in level 2 of GB 2312 (so not GB 2312 level 1)
    assert {"尴", "尬", "啰", "嗦"} <= common


def test_uncommon_means_a_han_character_outside_the_list():
    assert is_uncommon("锶") and is_uncommon("黜") and is_uncommon("𪚥")
    assert not is_uncommon("的")
    assert not any(is_uncommon(ch) for ch in "X%，。a1〇")


def test_uncommon_characters_get_their_reading_in_context():
    annotation = Annotator().annotate("罢黜旧规，亟待解决，锶矿泉水")
    assert [s for s in annotation.segments if s[1]] == [("黜", "chù"), ("亟", "jí"), ("锶", "sī")]
    assert "".join(text for text, _ in annotation.segments) == "罢黜旧规，亟待解决，锶矿泉水"
    assert annotation.missing == []


def test_a_character_without_a_known_reading_is_reported_not_annotated():
    annotation = Annotator().annotate("的\U00030000的")
    assert annotation.segments == [("的\U00030000的", "")]
    assert annotation.missing == ["\U00030000"]


def test_pronunciations_win_by_longest_match_and_annotate_common_characters_too():
    annotator = Annotator({"都": ("dōu",), "郫都": ("pí", "dū")})
    annotated = [s for s in annotator.annotate("郫都区大家都来").segments if s[1]]
    assert annotated == [("郫", "pí"), ("都", "dū"), ("都", "dōu")]


def test_pronunciations_override_the_library_reading():
    assert ("郫", "pí") in Annotator().annotate("郫都").segments  # 郫 is uncommon
    assert [s for s in Annotator().annotate("郫都").segments if s[1]] == [("郫", "pí")]
    fixed = Annotator({"郫都": ("pí", "dū")}).annotate("郫都").segments
    assert fixed == [("郫", "pí"), ("都", "dū")]


def _speech(text):
    return parse_speech(text.encode("utf-8"), "speech.yaml")


def test_pronunciations_are_read_one_syllable_a_character():
    speech = _speech("pronunciations:\n  呼玛: hū mǎ\n")
    assert read_pronunciations(speech) == {"呼玛": ("hū", "mǎ")}
    assert read_pronunciations(_speech("meeting: {}\n")) == {}


def test_wrong_syllable_count_names_line_and_field():
    speech = _speech("pronunciations:\n  呼玛: hū mǎ\n  大兴安岭: dà xīng ān\n  郫都: 皮 dū\n")
    with pytest.raises(SchemaError) as error:
        read_pronunciations(speech)
    message = str(error.value)
    assert "speech.yaml:3:" in message and "pronunciations.大兴安岭" in message
    assert "4 个字" in message and "3 个音节" in message
    assert "speech.yaml:4:" in message and "“皮”不是拼音音节" in message

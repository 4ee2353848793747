"""The writer's own readings of names and places (``pronunciations:``), checked.

Apart from ``model.pinyin`` (the reading copy's annotator, its character list and
pypinyin): every build reads this map, few print a reading copy.
"""

from __future__ import annotations

import re

from drafting.errors import Problem, SchemaError
from drafting.source.yaml_loader import SpeechData

PRONUNCIATIONS_KEY = "pronunciations"
# One pinyin syllable with tone marks (or none, for the neutral tone); compiled
# by re's own cache on first use: most speeches list no readings.
_SYLLABLE = "[a-zA-Zāáǎàōóǒòēéěèīíǐìūúǔùüǖǘǚǜńňǹḿ]+"


def read_pronunciations(speech: SpeechData) -> dict[str, tuple[str, ...]]:
    """The ``pronunciations:`` map of a validated speech, one syllable a character.

    The schema has checked the types; this checks that each word has as many
    syllables as characters and that each syllable is pinyin.
    """
    values = speech.values.get(PRONUNCIATIONS_KEY) if isinstance(speech.values, dict) else None
    if not values:
        return {}
    words: dict[str, tuple[str, ...]] = {}
    problems: list[Problem] = []
    for word, reading in values.items():
        syllables = tuple(str(reading).split())
        location = speech.source.locate((PRONUNCIATIONS_KEY, word))
        if len(syllables) != len(word):
            problems.append(Problem(
                location,
                f"“{word}”有 {len(word)} 个字，读音“{reading}”却有 {len(syllables)} 个音节；"
                "请每个字写一个音节，用空格分开，如 呼玛: hū mǎ",
            ))
        elif bad := [s for s in syllables if not re.fullmatch(_SYLLABLE, s)]:
            problems.append(Problem(
                location, f"“{bad[0]}”不是拼音音节；请用带声调的拼音，如 hū mǎ"
            ))
        else:
            words[word] = syllables
    if problems:
        raise SchemaError(problems)
    return words

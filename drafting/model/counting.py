"""How long a speech takes to read aloud: one count and one rate for every caller.

The reading copy's 约N分钟 marks and ``draft check``'s speaking time must agree,
so both count here and divide by the same rate. 字数 counts Chinese characters
only — CJK ideographs (basic block, extensions A–G, compatibility ideographs)
and 〇 — not punctuation, digits, Latin letters or the placeholder X.
"""

from __future__ import annotations

import math
import re

# Characters a minute at the podium: a measured pace for a speech read aloud.
SPEAKING_RATE = 220

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
CHARACTER = re.compile(f"\u3007|{HAN.pattern}")  # what 字数 counts
# everything else, in runs: removing the runs leaves what 字数 counts (one
# character class is several times faster than the alternation above)
_NOT_COUNTED = re.compile("[^\u3007" + HAN.pattern[1:] + "+")


def is_han(ch: str) -> bool:
    """A CJK ideograph (〇 is counted as a character but is not an ideograph)."""
    return bool(HAN.fullmatch(ch))


def count_characters(text: str) -> int:
    # one new string rather than findall's list of a string per character,
    # which for a book-length report took more memory than the whole build
    return len(_NOT_COUNTED.sub("", text))


def speaking_minutes(characters: int, rate: int = SPEAKING_RATE) -> int:
    """Whole minutes, rounded up; at least 1 for any text with words."""
    return max(1, math.ceil(characters / rate)) if characters else 0


def summary_line(characters: int, rate: int = SPEAKING_RATE) -> str:
    """What ``draft build`` and ``draft check`` print: 字数 and speaking time.

    Here rather than in check.py so that a build imports only this module."""
    minutes = speaking_minutes(characters, rate)
    return f"字数 {characters}（汉字，不计标点、数字和字母），按每分钟 {rate} 字约需 {minutes} 分钟"

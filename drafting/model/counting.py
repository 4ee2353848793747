"""How long a speech takes to read aloud: one count and one rate for every caller.

The reading copy's 约N分钟 marks and ``draft check``'s speaking time must agree,
so both count here and divide by the same rate. 字数 counts Chinese characters
only — CJK ideographs (basic block, extensions A–G, compatibility ideographs)
and 〇 — not punctuation, digits, Latin letters or the placeholder X.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

# Characters a minute at the podium: a measured pace for a speech read aloud.
SPEAKING_RATE = 220

# CJK ideographs: extension A, the basic block, compatibility ideographs, and
# the supplementary planes' extensions B–H
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
_HAN_CLASS = "".join(f"{chr(low)}-{chr(high)}" for low, high in _HAN_RANGES)


@lru_cache(maxsize=1)
def _not_counted() -> re.Pattern:
    """Everything 字数 does not count, in runs: removing them leaves what it counts.
    Compiled on first use, which the quick count below seldom needs (a class over
    the supplementary planes takes milliseconds to compile, and every build imports this module)."""
    return re.compile(f"[^\u3007{_HAN_CLASS}]+")


# The quick count reads only each character's high byte in UTF-16: in the basic
# plane, a character whose high byte is 0x34–0x9F or 0xF9–0xFA is an ideograph,
# except the hexagrams U+4DC0–U+4DFF; 〇 is counted apart.
_NOT_HAN_HIGH_BYTES = bytes(b for b in range(256) if not (0x34 <= b <= 0x9F or 0xF9 <= b <= 0xFA))
_HEXAGRAM_HIGH_BYTE = 0x4D


def is_han(ch: str) -> bool:
    """A CJK ideograph (〇 is counted as a character but is not an ideograph)."""
    code = ord(ch) if len(ch) == 1 else -1
    return any(low <= code <= high for low, high in _HAN_RANGES)


def is_counted(ch: str) -> bool:
    """What 字数 counts: an ideograph or 〇."""
    return ch == "\u3007" or is_han(ch)


def count_characters(text: str) -> int:
    """By the characters' high bytes where that is exact (a build counts a whole
    speech: several times faster than the pattern), else by the pattern."""
    if text.isascii():
        return 0
    try:
        high_bytes = text.encode("utf-16-le")[1::2]
    except UnicodeEncodeError:  # a lone surrogate
        high_bytes = b""
    if len(high_bytes) != len(text) or _HEXAGRAM_HIGH_BYTE in high_bytes:  # beyond the basic plane; U+4Dxx
        # one new string rather than findall's list of a string per character,
        # which for a book-length report took more memory than the whole build
        return len(_not_counted().sub("", text))
    return len(high_bytes.translate(None, _NOT_HAN_HIGH_BYTES)) + text.count("\u3007")


def speaking_minutes(characters: int, rate: int = SPEAKING_RATE) -> int:
    """Whole minutes, rounded up; at least 1 for any text with words."""
    return max(1, math.ceil(characters / rate)) if characters else 0


def summary_line(characters: int, rate: int = SPEAKING_RATE) -> str:
    """What ``draft build`` and ``draft check`` print: 字数 and speaking time.

    Here rather than in check.py so that a build imports only this module."""
    minutes = speaking_minutes(characters, rate)
    return f"字数 {characters}（汉字，不计标点、数字和字母），按每分钟 {rate} 字约需 {minutes} 分钟"

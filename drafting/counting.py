"""How long a speech takes to read aloud: one count and one rate for every caller.

The reading copy's 约 N 分钟 marks and ``draft check``'s speaking time must
agree, so both count characters here and divide by the same rate.
"""

from __future__ import annotations

import math
import unicodedata

# Characters a minute at the podium: speech-writing guides put a measured
# official speech at 200–240 字/分钟; 220 is the middle of that range.
SPEAKING_RATE = 220


def spoken_characters(text: str) -> int:
    """Characters that are spoken: letters, digits and Han characters.

    Punctuation and spaces take no speaking time of their own.
    """
    return sum(1 for ch in text if unicodedata.category(ch)[0] in "LN")


def speaking_minutes(characters: int, rate: int = SPEAKING_RATE) -> float:
    return characters / rate


def whole_minutes(characters: int, rate: int = SPEAKING_RATE) -> int:
    """Minutes rounded half up, never below 1 for text that has any words."""
    if characters <= 0:
        return 0
    return max(1, math.floor(speaking_minutes(characters, rate) + 0.5))

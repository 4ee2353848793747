"""Which characters a reader may stumble on, and how to say them.

A character is *uncommon* when it is a Han character outside the 3,500
characters of level 1 of 《通用规范汉字表》 (2013), the state's list of
common characters (``charsets/tongyong-level1.txt`` says where it comes from).
Readings come from pypinyin, which picks a polyphonic character's reading
from the words around it; where it cannot know (names of people and places)
the writer fixes the reading in the YAML under ``pronunciations:``, and those
words are annotated whatever their characters, longest word first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Mapping, Sequence

from drafting.model.counting import is_han

_CHARSET = "tongyong-level1.txt"


@lru_cache(maxsize=1)
def common_characters() -> frozenset[str]:
    text = resources.files("drafting.charsets").joinpath(_CHARSET).read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset("".join("".join(line.split()) for line in lines))


def is_uncommon(ch: str) -> bool:
    return is_han(ch) and ch not in common_characters()


@dataclass(slots=True)
class Annotation:
    """A text cut into plain stretches ``(text, "")`` and annotated characters
    ``(character, pinyin)``, plus the uncommon characters left without a reading."""

    segments: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def add(self, text: str, reading: str = "") -> None:
        if not reading and self.segments and not self.segments[-1][1]:
            self.segments[-1] = (self.segments[-1][0] + text, "")
        else:
            self.segments.append((text, reading))


class Annotator:
    def __init__(self, pronunciations: Mapping[str, Sequence[str]] | None = None):
        self.words = {word: tuple(syllables) for word, syllables in (pronunciations or {}).items()}
        self.longest = max(map(len, self.words), default=0)

    def annotate(self, text: str) -> Annotation:
        fixed = self._fixed_readings(text)
        uncommon = {i for i, ch in enumerate(text) if fixed[i] is None and is_uncommon(ch)}
        result = Annotation()
        if not uncommon and not any(fixed):
            result.add(text)
            return result
        computed = _readings(text) if uncommon else []
        for i, ch in enumerate(text):
            reading = fixed[i]
            if reading is None and i in uncommon:
                reading = computed[i] if computed[i] != ch else None
                if reading is None:
                    result.missing.append(ch)
            result.add(ch, reading or "")
        return result

    def _fixed_readings(self, text: str) -> list[str | None]:
        """The writer's readings, by longest match from the left."""
        fixed: list[str | None] = [None] * len(text)
        i = 0
        while i < len(text) and self.longest:
            for size in range(min(self.longest, len(text) - i), 0, -1):
                syllables = self.words.get(text[i : i + size])
                if syllables is not None:
                    fixed[i : i + size] = syllables
                    i += size
                    break
            else:
                i += 1
        return fixed


def _readings(text: str) -> list[str]:
    """pypinyin's reading of every character of ``text``, in context; a
    character it has no reading for comes back as itself."""
    from pypinyin import Style, pinyin

    def keep(chars: str) -> list[list[str]]:
        return [[ch] for ch in chars]

    items = pinyin(text, style=Style.TONE, heteronym=False, errors=keep)
    if len(items) != len(text):  # never seen; fall back to one character at a time
        items = [pinyin(ch, style=Style.TONE, errors=keep)[0] for ch in text]
    return [item[0] for item in items]

"""Where a long title breaks: at word boundaries, into a trapezoid or a diamond.

GB/T 9704-2012 7.3.1: a title that needs several lines breaks so that each line
keeps its meaning whole (never inside a word), the lines are arranged
symmetrically, and the whole is a trapezoid or a diamond. Here that is: each
line fits, none holds fewer than three characters, the lengths go one way or
rise then fall, and among those shapes the one with the most even lines wins,
with a break after a joining word (暨、和、及……) or a mark worth more than
evenness. The breaks are layout only (``LAYOUT_BREAK``): the words never change.

Words come from jieba's dictionary. Loading it takes a second or so, so it is
loaded only for a title that does not fit on one line, and each title's words
are kept in the cache folder: the next build of the same speech does not load it.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from itertools import combinations

from drafting import cache
from drafting.model.document import LAYOUT_BREAK, Block, Inline, InlineRole

MIN_LINE_CHARS = 3
MAX_LINES = 4  # a title longer than this is a paragraph: the suite wraps it
# A break right after one of these words or marks keeps both lines whole in meaning.
_JOINING_WORDS = frozenset("暨 及 和 与 并 兼 以及 并且 同时".split())
_JOINING_MARKS = frozenset("、，；：")
# A line never ends with an opening mark or starts with a closing one.
_OPENING = frozenset("（《“‘〔【「『([")
_CLOSING = frozenset("）》”’〕】」』，、。；：！？)]")
_ASCII_RUN = re.compile(r"[0-9A-Za-z.%]+")
# What a break that is not after a joining word or mark costs, against the lines'
# unevenness (sum of squared differences from the mean, in characters): two lines
# may differ by up to about nine characters to break at a joint instead.
_PLAIN_BREAK_COST = 40.0
_CACHE_KIND = "words"


def with_title_breaks(block: Block, per_line: float) -> Block:
    """``block`` with layout breaks where its lines should end, ``per_line``
    full-width characters fitting on a line. The writer's own breaks (and a
    pack's ``<wbr/>``) stay, and each stretch between them is shaped alone."""
    stretches = _stretches(block.inlines)
    out: list[Inline] = []
    for stretch, fixed_break in stretches:
        text = "".join(inline.text for inline in stretch)
        cuts = break_points(text, per_line, _offsets_inside_ruby(stretch))
        out.extend(_cut(stretch, cuts))
        if fixed_break is not None:
            out.append(fixed_break)
    return Block(block.role, tuple(out), block.level) if len(out) != len(block.inlines) else block


def break_points(text: str, per_line: float, forbidden: frozenset[int] = frozenset()) -> list[int]:
    """Offsets in ``text`` where a line ends; [] when no shape fits (the
    suite then wraps the title as it would any paragraph)."""
    if width(text) <= per_line:
        return []
    tokens = _tokens(text)
    ends = []
    position = 0
    for token in tokens:
        position += len(token)
        ends.append(position)
    boundaries = [(end, tokens[i]) for i, end in enumerate(ends[:-1]) if end not in forbidden]
    fewest = max(2, math.ceil(width(text) / per_line))
    for count in range(fewest, min(fewest + 2, MAX_LINES + 1)):
        best = _best_shape(text, per_line, boundaries, count)
        if best is not None:
            return best
    return []


def width(text: str) -> float:
    """In full-width characters: Latin letters and digits take half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def _best_shape(text: str, per_line: float, boundaries, count: int) -> list[int] | None:
    best, best_cost = None, math.inf
    for chosen in combinations(boundaries, count - 1):
        cuts = [end for end, _ in chosen]
        lines = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
        widths = [width(line) for line in lines]
        if max(widths) > per_line or min(len(line) for line in lines) < MIN_LINE_CHARS:
            continue
        if not _is_trapezoid_or_diamond(widths):
            continue
        mean = sum(widths) / count
        cost = sum((w - mean) ** 2 for w in widths)
        cost += sum(0 if _joins(token) else _PLAIN_BREAK_COST for _, token in chosen)
        if cost < best_cost:
            best, best_cost = cuts, cost
    return best


def _joins(token: str) -> bool:
    return token in _JOINING_WORDS or token[-1] in _JOINING_MARKS


def _is_trapezoid_or_diamond(widths: list[float]) -> bool:
    """Lengths that only fall, only rise, or rise then fall (a diamond)."""
    steps = [b - a for a, b in zip(widths, widths[1:])]
    if all(s <= 0 for s in steps) or all(s >= 0 for s in steps):
        return True
    peak = widths.index(max(widths))
    return all(s >= 0 for s in steps[:peak]) and all(s <= 0 for s in steps[peak:])


def _tokens(text: str) -> list[str]:
    """Words, with marks held to the word they belong to and a number to its unit
    (2025年): a line may break between tokens only."""
    tokens: list[str] = []
    glue_next = False
    for word in words(text):
        if tokens and (glue_next or word[0] in _CLOSING or _is_number_unit(tokens[-1], word)):
            tokens[-1] += word
        else:
            tokens.append(word)
        glue_next = word[-1] in _OPENING
    return tokens


def _is_number_unit(previous: str, word: str) -> bool:
    return bool(_ASCII_RUN.fullmatch(previous)) and len(word) == 1 and ord(word) >= 0x2E80


def words(text: str) -> list[str]:
    """jieba's words of ``text``, from the cache folder when this text was cut before."""
    key = cache.digest(_CACHE_KIND, text)
    stored = cache.read(_CACHE_KIND, key)
    if stored is not None:
        try:
            found = json.loads(stored)
            if "".join(found) == text:
                return found
        except ValueError:
            pass
    found = _cut_words(text)
    cache.write(_CACHE_KIND, key, json.dumps(found, ensure_ascii=False).encode("utf-8"))
    return found


@lru_cache(maxsize=256)
def _cut_words(text: str) -> list[str]:
    return list(_segmenter().cut(text, HMM=False))


@lru_cache(maxsize=1)
def _segmenter():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # it announces loading its dictionary otherwise
    return jieba.Tokenizer()


def _stretches(inlines: tuple[Inline, ...]):
    """The runs between fixed breaks, each with the break that ends it (None for the last)."""
    stretch: list[Inline] = []
    for inline in inlines:
        if inline.role in (InlineRole.LINE_BREAK, InlineRole.LAYOUT_BREAK):
            yield stretch, inline
            stretch = []
        else:
            stretch.append(inline)
    yield stretch, None


def _offsets_inside_ruby(stretch: list[Inline]) -> frozenset[int]:
    """A word printed with its pinyin above is one run: no break inside it."""
    inside, position = set(), 0
    for inline in stretch:
        if inline.role is InlineRole.RUBY:
            inside.update(range(position + 1, position + len(inline.text)))
        position += len(inline.text)
    return frozenset(inside)


def _cut(stretch: list[Inline], cuts: list[int]) -> list[Inline]:
    """The runs with a layout break at each offset, a run split where one falls inside it."""
    out: list[Inline] = []
    position = 0
    pending = list(cuts)
    for inline in stretch:
        start, text = position, inline.text
        position += len(text)
        while pending and start < pending[0] < position:
            at = pending.pop(0) - start
            out.append(Inline(text[:at], inline.role, inline.ruby, inline.within))
            out.append(LAYOUT_BREAK)
            text, start = text[at:], start + at
        out.append(Inline(text, inline.role, inline.ruby, inline.within))
        if pending and pending[0] == position:
            pending.pop(0)
            out.append(LAYOUT_BREAK)
    return out

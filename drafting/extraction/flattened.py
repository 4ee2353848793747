"""Units a flattened page printed inside another unit's paragraph.

A page that lost its line breaks runs a heading straight into the next level's
heading (二、项目建设快速推动 （一）重点项目……, 一、上半年工作总结1. 经济发展……)
or starts a part after the opening's last sentence (……财税任务。一、一季度……).
Reading such a paragraph as one unit loses every unit inside it, so the paragraph
is cut where a unit's heading starts, and each piece after the first is marked
``joined``: the extracted unit says so (the packs' ``joined`` field) and the
template prints it on in the paragraph before it, so the text comes back exactly.

A cut is made only where the page shows it was flattened: a heading followed by
the next level's first heading with nothing but heading words between them, or a
part heading (一、, 第一部分) after a sentence in the middle of a paragraph. Within such a
paragraph a unit after a sentence end (。！？) is cut too when it starts its
numbering or goes on with the number after the last one seen. A marker whose
next number follows after a ；（一是……；二是……） is an inline list and stays.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from drafting.extraction.genre import Paragraph, marker_number
from drafting.model.numerals import enumeration_marker

# numberings that head a level (not the inline ones: 一是 一要 第一，)
SPLIT_FORMS = ("第一部分", "一、", "（一）", "(一)", "1.", "1．", "1、", "（1）", "(1)")
_PART_FORMS = ("第一部分", "一、")
# how deep each numbering stands (GB/T 9704's 一、（一）1.（1）, under 第一部分): only a deeper
# one runs into a heading (（一）坚持统一、规范管理 holds no 一、)
_DEPTH = {"第一部分": 0, "一、": 1, "（一）": 2, "(一)": 2, "1.": 3, "1．": 3, "1、": 3, "（1）": 4, "(1)": 4}
_HEADING_WORDS_MAX = 30
_NOT_HEADING_WORDS = set("。！？；：，;:!?,")
_SENTENCE_END = "。！？!?"
_MAYBE_MARKER = re.compile(r"[（(][一二三四五六七八九十\d]|[一二三四五六七八九十]+、|\d{1,2}[.．、]|第[一二三四五六七八九十]+部分")


def split(paras: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with each flattened one cut into its units (later pieces ``joined``)."""
    seen: dict[str, int] = {}
    out: list[Paragraph] = []
    for p in paras:
        if p.table is not None:
            out.append(p)
            continue
        cuts = _cuts(p.text, seen)
        out.extend(_pieces(p, cuts))
    return out


def merge_unused(paras: list[Paragraph], used: set[int]) -> list[Paragraph]:
    """Joined pieces that did not become a unit go back into the paragraph before them."""
    out: list[Paragraph] = []
    for p in paras:
        if p.joined and id(p) not in used and out:
            out[-1] = replace(out[-1], text=out[-1].text + p.text)
        else:
            out.append(p)
    return out


def _pieces(p: Paragraph, cuts: list[int]) -> list[Paragraph]:
    if not cuts:
        return [p]
    bounds = [0, *cuts, len(p.text)]
    first = replace(p, text=p.text[: cuts[0]], lead=p.lead if len(p.lead) <= cuts[0] else "")
    return [first] + [Paragraph(p.text[a:b], joined=True) for a, b in zip(bounds[1:], bounds[2:])]


def _opening_marker(text: str) -> tuple[str, int] | None:
    for form in SPLIT_FORMS:
        n = marker_number(text, form)
        if n:
            return form, n
    return None


def _cuts(text: str, seen: dict[str, int]) -> list[int]:
    """Where units start inside the paragraph; updates ``seen`` (the last number of each form)."""
    opening = _opening_marker(text)
    if opening:
        seen[opening[0]] = opening[1]
    candidates: list[tuple[int, str, int, str]] = []  # (at, form, n, why)
    start, start_form = 0, opening[0] if opening else ""
    start_marker = enumeration_marker(*opening) if opening else ""
    for m in _MAYBE_MARKER.finditer(text, 1):
        at = m.start()
        found = _opening_marker(text[at:])
        if not found or _inline_list(text, at, *found) or text[at - 1].isdigit() or text[at - 1] in "第.．":
            continue
        form, n = found
        words = text[start + len(start_marker) : at]
        if start_form and _DEPTH[form] > _DEPTH[start_form] and n == 1 and _heading_words(words):
            candidates.append((at, form, n, "heading"))
        elif _after_sentence(text, at, form) and (n == 1 or seen.get(form) == n - 1 or _continues(candidates, form, n)):
            candidates.append((at, form, n, "sentence"))
        else:
            continue
        start, start_form, start_marker = at, form, enumeration_marker(form, n)
    flattened = any(why == "heading" or form in _PART_FORMS for _, form, _, why in candidates)
    if not flattened:
        return []
    for _, form, n, _ in candidates:
        seen[form] = n
    return [at for at, *_ in candidates]


def _continues(candidates, form: str, n: int) -> bool:
    return any(f == form and k == n - 1 for _, f, k, _ in candidates)


def _heading_words(words: str) -> bool:
    return 2 <= len(words.strip()) <= _HEADING_WORDS_MAX and not (set(words) & _NOT_HEADING_WORDS)


def _after_sentence(text: str, at: int, form: str = "") -> bool:
    """Whether a sentence ends right before ``at``; for a part heading (一、) an announcement
    closed by a colon ends one too (……我主要讲三点意见：一、肯定成绩，……)."""
    before = text[:at].rstrip(" \u3000")
    return bool(before) and (before[-1] in _SENTENCE_END or form in _PART_FORMS and before[-1] in "：:")


def _inline_list(text: str, at: int, form: str, n: int) -> bool:
    """Whether the marker opens a list of clauses in one paragraph (1、……；2、……)."""
    following = text.find(enumeration_marker(form, n + 1), at + 1)
    if following < 0:
        return False
    between = text[at:following]
    return not any(mark in between for mark in _SENTENCE_END)


def used(paras: list[Paragraph], data: Any) -> set[int]:
    """The joined pieces (by id) that head a unit marked ``joined`` in the extracted data."""
    starts = set(joined_starts(data))
    found = set()
    for p in paras:
        opening = _opening_marker(p.text) if p.joined else None
        if opening and any(p.text[len(enumeration_marker(*opening)) :].startswith(s) for s in starts):
            found.add(id(p))
    return found


def joined_starts(value: Any):
    """The heading or lead of every unit the data marks ``joined``."""
    if isinstance(value, dict):
        if value.get("joined") is True:
            start = value.get("heading", value.get("lead"))
            if isinstance(start, str) and start:
                yield start
        for child in value.values():
            yield from joined_starts(child)
    elif isinstance(value, list):
        for child in value:
            yield from joined_starts(child)


def run_in_for_join(head: Paragraph, following: list[Paragraph], rest: str | None) -> tuple[bool, str | None]:
    """(run in, rest) of a unit's heading when a joined unit is involved: a heading that
    is joined, or that a joined unit goes on after, must be printed as a paragraph (run in);
    its own text after it then starts empty ("") unless a joined unit follows at once."""
    if rest is not None:
        return True, rest
    next_joined = bool(following) and following[0].joined
    if not head.joined and not next_joined:
        return False, None
    return True, ("" if following and not next_joined else None)


# how the body after a heading opens, on a page that ran the two together with no
# punctuation (经济发展情况总览在2024年上半年，…… · 工作措施为确保下半年工作…… · 重点任务落实•加强……):
# a time or purpose adverbial that closes with a comma or colon soon after, or a bullet
_BODY_OPENER = re.compile(
    r"(?:(?:在|截至|截止)?(?:今年以来|去年以来|年初以来|一年来|半年来|近年来|今年|去年|上半年|下半年|前三季度|"
    r"[一二三四1-4]季度|目前|当前|近期)|(?:在|截至|截止)\d{4}年)[^。！？；，：,:;]{0,22}[，：,:]"
    r"|为(?:确保|了|全面|进一步|加快|切实|推动)[^。！？；，：,:;]{0,22}[，：,:]"
    # a statement about the period (今年是我县交通史上……的一年): a heading never says 今年是
    r"|(?:今年|去年|上半年|下半年|前三季度|[一二三四1-4]季度)是"
    r"|[•·●▪]"
)
_HEADING_MIN, _HEADING_MAX = 4, 20


def heading_before_opener(text: str) -> int:
    """Where a heading run into its body with no punctuation ends (what a reader sees as
    the heading): before the body's opening adverbial; 0 when there is none."""
    words = len(text) - len(text.lstrip(" \u3000"))
    for m in _BODY_OPENER.finditer(text, words + _HEADING_MIN):
        head = text[: m.start()]
        if m.start() - words > _HEADING_MAX or set(head) & (_NOT_HEADING_WORDS | set(_SENTENCE_END) | set("、“”《》（）()")):
            return 0
        # a body says something: a heading with a comma in it (总结……工作，谋划……发展) ends no sentence
        return m.start() if any(mark in text[m.end() :] for mark in "。！？!?：:") or m.group()[-1] in "：:" else 0
    return 0

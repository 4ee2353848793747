"""Enumerations inside a paragraph that the structure above left as plain words.

Speeches list inside paragraphs at every depth: a section's paragraph lists
一是……二是……, an item's body goes on 一方面……另一方面……, a part's intro ends
……管理工作。一是…… and the excerpt (or the speaker) stops after the first. Each is
an enumeration a writer wants to edit as items, wherever it stands; a paragraph
holding one becomes a list paragraph (``$defs/list_paragraph``: the words
before the first marker, the form, and each item's lead and body), which the
shared ``blocks.xml.j2`` prints back in one paragraph, exactly as written. An
item's body is read again, so a list inside a listed item is found too.

Paragraphs that open with 一是, 二是, 三是 … in turn are a level of standalone
items the structure did not take (after a part's closing sentence, in an
opening): each becomes a list paragraph of one item that numbers on from the one
before (``start``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from drafting.extraction import genre
from drafting.model.numerals import enumeration_marker

# forms strong enough to stand alone in a paragraph, with no second after them
# (……管理工作。一是拟定了……, an excerpt cut after its first item)
LONE_FORMS = ("一是", "一要", "一方面，", "一方面,", "一方面", "其一，", "其一,")
# marks after which a marker opens an item (not 统一是); a paragraph's start counts too
_OPENS_AFTER = "：。；！？"
# a list of two or more may also start after a comma or a closing quote (……的同时，一方面……)
_LIST_AFTER = _OPENS_AFTER + "，”"
_LISTS = ("opening", "intro", "body", "closing", "after")

LeadEnd = Callable[[str], int]


def list_forms(schema: dict) -> tuple[str, ...]:
    """The forms a pack's list paragraph may take; none when its paragraphs cannot hold lists."""
    defs = schema.get("$defs", {})
    branches = defs.get("paragraph", {}).get("anyOf", [])
    if not any(b.get("$ref", "").endswith("/list_paragraph") for b in branches):
        return ()
    enum = defs.get("list_paragraph", {}).get("properties", {}).get("enumeration", {}).get("enum", [])
    return tuple(form for form in enum if form != "none")


def nest_lists(data: dict, forms: tuple[str, ...], lead_end: LeadEnd) -> list[tuple[tuple, int, str]]:
    """Turn every plain paragraph that lists items into a list paragraph, in place;
    (path, items, form) of each, for the notes."""
    found: list[tuple[tuple, int, str]] = []
    if not forms:
        return found
    for path, holder, outer in list(_paragraph_lists(data, (), "")):
        numbered = standalone_runs(holder, forms)
        for n, text in enumerate(holder):
            if not isinstance(text, str):
                continue
            if n in numbered:
                listed = _numbered_paragraph(text, *numbered[n], forms, lead_end)
            else:
                listed = list_paragraph(text, forms, lead_end, outer)
            if listed is not None:
                holder[n] = listed
                found.append((path + (n,), len(listed["points"]), listed["enumeration"]))
    return found


def list_paragraph(text: str, forms: tuple[str, ...], lead_end: LeadEnd, outer: str = "") -> dict | None:
    """The list paragraph a text reads as, or None; ``outer`` is the form of the list it
    stands in (its own markers end this text, so another form is looked for)."""
    found = _listed(text, tuple(f for f in forms if f != outer))
    if found is None:
        return None
    before, form, items = found
    listed: dict[str, Any] = {"lead_in": before} if before else {}
    listed["enumeration"] = form
    listed["points"] = [_item(item, forms, form, lead_end) for item in items]
    return listed


def _item(text: str, forms: tuple[str, ...], form: str, lead_end: LeadEnd) -> dict:
    end = lead_end(text)
    if not 0 < end < len(text):
        return {"lead": text}
    body = text[end:]
    nested = list_paragraph(body, forms, lead_end, outer=form)
    return {"lead": text[:end], "body": [nested if nested is not None else body]}


def _listed(text: str, forms: tuple[str, ...]) -> tuple[str, str, list[str]] | None:
    """(words before, form, item texts) of the first list in the text: two or more items
    in order (genre.inline_items), else one item of a form that can stand alone."""
    opening = genre.inline_items(text)
    if opening is not None and opening.form in forms and not opening.groups:
        return "", opening.form, opening.items
    if opening is not None:
        return None  # a list this pack cannot hold (one that starts again at 一是): words
    after = _list_after(text, forms)
    return after if after is not None else _lone(text, forms)


def _list_after(text: str, forms: tuple[str, ...]) -> tuple[str, str, list[str]] | None:
    """The first list that starts after words of the paragraph's own, at the start of a
    clause (……三件事：一是…… · ……的同时，一方面……另一方面……); a list that starts again
    at 一是 (“两增”：一是……“三降”：一是……) is the pack's own and stays words here."""
    plain = text.translate(genre.HALF_TO_FULL)
    best: tuple[int, genre.InlineList] | None = None
    for form in forms:
        first = enumeration_marker(form, 1).translate(genre.HALF_TO_FULL)
        at = plain.find(first, 1)
        while at > 0 and (best is None or at < best[0]):
            if plain[:at].rstrip(" \u3000")[-1:] in _LIST_AFTER:
                found = genre.inline_items(text[at:])
                if found is not None and found.form == form:
                    if not found.groups:
                        best = (at, found)
                    break
            at = plain.find(first, at + 1)
    return (text[: best[0]], best[1].form, best[1].items) if best else None


def _lone(text: str, forms: tuple[str, ...]) -> tuple[str, str, list[str]] | None:
    plain = text.translate(genre.HALF_TO_FULL)
    for form in LONE_FORMS:
        if form not in forms:
            continue
        first, second = enumeration_marker(form, 1), enumeration_marker(form, 2).translate(genre.HALF_TO_FULL)
        at = _opening_at(plain, first.translate(genre.HALF_TO_FULL))
        if at is None or len(text) <= at + len(first) or second in plain[at:]:
            continue
        return text[:at], form, [text[at + len(first) :]]
    return None


def _opening_at(plain: str, marker: str) -> int | None:
    """Where ``marker`` first opens a clause: at the start or after 。：；！？."""
    at = plain.find(marker)
    while at >= 0:
        if at == 0 or plain[at - 1] in _OPENS_AFTER:
            return at
        at = plain.find(marker, at + 1)
    return None


def standalone_runs(paras: list, forms: tuple[str, ...]) -> dict[int, tuple[str, int, int]]:
    """{index: (form, number, where its marker stands)} of paragraphs that open with 二是, 三是 …
    in order after one holding 一是 (at its start, or opening its last clause list: ……主要做了
    三件事。一是……), two or more: a level of standalone items the structure above did not
    take (after a part's closing sentence, in an opening); words between them stay paragraphs."""
    found: dict[int, tuple[str, int, int]] = {}
    for form in forms:
        run: list[tuple[int, int]] = []
        for i, p in enumerate(paras):
            if not isinstance(p, str) or i in found:
                continue
            first = _first_at(p, form)
            if first is not None:
                found.update(_closed_run(run, form))
                run = [(i, first)]
            elif run and genre.marker_number(p, form) == len(run) + 1:
                run.append((i, 0))
        found.update(_closed_run(run, form))
    return found


def _first_at(text: str, form: str) -> int | None:
    """Where the first marker of ``form`` stands in a paragraph that has no second: its start,
    or the start of a clause (……三件事。一是……); None when it has none."""
    if genre.marker_number(text, form) == 1:
        at: int | None = 0
    else:
        at = _opening_at(text.translate(genre.HALF_TO_FULL), enumeration_marker(form, 1).translate(genre.HALF_TO_FULL))
    second = enumeration_marker(form, 2).translate(genre.HALF_TO_FULL)
    if at is None or second in text.translate(genre.HALF_TO_FULL)[at:] or len(text) <= at + len(enumeration_marker(form, 1)):
        return None
    return at


def _closed_run(run: list[tuple[int, int]], form: str) -> dict[int, tuple[str, int, int]]:
    return {i: (form, k + 1, at) for k, (i, at) in enumerate(run)} if len(run) >= 2 else {}


def _numbered_paragraph(text: str, form: str, number: int, at: int, forms: tuple[str, ...], lead_end: LeadEnd) -> dict:
    """One paragraph of a standalone run as a list paragraph of one item, numbered on from the one before."""
    listed: dict[str, Any] = {"lead_in": text[:at]} if at else {}
    listed["enumeration"] = form
    if number > 1:
        listed["start"] = number
    listed["points"] = [_item(text[at + len(enumeration_marker(form, number)) :], forms, form, lead_end)]
    return listed


def _paragraph_lists(value: Any, path: tuple, outer: str) -> Iterator[tuple[tuple, list, str]]:
    """Every list of paragraphs in the data (opening, intro, body, closing, after), with its
    path and, for the body of an item listed inline, the form of that list (its markers
    ended the item, so only another form can list inside it)."""
    if isinstance(value, dict):
        inline = "points" in value and value.get("layout", "inline") == "inline"
        for key, child in value.items():
            if key in _LISTS and isinstance(child, list):
                yield path + (key,), child, outer
            if isinstance(child, (dict, list)):
                inner = value.get("enumeration", "") if inline and key == "points" else outer if key != "sections" else ""
                yield from _paragraph_lists(child, path + (key,), inner)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            if isinstance(child, dict):
                yield from _paragraph_lists(child, path + (i,), outer)

"""What a speech and a report share: paragraphs as read, a numbered unit's heading and rest
(a heading run into its body, a lead closed by a colon, an inline item's lead)."""

from __future__ import annotations

import re
from typing import Any

from drafting.extraction import flattened, genre
from drafting.extraction.genre import Node, Paragraph, is_heading_line, lead_sentence
from drafting.model.document import BlockRole, Document

HEADING_MAX = 60
_LEAD_BEFORE_COLON = 20  # a lead closed by a colon is a few words (工业产值：), not a sentence with a quote in it


def paragraphs_of(document: Document) -> list[Paragraph]:
    out = []
    for block in document.blocks:
        if block.role is BlockRole.TABLE:
            rows = tuple(tuple(_cell_text(cell) for cell in row) for row in ((block.header,) if block.header else ()) + block.rows)
            out.append(Paragraph(block.text, "", rows))
        else:
            out.append(Paragraph(block.text, block.lead))
    return out


def _cell_text(cell) -> str:
    return "".join(inline.text for inline in cell)


def text_or_table(p: Paragraph) -> Any:
    if p.table is not None:
        return {"table": {"rows": [list(row) for row in p.table]}}
    return p.text


def texts_of(paras: list[Paragraph]) -> list[Any]:
    return [text_or_table(p) for p in paras]


def longest_first(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The pack's forms, longest first (第一部分， before 第一部分)."""
    return tuple(sorted(forms, key=len, reverse=True))


def split_head(p: Paragraph, marker: str, item: bool = False) -> tuple[str, str | None]:
    """(heading, rest) of a numbered line: rest is None when the line is only a heading.
    An ``item``'s lead may be a few words closed by a colon (（一）工业产值：……)."""
    text = p.text[len(marker) :]
    if p.lead.startswith(marker) and len(p.lead) > len(marker) and p.text.startswith(p.lead) and p.lead != p.text:
        end = len(p.lead) - len(marker)
        return text[:end], text[end:]
    listed = heading_before_list(text) if p.lead != p.text else 0
    if listed:
        return text[:listed], text[listed:]
    colon = _lead_colon(text, item) if p.lead != p.text else 0
    if colon:
        return text[: colon + 1], text[colon + 1 :]
    space = _heading_space(text)
    if space and p.lead != p.text and not _opens_a_unit(text[space + 1 :]):
        return text[: space + 1], text[space + 1 :]
    opener = flattened.heading_before_opener(text) if p.lead != p.text else 0
    if opener:
        return text[:opener], text[opener:]
    if item and p.lead != p.text:  # an item's lead is its first clause, a ；closes it too (一是强化项目支撑；全年实施……)
        clause = genre.lead_clause(text)
        if 0 < clause < (lead_sentence(text) or len(text)) and text[clause - 1].translate(genre.HALF_TO_FULL) == "；":
            return text[:clause], text[clause:]
    if is_heading_line(text) or p.lead == p.text:
        return text, None
    end = lead_sentence(text)
    return text[:end], text[end:]


def _lead_colon(text: str, item: bool) -> int:
    """Where a colon closes a unit's lead, before the first sentence ends; 0 when none. An item's
    lead may be a few words (（一）工业产值：……) or a heading's words alone, however long
    (一是进一步加大……要素保障力度：要……); a part's only heading words alone (一、上半年经济运行情况：
    上半年，……). Never a sentence announcing something (……，主要是三个方面的原因：) or a quote
    (……指出：“……”)."""
    plain = text.translate(genre.HALF_TO_FULL)
    colon = plain.find("：")
    if colon <= 0 or colon + 1 >= len(text) or colon >= (lead_sentence(text) or len(text)):
        return 0
    words_only = not set(plain[:colon]) & set("，、；")
    if plain[colon + 1] == "“" and not (item and colon < _LEAD_BEFORE_COLON):
        return 0
    if (item and colon < _LEAD_BEFORE_COLON) or (words_only and colon <= HEADING_MAX):
        return colon
    return 0


# where an inline list may open right after a heading's words: its first marker
_FIRST_MARKER = re.compile(r"一是|一要|第一[，,、]|其一[，,]|一方面|[（(][一1][）)]|1[、.．](?!\d)")
_NOT_IN_HEADING = set("。！？；：;:!?")  # a heading may hold commas (坚持稳中求进，抓实三项工作：)
# what may close a heading's words before its first item: a colon, a comma, or the full stop
# of a heading printed as a sentence (一、抓好三项工作。一是……), never a second sentence
_HEADING_CLOSE = "：:，,。"


def _first_markers(text: str):
    """Where a first marker stands right after a heading's words (a few words, clauses
    with commas, maybe closed by a colon, comma or full stop), in order, until the words
    stop being a heading's: the places a heading run on into its unit's first item may end."""
    for m in _FIRST_MARKER.finditer(text, 2):
        words = text[: m.start()]
        head = words[:-1] if words[-1] in _HEADING_CLOSE else words
        if len(head.strip(" \u3000")) < 2 or len(head) > HEADING_MAX // 2 or set(head) & _NOT_IN_HEADING:
            return
        if not (words[-1].isdigit() or words[-1] in "第统"):  # 2024年1、 · 第一， · 统一是
            yield m.start()


def heading_before_list(text: str) -> int:
    """Where a heading ends that runs straight on into its unit's items listed in the same
    paragraph (（一）经济运行稳中有进1、税收……；2、…… · 一、抓实三项重点：一是……；二是……):
    before the list's first marker; 0 when none. The rest must be a list of two or more in
    order, so a heading that merely holds 一是 (坚持稳中求进一是发展的总基调) is not cut."""
    for at in _first_markers(text):
        listed = genre.inline_items(text[at:])
        if listed is not None and not listed.groups and len(listed.items) >= 2:
            return at
    return 0


def heading_before_run(text: str, following: list[Paragraph], forms: tuple[str, ...] = genre.INLINE_FORMS) -> int:
    """Where a heading ends that runs on into the first of its unit's items when the others
    open the paragraphs after it (一、抓好三项工作：一是抓项目。…… then 二是……, 三是……;
    一、经济运行总体平稳。1.工业生产稳中有升。…… then 2.……): before the first marker of one
    of ``forms``; 0 when none (or when the next marker of that form is not 二)."""
    for at in _first_markers(text):
        rest = text[at:]
        form = next((f for f in forms if genre.marker_number(rest, f) == 1), "")
        if not form or genre.inline_items(rest) is not None:
            continue
        opened = next((p for p in following if p.table is None and genre.marker_number(p.text, form)), None)
        if opened is not None and genre.marker_number(opened.text, form) == 2:
            return at
    return 0


_HEADING_WORDS = re.compile(r"[^\s\u3000，。；：！？、,.;:!?（）()“”]{4,30}")


def _heading_space(text: str) -> int:
    """Where a heading run into its body ends at a space, as a flattened page sets it
    (一、认清形势 今年以来，……): words with no punctuation, then a space, then words; 0 when not."""
    m = _HEADING_WORDS.match(text)
    if m is None or m.end() >= len(text) - 1 or text[m.end()] not in " \u3000":
        return 0
    following, rest = text[m.end() + 1], text[m.end() + 1 :].translate(genre.HALF_TO_FULL)
    if following in " \u3000" or following.translate(genre.HALF_TO_FULL) in "，。；：！？、":
        return 0
    # a sentence follows (坚定信心 乘势而上，全力推动…… is one heading with a space in it)
    return m.end() if any(mark in rest for mark in "。！？") else 0


def _opens_a_unit(text: str) -> bool:
    """Whether text opens with a numbered unit's marker (（一）…, 1、…), not with words."""
    return any(genre.marker_number(text.lstrip(" \u3000"), form) == 1 for form in genre.FORMS)


def mark_joined(unit: dict, node: Node, rest: str | None, keys: dict) -> tuple[bool, str | None]:
    """Mark a unit a flattened page printed inside the paragraph before it (``joined``), and
    say whether its heading must be run in (a paragraph the next joined unit goes on in)."""
    if "joined" not in keys or "heading-run-in" not in keys:
        return rest is not None, rest
    if node.head.joined:
        unit[keys["joined"]] = True
    return flattened.run_in_for_join(node.head, node.intro, rest)


def late_run(paras: list[Paragraph], forms: tuple[str, ...]) -> tuple[str, int, list[int]]:
    """(form, first number, indexes) of part headings that start after 一、 (二、三、…), in order."""
    for form in ("一、", "第一部分"):
        if form not in forms:
            continue
        found, n = [], 0
        for i, p in enumerate(paras):
            k = genre.marker_number(p.text, form) if p.table is None else None
            if k and (not found and k > 1 or found and k == n + 1):
                found.append(i)
                n = k
        if found and not genre.numbered_run(paras, form):
            return form, genre.marker_number(paras[found[0]].text, form) or 2, found
    return "", 0, []

"""A speech's structure: opening, parts (一、 or the other numberings a pack allows),
sections (（一）), items (一是…) and sub-items (1.), each part's closing, the speech's closing."""

from __future__ import annotations

import re
from typing import Any

from drafting.extraction import genre
from drafting.extraction.front_matter import (
    COUNT_WORDS,
    count_phrase,
    front_matter,
    last_sentence_start,
    preamble_of,
    salutation_index,
)
from drafting.extraction.genre import Node, Paragraph
from drafting.extraction.result import Extraction, Path_
from drafting.extraction.units import (
    HEADING_MAX,
    heading_before_run,
    late_run,
    longest_first,
    mark_joined,
    split_head,
    text_or_table,
    texts_of,
)
from drafting.model.numerals import (
    enumeration_marker,
)
from drafting.packs.roles import Roles

_HEADING_FORMS = ("一、", "一.", "一．", "第一部分", "第一部分，", "第一部分：", "（一）", "(一)")  # a lone one still heads a part


def fill_speech(paras: list[Paragraph], roles: Roles, result: Extraction, pack_name: str) -> None:
    top = roles.top
    salutation_at = salutation_index(paras[:8])
    search_from = salutation_at + 1 if salutation_at is not None else 0
    part_forms = longest_first(tuple(f for f in roles.enum(None, top.get("part-numbering", "")) if f != "none") or ("一、",))
    first_run = genre.level_form(paras[search_from:], set(), part_forms, minimum=2)
    part_form, run = _parts_after_listed_opening(paras[search_from:], *first_run, part_forms)
    # a fragment with one part: a heading form alone counts when it comes first
    single = genre.level_form(paras[search_from:], set(), tuple(f for f in part_forms if f in _HEADING_FORMS), minimum=1)
    if single[1] and (not run or single[1][0] < run[0]):
        part_form, run = single
    announced = _announced_parts(paras[search_from:], part_forms, "none" in roles.enum(None, top.get("part-numbering", "")))
    if announced[1] and (not run or announced[1][0] < run[0]):
        part_form, run = announced
    run = [search_from + i for i in run]
    # an excerpt that starts inside part 一 (its first heading is 二、): what comes before is that part's rest
    late_form, first_seen, late = late_run(paras[search_from:], part_forms)
    skipped = 0
    if late and late[0] > 0 and (not run or part_form not in _TOP_FORMS) and roles.in_def(roles.part_def).get("heading", "heading") not in roles.required(roles.part_def):
        part_form, run, skipped = late_form, [search_from + i for i in late], first_seen - 1
    lost = _lost_numerals(paras, search_from, run[0] if run else len(paras))
    if lost and "none" in roles.enum(None, top.get("part-numbering", "")):
        part_form, run = "none", lost + [i for i in range(lost[-1] + 1, len(paras)) if _LOST_NUMERAL.fullmatch(paras[i].plain)]
    if salutation_at is not None:
        preamble, body_start = paras[:salutation_at], salutation_at + 1
    else:
        preamble = preamble_of(paras[: run[0]] if run else paras)
        body_start = len(preamble)
    if not run:
        part_form, run = "none", _unnumbered_parts(paras, body_start)
    opening = paras[body_start : run[0]] if not skipped else []
    closing_at = _speech_closing(paras, run[-1], part_form)
    data = result.data
    meeting, title_fields = front_matter([p.text for p in preamble], paras, result, roles, pack_name)
    if "meeting" in top:
        data[top["meeting"]] = meeting
    for role, value in title_fields.items():
        if role in top:
            data[top[role]] = value
    if "salutation" in top:
        data[top["salutation"]] = paras[salutation_at].text if salutation_at is not None else ""
        if salutation_at is None:
            result.note((top["salutation"],), "自动识别：原文没有称谓行，写空字符串则不输出")
    half = meeting.get("half", "上半年")
    opening_texts, phrase = count_phrase(
        [p.text for p in opening], len(run) + skipped, half, result, top.get("count-phrase", "count_phrase"), pack_name, meeting
    )
    if opening_texts and "opening" in top:
        data[top["opening"]] = opening_texts
    if phrase is not None and "count-phrase" in top:
        data[top["count-phrase"]] = phrase
    if part_form != "一、" and "part-numbering" in top:
        data[top["part-numbering"]] = part_form
        if part_form == "none":
            result.note((top["part-numbering"],), "自动识别：没有找到编号的部分标题，各部分标题按原文不编号；请核对")
        else:
            result.note((top["part-numbering"],), f"自动识别：部分标题的序号形式为 {part_form}")
    parts_key = top.get("parts", "parts")
    nodes = [Node(part_form, paras[start], intro=paras[start + 1 : end]) for start, end in zip(run, run[1:] + [closing_at])]
    data[parts_key] = _headless_parts(paras[body_start : run[0]], skipped, part_form, parts_key, roles, result) + [
        _speech_part(skipped + i, node, (parts_key, skipped + i), roles, result) for i, node in enumerate(nodes)
    ]
    if closing_at < len(paras):
        data[top.get("closing", "closing")] = [text_or_table(p) for p in paras[closing_at:]]
        result.note((top.get("closing", "closing"),), "自动识别：从“同志们，”开始的段落作为结束语")
# part numberings that are a speech's top level, never a part's sections or items
_TOP_FORMS = ("一、", "一.", "一．", "第一部分", "第一部分，", "第一部分：", "第一，", "第一、", "第一,")


def _parts_after_listed_opening(paras: list[Paragraph], form: str, run: list[int], forms: tuple[str, ...]) -> tuple[str, list[int]]:
    """An opening may list its own points (会议有两项任务。第一，……第二，……) before the parts'
    一、: when a run of 一、 starts after the earlier run has ended, 一、 is the part level
    (GB/T 9704's top heading) and the earlier run is the opening's list."""
    if form == "一、" or not run or "一、" not in forms:
        return form, run
    headings = genre.numbered_run(paras, "一、")
    if len(headings) >= 2 and headings[0] > run[-1] and not genre.restarts(paras, "一、"):
        return "一、", headings
    return form, run


def _headless_parts(paras: list[Paragraph], skipped: int, form: str, key: str, roles: Roles, result: Extraction) -> list[dict]:
    """The parts before the first heading an excerpt shows: empty ones for those it cut off
    whole, then the rest of the one it starts inside, without a heading (the template prints
    none, and the numbering goes on from 二、)."""
    if not skipped:
        return []
    part: dict[str, Any] = {}
    _fill_items(part, paras, {form}, (key, skipped - 1), roles, roles.part_def, result)
    result.note((key, skipped - 1), "自动识别：原稿从这一部分中间开始，这一部分不写标题（不输出标题行，序号照样占用）")
    return [{} for _ in range(skipped - 1)] + [part]


def _announced_parts(paras: list[Paragraph], forms: tuple[str, ...], unnumbered: bool) -> tuple[str, list[int]]:
    """Parts right after the paragraph that announces them (……再讲三个方面意见。): a lone
    第一， (an excerpt cut inside the first part), or, with ``unnumbered``, a heading line
    with no number (一个问题，立足镇情……) and the heading lines after it."""
    for i in range(1, len(paras)):
        before, p = paras[i - 1], paras[i]
        if p.table is not None or before.table is not None:
            continue
        if not COUNT_WORDS.search(before.plain[last_sentence_start(before.text):]):
            continue
        for form in forms:
            if genre.marker_number(p.text, form) == 1:
                return form, [i + k for k in genre.numbered_run(paras[i:], form)]
        if unnumbered and _unnumbered_heading(p):
            return "none", [i] + [k for k in range(i + 1, len(paras)) if _unnumbered_heading(paras[k])]
        return "", []
    return "", []


def _unnumbered_heading(p: Paragraph) -> bool:
    """A line that reads as a heading with no number: no sentence in it, no end mark, not a marker's."""
    text = p.plain.strip()
    return (p.table is None and 4 <= len(text) <= HEADING_MAX and genre.is_heading_line(text)
            and text[-1] not in "。！？；：，、" and not text.startswith(("—", "-", "•"))
            and not any(genre.marker_number(text, form) for form in genre.FORMS))
# a part heading whose numeral a PDF lost (、经济建设和社会事业取得新成绩): a short line that opens with 、
_LOST_NUMERAL = re.compile(r"、[^、。；！？：，]{2,40}")


def _lost_numerals(paras: list[Paragraph], start: int, end: int) -> list[int]:
    """Headings that lost their numeral before the first numbered part (the 1、 under them are its items)."""
    return [i for i in range(start, end) if paras[i].table is None and _LOST_NUMERAL.fullmatch(paras[i].plain)][:1]


def _rerun(paras: list[Paragraph], form: str, start: int) -> list[int]:
    return [start + i for i in genre.numbered_run(paras[start:], form)]


def _unnumbered_parts(paras: list[Paragraph], start: int) -> list[int]:
    """Parts headed without numbers: short lines that end no sentence, after the
    opening; else the whole body is one part headed by its first paragraph."""
    heads = [
        i for i in range(start + 1, len(paras))
        if paras[i].table is None and len(paras[i].text) <= 30 and not any(m in paras[i].plain for m in "。；！？：，")
    ]
    if len(heads) >= 2:
        return heads
    return [start] if start < len(paras) else [len(paras) - 1]


def _speech_closing(paras: list[Paragraph], last_part: int, part_form: str) -> int:
    """Where the speech's closing starts: the first “同志们，” paragraph in the last
    part after its first item (or its first paragraph, when it has no items)."""
    body = paras[last_part + 1 :]
    _, run = genre.level_form(body, {part_form})
    first = run[0] + 1 if run else 1
    for i in range(first, len(body)):
        if body[i].table is None and genre.SPEECH_CLOSING.match(body[i].text):
            return last_part + 1 + i
    return len(paras)


def _speech_part(index: int, node: Node, path: Path_, roles: Roles, result: Extraction) -> dict:
    keys = roles.in_def(roles.part_def)
    marker = enumeration_marker(node.form, index + 1) if node.form != "none" else ""
    saved = {key: list(notes) for key, notes in result.notes.items()}
    cut = _first_item_cut(node, marker, keys, roles)
    if cut is not node:
        part = _speech_part_as(cut, cut.head.text[len(marker) :], None, path, roles, result)
        if _opens_with_joined_item(part, keys, roles):
            return part
        result.notes = {key: list(notes) for key, notes in saved.items()}
    heading, rest = split_head(node.head, marker)
    part = _speech_part_as(node, heading, rest, path, roles, result)
    if rest is not None and "heading-run-in" in keys and not _rest_stays(part, keys, rest):
        # the rest opened a unit of its own (二、抓好落实。（一）……), which could not be printed
        # inside the heading's paragraph: the whole line is the heading
        result.notes = saved
        part = _speech_part_as(node, node.head.text[len(marker) :], None, path, roles, result)
    return part


def _first_item_cut(node: Node, marker: str, keys: dict, roles: Roles) -> Node:
    """A part whose heading runs on into its first item (一、抓好三项工作：一是抓项目。……) while
    二是, 三是 open the paragraphs after it: the first item cut off as a unit printed on in the
    heading's paragraph (``joined``), as a flattened page's is; the node itself otherwise."""
    if node.head.lead or "heading-run-in" not in keys or "joined" not in roles.in_def(roles.point_def):
        return node
    at = heading_before_run(node.head.text[len(marker) :], node.intro)
    if not at:
        return node
    cut = len(marker) + at
    head = Paragraph(node.head.text[:cut], joined=node.head.joined)
    return Node(node.form, head, intro=[Paragraph(node.head.text[cut:], joined=True), *node.intro])


def _opens_with_joined_item(part: dict, keys: dict, roles: Roles) -> bool:
    """Whether the part's items (or sections: 一、上半年工作回顾。（一）……) start with the unit cut
    from its heading line (else it cannot be printed)."""
    for units, unit_def in ((keys.get("items", "points"), roles.point_def), (keys.get("sections"), roles.section_def)):
        first = (part.get(units) or [None])[0] if units else None
        if isinstance(first, dict) and unit_def and first.get(roles.in_def(unit_def).get("joined", "joined")) is True:
            return True
    return False


def _speech_part_as(node: Node, heading: str, rest: str | None, path: Path_, roles: Roles, result: Extraction) -> dict:
    keys = roles.in_def(roles.part_def)
    part: dict[str, Any] = {keys.get("heading", "heading"): heading}
    paras = node.intro
    run_in, rest = mark_joined(part, node, rest, keys)
    if run_in and rest is None:
        part[keys["heading-run-in"]] = True
    elif rest is not None and "heading-run-in" in keys:
        part[keys["heading-run-in"]] = True
        paras = [Paragraph(rest, "")] + paras
        result.note(path + (keys["heading-run-in"],), "自动识别：部分标题与正文接排在同一段")
    elif rest is not None:
        part[keys.get("heading", "heading")] = heading + rest
    _fill_items(part, paras, {node.form}, path, roles, roles.part_def, result)
    return part


def _rest_stays(holder: dict, keys: dict, rest: str) -> bool:
    """Whether the words after a run-in heading stayed its first paragraph (or an inline
    list printed on after it), so the template prints them in the heading's paragraph."""
    intro = holder.get(keys.get("intro", "intro"), [])
    if intro:
        return intro[0] == rest
    return holder.get(keys.get("item-layout", "layout")) == "inline"


def _fill_items(
    holder: dict, paras: list[Paragraph], used: set[str], path: Path_, roles: Roles, def_name: str, result: Extraction
) -> None:
    """intro, then items (or sections holding items), then closing, into a part or a section."""
    keys = roles.in_def(def_name)
    item_forms = longest_first(tuple(f for f in roles.enum(def_name, keys.get("item-numbering", "enumeration")) if f != "none"))
    section_forms = longest_first(tuple(f for f in roles.enum(def_name, keys.get("section-numbering", "")) if f != "none"))
    turn = _turn_to_closing(paras, used, longest_first(item_forms + section_forms))
    if turn is not None:  # 一是…二是… then 在看到成绩的同时……：一是…二是…: items, then the closing
        closing_key = keys.get("part-closing", keys.get("section-closing", "closing"))
        _fill_items(holder, paras[:turn], used, path, roles, def_name, result)
        holder[closing_key] = holder.get(closing_key, []) + texts_of(paras[turn:])
        result.note(path + (closing_key,), "自动识别：从转回全部分的话（在看到成绩的同时……）起作为结尾，其后重新编号的列举不是本部分的要点")
        return
    form, run = genre.level_form(paras, used, longest_first(item_forms + tuple(f for f in section_forms if f not in item_forms)))
    if run and "sections" in keys:
        form, run = _lone_section_over(paras, used, section_forms, form, run)
    if not run:
        form, run = _announced_item(paras, used, item_forms)
    if not run:
        form, run = _lone_joined(paras, used, item_forms)
    if not run:
        _inline_or_text(holder, paras, path, roles, def_name, result)
        return
    intro, children = genre.divide(paras, form, run)
    deeper = {genre.level_form(child.intro, used | {form}, item_forms)[0] for child in children} - {""}
    # （一） over 一是 are sections holding items; 一是 over 1. are items holding sub-items
    sections = form in genre.SECTION_FORMS or any(f not in genre.SUBITEM_FORMS for f in deeper)
    # （一）要突出抓好工业经济。 followed by 一要……二要…… in one paragraph: a section whose items are inline
    inline_below = all(any(genre.inline_items(p.text) for p in child.intro if p.table is None) for child in children)
    # a section a flattened page ran in (……（一）重点项目 为……即：1、……；2、……) lists its items in its own paragraph
    inline_below = inline_below or any(child.head.joined and genre.inline_items_after(child.head.text) for child in children)
    # 一、 under 第一部分 heads sections only: with nothing below them they are still sections
    if "sections" in keys and form in section_forms and ((deeper or inline_below) and sections or form not in item_forms):
        _fill_sections(holder, intro, children, used | {form}, path, roles, result)
        return
    if form not in item_forms:
        _inline_or_text(holder, paras, path, roles, def_name, result)
        return
    if intro:
        holder[keys.get("intro", "intro")] = texts_of(intro)
        _note_inline_enumerations(intro, path + (keys.get("intro", "intro"),), result)
    layout = "run-in" if any(child.head.joined for child in children) else _layout(children)
    lead_only = layout == "run-in" and split_head(children[-1].head, children[-1].marker(len(children)), item=True)[1] in (None, "")
    node = Node("", Paragraph(""), children=children)
    genre.split_part_closing(node, 1 if lead_only else 0)
    holder[keys.get("item-numbering", "enumeration")] = form
    holder[keys.get("item-layout", "layout")] = layout
    holder[keys.get("items", "points")] = [
        _point(n, child, layout, used | {form}, path + (keys.get("items", "points"), n), roles, result)
        for n, child in enumerate(children)
    ]
    shape = "要点句单独成行" if layout == "standalone" else "要点句后接正文"
    result.note(path + (keys.get("item-numbering", "enumeration"),), f"自动识别：要点序号为 {form}，版式为 {layout}（{shape}）")
    if node.closing:
        holder[keys.get("part-closing", keys.get("section-closing", "closing"))] = texts_of(node.closing)
        result.note(
            path + ("closing",),
            f"自动识别：最后一个要点之后的 {len(node.closing)} 段作为结尾（不属于最后一个要点）",
        )


def _lone_section_over(paras: list[Paragraph], used: set[str], forms: tuple[str, ...], form: str, run: list[int]) -> tuple[str, list[int]]:
    """A lone （一） standing before a run of items (（一）全力以赴稳增长 then 1、2、3、, an
    excerpt or a part with one section): the section holding them, as a lone first heading of a
    level heads it in a report; the run itself otherwise."""
    if form in genre.SECTION_FORMS:
        return form, run
    lone = genre.level_form(paras, used, tuple(f for f in forms if f in genre.SECTION_FORMS), minimum=1)
    return lone if lone[1] and lone[1][0] < run[0] else (form, run)


def _turn_to_closing(paras: list[Paragraph], used: set[str], forms: tuple[str, ...]) -> int | None:
    """Where a span's items end at a sentence that turns back to the whole part (在看到成绩的同时……)
    and a list numbered from 一 again follows it: the items' numbering restarts there, so
    neither run would be taken as the span's items otherwise."""
    for i, p in enumerate(paras):
        if i < 2 or p.table is not None or not genre.PART_CLOSING.match(p.plain):
            continue
        for form in forms:
            if form not in used and len(genre.numbered_run(paras[:i], form)) >= 2 and genre.numbered_run(paras[i + 1 :], form):
                return i
    return None
# forms that open a paragraph only as a numbered item: one alone still is one (an excerpt cut after it);
# 第一， heads a part only where the parts are numbered so, and then it is in ``used`` here
_ITEM_ONLY_FORMS = ("（一）", "(一)", "第一、", "第一句话，", "第一句话,", "1、", "第一，", "第一,")


def _announced_item(paras: list[Paragraph], used: set[str], forms: tuple[str, ...]) -> tuple[str, list[int]]:
    """A first item with no second after it (an excerpt, or a list the speaker cut short),
    counted where the paragraph before announces a list (……可以用三句话来概括：) or the
    marker is one that opens a paragraph only as an item ((一) 第一、 1、), or the item's
    line is a heading over a body of its own (1. 绿化造林成果丰硕, the excerpt cut before 2.)."""
    for i in range(len(paras)):
        announced = i > 0 and paras[i - 1].table is None and paras[i - 1].plain.endswith("：")
        announced = announced or (i + 1 < len(paras) and len(paras[i].text) <= 30 and genre.is_heading_line(paras[i].plain)
                                  and not paras[i].plain.endswith(tuple(genre.SENTENCE_END)))
        if paras[i].table is None and genre.inline_items(paras[i].text) is None:  # 一是……二是…… is a list of its own
            for form in forms if announced else tuple(f for f in forms if f in _ITEM_ONLY_FORMS):
                if form not in used and genre.marker_number(paras[i].text, form) == 1:
                    if not any(genre.marker_number(p.text, form) for p in paras[i + 1 :] if p.table is None):
                        return form, [i]
    return "", []


def _fill_sections(holder, intro, children, used, path, roles, result) -> None:
    keys = roles.in_def(roles.part_def)
    if intro:
        holder[keys.get("intro", "intro")] = texts_of(intro)
    form = children[0].form
    holder[keys["section-numbering"]] = form
    skeys = roles.in_def(roles.section_def)
    sections = []
    for n, child in enumerate(children):
        spath = path + (keys["sections"], n)
        heading, rest = split_head(child.head, child.marker(n + 1))
        section: dict[str, Any] = {skeys.get("heading", "heading"): heading}
        paras = child.intro
        run_in, rest = mark_joined(section, child, rest, skeys)
        if run_in and rest is None:
            section[skeys["heading-run-in"]] = True
        elif rest is not None:
            section[skeys.get("heading-run-in", "run_in")] = True
            paras = [Paragraph(rest, "")] + paras
        _fill_items(section, paras, used, spath, roles, roles.section_def, result)
        sections.append(section)
    holder[keys["sections"]] = sections
    result.note(path + (keys["sections"],), f"自动识别：本部分分为 {len(sections)} 节，节序号为 {form}，各节之下再分要点")
    # a paragraph after the last section's closing that turns back to the whole part
    last = sections[-1]
    closing_key = skeys.get("section-closing", "closing")
    tail = last.get(closing_key, [])
    for i, text in enumerate(tail):
        if isinstance(text, str) and genre.PART_CLOSING.match(text.translate(genre.HALF_TO_FULL)):
            holder[keys.get("part-closing", "closing")] = tail[i:]
            del tail[i:]
            if not tail:
                del last[closing_key]
            break


def _inline_or_text(holder, paras, path, roles, def_name, result) -> None:
    """Items written inside one paragraph (一是……；二是……；三是……), or plain paragraphs."""
    keys = roles.in_def(def_name)
    layouts = roles.enum(def_name, keys.get("item-layout", "layout"))
    forms = roles.enum(def_name, keys.get("item-numbering", ""))
    restarts = "inline-restart" in roles.in_def(roles.point_def)

    def fits(listed: genre.InlineList) -> bool:  # a list that starts again needs a pack that can say so
        return listed.form in forms and (restarts or not listed.groups)

    found = [(i, f) for i, f in _inline_paragraphs(paras, False) if fits(f)]
    if not found and "inline-lead-in" in keys:  # a paragraph opening with 一是 is the likelier list
        found = [(i, f) for i, f in _inline_paragraphs(paras, True) if fits(f)]
    if len(found) == 1 and "inline" in layouts:
        i, listed = found[0]
        form = listed.form
        if paras[:i]:
            holder[keys.get("intro", "intro")] = texts_of(paras[:i])
        if listed.before:
            holder[keys["inline-lead-in"]] = listed.before
            result.note(path + (keys["inline-lead-in"],), f"自动识别：同一段中“{form}”之前的话，作为列举前的引语")
        holder[keys.get("item-numbering", "enumeration")] = form
        holder[keys.get("item-layout", "layout")] = "inline"
        points_key = keys.get("items", "points")
        holder[points_key] = [_inline_point(k, listed, path + (points_key, k), roles, result) for k in range(len(listed.items))]
        _note_inline_enumerations(paras[:i], path + (keys.get("intro", "intro"),), result)
        result.note(path + (keys.get("item-layout", "layout"),), f"自动识别：{len(listed.items)} 个要点写在同一段中（{form}……），版式为 inline")
        if paras[i + 1 :]:
            holder[keys.get("part-closing", keys.get("section-closing", "closing"))] = texts_of(paras[i + 1 :])
        return
    if paras:
        holder[keys.get("intro", "intro")] = texts_of(paras)
        _note_inline_enumerations(paras, path + (keys.get("intro", "intro"),), result)


def _inline_paragraphs(paras: list[Paragraph], lead_in: bool) -> list[tuple[int, genre.InlineList]]:
    """(index, list) of each paragraph listing items inline: opening with 一是, or
    with ``lead_in`` after words of its own (……不足。主要是：一是……)."""
    found = []
    for i, p in enumerate(paras):
        if p.table is not None:
            continue
        items = genre.inline_items_after(p.text) if lead_in else genre.inline_items(p.text)
        if items is not None:
            found.append((i, items))
    return found


def _inline_point(k: int, listed: genre.InlineList, path: Path_, roles: Roles, result: Extraction) -> dict:
    """An item of an inline list: its first sentence is the lead, the rest of its text
    the body printed on in the same paragraph (where statistics are read)."""
    keys = roles.in_def(roles.point_def)
    text = listed.items[k]
    end = genre.lead_clause(text)
    point: dict[str, Any] = {}
    if k in listed.groups and "inline-restart" in keys:
        point[keys["inline-restart"]] = listed.groups[k]
        result.note(path, f"自动识别：同一段中从这里起重新从“{listed.form}”数起，之前的话写在 {keys['inline-restart']} 中")
    if 0 < end < len(text) and "body" in keys:
        point[keys.get("lead", "lead")] = text[:end]
        point[keys["body"]] = [text[end:]]
    else:
        point[keys.get("lead", "lead")] = text
    return point


def _layout(children: list[Node]) -> str:
    """run-in when an item line goes on after its lead sentence (or Word showed a bold lead)."""
    for n, child in enumerate(children):
        first = child.head
        if first.lead and first.lead != first.text:
            return "run-in"
        if split_head(first, child.marker(n + 1), item=True)[1]:  # words after the lead sentence (or after 工业产值：)
            return "run-in"
    return "standalone"


def _point(n: int, node: Node, layout: str, used: set[str], path: Path_, roles: Roles, result: Extraction) -> dict:
    keys = roles.in_def(roles.point_def)
    marker = node.marker(n + 1)
    text = node.head.text[len(marker) :]
    paras = node.intro
    sub_form, sub_run = "", []
    if "subitems" in keys:
        allowed = longest_first(tuple(f for f in roles.enum(roles.point_def, keys.get("subitem-numbering", "")) if f != "none"))
        sub_form, sub_run = genre.level_form(paras, used, allowed)
        if not sub_run:
            sub_form, sub_run = _lone_joined(paras, used, allowed)
        if not sub_run:  # a lone 1、 under （二）, or one announced by a colon
            sub_form, sub_run = _announced_item(paras, used, allowed)
    before, subs = genre.divide(paras, sub_form, sub_run) if sub_run else (paras, [])
    if layout == "standalone":
        point: dict[str, Any] = {"lead": text}
        body = texts_of(before)
    else:
        lead, tail = split_head(node.head, marker, item=True)
        tail = tail or ""
        point = {"lead": lead}
        body = ([tail] if tail or before else []) + texts_of(before)
        if len(body) > 1 and body[0] == "":
            result.note(path, "自动识别：原文中这个要点句独占一段，所以正文第一项留空（\"\"），其后的段落各自成段")
    if body:
        point["body"] = body
    if node.head.joined and "joined" in keys:
        point[keys["joined"]] = True
    if subs:
        point[keys["subitem-numbering"]] = sub_form
        point[keys["subitems"]] = [_subitem(k, sub, "joined" in roles.in_def(roles.items_def(roles.point_def, keys["subitems"])))
                                   for k, sub in enumerate(subs)]
        result.note(path + (keys["subitems"],), f"自动识别：要点之下有 {len(subs)} 条细目，序号为 {sub_form}")
    return point


def _lone_joined(paras: list[Paragraph], used: set[str], forms: tuple[str, ...]) -> tuple[str, list[int]]:
    """A first unit with no second, cut from a flattened paragraph right after its parent's
    heading (1、上半年经济运行良好（1）经济指标实现“开门红”。……): the cut says it is a unit."""
    for i, p in enumerate(paras):
        if p.joined:
            for form in forms:
                if form not in used and genre.marker_number(p.text, form) == 1 and not genre.numbered_run(paras[i + 1 :], form):
                    return form, [i]
    return "", []


def _subitem(k: int, node: Node, can_join: bool = False) -> dict:
    lead, tail = split_head(node.head, node.marker(k + 1))
    body = ([tail or ""] if tail or node.intro else []) + texts_of(node.intro)
    subitem = {"lead": lead, "body": body} if body else {"lead": lead}
    if node.head.joined and can_join:
        subitem["joined"] = True
    return subitem


def _note_inline_enumerations(paras: list[Paragraph], path: Path_, result: Extraction) -> None:
    for i, p in enumerate(paras):
        for form in ("一是", "一要", "第一，"):
            second = enumeration_marker(form, 2)
            if form in p.plain and second in p.plain:
                result.note(path + (i,), f"这段话内部有“{form}……{second}……”的列举，按普通段落保留")
                break

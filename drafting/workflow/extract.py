"""Recognise a read speech's or report's structure and express it as a pack's data.

The reverse of the template: from paragraphs (``drafting/readers``) to the
values of a pack. The genre's shape is recognised once (``genre.py``: parts,
sections, items, sub-items, closings); which field holds what is read from the
pack's schema (``x-draft-role`` annotations), so any pack whose schema names
its title, parts, items… can be extracted into. Every paragraph lands in
exactly one slot, in its original order, so building the data gives the text
back; where recognition is a guess, a Chinese note says so (the YAML writer
prints it as a comment). What fits no slot stays a plain paragraph in place.
"""

from __future__ import annotations

import itertools

import re
from dataclasses import dataclass, field
from typing import Any

from drafting.errors import DataError, DraftError, Location
from drafting.model.document import BlockRole, Document
from drafting.model.numerals import calendar_date, chinese_numeral, enumeration_marker, format_date, parse_count
from drafting.packs.roles import Roles
from drafting.workflow import flattened, genre
from drafting.workflow.genre import Node, Paragraph, is_heading_line, lead_sentence

Path_ = tuple[str | int, ...]

DEFAULT_PACK = "half-year-speech"
DEFAULT_COUNT_PHRASE = {"上半年": "下面，就做好下半年经济工作，我讲{n}点意见。", "下半年": "下面，就做好明年经济工作，我讲{n}点意见。"}

_SALUTATION = re.compile(r"[^，。；！？\n]{1,30}：")
_DERIVED_TITLE = re.compile(r"在(\d{4})年(.+)上的讲话")
_MEETING_IN_TITLE = re.compile(r"在(.+)上的(?:讲话|发言|报告|总结讲话|主持词)")
_YEAR = re.compile(r"(\d{4}) ?年")  # 2025年, or 2025 年 in text pasted from a PDF
_DATE_LINE = re.compile(r"（(.+)）")
_ARABIC_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_CHINESE_DATE = re.compile(r"[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")
_REPORT_TITLE = re.compile(r"(.*?)(\d{4})年(上半年|前三季度|全年)?工作(?:总结|报告)")
# a count phrase names how many parts follow: 我讲三点意见 / 强调两个问题 / 讲三个方面
COUNT_WORDS = re.compile(
    r"(?:讲|谈|强调|说|提)(?:以下|这么|一下)?([一二两三四五六七八九十]{1,3})(?:点|个方面|个问题|方面|层意思)"
)
_HEADING_MAX = 60
_LEAD_BEFORE_COLON = 20  # a lead closed by a colon is a few words (工业产值：), not a sentence with a quote in it
_HEADING_FORMS = ("一、", "第一部分", "第一部分，", "第一部分：", "（一）", "(一)")  # a lone one still heads a part


@dataclass(slots=True)
class Extraction:
    """The pack's data in schema order, and Chinese notes on what was guessed."""

    data: dict[str, Any]
    notes: dict[Path_, list[str]] = field(default_factory=dict)
    statistics: list[dict] = field(default_factory=list)  # every indicator recognised, in order
    written: str = ""  # when the old file says it was written (a .docx's properties), YYYY-MM-DD
    reminders: list[str] = field(default_factory=list)  # what ``draft extract`` tells the writer to fill in

    def note(self, path: Path_, text: str) -> None:
        self.notes.setdefault(path, []).append(text)

    def summary(self) -> str:
        """How much was recognised, in the words ``draft extract`` prints."""
        counts = structure_counts(self.data)
        listed = f"，段中列举 {counts['listed']} 项" if counts["listed"] else ""
        return (f"{counts['parts']} 个部分，{counts['sections']} 节，{counts['items']} 个要点，"
                f"{counts['subitems']} 条细目{listed}，{len(self.statistics)} 项统计指标")


def structure_counts(data: dict) -> dict[str, int]:
    """Parts, sections, items and sub-items in extracted data (a report's levels count as parts and sections)."""
    counts = {"parts": 0, "sections": 0, "items": 0, "subitems": 0}
    for part in data.get("parts", []):
        counts["parts"] += 1
        holders = [part] + part.get("sections", [])
        counts["sections"] += len(part.get("sections", []))
        for holder in holders:
            for point in holder.get("points", []):
                counts["items"] += 1
                counts["subitems"] += len(point.get("subitems", []))

    def report(sections: list, depth: int) -> None:
        for section in sections:
            counts[("parts", "sections", "items", "subitems")[min(depth, 3)]] += 1
            report(section.get("sections", []), depth + 1)

    report(data.get("sections", []), 0)
    counts["listed"] = _listed_items(data)
    return counts


def _listed_items(value: Any) -> int:
    """Items listed inside paragraphs (list paragraphs), at every depth."""
    if isinstance(value, list):
        return sum(_listed_items(v) for v in value)
    if not isinstance(value, dict):
        return 0
    own = len(value["points"]) if "points" in value and "layout" not in value and "heading" not in value and "enumeration" in value else 0
    return own + sum(_listed_items(v) for v in value.values())


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


# ---------------------------------------------------------------- packs and roles


def detect_pack(document: Document) -> str:
    """The built-in pack a text reads like, by the genre's signals (``genre.pack_of``)."""
    return pack_and_reason(document)[0]


def pack_and_reason(document: Document) -> tuple[str, str]:
    """(pack, why in Chinese) for ``draft extract`` without ``--pack``."""
    paras = paragraphs_of(document)
    if not paras:
        return DEFAULT_PACK, ""
    return genre.pack_of(paras, _salutation_index(paras[:8]), _signature_at(paras) is not None)


def extract(
    document: Document, file: str, pack: Any = DEFAULT_PACK, indicators: bool = True, joins: bool = True,
    lists: bool = True,
) -> Extraction:
    """The data of ``pack`` (a name or a loaded pack) for the document; never gives
    up on a document with words: what is not recognised stays in place as text.

    With ``indicators``, statistics that the pack prints back exactly become indicator data;
    with ``joins``, units a flattened page ran into another's paragraph are cut out
    (``flattened.py``) and marked ``joined``; with ``lists``, enumerations inside a
    paragraph become list paragraphs (``inline_lists.py``).
    """
    from drafting.packs.finder import find_pack

    pack = find_pack(pack) if isinstance(pack, str) else pack
    paras = paragraphs_of(document)
    if not paras:
        raise DataError("文件中没有文字，无法整理", Location(file))
    roles = Roles.of(pack.schema)
    pieces = flattened.split(paras) if joins else paras
    while True:  # a cut piece that heads no joined unit goes back where it was, and the text is read again
        result = Extraction({"pack": pack.name}, written=document.meta.date)
        if roles.genre == "report":
            _report(pieces, roles, result)
        else:
            _speech(pieces, roles, result, pack.name)
        used = flattened.used(pieces, result.data)
        merged = flattened.merge_unused(pieces, used)
        if len(merged) == len(pieces):  # every piece left heads its unit
            break
        pieces = merged
    if lists:
        _nest_lists(result, pack.schema)
    if indicators:
        _recognise_indicators(result, pack.schema)
    result.data = _in_schema_order(result.data, pack.schema, pack.schema)
    return result


def _nest_lists(result: Extraction, schema: dict) -> None:
    """Enumerations inside paragraphs left as words become list paragraphs (``inline_lists``)."""
    from drafting.workflow.inline_lists import list_forms, nest_lists

    for path, count, form in nest_lists(result.data, list_forms(schema), _inline_lead_end):
        notes = [n for n in result.notes.get(path, []) if not n.startswith("这段话内部有")]
        result.notes[path] = notes + [f"自动识别：这段话中列举了 {count} 项（{form}……），整理为段中列举（enumeration、points），输出与原文相同"]


def _recognise_indicators(result: Extraction, schema: dict) -> None:
    from drafting.readers.indicators import with_indicators

    first = None
    slots = [*_paragraph_slots(result.data, ()), *_lead_slots(result.data, schema, schema, ())]
    for path, holder, at in slots:
        text = holder[at]
        if not isinstance(text, str):
            continue
        found = with_indicators(text)
        if found is not text:
            holder[at] = found
            result.statistics.extend(found["indicators"])
            result.note(
                path,
                f"自动识别：段中的统计数字整理为 {len(found['indicators'])} 项指标（indicators），输出与原文相同",
            )
            first = first or path
    if first is not None:
        result.note(first, SHEET_NOTE)


# the figures kept are the old speech's; the statistics sheet (source/statistics.py) fills value and change
SHEET_NOTE = (
    "各指标的数字是原稿（去年）的。换成今年的：在文件开头加一行 statistics: 指标.xlsx（统计局的表；"
    "可用 draft extract 原稿 --statistics-out 指标.xlsx 生成空表交统计部门填写），再把要更新的 value、change "
    "改为 X 或删去，生成时按 name 从表中取数；share、rank、gap 等表中没有的数字请直接改写"
)


_PARAGRAPH_LISTS = {"opening", "intro", "body", "closing", "after"}
_PARAGRAPH_FIELDS = {"lead_in"}  # one paragraph's text (the words before an inline list)


def _paragraph_slots(value: Any, path: Path_):
    """Every paragraph of the data as (path, what holds it, its key or index there)."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key in _PARAGRAPH_LISTS and isinstance(child, list):
                for n, element in enumerate(child):
                    if isinstance(element, dict) and "points" in element:  # a paragraph listing items
                        yield from _paragraph_slots(element, path + (key, n))
                    else:
                        yield path + (key, n), child, n
            elif key in _PARAGRAPH_FIELDS:
                yield path + (key,), value, key
            else:
                yield from _paragraph_slots(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paragraph_slots(child, path + (i,))


def _lead_slots(value: Any, node: dict, schema: dict, path: Path_):
    """Every lead sentence the pack lets hold statistics (a ``lead`` field, or one of role
    ``lead``, whose schema also admits an indicator paragraph: 二是财政收入完成X亿元，增长X%。),
    as ``_paragraph_slots`` gives them; where the pack prints a lead only as words it stays
    words, so the rebuild stays exact. Paragraph lists are not entered: their list items'
    leads are words in every pack."""
    node = _resolve(node, schema) if isinstance(node, dict) else {}
    if isinstance(value, list):
        for i, child in enumerate(value):
            yield from _lead_slots(child, node.get("items", {}), schema, path + (i,))
    elif isinstance(value, dict):
        props = node.get("properties", {})
        for key, child in value.items():
            prop = props.get(key)
            if not isinstance(prop, dict):
                continue
            if isinstance(child, str) and _lead_takes_indicators(prop, schema, key):
                yield path + (key,), value, key
            elif isinstance(child, (dict, list)):
                yield from _lead_slots(child, prop, schema, path + (key,))


def _lead_takes_indicators(prop: dict, schema: dict, key: str) -> bool:
    return (key == "lead" or prop.get("x-draft-role") == "lead") and any(
        "indicators" in _resolve(branch, schema).get("properties", {}) for branch in prop.get("anyOf", [])
    )


def _in_schema_order(value: Any, node: dict, schema: dict) -> Any:
    """Keys in the order the schema lists them (the order a writer reads the pack's example in)."""
    while isinstance(node, dict) and "$ref" in node:
        node = schema.get("$defs", {}).get(node["$ref"].rsplit("/", 1)[-1], {})
    if isinstance(value, dict):
        props = node.get("properties", {}) if isinstance(node, dict) else {}
        if not props and isinstance(node, dict):  # a paragraph: text or an indicator paragraph
            for branch in node.get("anyOf", []):
                target = _resolve(branch, schema)
                if set(value) <= set(target.get("properties", {})):
                    props = target["properties"]
                    break
        order = list(props)
        keys = sorted(value, key=lambda k: order.index(k) if k in order else len(order))
        return {k: _in_schema_order(value[k], props.get(k, {}), schema) for k in keys}
    if isinstance(value, list):
        item = node.get("items", {}) if isinstance(node, dict) else {}
        return [_in_schema_order(v, item, schema) for v in value]
    return value


def _resolve(node: dict, schema: dict) -> dict:
    while "$ref" in node:
        node = schema.get("$defs", {}).get(node["$ref"].rsplit("/", 1)[-1], {})
    return node


# ---------------------------------------------------------------- speeches


def _speech(paras: list[Paragraph], roles: Roles, result: Extraction, pack_name: str) -> None:
    top = roles.top
    salutation_at = _salutation_index(paras[:8])
    search_from = salutation_at + 1 if salutation_at is not None else 0
    part_forms = _ordered(tuple(f for f in roles.enum(None, top.get("part-numbering", "")) if f != "none") or ("一、",))
    part_form, run = genre.level_form(paras[search_from:], set(), part_forms, minimum=2)
    # a fragment with one part: a heading form alone counts when it comes first
    single = genre.level_form(paras[search_from:], set(), tuple(f for f in part_forms if f in _HEADING_FORMS), minimum=1)
    if single[1] and (not run or single[1][0] < run[0]):
        part_form, run = single
    announced = _announced_parts(paras[search_from:], part_forms, "none" in roles.enum(None, top.get("part-numbering", "")))
    if announced[1] and (not run or announced[1][0] < run[0]):
        part_form, run = announced
    run = [search_from + i for i in run]
    # an excerpt that starts inside part 一 (its first heading is 二、): what comes before is that part's rest
    late_form, first_seen, late = _late_run(paras[search_from:], part_forms)
    skipped = 0
    if late and late[0] > 0 and (not run or part_form not in _TOP_FORMS) and roles.in_def(roles.part_def).get("heading", "heading") not in roles.required(roles.part_def):
        part_form, run, skipped = late_form, [search_from + i for i in late], first_seen - 1
    lost = _lost_numerals(paras, search_from, run[0] if run else len(paras))
    if lost and "none" in roles.enum(None, top.get("part-numbering", "")):
        part_form, run = "none", lost + [i for i in range(lost[-1] + 1, len(paras)) if _LOST_NUMERAL.fullmatch(paras[i].plain)]
    if salutation_at is not None:
        preamble, body_start = paras[:salutation_at], salutation_at + 1
    else:
        preamble = _preamble(paras[: run[0]] if run else paras)
        body_start = len(preamble)
    if not run:
        part_form, run = "none", _unnumbered_parts(paras, body_start)
    opening = paras[body_start : run[0]] if not skipped else []
    closing_at = _speech_closing(paras, run[-1], part_form)
    data = result.data
    meeting, title_fields = _front_matter([p.text for p in preamble], paras, result, roles, pack_name)
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
    opening_texts, phrase = _count_phrase(
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
        data[top.get("closing", "closing")] = [_text_or_table(p) for p in paras[closing_at:]]
        result.note((top.get("closing", "closing"),), "自动识别：从“同志们，”开始的段落作为结束语")


# part numberings that are a speech's top level, never a part's sections or items
_TOP_FORMS = ("一、", "第一部分", "第一部分，", "第一部分：", "第一，", "第一、", "第一,")


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
        if not COUNT_WORDS.search(before.plain[_last_sentence_start(before.text):]):
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
    return (p.table is None and 4 <= len(text) <= _HEADING_MAX and genre.is_heading_line(text)
            and text[-1] not in "。！？；：，、" and not text.startswith(("—", "-", "•"))
            and not any(genre.marker_number(text, form) for form in genre.FORMS))


# a part heading whose numeral a PDF lost (、经济建设和社会事业取得新成绩): a short line that opens with 、
_LOST_NUMERAL = re.compile(r"、[^、。；！？：，]{2,40}")


def _lost_numerals(paras: list[Paragraph], start: int, end: int) -> list[int]:
    """Headings that lost their numeral before the first numbered part (the 1、 under them are its items)."""
    return [i for i in range(start, end) if paras[i].table is None and _LOST_NUMERAL.fullmatch(paras[i].plain)][:1]


def _ordered(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The pack's forms, longest first (第一部分， before 第一部分)."""
    return tuple(sorted(forms, key=len, reverse=True))


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


def _text_or_table(p: Paragraph) -> Any:
    if p.table is not None:
        return {"table": {"rows": [list(row) for row in p.table]}}
    return p.text


def _texts(paras: list[Paragraph]) -> list[Any]:
    return [_text_or_table(p) for p in paras]


def _split_head(p: Paragraph, marker: str, item: bool = False) -> tuple[str, str | None]:
    """(heading, rest) of a numbered line: rest is None when the line is only a heading.
    An ``item``'s lead may be a few words closed by a colon (（一）工业产值：……)."""
    text = p.text[len(marker) :]
    if p.lead.startswith(marker) and len(p.lead) > len(marker) and p.text.startswith(p.lead) and p.lead != p.text:
        end = len(p.lead) - len(marker)
        return text[:end], text[end:]
    colon = text.translate(genre.HALF_TO_FULL).find("：") if item and p.lead != p.text else -1
    if 0 < colon < min(lead_sentence(text) or len(text), _LEAD_BEFORE_COLON) and colon + 1 < len(text):
        return text[: colon + 1], text[colon + 1 :]
    space = _heading_space(text)
    if space and p.lead != p.text and not _opens_a_unit(text[space + 1 :]):
        return text[: space + 1], text[space + 1 :]
    opener = flattened.heading_before_opener(text) if p.lead != p.text else 0
    if opener:
        return text[:opener], text[opener:]
    if is_heading_line(text) or p.lead == p.text:
        return text, None
    end = lead_sentence(text)
    return text[:end], text[end:]


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


def _speech_part(index: int, node: Node, path: Path_, roles: Roles, result: Extraction) -> dict:
    keys = roles.in_def(roles.part_def)
    marker = enumeration_marker(node.form, index + 1) if node.form != "none" else ""
    heading, rest = _split_head(node.head, marker)
    saved = {key: list(notes) for key, notes in result.notes.items()}
    part = _speech_part_as(node, heading, rest, path, roles, result)
    if rest is not None and "heading-run-in" in keys and not _rest_stays(part, keys, rest):
        # the rest opened a unit of its own (二、抓好落实。（一）……), which could not be printed
        # inside the heading's paragraph: the whole line is the heading
        result.notes = saved
        part = _speech_part_as(node, node.head.text[len(marker) :], None, path, roles, result)
    return part


def _speech_part_as(node: Node, heading: str, rest: str | None, path: Path_, roles: Roles, result: Extraction) -> dict:
    keys = roles.in_def(roles.part_def)
    part: dict[str, Any] = {keys.get("heading", "heading"): heading}
    paras = node.intro
    run_in, rest = _joined(part, node, rest, keys)
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


def _joined(unit: dict, node: Node, rest: str | None, keys: dict) -> tuple[bool, str | None]:
    """Mark a unit a flattened page printed inside the paragraph before it (``joined``), and
    say whether its heading must be run in (a paragraph the next joined unit goes on in)."""
    if "joined" not in keys or "heading-run-in" not in keys:
        return rest is not None, rest
    if node.head.joined:
        unit[keys["joined"]] = True
    return flattened.run_in_for_join(node.head, node.intro, rest)


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
    item_forms = _ordered(tuple(f for f in roles.enum(def_name, keys.get("item-numbering", "enumeration")) if f != "none"))
    section_forms = _ordered(tuple(f for f in roles.enum(def_name, keys.get("section-numbering", "")) if f != "none"))
    turn = _turn_to_closing(paras, used, _ordered(item_forms + section_forms))
    if turn is not None:  # 一是…二是… then 在看到成绩的同时……：一是…二是…: items, then the closing
        closing_key = keys.get("part-closing", keys.get("section-closing", "closing"))
        _fill_items(holder, paras[:turn], used, path, roles, def_name, result)
        holder[closing_key] = holder.get(closing_key, []) + _texts(paras[turn:])
        result.note(path + (closing_key,), "自动识别：从转回全部分的话（在看到成绩的同时……）起作为结尾，其后重新编号的列举不是本部分的要点")
        return
    form, run = genre.level_form(paras, used, _ordered(item_forms + tuple(f for f in section_forms if f not in item_forms)))
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
    if "sections" in keys and form in section_forms and (deeper or inline_below) and sections:
        _fill_sections(holder, intro, children, used | {form}, path, roles, result)
        return
    if form not in item_forms:
        _inline_or_text(holder, paras, path, roles, def_name, result)
        return
    if intro:
        holder[keys.get("intro", "intro")] = _texts(intro)
        _note_inline_enumerations(intro, path + (keys.get("intro", "intro"),), result)
    layout = "run-in" if any(child.head.joined for child in children) else _layout(children)
    lead_only = layout == "run-in" and _split_head(children[-1].head, children[-1].marker(len(children)), item=True)[1] in (None, "")
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
        holder[keys.get("part-closing", keys.get("section-closing", "closing"))] = _texts(node.closing)
        result.note(
            path + ("closing",),
            f"自动识别：最后一个要点之后的 {len(node.closing)} 段作为结尾（不属于最后一个要点）",
        )


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


# forms that open a paragraph only as a numbered item: one alone still is one (an excerpt cut after it)
_ITEM_ONLY_FORMS = ("（一）", "(一)", "第一、", "第一句话，", "第一句话,", "1、")


def _announced_item(paras: list[Paragraph], used: set[str], forms: tuple[str, ...]) -> tuple[str, list[int]]:
    """A first item with no second after it (an excerpt, or a list the speaker cut short),
    counted where the paragraph before announces a list (……可以用三句话来概括：) or the
    marker is one that opens a paragraph only as an item ((一) 第一、 1、)."""
    for i in range(len(paras)):
        announced = i > 0 and paras[i - 1].table is None and paras[i - 1].plain.endswith("：")
        if paras[i].table is None and genre.inline_items(paras[i].text) is None:  # 一是……二是…… is a list of its own
            for form in forms if announced else tuple(f for f in forms if f in _ITEM_ONLY_FORMS):
                if form not in used and genre.marker_number(paras[i].text, form) == 1:
                    if not any(genre.marker_number(p.text, form) for p in paras[i + 1 :] if p.table is None):
                        return form, [i]
    return "", []


def _fill_sections(holder, intro, children, used, path, roles, result) -> None:
    keys = roles.in_def(roles.part_def)
    if intro:
        holder[keys.get("intro", "intro")] = _texts(intro)
    form = children[0].form
    holder[keys["section-numbering"]] = form
    skeys = roles.in_def(roles.section_def)
    sections = []
    for n, child in enumerate(children):
        spath = path + (keys["sections"], n)
        heading, rest = _split_head(child.head, child.marker(n + 1))
        section: dict[str, Any] = {skeys.get("heading", "heading"): heading}
        paras = child.intro
        run_in, rest = _joined(section, child, rest, skeys)
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
            holder[keys.get("intro", "intro")] = _texts(paras[:i])
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
            holder[keys.get("part-closing", keys.get("section-closing", "closing"))] = _texts(paras[i + 1 :])
        return
    if paras:
        holder[keys.get("intro", "intro")] = _texts(paras)
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
    end = _inline_lead_end(text)
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


def _before_statistics(sentence: str) -> int:
    """Where the clause holding a statistic starts in a one-sentence inline item
    (工业投资增长乏力，|全区工业投资同比下降4.2%。), so the figure can be data; 0 when none.
    Inline leads are not set in bold, so the cut changes nothing in print."""
    from drafting.readers.indicators import with_indicators

    found = with_indicators(sentence)
    if isinstance(found, str):
        return 0
    before = found.get("before", "").translate(genre.HALF_TO_FULL)
    return max(before.rfind(mark) for mark in "，；：") + 1


def _layout(children: list[Node]) -> str:
    """run-in when an item line goes on after its lead sentence (or Word showed a bold lead)."""
    for n, child in enumerate(children):
        first = child.head
        if first.lead and first.lead != first.text:
            return "run-in"
        if _split_head(first, child.marker(n + 1), item=True)[1]:  # words after the lead sentence (or after 工业产值：)
            return "run-in"
    return "standalone"


def _point(n: int, node: Node, layout: str, used: set[str], path: Path_, roles: Roles, result: Extraction) -> dict:
    keys = roles.in_def(roles.point_def)
    marker = node.marker(n + 1)
    text = node.head.text[len(marker) :]
    paras = node.intro
    sub_form, sub_run = "", []
    if "subitems" in keys:
        allowed = _ordered(tuple(f for f in roles.enum(roles.point_def, keys.get("subitem-numbering", "")) if f != "none"))
        sub_form, sub_run = genre.level_form(paras, used, allowed)
        if not sub_run:
            sub_form, sub_run = _lone_joined(paras, used, allowed)
        if not sub_run:  # a lone 1、 under （二）, or one announced by a colon
            sub_form, sub_run = _announced_item(paras, used, allowed)
    before, subs = genre.divide(paras, sub_form, sub_run) if sub_run else (paras, [])
    if layout == "standalone":
        point: dict[str, Any] = {"lead": text}
        body = _texts(before)
    else:
        lead, tail = _split_head(node.head, marker, item=True)
        tail = tail or ""
        point = {"lead": lead}
        body = ([tail] if tail or before else []) + _texts(before)
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
    lead, tail = _split_head(node.head, node.marker(k + 1))
    body = ([tail or ""] if tail or node.intro else []) + _texts(node.intro)
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


# ---------------------------------------------------------------- reports


def _report(paras: list[Paragraph], roles: Roles, result: Extraction) -> None:
    """Title, opening, the text's own levels (一、（一）1.（1）, or （一） 1、 一是 … where the
    text uses them) as deep as the pack goes, closing, 落款 (or none, as in the text)."""
    top, data = roles.top, result.data
    signature_at = _signature_at(paras)
    end = signature_at if signature_at is not None else len(paras)
    depth = len(_report_levels(roles)) or 1
    forms = _report_forms(roles)
    title_count = 1 if paras and _looks_like_title(paras[0].text) and not _opens_a_level(paras[0], forms) else 0
    issuer, date = None, None
    if signature_at is not None:
        issuer = paras[signature_at].text
        if signature_at + 1 < len(paras):
            date = _date_text(paras[signature_at + 1].text)
    title = paras[0].text if title_count else ""
    m = _REPORT_TITLE.fullmatch(title)
    year = (int(m.group(2)), "自动识别：年份取自标题") if m else _year_in(paras, date, result.written)
    if "issuer" in top:
        data[top["issuer"]] = issuer or (m.group(1) if m and m.group(1) else "请填写发文机关")
    if "signature" in top and signature_at is None:
        data[top["signature"]] = False
        result.note((top["signature"],), "自动识别：原稿末尾没有落款，不输出；要输出落款请改为 true 并填写发文机关（issuer）")
    elif issuer is None and "issuer" in top:
        result.note((top["issuer"],), "自动识别：原文末尾没有落款，发文机关请核对（生成时会在末尾输出落款）")
    if "year" in top:
        data[top["year"]] = year[0]
        result.note((top["year"],), year[1])
        _remind_unknown_year(year[0], top["year"], result)
    period = m.group(3) if m and m.group(3) else _period_in(paras, title)
    if "period" in top:
        data[top["period"]] = period
    derived = bool(m and issuer and m.group(1) == issuer and m.group(3) == period)
    if "title" in top and not derived:
        data[top["title"]] = title
        if not title:
            result.note((top["title"],), "自动识别：原文没有标题行，写空字符串则不输出")
    if date and "date" in top:
        data[top["date"]] = date[0]
        if date[1] != "arabic":
            data[top["date-style"]] = date[1]
    body = paras[title_count:end]
    levels: list[str] = []
    opening, sections = _report_body(body, forms, levels, depth)
    if opening and "opening" in top:
        data[top["opening"]] = _texts(opening)
    data[top["sections"]] = sections
    defaults = [form for _, form in _report_levels(roles)]
    if levels and levels != defaults[: len(levels)] and "level-numbering" in top:
        data[top["level-numbering"]] = levels
        result.note((top["level-numbering"],), f"自动识别：原文各层序号为 {'、'.join(levels)}")
    if not levels:
        result.note((top["sections"],), "自动识别：没有找到编号的部分，正文按原文写在一个不带标题的部分中，请核对")
    else:
        result.note((top["sections"],), f"自动识别：正文分 {len(sections)} 部分，层次序号 {''.join(levels)}")
    if signature_at is not None and end + (2 if date else 1) < len(paras):
        result.note((top["sections"],), "落款之后还有文字，按原位置保留在最后一部分")


# numbering a report level may take, for a pack that names none (level-numbering's enum)
_REPORT_FORMS = ("一、", "第一部分", "（一）", "(一)", "1.", "1．", "1、", "（1）", "(1)", "一是", "一要", "第一，", "第一,", "第一、", "其一，", "其一,")
# forms a lone first unit may head a level with (an excerpt cut after it)
_LONE_LEVEL_FORMS = ("一、", "第一部分", "（一）", "(一)", "1、", "第一、")


def _report_forms(roles: Roles) -> tuple[str, ...]:
    key = roles.top.get("level-numbering")
    forms = roles.schema.get("properties", {}).get(key, {}).get("items", {}).get("enum", ()) if key else ()
    return _ordered(tuple(forms) or tuple(form for _, form in _report_levels(roles)) or _REPORT_FORMS)


def _opens_a_level(p: Paragraph, forms: tuple[str, ...]) -> bool:
    """A first line numbered like a part (一、上半年工作总结) heads a level, not the document."""
    return any(genre.marker_number(p.text, form) == 1 for form in forms if form in _LONE_LEVEL_FORMS)


def _report_body(body: list[Paragraph], forms: tuple[str, ...], levels: list[str], depth: int) -> tuple[list[Paragraph], list[dict]]:
    """(opening, top sections): the top level is the text's own; an excerpt that starts inside a
    part (its first heading is 二、) gets a part without a heading for what comes before."""
    form, run = _level_in(body, forms, levels, 0)
    if run:
        opening, nodes = genre.divide(body, form, run)
        levels.append(form)
        return opening, [_report_section(node, n, forms, levels, 1, depth) for n, node in enumerate(nodes)]
    form, first, run = _late_run(body, forms)
    if run:
        # what comes before 二、 (its own （一）… or text) is the rest of a part whose heading the excerpt cut off
        levels.append(form)
        lower, children = _lower_level(body[: run[0]], forms, levels, 1, depth)
        opening = lower if children else []  # the words before its first （一） open the report
        sections = [{} for _ in range(first - 2)] + [_headless([] if children else lower, children)]
        _, nodes = genre.divide(body, form, run)
        sections += [_report_section(node, first - 1 + n, forms, levels, 1, depth) for n, node in enumerate(nodes)]
        return opening, sections
    # no numbered level at all: the text stays as written, in one part without a heading
    return [], [_headless(body, [])]


def _headless(body: list[Paragraph], children: list[dict]) -> dict:
    section: dict[str, Any] = {}
    if body:
        section["body"] = _texts(body)
    if children:
        section["sections"] = children
    return section


def _level_in(paras: list[Paragraph], forms: tuple[str, ...], levels: list[str], at: int) -> tuple[str, list[int]]:
    """The numbering of level ``at``: the one already set there, else the first run in the text (a
    lone first unit of a heading form counts when it comes first)."""
    if at < len(levels):
        return genre.level_form(paras, set(), (levels[at],), minimum=1, fixed=True)
    allowed = tuple(f for f in forms if f not in levels)
    form, run = genre.level_form(paras, set(), allowed, minimum=2)
    single = genre.level_form(paras, set(), tuple(f for f in allowed if f in _LONE_LEVEL_FORMS), minimum=1)
    if single[1] and (not run or single[1][0] < run[0]):
        form, run = single
    return form, run


def _late_run(paras: list[Paragraph], forms: tuple[str, ...]) -> tuple[str, int, list[int]]:
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


def _lower_level(paras, forms, levels, at, depth) -> tuple[list[Paragraph], list[dict]]:
    """What stands before level ``at``'s first unit, and the units as sections."""
    if at >= depth:
        return paras, []
    form, run = _level_in(paras, forms, levels, at)
    if not run:
        return paras, []
    if at == len(levels):
        levels.append(form)
    before, nodes = genre.divide(paras, form, run)
    return before, [_report_section(node, n, forms, levels, at + 1, depth) for n, node in enumerate(nodes)]


def _report_levels(roles: Roles) -> list[tuple[str, str]]:
    """(definition name, numbering) of each level, from the schema's x-draft-numbering."""
    levels, name = [], roles.schema.get("properties", {}).get(roles.top.get("sections", ""), {}).get("items", {}).get("$ref", "")
    defs = roles.schema.get("$defs", {})
    while name:
        name = name.rsplit("/", 1)[-1]
        node = defs.get(name, {})
        if "x-draft-numbering" not in node:
            break
        levels.append((name, node["x-draft-numbering"]))
        name = node.get("properties", {}).get("sections", {}).get("items", {}).get("$ref", "")
    return levels


def _report_section(node: Node, n: int, forms, levels: list[str], at: int, depth: int) -> dict:
    """A unit of level ``at`` - 1 and, below it, the next level the text uses; when the words
    after a run-in heading open a unit of their own, the whole line is the heading."""
    heading, rest = _split_head(node.head, node.marker(n + 1), item=at > 1)
    section = _report_section_as(node, heading, rest, forms, levels, at, depth)
    body = section.get("body", [])
    if rest is not None and not (body and body[0] == rest) and not ("points" in section and not body):
        section = _report_section_as(node, heading + rest, None, forms, levels, at, depth)
    return section


def _report_section_as(node: Node, heading: str, rest: str | None, forms, levels: list[str], at: int, depth: int) -> dict:
    section: dict[str, Any] = {"heading": heading}
    paras = node.intro
    run_in, rest = _joined(section, node, rest, {"joined": "joined", "heading-run-in": "run_in"})
    if run_in and rest is None:
        section["run_in"] = True
    elif rest is not None:
        section["run_in"] = True
        paras = [Paragraph(rest, "")] + paras
    body, children = _lower_level(paras, forms, levels, at, depth)
    if not children and _inline_in_report(section, body):
        return section
    if body:
        section["body"] = _texts(body)
    if children:
        section["sections"] = children
    return section


def _inline_in_report(section: dict, paras: list[Paragraph]) -> bool:
    """Items written in one paragraph of a report's unit (（一）……。一是……二是……): the
    paragraphs before it, the words before 一是, the items, the paragraphs after."""
    found = [(i, listed) for i, p in enumerate(paras) if p.table is None
             and (listed := genre.inline_items(p.text) or genre.inline_items_after(p.text)) and not listed.groups]
    if len(found) != 1:
        return False
    i, listed = found[0]
    if paras[:i]:
        section["body"] = _texts(paras[:i])
    if listed.before:
        section["lead_in"] = listed.before
    section["enumeration"] = listed.form
    section["points"] = [_report_point(text) for text in listed.items]
    if paras[i + 1 :]:
        section["after"] = _texts(paras[i + 1 :])
    return True


def _report_point(text: str) -> dict:
    end = _inline_lead_end(text)
    return {"lead": text[:end], "body": [text[end:]]} if 0 < end < len(text) else {"lead": text}


def _inline_lead_end(text: str) -> int:
    """Where an inline item's lead ends: at its first 。；：, or before the clause holding
    its first statistic when that comes sooner (the figures are read in the body only)."""
    end = genre.lead_clause(text)
    cut = _before_statistics(text)
    return cut if 0 < cut and (not 0 < end < len(text) or cut < end) else end


def _signature_at(paras: list[Paragraph]) -> int | None:
    """A report's 落款: an issuer line (short, no punctuation) and a date line at the end."""
    if len(paras) >= 3 and _date_text(paras[-1].text) and _is_issuer(paras[-2].text):
        return len(paras) - 2
    return None


def _is_issuer(text: str) -> bool:
    return 2 <= len(text) <= 30 and not any(m in text for m in "。，；：！？、") and not text[0].isdigit()


def _date_text(text: str) -> tuple[str, str] | None:
    if _ARABIC_DATE.fullmatch(text) and format_date(text, "arabic") == text:
        return text, "arabic"
    if _CHINESE_DATE.fullmatch(text):
        return text, "chinese"
    return None


def _period_in(paras: list[Paragraph], title: str = "") -> str:
    """The period a report sums up: as its title names it, else as its first paragraphs
    do (全年 there is mostly the year's target a half year is measured against)."""
    text = "".join(p.text for p in paras[:3])
    for where, periods in ((title, ("前三季度", "上半年", "全年")), (text, ("前三季度", "上半年", "全年"))):
        for period in periods:
            if period in where:
                return period
    return "上半年"


# the year a text sums up, said as such: 回顾2016年, 总结2025年上半年工作, 回顾和总结了2016年全镇经济工作
_YEAR_REVIEWED = re.compile(r"(?:回顾|总结)[和、与了]{0,3}(?:总结|回顾)?了?(\d{4}) ?年(?:度)?[^。，；：以]{0,8}?工作")
# a year only compared with (比2019年一季度增长, 较2020年同期, 与2019年相比) is not the text's
_COMPARED = re.compile(r"(?:比|较|与|相比|对比)$")
UNKNOWN_YEAR = "X"
UNKNOWN_YEAR_NOTE = "原稿未写年份，请填写（暂写 X，生成时会提示）"


def _year_in(paras: list[Paragraph], date, written: str = "", whole_year: bool = False) -> tuple[int | str, str]:
    """The year the text is about, and a note saying where it was found: for a
    ``whole_year`` pack the year the text says it sums up, then the title, the date,
    the body (not a year only compared with), then when the Word file says it was
    written; never today's year — a text that says none gets the placeholder X, which
    the build flags until it is filled in. (A half year's text in 2024 may well sum
    up 2023's work in passing; its year is still 2024.)"""
    whole = "".join(p.text for p in paras)
    reviewed = _YEAR_REVIEWED.search(whole) if whole_year else None
    if reviewed and 1949 <= int(reviewed.group(1)) <= 2200:
        return int(reviewed.group(1)), f"自动识别：年份取自“{reviewed.group()}”，请核对"
    head = "".join(p.text for p in paras[:3])
    for where, text in (("标题", head), ("日期", date[0] if date else ""), ("正文", whole)):
        years = [int(m.group(1)) for m in _YEAR.finditer(text)
                 if 1949 <= int(m.group(1)) <= 2200 and not _COMPARED.search(text[max(0, m.start() - 2) : m.start()])]
        years += [found[0] for m in _CHINESE_DATE.finditer(text) if (found := calendar_date(m.group()))]
        if years:
            return years[0], f"自动识别：年份取自{where}，请核对"
    if written:
        return int(written[:4]), f"自动识别：原文中没有写年份，取自 Word 文件的创建日期（{written}），请核对"
    return UNKNOWN_YEAR, UNKNOWN_YEAR_NOTE


def _remind_unknown_year(year: int | str, field_name: str, result: Extraction) -> None:
    if year == UNKNOWN_YEAR:
        result.reminders.append(f"原稿没有写年份，{field_name} 暂写 X，请填写（生成时会提示）")


# ---------------------------------------------------------------- front matter


def _salutation_index(front: list[Paragraph]) -> int | None:
    for i, p in enumerate(front[:8]):
        if p.table is None and _SALUTATION.fullmatch(p.plain):
            return i
    return None


def _preamble(front: list[Paragraph]) -> list[Paragraph]:
    """Without a salutation: the first line is a title when it reads like one, then a byline."""
    if not front or not _looks_like_title(front[0].text):
        return []
    count = 1
    while count < len(front) and count < 3 and _looks_like_byline(front[count].text):
        count += 1
    return front[:count]


def _looks_like_title(text: str) -> bool:
    return len(text) <= _HEADING_MAX and not any(mark in text for mark in "。；！？") and "\t" not in text


def _looks_like_byline(text: str) -> bool:
    return _date_of(text) is not None or (len(text) <= 20 and not any(m in text for m in "。，；：！？"))


def _date_of(line: str) -> tuple[str, str] | None:
    """(date, date_style) of a line like （2025年7月15日）, when the template prints it back the same."""
    m = _DATE_LINE.fullmatch(line)
    return _date_text(m.group(1)) if m else None


def _front_matter(
    lines: list[str], paras: list[Paragraph], result: Extraction, roles: Roles, pack_name: str
) -> tuple[dict, dict]:
    """meeting, and the title / byline / date / date-style fields by role, as the template prints them."""
    fields: dict[str, Any] = {}
    top = roles.top
    lines = list(lines)
    date = _date_of(lines[-1]) if len(lines) >= 1 else None
    if date:
        lines.pop()
    speaker = None
    if len(lines) >= 2 and len(lines[-1]) <= 20 and not any(m in lines[-1] for m in "。，；：！？—“”") and "讲话" not in lines[-1]:
        speaker = lines.pop()
    meeting, derived = _meeting(lines, date, paras, result, roles)
    if not derived:
        fields["title"] = lines[0] if len(lines) == 1 else lines
        if not lines:
            fields["title"] = ""
            result.note((top.get("title", "title"),), "自动识别：原文没有标题行，写空字符串则不输出")
        elif len(lines) > 1:
            result.note((top.get("title", "title"),), "自动识别：称谓之前的各行作为分行标题")
    if speaker:
        fields["byline"] = speaker
        result.note((top.get("byline", "speaker"),), "自动识别：标题下方的一行作为讲话人")
    if date:
        fields["date"] = date[0]
        if date[1] != "arabic":
            fields["date-style"] = date[1]
    return meeting, fields


def _meeting(lines: list[str], date, paras: list[Paragraph], result: Extraction, roles: Roles) -> tuple[dict, bool]:
    """The meeting (by the roles its schema names), and whether the title is exactly the one derived from it."""
    keys = roles.sub(roles.top.get("meeting", "meeting"))
    text = "".join(p.text for p in paras)
    where = (roles.top.get("meeting", "meeting"),)

    def meeting(name: str, year: int) -> dict:
        out = {keys.get("meeting-name", "name"): name, keys.get("year", "year"): year}
        if "half" in keys:
            out[keys["half"]] = "下半年" if "总结下半年" in text or "做好明年" in text or "下半年工作" in text[:200] else "上半年"
        return out

    if len(lines) == 1 and "meeting" in roles.top:  # only a pack with a meeting derives its title
        m = _DERIVED_TITLE.fullmatch(lines[0])
        if m:
            result.note(where, "自动识别：会议年份和名称取自标题，标题由此自动生成")
            return meeting(m.group(2), int(m.group(1))), True
    title = "".join(lines)
    named = _MEETING_IN_TITLE.search(title)
    name = _YEAR.sub("", named.group(1), count=1) if named else "请填写会议名称"
    # a pack whose meeting has no half (上半年/下半年) sums up a whole year
    year, said = _year_in([Paragraph(title)] + paras, date, result.written, whole_year="half" not in keys)
    _remind_unknown_year(year, f"{where[0]}.{keys.get('year', 'year')}", result)
    result.note(where, f"自动识别：会议名称为推测（标题照原文写在 title 中，不受影响）；{said.removeprefix('自动识别：')}")
    return meeting(name or "请填写会议名称", year), False


def _count_phrase(
    opening: list[str], parts: int, half: str, result: Extraction, key: str, pack_name: str, meeting: dict
) -> tuple[list[str], str | None]:
    """Split the count phrase off the end of the opening; None keeps the pack's default."""
    if not opening:
        result.note((key,), "自动识别：原文没有开场白和点数语句")
        return [], ""
    last = opening[-1]
    start = _last_sentence_start(last)
    sentence = last[start:]
    m = COUNT_WORDS.search(sentence.translate(genre.HALF_TO_FULL))
    if m is None or (start == 0 and len(opening) > 1):
        return opening, ""
    head = last[:start]
    number = parse_count(m.group(1))
    said = m.group(1)
    spoken = "两" if parts == 2 else chinese_numeral(parts)
    if number == parts and said == spoken:
        phrase = sentence[: m.start(1)] + "{n}" + sentence[m.end(1) :]
        texts = opening[:-1] + ([head] if head else [])
        if pack_name == DEFAULT_PACK and phrase == DEFAULT_COUNT_PHRASE[half]:
            result.note(("opening",), f"自动识别：开场白末尾的点数语句“{sentence}”由部分数自动生成")
            return texts, None
        result.note((key,), f"自动识别：点数语句，{{n}} 处随部分数自动生成（原文为“{said}”）")
        return texts, phrase
    result.note(
        (key,),
        f"自动识别：点数语句说“{said}”，但只识别出 {parts} 个部分，照原文保留（不随部分数变化）",
    )
    return opening[:-1] + ([head] if head else []), sentence


def _last_sentence_start(text: str) -> int:
    plain = text.translate(genre.HALF_TO_FULL)
    body = plain.rstrip(genre.SENTENCE_END)
    cut = max(body.rfind(mark) for mark in genre.SENTENCE_END)
    return cut + 1



# ---------------------------------------------------------------- YAML out


def source_text(document: Document) -> str:
    """The speech as read, one paragraph a line: what building the YAML must give back."""
    from drafting.writers.text import write_text

    return write_text(document)


def speech_yaml(extraction: Extraction, header: list[str]) -> str:
    from drafting.source.yaml_writer import write_yaml

    return write_yaml(extraction.data, extraction.notes, header)


def rebuilt_text(yaml_text: str, yaml_file: str, template_dirs: list | None = None, *, builder=None) -> str:
    """Build the written YAML (as if saved at ``yaml_file``) back into plain text."""
    from drafting.workflow.build import Builder, render_text
    from drafting.source.yaml_loader import parse_speech

    speech = parse_speech(yaml_text.encode("utf-8"), yaml_file)
    text = render_text((builder or Builder(template_dirs)).draft_from(speech))
    # blank lines are layout (the space above a report's 落款), as when reading a .txt
    return "".join(line for line in text.splitlines(keepends=True) if line.strip())


@dataclass(slots=True)
class Checked:
    """An extraction written as YAML, and how that YAML builds back against the old speech."""

    extraction: Extraction
    text: str
    difference: tuple[int, str, str] | None = None  # the first paragraph that differs
    figures_as_text: bool = False  # indicators broke the exact text, so every figure stays as written
    unverified: DraftError | None = None  # the pack could not build it back at all


# What a try may give up, in order, when the YAML does not build back the old speech word
# for word: figures as text first, then units cut out of flattened paragraphs, then
# lists inside paragraphs (each with and without figures; product's order). The first exact try wins.
_TRIES = [
    {"lists": lists, "joins": joins, "indicators": indicators}
    for lists, joins, indicators in itertools.product((True, False), repeat=3)
]


def extract_checked(
    document: Document, file: str, pack: Any, header: list[str], built_at: str,
    template_dirs: list | None = None, indicators: bool = True,
) -> Checked:
    """``extract`` written as YAML and built back from that text; when a recognition keeps
    it from giving the old speech word for word (or the pack from building it at all),
    the next try without it (``_TRIES``); when none is exact, the first try is said."""
    from drafting.workflow.build import Builder

    builder = Builder(template_dirs)  # every try loads the pack once
    expected = source_text(document)
    first = None
    for options in _TRIES if indicators else [t for t in _TRIES if not t["indicators"]]:
        extraction = extract(document, file, pack, **options)
        checked = Checked(extraction, speech_yaml(extraction, header), figures_as_text=indicators and not options["indicators"])
        try:
            checked.difference = first_difference(expected, rebuilt_text(checked.text, built_at, builder=builder))
        except DraftError as e:  # a pack not shaped like a speech or report this reader knows,
            checked.unverified = e  # or one that cannot hold what a try recognised
        if checked.difference is None and checked.unverified is None:
            return checked
        first = first or checked
    return first


def first_difference(expected: str, actual: str) -> tuple[int, str, str] | None:
    """(paragraph number, expected, actual) of the first paragraph that differs."""
    want, got = expected.split("\n"), actual.split("\n")
    for n in range(max(len(want), len(got))):
        a = want[n] if n < len(want) else "（无）"
        b = got[n] if n < len(got) else "（无）"
        if a != b:
            return n + 1, a, b
    return None

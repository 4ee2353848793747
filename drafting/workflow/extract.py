"""Recognise a read speech's structure and express it as the pack's data.

The reverse of the template: from paragraphs (``drafting/readers``) to the
values of ``half-year-speech`` — title, byline, salutation, opening, count
phrase, parts with their items, closing. Every paragraph lands in exactly one
slot, in its original order, so building the data gives the text back; where
recognition is a guess, a Chinese note says so (the YAML writer prints it as a
comment). What fits no slot stays a plain paragraph of the nearest slot.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from drafting.errors import DataError, Location
from drafting.model.document import Document
from drafting.model.numerals import chinese_numeral, enumeration_marker, format_date, parse_count

Path_ = tuple[str | int, ...]

PART_FORMS = ("一、", "第一，", "第一、")
ITEM_FORMS = ("一是", "一要", "第一，", "第一、", "第一句话，", "（一）")
DEFAULT_PART_FORM = "一、"
DEFAULT_COUNT_PHRASE = {"上半年": "下面，就做好下半年经济工作，我讲{n}点意见。", "下半年": "下面，就做好明年经济工作，我讲{n}点意见。"}

_SENTENCE_END = "。！？"
_SALUTATION = re.compile(r"[^，。；！？\n]{1,30}[：:]")
_HEADING_MAX = 60
_DERIVED_TITLE = re.compile(r"在(\d{4})年(.+)上的讲话")
_MEETING_IN_TITLE = re.compile(r"在(.+)上的(?:讲话|发言|报告)")
_YEAR = re.compile(r"(\d{4})年")
_DATE_LINE = re.compile(r"（(.+)）")
_ARABIC_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_CHINESE_DATE = re.compile(r"[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")
_CLOSING_START = re.compile(r"同志们[，,！!]")
# a count phrase names how many parts follow: 我讲三点意见 / 强调两个问题 / 讲三个方面
COUNT_WORDS = re.compile(
    r"(?:讲|谈|强调|说|提)(?:以下|这么|一下)?([一二两三四五六七八九十]{1,3})(?:点|个方面|个问题|方面|层意思)"
)


@dataclass(slots=True)
class Paragraph:
    text: str
    lead: str = ""  # bold text the paragraph opens with, when the reader saw one


@dataclass(slots=True)
class Extraction:
    """The pack's data in schema order, and Chinese notes on what was guessed."""

    data: dict[str, Any]
    notes: dict[Path_, list[str]] = field(default_factory=dict)

    def note(self, path: Path_, text: str) -> None:
        self.notes.setdefault(path, []).append(text)


def paragraphs_of(document: Document) -> list[Paragraph]:
    return [Paragraph(block.text, block.lead) for block in document.blocks]


def extract(
    document: Document, file: str, pack: str = "half-year-speech", indicators: bool = True
) -> Extraction:
    """The speech's data; DataError when it has no part headings at all.

    With ``indicators``, statistics that the pack prints back exactly become indicator data.
    """
    paras = paragraphs_of(document)
    if not paras:
        raise DataError("文件中没有文字，无法整理", Location(file))
    result = Extraction({"pack": pack})
    form, headings = _part_headings(paras)
    if not headings:
        raise DataError(
            "没有找到按顺序编号的部分标题（以“一、”“第一，”或“第一、”开头、不超过 60 字且中间没有句号的行），"
            "无法按本模板包整理。请确认这是一篇分部分的讲话稿",
            Location(file),
        )
    front = paras[: headings[0]]
    salutation_at = _salutation_index(front)
    preamble = front[:salutation_at] if salutation_at is not None else _preamble(front)
    opening = front[salutation_at + 1 :] if salutation_at is not None else front[len(preamble) :]
    bodies = [paras[h + 1 : nxt] for h, nxt in zip(headings, headings[1:] + [len(paras)])]
    bodies[-1], closing = _split_closing(bodies[-1], form)

    meeting, title_fields = _front_matter([p.text for p in preamble], paras, result)
    data = result.data
    data["meeting"] = meeting
    data.update(title_fields)
    data["salutation"] = front[salutation_at].text if salutation_at is not None else ""
    if salutation_at is None:
        result.note(("salutation",), "自动识别：原文没有称谓行，写空字符串则不输出")
    opening_texts, phrase = _count_phrase([p.text for p in opening], len(headings), meeting["half"], result)
    if opening_texts:
        data["opening"] = opening_texts
    if phrase is not None:
        data["count_phrase"] = phrase
    if form != DEFAULT_PART_FORM:
        data["part_numbering"] = form
        result.note(("part_numbering",), f"自动识别：部分标题的序号形式为 {form}")
    data["parts"] = [
        _part(i, paras[h].text[len(enumeration_marker(form, i + 1)) :], body, form, result)
        for i, (h, body) in enumerate(zip(headings, bodies))
    ]
    if closing:
        data["closing"] = [p.text for p in closing]
        result.note(("closing",), "自动识别：从“同志们，”开始的段落作为结束语")
    if indicators:
        _recognise_indicators(result)
    return result


def _paragraph_slots(data: dict) -> list[tuple[Path_, list]]:
    """Every list of paragraphs in the data, with its path."""
    slots: list[tuple[Path_, list]] = [(("opening",), data.get("opening", []))]
    for i, part in enumerate(data["parts"]):
        slots.append((("parts", i, "intro"), part.get("intro", [])))
        for n, point in enumerate(part.get("points", [])):
            slots.append((("parts", i, "points", n, "body"), point.get("body", [])))
        slots.append((("parts", i, "closing"), part.get("closing", [])))
    slots.append((("closing",), data.get("closing", [])))
    return slots


def _recognise_indicators(result: Extraction) -> None:
    from drafting.readers.indicators import with_indicators

    for path, paragraphs in _paragraph_slots(result.data):
        for n, text in enumerate(paragraphs):
            found = with_indicators(text)
            if found is not text:
                paragraphs[n] = found
                result.note(
                    path + (n,),
                    f"自动识别：段中的统计数字整理为 {len(found['indicators'])} 项指标（indicators），输出与原文相同",
                )


# ---------------------------------------------------------------- parts


def _is_heading(text: str, marker: str) -> bool:
    if not text.startswith(marker) or len(text) == len(marker) or len(text) > _HEADING_MAX:
        return False
    rest = text[len(marker) :]
    return not any(mark in rest[:-1] for mark in _SENTENCE_END)


def _numbered_run(paras: list[Paragraph], form: str, accept) -> list[int]:
    """Indexes of paragraphs numbered 1, 2, 3 … in order with ``form``."""
    found: list[int] = []
    for i, p in enumerate(paras):
        if accept(p.text, enumeration_marker(form, len(found) + 1)):
            found.append(i)
    return found


def _part_headings(paras: list[Paragraph]) -> tuple[str, list[int]]:
    """The part form whose first heading comes first, and its headings."""
    best: tuple[str, list[int]] = (DEFAULT_PART_FORM, [])
    for form in PART_FORMS:
        run = _numbered_run(paras, form, _is_heading)
        if run and (not best[1] or run[0] < best[1][0]):
            best = (form, run)
    return best


def _split_closing(body: list[Paragraph], part_form: str) -> tuple[list[Paragraph], list[Paragraph]]:
    """The speech's closing starts at the first “同志们，” paragraph after the last
    part's first item (or after its first paragraph, when it has no items)."""
    starts = _items(body, part_form)[1]
    first = starts[0] + 1 if starts else 1
    for i in range(first, len(body)):
        if _CLOSING_START.match(body[i].text):
            return body[:i], body[i:]
    return body, []


def _part(index: int, heading: str, body: list[Paragraph], part_form: str, result: Extraction) -> dict:
    path: Path_ = ("parts", index)
    part: dict[str, Any] = {"heading": heading}
    form, starts = _items(body, part_form)
    if not starts:
        if body:
            part["intro"] = [p.text for p in body]
        _note_inline_enumerations(body, path + ("intro",), result)
        return part
    if starts[0]:
        part["intro"] = [p.text for p in body[: starts[0]]]
        _note_inline_enumerations(body[: starts[0]], path + ("intro",), result)
    runs = [body[s : e] for s, e in zip(starts, starts[1:] + [len(body)])]
    layout = _layout(runs)
    lead_only = layout == "run-in" and not _tail(runs[-1][0], len(runs), form)
    runs[-1], part_closing = _split_last_item(runs, 1 if lead_only else 0)
    part["enumeration"] = form
    part["layout"] = layout
    part["points"] = [_point(n + 1, run, form, layout) for n, run in enumerate(runs)]
    shape = "要点句单独成行" if layout == "standalone" else "要点句后接正文"
    result.note(path + ("enumeration",), f"自动识别：要点序号为 {form}，版式为 {layout}（{shape}）")
    for n, point in enumerate(part["points"]):
        if layout == "run-in" and len(point.get("body", [])) > 1 and point["body"][0] == "":
            result.note(path + ("points", n), "自动识别：原文中这个要点句独占一段，所以正文第一项留空（\"\"），其后的段落各自成段")
    if part_closing:
        part["closing"] = [p.text for p in part_closing]
        result.note(
            path + ("closing",),
            f"自动识别：最后一个要点之后的 {len(part_closing)} 段作为本部分结尾（前面的要点各占 {len(runs[0])} 段）",
        )
    return part


def _items(body: list[Paragraph], part_form: str) -> tuple[str, list[int]]:
    """The item form of a part (two or more items numbered in order) and where each starts."""
    best: tuple[str, list[int]] = ("", [])
    for form in ITEM_FORMS:
        if form == part_form:
            continue
        run = _numbered_run(body, form, lambda text, marker: text.startswith(marker) and len(text) > len(marker))
        if len(run) >= 2 and (not best[1] or run[0] < best[1][0]):
            best = (form, run)
    return best


def _split_last_item(runs: list[list[Paragraph]], extra: int = 0) -> tuple[list[Paragraph], list[Paragraph]]:
    """When every other item spans k paragraphs, the last keeps k (+ extra); the rest close the part."""
    sizes = {len(run) for run in runs[:-1]}
    last = runs[-1]
    if len(sizes) == 1:
        keep = sizes.pop() + extra
        if len(last) > keep:
            return last[:keep], last[keep:]
    return last, []


def lead_sentence(text: str) -> int:
    """Length of the first sentence (through its 。！？), outside quotes; 0 when there is none."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“《（":
            depth += 1
        elif ch in "”》）":
            depth = max(depth - 1, 0)
        elif ch in _SENTENCE_END and depth == 0:
            return i + 1
    return 0


def _layout(runs: list[list[Paragraph]]) -> str:
    """run-in when an item line goes on after its lead sentence (or Word showed a bold lead)."""
    for run in runs:
        first = run[0]
        if first.lead and first.lead != first.text:
            return "run-in"
        end = lead_sentence(first.text)
        if end and end < len(first.text):
            return "run-in"
    return "standalone"


def _tail(first: Paragraph, n: int, form: str) -> str:
    """What a run-in item's line says after its lead sentence."""
    text = first.text[len(enumeration_marker(form, n)) :]
    return text[_lead_end(first, text, n, form) :]


def _point(n: int, run: list[Paragraph], form: str, layout: str) -> dict:
    first = run[0]
    text = first.text[len(enumeration_marker(form, n)) :]
    rest = [p.text for p in run[1:]]
    if layout == "standalone":
        point: dict[str, Any] = {"lead": text}
        if rest:
            point["body"] = rest
        return point
    end = _lead_end(first, text, n, form)
    lead, tail = text[:end], text[end:]
    body = ([tail] if tail or rest else []) + rest
    point = {"lead": lead}
    if body:
        point["body"] = body
    return point


def _lead_end(first: Paragraph, text: str, n: int, form: str) -> int:
    marker = enumeration_marker(form, n)
    if first.lead.startswith(marker) and len(first.lead) > len(marker) and first.text.startswith(first.lead):
        return len(first.lead) - len(marker)
    return lead_sentence(text) or len(text)


def _note_inline_enumerations(paras: list[Paragraph], path: Path_, result: Extraction) -> None:
    for i, p in enumerate(paras):
        for form in ("一是", "一要", "第一，"):
            second = enumeration_marker(form, 2)
            if form in p.text and second in p.text:
                result.note(path + (i,), f"这段话内部有“{form}……{second}……”的列举，按普通段落保留")
                break


# ---------------------------------------------------------------- front matter


def _salutation_index(front: list[Paragraph]) -> int | None:
    for i, p in enumerate(front[:6]):
        if _SALUTATION.fullmatch(p.text):
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
    return len(text) <= _HEADING_MAX and not any(mark in text for mark in "。；！？")


def _looks_like_byline(text: str) -> bool:
    return _date_of(text) is not None or (len(text) <= 20 and not any(m in text for m in "。，；：！？"))


def _date_of(line: str) -> tuple[str, str] | None:
    """(date, date_style) of a line like （2025年7月15日）, when the template prints it back the same."""
    m = _DATE_LINE.fullmatch(line)
    if not m:
        return None
    date = m.group(1)
    if _ARABIC_DATE.fullmatch(date) and format_date(date, "arabic") == date:
        return date, "arabic"
    if _CHINESE_DATE.fullmatch(date):
        return date, "chinese"
    return None


def _front_matter(lines: list[str], paras: list[Paragraph], result: Extraction) -> tuple[dict, dict]:
    """meeting, and title / speaker / date / date_style as the template prints them."""
    fields: dict[str, Any] = {}
    lines = list(lines)
    date = _date_of(lines[-1]) if len(lines) >= 1 else None
    if date:
        lines.pop()
    speaker = None
    if len(lines) >= 2 and len(lines[-1]) <= 20 and not any(m in lines[-1] for m in "。，；：！？—“”") and "讲话" not in lines[-1]:
        speaker = lines.pop()
    meeting, derived = _meeting(lines, date, paras, result)
    if not derived:
        fields["title"] = lines[0] if len(lines) == 1 else lines
        if not lines:
            fields["title"] = ""
            result.note(("title",), "自动识别：原文没有标题行，写空字符串则不输出")
        elif len(lines) > 1:
            result.note(("title",), "自动识别：称谓之前的各行作为分行标题")
    if speaker:
        fields["speaker"] = speaker
        result.note(("speaker",), "自动识别：标题下方的一行作为讲话人")
    if date:
        fields["date"] = date[0]
        if date[1] != "arabic":
            fields["date_style"] = date[1]
    return meeting, fields


def _meeting(lines: list[str], date, paras: list[Paragraph], result: Extraction) -> tuple[dict, bool]:
    """The meeting, and whether the title is exactly the one derived from it."""
    text = "".join(p.text for p in paras)
    half = "下半年" if "总结下半年" in text or "做好明年" in text else "上半年"
    if len(lines) == 1:
        m = _DERIVED_TITLE.fullmatch(lines[0])
        if m:
            result.note(("meeting",), "自动识别：会议年份和名称取自标题，标题由此自动生成")
            return {"name": m.group(2), "year": int(m.group(1)), "half": half}, True
    title = "".join(lines)
    named = _MEETING_IN_TITLE.search(title)
    name = _YEAR.sub("", named.group(1), count=1) if named else "请填写会议名称"
    years = _YEAR.findall(title) or (_YEAR.findall(date[0]) if date else []) or _YEAR.findall(text)
    year = int(years[0]) if years and 1949 <= int(years[0]) <= 2200 else datetime.date.today().year
    result.note(("meeting",), "自动识别：会议名称和年份为推测，请核对（标题照原文写在 title 中，不受影响）")
    return {"name": name or "请填写会议名称", "year": year, "half": half}, False


def _count_phrase(opening: list[str], parts: int, half: str, result: Extraction) -> tuple[list[str], str | None]:
    """Split the count phrase off the end of the opening; None keeps the pack's default."""
    if not opening:
        result.note(("count_phrase",), "自动识别：原文没有开场白和点数语句")
        return [], ""
    last = opening[-1]
    start = _last_sentence_start(last)
    sentence = last[start:]
    m = COUNT_WORDS.search(sentence)
    if m is None or (start == 0 and len(opening) > 1):
        return opening, ""
    head = last[:start]
    number = parse_count(m.group(1))
    said = m.group(1)
    spoken = "两" if parts == 2 else chinese_numeral(parts)
    if number == parts and said == spoken:
        phrase = sentence[: m.start(1)] + "{n}" + sentence[m.end(1) :]
        texts = opening[:-1] + ([head] if head else [])
        if phrase == DEFAULT_COUNT_PHRASE[half]:
            result.note(("opening",), f"自动识别：开场白末尾的点数语句“{sentence}”由部分数自动生成")
            return texts, None
        result.note(("count_phrase",), f"自动识别：点数语句，{{n}} 处随部分数自动生成（原文为“{said}”）")
        return texts, phrase
    result.note(
        ("count_phrase",),
        f"自动识别：点数语句说“{said}”，但只识别出 {parts} 个部分，照原文保留（不随部分数变化）",
    )
    return opening[:-1] + ([head] if head else []), sentence


def _last_sentence_start(text: str) -> int:
    body = text.rstrip(_SENTENCE_END)
    cut = max(body.rfind(mark) for mark in _SENTENCE_END)
    return cut + 1


# ---------------------------------------------------------------- YAML out


def source_text(document: Document) -> str:
    """The speech as read, one paragraph a line: what building the YAML must give back."""
    from drafting.writers.text import write_text

    return write_text(document)


def speech_yaml(extraction: Extraction, header: list[str]) -> str:
    from drafting.source.yaml_writer import write_yaml

    return write_yaml(extraction.data, extraction.notes, header)


def rebuilt_text(yaml_text: str, yaml_file: str, template_dirs: list | None = None) -> str:
    """Build the written YAML (as if saved at ``yaml_file``) back into plain text."""
    from drafting.workflow.build import Builder, render_text
    from drafting.source.yaml_loader import parse_speech

    speech = parse_speech(yaml_text.encode("utf-8"), yaml_file)
    return render_text(Builder(template_dirs).draft_from(speech))


def first_difference(expected: str, actual: str) -> tuple[int, str, str] | None:
    """(paragraph number, expected, actual) of the first paragraph that differs."""
    want, got = expected.split("\n"), actual.split("\n")
    for n in range(max(len(want), len(got))):
        a = want[n] if n < len(want) else "（无）"
        b = got[n] if n < len(got) else "（无）"
        if a != b:
            return n + 1, a, b
    return None

"""The other printed forms of a speech, made from its document model.

One YAML, three outputs: the file copy is the document itself; the leader's
reading copy adds pinyin over uncommon characters and a reading-time mark after
each part; the outline keeps the skeleton. Both are transforms of the same
model, so their wording can never differ from the file copy's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from drafting.model.counting import SPEAKING_RATE, count_characters, speaking_minutes
from drafting.model.document import Block, BlockRole, Document, Inline, InlineRole
from drafting.model.pinyin import Annotator

_OUTLINE_BLOCKS = {BlockRole.TITLE, BlockRole.BYLINE, BlockRole.HEADING}
_PART_ENDS = {BlockRole.CLOSING, BlockRole.SIGNATURE}
_BREAKS = (InlineRole.LINE_BREAK, InlineRole.LAYOUT_BREAK)
# blocks the reading copy leaves as they are: never read aloud, or looked at
# rather than read (tables, pictures); ``draft check`` reports on the same text
_NOT_ANNOTATED = {BlockRole.NOTE, BlockRole.TABLE, BlockRole.IMAGE}
_INDICATOR_SEPARATOR = "；"
_INDICATOR_END = "。"


def reading_copy(
    document: Document,
    pronunciations: Mapping[str, Sequence[str]] | None = None,
    rate: int = SPEAKING_RATE,
) -> Document:
    """The copy the leader reads from: pinyin over uncommon characters and
    约 N 分钟 after each part (large print is the reading style sheet's job)."""
    annotator = Annotator(pronunciations)
    blocks = [_annotated(block, annotator) for block in document.blocks]
    return Document(document.meta, _with_reading_times(blocks, rate))


def outline_copy(document: Document) -> Document:
    """Title, byline, headings, each item's lead sentence and the indicators."""
    blocks: list[Block] = []
    for block in document.blocks:
        if block.role in _OUTLINE_BLOCKS:
            blocks.append(block)
        elif block.role is BlockRole.PARAGRAPH:
            blocks.extend(_outline_of_paragraph(block))
    return Document(document.meta, blocks)


@dataclass(slots=True)
class PinyinReport:
    """What the reading copy annotates: each character with the readings it got,
    and the uncommon characters no reading was found for."""

    annotated: dict[str, list[str]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def pinyin_report(
    document: Document, pronunciations: Mapping[str, Sequence[str]] | None = None
) -> PinyinReport:
    annotator = Annotator(pronunciations)
    report = PinyinReport()
    for block in document.blocks:
        for inline in _text_inlines(block):
            annotation = annotator.annotate(inline.text)
            for text, reading in annotation.segments:
                if reading and reading not in report.annotated.setdefault(text, []):
                    report.annotated[text].append(reading)
            report.missing.extend(ch for ch in annotation.missing if ch not in report.missing)
    return report


def pinyin_summary(report: PinyinReport) -> list[str]:
    """The lines ``draft check`` prints about the reading copy's pinyin."""
    annotated = "、".join(f"{ch} {'/'.join(readings)}" for ch, readings in report.annotated.items())
    missing = "、".join(report.missing)
    return [
        f"阅读版注音 {len(report.annotated)} 字：{annotated or '无'}",
        f"无法注音 {len(report.missing)} 字：{missing or '无'}"
        + ("（请在 pronunciations: 中写出读音）" if report.missing else ""),
    ]


def reading_time_text(minutes: int) -> str:
    return f"约{minutes}分钟"


def _annotated(block: Block, annotator: Annotator) -> Block:
    if block.role in _NOT_ANNOTATED:
        return block
    inlines: list[Inline] = []
    for inline in block.inlines:
        if inline.role in _BREAKS or inline.role is InlineRole.RUBY:
            inlines.append(inline)
            continue
        for text, reading in annotator.annotate(inline.text).segments:
            if reading:
                inlines.append(Inline(text, InlineRole.RUBY, reading, inline.role))
            else:
                inlines.append(Inline(text, inline.role))
    return Block(block.role, tuple(inlines), block.level)


def _with_reading_times(blocks: list[Block], rate: int) -> list[Block]:
    ends = {end: part for end, part in _parts(blocks)}
    out: list[Block] = []
    for i, block in enumerate(blocks):
        out.append(block)
        if i in ends:
            characters = sum(count_characters(b.text) for b in ends[i])
            out.append(Block(BlockRole.NOTE, (Inline(reading_time_text(speaking_minutes(characters, rate))),)))
    return out


def _parts(blocks: list[Block]) -> list[tuple[int, list[Block]]]:
    """Each part as (index of its last block, its blocks)."""
    parts: list[tuple[int, list[Block]]] = []
    start: int | None = None
    for i, block in enumerate(blocks + [Block(BlockRole.CLOSING)]):
        # a level-1 heading, or a paragraph a part heading runs into (<p level="1">)
        is_part_heading = block.role in (BlockRole.HEADING, BlockRole.PARAGRAPH) and block.level == 1
        if start is not None and (is_part_heading or block.role in _PART_ENDS):
            last = _last_spoken(blocks, start, i)
            parts.append((last, blocks[start : last + 1]))
            start = None
        if is_part_heading:
            start = i
    return parts


def _last_spoken(blocks: list[Block], start: int, stop: int) -> int:
    last = stop - 1
    while last > start and blocks[last].role is BlockRole.NOTE:
        last -= 1
    return last


def _outline_of_paragraph(block: Block) -> list[Block]:
    """The run-in lead, and the lead of each unit joined on in the paragraph (<p join>), a
    line each, then the paragraph's indicators (any may be absent)."""
    blocks = [Block(BlockRole.PARAGRAPH, run) for run in _lead_runs(block.inlines)]
    indicators = [i for i in block.inlines if i.role is InlineRole.INDICATOR]
    if indicators:
        blocks.append(_indicator_paragraph(indicators))
    return blocks


def _lead_runs(inlines: tuple[Inline, ...]) -> list[tuple[Inline, ...]]:
    runs: list[tuple[Inline, ...]] = []
    current: list[Inline] = []
    for inline in inlines:
        if inline.style_role is InlineRole.LEAD:
            current.append(inline)
        elif current:
            runs.append(tuple(current))
            current = []
    return runs + ([tuple(current)] if current else [])


def _indicator_paragraph(indicators: list[Inline]) -> Block:
    inlines: list[Inline] = []
    for n, indicator in enumerate(indicators):
        if n:
            inlines.append(Inline(_INDICATOR_SEPARATOR))
        inlines.append(indicator)
    inlines.append(Inline(_INDICATOR_END))
    return Block(BlockRole.PARAGRAPH, tuple(inlines))


def _text_inlines(block: Block) -> Iterable[Inline]:
    if block.role in _NOT_ANNOTATED:
        return ()
    return (i for i in block.inlines if i.role not in _BREAKS)

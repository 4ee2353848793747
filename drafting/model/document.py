"""The document model: what a speech *is*, independent of how it is printed.

Every writer (plain text, Word, PDF, the reading and outline copies) reads only
this model, and the template output is parsed into it. Blocks carry roles, never
fonts: a style sheet decides how a role looks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import PurePath


class BlockRole(str, Enum):
    TITLE = "title"
    BYLINE = "byline"
    SALUTATION = "salutation"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CLOSING = "closing"
    SIGNATURE = "signature"
    NOTE = "note"  # a line for the reader's eye only, never read aloud (约3分钟)
    TABLE = "table"
    IMAGE = "image"


class InlineRole(str, Enum):
    PLAIN = "plain"
    LEAD = "lead"  # run-in lead sentence (一要……。) at the start of a paragraph
    INDICATOR = "indicator"  # a statistic rendered from data (地区生产总值实现…)
    LINE_BREAK = "line-break"
    # a break for layout only (a long title's break point): a new line in Word,
    # nothing in plain text, so the words themselves never change
    LAYOUT_BREAK = "layout-break"
    RUBY = "ruby"  # text with its pronunciation printed above it (pinyin)


@dataclass(frozen=True, slots=True)
class Inline:
    """A run of text. A RUBY inline carries its pinyin in ``ruby`` and the role
    of the run it was cut from in ``within``, so a character annotated inside a
    bold lead sentence stays bold."""

    text: str
    role: InlineRole = InlineRole.PLAIN
    ruby: str = ""
    within: InlineRole | None = None

    @property
    def style_role(self) -> InlineRole:
        """The role that decides how the text looks (the enclosing one for ruby)."""
        if self.role is InlineRole.RUBY:
            return self.within or InlineRole.PLAIN
        return self.role


LINE_BREAK = Inline("\n", InlineRole.LINE_BREAK)
LAYOUT_BREAK = Inline("", InlineRole.LAYOUT_BREAK)


def _plain(inlines: tuple[Inline, ...]) -> str:
    return "".join(inline.text for inline in inlines)


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like unit with a role, never a font: the style sheet decides its look."""

    role: BlockRole
    inlines: tuple[Inline, ...] = ()
    level: int = 0  # heading level 1–4; 0 for every other role

    @property
    def text(self) -> str:
        return _plain(self.inlines)

    @property
    def lead(self) -> str:
        """The run-in lead sentence, or '' when the paragraph has none."""
        return _plain(self.lead_inlines)

    @property
    def lead_inlines(self) -> tuple[Inline, ...]:
        """The leading runs that make up the run-in lead (several once annotated)."""
        count = 0
        for inline in self.inlines:
            if inline.style_role is not InlineRole.LEAD:
                break
            count += 1
        return self.inlines[:count]


Cell = tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table block: caption above it, an optional header row (repeated on every
    page it spans), then the rows. Rows may be shorter than the widest row; the
    writers pad them rather than drop or reject a cell."""

    caption: tuple[Inline, ...] = ()
    header: tuple[Cell, ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = ()
    role: BlockRole = BlockRole.TABLE
    level: int = 0

    @property
    def inlines(self) -> tuple[Inline, ...]:
        """Every run of the table, caption first, for readers of its words (counts, pinyin)."""
        return self.caption + tuple(i for row in (self.header, *self.rows) for cell in row for i in cell)

    @property
    def columns(self) -> int:
        return max((len(r) for r in (self.header, *self.rows)), default=0)

    @property
    def text(self) -> str:
        """Plain form: the caption, then a line a row with cells separated by tabs."""
        lines = [_plain(self.caption)] if self.caption else []
        for row in (self.header, *self.rows) if self.header else self.rows:
            lines.append("\t".join(_plain(cell) for cell in row))
        return "\n".join(lines)

    @property
    def lead(self) -> str:
        return ""


@dataclass(frozen=True, slots=True)
class Image:
    """A picture (a chart) from a file, with its caption below it.

    ``path`` is absolute: validation resolved it against the data file's folder
    and checked it exists, so writers never see the writer's YAML."""

    path: str
    caption: tuple[Inline, ...] = ()
    width_mm: float | None = None
    role: BlockRole = BlockRole.IMAGE
    level: int = 0

    @property
    def inlines(self) -> tuple[Inline, ...]:
        return self.caption

    @property
    def text(self) -> str:
        """The caption, or the file name when there is none, so text output never loses it."""
        return _plain(self.caption) or f"[图片：{PurePath(self.path).name}]"

    @property
    def lead(self) -> str:
        return ""


@dataclass(slots=True)
class Meta:
    """Document properties, filled from the data (title, speaker, subject…)."""

    title: str = ""
    author: str = ""
    subject: str = ""
    date: str = ""
    keywords: str = ""


@dataclass(slots=True)
class Document:
    """What every writer reads: the properties and the blocks in reading order."""

    meta: Meta = field(default_factory=Meta)
    blocks: list[Block | Table | Image] = field(default_factory=list)

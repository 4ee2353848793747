"""Read the semantic markup a template emits into the document model.

The markup is XML parsed by lxml, never by regular expressions, so structure is
exactly what the template wrote and data (escaped by the renderer) stays text.

    <doc title=".." author=".." subject=".." date="..">
      <title>..</title> <byline>..</byline> <salutation>..</salutation>
      <h1>..</h1> … <h4>..</h4> <p>..</p> <p level="1">..</p> <closing>..</closing>
      <signature>..</signature> <pagebreak/>
      <table><caption>..</caption><tr><th>..</th>…</tr><tr><td>..</td>…</tr></table>
      <image src="/absolute/path.png" width_mm="120"><caption>..</caption></image>
    </doc>

A <p level="N"> is a paragraph that opens with a level-N heading run into
its text (the reading copy counts a part from it). Inside a block: <lead> (run-in lead sentence), <ind> (a statistic), <b>, <i>,
<br/> (a line break that is part of the text), <wbr/> (a break for layout only,
e.g. a long title's break point: a new line in Word, nothing in plain text). A run of whitespace that contains a newline is template layout and is
dropped; any other character is kept as written.
"""

from __future__ import annotations

import math
import re
from typing import Iterable

from lxml import etree

from drafting.errors import Location, TemplateError
from drafting.model.document import LAYOUT_BREAK, LINE_BREAK, Block, BlockRole, Document, Image, Inline, InlineRole, Meta, Table

_BLOCKS = {
    "title": (BlockRole.TITLE, 0),
    "byline": (BlockRole.BYLINE, 0),
    "salutation": (BlockRole.SALUTATION, 0),
    "h1": (BlockRole.HEADING, 1),
    "h2": (BlockRole.HEADING, 2),
    "h3": (BlockRole.HEADING, 3),
    "h4": (BlockRole.HEADING, 4),
    "p": (BlockRole.PARAGRAPH, 0),
    "closing": (BlockRole.CLOSING, 0),
    "signature": (BlockRole.SIGNATURE, 0),
    "pagebreak": (BlockRole.PAGE_BREAK, 0),
}
_INLINES = {
    "lead": InlineRole.LEAD,
    "ind": InlineRole.INDICATOR,
    "b": InlineRole.STRONG,
    "i": InlineRole.EMPHASIS,
}
_LAYOUT = re.compile(r"[ \t]*\n[ \t\n]*")
_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


def read_markup(markup: str | Iterable[str], template: str) -> Document:
    """Parse template output; a malformed document is the template's fault.

    The markup may come in pieces as the template renders it. Each block is read
    into the model as soon as it is complete and then dropped from the parse
    tree, so a book-length speech never has its whole tree in memory.
    """
    reader = _Reader(template)
    parser = etree.XMLPullParser(events=("start", "end"), **_PARSER_OPTIONS)
    try:
        for piece in (markup,) if isinstance(markup, str) else markup:
            parser.feed(piece)
            reader.take(parser.read_events())
        parser.close()
        reader.take(parser.read_events())
    except etree.XMLSyntaxError as e:
        line = e.position[0] if e.position else None
        raise TemplateError(
            f"模板输出的标记无法解析（渲染结果第 {line} 行）：{e.msg}", Location(template)
        ) from None
    return reader.document


class _Reader:
    """Turns the parser's start/end events into blocks, one block at a time."""

    def __init__(self, template: str):
        self.template = template
        self.document = Document(Meta())
        self.root = None
        self.depth = 0
        self.done = None  # the last block read: its tail is complete only later

    def take(self, events) -> None:
        for event, element in events:
            if event == "start":
                if self.depth == 0:
                    self._open(element)
                elif self.depth == 1:
                    self._finish_previous()
                self.depth += 1
            else:
                self.depth -= 1
                if self.depth == 1:
                    self.document.blocks.append(_block(element, self.template))
                    self.done = element
                elif self.depth == 0:
                    self._finish_previous()

    def _open(self, root) -> None:
        if root.tag != "doc":
            raise TemplateError(f"模板输出的根元素应为 <doc>，实际为 <{root.tag}>", Location(self.template))
        self.root = root
        self.document.meta = Meta(
            title=root.get("title", ""),
            author=root.get("author", ""),
            subject=root.get("subject", ""),
            date=root.get("date", ""),
            keywords=root.get("keywords", ""),
        )

    def _finish_previous(self) -> None:
        """Check the text before a block (or the end) and drop the block read before it."""
        if self.done is None:
            _expect_layout_only(self.root.text, self.root, self.template)
            return
        _expect_layout_only(self.done.tail, self.root, self.template)
        self.root.remove(self.done)
        self.done = None


def _block(element: etree._Element, template: str) -> Block | Table | Image:
    if element.tag == "table":
        return _table(element, template)
    if element.tag == "image":
        return _image(element, template)
    try:
        role, level = _BLOCKS[element.tag]
    except KeyError:
        raise _unknown(element, template, "块") from None
    if element.tag == "p" and element.get("level") in _RUN_IN_LEVELS:
        level = int(element.get("level"))  # a heading run into its paragraph: 一、标题。正文……
    return Block(role, _inlines(element, template), level)


_RUN_IN_LEVELS = ("1", "2", "3", "4")


def _table(element, template: str) -> Table:
    """A caption, then rows; a first row of <th> cells is the header."""
    caption: tuple[Inline, ...] = ()
    header: tuple = ()
    rows: list[tuple] = []
    _expect_layout_only(element.text, element, template)
    for child in element:
        if child.tag == "caption" and not caption and not header and not rows:
            caption = _inlines(child, template)
        elif child.tag == "tr":
            tags = {cell.tag for cell in child}
            if not tags <= {"th", "td"} or tags == {"th", "td"}:
                raise TemplateError(
                    "表格的一行只能全是 <th>（表头）或全是 <td>（表体）", Location(template)
                )
            _expect_layout_only(child.text, child, template)
            cells = tuple(_inlines(cell, template) for cell in child)
            for cell in child:
                _expect_layout_only(cell.tail, child, template)
            if tags == {"th"}:
                if header or rows:
                    raise TemplateError("表头行 <th> 只能是表格的第一行", Location(template))
                header = cells
            else:
                rows.append(cells)
        else:
            raise _unknown(child, template, "表格内")
        _expect_layout_only(child.tail, element, template)
    if not header and not rows:
        raise TemplateError("表格 <table> 中没有任何行", Location(template))
    return Table(caption, header, tuple(rows))


def _image(element, template: str) -> Image:
    src = element.get("src")
    if not src:
        raise TemplateError("图片 <image> 缺少 src 属性", Location(template))
    width = element.get("width_mm")
    try:
        width_mm = float(width) if width else None
    except ValueError:
        width_mm = math.nan
    if width_mm is not None and not 0 < width_mm < math.inf:
        raise TemplateError(f"图片宽度 width_mm 应为数字（毫米，大于 0），实际是“{width}”", Location(template))
    caption: tuple[Inline, ...] = ()
    _expect_layout_only(element.text, element, template)
    for child in element:
        if child.tag != "caption" or caption:
            raise _unknown(child, template, "图片内")
        caption = _inlines(child, template)
        _expect_layout_only(child.tail, element, template)
    return Image(src, caption, width_mm)


def _inlines(element, template: str) -> tuple[Inline, ...]:
    inlines: list[Inline] = []
    _collect(element, InlineRole.PLAIN, inlines, template)
    return _merge(inlines)


def _collect(element, role: InlineRole, out: list[Inline], template: str) -> None:
    _text(element.text, role, out)
    for child in element:
        if child.tag == "br":
            out.append(LINE_BREAK)
        elif child.tag == "wbr":
            out.append(LAYOUT_BREAK)
        elif child.tag in _INLINES:
            _collect(child, _INLINES[child.tag], out, template)
        else:
            raise _unknown(child, template, "行内")
        _text(child.tail, role, out)


def _text(text: str | None, role: InlineRole, out: list[Inline]) -> None:
    if text:
        if "\n" in text:
            text = _LAYOUT.sub("", text)
        if text:
            out.append(Inline(text, role))


def _merge(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Adjacent runs of one role become one run (template layout splits them)."""
    merged: list[Inline] = []
    for inline in inlines:
        if (
            merged
            and merged[-1].role is inline.role
            and inline.role not in (InlineRole.LINE_BREAK, InlineRole.LAYOUT_BREAK)
            and inline.role is not InlineRole.INDICATOR
        ):
            merged[-1] = Inline(merged[-1].text + inline.text, inline.role)
        else:
            merged.append(inline)
    return tuple(merged)


def _expect_layout_only(text: str | None, parent, template: str) -> None:
    if text and _LAYOUT.sub("", text).strip():
        raise TemplateError(
            f"模板输出中有不在任何段落里的文字：“{text.strip()[:30]}”", Location(template, parent.sourceline)
        )


def _unknown(element, template: str, kind: str) -> TemplateError:
    return TemplateError(
        f"模板输出中有未知的{kind}元素 <{element.tag}>", Location(template)
    )

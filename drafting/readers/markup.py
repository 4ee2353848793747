"""Read the semantic markup a template emits into the document model.

The markup is XML parsed by lxml, never by regular expressions, so structure is
exactly what the template wrote and data (escaped by the renderer) stays text.
The elements and attributes accepted here are the pack contract, written down
for pack authors in docs/pack-contract.md (a test keeps the two equal):

    <doc title=".." author=".." subject=".." date=".." keywords="..">
      <title>..</title> <byline>..</byline> <salutation>..</salutation>
      <h1>..</h1> … <h4>..</h4> <p>..</p> <p level="1">..</p> <closing>..</closing>
      <signature>..</signature>
      <table><caption>..</caption><tr><th>..</th>…</tr><tr><td>..</td>…</tr></table>
      <image src="/absolute/path.png" width_mm="120"><caption>..</caption></image>
    </doc>

A <p level="N"> is a paragraph that opens with a level-N heading run into
its text (the reading copy counts a part from it); a <p join="1"> goes on in
the paragraph before it (a unit printed inside another's paragraph). Inside a block: <lead>
(run-in lead sentence), <ind> (a statistic),
<br/> (a line break that is part of the text), <wbr/> (a break for layout only,
e.g. a long title's break point: a new line in Word, nothing in plain text). A run of whitespace that contains a newline is template layout and is
dropped; any other character is kept as written.

A mistake is a MarkupError at its line of the output; the renderer turns that
into the template's own file and line (``packs.template_lines``).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Iterable

from lxml import etree

from drafting.errors import Location, MarkupError
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
}
_INLINES = {
    "lead": InlineRole.LEAD,
    "ind": InlineRole.INDICATOR,
}
_FIGURES = ("table", "image")
_BREAKS = ("br", "wbr")
# what may stand where, for the message about an element that may not
_ALLOWED = {
    "块": (*_BLOCKS, *_FIGURES),
    "行内": (*_INLINES, *_BREAKS),
    "表格内": ("caption", "tr"),
    "表格行内": ("th", "td"),
    "图片内": ("caption",),
}
# attributes of each element (any other is a mistake, never silently ignored)
ATTRIBUTES = {"doc": ("title", "author", "subject", "date", "keywords"), "image": ("src", "width_mm"), "p": ("level", "join")}
_RUN_IN_LEVELS = ("1", "2", "3", "4")
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
        # the log's last entry is what stopped the parser (the exception's own
        # message may be a consequence: "no element found" for an unknown entity)
        first = e.error_log.last_error
        name = first.type_name if first else _error_names().get(e.code, "")
        line, column = (first.line, first.column) if first else (e.position or (None, None))
        raise MarkupError(
            f"模板输出的标记不合规则：{_syntax_in_chinese(name, first.message if first else e.msg, e.code)}",
            Location(template), line or None, column or None,
        ) from None
    return reader.document


# libxml2's messages are English: what each common one means, in the pack author's words
_SYNTAX = {
    "ERR_TAG_NAME_MISMATCH": "开始标签与结束标签不配对（{0}）",
    "ERR_TAG_NOT_FINISHED": "输出在元素结束之前就结束了：缺少结束标签（{0}）",
    "ERR_DOCUMENT_END": "</doc> 之后还有内容：全部输出须在一个 <doc> 元素之内",
    "ERR_DOCUMENT_EMPTY": "没有输出 <doc> 元素（输出为空，或 <doc> 之前有文字）",
    "ERR_NAME_REQUIRED": "“<”之后应为元素名；要输出“<”本身，请写 &lt;",
    "ERR_LT_IN_ATTRIBUTE": "属性值中不能有“<”，请写 &lt;",
    "ERR_ATTRIBUTE_NOT_STARTED": "属性值须用英文引号括起来",
    "ERR_ATTRIBUTE_WITHOUT_VALUE": "属性须写成 名称=\"值\"",
    "ERR_ATTRIBUTE_REDEFINED": "同一元素中重复写了一个属性",
    "ERR_GT_REQUIRED": "标签没有以“>”结束",
    "ERR_LTSLASH_REQUIRED": "结束标签应以“</”开始",
    "ERR_MISPLACED_CDATA_END": "文字中不能出现“]]>”",
    "ERR_INVALID_CHAR": "含有文档中不允许的控制字符",
    "ERR_ENTITYREF_SEMICOL_MISSING": "“&”之后应为实体名和“;”；要输出“&”本身，请写 &amp;",
    "ERR_ENTITYREF_NO_NAME": "“&”之后应为实体名和“;”；要输出“&”本身，请写 &amp;",
    "ERR_UNDECLARED_ENTITY": "未定义的实体；只能用 &amp; &lt; &gt; &quot; &apos; 和 &#数字;",
    "WAR_UNDECLARED_ENTITY": "未定义的实体；只能用 &amp; &lt; &gt; &quot; &apos; 和 &#数字;",
}
_TAG_NAMES = r"(?:mismatch: |in tag )(\S+) line \d+(?: and (\S+))?"  # compiled on first use: errors only


@lru_cache(maxsize=1)
def _error_names() -> dict[int, str]:
    """libxml2's error names by code, made for a template's first markup error."""
    return {code: name for name, code in vars(etree.ErrorTypes).items() if name.isupper()}


def _syntax_in_chinese(name: str, english: str | None, code: int) -> str:
    if name not in _SYNTAX:
        return f"无法识别的写法（解析器错误代码 {code}）"
    found = re.search(_TAG_NAMES, english or "")
    if found and found.group(2):
        detail = f"<{found.group(1)}> 遇到了 </{found.group(2).rstrip(',')}>"
    elif found:
        detail = f"<{found.group(1)}> 没有结束"
    else:
        detail = ""
    return _SYNTAX[name].format(detail).replace("（）", "")


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
                    block = _block(element, self.template)
                    if element.tag == "p" and element.get("join") is not None:
                        self._join(block, element)
                    else:
                        self.document.blocks.append(block)
                    self.done = element
                elif self.depth == 0:
                    self._finish_previous()

    def _join(self, block: Block, element) -> None:
        """A <p join="1"> goes on in the paragraph before it: a unit whose heading the
        original printed in the middle of another unit's paragraph (……工作。（一）抓项目……)."""
        if element.get("join") != "1":
            raise _error("<p> 的属性 join 应为 1（接在上一段之后，同在一段）", element, self.template)
        blocks = self.document.blocks
        if not blocks or not isinstance(blocks[-1], Block) or blocks[-1].role is not BlockRole.PARAGRAPH:
            raise _error("<p join=\"1\"> 之前须是一个正文段落 <p>", element, self.template)
        before = blocks[-1]
        blocks[-1] = Block(before.role, _merge(list(before.inlines + block.inlines)), before.level or block.level)

    def _open(self, root) -> None:
        if root.tag != "doc":
            raise _error(f"模板输出的根元素应为 <doc>，实际为 <{root.tag}>", root, self.template)
        _expect_attributes(root, self.template)
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
        _expect_layout_only(self.done.tail, self.done, self.template, tail=True)
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
    if element.attrib:
        _expect_attributes(element, template)
        if element.tag == "p" and element.get("level") is not None:  # a heading run into its paragraph: 一、标题。正文……
            if element.get("level") not in _RUN_IN_LEVELS:
                raise _error("<p> 的属性 level 应为 1、2、3 或 4", element, template)
            level = int(element.get("level"))
    return Block(role, _inlines(element, template), level)


def _table(element, template: str) -> Table:
    """A caption, then rows; a first row of <th> cells is the header."""
    caption: tuple[Inline, ...] = ()
    header: tuple = ()
    rows: list[tuple] = []
    _expect_attributes(element, template)
    _expect_layout_only(element.text, element, template)
    for child in element:
        if child.tag == "caption" and not caption and not header and not rows:
            _expect_attributes(child, template)
            caption = _inlines(child, template)
        elif child.tag == "tr":
            _expect_attributes(child, template)
            _expect_layout_only(child.text, child, template)
            for cell in child:
                if cell.tag not in ("th", "td"):
                    raise _unknown(cell, template, "表格行内")
                _expect_attributes(cell, template)
                _expect_layout_only(cell.tail, cell, template, tail=True)
            tags = {cell.tag for cell in child}
            if tags == {"th", "td"}:
                raise _error("表格的一行只能全是 <th>（表头）或全是 <td>（表体）", child, template)
            cells = tuple(_inlines(cell, template) for cell in child)
            if tags == {"th"}:
                if header or rows:
                    raise _error("表头行 <th> 只能是表格的第一行", child, template)
                header = cells
            else:
                rows.append(cells)
        elif child.tag == "caption":
            raise _error("表题 <caption> 只能有一个，且在表格的第一行之前", child, template)
        else:
            raise _unknown(child, template, "表格内")
        _expect_layout_only(child.tail, child, template, tail=True)
    if not header and not rows:
        raise _error("表格 <table> 中没有任何行", element, template)
    return Table(caption, header, tuple(rows))


def _image(element, template: str) -> Image:
    _expect_attributes(element, template)
    src = element.get("src")
    if not src:
        raise _error("图片 <image> 缺少 src 属性", element, template)
    width = element.get("width_mm")
    try:
        width_mm = float(width) if width else None
    except ValueError:
        width_mm = math.nan
    if width_mm is not None and not 0 < width_mm < math.inf:
        raise _error(f"图片宽度 width_mm 应为数字（毫米，大于 0），实际是“{width}”", element, template)
    caption: tuple[Inline, ...] = ()
    _expect_layout_only(element.text, element, template)
    for child in element:
        if child.tag != "caption":
            raise _unknown(child, template, "图片内")
        if caption:
            raise _error("图题 <caption> 只能有一个", child, template)
        _expect_attributes(child, template)
        caption = _inlines(child, template)
        _expect_layout_only(child.tail, child, template, tail=True)
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
            # a statistic printed inside a lead sentence is part of that lead (bold, in the outline)
            inner = role if role is InlineRole.LEAD else _INLINES[child.tag]
            _collect(child, inner, out, template)
        else:
            raise _unknown(child, template, "行内")
        if child.attrib:
            _expect_attributes(child, template)
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


def _expect_layout_only(text: str | None, element, template: str, tail: bool = False) -> None:
    """Text outside any block is a mistake; say on which line of the output it is:
    ``element``'s start line plus the lines before the text (inside the element
    too, for its ``tail``)."""
    if not text or text.isspace():  # layout (newlines, indents) and spaces alike
        return
    start = len(text) - len(text.lstrip())
    line = (element.sourceline or 1) + text.count("\n", 0, start)
    if tail:
        line += etree.tostring(element, encoding=str, with_tail=False).count("\n")
    stray = text.strip()
    raise MarkupError(
        f"模板输出中有不在任何段落里的文字：“{stray[:30]}”（文字须写在 <p> 等段落元素之内）",
        Location(template), line, None, stray.split("\n", 1)[0],
    )


def _expect_attributes(element, template: str) -> None:
    allowed = ATTRIBUTES.get(element.tag, ())
    for name in element.attrib:
        if name not in allowed:
            can = f"可用的属性：{'、'.join(allowed)}" if allowed else "该元素没有属性"
            raise _error(f"<{element.tag}> 没有属性“{name}”；{can}", element, template)


def _error(message: str, element, template: str) -> MarkupError:
    return MarkupError(message, Location(template), element.sourceline, None, f"<{element.tag}")


def _unknown(element, template: str, kind: str) -> MarkupError:
    allowed = _ALLOWED[kind]
    where = {"块": "<doc> 中", "行内": "段落中"}.get(kind, kind.replace("内", "中"))
    return _error(
        f"模板输出中有未知的{kind}元素 <{element.tag}>；{where}可用的元素：{'、'.join(f'<{t}>' for t in allowed)}",
        element,
        template,
    )

"""Read the semantic markup a template emits into the document model.

The markup is XML parsed by lxml, never by regular expressions, so structure is
exactly what the template wrote and data (escaped by the renderer) stays text.

    <doc title=".." author=".." subject=".." date="..">
      <title>..</title> <byline>..</byline> <salutation>..</salutation>
      <h1>..</h1> … <h4>..</h4> <p>..</p> <closing>..</closing>
      <signature>..</signature> <pagebreak/>
    </doc>

Inside a block: <lead> (run-in lead sentence), <ind> (a statistic), <b>, <i>,
<br/> (a line break that is part of the text), <wbr/> (a break for layout only,
e.g. a long title's break point: a new line in Word, nothing in plain text). A run of whitespace that contains a newline is template layout and is
dropped; any other character is kept as written.
"""

from __future__ import annotations

import re

from lxml import etree

from .errors import Location, TemplateError
from .model import LAYOUT_BREAK, LINE_BREAK, Block, BlockRole, Document, Inline, InlineRole, Meta

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
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True
)


def read_markup(markup: str, template: str) -> Document:
    """Parse template output; a malformed document is the template's fault."""
    try:
        root = etree.fromstring(markup.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as e:
        line = e.position[0] if e.position else None
        raise TemplateError(
            f"模板输出的标记无法解析（渲染结果第 {line} 行）：{e.msg}", Location(template)
        ) from None
    if root.tag != "doc":
        raise TemplateError(f"模板输出的根元素应为 <doc>，实际为 <{root.tag}>", Location(template))
    meta = Meta(
        title=root.get("title", ""),
        author=root.get("author", ""),
        subject=root.get("subject", ""),
        date=root.get("date", ""),
        keywords=root.get("keywords", ""),
    )
    document = Document(meta)
    _expect_layout_only(root.text, root, template)
    for element in root:
        document.blocks.append(_block(element, template))
        _expect_layout_only(element.tail, root, template)
    return document


def _block(element: etree._Element, template: str) -> Block:
    try:
        role, level = _BLOCKS[element.tag]
    except KeyError:
        raise _unknown(element, template, "块") from None
    inlines: list[Inline] = []
    _collect(element, InlineRole.PLAIN, inlines, template)
    return Block(role, _merge(inlines), level)


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

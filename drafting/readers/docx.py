"""Word (.docx): every paragraph of the body, tables' cells included, in order.

Word's automatic numbering is read as the text Word shows in front of the
paragraph (``numbering.py``). A table of two or more columns is read as a
table, row by row; a one-column table (a frame around text) as its paragraphs.
A paragraph that opens with bold text followed by plain text keeps that bold
text as a run-in lead (``InlineRole.LEAD``): it is the best evidence of the
"一要……。" layout. A soft line break inside a paragraph is kept as a newline,
except in a centred first paragraph: a title is broken into lines for its shape
(GB/T 9704), so its breaks are layout, not words.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document as open_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from drafting.errors import DataError, Location
from drafting.safe_zip import checked_zip
from drafting.model.document import Block, BlockRole, Document, Inline, InlineRole, Meta
from drafting.model.document import Table as DocTable
from drafting.readers.numbering import Numbering
from drafting.readers.text import INDENT


def read_docx(raw: bytes, file: str) -> Document:
    checked_zip(raw, file, "这个 Word 文件")  # bombs, bad deflate, encryption: a clear error first
    try:
        word = open_docx(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, etree.XMLSyntaxError, AttributeError, TypeError):
        raise DataError("无法打开这个 Word 文件：它不是有效的 .docx（旧的 .doc 请先另存为 .docx）", Location(file)) from None
    numbering = Numbering(_numbering_xml(word), word.part.styles.element)
    blocks: list = []
    for item in word.iter_inner_content():
        if isinstance(item, Table) and _columns(item) > 1:
            table = _table(item, numbering)
            if table is not None:
                blocks.append(table)
            continue
        for paragraph in _cell_paragraphs(item) if isinstance(item, Table) else [item]:
            block = _block(paragraph, numbering, title=not blocks and _is_centred(paragraph))
            if block is not None:
                blocks.append(block)
    return Document(Meta(date=_written(word)), blocks)


def _written(word) -> str:
    """The day the file says it was created (else last saved), YYYY-MM-DD, or "":
    what a text with no year of its own was most likely about. A damaged
    date in another office's file is no date."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:  # asked through python-docx's core_properties, a file without them gets "now"
        properties = word.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES).core_properties
        when = properties.created or properties.modified
    except (ValueError, TypeError, AttributeError, KeyError, etree.XMLSyntaxError):
        return ""
    if when is None or not 1949 <= when.year <= 2200:
        return ""
    return when.strftime("%Y-%m-%d")


def _numbering_xml(word):
    for rel in word.part.rels.values():
        if rel.reltype.endswith("/numbering") and not rel.is_external:
            part = rel.target_part
            return part.element if hasattr(part, "element") else etree.fromstring(part.blob)
    return None


def _columns(table: Table) -> int:
    return max((len(row.cells) for row in table.rows), default=0)


def _table(table: Table, numbering: Numbering) -> DocTable | None:
    """The table's rows, each merged cell once, each cell's paragraphs joined by line breaks."""
    rows, seen = [], set()
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            texts = [_paragraph_text(p, numbering).strip(INDENT) for p in _paragraphs(cell)]
            cells.append((Inline("\n".join(t for t in texts if t)),))
        if any(cell[0].text for cell in cells):
            rows.append(tuple(cells))
    return DocTable(rows=tuple(rows)) if rows else None


def _paragraphs(container):
    """Paragraphs in document order, descending into tables' cells (and tables
    nested in them)."""
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            yield from _cell_paragraphs(item)
        else:
            yield item


def _cell_paragraphs(table: Table):
    """A merged cell is read once: python-docx gives it for every grid column and row it spans."""
    seen = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc not in seen:
                seen.add(cell._tc)
                yield from _paragraphs(cell)


def _paragraph_text(paragraph: Paragraph, numbering: Numbering) -> str:
    return numbering.label(paragraph._p, _style_ids(paragraph)) + "".join(run.text for run in _runs(paragraph))


def _style_ids(paragraph: Paragraph) -> list[str]:
    ids, style = [], paragraph.style
    while style is not None:
        ids.append(style.style_id)
        style = style.base_style
    return ids


def _block(paragraph: Paragraph, numbering: Numbering, title: bool = False) -> Block | None:
    runs = _runs(paragraph)
    label = numbering.label(paragraph._p, _style_ids(paragraph))
    text = label + "".join(run.text for run in runs)
    if not text.strip(INDENT):
        return None
    if title:
        return Block(BlockRole.PARAGRAPH, (Inline(text.replace("\n", "").strip(INDENT)),))
    stripped = text.strip(INDENT)
    lead = _bold_lead(runs, paragraph)
    if lead and label:  # Word draws the number in the paragraph's first run's format
        lead = label + lead
    if lead and stripped.startswith(lead) and len(lead) < len(stripped):
        inlines = (Inline(lead, InlineRole.LEAD), Inline(stripped[len(lead):]))
    else:
        inlines = (Inline(stripped),)
    return Block(BlockRole.PARAGRAPH, inlines)


def _bold_lead(runs: list[Run], paragraph: Paragraph) -> str:
    """The bold text the paragraph opens with ('' when it opens with plain text)."""
    lead = ""
    for run in runs:
        if not run.text:
            continue
        if not _is_bold(run, paragraph):
            break
        lead += run.text
    return lead.lstrip(INDENT)


def _runs(paragraph: Paragraph) -> list[Run]:
    """Every run that holds the paragraph's words, in order. python-docx's
    ``runs`` and ``text`` leave out runs inside tracked insertions (w:ins),
    fields (w:fldSimple), content controls (w:sdt) and phonetic guides (w:ruby,
    Word's 拼音指南 and draft's reading copy), so their words would be lost.
    The guide itself (w:rt) is not read, nor are text boxes."""
    return [Run(r, paragraph) for r in paragraph._p.xpath(_WORD_RUNS)]


_WORD_RUNS = ".//w:r[not(ancestor::w:rt) and not(ancestor::w:txbxContent)]"


def _is_centred(paragraph: Paragraph) -> bool:
    if paragraph.alignment is not None:
        return paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.alignment is not None:
            return style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
        style = style.base_style
    return False


def _is_bold(run, paragraph: Paragraph) -> bool:
    if run.bold is not None:
        return run.bold
    for style in (run.style, paragraph.style):
        while style is not None:
            if style.font.bold is not None:
                return style.font.bold
            style = style.base_style
    return False

"""The Word writer: document model + style sheet → .docx bytes.

Each block role becomes a named paragraph style and each inline role a named
character style (``styles.py``); page set-up in ``page.py``, page numbers in
``footer.py``, an office's reference file in ``reference.py``. All of that is
the same for every speech built with one style sheet, the styles of tables and
pictures included: ``empty_package.py`` makes it once with python-docx and
``base.py`` keeps it, deflated. Writing any speech, with or without tables,
pictures or pinyin, is then one path: its body as text (``body.py`` with
``table.py``, ``image.py`` and ``ruby.py``, all spelled by ``wordml.py``), its
properties, picture files and fingerprint, and one zip (``package.py``), in
time proportional to its length.
"""

from __future__ import annotations

from itertools import chain
from pathlib import Path

from drafting.model.document import BlockRole, Document
from drafting.packs.stylesheet import StyleSheet
from drafting.writers.docx.base import base_for
from drafting.writers.docx.body import BodyWriter
from drafting.writers.docx.package import pack_stream, write_package
from drafting.writers.layout import break_long_titles


class DocxWriter:
    """Writes a document with the style sheet's typography, or, given an office's
    reference .docx, with that file's styles, page set-up and footers."""

    def __init__(self, stylesheet: StyleSheet, reference: Path | None = None):
        self.stylesheet = stylesheet
        self.reference = reference

    def write(self, document: Document) -> bytes:
        document = break_long_titles(document, self.stylesheet)
        base = base_for(self.stylesheet, self.reference)
        pictures, media = _pictures(document.blocks, self.stylesheet)
        body = BodyWriter(base.style_ids, self.stylesheet, pictures).encoded(document.blocks)
        packed = pack_stream(base.document, chain((base.document_head,), body, (base.document_tail,)))
        return write_package(base.package(packed, document.meta, media))


def _pictures(blocks: list, stylesheet: StyleSheet) -> tuple[dict, list]:
    """The pictures placed and their parts; the picture module (its records, its
    reader of image files) is imported only for a speech that has a picture."""
    if not any(block.role is BlockRole.IMAGE for block in blocks):
        return {}, []
    from drafting.writers.docx.image import media_parts, place_pictures

    pictures = place_pictures(blocks, stylesheet)
    return pictures, media_parts(pictures)

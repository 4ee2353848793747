"""The Word writer: document model + style sheet → .docx bytes.

Each block role becomes a named paragraph style and each inline role a named
character style (``styles.py``); page set-up in ``page.py``, page numbers in
``footer.py``, an office's reference file in ``reference.py``, pinyin guides in
``ruby.py``, tables and pictures in ``table.py`` and ``image.py``. All but the
tables and pictures is the same for every speech built with one style sheet:
``styled.py`` makes it once with python-docx and ``base.py`` keeps it, deflated.
Writing a speech is then its paragraphs as text (``body.py``), its properties,
its fingerprint and one zip (``package.py``), in time proportional to its length.
"""

from __future__ import annotations

from itertools import chain
from pathlib import Path

from drafting.model.document import BlockRole, Document
from drafting.packs.stylesheet import StyleSheet
from drafting.writers.docx.base import DOCUMENT, base_for
from drafting.writers.docx.body import BodyWriter
from drafting.writers.docx.package import pack_stream, write_package
from drafting.writers.layout import break_long_titles

_FIGURES = (BlockRole.TABLE, BlockRole.IMAGE)


class DocxWriter:
    """Writes a document with the style sheet's typography, or, given an office's
    reference .docx, with that file's styles, page set-up and footers."""

    def __init__(self, stylesheet: StyleSheet, reference: Path | None = None):
        self.stylesheet = stylesheet
        self.reference = reference

    def write(self, document: Document) -> bytes:
        document = break_long_titles(document, self.stylesheet)
        if any(block.role in _FIGURES for block in document.blocks):
            return self._write_with_figures(document)
        base = base_for(self.stylesheet, self.reference)
        body = BodyWriter(base.style_ids, self.stylesheet).encoded(document.blocks)
        packed = pack_stream(DOCUMENT, chain((base.document_head,), body, (base.document_tail,)))
        return write_package(base.package(packed, base.fill_core(document.meta)))

    def _write_with_figures(self, document: Document) -> bytes:
        """Tables and pictures add styles and parts (the image files) to the
        package itself, so such a speech gets a styled package of its own."""
        from drafting.writers.docx.styled import package_with_figures

        return package_with_figures(document, self.stylesheet, self.reference)

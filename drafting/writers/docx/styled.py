"""The styled, empty Word package, made with python-docx: everything but the text.

Page set-up, named styles, Chinese fonts and page-number footers (or an office's
reference file) are the same for every speech built with one style sheet, so
they are made here once and kept (``base.py``). A speech with tables or
pictures is written here whole, since those add styles and parts of their own.
This module, and the ones it uses, are the only ones that import python-docx.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from lxml import etree

from drafting.model.document import BlockRole, Document, Meta
from drafting.packs.stylesheet import StyleSheet
from drafting.writers.docx.body import BodyWriter, keeps_with_next
from drafting.writers.docx.footer import add_page_number_footers, has_footers
from drafting.writers.docx.image import image_elements
from drafting.writers.docx.ooxml import qn
from drafting.writers.docx.base import property_text
from drafting.writers.docx.package import finish_package
from drafting.writers.docx.page import set_up_page
from drafting.writers.docx.reference import open_reference
from drafting.writers.docx.styles import (
    define_styles, drop_styles_with_effects, set_chinese_theme_language, set_document_defaults, use_chinese_fonts,
)
from drafting.writers.docx.table import table_elements

BODY_MARK = "draft-body"  # an XML comment where the paragraphs go
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def styled_package(sheet: StyleSheet, reference: Path | None) -> tuple[bytes, dict[str, str]]:
    """The .docx bytes of an empty styled document, and its style ids by style-sheet key.

    The body holds only the comment ``<!--draft-body-->`` before the section
    properties, where a speech's paragraphs are put.
    """
    word, style_ids = _styled_document(sheet, reference)
    word.element.body.insert(0, etree.Comment(BODY_MARK))
    _set_properties(word, Meta())
    return finish_package(_saved(word)), style_ids


def package_with_figures(document: Document, sheet: StyleSheet, reference: Path | None) -> bytes:
    """A speech with tables or pictures, written into a styled document of its own."""
    word, style_ids = _styled_document(sheet, reference)
    body = word.element.body
    section = body.find(qn("w:sectPr"))
    paragraphs = BodyWriter(style_ids, sheet)
    for i, block in enumerate(document.blocks):
        if block.role is BlockRole.TABLE:
            for element in table_elements(word, block, sheet):
                section.addprevious(element)
        elif block.role is BlockRole.IMAGE:
            for element in image_elements(word, block, sheet):
                section.addprevious(element)
        else:
            keep = keeps_with_next(document.blocks, i)
            section.addprevious(_element(paragraphs.paragraph(block, keep)))
    _set_properties(word, document.meta)
    return finish_package(_saved(word), document.meta.date)


def _styled_document(sheet: StyleSheet, reference: Path | None):
    word = _start(sheet, reference)
    return word, define_styles(word, sheet)


def _element(paragraph: str):
    """One paragraph written by ``body.py`` as an element (the namespace declared
    on a wrapper, as the document root declares it)."""
    return etree.fromstring(f'<w:body xmlns:w="{_W}">{paragraph}</w:body>')[0]


def _saved(word) -> bytes:
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _start(sheet: StyleSheet, reference: Path | None):
    if reference is not None:
        word = open_reference(reference)
        drop_styles_with_effects(word)
        set_chinese_theme_language(word)
        if not has_footers(word.sections[-1]):
            add_page_number_footers(word, sheet)
        return word
    word = docx.Document()
    set_document_defaults(word, sheet)
    use_chinese_fonts(word, sheet)
    set_up_page(word, sheet)
    add_page_number_footers(word, sheet)
    return word


def _set_properties(word, meta: Meta) -> None:
    """Title, speaker, subject and keywords from the data (empty in the shared
    package: ``base.fill_core`` fills them for each speech)."""
    props = word.core_properties
    props.title = property_text(meta.title)
    props.author = property_text(meta.author)
    props.subject = property_text(meta.subject)
    props.keywords = property_text(meta.keywords)
    props.comments = ""
    props.last_modified_by = "draft"

"""The styled, empty Word package, made with python-docx: everything but the text.

Page set-up, named styles (those of tables and pictures too), Chinese fonts and
page-number footers (or an office's reference file) are the same for every
speech built with one style sheet, so they are made here once and kept
(``base.py``). The parts are taken from python-docx's objects as it would write
them, without a zip in between. This module, and the ones it uses, are the only
ones that import python-docx.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import _ContentTypesItem
from lxml import etree

from drafting.packs.stylesheet import StyleSheet
from drafting.writers.docx import wordml
from drafting.writers.docx.footer import add_page_number_footers, has_footers
from drafting.writers.docx.page import set_up_page
from drafting.writers.docx.reference import open_reference
from drafting.writers.docx.styles import (
    define_styles, drop_styles_with_effects, set_chinese_theme_language, set_document_defaults, use_chinese_fonts,
)

BODY_MARK = "draft-body"  # an XML comment where the paragraphs go
CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
_CUSTOM_PART = "/docProps/custom.xml"


@dataclass(frozen=True, slots=True)
class EmptyPackage:
    """A styled package with no speech in it, made once per style sheet and cached as a base."""

    parts: dict[str, bytes]  # every part by zip entry name, the body holding only BODY_MARK
    style_ids: dict[str, str]  # by style-sheet key ("char:…", "table:…", "image:…")
    document: str  # the entry names of the parts a speech fills in
    core: str
    defaults: frozenset[str]  # file extensions [Content_Types].xml already types


def styled_package(sheet: StyleSheet, reference: Path | None) -> EmptyPackage:
    """An empty styled document. Its body holds only the comment
    ``<!--draft-body-->`` before the section properties, where a speech's
    paragraphs go; the core and custom properties are each speech's own."""
    word = _start(sheet, reference)
    style_ids = define_styles(word, sheet)
    word.element.body.insert(0, etree.Comment(BODY_MARK))
    package = word.part.package
    word.core_properties  # noqa: B018 - python-docx adds the core part when a file lacks one
    _custom_part(package)  # at package.CUSTOM_PART, where read_fingerprint looks
    parts = list(package.iter_parts())
    types = _ContentTypesItem.from_parts(parts)
    entries = {CONTENT_TYPES: types.blob, PACKAGE_RELS: package.rels.xml}
    for part in parts:
        entries[part.partname[1:]] = part.blob
        if len(part.rels):
            entries[part.partname.rels_uri[1:]] = part.rels.xml
    core = next(r.target_part for r in package.rels.values() if r.reltype == RT.CORE_PROPERTIES)
    return EmptyPackage(
        entries,
        style_ids,
        word.part.partname[1:],
        core.partname[1:],
        frozenset(ext.lower() for ext in types._defaults),
    )


def _custom_part(package) -> Part:
    """The custom-properties part that will hold the fingerprint (an office file's
    own is replaced, as before: it held only what Word put there)."""
    for rel in package.rels.values():
        if rel.reltype == wordml.CUSTOM_RELATIONSHIP and not rel.is_external and rel.target_part.partname == _CUSTOM_PART:
            return rel.target_part
    part = Part(PackURI(_CUSTOM_PART), wordml.CUSTOM_CONTENT_TYPE, b"", package)
    package.relate_to(part, wordml.CUSTOM_RELATIONSHIP)
    return part


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

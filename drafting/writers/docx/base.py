"""The part of a .docx that one style sheet makes the same for every speech.

``Base`` holds the styled package's parts already deflated,
document.xml cut where the body goes, the picture relationships and content
types cut where a speech's pictures go, and the style ids. It is made once per
style sheet (``empty_package.py``, with python-docx) and then kept: in memory
for the rest of the process, and in draft's cache folder (``drafting.cache``)
so that the next ``draft build`` neither imports python-docx nor styles a package.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from drafting import cache
from drafting.model.document import Meta
from drafting.packs.stylesheet import StyleSheet
from drafting.writers.docx import wordml
from drafting.writers.docx.package import (
    CONTENT_TYPES,
    CUSTOM_PART,
    FINGERPRINT_PROPERTY,
    PackedPart,
    entry_order,
    fingerprint,
    pack_part,
    stamp,
)

if TYPE_CHECKING:
    from drafting.writers.docx.image import Media

_MARK = b"<!--draft-body-->"
_RELS_END = b"</Relationships>"
_TYPES_START = b"<Default "
_CACHE_KIND = "docx-base"
_PROPERTY_LIMIT = 255  # Word's limit for a core property


def property_text(text: str) -> str:
    """A document property is a label; the full text stands in the body."""
    return text if len(text) <= _PROPERTY_LIMIT else text[: _PROPERTY_LIMIT - 1] + "…"


_HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Base:
    """The package parts that are the same for every speech of a pack and style
    sheet, cut where a speech's own parts go, so a build only fills them in."""

    parts: list[PackedPart]  # every part the same for each speech, in package order
    order: list[str]  # every part name in package order
    document: str  # entry names: the body, its relationships, the core properties
    document_rels: str
    core: str
    document_head: bytes  # document.xml up to where the body goes
    document_tail: bytes
    rels_head: bytes  # the body's relationships up to where a picture's go
    rels_tail: bytes
    types_head: bytes  # [Content_Types].xml up to where a picture type goes
    types_tail: bytes
    types: list[str]  # the file extensions it already types
    style_ids: dict[str, str]

    def package(self, body: PackedPart, meta: Meta, media: Sequence[Media] = ()) -> list[PackedPart]:
        """Every part of a speech's package in order, its fingerprint recorded."""
        core = wordml.core_properties(
            property_text(meta.title), property_text(meta.subject), property_text(meta.author),
            property_text(meta.keywords), stamp(meta.date),
        )
        own = {self.document: body, self.core: pack_part(self.core, core)}
        own.update(self._pictures(media))
        shared = {part.name: part for part in self.parts}
        names = entry_order(set(self.order) | set(own))
        parts = [own.get(name) or shared[name] for name in names if name != CUSTOM_PART]
        recorded = fingerprint((part.name, part.size, part.crc) for part in parts)
        custom = pack_part(CUSTOM_PART, wordml.custom_properties(FINGERPRINT_PROPERTY, recorded))
        return [custom if name == CUSTOM_PART else own.get(name) or shared[name] for name in names]

    def _pictures(self, media: Sequence[Media]) -> dict[str, PackedPart]:
        """The picture files, their relationships from the body, and their types."""
        if not media:
            return {}
        rels = "".join(wordml.relationship(m.rel_id, wordml.IMAGE_RELATIONSHIP, m.part[len("word/"):]) for m in media)
        new_types = {m.extension.lower(): m.content_type for m in media if m.extension.lower() not in self.types}
        types = "".join(wordml.default_content_type(ext, kind) for ext, kind in sorted(new_types.items()))
        out = {m.part: pack_part(m.part, m.blob) for m in media}
        out[self.document_rels] = pack_part(self.document_rels, self.rels_head + rels.encode() + self.rels_tail)
        out[CONTENT_TYPES] = pack_part(CONTENT_TYPES, self.types_head + types.encode() + self.types_tail)
        return out

    def to_bytes(self) -> bytes:
        header = {
            "parts": [[p.name, p.crc, p.size, len(p.deflated)] for p in self.parts],
            "order": self.order,
            "names": [self.document, self.document_rels, self.core],
            "lengths": [len(piece) for piece in self._pieces()],
            "types": self.types,
            "style_ids": self.style_ids,
        }
        head = json.dumps(header, ensure_ascii=False).encode("utf-8")
        return len(head).to_bytes(4, "little") + head + b"".join(p.deflated for p in self.parts) + b"".join(self._pieces())

    def _pieces(self) -> tuple[bytes, ...]:
        return (self.document_head, self.document_tail, self.rels_head, self.rels_tail, self.types_head, self.types_tail)

    @classmethod
    def from_bytes(cls, data: bytes) -> Base:
        size = int.from_bytes(data[:4], "little")
        header = json.loads(data[4 : 4 + size])
        at = 4 + size
        parts = []
        for name, crc, length, deflated in header["parts"]:
            parts.append(PackedPart(name, crc, length, data[at : at + deflated]))
            at += deflated
        pieces = []
        for length in header["lengths"]:
            pieces.append(data[at : at + length])
            at += length
        if at != len(data) or len(pieces) != 6:
            raise ValueError("truncated cache entry")
        return cls(parts, header["order"], *header["names"], *pieces, header["types"], header["style_ids"])

    @classmethod
    def from_empty(cls, empty) -> Base:
        """From the styled package as ``empty_package.styled_package`` makes it."""
        named = empty.parts
        document_rels = _rels_name(empty.document)
        head, mark, tail = named[empty.document].partition(_MARK)
        rels_head, rels_end, rels_tail = named[document_rels].rpartition(_RELS_END)
        types_head, types_start, types_tail = named[CONTENT_TYPES].partition(_TYPES_START)
        if not (mark and rels_end and types_start):
            raise ValueError("the styled package lost a place the speech fills in")
        own = (empty.document, empty.core, CUSTOM_PART)
        return cls(
            [pack_part(name, content) for name, content in named.items() if name not in own],
            entry_order(named),
            empty.document,
            document_rels,
            empty.core,
            head,
            tail,
            rels_head,
            rels_end + rels_tail,
            types_head,
            types_start + types_tail,
            sorted(empty.defaults),
            empty.style_ids,
        )


def _rels_name(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


_MADE: dict[str, Base] = {}


def base_for(sheet: StyleSheet, reference: Path | None) -> Base:
    """The base for a style sheet: from memory, from the cache folder, or made now."""
    key = _key(sheet, reference)
    base = _MADE.get(key)
    if base is None:
        base = _cached(key)
        if base is None:
            from drafting.writers.docx.empty_package import styled_package

            base = Base.from_empty(styled_package(sheet, reference))
            cache.write(_CACHE_KIND, key, base.to_bytes())
        _MADE[key] = base
    return base


def _cached(key: str) -> Base | None:
    data = cache.read(_CACHE_KIND, key)
    if data is None:
        return None
    try:
        return Base.from_bytes(data)
    except (ValueError, KeyError, TypeError):  # damaged entry: make it again
        return None


def _key(sheet: StyleSheet, reference: Path | None) -> str:
    """Everything the base is made from: style sheet, reference file, code, python-docx."""
    return cache.digest(
        json.dumps(sheet.data, sort_keys=True, ensure_ascii=False, default=str),
        _reference_bytes(reference) if reference is not None else b"",
        _code_digest(),
    )


def _reference_bytes(reference: Path) -> bytes:
    """The reference file as it goes into a base (its reader, with the zip
    checks, is loaded only for a build that names one)."""
    from drafting.errors import DataError
    from drafting.writers.docx.reference import read_reference

    try:
        return read_reference(reference)
    except DataError:  # reference.py reports it in Chinese
        return b"unreadable"


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """This writer's source and python-docx's version (its template is in every base)."""
    docx_spec = find_spec("docx")
    code = sorted(_HERE.glob("*.py")) + ([Path(docx_spec.origin)] if docx_spec and docx_spec.origin else [])
    return cache.source_digest(*code)

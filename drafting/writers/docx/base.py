"""The part of a .docx that one style sheet makes the same for every speech.

``Base`` holds the styled package's parts already deflated, document.xml cut
where the paragraphs go, the core properties to fill, and the style ids. It is
made once per style sheet (``styled.py``, with python-docx) and then kept: in
memory for the rest of the process, and in draft's cache folder (``drafting.cache``)
so that the next ``draft build`` neither imports python-docx nor styles a package.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Iterable

from lxml import etree

from drafting import cache
from drafting.model.document import Meta
from drafting.packs.stylesheet import StyleSheet
from drafting.writers.docx.package import (
    CORE_PART as CORE,
    CUSTOM_PART,
    PackedPart,
    custom_properties,
    entry_order,
    fingerprint,
    fixed_core_dates,
    pack_part,
    read_packed_parts,
    unpacked,
)

DOCUMENT = "word/document.xml"
_MARK = b"<!--draft-body-->"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_CORE_FIELDS = (("title", f"{_DC}title"), ("author", f"{_DC}creator"), ("subject", f"{_DC}subject"),
                ("keywords", f"{_CP}keywords"))
_CACHE_KIND = "docx-base"
_PROPERTY_LIMIT = 255  # python-docx refuses longer core properties


def property_text(text: str) -> str:
    """A document property is a label; the full text stands in the body."""
    return text if len(text) <= _PROPERTY_LIMIT else text[: _PROPERTY_LIMIT - 1] + "…"


_HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Base:
    parts: list[PackedPart]  # every part the same for each speech, in package order
    contents: dict[str, bytes]  # the same parts as they are (the fingerprint hashes them)
    order: list[str]  # every part name in package order
    document_head: bytes  # document.xml up to where the paragraphs go
    document_tail: bytes
    core: bytes
    style_ids: dict[str, str]

    def fill_core(self, meta: Meta) -> bytes:
        """core.xml with the speech's title, speaker, subject and keywords, dated
        as ``package.finish_package`` dates it (``package.source_epoch``)."""
        root = etree.fromstring(self.core)
        for attribute, tag in _CORE_FIELDS:
            element = root.find(tag)
            if element is None:
                element = etree.SubElement(root, tag)
            element.text = property_text(getattr(meta, attribute))
        # serialized and parsed again: an empty property then reads <dc:creator/>
        core = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        return fixed_core_dates(core, meta.date)

    def package(self, document: PackedPart, core: bytes) -> list[PackedPart]:
        """Every part of a speech's package in order, its fingerprint recorded."""
        own = {DOCUMENT: document, CORE: pack_part(CORE, core)}
        own[CUSTOM_PART] = pack_part(CUSTOM_PART, custom_properties(self._fingerprint(document, core)))
        shared = {part.name: part for part in self.parts}
        return [own.get(name) or shared[name] for name in self.order]

    def _fingerprint(self, document: PackedPart, core: bytes) -> str:
        """``package.content_fingerprint`` of the whole package, the body hashed
        as it is inflated again rather than held whole."""
        def entry(name: str) -> tuple[str, int, Iterable[bytes]]:
            if name == DOCUMENT:
                return name, document.size, unpacked(document)
            content = core if name == CORE else self.contents[name]
            return name, len(content), (content,)

        return fingerprint(entry(name) for name in sorted(self.order) if name != CUSTOM_PART)

    def to_bytes(self) -> bytes:
        header = {
            "parts": [[p.name, p.crc, p.size, len(p.deflated)] for p in self.parts],
            "order": self.order,
            "lengths": [len(self.document_head), len(self.document_tail), len(self.core)],
            "style_ids": self.style_ids,
        }
        head = json.dumps(header, ensure_ascii=False).encode("utf-8")
        blobs = [p.deflated for p in self.parts] + [self.contents[p.name] for p in self.parts]
        blobs += [self.document_head, self.document_tail, self.core]
        return len(head).to_bytes(4, "little") + head + b"".join(blobs)

    @classmethod
    def from_bytes(cls, data: bytes) -> Base:
        size = int.from_bytes(data[:4], "little")
        header = json.loads(data[4 : 4 + size])
        at = 4 + size
        parts = []
        for name, crc, length, deflated in header["parts"]:
            parts.append(PackedPart(name, crc, length, data[at : at + deflated]))
            at += deflated
        contents = {}
        for part in parts:
            contents[part.name] = data[at : at + part.size]
            at += part.size
        pieces = []
        for length in header["lengths"]:
            pieces.append(data[at : at + length])
            at += length
        if at != len(data):
            raise ValueError("truncated cache entry")
        return cls(parts, contents, header["order"], *pieces, header["style_ids"])

    @classmethod
    def from_package(cls, blob: bytes, style_ids: dict[str, str]) -> Base:
        """From the styled package as ``package.finish_package`` finishes it."""
        packed = read_packed_parts(blob)
        named = {part.name: content for part, content in packed}
        head, mark, tail = named[DOCUMENT].partition(_MARK)
        if not mark:
            raise ValueError("the styled package lost its body mark")
        shared = [(part, content) for part, content in packed if part.name not in (DOCUMENT, CORE, CUSTOM_PART)]
        return cls(
            [part for part, _ in shared],
            {part.name: content for part, content in shared},
            entry_order(named),
            head,
            tail,
            named[CORE],
            style_ids,
        )


_MADE: dict[str, Base] = {}


def base_for(sheet: StyleSheet, reference: Path | None) -> Base:
    """The base for a style sheet: from memory, from the cache folder, or made now."""
    key = _key(sheet, reference)
    base = _MADE.get(key)
    if base is None:
        base = _cached(key)
        if base is None:
            from drafting.writers.docx.styled import styled_package

            base = Base.from_package(*styled_package(sheet, reference))
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
    try:
        reference_bytes = Path(reference).read_bytes() if reference is not None else b""
    except OSError:  # styled.py reports it in Chinese
        reference_bytes = b"unreadable"
    return cache.digest(
        json.dumps(sheet.data, sort_keys=True, ensure_ascii=False, default=str),
        reference_bytes,
        _code_digest(),
    )


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """This writer's source and python-docx's version (its template is in every base)."""
    docx_spec = find_spec("docx")
    code = sorted(_HERE.glob("*.py")) + ([Path(docx_spec.origin)] if docx_spec and docx_spec.origin else [])
    return cache.source_digest(*code)

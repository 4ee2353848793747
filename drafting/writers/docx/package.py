"""The .docx zip, written the same way every time, and signed with what it holds.

Fixed entry times, order and document dates make the same input give
byte-identical output, so writers can keep speeches in version control and see
only real changes. ``SOURCE_DATE_EPOCH`` sets the time when given.

The package also records a fingerprint of its own content parts in a custom
document property. Word and WPS keep custom properties when they save, but
rewrite the parts, so a later build can tell a file draft wrote from one a
writer has edited since (or one draft never wrote) and refuse to overwrite it.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import os
import struct
import time
import zipfile
import zlib
from dataclasses import dataclass
from typing import Iterable, Iterator

from lxml import etree

from drafting.model.numerals import calendar_date

_DEFAULT_EPOCH = 315532800  # 1980-01-01, the earliest time a zip entry can hold
_LATEST_EPOCH = 4354819199  # 2107-12-31, the latest

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
CORE_PART = "docProps/core.xml"
CUSTOM_PART = "docProps/custom.xml"
FINGERPRINT_PROPERTY = "draft-fingerprint"

_PKG_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
}
_PROPERTY_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # user-defined properties


def source_epoch(speech_date: str = "") -> int:
    """``SOURCE_DATE_EPOCH`` if it is a usable time; else the speech's own date
    (Word's 属性 then shows the day of the speech, and the same YAML still gives
    the same bytes); else 1980-01-01."""
    fallback = _date_epoch(speech_date) or _DEFAULT_EPOCH
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", fallback))
    except ValueError:
        epoch = fallback
    return min(max(epoch, _DEFAULT_EPOCH), _LATEST_EPOCH)


def _date_epoch(speech_date: str) -> int | None:
    day = calendar_date(speech_date) if speech_date else None
    return calendar.timegm((*day, 0, 0, 0)) if day else None


def zip_time() -> tuple[int, int, int, int, int, int]:
    return time.gmtime(source_epoch())[:6]


def finish_package(blob: bytes, speech_date: str = "") -> bytes:
    """Rewrite python-docx's package: fixed dates and order, fingerprint added."""
    parts = _read_parts(blob)
    parts[CORE_PART] = fixed_core_dates(parts[CORE_PART], speech_date)
    parts[PACKAGE_RELS] = _with_custom_relationship(parts[PACKAGE_RELS])
    parts[CONTENT_TYPES] = _with_custom_content_type(parts[CONTENT_TYPES])
    parts.pop(CUSTOM_PART, None)
    parts[CUSTOM_PART] = custom_properties(content_fingerprint(parts))
    return _write_zip(parts)


# ---------------------------------------------------------------- fingerprint


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a .docx says it held when draft wrote it, and what it holds now."""

    recorded: str | None  # None: not a package draft wrote (or the mark was removed)
    actual: str | None  # None: not a readable .docx at all

    @property
    def unchanged(self) -> bool:
        return self.recorded is not None and self.recorded == self.actual


def content_fingerprint(parts: dict[str, bytes]) -> str:
    """A hash of every part but the one holding the fingerprint."""
    return fingerprint((name, len(parts[name]), (parts[name],)) for name in sorted(parts))


def fingerprint(entries: Iterable[tuple[str, int, Iterable[bytes]]]) -> str:
    """``content_fingerprint`` of parts given as (name, size, content pieces) in
    name order, so a body that is only held deflated is hashed piece by piece."""
    digest = hashlib.sha256()
    for name, size, pieces in entries:
        if name == CUSTOM_PART:
            continue
        digest.update(f"{name}\0{size}\0".encode("utf-8"))
        for piece in pieces:
            digest.update(piece)
    return "sha256:" + digest.hexdigest()


_MAX_UNPACKED = 512 * 1024 * 1024  # a larger "docx" is not one draft wrote


def read_fingerprint(blob: bytes) -> Fingerprint:
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as source:
            if sum(info.file_size for info in source.infolist()) > _MAX_UNPACKED:
                return Fingerprint(None, None)
        parts = _read_parts(blob)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError,
            zlib.error):
        return Fingerprint(None, None)
    recorded = _recorded_fingerprint(parts.get(CUSTOM_PART))
    actual = content_fingerprint(parts)
    if recorded is not None and parts[CUSTOM_PART] != custom_properties(recorded):
        actual += "+custom"  # a property added (a classification label) is an edit too
    return Fingerprint(recorded, actual)


def _recorded_fingerprint(custom: bytes | None) -> str | None:
    if custom is None:
        return None
    try:
        root = etree.fromstring(custom, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    for prop in root.findall(f"{{{_CUSTOM_NS}}}property"):
        if prop.get("name") == FINGERPRINT_PROPERTY:
            value = prop.find(f"{{{_VT_NS}}}lpwstr")
            return value.text if value is not None else None
    return None


def custom_properties(fingerprint: str) -> bytes:
    root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property", fmtid=_PROPERTY_FMTID, pid="2")
    prop.set("name", FINGERPRINT_PROPERTY)
    etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = fingerprint
    return _serialize(root)


def _with_custom_relationship(rels: bytes) -> bytes:
    root = etree.fromstring(rels)
    tag = f"{{{_PKG_RELS}}}Relationship"
    if any(r.get("Type") == _CUSTOM_REL for r in root.iter(tag)):
        return rels
    ids = {r.get("Id") for r in root.iter(tag)}
    number = next(n for n in range(1, len(ids) + 2) if f"rId{n}" not in ids)
    etree.SubElement(root, tag, Id=f"rId{number}", Type=_CUSTOM_REL, Target=CUSTOM_PART)
    return _serialize(root)


def _with_custom_content_type(types: bytes) -> bytes:
    root = etree.fromstring(types)
    tag = f"{{{_PKG_CT}}}Override"
    if not any(o.get("PartName") == "/" + CUSTOM_PART for o in root.iter(tag)):
        etree.SubElement(root, tag, PartName="/" + CUSTOM_PART, ContentType=_CUSTOM_CT)
    return _serialize(root)


# ---------------------------------------------------------------- determinism


def fixed_core_dates(core: bytes, speech_date: str = "") -> bytes:
    """created = modified = the source epoch, revision 1 (Word counts its own saves)."""
    root = etree.fromstring(core)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(source_epoch(speech_date)))
    for name in ("dcterms:created", "dcterms:modified"):
        _core_element(root, name).text = stamp
    _core_element(root, "cp:revision").text = "1"
    return _serialize(root)


def _core_element(root, name: str):
    prefix, local = name.split(":")
    tag = f"{{{_CORE_NS[prefix]}}}{local}"
    element = root.find(tag)
    if element is None:
        element = etree.SubElement(root, tag)
        if prefix == "dcterms":
            xsi = "http://www.w3.org/2001/XMLSchema-instance"
            element.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
    return element


def _serialize(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _read_parts(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as source:
        return {info.filename: source.read(info) for info in source.infolist() if not info.is_dir()}


def _entry_order(name: str) -> tuple[int, str]:
    # Content types first and package relationships next, as Word writes them.
    return ({CONTENT_TYPES: 0, PACKAGE_RELS: 1}.get(name, 2), name)


def _write_zip(parts: dict[str, bytes]) -> bytes:
    stamp = zip_time()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for name in sorted(parts, key=_entry_order):
            entry = zipfile.ZipInfo(name, stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # the same on every platform
            entry.external_attr = 0o644 << 16
            target.writestr(entry, parts[name], compresslevel=6)
    return out.getvalue()


# ---------------------------------------------------------------- parts deflated once
#
# Every part but the document body, its properties and the fingerprint is the
# same for every speech built with one style sheet, so ``base.py`` keeps those
# parts deflated and ``write_package`` copies them into each zip as they are: a
# speech costs the deflating of its own document.xml. ``zipfile`` cannot copy
# compressed data, so the few fixed-layout zip records are written here, field
# for field as ``_write_zip`` has zipfile write them (tests hold the two equal).

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_ZIP_VERSION = 20  # deflate
_MADE_ON_UNIX = 3 << 8  # create_system 3, as _write_zip sets it
_FILE_MODE = 0o644 << 16
_DEFLATED = 8


@dataclass(frozen=True, slots=True)
class PackedPart:
    """One package part, deflated, with what its zip records need."""

    name: str
    crc: int
    size: int
    deflated: bytes


def pack_part(name: str, content: bytes) -> PackedPart:
    return pack_stream(name, (content,))


def pack_stream(name: str, pieces: Iterable[bytes]) -> PackedPart:
    """Deflated at level 6, as ``_write_zip`` does, piece by piece: a book-length
    body is never held whole, only deflated."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    deflated, crc, size = [], 0, 0
    for piece in pieces:
        deflated.append(compressor.compress(piece))
        crc = zlib.crc32(piece, crc)
        size += len(piece)
    deflated.append(compressor.flush())
    return PackedPart(name, crc, size, b"".join(deflated))


def unpacked(part: PackedPart, piece: int = 1 << 20) -> Iterator[bytes]:
    """A packed part's content again, at most ``piece`` bytes at a time (text
    deflates a hundredfold, so the input is bounded as well as the output)."""
    inflater = zlib.decompressobj(-15)
    for start in range(0, len(part.deflated), 1 << 16):
        data = part.deflated[start : start + (1 << 16)]
        while data:
            yield inflater.decompress(data, piece)
            data = inflater.unconsumed_tail
    yield inflater.flush()


def read_packed_parts(blob: bytes) -> list[tuple[PackedPart, bytes]]:
    """A package's parts in its own order, each packed and as it is."""
    return [(pack_part(name, content), content) for name, content in _read_parts(blob).items()]


def entry_order(names: Iterable[str]) -> list[str]:
    return sorted(names, key=_entry_order)


def write_package(parts: list[PackedPart]) -> bytes:
    """The zip of ``parts`` in order; parts over 4 GiB are not supported (no zip64)."""
    year, month, day, hour, minute, second = zip_time()
    clock, date = (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day
    out = io.BytesIO()
    central = []
    for part in parts:
        name = part.name.encode("ascii")
        offset = out.tell()
        out.write(_LOCAL.pack(
            0x04034B50, _ZIP_VERSION, 0, _DEFLATED, clock, date,
            part.crc, len(part.deflated), part.size, len(name), 0,
        ))
        out.write(name)
        out.write(part.deflated)
        central.append(_CENTRAL.pack(
            0x02014B50, _MADE_ON_UNIX | _ZIP_VERSION, _ZIP_VERSION, 0, _DEFLATED, clock, date,
            part.crc, len(part.deflated), part.size, len(name), 0, 0, 0, 0, _FILE_MODE, offset,
        ) + name)
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(_END.pack(0x06054B50, 0, 0, len(parts), len(parts), out.tell() - start, start, 0))
    return out.getvalue()


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
from typing import Iterable

from lxml import etree

from drafting.model.numerals import calendar_date

_DEFAULT_EPOCH = 315532800  # 1980-01-01, the earliest time a zip entry can hold
_LATEST_EPOCH = 4354819199  # 2107-12-31, the latest

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
CUSTOM_PART = "docProps/custom.xml"
FINGERPRINT_PROPERTY = "draft-fingerprint"

_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


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


def stamp(speech_date: str = "") -> str:
    """The documents' created and modified time, as core.xml spells it."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(source_epoch(speech_date)))


# ---------------------------------------------------------------- fingerprint


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a .docx says it held when draft wrote it, and what it holds now."""

    recorded: str | None  # None: not a package draft wrote (or the mark was removed)
    actual: str | None  # None: not a readable .docx at all

    @property
    def unchanged(self) -> bool:
        return self.recorded is not None and self.recorded == self.actual


# The fingerprint is a hash of each part's name, size and CRC-32, the figures
# every zip records for every entry: writing one costs nothing beyond deflating,
# and checking one reads the zip's directory and the custom part, never the
# body. Word and WPS rewrite the parts they save, so an edit changes it (CRC-32
# tells accidental changes apart; nobody forges a speech to fool a build).
# Files from before carry the older form, one hash over every part's content in
# turn ("sha256:"); it is still recognised, so they are not taken for edited ones.
_PARTS_PREFIX = "crc32-parts:"
_WHOLE_PREFIX = "sha256:"
_MAX_CUSTOM = 1 << 20  # a larger custom part is not one draft wrote


def fingerprint(entries: Iterable[tuple[str, int, int]]) -> str:
    """The fingerprint of parts given as (name, size, CRC-32), but the one holding it."""
    digest = hashlib.sha256()
    for name, size, crc in sorted(entries):
        if name != CUSTOM_PART:
            digest.update(f"{name}\0{size}\0{crc:08x}\n".encode("utf-8"))
    return _PARTS_PREFIX + digest.hexdigest()


_MAX_UNPACKED = 512 * 1024 * 1024  # a larger "docx" is not one draft wrote


def read_fingerprint(blob: bytes) -> Fingerprint:
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as source:
            entries = [info for info in source.infolist() if not info.is_dir()]
            custom = next((info for info in entries if info.filename == CUSTOM_PART), None)
            if custom is None or custom.file_size > _MAX_CUSTOM:
                return Fingerprint(None, fingerprint((i.filename, i.file_size, i.CRC) for i in entries))
            custom_bytes = source.read(custom)
            recorded = _recorded_fingerprint(custom_bytes)
            # a property added beside draft's (a classification label) is an edit too
            edited = "" if recorded is None or custom_bytes == _custom_part(recorded) else "+custom"
            if recorded is None or not recorded.startswith(_WHOLE_PREFIX):
                return Fingerprint(recorded, fingerprint((i.filename, i.file_size, i.CRC) for i in entries) + edited)
            if sum(info.file_size for info in entries) > _MAX_UNPACKED:
                return Fingerprint(recorded, None)
            return Fingerprint(recorded, _whole_fingerprint(source, entries) + edited)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError,
            zlib.error):
        return Fingerprint(None, None)


def _custom_part(recorded: str) -> bytes:
    """The custom part exactly as draft writes it for this fingerprint."""
    from drafting.writers.docx.wordml import custom_properties

    return custom_properties(FINGERPRINT_PROPERTY, recorded)


def _whole_fingerprint(source: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> str:
    """The older form: every part's content hashed in name order."""
    digest = hashlib.sha256()
    for info in sorted(entries, key=lambda i: i.filename):
        if info.filename != CUSTOM_PART:
            digest.update(f"{info.filename}\0{info.file_size}\0".encode("utf-8"))
            digest.update(source.read(info))
    return _WHOLE_PREFIX + digest.hexdigest()


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


def _entry_order(name: str) -> tuple[int, str]:
    # Content types first and package relationships next, as Word writes them.
    return ({CONTENT_TYPES: 0, PACKAGE_RELS: 1}.get(name, 2), name)


# ---------------------------------------------------------------- the zip
#
# Every part but the document body, its properties and the fingerprint is the
# same for every speech built with one style sheet, so ``base.py`` keeps those
# parts deflated and ``write_package`` copies them into each zip as they are: a
# speech costs the deflating of its own document.xml. ``zipfile`` cannot copy
# compressed data, so the few fixed-layout zip records are written here, field
# for field as zipfile writes them at level 6 (tests hold the two equal). This
# is draft's only zip writer.

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_ZIP_VERSION = 20  # deflate
_MADE_ON_UNIX = 3 << 8  # create_system 3: the same on every platform
_FILE_MODE = 0o644 << 16
_DEFLATED = 8


@dataclass(frozen=True, slots=True)
class PackedPart:
    """One package part, deflated, with what its zip records (and so the fingerprint) need."""

    name: str
    crc: int
    size: int
    deflated: bytes


def pack_part(name: str, content: bytes) -> PackedPart:
    return pack_stream(name, (content,))


def pack_stream(name: str, pieces: Iterable[bytes]) -> PackedPart:
    """Deflated at level 6 piece by piece: a book-length body is never held
    whole, only deflated."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    deflated, crc, size = [], 0, 0
    for piece in pieces:
        deflated.append(compressor.compress(piece))
        crc = zlib.crc32(piece, crc)
        size += len(piece)
    deflated.append(compressor.flush())
    return PackedPart(name, crc, size, b"".join(deflated))


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


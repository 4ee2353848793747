"""Open a Word file from elsewhere without trusting its zip container.

A .docx is a zip archive, and one passed between offices (``--reference-doc``,
``draft extract``) may be a bomb (a few kB that unpack to gigabytes), hold
corrupt deflate data, be encrypted or name its parts in ways no Word file does.
``checked_zip`` reads every entry once within bounds and turns each of those
into a DataError in Chinese, so the readers after it (python-docx, lxml) only
ever see an archive that unpacks to a sane size.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from drafting.errors import DataError, Location

MAX_ENTRIES = 10_000
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # a Word file of pictures is far smaller
MAX_RATIO = 200  # deflate rarely beats 20:1 on XML; a bomb reaches 1000:1
_RATIO_FLOOR = 1024 * 1024  # small entries (empty parts) may compress better
_ENCRYPTED = 0x1


def checked_zip(raw: bytes, file: str, what: str) -> dict[str, bytes]:
    """Every entry of the archive ``raw``, by name; DataError naming ``file``
    (described as ``what``, such as 参考文档) if it is not a sane zip."""
    where = Location(file)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise DataError(f"{what}不是有效的 .docx（旧的 .doc 请在 Word 或 WPS 中另存为 .docx 后再试）", where) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise DataError(f"{what}中的部件过多（{len(entries)} 个），不像是 Word 文件", where)
        total = 0
        for entry in entries:
            _check_entry(entry, what, where)
            total += entry.file_size
        if total > MAX_UNPACKED_BYTES:
            raise DataError(_bomb(what), where)
        try:
            return {entry.filename: archive.read(entry) for entry in entries if not entry.is_dir()}
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError):
            raise DataError(f"{what}已损坏（压缩数据无法解开）；请在 Word 或 WPS 中重新保存后再试", where) from None


def _check_entry(entry: zipfile.ZipInfo, what: str, where: Location) -> None:
    if entry.flag_bits & _ENCRYPTED:
        raise DataError(f"{what}设有密码（已加密），无法读取；请在 Word 或 WPS 中取消密码后另存再试", where)
    if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise DataError(f"{what}使用了 Word 不用的压缩方式，无法读取；请在 Word 或 WPS 中另存为 .docx 后再试", where)
    if not entry.filename.isascii() or "\\" in entry.filename or entry.filename.startswith("/") or ".." in entry.filename.split("/"):
        raise DataError(f"{what}中有 Word 文件不会有的部件名“{entry.filename[:60]}”；请在 Word 或 WPS 中另存为 .docx 后再试", where)
    if entry.file_size > _RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
        raise DataError(_bomb(what), where)


def _bomb(what: str) -> str:
    return f"{what}解压后过大（超过 {MAX_UNPACKED_BYTES // (1024 * 1024)} MB 或压缩比异常），疑似压缩炸弹，未读取"


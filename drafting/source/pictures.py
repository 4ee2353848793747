"""Whether a picture file is whole: python-docx reads only its header, and a
truncated or zero-size picture raised from deep inside the writer (or made a
.docx that Word reports as damaged)."""

from __future__ import annotations

import struct

_PNG = b"\x89PNG\r\n\x1a\n"
_DAMAGED = "图片文件不完整或已损坏（可能没有复制或下载完），请重新导出该图片"


def picture_problem(data: bytes) -> str | None:
    """Why ``data`` cannot go into a Word file, in Chinese; None when it can."""
    if data.startswith(_PNG) and not _png_whole(data):
        return _DAMAGED
    if data.startswith(b"\xff\xd8") and b"\xff\xd9" not in data[-64:]:
        return _DAMAGED
    from docx.image.exceptions import InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError
    from docx.image.image import Image

    try:
        image = Image.from_blob(data)
        width, height = image.px_width, image.px_height
    except (InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError,
            ZeroDivisionError, struct.error, ValueError, IndexError, KeyError):
        return _DAMAGED
    if width <= 0 or height <= 0:
        return f"图片的宽或高为 0 像素（{width}×{height}），无法放入文档，请重新导出该图片"
    return None


def _png_whole(data: bytes) -> bool:
    """Every chunk fits in the file, and the last is IEND."""
    at = len(_PNG)
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        at += 12 + length
        if at > len(data):
            return False
        if kind == b"IEND":
            return True
    return False

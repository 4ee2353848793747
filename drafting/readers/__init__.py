"""Readers: an old speech (plain text or Word) → the document model.

The mirror of ``drafting/writers``: each format has one module that turns a
file into a ``Document`` of paragraphs, so ``drafting/extraction`` recognises
the speech's structure without knowing where the text came from.
"""

from __future__ import annotations

from pathlib import Path

from drafting.source.yaml_loader import read_input
from drafting.errors import DataError
from drafting.model.document import Document

FORMATS = {".txt": "text", ".text": "text", ".docx": "docx"}


def read_speech(path: str | Path) -> Document:
    """Read a speech file by its extension; DataError (in Chinese) when it cannot be read."""
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        known = "、".join(FORMATS)
        raise DataError(f"不支持的文件类型“{path.suffix or '（无扩展名）'}”：可读取 {known} 文件（.doc 请先在 Word 中另存为 .docx）")
    raw = read_input(path, "讲话稿文件")
    if kind == "text":
        from drafting.readers.text import read_text

        return read_text(raw, str(path))
    from drafting.readers.docx import read_docx

    return read_docx(raw, str(path))

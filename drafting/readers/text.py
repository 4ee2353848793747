"""Plain text: one paragraph a line, the form ``draft build --format txt`` writes.

Blank lines separate nothing (they are skipped) and the spaces a writer used to
indent a paragraph (ASCII or the full-width U+3000) are layout, not text.
"""

from __future__ import annotations

from drafting.source.yaml_loader import decode_text
from drafting.model.document import Block, BlockRole, Document, Inline

INDENT = " \t\u3000\ufeff"


def read_text(raw: bytes, file: str) -> Document:
    text = decode_text(raw, file)
    return Document(blocks=[paragraph(line) for line in text.split("\n") if line.strip(INDENT)])


def paragraph(line: str) -> Block:
    return Block(BlockRole.PARAGRAPH, (Inline(line.strip(INDENT)),))

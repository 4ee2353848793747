"""Plain text: one paragraph a line, the form the seed speech itself is in."""

from __future__ import annotations

from drafting.model.document import Document


def write_text(document: Document) -> str:
    lines = [block.text for block in document.blocks]
    return "\n".join(lines) + "\n" if lines else ""

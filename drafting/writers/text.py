"""Plain text: one paragraph a line, the form the seed speech itself is in."""

from __future__ import annotations

from drafting.model.document import BlockRole, Document


def write_text(document: Document) -> str:
    lines = [block.text for block in document.blocks if block.role is not BlockRole.PAGE_BREAK]
    return "\n".join(lines) + "\n" if lines else ""

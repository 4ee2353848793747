"""The file name of each printed copy (see ``editions``).

Apart from ``editions``, which builds the copies (pinyin, reading times), so a
command that only names its outputs loads none of that.
"""

from __future__ import annotations

from pathlib import Path

# Each copy and what its file name adds before the extension: 讲话.阅读版.docx.
COPY_SUFFIXES = {"file": "", "reading": ".阅读版", "outline": ".提纲"}


def copy_path(path: Path, copy: str) -> Path:
    """``讲话.docx`` → ``讲话.阅读版.docx`` (the file copy keeps the name)."""
    return path.with_name(path.stem + COPY_SUFFIXES[copy] + path.suffix)

"""A small on-disk cache of work that depends only on draft itself and a pack.

A single ``draft build`` is a new process: without this cache it would style a
Word package with python-docx (and import it) and compile the pack's template
every time, which takes longer than building a speech. Entries are named by a
digest of everything they were made from, including draft's version and the
source of the code that made them, so a changed input or an upgrade makes a new
entry and never reads a stale one.

Where: ``$DRAFT_CACHE_DIR``; else ``$XDG_CACHE_HOME/draft``, ``%LOCALAPPDATA%\\draft``
or ``~/.cache/draft``. ``DRAFT_CACHE_DIR=`` (empty) turns the cache off. The cache
is never a reason for a build to fail: an unreadable or unwritable folder just
means the work is done again.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from drafting import __version__

_ENV = "DRAFT_CACHE_DIR"


def cache_dir() -> Path | None:
    if _ENV in os.environ:
        value = os.environ[_ENV]
        return Path(value) if value else None
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return (Path(base) if base else Path.home() / ".cache") / "draft"


def digest(*parts: bytes | str) -> str:
    """A name for what ``parts`` make, with draft's version in it."""
    h = hashlib.sha256(__version__.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def source_digest(*files: Path) -> str:
    """The code that makes an entry: editing it (or upgrading) makes new entries."""
    return digest(*(Path(f).read_bytes() for f in files))


def read(kind: str, key: str) -> bytes | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / kind / key).read_bytes()
    except OSError:
        return None


def write(kind: str, key: str, content: bytes) -> None:
    from drafting.errors import WriteError
    from drafting.writers.safe_write import write_atomic

    folder = cache_dir()
    if folder is None:
        return
    try:
        (folder / kind).mkdir(parents=True, exist_ok=True)
        write_atomic(folder / kind / key, content)  # readers see a whole entry or none
    except (OSError, WriteError):
        pass

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

The folder is not trusted. It may be shared, copied from another computer or
written by someone else, and one entry (``jinja``) is compiled template code. So
every entry is sealed with an HMAC under a key of this user's own, kept outside
the cache folder (``key_file``), and checked on every read: an entry this
user's draft did not write, or that changed by one byte or was cut short, is
removed and made again, silently. The folder is bounded (``MAX_BYTES``); the
entries used longest ago are evicted first. Looking through the folder for that
costs more than a write, so a write looks only now and then (``_time_to_evict``).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from functools import lru_cache
from pathlib import Path

from drafting import __version__

_ENV = "DRAFT_CACHE_DIR"
MAX_BYTES = 256 * 1024 * 1024
_BLOCK = 4096  # the least an entry takes on disk
_SEAL = 32  # bytes of HMAC-SHA256 before an entry's content
# A write looks through the folder for entries to evict once in this many
# writes (by the entry's name, a digest, so evenly spread), and after any
# entry of more than BIG_ENTRY bytes; between looks the folder can outgrow
# MAX_BYTES only by the small entries written since (some EVICT_EVERY of them).
EVICT_EVERY = 16
BIG_ENTRY = 1024 * 1024


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


def key_file() -> Path:
    """The user's sealing key: in the configuration folder, not the cache's."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.environ.get("APPDATA")
    return (Path(base) if base else Path.home() / ".config") / "draft" / "cache.key"


@lru_cache(maxsize=1)
def _sealing_key() -> bytes | None:
    """This user's key, made on first use; None (no cache) if it cannot be kept."""
    path = key_file()
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = os.urandom(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    except OSError:
        return None


def _seal(key: bytes, kind: str, name: str, content: bytes) -> bytes:
    return hmac.new(key, f"{kind}/{name}\0".encode() + content, hashlib.sha256).digest()


def read(kind: str, key: str) -> bytes | None:
    """The entry's content if this user's draft wrote it and it is whole; else None."""
    folder, secret = cache_dir(), _sealing_key()
    if folder is None or secret is None:
        return None
    path = folder / kind / key
    try:
        data = path.read_bytes()
    except OSError:
        return None
    content = data[_SEAL:]
    if len(data) < _SEAL or not hmac.compare_digest(data[:_SEAL], _seal(secret, kind, key, content)):
        _remove(path)  # damaged or foreign: made again by the caller
        return None
    try:
        os.utime(path)  # used now: evicted last
    except OSError:
        pass
    return content


def write(kind: str, key: str, content: bytes) -> None:
    from drafting.errors import WriteError
    from drafting.writers.safe_write import write_atomic

    folder, secret = cache_dir(), _sealing_key()
    if folder is None or secret is None:
        return
    try:
        (folder / kind).mkdir(parents=True, exist_ok=True)
        # readers see a whole entry or none; no fsync: an entry a crash loses or
        # tears is made again (a torn one fails its seal), and waiting for the disk
        # was a tenth of a seed build
        write_atomic(folder / kind / key, _seal(secret, kind, key, content) + content, durable=False)
        if _time_to_evict(key, len(content)):
            evict(folder)
    except (OSError, WriteError):
        pass


def _time_to_evict(key: str, size: int) -> bool:
    """One write in ``EVICT_EVERY``, chosen by the entry's name, or a big entry."""
    return size > BIG_ENTRY or int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % EVICT_EVERY == 0


def evict(folder: Path, limit: int | None = None) -> None:
    """Remove the entries used longest ago until the folder is within ``limit``
    (three quarters of it, so not every write has to evict)."""
    limit = MAX_BYTES if limit is None else limit
    entries = []
    for kind in os.scandir(folder):
        if kind.is_dir(follow_symlinks=False):
            for entry in os.scandir(kind.path):
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                entries.append((info.st_mtime, max(info.st_size, _BLOCK), entry.path))
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return
    for _, size, path in sorted(entries):
        _remove(Path(path))
        total -= size
        if total <= limit * 3 // 4:
            break


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass

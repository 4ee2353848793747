"""Notice when files change, by polling their modification times.

Polling needs no dependency and behaves the same on every file system (network
shares and WSL included, where change notifications are unreliable); a speech
and its pack are a handful of files, so a check twice a second costs nothing.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Iterable

Snapshot = dict[Path, tuple[int, int] | None]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Each file's (mtime in ns, size), or None when it is missing."""
    state: Snapshot = {}
    for path in paths:
        try:
            stat = path.stat()
            state[path] = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            state[path] = None
    return state


def pack_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.is_file())


def wait_for_change(
    paths: Callable[[], list[Path]], before: Snapshot, interval: float = 0.5, sleep=time.sleep
) -> Snapshot:
    """Block until the files named by ``paths()`` differ from ``before``; the new state."""
    while True:
        sleep(interval)
        now = snapshot(paths())
        if now != before:
            return now

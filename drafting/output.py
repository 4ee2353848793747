"""Put output files on disk without ever leaving a half-written one.

The bytes go to a temporary file beside the target and are renamed over it, so
a failed build leaves the previous output exactly as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import Location, WriteError


def write_atomic(target: Path, content: bytes) -> None:
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"输出文件夹不存在：{folder}", Location(str(target)))
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise WriteError(f"无法在 {folder} 中写入文件：{e.strerror}", Location(str(target))) from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as e:
        _remove_quietly(temp)
        raise WriteError(f"无法写入 {target}：{e.strerror}", Location(str(target))) from None
    except BaseException:
        _remove_quietly(temp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass

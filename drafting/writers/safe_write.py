"""Put output files on disk without ever losing what is already there.

The bytes go to a temporary file beside the target and are renamed over it, so
a failed build leaves the previous output exactly as it was. A .docx draft
wrote carries a fingerprint of its content (``writers/docx/package.py``); a
plain text or PDF file cannot, so draft notes the digest of every file it writes
in its cache folder (``drafting.cache``, kind ``written``). Whatever the format
asked for, a file already at the target is overwritten only if it is draft's
own, unchanged output; one that is not (edited in Word or WPS, never written by
draft, or any other file), or that is open in Word, is not overwritten unless
the caller forces it, and then only after a numbered backup is kept.

Temporary files a killed build left behind (``.NAME.XXXX.tmp``) are removed
the next time that name is written, once they are old enough not to belong to
a build still running.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from drafting.errors import Location, OverwriteRefused, WriteError, os_reason
from drafting.writers.docx.package import read_fingerprint

MAX_BACKUPS = 999
MAX_EXISTING_BYTES = 1024 * 1024 * 1024  # larger than anything draft writes
STALE_TEMP_SECONDS = 3600  # no build takes an hour: a temp file this old is an orphan
_WRITTEN = "written"  # cache kind: digests of the files draft wrote


def write_atomic(target: Path, content: bytes, *, durable: bool = True) -> None:
    """``target`` replaced whole or not at all. ``durable=False`` skips waiting for
    the disk (fsync): for data that is made again if a crash loses it (the cache),
    not for a writer's files."""
    target = Path(target)
    temp = _write_temp(target, content, durable)
    with _removed_on_failure(temp, target):
        os.replace(temp, target)


def write_new(target: Path, content: bytes) -> None:
    """Create ``target`` whole, or fail if it exists — even if it appeared a moment ago."""
    target = Path(target)
    temp = _write_temp(target, content)
    try:
        os.link(temp, target)  # atomic, and fails rather than replace
    except FileExistsError:
        raise _exists(target) from None
    except OSError:  # a file system without hard links (FAT, some shares)
        _create_exclusively(target, content)
    finally:
        _remove_quietly(temp)


def write_docx(target: Path, content: bytes, *, force: bool = False) -> Path | None:
    """Write a .docx unless that would overwrite a writer's work.

    Returns the backup kept of the previous file, if ``force`` overrode a refusal.
    """
    backups = write_outputs({Path(target): content}, force=force)
    return backups[0] if backups else None


def write_outputs(outputs: dict[Path, bytes], *, force: bool = False) -> list[Path]:
    """Write a set of output files (any format), or none of them if any would
    overwrite a writer's work; with ``force``, keep a backup of each such file first."""
    refusals = {Path(t): error for t in outputs if (error := check_overwrite(Path(t))) is not None}
    for error in refusals.values():
        if not force or not isinstance(error, OverwriteRefused):
            raise error
    backups = [keep_backup(target) for target in refusals]
    for target, content in outputs.items():
        write_atomic(Path(target), content)
        note_written(content)
    return backups


write_docx_files = write_outputs  # the name before every format was protected


def note_written(content: bytes) -> None:
    """Remember that draft wrote exactly these bytes (see the module's docstring)."""
    from drafting import cache

    cache.write(_WRITTEN, _digest(content), b"")


def _written_by_draft(content: bytes) -> bool:
    from drafting import cache

    return cache.read(_WRITTEN, _digest(content)) is not None


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def refuse_input_as_output(output: Path, source: Path) -> None:
    """Writing the speech over its own YAML would lose everything the writer typed."""
    try:
        same = Path(output).resolve() == Path(source).resolve() or (
            Path(output).exists() and os.path.samefile(output, source)
        )
    except OSError:
        same = False
    if same:
        raise WriteError(f"输出文件与输入的 YAML 是同一个文件（{source}），未写入。请换一个输出文件名", Location(str(output)))


def check_overwrite(target: Path) -> WriteError | None:
    """Why writing ``target`` would lose the writer's work, or None if it would not.

    An ``OverwriteRefused`` may be forced (a backup is kept first); any other
    error may not: a folder or a device is never replaced, and reading a pipe to
    back it up would wait forever."""
    target = Path(target)
    where = Location(str(target))
    if not os.path.lexists(target):
        return None
    if target.is_dir() and not target.is_symlink():
        return WriteError(f"{target} 是一个文件夹，不能写成输出文件。请换一个输出文件名", where)
    if not target.is_symlink() and not target.is_file():
        return WriteError(f"{target} 是特殊文件（不是普通文件），不能写成输出文件。请换一个输出文件名", where)
    first_backup = backup_name(target, 1).name
    if target.is_symlink():
        return OverwriteRefused(f"{target} 是链接（不是普通文件），为免写到别处，未写入", where, backup=first_backup)
    if target.stat().st_size > MAX_EXISTING_BYTES:
        return OverwriteRefused(
            f"{target} 已存在且不是 draft 生成的文件，为免覆盖其中的内容，未写入", where, backup=first_backup
        )
    owner = owner_file(target)
    if owner is not None:
        return OverwriteRefused(
            f"这个文件似乎正在 Word 或 WPS 中打开（旁边有锁定文件 {owner.name}）", where,
            backup=first_backup, in_use=True,
        )
    try:
        existing = target.read_bytes()
    except OSError as e:
        return WriteError(f"无法读取已有的 {target.name}：{os_reason(e)}", where)
    fingerprint = read_fingerprint(existing)
    if fingerprint.unchanged or (fingerprint.actual is None and _written_by_draft(existing)):
        return None
    if fingerprint.actual is None:
        reason = "不是 draft 生成的文件（或生成后被修改过）"
    elif fingerprint.recorded is None:
        reason = "不是 draft 生成的文件（或已被其他软件另存）"
    else:
        reason = "生成后被修改过（可能在 Word 或 WPS 中编辑并保存过）"
    return OverwriteRefused(f"这个文件{reason}，为免覆盖其中的内容，未写入", where, backup=first_backup)


def owner_file(target: Path) -> Path | None:
    """Word's ``~$`` owner file (or LibreOffice's lock file) beside ``target``, if any."""
    folder, name = target.parent, target.name
    stem = target.stem
    # Word keeps the name whole up to six characters before the extension,
    # then drops one (seven) or two (eight or more) to make room for "~$".
    dropped = 0 if len(stem) <= 6 else 1 if len(stem) == 7 else 2
    candidates = ["~$" + name[dropped:], "~$" + name, f".~lock.{name}#"]
    for candidate in dict.fromkeys(candidates):
        path = folder / candidate
        if path.exists():
            return path
    return None


def backup_name(target: Path, number: int) -> Path:
    return target.with_name(f"{target.stem}.备份{number}{target.suffix}")


def keep_backup(target: Path) -> Path:
    """Copy ``target`` to the first free ``name.备份N.docx``; never replace a backup."""
    for number in range(1, MAX_BACKUPS + 1):
        backup = backup_name(target, number)
        try:
            with open(target, "rb") as source, open(backup, "xb") as copy:
                shutil.copyfileobj(source, copy)
        except FileExistsError:
            continue
        except OSError as e:
            raise WriteError(f"无法备份 {target.name}：{os_reason(e)}", Location(str(target))) from None
        return backup
    raise WriteError(f"{target.name} 的备份已有 {MAX_BACKUPS} 份，请先清理", Location(str(target)))


def _write_temp(target: Path, content: bytes, durable: bool = True) -> str:
    """The content, complete (and, if ``durable``, on disk), in a hidden temporary file beside ``target``."""
    folder = target.parent
    if not folder.is_dir():
        raise WriteError(f"输出文件夹不存在：{folder}", Location(str(target)))
    remove_stale_temps(target)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise WriteError(f"无法在 {folder} 中写入文件：{os_reason(e)}", Location(str(target))) from None
    with _removed_on_failure(temp, target):
        if hasattr(os, "fchmod"):  # POSIX: mkstemp's 0600 → what open() would give; Windows has no modes
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
    return temp


@contextmanager
def _removed_on_failure(temp: str, target: Path):
    """No failure, not even Ctrl-C, leaves the temporary file behind."""
    try:
        yield
    except OSError as e:
        _remove_quietly(temp)
        raise WriteError(f"无法写入 {target}：{os_reason(e)}", Location(str(target))) from None
    except BaseException:
        _remove_quietly(temp)
        raise


def _create_exclusively(target: Path, content: bytes) -> None:
    try:
        handle = open(target, "xb")
    except FileExistsError:
        raise _exists(target) from None
    except OSError as e:
        raise WriteError(f"无法写入 {target}：{os_reason(e)}", Location(str(target))) from None
    try:
        with handle:
            handle.write(content)
    except OSError as e:
        _remove_quietly(str(target))  # ours, and only half written
        raise WriteError(f"无法写入 {target}：{os_reason(e)}", Location(str(target))) from None


def _exists(target: Path) -> WriteError:
    return WriteError(f"{target} 已存在，为免覆盖您的内容，未写入。请换一个文件名", Location(str(target)))


def remove_stale_temps(target: Path) -> None:
    """Remove the temporary files a killed write of ``target`` left behind."""
    prefix, now = f".{target.name}.", time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp") and len(entry.name) > len(prefix) + 4:
            try:
                if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > STALE_TEMP_SECONDS:
                    os.unlink(entry.path)
            except OSError:
                pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass

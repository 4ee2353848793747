"""Make a new pack a writer can build at once: ``draft new-pack NAME [--from 起点]``.

A 纪要 or 通知 author should not have to discover the shared layouts alone, so
there are three starting points (``STARTING_POINTS``): a speech (the default,
``templates/_shared/new-pack/speech``, extending speech.xml.j2), a report/公文
(a copy of the built-in ``half-year-report``) and a plain document
(``templates/_shared/new-pack/document``, extending document.xml.j2). ``--from``
with a pack's name copies every file of that pack instead. Either way the
example's ``pack:`` becomes ``.`` (the folder the example sits in), so
``draft build NAME/example.yaml`` works before anything is edited.

The pack is written into a temporary folder beside the target and renamed into
place, so a failure never leaves half a pack, and an existing folder is never
overwritten.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from drafting.errors import Location, PackError, WriteError, os_reason
from drafting.packs.finder import EXAMPLE_FILE, README_FILE, SCHEMA_FILE, Pack, builtin_root, is_pack_path, shared_root

SCAFFOLD_FOLDER = "new-pack"
SPEECH, REPORT, DOCUMENT = "speech", "report", "document"
# what a writer may type after --from, and the starting point it names
STARTING_POINTS = {"讲话": SPEECH, "speech": SPEECH, "公文": REPORT, "report": REPORT, "文档": DOCUMENT,
                   "document": DOCUMENT, "通知": DOCUMENT, "纪要": DOCUMENT}
REPORT_PACK = "half-year-report"  # the built-in pack a report starts from
NAME_TOKEN = "__PACK__"
_PACK_LINE = re.compile(r"^pack:.*$", re.MULTILINE)
PACK_HERE = "pack: .                           # 模板包：“.”表示本文件所在的文件夹"
_BAD_NAME = re.compile(r'[\\/:*?"<>|\s]')


def create_pack(name: str, parent: Path, source: Pack | str = SPEECH) -> Path:
    """Write pack ``name`` as a folder in ``parent``, from a pack or a starting
    point (a value of ``STARTING_POINTS``); return the folder."""
    check_pack_name(name)
    target = parent / name
    if target.exists():
        raise WriteError(f"{target} 已存在，为免覆盖其中的内容，未创建模板包。请换一个名称或文件夹")
    if not parent.is_dir():
        raise WriteError(f"文件夹不存在：{parent}")
    _remove_stale_staging(parent)
    staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=parent))
    try:
        if source == REPORT:
            source = Pack(REPORT_PACK, builtin_root() / REPORT_PACK)
        if isinstance(source, Pack):
            _fill_from_pack(staging, name, source)
        else:
            _fill_from_scaffold(staging, name, source)
        staging.rename(target)
    except OSError as e:
        raise WriteError(f"无法创建模板包 {target}：{os_reason(e)}", Location(str(target))) from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target


_STAGING = ".draft-new-pack-"
_STALE_SECONDS = 3600


def _remove_stale_staging(parent: Path) -> None:
    """Half-made packs a killed ``new-pack`` left behind (an hour old: not one being made now)."""
    now = time.time()
    for entry in parent.glob(_STAGING + "*"):
        try:
            if entry.is_dir() and not entry.is_symlink() and now - entry.stat().st_mtime > _STALE_SECONDS:
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            pass


def check_pack_name(name: str) -> None:
    if not name or name.startswith(("_", ".")) or _BAD_NAME.search(name):
        raise PackError(
            f"模板包名称“{name}”不可用：不能以 _ 或 . 开头，不能含空格和 \\ / : * ? \" < > |"
        )


def _fill_from_scaffold(folder: Path, name: str, kind: str) -> None:
    for path in sorted((shared_root() / SCAFFOLD_FOLDER / kind).iterdir()):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            (folder / path.name).write_text(text.replace(NAME_TOKEN, name), encoding="utf-8")


def _fill_from_pack(folder: Path, name: str, source: Pack) -> None:
    _copy_files(source.folder, folder, source)
    _retitle_schema(folder / SCHEMA_FILE, name, source.name)
    example = folder / EXAMPLE_FILE
    if example.is_file():
        text = example.read_text(encoding="utf-8")
        text, found = _PACK_LINE.subn(PACK_HERE, text, count=1)
        example.write_text(text if found else PACK_HERE + "\n" + text, encoding="utf-8")
    readme = folder / README_FILE
    original = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    readme.write_text(
        f"# {name}\n\n由模板包 {source.name} 复制而来（draft new-pack {name} --from {source.name}）。"
        f"以下为原模板包的说明，请按本模板包的用途修改。\n\n{original}",
        encoding="utf-8",
    )


def _copy_files(origin: Path, target: Path, source: Pack) -> None:
    """The pack's regular files and folders, each read within bounds: a link
    (whose target could be any of the writer's files) or a device is refused,
    never copied in as an ordinary file."""
    for path in sorted(origin.iterdir()):
        if path.is_symlink():
            raise PackError(
                f"模板包“{source.name}”中的 {path.name} 是符号链接，不能复制；请换成普通文件后再试", Location(str(path))
            )
        if path.is_dir():
            (target / path.name).mkdir()
            _copy_files(path, target / path.name, source)
        else:
            (target / path.name).write_bytes(source.read(path))  # PackError for a FIFO or device


def _retitle_schema(path: Path, name: str, old: str) -> None:
    """The copy lists under its own name in ``draft templates``; its pack key defaults to itself."""
    if not path.is_file():
        return
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return  # copied as it is; loading the pack reports it with its line
    schema["title"] = name
    if isinstance(schema.get("$id"), str):
        schema["$id"] = schema["$id"].replace(f"/{old}/", f"/{name}/")
    pack_key = schema.get("properties", {}).get("pack")
    if isinstance(pack_key, dict):
        pack_key["default"] = "."
        pack_key["examples"] = ["."]
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def repoint_pack_key(example: str, pack: Pack, yaml_file: Path) -> str:
    """A pack's example copied elsewhere (``draft init``): a ``pack:`` written as a
    path (``pack: .`` in a new pack) must still lead to the pack from the copy."""
    match = _PACK_LINE.search(example)
    if match is None:
        return example
    value = match.group().split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
    if not is_pack_path(value):
        return example
    target = Path(yaml_file).resolve().parent
    try:
        relative = Path(os.path.relpath(pack.folder, target)).as_posix()
    except ValueError:  # another drive on Windows
        relative = pack.folder.as_posix()
    if not relative.startswith("."):
        relative = "./" + relative
    return example[: match.start()] + f"pack: {relative}" + example[match.end() :]

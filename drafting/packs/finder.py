"""Find and load template packs: folders of data, never Python code.

A pack is a folder holding ``template.xml.j2`` (Jinja emitting draft's markup),
``schema.json`` (JSON Schema 2020-12 for the writer's YAML, with Chinese titles),
``example.yaml`` (a commented example to start from) and ``README.md``, and
optionally ``stylesheet.yaml`` (overrides of the default typography).
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from drafting.errors import Location, PackError, os_reason

TEMPLATE_FILE = "template.xml.j2"
SCHEMA_FILE = "schema.json"
EXAMPLE_FILE = "example.yaml"
README_FILE = "README.md"
STYLESHEET_FILE = "stylesheet.yaml"
DEFAULT_PACK = "half-year-speech"
SHARED_FOLDER = "_shared"  # layouts and schema definitions every pack may use
SHARED_DEFS_FILE = "defs.schema.json"
# The most a pack's file may hold: the built-in packs' largest is about 20 kB.
MAX_PACK_FILE_BYTES = 4 * 1024 * 1024


@dataclass(slots=True)
class Pack:
    """A pack found on disk; its schema is read only when a command needs it."""

    name: str
    folder: Path
    origin: str = "内置"  # where it was found: see pack_folders
    _schema: dict | None = field(default=None, repr=False)  # read on first use
    _schema_text: str | None = field(default=None, repr=False)

    @property
    def template_file(self) -> Path:
        return self.folder / TEMPLATE_FILE

    @property
    def example_file(self) -> Path:
        return self.folder / EXAMPLE_FILE

    @property
    def stylesheet_file(self) -> Path | None:
        path = self.folder / STYLESHEET_FILE
        return path if os.path.lexists(path) else None  # reading it says what is wrong

    def read(self, path: Path) -> bytes:
        """A file of this pack (or of the shared layouts), read within bounds."""
        return read_pack_file(path, self.template_dirs(), self.name)

    @property
    def schema(self) -> dict:
        """The pack's schema with the shared definitions (paragraph, table, image…)
        added to its ``$defs`` and draft's own properties (``engine_fields``) to
        its ``properties``; a definition of the pack's own wins."""
        if self._schema is None:
            schema = _read_json(self.folder / SCHEMA_FILE, self.name, [self.folder])
            if not isinstance(schema, dict):
                raise PackError(f"模板包“{self.name}”的 {SCHEMA_FILE} 应为 JSON 对象", Location(str(self.folder / SCHEMA_FILE)))
            shared = shared_root() / SHARED_DEFS_FILE
            if shared.is_file():
                defs = dict(_read_json(shared, SHARED_FOLDER, [shared_root()]).get("$defs", {}))
                defs.update(schema.get("$defs", {}))
                schema["$defs"] = defs
            from drafting.packs.engine_fields import add_engine_fields

            self._schema = add_engine_fields(schema, self.name, shared_root(), self.folder / SCHEMA_FILE)
        return self._schema

    @property
    def schema_text(self) -> str:
        """``schema`` as JSON, for the cache keys of what is worked out from it
        (the pack check, the schema check), written once."""
        if self._schema_text is None:
            self._schema_text = json.dumps(self.schema, ensure_ascii=False)
        return self._schema_text

    @property
    def description(self) -> str:
        schema = self.schema
        title = printable(str(schema.get("title", self.name)))
        desc = printable(str(schema.get("description", "")).split("\n")[0])
        return f"{title}：{desc}" if desc else title

    def template_dirs(self) -> list[Path]:
        """The pack's own folder first, then the shared layouts packs may extend."""
        dirs = [self.folder]
        shared = shared_root()
        if shared.is_dir():
            dirs.append(shared)
        return dirs


# Terminal control (C0, DEL, C1 such as CSI) and bidirectional overrides: a
# pack's title must not move the cursor, recolour or reorder what is printed.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text from a pack made safe to print on a terminal."""
    return _UNPRINTABLE.sub("", text)


def read_pack_file(path: Path, roots: list[Path], pack_name: str) -> bytes:
    """A pack's file, only if it is a regular file inside ``roots`` (after links
    are followed) and no larger than ``MAX_PACK_FILE_BYTES``: a pack from
    elsewhere may hold a link to the writer's files, a device that never ends
    (/dev/zero) or a FIFO that blocks forever."""
    return _read_inside(path, [os.path.realpath(root) for root in roots], pack_name)


def read_pack_files(paths: list[Path], roots: list[Path], pack_name: str) -> list[bytes]:
    """``read_pack_file`` for many files, the folders resolved once."""
    real_roots = [os.path.realpath(root) for root in roots]
    return [_read_inside(path, real_roots, pack_name) for path in paths]


def _read_inside(path: Path, real_roots: list[str], pack_name: str) -> bytes:
    where = Location(str(path))
    try:
        real = os.path.realpath(path)
        if not any(_inside(real, root) for root in real_roots):
            raise PackError(f"模板包“{pack_name}”的 {Path(path).name} 是指向模板包以外的链接，不予读取", where)
        info = os.stat(real)
        if not stat.S_ISREG(info.st_mode):
            raise PackError(f"模板包“{pack_name}”的 {Path(path).name} 不是普通文件，不予读取", where)
        if info.st_size > MAX_PACK_FILE_BYTES:
            raise PackError(_too_large(pack_name, path), where)
        with open(real, "rb") as handle:
            data = handle.read(MAX_PACK_FILE_BYTES + 1)
    except FileNotFoundError:
        raise PackError(f"模板包“{pack_name}”缺少 {Path(path).name}", where) from None
    except OSError as e:
        raise PackError(f"模板包“{pack_name}”的 {Path(path).name} 无法读取：{os_reason(e)}", where) from None
    if len(data) > MAX_PACK_FILE_BYTES:  # grew since it was measured
        raise PackError(_too_large(pack_name, path), where)
    return data


def _inside(path: str, folder: str) -> bool:
    """``path`` is ``folder`` or below it; both already resolved. Strings, not
    pathlib: a build reads every file of its pack to name its cache entries, and
    pathlib's parsing was most of that (a tenth of a seed build)."""
    path, folder = os.path.normcase(path), os.path.normcase(folder)
    return path == folder or path.startswith(folder if folder.endswith(os.sep) else folder + os.sep)


def _too_large(pack_name: str, path: Path) -> str:
    return f"模板包“{pack_name}”的 {Path(path).name} 过大（上限 {MAX_PACK_FILE_BYTES / (1024 * 1024):g} MB）"


def _read_json(path: Path, pack_name: str, roots: list[Path]):
    raw = read_pack_file(path, roots, pack_name)
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PackError(f"模板包“{pack_name}”的 {path.name} 不是 UTF-8 编码", Location(str(path))) from None
    except RecursionError:
        raise PackError(f"模板包“{pack_name}”的 {path.name} 嵌套层次过深", Location(str(path))) from None
    except json.JSONDecodeError as e:
        raise PackError(
            f"模板包“{pack_name}”的 {path.name} 不是有效的 JSON：{e.msg}",
            Location(str(path), e.lineno, e.colno),
        ) from None


def shared_root() -> Path:
    return builtin_root() / SHARED_FOLDER


@lru_cache(maxsize=1)
def builtin_root() -> Path:
    """The bundled ``templates/`` folder, installed or in a source checkout
    (asked for several times a build; importlib.resources is slow to answer)."""
    try:
        root = Path(str(resources.files("drafting") / "templates"))
        if root.is_dir():
            return root
    except (ModuleNotFoundError, TypeError):  # pragma: no cover
        pass
    return Path(__file__).resolve().parents[2] / "templates"


TEMPLATES_ENV = "DRAFT_TEMPLATES"
ORIGIN_PATH, ORIGIN_OPTION, ORIGIN_ENV, ORIGIN_BUILTIN = "pack: 路径", "--templates", TEMPLATES_ENV, "内置"


def env_folders() -> list[Path]:
    """The folders named by DRAFT_TEMPLATES (separated by os.pathsep), in order."""
    value = os.environ.get(TEMPLATES_ENV, "")
    return [Path(part).expanduser() for part in value.split(os.pathsep) if part.strip()]


def pack_folders(extra: list[Path] | None = None) -> list[tuple[Path, str]]:
    """Folders searched for packs by name, in order; the first holding the name wins:

    1. each ``--templates DIR``, in the order given;
    2. each folder of ``DRAFT_TEMPLATES``, in order;
    3. the built-in ``templates/``.

    (A ``pack:`` key holding a path bypasses the search.) A missing folder is an
    error naming where it was given, never silently skipped.
    """
    folders = [(Path(d).resolve(), ORIGIN_OPTION) for d in (extra or [])]
    folders += [(d.resolve(), ORIGIN_ENV) for d in env_folders()]
    for folder, origin in folders:
        if not folder.is_dir():
            raise PackError(f"{origin} 指定的模板包文件夹不存在：{folder}")
    folders.append((builtin_root(), ORIGIN_BUILTIN))
    return folders


def all_packs(extra: list[Path] | None = None) -> list[Pack]:
    """Every pack found, in search order, including those a same-named pack earlier
    in the order hides (``draft templates`` shows both)."""
    found = []
    for folder, origin in pack_folders(extra):
        if not folder.is_dir():
            continue
        for child in sorted(folder.iterdir()):
            if child.name.startswith(("_", ".")) or not (child / TEMPLATE_FILE).is_file():
                continue
            found.append(Pack(child.name, child, origin))
    return found


def list_packs(extra: list[Path] | None = None) -> list[Pack]:
    """The pack each name resolves to, sorted by name."""
    seen: dict[str, Pack] = {}
    for pack in all_packs(extra):
        seen.setdefault(pack.name, pack)
    return sorted(seen.values(), key=lambda p: p.name)


def is_pack_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.startswith(".") or Path(name).is_absolute()


def find_pack(name: str, extra: list[Path] | None = None, relative_to: Path | None = None) -> Pack:
    """A pack by name (searched as ``pack_folders`` says), or by a path to its folder
    (relative to the YAML file, ``relative_to``)."""
    if is_pack_path(name):
        base = relative_to or Path.cwd()
        folder = (base / Path(name).expanduser()).resolve()
        if (folder / TEMPLATE_FILE).is_file():
            return Pack(folder.name, folder, ORIGIN_PATH)
        raise PackError(f"找不到模板包文件夹：{folder}（其中应有 {TEMPLATE_FILE}）")
    packs = list_packs(extra)
    for pack in packs:
        if pack.name == name:
            return pack
    known = "、".join(p.name for p in packs) or "（无）"
    raise PackError(f"找不到模板包“{name}”。可用的模板包：{known}（用 draft templates 查看）")

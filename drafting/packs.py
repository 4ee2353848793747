"""Find and load template packs: folders of data, never Python code.

A pack is a folder holding ``template.xml.j2`` (Jinja emitting draft's markup),
``schema.json`` (JSON Schema 2020-12 for the writer's YAML, with Chinese titles),
``example.yaml`` (a commented example to start from) and ``README.md``, and
optionally ``stylesheet.yaml`` (overrides of the default typography).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from .errors import Location, PackError

TEMPLATE_FILE = "template.xml.j2"
SCHEMA_FILE = "schema.json"
EXAMPLE_FILE = "example.yaml"
README_FILE = "README.md"
STYLESHEET_FILE = "stylesheet.yaml"
DEFAULT_PACK = "half-year-speech"


@dataclass(slots=True)
class Pack:
    name: str
    folder: Path
    origin: str = "内置"
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def template_file(self) -> Path:
        return self.folder / TEMPLATE_FILE

    @property
    def example_file(self) -> Path:
        return self.folder / EXAMPLE_FILE

    @property
    def stylesheet_file(self) -> Path | None:
        path = self.folder / STYLESHEET_FILE
        return path if path.is_file() else None

    @property
    def schema(self) -> dict:
        if "schema" not in self._cache:
            path = self.folder / SCHEMA_FILE
            try:
                self._cache["schema"] = json.loads(path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise PackError(f"模板包“{self.name}”缺少 {SCHEMA_FILE}", Location(str(path))) from None
            except json.JSONDecodeError as e:
                raise PackError(
                    f"模板包“{self.name}”的 {SCHEMA_FILE} 不是有效的 JSON：{e.msg}",
                    Location(str(path), e.lineno, e.colno),
                ) from None
        return self._cache["schema"]

    @property
    def description(self) -> str:
        schema = self.schema
        title = schema.get("title", self.name)
        desc = schema.get("description", "").split("\n")[0]
        return f"{title}：{desc}" if desc else title

    def template_dirs(self) -> list[Path]:
        """The pack's own folder first, then the shared layouts packs may extend."""
        dirs = [self.folder]
        shared = builtin_root() / "_shared"
        if shared.is_dir():
            dirs.append(shared)
        return dirs


def builtin_root() -> Path:
    """The bundled ``templates/`` folder, installed or in a source checkout."""
    try:
        root = Path(str(resources.files("drafting") / "templates"))
        if root.is_dir():
            return root
    except (ModuleNotFoundError, TypeError):  # pragma: no cover
        pass
    return Path(__file__).resolve().parent.parent / "templates"


def pack_folders(extra: list[Path] | None = None) -> list[tuple[Path, str]]:
    """Folders searched for packs, first match wins: extra dirs, then built-in."""
    folders = [(Path(d), "自定义") for d in (extra or [])]
    folders.append((builtin_root(), "内置"))
    return folders


def list_packs(extra: list[Path] | None = None) -> list[Pack]:
    seen: dict[str, Pack] = {}
    for folder, origin in pack_folders(extra):
        if not folder.is_dir():
            continue
        for child in sorted(folder.iterdir()):
            if child.name.startswith(("_", ".")) or not (child / TEMPLATE_FILE).is_file():
                continue
            seen.setdefault(child.name, Pack(child.name, child, origin))
    return list(seen.values())


def find_pack(name: str, extra: list[Path] | None = None, relative_to: Path | None = None) -> Pack:
    """A pack by name, or by a path (relative to the YAML file) to its folder."""
    if "/" in name or "\\" in name or name.startswith("."):
        base = relative_to or Path.cwd()
        folder = (base / name).resolve()
        if (folder / TEMPLATE_FILE).is_file():
            return Pack(folder.name, folder, str(folder))
        raise PackError(f"找不到模板包文件夹：{folder}（其中应有 {TEMPLATE_FILE}）")
    for pack in list_packs(extra):
        if pack.name == name:
            return pack
    known = "、".join(p.name for p in list_packs(extra)) or "（无）"
    raise PackError(f"找不到模板包“{name}”。可用的模板包：{known}（用 draft templates 查看）")

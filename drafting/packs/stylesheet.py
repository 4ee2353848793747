"""The style sheet: typography as data, in one place, overridable by packs.

The defaults (``styles/default.yaml``) follow GB/T 9704 and speech practice; a
pack's ``stylesheet.yaml`` overrides any key of it. Writers read figures from
here and nowhere else.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

try:  # C parser: the default style sheet is read by every build
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

from drafting.packs.finder import read_pack_file
from drafting.source.schema import PackSchema, validate
from drafting.source.yaml_loader import parse_speech
from drafting.errors import DataError, Location, PackError, SchemaError, StyleSheetError
from drafting.model.document import Block, BlockRole

_DEFAULT = "default.yaml"
_READING = "reading.yaml"
READING_KEY = "reading"  # a style sheet's own overrides for the reading copy


@dataclass(slots=True)
class StyleSheet:
    """A pack's looks by role, merged over the defaults, so writers never hold a font."""

    data: dict[str, Any]

    @property
    def page(self) -> dict[str, Any]:
        return self.data["page"]

    @property
    def text_width_mm(self) -> float:
        """The width of the type area (版心): the page less its side margins."""
        page = self.page
        return page["width_mm"] - page["left_mm"] - page["right_mm"]

    @property
    def page_number(self) -> dict[str, Any]:
        return self.data["page_number"]

    @property
    def table(self) -> dict[str, Any]:
        return self.data["table"]

    @property
    def image(self) -> dict[str, Any]:
        return self.data["image"]

    def paragraph_keys(self) -> list[str]:
        return list(self.data["styles"])

    def paragraph(self, key: str) -> dict[str, Any]:
        """A paragraph style with everything it inherits from ``body`` filled in."""
        styles = self.data["styles"]
        if key == "body":
            return dict(styles["body"])
        merged = {k: v for k, v in styles["body"].items() if k != "name"}
        merged.update(styles[key])
        return merged

    def character_keys(self) -> list[str]:
        return list(self.data["characters"])

    def character(self, key: str) -> dict[str, Any]:
        return dict(self.data["characters"][key])

    def with_overrides(self, overrides: dict[str, Any]) -> "StyleSheet":
        return StyleSheet(_deep_merge(copy.deepcopy(self.data), overrides))


def style_key(block: Block) -> str:
    """The style-sheet key of a block's role."""
    if block.role is BlockRole.HEADING:
        return f"heading{block.level}"
    if block.role is BlockRole.PARAGRAPH:
        return "body"
    return block.role.value


def default_stylesheet() -> StyleSheet:
    return StyleSheet(_bundled(_DEFAULT))


def reading_stylesheet(sheet: StyleSheet) -> StyleSheet:
    """The large-print variant of ``sheet`` for the leader's reading copy:
    ``styles/reading.yaml`` over it, then the sheet's own ``reading:`` section."""
    own = sheet.data.get(READING_KEY) or {}
    return sheet.with_overrides(_bundled(_READING)).with_overrides(own)


def _bundled(name: str) -> dict[str, Any]:
    """A bundled sheet, read once a process; a copy, as merging changes it."""
    return copy.deepcopy(_read_bundled(name))


@lru_cache(maxsize=None)
def _read_bundled(name: str) -> dict[str, Any]:
    text = resources.files("drafting.styles").joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


_PAGE_NUMBERS = ("width_mm", "height_mm", "top_mm", "bottom_mm", "left_mm", "right_mm",
                 "footer_mm", "lines_per_page", "chars_per_line")
_STYLE_NUMBERS = ("size_pt", "line_pt", "first_line_chars", "space_after_lines",
                  "space_before_pt", "outline_level", "keep_lead_max_lines", "right_chars")


def check_stylesheet(sheet: StyleSheet, file: str | None = None) -> None:
    """Figures must be numbers and style names known roles, so a typo in a pack's
    ``stylesheet.yaml`` is an error naming the field, not a silently ignored key."""
    default = _read_bundled(_DEFAULT)
    for section in ("styles", "characters"):
        for key in sheet.data.get(section, {}):
            if key not in default[section]:
                known = "、".join(default[section])
                raise PackError(f"未知的样式“{key}”；可用的样式：{known}", Location(file, field=f"{section}.{key}"))
    fields = [(f"page.{k}", sheet.page.get(k)) for k in _PAGE_NUMBERS]
    fields += [(f"page_number.{k}", sheet.page_number.get(k)) for k in ("size_pt", "indent_chars")]
    for section in ("styles", "characters"):
        for key, spec in sheet.data[section].items():
            fields += [(f"{section}.{key}.{k}", spec[k]) for k in _STYLE_NUMBERS if k in spec]
    fields += _figure_numbers(sheet)
    for field, value in fields:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise PackError(f"应为不小于 0 的数字，实际是“{value}”", Location(file, field=field))


def _figure_numbers(sheet: StyleSheet) -> list[tuple[str, Any]]:
    """The figures of the ``table:`` and ``image:`` sections (their styles included)."""
    fields = []
    for section, own in (("table", ("border_pt", "cell_margin_mm", "width_percent")), ("image", ("width_mm",))):
        data = sheet.data.get(section, {})
        fields += [(f"{section}.{k}", data[k]) for k in own if k in data]
        for key, spec in data.items():
            if isinstance(spec, dict):
                fields += [(f"{section}.{key}.{k}", spec[k]) for k in _STYLE_NUMBERS if k in spec]
    return fields


def load_stylesheet(override: Path | None = None) -> StyleSheet:
    sheet = default_stylesheet()
    if override is None:
        return sheet
    data = _read_override(override)
    if not isinstance(data, dict):
        raise PackError("样式表应为键值对", Location(str(override)))
    merged = sheet.with_overrides(data)
    check_stylesheet(merged, str(override))
    check_stylesheet(reading_stylesheet(merged), str(override))  # its reading: section too
    return merged


def _read_override(path: Path) -> Any:
    """A pack's style sheet, read as speech data is read (``data.parse_speech``):
    YAML 1.2 scalars, a duplicate key is an error, errors in Chinese with the line."""
    raw = read_pack_file(path, [path.parent], path.parent.name)
    if all(not line.strip() or line.strip().startswith(b"#") for line in raw.lstrip(b"\xef\xbb\xbf").splitlines()):
        return {}  # nothing but comments: nothing overridden
    try:
        sheet = parse_speech(raw, str(path))
    except DataError as e:
        raise PackError(f"样式表无法读取：{e.message}", e.location) from None
    try:  # every problem at its line: unknown keys, 0 lines, .nan, centre
        validate(sheet, _sheet_schema())
    except SchemaError as e:
        raise StyleSheetError(e.problems) from None
    return sheet.values


_SCHEMA = "stylesheet.schema.json"


@lru_cache(maxsize=1)
def _sheet_schema() -> PackSchema:
    """What a style sheet may say (``styles/stylesheet.schema.json``), checked as data is."""
    text = resources.files("drafting.styles").joinpath(_SCHEMA).read_text(encoding="utf-8")
    return PackSchema(json.loads(text))


def _deep_merge(base: dict, extra: dict) -> dict:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _deep_merge(base[key], value)
        else:
            base[key] = value
    return base

"""The schema properties draft owns, added to every pack's schema on loading.

``pack`` and ``pronunciations`` are read by draft itself (to find the pack, to
annotate the reading copy), and the speech layout ``speech.xml.j2`` reads the
same speaker, date, salutation, numbering and closing in every speech; a pack
copying them would drift from the engine and from its siblings. They live once
in ``templates/_shared/fields.schema.json`` and are merged into the pack's
``properties`` as the shared definitions are merged into its ``$defs``: a
property the pack declares itself wins.

A pack asks for the speech fields with ``"x-draft-fields": "speech"`` at the top
of its schema.json (the pack check then warns if its template never reads them).
"""

from __future__ import annotations

import json
from pathlib import Path

from drafting.errors import Location, PackError

FIELDS_FILE = "fields.schema.json"
FIELD_SETS_KEY = "x-draft-fields"
_EVERY_PACK = "every_pack"


def add_engine_fields(schema: dict, pack_name: str, shared_folder: Path, schema_file: Path) -> dict:
    """``schema`` with draft's own properties merged in, in the order a writer reads them."""
    fields = _read(shared_folder / FIELDS_FILE)
    own = schema.get("properties")
    if not isinstance(own, dict) or not fields:
        return schema
    sets = _wanted_sets(schema, fields, schema_file)
    merged = dict(own)
    for name in sets:
        order = fields[name].get("order", [])
        for key in reversed(order):
            if key in merged or key not in fields[name]["properties"]:
                continue
            following = order[order.index(key) + 1:]
            merged = _insert_before(merged, key, fields[name]["properties"][key], following)
    every = fields.get(_EVERY_PACK, {}).get("properties", {})
    first = {"pack": {**every["pack"], "examples": [pack_name]}} if "pack" in every else {}
    merged = {**{k: v for k, v in first.items() if k not in own}, **merged}
    for key, sub in every.items():
        if key not in merged:
            merged[key] = sub
    schema["properties"] = merged
    return schema


def _wanted_sets(schema: dict, fields: dict, schema_file: Path) -> list[str]:
    wanted = schema.get(FIELD_SETS_KEY, [])
    names = [wanted] if isinstance(wanted, str) else wanted
    known = [k for k in fields if k != _EVERY_PACK and isinstance(fields[k], dict) and "properties" in fields[k]]
    if not isinstance(names, list) or any(n not in known for n in names):
        raise PackError(
            f"{schema_file.name} 中“{FIELD_SETS_KEY}”的值 {json.dumps(wanted, ensure_ascii=False)} 不可用："
            f"只能是 {'、'.join(known)}（或它们的列表）",
            Location(str(schema_file), _line_of(schema_file, FIELD_SETS_KEY)),
        )
    return names


def _insert_before(properties: dict, key: str, sub: dict, following: list[str]) -> dict:
    """``properties`` with ``key`` before the first of ``following`` present, else at the end."""
    anchor = next((k for k in following if k in properties), None)
    if anchor is None:
        return {**properties, key: sub}
    out = {}
    for name, value in properties.items():
        if name == anchor:
            out[key] = sub
        out[name] = value
    return out


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except json.JSONDecodeError as e:
        raise PackError(f"{path.name} 不是有效的 JSON：第 {e.lineno} 行第 {e.colno} 列", Location(str(path), e.lineno, e.colno)) from None
    return data if isinstance(data, dict) else {}


def _line_of(file: Path, key: str) -> int | None:
    try:
        text = file.read_text(encoding="utf-8")
    except OSError:
        return None
    at = text.find(json.dumps(key))
    return None if at < 0 else text.count("\n", 0, at) + 1

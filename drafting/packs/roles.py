"""What each field of a pack holds, as its schema says (``x-draft-role``).

Packs are data: a pack's schema names which field is the title, the parts,
the items, the closing… (``"x-draft-role": "parts"``) and whether the pack is a
speech or a report (``"x-draft-genre"``). ``draft extract`` and ``draft check``
read these names instead of knowing one pack's field names, so they work for
any pack whose schema carries the annotations.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Roles:
    """Which field of a pack holds what, read from its schema's x-draft-role annotations."""

    schema: dict
    top: dict[str, str]

    @classmethod
    def of(cls, schema: dict) -> "Roles":
        top = {sub["x-draft-role"]: key for key, sub in schema.get("properties", {}).items() if "x-draft-role" in sub}
        return cls(schema, top)

    @property
    def genre(self) -> str:
        return self.schema.get("x-draft-genre") or ("report" if "sections" in self.top and "parts" not in self.top else "speech")

    def in_def(self, name: str) -> dict[str, str]:
        props = self.schema.get("$defs", {}).get(name, {}).get("properties", {})
        return {sub["x-draft-role"]: key for key, sub in props.items() if "x-draft-role" in sub}

    def required(self, def_name: str) -> tuple[str, ...]:
        """The keys a definition requires (a part without a heading is allowed only where none is)."""
        return tuple(self.schema.get("$defs", {}).get(def_name, {}).get("required", ()))

    def enum(self, def_name: str | None, key: str) -> tuple[str, ...]:
        node = self.schema if def_name is None else self.schema.get("$defs", {}).get(def_name, {})
        return tuple(node.get("properties", {}).get(key, {}).get("enum", ()))

    def sub(self, key: str) -> dict[str, str]:
        props = self.schema.get("properties", {}).get(key, {}).get("properties", {})
        return {sub["x-draft-role"]: k for k, sub in props.items() if "x-draft-role" in sub}

    def items_def(self, def_name: str | None, key: str) -> str:
        """The $defs name of the items of an array field (the part of ``parts``…), '' when none."""
        node = self.schema if def_name is None else self.schema.get("$defs", {}).get(def_name, {})
        ref = node.get("properties", {}).get(key, {}).get("items", {}).get("$ref", "")
        return ref.rsplit("/", 1)[-1]

    @property
    def part_def(self) -> str:
        return self.items_def(None, self.top.get("parts", "")) or "part"

    @property
    def section_def(self) -> str:
        return self.items_def(self.part_def, self.in_def(self.part_def).get("sections", "")) or "section"

    @property
    def point_def(self) -> str:
        return self.items_def(self.part_def, self.in_def(self.part_def).get("items", "")) or "point"

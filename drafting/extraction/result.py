"""What an extraction produces: the pack's data, notes on what was guessed, the statistics found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Path_ = tuple[str | int, ...]


@dataclass(slots=True)
class Extraction:
    """The pack's data in schema order, and Chinese notes on what was guessed."""

    data: dict[str, Any]
    notes: dict[Path_, list[str]] = field(default_factory=dict)
    statistics: list[dict] = field(default_factory=list)  # every indicator recognised, in order
    written: str = ""  # when the old file says it was written (a .docx's properties), YYYY-MM-DD
    reminders: list[str] = field(default_factory=list)  # what ``draft extract`` tells the writer to fill in

    def note(self, path: Path_, text: str) -> None:
        self.notes.setdefault(path, []).append(text)

    def summary(self) -> str:
        """How much was recognised, in the words ``draft extract`` prints."""
        counts = structure_counts(self.data)
        listed = f"，段中列举 {counts['listed']} 项" if counts["listed"] else ""
        return (f"{counts['parts']} 个部分，{counts['sections']} 节，{counts['items']} 个要点，"
                f"{counts['subitems']} 条细目{listed}，{len(self.statistics)} 项统计指标")


def structure_counts(data: dict) -> dict[str, int]:
    """Parts, sections, items and sub-items in extracted data (a report's levels count as parts and sections)."""
    counts = {"parts": 0, "sections": 0, "items": 0, "subitems": 0}
    for part in data.get("parts", []):
        counts["parts"] += 1
        holders = [part] + part.get("sections", [])
        counts["sections"] += len(part.get("sections", []))
        for holder in holders:
            for point in holder.get("points", []):
                counts["items"] += 1
                counts["subitems"] += len(point.get("subitems", []))

    def report(sections: list, depth: int) -> None:
        for section in sections:
            counts[("parts", "sections", "items", "subitems")[min(depth, 3)]] += 1
            report(section.get("sections", []), depth + 1)

    report(data.get("sections", []), 0)
    counts["listed"] = _listed_items(data)
    return counts


def _listed_items(value: Any) -> int:
    """Items listed inside paragraphs (list paragraphs), at every depth."""
    if isinstance(value, list):
        return sum(_listed_items(v) for v in value)
    if not isinstance(value, dict):
        return 0
    own = len(value["points"]) if "points" in value and "layout" not in value and "heading" not in value and "enumeration" in value else 0
    return own + sum(_listed_items(v) for v in value.values())

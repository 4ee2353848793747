"""The pipeline stage that fills a speech's figures from the statistics office's sheet.

It runs after validation (the data has its final shape, defaults included) and
before rendering, so every printed copy — the file copy, the reading copy and
the outline — and every writer sees the same figures, and the template never
learns where they came from. It belongs with the other stages that turn the
writer's files into data (``source``), not with the document model, because it
reads files the YAML names, relative to the YAML, as images are.

Indicators are found through the schema (``"format": "indicator-name"`` on the
name), not by key names, so a pack's own fields that hold indicators are filled
too. What the writer typed wins; a field left out, empty or X is filled. A unit
is filled only beside a known number: a unit without a figure would print an X
the writer never asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.errors import Problem
from drafting.source.yaml_loader import SpeechData

if TYPE_CHECKING:
    from drafting.source.statistics_sheets import SheetRef, Sourced

# Filling from the sheets (``statistics_sheets``, with the sheet readers) is
# imported only for a speech that names a sheet: most do not, and a build's
# start-up time is mostly imports.

STATISTICS_KEY = "statistics"


@dataclass(slots=True)
class Statistics:
    """What the statistics sheets gave a speech, kept for draft check to list."""

    files: list[Path] = field(default_factory=list)
    sourced: list[Sourced] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    filled: set[str] = field(default_factory=set)  # field paths whose X the sheet replaced


def names_sheets(speech: SpeechData) -> bool:
    """Whether the speech has a ``statistics:`` entry (before any file is looked at)."""
    values = speech.values
    return isinstance(values, dict) and bool(values.get(STATISTICS_KEY))


def sheet_refs(speech: SpeechData) -> list[SheetRef]:
    """The sheets a validated speech names, as absolute paths (relative to the YAML)."""
    if not names_sheets(speech):
        return []
    from drafting.source import statistics_sheets

    return statistics_sheets.sheet_refs(speech)


def statistics_files(speech: SpeechData) -> list[Path]:
    """The sheet files, for ``draft watch`` (also when the speech does not build)."""
    try:
        return [ref.path for ref in sheet_refs(speech)]
    except (AttributeError, KeyError, TypeError):  # not yet valid: the build says why
        return []


def fill_statistics(speech: SpeechData, plan: Any) -> tuple[SpeechData, Statistics]:
    """The speech with figures from its sheets; what was filled and what was not found."""
    if not names_sheets(speech):
        return speech, Statistics()
    from drafting.source.statistics_sheets import filled_from_sheets

    return filled_from_sheets(speech, plan)

"""Whether a statistic read from the text prints back character for character, and its
figures as the pack will print them (a figure typed 1,234 or xx is kept as written).

A statistic is kept only when this holds: a wrong reading must never cost the writer the
exact text, so every doubt here leaves the clause text.
"""

from __future__ import annotations

import re
from typing import Any

from drafting.model.indicators import (
    FigureMismatch,
    Indicator,
    format_number,
    is_placeholder,
    phrase_indicator,
    read_figure,
)

from .vocabulary import _TYPED


def _prints_back_exactly(data: dict, clause: str) -> bool:
    """Whether the clause prints back exactly, and the YAML gives back each figure as read (a
    figure it would give back otherwise, 05 as 5, leaves the clause text)."""
    if not _prints_back(data, clause):
        return False
    return bool(data.get("as_written")) or all(
        _read_back(data, key) == data[key] for key in _FIGURES if isinstance(data.get(key), str))


def _prints_back(data: dict, clause: str) -> bool:
    """Whether the clause prints back exactly; spaces in it are the figures' spaces
    (达到 XX 亿元) or a space before the unit alone (20359 万元)."""
    if phrase_indicator(Indicator.from_data(data)) == clause:
        return True  # 地区生产总值24. 3亿元: the only space is inside a figure a PDF split, kept as written
    if " " not in clause:
        return False
    for spacing in _SPACINGS:
        data.update(spacing)
        if phrase_indicator(Indicator.from_data(data)) == clause:
            return True
        for key in spacing:
            del data[key]
    return False


# a PDF sets figures off by spaces unevenly: every figure, the value's unit alone, the change alone,
# the value's unit and the change, the value but not the change, or only the space before the value
_SPACINGS = ({"spaced": True}, {"unit_spaced": True}, {"change_spaced": True},
             {"unit_spaced": True, "change_spaced": True}, {"spaced": True, "change_spaced": False},
             {"space_before_value": True}, {"space_before_value": True, "change_spaced": True})

_FIGURES = ("value", "earlier", "change", "share", "gap", "rank")


def _read_back(data: dict, key: str) -> Any:
    """The figure as the YAML loader reads it back (what build will print)."""
    unit = {"value": data.get("unit", ""), "earlier": data.get("unit", ""), "change": data.get("change_unit", "%")}.get(key, "")
    try:
        return read_figure(data[key], unit)
    except FigureMismatch:
        return None


def _as_written(data: dict) -> dict:
    """Marks an indicator whose figures the pack must print as typed (1,234 · xx), which
    the YAML would otherwise read as the number or the X meant."""
    clauses = [data, *data.get("then", ())]
    if any(isinstance(c.get(key), str) and _TYPED_FIGURE.fullmatch(c[key]) for c in clauses for key in ("value", "earlier", "change")):
        data["as_written"] = True
    return data


_TYPED_FIGURE = re.compile(_TYPED)


def _unknown(figure: Any) -> bool:
    """X, XX, xx, ××, **, ○○, ____: a figure not filled in yet, however the office typed it."""
    text = str(figure)
    return is_placeholder(text) or (_TYPED_FIGURE.fullmatch(text) is not None and not re.search(r"[0-9０-９]", text))


def _number(text: str) -> int | float | str:
    """A number the pack prints back the same way, else the text as written (X, 12.30)."""
    if is_placeholder(text) or " " in text or _TYPED_FIGURE.fullmatch(text):
        return text  # X, or 60. 5 as a PDF's layout split it: printed back as written
    number = float(text) if "." in text else int(text)
    return number if format_number(number) == text else text

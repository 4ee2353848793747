"""A change reached as a range, as a writer types it in a cell or a YAML value: 5—6, 5%—6%,
0.5至0.6, -5～-6.

The speech prints such a change as 增长5%—6% (``Indicator.change_to``); the statistics sheet
and a hand-typed ``change`` hold it as one text, so the sheet's writer and both readers
share this one reading. Both ends have one direction: a range that crosses zero is no
change the speech can print (下降5%到增长6% is two statements), so it is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

RANGE_MARKS = "—–～~至到-"  # a text with none of these is no range: its reader need not load this module
# full-width digits, point and per cent read as half-width; the marks, kept as typed, are the
# ones an indicator's change_range may print (－ is a minus sign only)
_WIDE = str.maketrans("０１２３４５６７８９．％＋", "0123456789.%+")
_SIGN = "[-+－−]?"
_RANGE = re.compile(
    rf"({_SIGN})(\d+(?:\.\d+)?)\s*%?\s*([{re.escape(RANGE_MARKS)}])\s*({_SIGN})(\d+(?:\.\d+)?)\s*%?"
)


@dataclass(frozen=True, slots=True)
class TypedRange:
    """The two ends of a typed range, signed alike, and the mark between them."""

    lower: int | float
    upper: int | float  # with the lower end's sign
    mark: str  # as typed: — ～ 至 …


class CrossesZero(ValueError):
    """A range whose ends have opposite signs (-5—6)."""


def typed_range(typed: Any) -> TypedRange | None:
    """The range a text states, or None when it is no range (a single figure, words).
    Both ends carry the sign (-5—-6); ends of opposite signs (-5—6) raise CrossesZero."""
    if not isinstance(typed, str):
        return None
    m = _RANGE.fullmatch(typed.strip().translate(_WIDE))
    if m is None:
        return None
    lower_sign, lower, mark, upper_sign, upper = m.groups()
    falls = lower_sign in ("-", "－", "−")
    if falls != (upper_sign in ("-", "－", "−")):
        raise CrossesZero(typed)
    sign = "-" if falls else ""
    return TypedRange(_number(sign + lower), _number(sign + upper), mark)


def range_text(lower: int | float, upper: int | float, mark: str = "—") -> str:
    """A range as a writer types it in a cell: 5—6, -5—-6, 0.5至0.6."""
    return f"{_shown(lower)}{mark}{_shown(upper)}"


def _number(text: str) -> int | float:
    return float(text) if "." in text else int(text)


def _shown(number: int | float) -> str:
    text = format(Decimal(str(number)).normalize(), "f")
    return "0" if text in ("-0", "0") else text

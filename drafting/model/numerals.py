"""Chinese numerals, enumeration markers and dates, as speeches write them.

Writers never type 一、二、三: the numbers are generated, so moving a part never
leaves a wrong ordinal behind.
"""

from __future__ import annotations

import datetime
import re

DIGITS = "零一二三四五六七八九"
_DATE_DIGITS = "〇一二三四五六七八九"
_UNITS = ((100_000_000, "亿"), (10_000, "万"), (1000, "千"), (100, "百"), (10, "十"))


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (GB/T 15835 usage)."""
    if n < 0:
        return "负" + chinese_numeral(-n)
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n - 10] if n > 10 else "")
    return _large(n)


def _large(n: int) -> str:
    for value, unit in _UNITS:
        if n >= value:
            head, rest = divmod(n, value)
            text = (_large(head) if head >= 10 else DIGITS[head]) + unit
            if rest:
                text += ("零" if rest < value // 10 else "") + _large(rest)
            return text
    return DIGITS[n]


def parse_count(numeral: str) -> int | None:
    """三 → 3, 两 → 2, 十二 → 12 (1–99); None for what is not a count."""
    return _COUNTS.get(numeral)


def enumeration_marker(form: str, n: int) -> str:
    """The n-th marker of a form written as its first one: ("一是", 3) → 三是."""
    if form in ("", "none"):
        return ""
    if form.startswith("一方面"):  # a pair: 一方面，……另一方面，……
        return form if n == 1 else "另" + form
    if "1" in form:
        return form.replace("1", str(n), 1)
    if "一" in form:
        return form.replace("一", chinese_numeral(n), 1)
    raise ValueError(f"unknown enumeration form {form!r}")


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_CN_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


_CHINESE_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")


def parse_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date in Arabic numerals that is a day of the calendar."""
    m = _ISO_DATE.fullmatch(text) or _CN_DATE.fullmatch(text)
    return _calendar(int(m[1]), int(m[2]), int(m[3])) if m else None


def calendar_date(text: str) -> tuple[int, int, int] | None:
    """Like parse_date, and also for 二〇二五年七月十五日 (None for 2025-13-45)."""
    found = parse_date(text)
    if found is not None:
        return found
    m = _CHINESE_DATE.fullmatch(text)
    if not m:
        return None
    year = int("".join(str(_DATE_DIGITS.index(d) if d != "零" else 0) for d in m[1]))
    month, day = parse_count(m[2]), parse_count(m[3])
    return _calendar(year, month, day) if month and day else None


def _calendar(year: int, month: int, day: int) -> tuple[int, int, int] | None:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return year, month, day


def format_date(text: str, style: str = "arabic") -> str:
    """'2025-07-15' → 2025年7月15日 (arabic) or 二〇二五年七月十五日 (chinese).

    Text that is not a date (e.g. already 二〇二五年七月十五日) is returned as written.
    """
    parts = parse_date(str(text))
    if parts is None:
        return str(text)
    year, month, day = parts
    if style == "chinese":
        y = "".join(_DATE_DIGITS[int(d)] for d in str(year))
        return f"{y}年{chinese_numeral(month)}月{chinese_numeral(day)}日"
    return f"{year}年{month}月{day}日"


_COUNTS = {chinese_numeral(n): n for n in range(1, 100)} | {"两": 2}

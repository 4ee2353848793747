"""Statistics phrased the way speeches of the genre phrase them.

地区生产总值实现12.3亿元，同比增长4.5% · 同比下降X% · 与上年同期持平 ·
实现地区生产总值26.7亿元 · 增速比一季度提高1.5个百分点 · 占全年计划的67% ·
居全市第3位 · 领先时间进度3.5个百分点. An unknown figure prints as X, the genre's own placeholder, and
is reported. Every clause is optional so that what real speeches write can be
said, and the extractor can keep a statistic only when it prints back exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import partial
from typing import Any, Callable

PLACEHOLDER = "X"
RISE, FALL, FLAT = "增长", "下降", "持平"
# words a speech uses for a direction; a signed change picks 增长 / 下降 unless one is named
# (增 / 降 are the short forms of 比增 / 比降)
# (比全市平均水平高1.3个百分点 · 比全国低了3.1个百分点: a comparison said with 高 / 低 / 快 / 慢)
RISES = (RISE, "提高", "增加", "上升", "增", "增长了", "提高了", "增加了", "上升了", "净增", "高", "高出", "高了",
         "快", "快了", "加快", "回升", "扩大", "上涨", "提升", "新增")
FALLS = (FALL, "回落", "降低", "减少", "降", "下降了", "回落了", "降低了", "减少了", "净减", "低", "低了", "慢",
         "慢了", "放缓", "收窄", "减缓", "下跌")
TRENDS = RISES + FALLS + (FLAT,)
DEFAULT_COMPARE = "同比"
DEFAULT_SEPARATOR = "；"


@dataclass(frozen=True, slots=True)
class Indicator:
    """One statistic as the data gives it; the phrase functions below word it,
    so every pack says a figure the same way."""

    name: str
    name_note: str = ""  # 地区生产总值(GDP): a note in brackets printed after the name, not part of it
    # 地区生产总值|实现较快增长，|完成45.6亿元: what is said of the name before its figure, in a clause of its
    # own; printed between the name and the verb, so the name stays the noun the figure is stated of
    aside: str = ""
    value: float | int | str | None = None
    unit: str = ""
    verb: str = "实现"
    # 财政总收入由2020年的2.66亿元增加到2022年的4.559亿元: the level it rose from, said before the verb
    # (提高到 · 增加到), in the value's unit; the value stays the later figure, the statistic's own
    earlier: float | int | str | None = None
    earlier_word: str = "由"  # 由 or 从
    earlier_when: str = ""  # 2020年的: when the earlier level held, said before it
    value_when: str = ""  # 2022年的: when the value is stated, said between the verb and the value
    change: float | int | str | None = None
    trend: str | None = None  # 增长 / 下降 / 持平; needed when change is unknown
    change_unit: str = "%"
    compare: str = DEFAULT_COMPARE
    has_value: bool = True
    verb_first: bool = False  # 实现地区生产总值X亿元 rather than 地区生产总值实现X亿元
    share: float | int | str | None = None  # 占全年计划的67%
    share_of: str = ""
    share_verb: str = "占"
    share_particle: str = "的"  # 占全年计划的67%, or 占年度计划23% without 的
    share_first: bool = False  # 占全年计划的67%，同比增长5%: the share said before the change
    gap: float | int | str | None = None  # 领先时间进度3.5个百分点 · 高于全市平均水平1.2个百分点
    gap_of: str = ""
    gap_verb: str = "高于"
    gap_unit: str = "个百分点"
    rank: int | str | None = None  # 居全市第3位
    rank_scope: str = ""
    rank_verb: str = "居"
    rank_unit: str = "位"  # 居全市第3位; empty for 增幅全市第一
    value_bound: str = ""  # 控制在3.5%以内: 以内 / 以上 / 左右 after the value
    value_note: str = ""  # 25.6亿元（快报数）: a note in brackets after the value
    ratio: str = ""  # 三次产业结构调整为12.3:45.6:42.1: the ratio's later terms, printed after the value (the first)
    change_bound: str = ""  # 增长6.3%以上 · 增长6%左右: after the change
    # 增长5%—6% · 提高5至6个百分点: a change reached, said as a range; change_to has change's sign
    change_to: float | int | str | None = None
    change_range: str = "—"
    change_unit_once: bool = False  # 增长5-6%: the office wrote the % after the second figure only
    spaced: bool = False  # 达到 XX 亿元，增长 XX%: figures set off by spaces (pasted from a PDF, or typed so)
    unit_spaced: bool = False  # 基本建设投资20359 万元: a space only between the value and its unit in words
    space_before_value: bool = False  # 一般公共预算收入 3.62亿元: a PDF's space before the value alone
    # 完成10.43 亿元，同比增长 13.3%: a PDF's space before the change figure; None: as ``spaced`` says
    # (False with ``spaced``: 完成 5420.9 万元，可比增长22%)
    change_spaced: bool | None = None
    as_written: bool = False  # value and change printed as typed (1,234 · １２．３ · xx · ××), as the original has them
    separator: str = DEFAULT_SEPARATOR  # printed between this indicator and the next
    joint: str = "，"  # between the indicator's own clauses (, in pasted half-width text)
    # further clauses of the same statement, in the order written, after the ones above:
    # 同比增长7.8%，比一季度回落0.6个百分点，两年平均增长6.1% — each a mapping of one clause's keys
    then: tuple[dict[str, Any], ...] = ()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Indicator":
        return cls(
            name=data["name"],
            name_note=data.get("name_note", ""),
            aside=data.get("aside", ""),
            value=_figure(data, "value"),
            unit=data.get("unit", ""),
            verb=data.get("verb", "实现"),
            earlier=_figure(data, "earlier"),
            earlier_word=data.get("earlier_word", "由"),
            earlier_when=data.get("earlier_when", ""),
            value_when=data.get("value_when", ""),
            change=_figure(data, "change"),
            trend=data.get("trend"),
            change_unit=data.get("change_unit", "%"),
            compare=data.get("compare", DEFAULT_COMPARE),
            # a value clause is wanted when a value or a unit was written
            has_value="value" in data or "unit" in data,
            verb_first=data.get("verb_first", False),
            share=data.get("share"),
            share_of=data.get("share_of", ""),
            share_verb=data.get("share_verb", "占"),
            share_particle=data.get("share_particle", "的"),
            share_first=data.get("share_first", False),
            gap=data.get("gap"),
            gap_of=data.get("gap_of", ""),
            gap_verb=data.get("gap_verb", "高于"),
            gap_unit=data.get("gap_unit", "个百分点"),
            rank=data.get("rank"),
            rank_scope=data.get("rank_scope", ""),
            rank_verb=data.get("rank_verb", "居"),
            rank_unit=data.get("rank_unit", "位"),
            value_bound=data.get("value_bound", ""),
            value_note=data.get("value_note", ""),
            ratio=data.get("ratio", ""),
            change_bound=data.get("change_bound", ""),
            change_to=_figure(data, "change_to"),
            change_range=data.get("change_range", "—"),
            change_unit_once=data.get("change_unit_once", False),
            spaced=data.get("spaced", False),
            unit_spaced=data.get("unit_spaced", False),
            space_before_value=data.get("space_before_value", False),
            change_spaced=data.get("change_spaced"),
            as_written=data.get("as_written", False),
            separator=data.get("separator", DEFAULT_SEPARATOR),
            joint=data.get("joint", "，"),
            then=tuple(data.get("then") or ()),
        )


def _figure(data: dict[str, Any], key: str) -> Any:
    """The figure to print: as typed when the indicator says so (an extracted speech's
    1,234 or xx), else the genre's form (xx and ×× print as X)."""
    figure = data.get(key)
    if data.get("as_written") and isinstance(figure, (str, int, float)) and not isinstance(figure, bool):
        return str(figure) if isinstance(figure, str) else figure
    return shown_figure(figure)


class FigureMismatch(ValueError):
    """A figure typed with a unit other than the indicator's: refused, never printed twice."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


_WIDE = str.maketrans("０１２３４５６７８９．，－＋％　", "0123456789.,-+% ")
_QUOTED = re.compile(r"^([“\"'‘])(.*)([”\"'’])$")
_TYPED_PLACEHOLDER = re.compile(r"[XxＸｘ×＊*？?○]+|[_＿]+")  # ○○ · ____: a blank left for the figure
_TYPED_NUMBER = re.compile(r"([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?[ ]*(.*)")


def read_figure(typed: str, unit: str) -> float | int | str:
    """The figure the writer meant by text typed for a value or change.

    ``12.3亿元`` with unit 亿元 is 12.3 (the unit is printed once, from ``unit``);
    ``4.5%`` with change_unit % is 4.5; ``21,560`` is 21560; full-width digits
    are digits; X, xx, ×× are the placeholder X. Text ending in the unit keeps
    the rest (``约12``); a quoted ``"6.0"`` keeps its zero, as written. A number followed by another unit raises FigureMismatch.
    Text without digits (两位数) is printed as typed.
    """
    if (placeholder := _typed_placeholder(typed)) is not None:
        return placeholder  # XX printed back as written, as the original has it
    text = typed.strip().translate(_WIDE).strip()
    if m := _QUOTED.match(text):
        text = m[2].strip()
    if unit and text.endswith(unit) and text != unit:
        text = text[: -len(unit)].rstrip()
        if _TYPED_NUMBER.fullmatch(text) is None:
            return text  # 约12: words around the figure, the unit printed once
    if re.match(r"[-+]?0[xXoObB]", text):
        raise FigureMismatch(f"“{typed[:20]}{'…' if len(typed) > 20 else ''}”不是十进制数字：统计数字请用十进制书写")
    number = _TYPED_NUMBER.fullmatch(text)
    if number is None:
        return typed
    sign, digits, decimals, rest = number.groups()
    shown = typed if len(typed) <= 20 else typed[:20] + "…"
    if rest:
        if not unit or not re.match(r"[^\d.]", rest):
            return typed  # no unit key: the text prints as typed, once
        if rest == unit:
            raise FigureMismatch(f"“{shown}”把单位“{unit}”写了两次：这里只写数字 {sign}{digits}{decimals or ''}")
        raise FigureMismatch(
            f"“{shown}”中的“{rest[:12]}”与单位“{unit}”不一致：这里只写数字 {sign}{digits.replace(',', '')}{decimals or ''}，"
            "单位写在 unit（变化幅度写在 change_unit）中"
        )
    if decimals and (decimals.endswith("0") or len(decimals) > 3) and text == typed:
        return typed  # "6.0", "3.20", "4.559": the figure as the speech writes it (6.0 as a YAML number prints 6, 4.559 prints 4.56)
    digits = digits.replace(",", "")
    if len(digits) > _MAX_DIGITS:
        raise FigureMismatch(f"“{shown}”有 {len(digits)} 位数字，不像统计数字：请核对")
    return float(sign + digits + decimals) if decimals else int(sign + digits)


def shown_figure(figure: Any) -> Any:
    """The figure as printed: ×× or xx typed for it prints as the genre's X, while
    the data keeps what the writer typed, so a warning can quote it."""
    if isinstance(figure, str) and (placeholder := _typed_placeholder(figure)) is not None:
        return placeholder
    return figure


def _typed_placeholder(typed: str) -> str | None:
    """XX as typed (the original's own placeholder), X for ××, xx, ？…; None for anything else."""
    text = typed.strip().translate(_WIDE).strip()
    if m := _QUOTED.match(text):
        text = m[2].strip()
    if is_placeholder(text):
        return text
    return PLACEHOLDER if _TYPED_PLACEHOLDER.fullmatch(text) else None


def is_placeholder(text: Any) -> bool:
    """X, XX, XXX, X.X: the genre's placeholder for a figure not known yet, however many X are written."""
    return isinstance(text, str) and _PLACEHOLDER_FIGURE.fullmatch(text) is not None


_PLACEHOLDER_FIGURE = re.compile(rf"{PLACEHOLDER}+(?:\.{PLACEHOLDER}+)?")


_MAX_DIGITS = 30  # the largest statistic has a dozen digits

_CENTS = Decimal("0.01")
_EVERY_FLOAT = Context(prec=400)  # the largest float has 309 digits, and two decimals


def format_number(value: float | int | str | None) -> str:
    """12.30 → 12.3, 5 → 5, 1e6 → 1000000; unknown → X. At most two decimals."""
    if value is None or value == "":
        return PLACEHOLDER
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    number = Decimal(str(value)).quantize(_CENTS, ROUND_HALF_UP, _EVERY_FLOAT).normalize(_EVERY_FLOAT)
    text = format(number, "f")
    return "0" if text in ("-0", "0") else text


def _reported_number(on_placeholder: Callable[[str], None] | None, field: str, value: Any) -> str:
    text = format_number(value)
    if (is_placeholder(text) or _typed_placeholder(text) is not None) and on_placeholder is not None:  # xx as written
        on_placeholder(field)
    return text


def phrase_indicator(ind: Indicator, on_placeholder: Callable[[str], None] | None = None) -> str:
    """One indicator as a clause; on_placeholder(field) is called for every X printed."""
    number = partial(_reported_number, on_placeholder)

    def figure(field: str, value: Any, unit: str) -> str:
        """The figure and its unit; spaced: a space before the figure and between it and a unit in words."""
        text = number(field, value)
        spaced = ind.change_spaced if field == "change" and ind.change_spaced is not None else ind.spaced
        if not spaced:
            return text + unit
        return f" {text} {unit}" if unit and not unit.startswith(_SIGNS) else f" {text}{unit}"

    value = _value_clause(ind, figure, number) if ind.has_value else ""
    clauses = [_change_clause(ind, figure), _share_clause(ind, figure), _gap_clause(ind, figure),
               _rank_clause(ind, number)]
    if ind.share_first:
        clauses[0], clauses[1] = clauses[1], clauses[0]
    clauses = [clause for clause in clauses if clause] + _further_clauses(ind, on_placeholder)
    name = ind.name + ind.name_note + ind.aside
    if ind.has_value:
        head = f"{ind.verb}{name}{value}" if ind.verb_first else f"{name}{_earlier_clause(ind, number)}{ind.verb}{value}"
        return ind.joint.join([head] + clauses)
    if not clauses:
        return name
    return name + ind.joint.join(clauses)


def _further_clauses(ind: Indicator, on_placeholder: Callable[[str], None] | None) -> list[str]:
    """The ``then`` clauses, each printed as a nameless indicator of that one clause; an X in
    one is reported as the field ("then", k, key)."""
    printed = []
    for k, clause in enumerate(ind.then):
        report = None if on_placeholder is None else partial(lambda k, field: on_placeholder(("then", k, field)), k)
        data = {key: value for key, value in clause.items() if key in _CLAUSE_KEYS}
        # a clause's xx prints as typed when its statement's figures do (…同比增长xx%，增速比去年提高xx个百分点)
        printed.append(phrase_indicator(Indicator.from_data({**data, "name": "", "as_written": ind.as_written}), report))
    return [text for text in printed if text]


# the keys a ``then`` clause may have: a change, a share, a gap or a rank
_CLAUSE_KEYS = ("change", "trend", "change_unit", "compare", "change_bound", "change_to", "change_range", "change_unit_once", "share", "share_of", "share_verb",
                "share_particle", "gap", "gap_of", "gap_verb", "gap_unit", "rank", "rank_scope", "rank_verb", "rank_unit")


_SIGNS = ("%", "％", "‰")  # units written as a sign, never set off by a space


def _earlier_clause(ind: Indicator, number: Callable[[str, Any], str]) -> str:
    """由2020年的2.66亿元: the level before the rise, in the value's unit (empty when not said)."""
    if ind.earlier is None:
        return ""
    return f"{ind.earlier_word}{ind.earlier_when}{number('earlier', ind.earlier)}{ind.unit}"


def _value_clause(ind: Indicator, figure: Callable[[str, Any, str], str], number: Callable[[str, Any], str]) -> str:
    if ind.space_before_value and not ind.spaced:
        return f" {ind.value_when}{number('value', ind.value)}{ind.unit}{ind.value_bound}{ind.value_note}"
    if ind.unit_spaced and not ind.spaced and ind.unit and not ind.unit.startswith(_SIGNS):
        return f"{ind.value_when}{number('value', ind.value)} {ind.unit}{ind.value_bound}{ind.value_note}"
    return ind.value_when + figure("value", ind.value, ind.unit) + ind.ratio + ind.value_bound + ind.value_note


def phrase_chain(
    indicators: list[Indicator], on_placeholder: Callable[[int, str], None] | None = None
) -> list[str]:
    """The indicators of one paragraph with what separates each from the next
    (；by default): [clause, separator, clause, …]."""
    pieces: list[str] = []
    for n, ind in enumerate(indicators):
        if n:
            pieces.append(indicators[n - 1].separator)
        report = partial(on_placeholder, n) if on_placeholder is not None else None
        pieces.append(phrase_indicator(ind, report))
    return pieces


def indicator_cells(ind: Indicator, on_placeholder: Callable[[str], None] | None = None) -> list[str]:
    """One indicator as a table row: 指标 / 单位 / 完成值 / 同比 (signed, % implied)."""
    number = partial(_reported_number, on_placeholder)

    change = ind.change
    if ind.trend == FLAT and not isinstance(change, (int, float)):
        change_text = "0"
    else:
        change_text = number("change", change)
        if is_placeholder(change_text) and ind.trend in FALLS:
            change_text = "-" + change_text
        if ind.change_to is not None:  # a range, as the statistics sheet shows one: 5—6, -5—-6
            change_text += ind.change_range + number("change_to", ind.change_to)
    if ind.change_unit not in ("%", "％") and change_text != "0":  # the column is in per cent
        change_text += ind.change_unit
    return [ind.name, ind.unit, number("value", ind.value), change_text]


def _change_clause(ind: Indicator, figure: Callable[[str, Any, str], str]) -> str:
    trend = ind.trend
    change = ind.change
    if isinstance(change, (int, float)):
        if format_number(change) == "0":  # 0, or a change too small to print (-0.001)
            trend = FLAT
        elif trend is None:
            trend = RISE if change > 0 else FALL
        change = abs(change)
    if trend is None and change is None:
        return ""
    if trend == FLAT:
        return "与上年同期持平" if ind.compare == DEFAULT_COMPARE else f"{ind.compare}持平"
    if trend is None:  # a figure that is a placeholder, with no stated direction
        trend = RISE
    return f"{ind.compare}{trend}{_change_figure(ind, change, figure)}{ind.change_bound}"


def _change_figure(ind: Indicator, change: Any, figure: Callable[[str, Any, str], str]) -> str:
    """A range prints its sign unit after both figures (5%—6%, as GB/T 15835 asks), a unit in
    words after the second alone (5至6个百分点), so that a range reads as the office wrote it."""
    if ind.change_to is None:
        return figure("change", change, ind.change_unit)
    upper = abs(ind.change_to) if isinstance(ind.change_to, (int, float)) else ind.change_to
    lower = figure("change", change, ind.change_unit if ind.change_unit.startswith(_SIGNS) and not ind.change_unit_once else "")
    return lower + ind.change_range + figure("change_to", upper, ind.change_unit)


def _share_clause(ind: Indicator, figure: Callable[[str, Any, str], str]) -> str:
    if ind.share is None and not ind.share_of:
        return ""
    return f"{ind.share_verb}{ind.share_of}{ind.share_particle}{figure('share', ind.share, '%')}"


def _gap_clause(ind: Indicator, figure: Callable[[str, Any, str], str]) -> str:
    if ind.gap is None and not ind.gap_of:
        return ""
    return f"{ind.gap_verb}{ind.gap_of}{figure('gap', ind.gap, ind.gap_unit)}"


def _rank_clause(ind: Indicator, number: Callable[[str, Any], str]) -> str:
    if ind.rank is None and not ind.rank_scope:
        return ""
    return f"{ind.rank_verb}{ind.rank_scope}第{number('rank', ind.rank)}{ind.rank_unit}"

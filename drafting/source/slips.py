"""Ordinary typing that is valid data yet would print what the writer did not mean.

A figure typed with its unit (``value: 12.3亿元`` beside ``unit: 亿元``) is
understood; one whose unit contradicts the unit key is refused with its line.
A run-in lead without closing punctuation, an indicator paragraph with no
ending, and a count phrase typed where the pack already generates one are
warnings: ``draft build`` prints them and ``draft check`` lists them.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from drafting.errors import Problem, SchemaError
from drafting.model.indicators import PLACEHOLDER, FigureMismatch, read_figure
from drafting.model.ranges import RANGE_MARKS, CrossesZero, typed_range
from drafting.source.yaml_loader import Path_, SpeechData, walk

_CLOSED = tuple("。！？；：，、…”’）》")
_SENTENCE_END = tuple("。！？…”’）》")
# as extraction/front_matter.COUNT_WORDS (not imported: a build does not load the extractor)
COUNT_PHRASE = re.compile(
    r"(?:讲|谈|强调|说|提)(?:以下|这么|一下)?([一二两三四五六七八九十]{1,3})(?:点|个方面|个问题|方面|层意思)"
)


def review(speech: SpeechData) -> list[Problem]:
    """The warnings for valid data that prints other than meant, in one walk that also
    reads figures typed as text (``12.3亿元``, ``4.5%``, ``21,560``, ``１２.３``) as
    numbers, in place; a unit that contradicts the indicator's is a SchemaError."""
    found = list(speech.source.slips)
    refused: list[Problem] = []
    layouts: dict[Path_, str] = {}
    first_headed: dict[Path_, int] = {}  # a list of headed units → the index of its first heading
    unheaded: list[Path_] = []
    for path, value in mappings(speech.values):
        if path and isinstance(path[-1], int):
            if "heading" in value:
                first_headed[path[:-1]] = min(path[-1], first_headed.get(path[:-1], path[-1]))
            else:
                unheaded.append(path)
        if isinstance(value.get("layout"), str):
            layouts[path] = value["layout"]
        if isinstance(value.get("lead"), (str, dict)) and value.get("body"):
            found += _open_lead(speech, path, value["lead"], _layout(layouts, path))
        if path and isinstance(path[-1], int) and isinstance(value.get("indicators"), list):
            found += _open_end(speech, path, value)
        if len(path) > 1 and path[-2] == "indicators" or len(path) > 3 and path[-2] == "then" and path[-4] == "indicators":
            refused += _read_figures(speech, path, value)  # an indicator, or a further clause of one
    if refused:
        raise SchemaError(refused)
    return found + _lost_headings(speech, unheaded, first_headed)


def mappings(values: Any) -> Iterator[tuple[Path_, dict]]:
    """Every mapping in the data with its path, in ``walk``'s order (a parent
    before its children), without making a path for each of the many strings:
    a fifth of ``walk``'s steps on a speech."""
    if isinstance(values, dict):
        yield (), values
    stack = [((), values)] if isinstance(values, (dict, list)) else []
    while stack:
        path, container = stack.pop()
        for key, value in container.items() if isinstance(container, dict) else enumerate(container):
            if isinstance(value, dict):
                child = path + (key,)
                yield child, value
                stack.append((child, value))
            elif isinstance(value, list):
                stack.append((path + (key,), value))


def _read_figures(speech: SpeechData, path: Path_, indicator: dict) -> list[Problem]:
    _read_ratio(indicator)
    rank = _read_rank(indicator)
    range_refused = _read_range(speech, path, indicator)
    refused = range_refused + ([Problem(speech.source.locate(path + ("rank",)), rank)] if rank else [])
    for key, unit_key, default_unit in (("value", "unit", ""), ("change", "change_unit", "%"), ("change_to", "change_unit", "%"),
                                        ("share", "", "%"), ("gap", "gap_unit", "个百分点")):
        if range_refused and key == "change":
            continue  # a range refused above says what is wrong with it
        if isinstance(indicator.get(key), str):
            try:
                figure = read_figure(indicator[key], indicator.get(unit_key, default_unit) if unit_key else default_unit)
            except FigureMismatch as e:
                refused.append(Problem(speech.source.locate(path + (key,)), e.message))
                continue
            if figure != PLACEHOLDER and not indicator.get("as_written"):  # ×× stays as typed: the X printed for it says what was typed
                indicator[key] = figure  # as_written: the speech's own 1,234 or xx is printed, not the number read
    return refused


def _read_rank(indicator: dict) -> str | None:
    """A rank typed as printed (rank: 第2位): the number, as 居全市第2位 prints 第 and 位 itself;
    what is wrong with one typed with another word (第2名 where rank_unit is 位)."""
    typed = indicator.get("rank")
    if not isinstance(typed, str) or indicator.get("as_written"):
        return None
    unit = indicator.get("rank_unit", "位")
    text = typed.translate(_WIDE_DIGITS)
    found = re.fullmatch(rf"\s*第?\s*(\d+)\s*{re.escape(unit) if unit else ''}\s*", text)
    if found is not None:
        indicator["rank"] = int(found[1])
        return None
    other = re.fullmatch(r"\s*第?\s*(\d+)\s*(\S{1,2})\s*", text)
    if other is not None and text.strip().startswith("第"):
        return (f"位次“{typed.strip()}”：这里只写数字 {other[1]}，“第”和“{unit}”由模板输出；"
                f"原文写“第{other[1]}{other[2]}”的，另写 rank_unit: {other[2]}")
    return None


_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_RATIO = re.compile(r"\s*(\d+(?:\.\d+)?)((?:\s*[:：]\s*\d+(?:\.\d+)?)+)\s*")


def _read_ratio(indicator: dict) -> None:
    """A ratio typed whole as the value (value: 13.1:44.2:42.7, as the statistics sheet shows one)
    is the first term and the rest (ratio): printed once, never after last year's later terms."""
    typed = indicator.get("value")
    if not isinstance(typed, str) or indicator.get("as_written") or (found := _RATIO.fullmatch(typed)) is None:
        return
    first = found[1]
    indicator["value"] = float(first) if "." in first else int(first)
    if "." in first and first.endswith("0"):
        indicator["value"] = first  # 12.0 printed as written, as a quoted figure is
    indicator["ratio"] = re.sub(r"\s", "", found[2]).replace("：", ":")


def _read_range(speech: SpeechData, path: Path_, indicator: dict) -> list[Problem]:
    """A change typed as a range (change: 5—6, "5%～6%", -5—-6), the way the statistics sheet
    shows one, is the change and its upper end (change_to), printed 增长5%—6%."""
    typed = indicator.get("change")
    if not isinstance(typed, str) or indicator.get("as_written") or not any(m in typed for m in RANGE_MARKS):
        return []  # X, 4.5%: no range

    unit = indicator.get("change_unit", "%")
    text = typed.strip()
    if isinstance(unit, str) and unit not in ("%", "％") and text.endswith(unit):  # 0.5至0.6个百分点
        text = text[: -len(unit)]
    try:
        found = typed_range(text)
    except CrossesZero:
        return [Problem(speech.source.locate(path + ("change",)),
                        f"增幅“{typed.strip()}”两端一正一负，讲话中写不出这样的区间：增长、下降请分别写")]
    if found is None:
        return []
    if indicator.get("change_to") not in (None, ""):
        return [Problem(speech.source.locate(path + ("change",)),
                        f"增幅写成了区间“{typed.strip()}”，又写了 change_to：请只写一处（区间写在 change 中即可）")]
    indicator["change"], indicator["change_to"] = found.lower, found.upper
    if indicator.get("change_range", "—") == "—":  # the mark typed is the one printed, unless another was set
        indicator["change_range"] = found.mark
    return []


def doubled_counts(speech: SpeechData, document_text: str) -> list[Problem]:
    """A count phrase (我讲三点意见) the writer typed where the pack generates one too:
    it is printed more often than typed. Called only when the file holds one."""
    typed = [
        (path, m.group())
        for path, value in walk(speech.values)
        if isinstance(value, str)
        for m in COUNT_PHRASE.finditer(value)
    ]
    return _doubled_counts(speech, typed, document_text) if typed else []


def _layout(layouts: dict[Path_, str], path: Path_) -> str | None:
    for n in range(len(path), -1, -1):
        if path[:n] in layouts:
            return layouts[path[:n]]
    return None


def _open_lead(speech: SpeechData, path: Path_, lead: str | dict, layout: str | None) -> list[Problem]:
    """A run-in lead that does not close: words, or one holding statistics whose ``after``
    does not close it (without one it ends on its last figure)."""
    if layout != "run-in" or _closed(lead):
        return []
    if isinstance(lead, str):
        where, shown, fix = path + ("lead",), lead, "请在末尾加上“。”"
    else:
        where = path + ("lead", "after") if "after" in lead else path + ("lead",)
        names = [str(i.get("name", "")) for i in lead.get("indicators") or [] if isinstance(i, dict)]
        shown, fix = str(lead.get("before") or "") + "".join(names[:1]), "请写上 after: 。（或以“。”结尾的文字）"
    return [Problem(
        speech.source.locate(where),
        f"要点句“{shown.strip()[:20]}”末尾没有标点：本部分的要点句与正文在同一段（run-in），"
        f"会与正文连成一句。{fix}",
    )]


def _closed(lead: str | dict) -> bool:
    if isinstance(lead, str):
        return not lead.strip() or lead.rstrip().endswith(_CLOSED)
    after = lead.get("after")
    return isinstance(after, str) and after.rstrip().endswith(_CLOSED)


def _lost_headings(speech: SpeechData, unheaded: list[Path_], first_headed: dict[Path_, int]) -> list[Problem]:
    """A part or section without a heading prints no heading line yet keeps its number:
    right for the units an excerpt starts inside of (they come first), a slip after one
    that has a heading."""
    lost = sorted(p for p in unheaded if p[:-1] in first_headed and p[-1] > first_headed[p[:-1]])
    return [Problem(
        speech.source.locate(path),
        f"这一{'部分' if path[-2] == 'parts' else '节'}没有写 heading（标题）：不输出标题行，序号却照样占用。"
        "请补写 heading（只有原稿从某一部分中间开始时，开头几部分才不写标题）",
    ) for path in lost]


def _open_end(speech: SpeechData, path: Path_, paragraph: dict) -> list[Problem]:
    after = paragraph.get("after")
    if isinstance(after, str) and after.strip().endswith(_SENTENCE_END):
        return []
    if isinstance(after, str) and after.strip():
        where, said = path + ("after",), f"after（“{after.strip()[-12:]}”）末尾没有句号"
    else:
        where, said = path + ("indicators",), "没有写 after，段落将以最后一个指标结尾，没有句号"
    return [Problem(speech.source.locate(where), f"含统计指标的段落{said}：请写上 after: 。（或以“。”结尾的文字）")]


def _doubled_counts(speech: SpeechData, typed: list[tuple[Path_, str]], text: str) -> list[Problem]:
    """A count phrase printed more often than the writer typed it: the pack added it too."""
    typed_times: dict[str, int] = {}
    for _, phrase in typed:
        typed_times[phrase] = typed_times.get(phrase, 0) + 1
    found = []
    for path, phrase in typed:
        if text.count(phrase) > typed_times[phrase]:
            found.append(Problem(
                speech.source.locate(path),
                f"这里写了“{phrase}”，模板包又自动接上了一句点数语句，讲话稿中会出现两次：请删去这里的一句"
                "（自动生成的一句随部分数变化）",
            ))
            typed_times[phrase] = len(text)  # one warning per phrase
    return found

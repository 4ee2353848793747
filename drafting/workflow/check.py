"""What a writer checks before a speech goes to the leader: ``draft check``.

Findings, each with the field path and line of the writer's YAML: X
placeholders still printed, half-width punctuation in Chinese text, unpaired
quotes and brackets, doubled punctuation, a sentence repeated word for word,
and a count phrase (我讲四点意见) that disagrees with the structure. And the
length: 字数 counts Chinese characters only — CJK ideographs (basic block,
extensions A–G, compatibility ideographs) and 〇 — not punctuation, digits,
Latin letters or the placeholder X; speaking time is 字数 divided by a rate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from drafting.workflow.build import PLACEHOLDERS, Draft, render_text
from drafting.model.editions import PinyinReport, pinyin_report
from drafting.model.counting import SPEAKING_RATE, count_characters, is_counted, summary_line
from drafting.source.statistics_sheets import Sourced
from drafting.source.yaml_loader import Path_, SourceMap, format_path
from drafting.errors import Location, Problem
from drafting.packs.roles import Roles
from drafting.extraction.front_matter import COUNT_WORDS
from drafting.model.numerals import parse_count

DEFAULT_RATE = SPEAKING_RATE  # the reading copy's 约N分钟 marks use the same rate and count

# data keys whose values are settings, not the speech's words
SETTINGS = frozenset(
    {"pack", "enumeration", "layout", "part_numbering", "date", "date_style", "half", "trend", "change_unit"}
)
_WIDE = re.compile("[\u2018\u2019\u201c\u201d\u2026\u2014\u3000-\u303f\uff00-\uffef]")
HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
PAIRS = {"“": "”", "《": "》", "（": "）", "‘": "’", "【": "】"}
_CLOSERS = {close: open_ for open_, close in PAIRS.items()}
MARK_NAMES = {"“": "左引号", "”": "右引号", "《": "左书名号", "》": "右书名号", "（": "左括号", "）": "右括号",
              "‘": "左单引号", "’": "右单引号", "【": "左方头括号", "】": "右方头括号"}
_DOUBLED = re.compile(r"[，。、；：]{2,}|([！？])\1+")
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]")
REPEAT_MIN = 8  # ideographs: shorter sentences (要全力以赴。) may fairly recur


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # placeholder | statistics | typing | half-width | unpaired | doubled | repeated | count
    problem: Problem


@dataclass(slots=True)
class Report:
    characters: int
    rate: int
    findings: list[Finding] = field(default_factory=list)
    pinyin: PinyinReport = field(default_factory=PinyinReport)  # what the reading copy annotates
    sourced: list[Sourced] = field(default_factory=list)  # figures the statistics sheet gave

    @property
    def minutes(self) -> float:
        return self.characters / self.rate

    def summary(self) -> str:
        return summary_line(self.characters, self.rate)


def check_draft(draft: Draft, rate: int = DEFAULT_RATE) -> Report:
    report = Report(count_characters(render_text(draft)), rate)
    report.pinyin = pinyin_report(draft.document, draft.pronunciations)
    texts = list(text_fields(draft.speech.values))
    source = draft.speech.source
    by_field = {format_path(path): (path, text) for path, text in texts}
    sheet_warnings = set(draft.statistics.warnings)
    slips = set(draft.slips)
    report.findings += [
        Finding("statistics", p) if p in sheet_warnings
        else Finding("typing", p) if p in slips
        else Finding("placeholder", _at_first_x(p, source, by_field))
        for p in draft.warnings
    ]
    report.sourced = list(draft.statistics.sourced)
    for path, text in texts:
        report.findings += _half_width(source, path, text)
        report.findings += _unpaired(source, path, text)
        report.findings += _doubled(source, path, text)
    report.findings += _repeated(source, texts)
    report.findings += _counts(source, draft.speech.values, Roles.of(draft.pack.schema))
    report.findings.sort(key=lambda f: (f.problem.location.line or 0, f.problem.location.column or 0))
    return report


def text_fields(value: Any, path: Path_ = ()) -> Iterable[tuple[Path_, str]]:
    """Every string the writer wrote as words of the speech, with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            if key not in SETTINGS:
                yield from text_fields(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from text_fields(child, path + (i,))


def _at_first_x(problem: Problem, source: SourceMap, by_field: dict[str, tuple[Path_, str]]) -> Problem:
    """The build's warning, moved to the line of the first X inside a multi-line block."""
    path, text = by_field.get(problem.location.field, ((), ""))
    if x := PLACEHOLDERS.search(text):
        return Problem(source.locate(path, offset=x.start()), problem.message)
    return problem


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 8) : start]
    after = text[end : end + 8]
    return f"…{before}【{text[start:end]}】{after}…"


def _is_wide(ch: str) -> bool:
    return bool(is_counted(ch) or _WIDE.match(ch))


def _half_width(source: SourceMap, path: Path_, text: str) -> Iterable[Finding]:
    """Once per paragraph: pasted text has half-width marks everywhere, one finding says it."""
    found = []
    for i, ch in enumerate(text):
        if ch not in HALF_TO_FULL:
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before.isdigit() and after.isdigit():  # 1,000 · 12:30
            continue
        if _is_wide(before) or _is_wide(after):
            found.append(i)
    if found:
        i, ch = found[0], text[found[0]]
        more = f"（本段共 {len(found)} 处）" if len(found) > 1 else ""
        yield Finding(
            "half-width",
            Problem(
                source.locate(path, offset=i),
                f"中文里用了半角“{ch}”，应为全角“{HALF_TO_FULL[ch]}”{more}：{_context(text, i, i + 1)}",
            ),
        )


def _unpaired(source: SourceMap, path: Path_, text: str) -> Iterable[Finding]:
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in PAIRS:
            stack.append(i)
        elif ch in _CLOSERS:
            if stack and text[stack[-1]] == _CLOSERS[ch]:
                stack.pop()
            else:
                yield _unpaired_finding(source, path, text, i, f"{_named(ch)} 前面没有与之配对的{_named(_CLOSERS[ch])}")
    for i in stack:
        yield _unpaired_finding(source, path, text, i, f"{_named(text[i])} 后面没有与之配对的{_named(PAIRS[text[i]])}")


def _named(mark: str) -> str:
    return f"{MARK_NAMES[mark]} {mark}"


def _unpaired_finding(source: SourceMap, path: Path_, text: str, i: int, message: str) -> Finding:
    return Finding("unpaired", Problem(source.locate(path, offset=i), f"{message}：{_context(text, i, i + 1)}"))


def _doubled(source: SourceMap, path: Path_, text: str) -> Iterable[Finding]:
    for m in _DOUBLED.finditer(text):
        yield Finding(
            "doubled",
            Problem(
                source.locate(path, offset=m.start()),
                f"标点重复“{m.group()}”：{_context(text, m.start(), m.end())}",
            ),
        )


def _repeated(source: SourceMap, texts: list[tuple[Path_, str]]) -> Iterable[Finding]:
    first: dict[str, Location] = {}
    for path, text in texts:
        for m in _SENTENCE.finditer(text):
            sentence = m.group().strip()
            if count_characters(sentence) < REPEAT_MIN:
                continue
            where = source.locate(path, offset=m.start())
            seen = first.setdefault(sentence, where)
            if seen is not where:
                short = sentence if len(sentence) <= 30 else sentence[:30] + "…"
                yield Finding(
                    "repeated",
                    Problem(where, f"这句话与 {seen.field}（第 {seen.line} 行）一字不差地重复：“{short}”"),
                )


def _counts(source: SourceMap, values: dict, roles: Roles) -> Iterable[Finding]:
    """我讲N点意见 in the opening must match the parts; 讲N个方面 in a part's intro its
    sections or items, and in a section's intro its items. Fields are found by the
    roles the pack's schema names, so any speech pack is checked."""
    top = roles.top
    parts_key, opening_key, phrase_key = top.get("parts"), top.get("opening", "opening"), top.get("count-phrase")
    if not parts_key:
        return
    parts = values.get(parts_key) or []
    phrase = values.get(phrase_key) if phrase_key else None
    scopes: list[tuple[Path_, Any, int, str]] = [((opening_key,), values.get(opening_key, []), len(parts), "个部分")]
    if isinstance(phrase, str) and "{n}" not in phrase:
        scopes.append(((), {phrase_key: phrase}, len(parts), "个部分"))
    keys, section_keys = roles.in_def(roles.part_def), roles.in_def(roles.section_def)
    for i, part in enumerate(parts):
        if isinstance(part, dict):
            scopes += _inner_counts((parts_key, i), part, keys, section_keys)
    for base, value, actual, unit in scopes:
        for path, text in text_fields(value, base):
            for m in COUNT_WORDS.finditer(text):
                said = parse_count(m.group(1))
                if said is not None and said != actual:
                    yield Finding(
                        "count",
                        Problem(
                            source.locate(path, offset=m.start()),
                            f"“{m.group()}”说的是 {said}，但下面有 {actual} {unit}：{_context(text, m.start(), m.end())}",
                        ),
                    )


def _inner_counts(path: Path_, part: dict, keys: dict, section_keys: dict) -> list[tuple[Path_, Any, int, str]]:
    intro, items, sections = keys.get("intro", "intro"), keys.get("items", "points"), keys.get("sections", "sections")
    scopes = []
    if part.get(sections):
        scopes.append((path + (intro,), part.get(intro, []), len(part[sections]), "节"))
        for j, section in enumerate(part[sections]):
            section_items = section_keys.get("items", "points")
            if isinstance(section, dict) and section.get(section_items):
                section_intro = section_keys.get("intro", "intro")
                scopes.append(((*path, sections, j, section_intro), section.get(section_intro, []),
                               len(section[section_items]), "个要点"))
    elif part.get(items):
        scopes.append((path + (intro,), part.get(intro, []), len(part[items]), "个要点"))
    return scopes

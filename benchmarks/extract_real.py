"""How much of real speeches ``draft extract`` recognises: ``python benchmarks/extract_real.py FOLDER``.

FOLDER holds texts nobody on the project wrote (kept outside the repository, never
committed), one paragraph a line, each ``NAME.txt`` beside ``NAME.expected.yaml``,
the annotation a person wrote by reading the text (rules in benchmarks/real-texts.md):

    pack: half-year-speech
    items:                      # the lead of every item below the part level, in order
      - 工业生产提速增效
    statistics:                 # every statistic a writer would want as a field
      - {name: 地区生产总值, figure: 26.7, unit: 亿元, change: 13.3}

Each text is given to ``draft extract`` three ways: the .txt itself, a .docx of plain
paragraphs (python-docx) and a .docx whose 一、 headings are Word's automatic
numbering, not typed. For each form the script checks that ``draft build --format
txt`` of the extracted YAML gives the text back exactly, and matches what was
recognised against the annotation by content: an item counts when an extracted
item's lead is the annotated lead; a statistic when an extracted indicator has the
annotated name and figure. It prints recognised/expected per text and form, and
totals per form, with the extracted indicators that stand for no annotated statistic
(some are right but outside the annotation rules, 分别 lists for one; many are not).
"named exactly" counts the statistics found under exactly the annotated name: the lenient
match lets 地区生产总值突破 stand for 地区生产总值, a writer's field would not.

Whole processes are run (``python -m drafting``), as a writer runs them; ``--python``
measures another venv's draft, ``--code DIR`` another checkout's (DIR first on PYTHONPATH).
``--misses`` lists, per text, what was missed and what was extracted: use it on the
tuning set only, never on a held-out one.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.oxml import parse_xml

FORMS = ("txt", "docx", "docx-numbered")

# an enumeration marker a lead may still carry: 一是 一要 第一， 第一、 其一， （一） (一) 1. 1、 （1）
_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+(?:句话)?[，,、：:]?|其[一二三四五六七八九十]+[，,、]?"
    r"|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d))"
)
_EDGE_PUNCTUATION = "。；;，,：:！!？?、 \u3000\t"
_PLACEHOLDER = re.compile(r"[Xx×Ｘｘ*＊]+(?:[.．][Xx×Ｘｘ]+)?")
_PART_HEADING = re.compile(r"^([一二三四五六七八九十]+)、")
_CHINESE_DIGITS = "一二三四五六七八九十"


def normalise_lead(text: str) -> str:
    """A lead as compared: no marker, no spaces or punctuation at its ends."""
    text = str(text).strip(_EDGE_PUNCTUATION)
    text = _MARKER.sub("", text, count=1)
    return text.strip(_EDGE_PUNCTUATION)


def normalise_name(text: str) -> str:
    return re.sub(r"[\s\u3000]", "", str(text))


def normalise_figure(value: Any) -> str | None:
    """A figure as compared: 26.70 and 26.7 alike, every placeholder (x, XX, X.X) as X, no sign
    (下降5.9% may be kept as 5.9 with a trend or as -5.9)."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip().replace("％", "").rstrip("%").strip()
    if not text:
        return None
    text = text.lstrip("-+－＋").strip().replace(" ", "")  # 60. 5: a decimal a PDF's layout split
    if _PLACEHOLDER.fullmatch(text):
        return "X"
    try:
        number = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return text
    return format(number.normalize(), "f")


def extracted_leads(data: Any) -> list[str]:
    """Every item the extracted YAML holds, at every level below the parts, in order.

    Items are the entries of ``points`` and ``subitems`` (their ``lead``) and the
    sections inside a part or inside a report's section (their ``heading``); the
    top-level ``parts`` of a speech and ``sections`` of a report are parts, not items.
    """
    leads: list[str] = []

    def walk(node: Any, depth: int) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("points", "subitems", "items") and isinstance(value, list):
                    for entry in value:
                        if isinstance(entry, dict) and "lead" in entry:
                            leads.append(printed_lead(entry["lead"]))
                        walk(entry, depth + 1)
                elif key == "sections" and isinstance(value, list):
                    for entry in value:
                        if depth > 0 and isinstance(entry, dict) and "heading" in entry:
                            leads.append(printed_lead(entry["heading"]))
                        walk(entry, depth + 1)
                else:
                    walk(value, depth + (key == "parts"))
        elif isinstance(node, list):
            for entry in node:
                walk(entry, depth)

    walk(data, 0)
    return leads


def printed_lead(lead: Any) -> str:
    """A lead's (or heading's) text as the pack prints it: the words, or one that holds statistics
    ({before, indicators, after}) phrased the way the templates' ``draft.text`` prints it."""
    if not isinstance(lead, dict):
        return str(lead)
    from drafting.model.indicators import Indicator, phrase_chain

    chain = phrase_chain([Indicator.from_data(d) for d in lead.get("indicators", [])])
    return str(lead.get("before", "")) + "".join(chain) + str(lead.get("after", ""))


def extracted_indicators(data: Any) -> list[dict]:
    """Every indicator (a mapping with a name under an ``indicators`` list), in order."""
    found: list[dict] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "indicators" and isinstance(value, list):
                    found.extend(entry for entry in value if isinstance(entry, dict) and "name" in entry)
                else:
                    walk(value)
        elif isinstance(node, list):
            for entry in node:
                walk(entry)

    walk(data)
    return found


def strings_by_role(data: Any) -> list[tuple[str, str]]:
    """Every string of the extracted YAML with its role: a part's or section's heading, an
    item's lead, or text (opening, paragraphs, bodies, closing); indicators are left out."""
    found: list[tuple[str, str]] = []

    def walk(node: Any, role: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "indicators":
                    continue
                if key in ("lead", "heading") and isinstance(value, dict):  # one holding statistics: its words only
                    walk([value.get("before", ""), value.get("after", "")], key)
                    continue
                walk(value, {"heading": "heading", "title": "heading", "lead": "lead"}.get(key, "text"))
        elif isinstance(node, list):
            for entry in node:
                walk(entry, role)
        elif isinstance(node, str):
            found.append((role, node))

    walk(data, "text")
    return found


def where_item_stands(want: str, leads: list[str], strings: list[tuple[str, str]]) -> str:
    """Why an annotated lead was missed, as a class: no text of it is shown, so the
    class totals may be printed for a held-out set."""
    key = normalise_lead(want)
    if any(key and (key in normalise_lead(lead) or normalise_lead(lead) in key) for lead in leads if normalise_lead(lead)):
        return "an extracted lead longer or shorter than it"
    for role in ("heading", "lead", "text"):
        if any(key in normalise_lead(text) for r, text in strings if r == role):
            return {"heading": "inside a heading", "lead": "inside another item's lead",
                    "text": "inside plain text"}[role]
    return "not found as written"


def where_statistic_stands(want: dict, indicators: list[dict], strings: list[tuple[str, str]]) -> str:
    """Why an annotated statistic was missed, as a class (see where_item_stands)."""
    figure = normalise_figure(want.get("figure"))
    if any(figure in _figures(found) for found in indicators):
        return "its figure in an indicator of another name"
    name, printed = normalise_name(want["name"]), str(want.get("figure"))
    for role in ("heading", "lead", "text"):
        if any(name in normalise_name(text) and printed in text for r, text in strings if r == role):
            return {"heading": "in a heading", "lead": "in an item's lead", "text": "in plain text"}[role]
    return "name and figure not in one string"


def items_matched(expected: Iterable[str], leads: Iterable[str]) -> int:
    """How many annotated leads an extracted lead equals (each extracted lead used once)."""
    expected = list(expected)
    return len(expected) - len(items_missed(expected, leads))


def items_missed(expected: Iterable[str], leads: Iterable[str]) -> list[str]:
    """The annotated leads no extracted lead equals."""
    pool = Counter(normalise_lead(lead) for lead in leads)
    missed = []
    for want in expected:
        key = normalise_lead(want)
        if pool[key] > 0:
            pool[key] -= 1
        else:
            missed.append(str(want))
    return missed


def _figures(indicator: dict) -> set[str]:
    return {f for f in (normalise_figure(indicator.get(k)) for k in ("value", "change", "share", "rank")) if f}


def _same_name(found: str, want: str) -> bool:
    """The annotated name, or a name holding it or held by it (地区生产总值 in 全县地区生产总值)."""
    found, want = normalise_name(found), normalise_name(want)
    return bool(found) and bool(want) and (found == want or want in found or found in want)


def statistics_matched(expected: Iterable[dict], indicators: Iterable[dict]) -> int:
    """How many annotated statistics an extracted indicator of that name and figure stands for."""
    expected = list(expected)
    return len(expected) - len(statistics_missed(expected, indicators))


def statistics_missed(expected: Iterable[dict], indicators: Iterable[dict], exact_names: bool = False) -> list[dict]:
    """The annotated statistics no extracted indicator of that name and figure stands for.

    Indicators of exactly the annotated name are paired first, so that a short name
    (产值) is not spent on a longer one (规模以上工业总产值) that has its own indicator;
    ``exact_names`` pairs only those (a name with 突破 or 累计 in it is no match).
    """
    expected, pool = list(expected), list(indicators)
    found_for: dict[int, int] = {}
    exact = lambda a, b: normalise_name(a) == normalise_name(b)  # noqa: E731
    for same in (exact,) if exact_names else (exact, _same_name):
        for k, want in enumerate(expected):
            if k in found_for:
                continue
            figure = normalise_figure(want.get("figure"))
            for i, found in enumerate(pool):
                if i not in found_for.values() and same(found.get("name", ""), want["name"]) and figure in _figures(found):
                    found_for[k] = i
                    break
    return [want for k, want in enumerate(expected) if k not in found_for]


def source_lines(text: str) -> list[str]:
    """The text as a writer's paragraphs: blank lines and leading indentation are layout."""
    return [line.lstrip(" \u3000\t").rstrip("\r") for line in text.splitlines() if line.strip(" \u3000\t")]


# --- the Word forms -----------------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def plain_word(lines: list[str], path: Path) -> Path:
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    word.save(path)
    return path


def numbered_parts(lines: list[str]) -> list[int] | None:
    """Indices of the 一、 headings when they run 一、二、三… from 一; None otherwise."""
    at = [i for i, line in enumerate(lines) if _PART_HEADING.match(line) and len(line) > 2]
    numbers = [_PART_HEADING.match(lines[i])[1] for i in at]
    if not at or len(numbers) > len(_CHINESE_DIGITS) or numbers != list(_CHINESE_DIGITS[: len(numbers)]):
        return None
    return at


def numbered_word(lines: list[str], path: Path) -> Path | None:
    """The text with its 一、 headings drawn by Word's numbering (chineseCounting, %1、), or None."""
    headings = numbered_parts(lines)
    if headings is None:
        return None
    word = docx.Document()
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {_W} w:abstractNumId="90"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
        f'<w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    ))
    numbering.append(parse_xml(f'<w:num {_W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for i, line in enumerate(lines):
        if i in headings:
            paragraph = word.add_paragraph(line[_PART_HEADING.match(line).end():])
            paragraph._p.get_or_add_pPr().insert(
                0, parse_xml(f'<w:numPr {_W}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
        else:
            word.add_paragraph(line)
    word.save(path)
    return path


# --- one run ------------------------------------------------------------------------------------

@dataclass
class Outcome:
    form: str
    ran: bool = True  # False: the form does not apply (no 一、 headings to number)
    exit_code: int = 0
    exact: bool = False
    pack: str | None = None
    year: Any = None
    half: Any = None
    items: int = 0
    statistics: int = 0
    named: int = 0  # of those, how many under exactly the annotated name (a writer's field, not 地区生产总值突破)
    extra: int = 0  # extracted indicators that stand for no annotated statistic
    message: str = ""
    missed: list = field(default_factory=list)  # what was not recognised, for --misses
    causes: Counter = field(default_factory=Counter)  # classes of what was missed, no text of it


@dataclass
class Text:
    name: str
    path: Path  # the text as published, indentation and blank lines included
    lines: list[str]  # its paragraphs, what a rebuilt text must equal
    expected: dict
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def items(self) -> list[str]:
        return [str(item) for item in self.expected.get("items") or []]

    @property
    def statistics(self) -> list[dict]:
        return list(self.expected.get("statistics") or [])


def run_draft(python: str, args: list[str], cwd: Path, code: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(code or ""), os.environ.get("PYTHONPATH")])))
    return subprocess.run([python, "-m", "drafting", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=300, env=env, check=False)


def measure_form(text: Text, form: str, work: Path, python: str, code: Path | None = None) -> Outcome:
    work.mkdir(parents=True, exist_ok=True)
    if form == "txt":
        source = work / f"{text.name}.txt"
        source.write_bytes(text.path.read_bytes())
    elif form == "docx":
        source = plain_word(text.lines, work / f"{text.name}.docx")
    else:
        source = numbered_word(text.lines, work / f"{text.name}.docx")
        if source is None:
            return Outcome(form, ran=False)
    target = work / f"{text.name}.yaml"
    done = run_draft(python, ["extract", str(source), "-o", str(target), "--overwrite"], work, code)
    outcome = Outcome(form, exit_code=done.returncode)
    if done.returncode != 0 or not target.exists():
        said = (done.stderr or done.stdout).strip().splitlines()
        outcome.message = said[-1] if said else ""
        return outcome
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    data = data if isinstance(data, dict) else {}
    built = run_draft(python, ["build", str(target), "--format", "txt"], work, code)
    outcome.exact = built.returncode == 0 and source_lines(built.stdout) == text.lines
    if not outcome.exact:
        outcome.message = "重新生成的文字与原文不同" if built.returncode == 0 else built.stderr.strip()[-200:]
    outcome.pack = data.get("pack")
    meeting = data.get("meeting") if isinstance(data.get("meeting"), dict) else {}
    outcome.year = meeting.get("year", data.get("year"))
    outcome.half = meeting.get("half", data.get("period"))
    leads, indicators = extracted_leads(data), extracted_indicators(data)
    missed_items, missed_statistics = items_missed(text.items, leads), statistics_missed(text.statistics, indicators)
    outcome.items = len(text.items) - len(missed_items)
    outcome.statistics = len(text.statistics) - len(missed_statistics)
    missed_names = statistics_missed(text.statistics, indicators, exact_names=True)
    outcome.named = len(text.statistics) - len(missed_names)
    outcome.extra = len(indicators) - outcome.statistics
    strings = strings_by_role(data)
    outcome.causes.update(f"item {where_item_stands(lead, leads, strings)}" for lead in missed_items)
    outcome.causes.update(f"statistic {where_statistic_stands(s, indicators, strings)}" for s in missed_statistics)
    outcome.missed = ([f"item: {lead}" for lead in missed_items]
                      + [f"statistic: {s['name']} {s.get('figure')}" for s in missed_statistics]
                      + [f"statistic under another name: {s['name']} {s.get('figure')}" for s in missed_names
                         if s not in missed_statistics]
                      + [f"extracted lead: {lead}" for lead in leads]
                      + [f"extracted indicator: {i.get('name')} {sorted(_figures(i))}" for i in indicators])
    return outcome


def load_texts(folder: Path) -> list[Text]:
    texts = []
    for path in sorted(folder.glob("*.txt")):
        annotation = path.with_name(f"{path.stem}.expected.yaml")
        if not annotation.exists():
            continue
        try:
            expected = yaml.safe_load(annotation.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise SystemExit(f"{annotation}: not readable YAML: {error}") from None
        texts.append(Text(path.stem, path, source_lines(path.read_text(encoding="utf-8")), expected))
    return texts


def year_right(text: Text, outcome: Outcome) -> bool | None:
    """Whether the year is the one the text gives; None when the text gives none."""
    wanted = text.expected.get("year")
    return None if wanted is None else str(outcome.year) == str(wanted)


def half_right(text: Text, outcome: Outcome) -> bool | None:
    """Whether the half (上半年…) is the one the text gives; None when the text gives none."""
    wanted = text.expected.get("half")
    return None if wanted is None else str(outcome.half) == str(wanted)


def year_from_today(text: Text, outcome: Outcome) -> bool:
    """The text names no year of its own and the extracted one is this year's (issue 11: never from today)."""
    return text.expected.get("year") is None and str(outcome.year) == str(date.today().year)


def ratio(found: int, wanted: int) -> str:
    return f"{found}/{wanted}" + (f" ({found / wanted:.0%})" if wanted else "")


def report(texts: list[Text], forms: Iterable[str]) -> Iterator[str]:
    forms = list(forms)
    yield "| text | form | exit | exact | pack | year | items | statistics | named exactly | other indicators |"
    yield "|---|---|---|---|---|---|---|---|---|---|"
    for text in texts:
        for o in text.outcomes:
            if not o.ran:
                continue
            pack = "ok" if o.pack == text.expected.get("pack") else f"{o.pack} ≠ {text.expected.get('pack')}"
            year = {None: "–", True: "ok"}.get(year_right(text, o), f"{o.year} ≠ {text.expected.get('year')}")
            yield (f"| {text.name} | {o.form} | {o.exit_code} | {'yes' if o.exact else 'NO'} | {pack} | {year} "
                   f"| {ratio(o.items, len(text.items))} | {ratio(o.statistics, len(text.statistics))} "
                   f"| {ratio(o.named, len(text.statistics))} | {o.extra} |")
    yield ""
    yield ("| form | texts | exit 0 | exact | pack right | year right | this year, text has none | half right | items "
           "| statistics | named exactly | other indicators |")
    yield "|---|---|---|---|---|---|---|---|---|---|---|---|"
    for form in forms:
        rows = [(t, o) for t in texts for o in t.outcomes if o.form == form and o.ran]
        yield (f"| {form} | {len(rows)} | {sum(o.exit_code == 0 for _, o in rows)} | {sum(o.exact for _, o in rows)} "
               f"| {sum(o.pack == t.expected.get('pack') for t, o in rows)} "
               f"| {ratio(sum(year_right(t, o) is True for t, o in rows), sum(year_right(t, o) is not None for t, o in rows))} "
               f"| {sum(year_from_today(t, o) for t, o in rows)} "
               f"| {ratio(sum(half_right(t, o) is True for t, o in rows), sum(half_right(t, o) is not None for t, o in rows))} "
               f"| {ratio(sum(o.items for _, o in rows), sum(len(t.items) for t, _ in rows))} "
               f"| {ratio(sum(o.statistics for _, o in rows), sum(len(t.statistics) for t, _ in rows))} "
               f"| {ratio(sum(o.named for _, o in rows), sum(len(t.statistics) for t, _ in rows))} "
               f"| {sum(o.extra for _, o in rows)} |")
    first = [o for t in texts for o in t.outcomes[:1] if o.ran]
    causes = sum((o.causes for o in first), Counter())
    if causes:
        yield ""
        yield f"Missed in the {forms[0]} form, by where the annotated text stands in the extracted YAML (totals):"
        yield from (f"- {cause}: {count}" for cause, count in sorted(causes.items(), key=lambda kv: (kv[0].split()[0], -kv[1])))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="texts (NAME.txt) with their annotations (NAME.expected.yaml)")
    parser.add_argument("--python", default=sys.executable, help="the python whose draft is measured (a venv's)")
    parser.add_argument("--code", type=Path,
                        help="a checkout whose drafting/ is measured instead of the installed one (put first on PYTHONPATH)")
    parser.add_argument("--forms", default=",".join(FORMS), help=f"comma-separated, of {', '.join(FORMS)}")
    parser.add_argument("--totals-only", action="store_true", help="print the totals, not the rows per text")
    parser.add_argument("--keep", type=Path, help="write the extracted files here instead of a temporary folder")
    parser.add_argument("--misses", action="store_true",
                        help="list what each text's first form missed, and what was extracted (tuning set only)")
    args = parser.parse_args(argv)
    forms = [f for f in args.forms.split(",") if f]
    texts = load_texts(args.folder)
    if not texts:
        print(f"no NAME.txt with NAME.expected.yaml in {args.folder}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        for text in texts:
            for form in forms:
                text.outcomes.append(measure_form(text, form, work / form, args.python, args.code))
    lines = list(report(texts, forms))
    print("\n".join(lines[lines.index("") + 1:] if args.totals_only else lines))
    if args.misses:
        for text in texts:
            first = text.outcomes[0]
            print(f"\n## {text.name} ({first.form}) {first.message}")
            print("\n".join(f"- {line}" for line in first.missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())

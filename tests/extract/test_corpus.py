"""Extraction measured on a corpus of speeches and reports written for these tests.

Each text in ``corpus/`` was written by hand in the genre's phrasing (none is
copied from a published speech), and ``expected.yaml`` says, also by hand, what
a reader sees in it: the pack it belongs to, its parts, its items at every
level and its statistics. The figures (recognised / expected, per form) are
printed by ``test_figures_over_the_corpus`` and must reach the issue's targets:
at least 85% of items and 80% of statistics. Every text must come back exactly
from .txt and from a .docx built here with python-docx, where the numbers of
parts, sections and items are Word's automatic numbering, not typed.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
import yaml

from drafting.model.indicators import Indicator, phrase_indicator
from drafting.readers import read_speech
from drafting.workflow.build import Builder, render_text
from drafting.workflow.extract import detect_pack, extract, speech_yaml

from ..docx_numbering import numbered_word_file
from . import printed_back

HERE = Path(__file__).parent
EXPECTED = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))
CASES = sorted(EXPECTED)
ITEM_TARGET, STATISTICS_TARGET = 0.85, 0.80
# typed markers that become Word numbering levels 0–3: 一、 （一） 1. （1）
_LEVELS = (re.compile(r"[一二三四五六七八九十]+、"), re.compile(r"（[一二三四五六七八九十]+）"), re.compile(r"\d+\.(?!\d)"),
           re.compile(r"（\d+）"))


def source(name: str) -> str:
    return (HERE / "corpus" / f"{name}.txt").read_text(encoding="utf-8")


def word_copy(name: str, tmp_path: Path) -> Path:
    """The text as a Word file; with ``word: numbered``, its 一、（一）1.（1） drawn by Word's numbering."""
    lines = source(name).splitlines()
    path = tmp_path / f"{name}.docx"
    if EXPECTED[name]["word"] != "numbered":
        word = docx.Document()
        for line in lines:
            word.add_paragraph(line)
        word.save(path)
        return path
    numbered: list = []
    last = [0] * len(_LEVELS)  # the number each level last showed, as Word counts it
    for line in lines:
        for level, pattern in enumerate(_LEVELS):
            m = pattern.match(line)
            if m and len(line) > m.end():
                last[level + 1 :] = [0] * (len(_LEVELS) - level - 1)  # a higher level restarts the lower
                # a 1 where Word would count on: the writer told Word to start again at 1
                restart = last[level] > 0 and re.match(r"[（]?[1一][、.）]", m.group())
                last[level] = 1 if restart else last[level] + 1
                numbered.append((level, line[m.end() :], "restart") if restart else (level, line[m.end() :]))
                break
        else:
            numbered.append(line)
    return numbered_word_file(numbered, path)


def extracted(path: Path, tmp_path: Path, pack=None):
    document = read_speech(path)
    extraction = extract(document, str(path), pack or detect_pack(document))
    target = tmp_path / "extracted.yaml"
    target.write_text(speech_yaml(extraction, ["测试"]), encoding="utf-8")
    rebuilt = render_text(Builder().draft(target))
    return extraction, "".join(line for line in rebuilt.splitlines(keepends=True) if line.strip())


def item_leads(data: dict) -> list[str]:
    """Every item the data holds, at every level, in order: items and sub-items, sections (a
    report's levels below 一、 count as items) and the items listed inside any paragraph."""
    leads: list[str] = []

    def walk(value, headed_items: bool) -> None:
        if isinstance(value, list):
            for child in value:
                walk(child, headed_items)
        elif isinstance(value, dict):
            for key, child in value.items():
                if key == "heading" and headed_items or key == "lead":
                    leads.append(child if isinstance(child, str) else printed_back(child))  # one holding statistics: as printed
                elif key == "sections":  # below the top level a section's heading is an item
                    walk(child, value is not data)
                elif isinstance(child, (list, dict)):
                    walk(child, False)

    walk(data, False)
    return leads


def matched(expected: list[str], found: list[str], accept) -> int:
    """How many expected entries are found, in order."""
    count, at = 0, 0
    for want in expected:
        for i in range(at, len(found)):
            if accept(found[i], want):
                count, at = count + 1, i + 1
                break
    return count


def figures(name: str, tmp_path: Path) -> tuple[int, int, int, int]:
    extraction, _ = extracted(HERE / "corpus" / f"{name}.txt", tmp_path)
    want = EXPECTED[name]
    items = matched(want["items"], item_leads(extraction.data), lambda lead, prefix: lead.startswith(prefix))
    # a statistic counts as recognised when the clause it prints (verb, name, figures) holds the key
    clauses = [phrase_indicator(Indicator.from_data(d)) for d in extraction.statistics]
    statistics = matched(want["statistics"], clauses, lambda found, key: key in found)
    return items, len(want["items"]), statistics, len(want["statistics"])


def test_the_corpus_covers_the_forms_the_issue_names():
    assert len(CASES) >= 20
    forms = " ".join(EXPECTED[name]["form"] for name in CASES)
    for form in ("一是", "一要", "第一，", "第一、", "第一句话", "（一）", "1.", "同段", "接排", "第一部分", "不编号",
                 "三层", "细目", "半角", "部分结尾", "统计", "工作总结", "全年", "Word 自动编号"):
        assert form in forms, form


@pytest.mark.parametrize("name", CASES)
def test_text_comes_back_exactly_from_txt(name, tmp_path):
    extraction, rebuilt = extracted(HERE / "corpus" / f"{name}.txt", tmp_path)
    assert rebuilt == source(name)


@pytest.mark.parametrize("name", CASES)
def test_text_comes_back_exactly_from_docx(name, tmp_path):
    _, rebuilt = extracted(word_copy(name, tmp_path), tmp_path)
    assert rebuilt == source(name)


@pytest.mark.parametrize("name", CASES)
def test_pack_and_parts(name, tmp_path):
    document = read_speech(HERE / "corpus" / f"{name}.txt")
    assert detect_pack(document) == EXPECTED[name]["pack"]
    extraction, _ = extracted(HERE / "corpus" / f"{name}.txt", tmp_path)
    data = extraction.data
    assert len(data.get("parts", data.get("sections", []))) == EXPECTED[name]["parts"]


@pytest.mark.parametrize("name", CASES)
def test_word_numbering_gives_the_same_structure_as_typed_numbers(name, tmp_path):
    from_text, _ = extracted(HERE / "corpus" / f"{name}.txt", tmp_path)
    from_word, _ = extracted(word_copy(name, tmp_path), tmp_path)
    assert item_leads(from_word.data) == item_leads(from_text.data)


def test_figures_over_the_corpus(tmp_path, capsys):
    rows, totals = [], [0, 0, 0, 0]
    for name in CASES:
        counts = figures(name, tmp_path)
        totals = [t + c for t, c in zip(totals, counts)]
        rows.append(f"{name:26} {EXPECTED[name]['form']:24} 要点 {counts[0]}/{counts[1]}  统计 {counts[2]}/{counts[3]}")
    items, statistics = totals[0] / totals[1], totals[2] / totals[3]
    rows.append(f"合计：要点 {totals[0]}/{totals[1]}（{items:.0%}），统计 {totals[2]}/{totals[3]}（{statistics:.0%}）")
    with capsys.disabled():
        print("\n" + "\n".join(rows))
    assert items >= ITEM_TARGET and statistics >= STATISTICS_TARGET, "\n".join(rows)


def test_shapes_the_issue_names(tmp_path):
    def data(name):
        return extracted(HERE / "corpus" / f"{name}.txt", tmp_path)[0].data

    # a part's closing after items with two body paragraphs: not filed under the last item
    first = data("c16-part-closing")["parts"][0]
    assert len(first["points"][0]["body"]) == 2 and len(first["points"][2]["body"]) == 1
    assert [p[:8] for p in first["closing"]] == ["在看到成绩的同时", "对于这些问题，我"]
    assert data("c16-part-closing")["parts"][1]["closing"][0].startswith("总之")
    # part headings run into their body
    part = data("c08-runin-part-headings")["parts"][0]
    assert part["heading"] == "提高站位，坚定抓项目的信心。" and part["run_in"] is True
    # parts with no numbers at all
    assert data("c11-unnumbered-parts")["part_numbering"] == "none"
    # pasted half-width punctuation: salutation, count phrase and items recognised through it
    pasted = data("c15-halfwidth")
    assert pasted["salutation"] == "同志们:" and pasted["count_phrase"] == "下面,我讲{n}点意见。"
    assert [p["enumeration"] for p in pasted["parts"]] == ["一是", "一是"]
    # a report: 落款 is the issuer and date, not a part's closing; levels 一、（一）1.（1）
    report = data("c18-report")
    assert (report["issuer"], report["date"], report["year"], report["period"]) == ("呼北区发展和改革局", "2025年7月8日", 2025, "上半年")
    assert report["sections"][0]["sections"][1]["sections"][1]["sections"][0]["heading"] == "交通基础设施项目X个。"
    # a year-end speech: its year from the title, no 上半年 anywhere
    assert data("c20-year-end")["meeting"] == {"name": "全县经济工作会议", "year": 2024}
    # sections hold items; items hold sub-items
    three = data("c14-four-level")["parts"][1]
    assert three["section_numbering"] == "（一）" and three["sections"][0]["enumeration"] == "一是"
    assert [s["lead"] for s in three["sections"][0]["points"][0]["subitems"]] == ["加快推进交通项目。", "加快推进水利项目。"]


@pytest.mark.parametrize("seed", range(6))
def test_never_gives_up_on_scrambled_texts(seed, tmp_path):
    """Lines of the corpus shuffled, dropped and mixed: whatever is recognised, the
    text comes back exactly (the report pack only where it was detected: it always prints a 落款)."""
    import random

    rng = random.Random(seed)
    for trial in range(8):
        lines = source(rng.choice(CASES)).splitlines()
        if trial % 3 == 0:
            rng.shuffle(lines)
        elif trial % 3 == 1:
            for _ in range(rng.randint(1, 5)):
                del lines[rng.randrange(len(lines))]
        else:
            at = rng.randrange(len(lines) + 1)
            lines[at:at] = rng.sample(source(rng.choice(CASES)).splitlines(), 3)
        path = tmp_path / f"{trial}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        _, rebuilt = extracted(path, tmp_path)
        assert rebuilt == "".join(line + "\n" for line in lines if line.strip()), path.read_text(encoding="utf-8")

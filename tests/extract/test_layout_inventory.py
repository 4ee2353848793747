"""Layouts real offices print that the other extraction tests do not cover: items run into a
part's or a section's heading, parts numbered 第一部分 or 一要, half-width and mixed markers,
items in the opening and the closing, a part whose last paragraph is its closing.

Each text in ``layouts/`` was written for this file in the genre's phrasing (invented places
and figures); its ``.expected.yaml`` holds the part headings and the items' leads, written by
hand from the text by the real corpus's rules (RULES.md, "Items": a lead runs from the marker
to the first 。；：！？, or to the end of a heading line) before the extractor was run on it.
The leads are compared the way benchmarks/extract_real.py compares them (without markers and
edge punctuation), from the .txt, from a .docx of the same paragraphs, from one whose 一、
headings are Word's automatic numbering, and from one whose every 一、（一）1.（1） is Word's
numbering (where Word would count as the text is typed); every form must build back exactly.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
import yaml

from drafting.readers import read_speech
from drafting.workflow.extract import extract_checked, source_text

HERE = Path(__file__).resolve().parent
LAYOUTS = HERE / "layouts"
SCRIPT = HERE.parent.parent / "benchmarks" / "extract_real.py"
NAMES = sorted(p.stem for p in LAYOUTS.glob("*.txt"))

# layouts the extraction does not recognise yet, and why (a strict xfail: recognising one fails the run)
NOT_YET = {
    "l11": "（一） and (二) mixed in one run: one numbering form prints every marker, so the mixed ones cannot print back",
}


def _real():
    spec = importlib.util.spec_from_file_location("extract_real", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extract_real", module)
    spec.loader.exec_module(module)
    return module


REAL = _real()


# typed markers Word's multilevel list draws as 一、 （一） 1. （1） (tests/docx_numbering.py's levels)
WORD_LEVELS = (re.compile(r"^[一二三四五六七八九十]+、"), re.compile(r"^（[一二三四五六七八九十]+）"),
               re.compile(r"^\d+\.(?!\d)"), re.compile(r"^（\d+）"))


def _word_numbered(lines: list[str], path: Path) -> Path | None:
    """The text with every typed marker of the four levels drawn by Word's numbering instead;
    None when the text has none, or when Word's counting would not show the typed numbers."""
    from tests.docx_numbering import numbered_word_file

    converted: list = []
    for line in lines:
        level = next((k for k, pattern in enumerate(WORD_LEVELS) if pattern.match(line)), None)
        converted.append(line if level is None else (level, line[WORD_LEVELS[level].match(line).end():]))
    if all(isinstance(line, str) for line in converted):
        return None
    numbered_word_file(converted, path)
    return path if REAL.source_lines(source_text(read_speech(path))) == lines else None


def _source(name: str, form: str, tmp_path: Path) -> Path | None:
    text = LAYOUTS / f"{name}.txt"
    lines = REAL.source_lines(text.read_text(encoding="utf-8"))
    if form == "txt":
        return text
    if form == "docx":
        return REAL.plain_word(lines, tmp_path / f"{name}.docx")
    if form == "docx-word-numbered":
        return _word_numbered(lines, tmp_path / f"{name}.docx")
    return REAL.numbered_word(lines, tmp_path / f"{name}.docx")


def _part_headings(data: dict) -> list[str]:
    parts = data.get("parts", data.get("sections", []))
    return [REAL.normalise_lead(REAL.printed_lead(part.get("heading", ""))) for part in parts if part]


CASES = [
    pytest.param(name, form, marks=[pytest.mark.xfail(reason=NOT_YET[name], strict=True)] if name in NOT_YET else [])
    for name in NAMES
    for form in ("txt", "docx", "docx-numbered", "docx-word-numbered")
]


@pytest.mark.parametrize(("name", "form"), CASES)
def test_layout_parts_and_items(tmp_path, name, form):
    expected = yaml.safe_load((LAYOUTS / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    source = _source(name, form, tmp_path)
    if source is None:
        pytest.skip("no headings Word would number as typed")
    document = read_speech(source)
    checked = extract_checked(document, str(source), expected["pack"], ["测试"], str(tmp_path / f"{name}.yaml"))
    assert checked.difference is None and checked.unverified is None
    data = checked.extraction.data
    if expected["parts"] is not None:  # null: the text has no part level (RULES.md), nothing to check
        assert _part_headings(data) == [REAL.normalise_lead(h) for h in expected["parts"]]
    assert REAL.items_missed(expected["items"], REAL.extracted_leads(data)) == []
    for part, closing in zip(data.get("parts", []), expected.get("closings", [])):
        assert (part.get("closing") or [None])[0] == closing


def test_every_layout_has_its_annotation():
    assert len(NAMES) >= 30
    for name in NAMES:
        expected = yaml.safe_load((LAYOUTS / f"{name}.expected.yaml").read_text(encoding="utf-8"))
        assert "parts" in expected and "items" in expected and expected["layout"], name


BOLD_LEADS = [
    "在青禾县上半年工作会议上的讲话",
    "同志们：",
    "今天召开上半年工作会议，我讲两点意见。",
    ("一、上半年工作回顾。", "上半年，全县经济运行总体平稳。"),
    ("（一）工业经济稳中有进。", "规上工业企业生产总体平稳。"),
    ("（二）项目建设加快推进。", "重点项目开复工率稳步提高。"),
    ("二、下半年重点工作。", "要聚焦年度目标抓落实。"),
    ("一是 抓好项目建设。", "要倒排工期，挂图作战。"),
    ("二是 抓好招商引资。", "要开展产业链精准招商。"),
]


def test_bold_leads_closed_by_a_full_stop_are_the_leads_word_shows(tmp_path):
    """Word's bold run at a paragraph's start is the lead a reader sees (a marker followed by a
    space, a lead closed by 。); parts and items come out as in the typed text, and build back."""
    import docx

    word = docx.Document()
    for line in BOLD_LEADS:
        paragraph = word.add_paragraph()
        if isinstance(line, tuple):
            paragraph.add_run(line[0]).bold = True
            paragraph.add_run(line[1])
        else:
            paragraph.add_run(line)
    source = tmp_path / "加粗.docx"
    word.save(source)
    checked = extract_checked(read_speech(source), str(source), "half-year-speech", ["测试"], str(tmp_path / "加粗.yaml"))
    assert checked.difference is None and checked.unverified is None
    data = checked.extraction.data
    assert _part_headings(data) == ["上半年工作回顾", "下半年重点工作"]
    assert [REAL.normalise_lead(lead) for lead in REAL.extracted_leads(data)] == [
        "工业经济稳中有进", "项目建设加快推进", "抓好项目建设", "抓好招商引资"]


def test_a_figure_after_a_full_stop_is_no_second_point():
    """1.……；2.…… is a list; 。2.5亿元 is a figure, so one 1. stays words."""
    from drafting.extraction.genre import inline_items

    assert inline_items("1.招商项目落地慢；2.企业融资难。").items == ["招商项目落地慢；", "企业融资难。"]
    assert inline_items("1.招商项目落地慢。2.5亿元的项目尚未开工，企业融资难。") is None

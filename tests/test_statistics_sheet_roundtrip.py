"""Every statistic the extraction tests recognise goes through the statistics sheet and back.

The writer's promise: ``draft extract --statistics-out`` writes the sheet, the statistics office
fills it, and next year's speech (its figures left X, ``statistics:`` naming the sheet) prints the
office's figures in the old speech's very phrasing. Each sentence of the extraction tests'
fixtures (written for those files in the genre's phrasing) is extracted, built, exported, and
(1) filled with the sheet's own 原稿 columns copied over: the speech prints exactly as before;
(2) filled with every figure one larger in size (a value +1, a change one more point in its own
direction, both ends of a range): the sentence prints with exactly those figures changed. The
expected sentence is the fixture's own text with the figures replaced here, by string position,
never taken from the program's output.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from drafting.model.indicators import is_placeholder
from drafting.readers.indicators import with_indicators
from drafting.source.yaml_writer import write_yaml
from drafting.workflow.build import Builder, render_text
from drafting.writers.statistics_sheet import indicators_in, statistics_sheet

FIXTURE_MODULES = [
    "tests.extract.test_statistic_inventory", "tests.extract.test_statistic_grammar",
    "tests.extract.test_general_phrasings", "tests.extract.test_statistic_phrasings_left",
    "tests.extract.test_statistic_phrasings_rises", "tests.extract.test_statistic_phrasings_unseen",
    "tests.extract.test_statistic_leads", "tests.extract.test_statistic_coverage",
]


def _strings(value):
    """Every sentence-like string in a fixture value (tuples, lists, dicts, pytest.param)."""
    if isinstance(value, str):
        if re.search(r"\d", value) and len(value) > 6:
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value[:1] if isinstance(value, tuple) else value:
            yield from _strings(item)
    elif hasattr(value, "values") and isinstance(getattr(value, "values"), tuple):  # pytest.param
        yield from _strings(value.values[:1])


def fixture_sentences() -> list[str]:
    """The sentences the extraction fixtures list: module-level tables and parametrize lists."""
    found: dict[str, None] = {}
    for name in FIXTURE_MODULES:
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if attribute.isupper():
                found.update((s, None) for s in _strings(value))
            for mark in getattr(value, "pytestmark", []):
                if mark.name == "parametrize":
                    found.update((s, None) for s in _strings(mark.args[1]))
    return [s for s in found if not isinstance(with_indicators(s), str)]


SENTENCES = fixture_sentences()


def _speech(paragraph: dict, statistics: bool) -> dict:
    speech = {"pack": "half-year-speech", "meeting": {"name": "测试", "year": 2025},
              "parts": [{"heading": "经济运行", "intro": [paragraph]}]}
    if statistics:
        speech["statistics"] = "指标.xlsx"
    return speech


BUILDER = Builder()  # the pack loaded once for the hundreds of sentences


def _built(folder: Path, speech: dict) -> str:
    path = folder / "讲话.yaml"
    path.write_text(write_yaml(speech, {}, []), encoding="utf-8")
    return render_text(BUILDER.draft(path))


_BEFORE: dict[str, str] = {}  # each sentence's speech built once for both tests


def _built_before(folder: Path, sentence: str, paragraph: dict) -> str:
    if sentence not in _BEFORE:
        _BEFORE[sentence] = _built(folder, _speech(paragraph, False))
    return _BEFORE[sentence]


def _known(figure) -> bool:
    return figure is not None and figure != "" and not is_placeholder(figure)


def _left_to_the_sheet(paragraph: dict) -> dict:
    """Next year's paragraph: every value and change the sheet carries written X."""
    import copy

    later = copy.deepcopy(paragraph)
    for indicator in later["indicators"]:
        for key in ("value", "change"):
            if _known(indicator.get(key)):
                indicator[key] = "X"
    return later


def _sheet(folder: Path, paragraph: dict, fill) -> None:
    """The exported sheet, its 本期 and 同比增长 columns filled by ``fill(row cells)``."""
    path = folder / "指标.xlsx"
    path.write_bytes(statistics_sheet(indicators_in(paragraph), "讲话.txt"))
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for row in range(3, sheet.max_row + 1):
        if sheet.cell(row, 1).value and not str(sheet.cell(row, 1).value).startswith("注"):
            value, change = fill(sheet.cell(row, 5).value, sheet.cell(row, 6).value)
            sheet.cell(row, 3).value, sheet.cell(row, 4).value = value, change
    book.save(path)


def _names_once(paragraph: dict) -> bool:
    names = [i["name"] for i in paragraph["indicators"]]
    return len(names) == len(set(names))


def _without_spaces_in_figures(sentence: str, paragraph: dict) -> str:
    """The one change the sheet makes: a PDF's space inside a figure (24. 3, kept as text in the YAML)
    is no part of the number a cell holds, so the figure comes back as 24.3."""
    for indicator in paragraph["indicators"]:
        value = indicator.get("value")
        if isinstance(value, str) and not indicator.get("as_written") and re.fullmatch(r"[\d.]+( [\d.]+)+", value):
            sentence = sentence.replace(value, value.replace(" ", ""), 1)
    return sentence


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_sheet_copied_back_prints_the_speech_as_it_was(tmp_path, sentence):
    paragraph = with_indicators(sentence)
    if not _names_once(paragraph):
        pytest.skip("one name twice in a sentence: see test_one_row_filling_two_statistics_is_said")
    before = _built_before(tmp_path, sentence, paragraph)
    assert sentence in before.splitlines()
    _sheet(tmp_path, paragraph, lambda value, change: (value, change))
    after = _built(tmp_path, _speech(_left_to_the_sheet(paragraph), True))
    assert after == before.replace(sentence, _without_spaces_in_figures(sentence, paragraph))


def test_one_row_filling_two_statistics_is_said(tmp_path):
    """出栏生猪… 存栏生猪…: both are named 生猪, the sheet has one row for them."""
    sentence = "出栏生猪38.6万头，同比增长4.5%；存栏生猪21.2万头。"
    paragraph = with_indicators(sentence)
    assert [i["name"] for i in paragraph["indicators"]] == ["生猪", "生猪"]
    _sheet(tmp_path, paragraph, lambda value, change: (value, change))
    path = tmp_path / "讲话.yaml"
    path.write_text(write_yaml(_speech(_left_to_the_sheet(paragraph), True), {}, []), encoding="utf-8")
    draft = BUILDER.draft(path)
    # the second says no change: the sheet's change is not added to it
    assert "出栏生猪38.6万头，同比增长4.5%；存栏生猪38.6万头。" in render_text(draft).splitlines()
    said = [str(p) for p in draft.warnings if "填入了讲话中的 2 处" in str(p)]
    assert len(said) == 2 and all("请在 YAML 中直接写其中一处的数" in s for s in said)


# ---- every figure one larger: the expected sentence computed from the sentence itself

def _plus_one(figure):
    """The figure one larger in size, its sign kept (a fall falls one more)."""
    number = Decimal(str(figure))
    return number + (1 if number >= 0 else -1)


def _number(text: Decimal):
    return int(text) if text == text.to_integral_value() and "." not in str(text) else float(text)


def _plain(figure) -> str:
    text = str(abs(Decimal(str(figure))))
    return text


def _replace_after(sentence: str, at: int, old: str, new: str) -> tuple[str, int]:
    """``old`` (a whole figure, not part of a longer number) replaced at its first place after ``at``."""
    found = re.compile(rf"(?<![\d.]){re.escape(old)}(?![\d])").search(sentence, at)
    assert found is not None, (old, sentence[at:])
    return sentence[:found.start()] + new + sentence[found.end():], found.start() + len(new)


def _range_cell(change) -> tuple[Decimal, Decimal] | None:
    found = re.fullmatch(r"(-?[\d.]+)[—～至~\-–到](-?[\d.]+)", str(change))
    return (Decimal(found[1]), Decimal(found[2])) if found else None


def _expected(sentence: str, paragraph: dict) -> tuple[str, dict]:
    """The sentence with every sheet figure one larger, and the sheet's new cells by name."""
    cells: dict[str, tuple] = {}
    at = 0
    for indicator in paragraph["indicators"]:
        at = sentence.find(indicator["name"], at)
        assert at >= 0
        at += len(indicator["name"])
        value, change = indicator.get("value"), indicator.get("change")
        new_value = new_change = None
        if _known(value) and isinstance(value, (int, float)):
            new_value = _plus_one(value)
            sentence, at = _replace_after(sentence, at, _plain(value), _plain(new_value))
        elif _known(value) and isinstance(value, str):  # 1,234 · １２３．４５ · 24. 3: the office types a number
            new_value = _plus_one(re.sub(r"[\s,]", "", unicodedata.normalize("NFKC", value)))
            sentence, at = _replace_after(sentence, at, value, _plain(new_value))
        if indicator.get("ratio") and new_value is not None:  # 12.3:45.6:42.1: every term one larger
            terms = [_plus_one(term) for term in indicator["ratio"].split(":")[1:]]
            for old, new in zip(indicator["ratio"].split(":")[1:], terms):
                sentence, at = _replace_after(sentence, at, old, _plain(new))
            new_value = ":".join(_plain(term) for term in [new_value, *terms])
        if _known(change) and indicator.get("as_written") and isinstance(change, str):
            new_change = _plus_one(unicodedata.normalize("NFKC", change))
            sentence, at = _replace_after(sentence, at, change, _plain(new_change))
        elif _known(change) and isinstance(change, (int, float)) and change != 0:
            signed = -abs(change) if indicator.get("trend") == "下降" else change
            new_change = _plus_one(signed)
            sentence, at = _replace_after(sentence, at, _plain(change), _plain(new_change))
            if _known(indicator.get("change_to")):
                upper = -abs(indicator["change_to"]) if signed < 0 else indicator["change_to"]
                new_upper = _plus_one(upper)
                sentence, at = _replace_after(sentence, at, _plain(upper), _plain(new_upper))
                new_change = f"{new_change}—{new_upper}"
        cells[indicator["name"]] = (
            None if new_value is None else new_value if isinstance(new_value, str) else _number(new_value),
            None if new_change is None else new_change if isinstance(new_change, str) else _number(new_change),
        )
    return sentence, cells


def _plus_one_sheet(folder: Path, paragraph: dict, cells: dict) -> None:
    path = folder / "指标.xlsx"
    path.write_bytes(statistics_sheet(indicators_in(paragraph), "讲话.txt"))
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for row in range(3, sheet.max_row + 1):
        name = sheet.cell(row, 1).value
        if name in cells:
            sheet.cell(row, 3).value, sheet.cell(row, 4).value = cells[name]
    book.save(path)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_new_figures_in_the_sheet_change_the_sentence_exactly_there(tmp_path, sentence):
    paragraph = with_indicators(sentence)
    if not _names_once(paragraph):
        pytest.skip("one name twice in a sentence: see test_one_row_filling_two_statistics_is_said")
    before = _built_before(tmp_path, sentence, paragraph)
    expected, cells = _expected(sentence, paragraph)
    _plus_one_sheet(tmp_path, paragraph, cells)
    after = _built(tmp_path, _speech(_left_to_the_sheet(paragraph), True))
    assert after == before.replace(sentence, expected, 1)


# ---- a ratio (三次产业结构调整为12.3:45.6:42.1) is one figure of several terms

RATIO_SENTENCE = "全县三次产业结构调整为12.3:45.6:42.1。"


def _ratio_speech(tmp_path, value, statistics=False):
    paragraph = with_indicators(RATIO_SENTENCE)
    paragraph["indicators"][0]["value"] = value
    path = tmp_path / "讲话.yaml"
    path.write_text(write_yaml(_speech(paragraph, statistics), {}, []), encoding="utf-8")
    return BUILDER.draft(path)


@pytest.mark.parametrize("typed", ["11.8:44.9:43.3", "11.8：44.9：43.3", " 11.8 : 44.9 : 43.3 "])
def test_a_ratio_typed_whole_in_the_yaml_replaces_the_old_terms(tmp_path, typed):
    assert "全县三次产业结构调整为11.8:44.9:43.3。" in render_text(_ratio_speech(tmp_path, typed)).splitlines()


def test_the_sheet_shows_a_ratio_whole(tmp_path):
    _sheet(tmp_path, with_indicators(RATIO_SENTENCE), lambda value, change: (value, change))
    row = list(openpyxl.load_workbook(tmp_path / "指标.xlsx").active.iter_rows(min_row=3, max_row=3, values_only=True))[0]
    assert row[0] == "三次产业结构" and row[4] == "12.3:45.6:42.1"


def test_a_single_number_for_a_ratio_in_the_sheet_is_refused_naming_the_row(tmp_path):
    _sheet(tmp_path, with_indicators(RATIO_SENTENCE), lambda value, change: (11.8, None))
    draft = _ratio_speech(tmp_path, "X", statistics=True)
    assert "全县三次产业结构调整为X:45.6:42.1。" in render_text(draft).splitlines()
    said = [str(p) for p in draft.warnings if "比例" in str(p)]
    assert len(said) == 1 and "第3行" in said[0] and "11.8" in said[0] and "未取表中的数" in said[0]


# ---- what the sheet has no column for is said on its row and when it fills the rest

BEYOND = "全县固定资产投资完成52.7亿元，同比增长8.3%，占年度计划的54.2%，增速居全市第2位。"


def test_figures_the_sheet_cannot_carry_are_said_on_the_row(tmp_path):
    _sheet(tmp_path, with_indicators(BEYOND), lambda value, change: (value, change))
    row = list(openpyxl.load_workbook(tmp_path / "指标.xlsx").active.iter_rows(min_row=3, max_row=3, values_only=True))[0]
    assert row[6] == "讲话中还有占比：占年度计划的54.2%；位次：增速居全市第2位。本表不含这些数"


def test_filling_the_rest_says_the_share_and_rank_are_still_the_yamls(tmp_path):
    paragraph = with_indicators(BEYOND)
    assert paragraph["indicators"][0]["rank_verb"] == "增速居"  # the rank as the fixture's grammar reads it
    _sheet(tmp_path, paragraph, lambda value, change: (60.1, 9.9))
    path = tmp_path / "讲话.yaml"
    path.write_text(write_yaml(_speech(_left_to_the_sheet(paragraph), True), {}, []), encoding="utf-8")
    draft = BUILDER.draft(path)
    assert "全县固定资产投资完成60.1亿元，同比增长9.9%，占年度计划的54.2%，增速居全市第2位。" in render_text(draft).splitlines()
    said = [str(p) for p in draft.warnings if "统计表中没有" in str(p)]
    assert len(said) == 1 and "占比、位次" in said[0] and "第3行" in said[0]


@pytest.mark.parametrize("trend", ["下降", "回落", "收窄", "减少"])
def test_a_fall_typed_as_a_size_and_its_word_goes_to_the_sheet_negative_and_comes_back(tmp_path, trend):
    """{change: 0.6, trend: 回落}, as a writer may type it: the sheet's column says a fall with a minus."""
    paragraph = {"indicators": [{"name": "规上工业增加值", "change": 0.6, "trend": trend, "change_unit": "个百分点",
                                 "compare": "增速比一季度"}], "after": "。"}
    sentence = f"规上工业增加值增速比一季度{trend}0.6个百分点。"
    assert _built(tmp_path, _speech(paragraph, False)).splitlines().count(sentence) == 1
    _sheet(tmp_path, paragraph, lambda value, change: (value, change))
    row = list(openpyxl.load_workbook(tmp_path / "指标.xlsx").active.iter_rows(min_row=3, max_row=3, values_only=True))[0]
    assert row[5] == -0.6
    assert sentence in _built(tmp_path, _speech(_left_to_the_sheet(paragraph), True)).splitlines()


def test_an_earlier_level_and_the_year_of_the_value_are_said_on_the_row(tmp_path):
    paragraph = {"indicators": [{"name": "财政总收入", "earlier": 2.66, "earlier_when": "2020年的", "value": 4.56,
                                 "unit": "亿元", "verb": "增加到", "value_when": "2022年的"}], "after": "。"}
    _sheet(tmp_path, paragraph, lambda value, change: (value, change))
    row = list(openpyxl.load_workbook(tmp_path / "指标.xlsx").active.iter_rows(min_row=3, max_row=3, values_only=True))[0]
    assert row[4:] == (4.56, None, "讲话中还有原来的数值：2.66亿元；数值前的时间：2022年的。本表不含这些数")


def test_a_ratio_excel_took_for_a_time_is_said_with_the_fix(tmp_path):
    """城乡居民收入比 2:1 typed in Excel becomes 02:01:00: unknown, and the message says why."""
    from datetime import time

    from drafting.readers.sheet import read_sheets
    from drafting.readers.statistics import read_table

    book = openpyxl.Workbook()
    book.active.append(["指标名称", "计量单位", "本期", "同比增长（%）"])
    book.active.append(["城乡居民收入比", None, time(2, 1), None])
    book.save(tmp_path / "指标.xlsx")
    [sheet] = read_sheets(tmp_path / "指标.xlsx")
    row = read_table(sheet).rows["城乡居民收入比"][0]
    assert row.value is None and len(row.unreadable) == 1
    assert "当作时间" in row.unreadable[0] and "设为文本" in row.unreadable[0]

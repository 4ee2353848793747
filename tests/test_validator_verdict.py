"""One verdict on the writer's data, whichever validator gives it.

jsonschema-rs (the quick path) reads a schema's patterns as ECMA-262, as JSON
Schema says; jsonschema hands them to Python's re. The pack's patterns are
rewritten so both read ECMA's meaning (drafting/source/patterns.py): here the
cases where the two dialects disagree, and random text against every pattern
of the built-in packs, must get the same answer from both."""

import re

import jsonschema
import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.errors import PackError, SchemaError
from drafting.packs.finder import Pack, list_packs
from drafting.source.patterns import PatternProblem, portable_pattern, portable_schema
from drafting.source.schema import PackSchema, make_validator, validate
from drafting.source.yaml_loader import parse_speech


def both(schema: dict, value) -> tuple[bool, bool]:
    """(quick path, jsonschema) on the same checked schema, as validate() uses them."""
    checked = PackSchema(schema)
    return checked.surely_valid(value), checked.full().is_valid(value)


# pattern, text, ECMA-262's answer (what a JSON Schema validator must say; what the
# writer's editor, VS Code's YAML extension, says too)
DISAGREEING = [
    (r"^\d{4}$", "２０２５", False),  # full-width digits: Python's \d takes them
    (r"^\d{4}$", "2025", True),
    (r"^\d{4}$", "2025\n", False),  # Python's $ also matches before a last newline
    (r"^[a-z]+$", "abc\n", False),
    (r"^\w+$", "中文", False),  # Python's \w is Unicode
    (r"^\w+$", "abc_1", True),
    (r"^\s$", "\ufeff", True),  # a BOM is ECMA whitespace, not Python's
    (r"^\s$", "\x1c", False),  # and the other way round
    (r"^\s$", "\u3000", True),
    (r"^\S+$", "甲\x1c", True),
    (r"^.$", "\r", False),  # ECMA's . stops at \r, Python's does not
    (r"^.$", "中", True),
    (r"^a.c$", "a\u2028c", False),
    (r"x\b", "x中", True),  # ECMA's \b: 中 is not a word character
    (r"x\B", "x中", False),
    (r"^[\d.]+$", "１.５", False),
    (r"^[\w-]+$", "甲-乙", False),
    (r"^[^\d]+$", "２", True),
]


CONTROLS = {(r"^\d{4}$", "2025"), (r"^\w+$", "abc_1"), (r"^\s$", "\u3000"), (r"^.$", "中")}


@pytest.mark.parametrize("pattern, text, ecma", DISAGREEING)
def test_without_the_rewrite_a_validator_answers_otherwise(pattern, text, ecma):
    """Each case is worth testing: jsonschema (Python's re) or jsonschema-rs alone
    would not give ECMA's answer (rs reads \b as Unicode), or it is the control
    case beside one that does."""
    raw = {"type": "string", "pattern": pattern}
    answers = {jsonschema_rs.Draft202012Validator(raw).is_valid(text), jsonschema.Draft202012Validator(raw).is_valid(text)}
    assert answers != {ecma} or (pattern, text) in CONTROLS


@pytest.mark.parametrize("pattern, text, ecma", DISAGREEING)
def test_both_validators_give_ecmas_answer(pattern, text, ecma):
    assert both({"type": "string", "pattern": pattern}, text) == (ecma, ecma)


@pytest.mark.parametrize("pattern, text, ecma", DISAGREEING)
def test_pattern_properties_and_property_names_too(pattern, text, ecma):
    assert both({"type": "object", "patternProperties": {pattern: True}, "additionalProperties": False},
                {text: 1}) == (ecma, ecma)
    assert both({"type": "object", "propertyNames": {"pattern": pattern}}, {text: 1}) == (ecma, ecma)


def test_a_full_width_date_is_reported_not_passed(tmp_path):
    """Before: jsonschema-rs said no, jsonschema found nothing wrong, the data passed."""
    pack = next(p for p in list_packs() if p.name == "half-year-speech")
    speech = parse_speech("meeting: {name: 会议, year: 2025}\ndate: ２０２５-07-15\nparts: [{heading: 甲}]\n".encode(), "a.yaml")
    with pytest.raises(SchemaError) as info:
        validate(speech, make_validator(pack))
    assert "讲话日期格式不对" in str(info.value) and info.value.problems[0].location.line == 2


def test_formats_are_left_to_drafts_own_checks_in_both():
    for fmt, text in [("email", "不是邮箱"), ("date", "2025-13-45"), ("speech-date", "x"), ("uri", "::")]:
        assert both({"type": "string", "format": fmt}, text) == (True, True)


def test_a_fractional_multiple_of_is_judged_by_jsonschema_alone():
    schema = {"type": "number", "multipleOf": 0.1}
    checked = PackSchema(schema)
    assert checked._quick is None  # jsonschema-rs says 0.3 is a multiple of 0.1, Python's floats do not
    assert checked.surely_valid(0.3) is False and checked.full().is_valid(0.3) is False
    assert PackSchema({"type": "integer", "multipleOf": 5})._quick is not None


@pytest.mark.parametrize("pattern", [r"[\D]", r"[^\S]", r"[]a]", r"[^]", r"[a", r"(?P<x", r"a{2,1}"])
def test_a_pattern_with_no_common_meaning_is_the_packs_mistake(tmp_path, pattern):
    with pytest.raises(PatternProblem):
        portable_pattern(pattern)
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "template.xml.j2").write_text("<doc/>", encoding="utf-8")
    import json

    (folder / "schema.json").write_text(json.dumps(
        {"type": "object", "properties": {"code": {"type": "string", "pattern": pattern}}}, indent=2), encoding="utf-8")
    with pytest.raises(PackError) as info:
        make_validator(Pack("p", folder))
    assert info.value.location.line == 6 and "code" in info.value.message and "正则" in info.value.message


def all_patterns(node) -> list[str]:
    if isinstance(node, list):
        return [p for item in node for p in all_patterns(item)]
    if not isinstance(node, dict):
        return []
    found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
    found += list(node.get("patternProperties", {}))
    return found + [p for k, v in node.items() if k not in ("enum", "const", "examples", "default") for p in all_patterns(v)]


PACK_PATTERNS = sorted({p for pack in list_packs() for p in all_patterns(pack.schema)})
ALL_PATTERNS = PACK_PATTERNS + [p for p, _, _ in DISAGREEING]
# text that touches every difference: digits of both widths, CJK and its numerals,
# every kind of space and line end, word characters and punctuation
ALPHABET = "0123456789０１２３４５６７８９年月日二〇一十-aZ_中呼玛é ：:.\n\r\t\u3000\ufeff\x1c\u2028\u00a0𠀀"


def test_the_built_in_packs_have_patterns_to_check():
    assert len(PACK_PATTERNS) >= 2  # the speech date and the pronunciations' words


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALL_PATTERNS), st.text(alphabet=ALPHABET, max_size=14))
def test_random_text_gets_one_verdict_and_it_is_ecmas(pattern, text):
    portable = portable_pattern(pattern)
    ecma = jsonschema_rs.Draft202012Validator({"type": "string", "pattern": portable}).is_valid(text)
    if "\\b" not in pattern and "\\B" not in pattern:  # rs is ECMA but for \b (Unicode there)
        assert jsonschema_rs.Draft202012Validator({"type": "string", "pattern": pattern}).is_valid(text) is ecma
    assert bool(re.search(portable, text)) is ecma
    assert jsonschema.Draft202012Validator({"type": "string", "pattern": portable}).is_valid(text) is ecma


def test_the_schema_the_editor_gets_keeps_the_pattern_as_written():
    """VS Code reads patterns as JavaScript (ECMA) itself: it gets them unchanged."""
    pack = next(p for p in list_packs() if p.name == "half-year-speech")
    assert r"\d{4}" in pack.schema["properties"]["date"]["pattern"]
    assert portable_schema(pack.schema)["properties"]["date"]["pattern"] != pack.schema["properties"]["date"]["pattern"]

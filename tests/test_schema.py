import copy
import json

import pytest

from drafting.source.yaml_loader import load_speech, parse_speech
from drafting.errors import PackError, SchemaError
from drafting.packs.finder import Pack, find_pack
from drafting.source.schema import PackSchema, compile_plan, make_validator, validate

from .conftest import MINIMAL, SEED_YAML


@pytest.fixture
def pack_schema():
    return PackSchema(find_pack("half-year-speech").schema)


def test_valid_data_is_never_walked_by_jsonschema(pack_schema, monkeypatch):
    calls = []
    monkeypatch.setattr(PackSchema, "full", lambda self: calls.append(1) or pytest.fail("jsonschema used"))
    validate(load_speech(SEED_YAML), pack_schema)
    assert calls == []


def test_invalid_data_gets_every_problem_from_jsonschema(pack_schema):
    text = MINIMAL.replace("year: 2025", "year: 二〇二五").replace("name: 测试会议", "name: 测试会议\n  hlf: 上半年")
    with pytest.raises(SchemaError) as caught:
        validate(parse_speech(text.encode(), "x.yaml"), pack_schema)
    fields = [p.location.field for p in caught.value.problems]
    assert "meeting.year" in fields and "meeting.hlf" in fields


def test_data_the_quick_validator_cannot_read_goes_to_jsonschema(pack_schema):
    assert pack_schema.surely_valid({1: "a key that is not text"}) is False


def test_a_broken_pack_schema_is_still_reported_by_jsonschema():
    from jsonschema.exceptions import SchemaError as BrokenSchema

    with pytest.raises(BrokenSchema):
        PackSchema({"type": "no-such-type"})


def test_every_unknown_key_is_reported_at_its_line(pack_schema):
    text = MINIMAL.replace("name: 测试会议", "name: 测试会议\n  hlf: 上半年\n  yaer: 2025")
    with pytest.raises(SchemaError) as caught:
        validate(parse_speech(text.encode(), "x.yaml"), pack_schema)
    unknown = [(p.location.field, p.location.line) for p in caught.value.problems if "未知的键" in p.message]
    assert unknown == [("meeting.hlf", 4), ("meeting.yaer", 5)]


def test_rules_without_a_chinese_message_are_named_not_left_in_english():
    schema = {"type": "object", "properties": {
        "a": {"title": "甲", "uniqueItems": True}, "b": {"title": "乙", "not": {"type": "string"}},
        "c": {"title": "丙", "minLength": 3},
    }}
    with pytest.raises(SchemaError) as caught:
        validate(parse_speech("a: [1, 1]\nb: x\nc: 一\n".encode(), "x.yaml"), PackSchema(schema))
    assert [p.message for p in caught.value.problems] == [
        "甲中有重复的项", "乙不符合模板包 schema.json 中“not”的要求", "丙太短：至少 3 个字符",
    ]


def _pack_with_schema(tmp_path, schema: dict) -> Pack:
    folder = tmp_path / "my-pack"
    folder.mkdir()
    (folder / "schema.json").write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    return Pack("my-pack", folder)


def test_a_broken_pack_schema_is_the_packs_mistake_with_file_line_and_path(tmp_path):
    schema = {"type": "object", "properties": {"title": {"type": "string"}, "year": {"type": "integr"}}}
    with pytest.raises(PackError) as caught:
        make_validator(_pack_with_schema(tmp_path, schema))
    message = str(caught.value)
    assert "my-pack" in message and "properties.year.type" in message and '"integr"' in message
    assert caught.value.location.file.endswith("schema.json") and caught.value.location.line == 8


@pytest.mark.parametrize(
    "defs, problem",
    [({}, "指向的定义不存在"), ({"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "循环引用")],
)
def test_a_ref_that_leads_nowhere_is_the_packs_mistake(tmp_path, defs, problem):
    schema = {"$defs": defs, "type": "object", "properties": {"x": {"$ref": "#/$defs/a"}}}
    with pytest.raises(PackError) as caught:
        make_validator(_pack_with_schema(tmp_path, schema))
    assert "$ref “#/$defs/a”" in str(caught.value) and problem in str(caught.value)
    assert caught.value.location.line is not None


def test_boolean_subschemas_are_valid_json_schema(tmp_path):
    schema = {"type": "object", "properties": {"note": True, "x": {"type": "string", "default": "甲"}}}
    validator = make_validator(_pack_with_schema(tmp_path, schema))
    # pronunciations: draft's own key, in every pack (engine_fields)
    assert validate(parse_speech(b"note: [1, 2]\n", "x.yaml"), validator).values == {"note": [1, 2], "x": "甲", "pronunciations": {}}


def _old_apply_defaults(value, schema, root):
    """The straightforward recursive fill the compiled plan must agree with."""
    from drafting.source.schema import _fits, _wanted_types
    from drafting.source.schema import resolve_ref as _resolve

    schema = _resolve(schema, root)
    for key in ("anyOf", "oneOf"):
        for branch in schema.get(key, []):
            required = _resolve(branch, root).get("required", ())
            if _fits(_wanted_types(branch, root), value) and (
                not isinstance(value, dict) or all(k in value for k in required)
            ):
                _old_apply_defaults(value, branch, root)
                break
    if isinstance(value, dict):
        for key, sub in schema.get("properties", {}).items():
            sub = _resolve(sub, root)
            if key not in value and "default" in sub:
                value[key] = copy.deepcopy(sub["default"])
            if key in value:
                _old_apply_defaults(value[key], sub, root)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for item in value:
            _old_apply_defaults(item, schema["items"], root)


@pytest.mark.parametrize("source", ["seed", "example", "minimal"])
def test_defaults_fill_like_a_full_walk_without_touching_the_input(source, pack_schema):
    pack = find_pack("half-year-speech")
    speech = {
        "seed": lambda: load_speech(SEED_YAML),
        "example": lambda: load_speech(pack.example_file),
        "minimal": lambda: parse_speech(MINIMAL.encode(), "m.yaml"),
    }[source]()
    before = copy.deepcopy(speech.values)
    expected = copy.deepcopy(speech.values)
    _old_apply_defaults(expected, pack.schema, pack.schema)
    filled = validate(speech, pack_schema).values
    assert json.dumps(filled, ensure_ascii=False, default=str) == json.dumps(expected, ensure_ascii=False, default=str)
    assert speech.values == before  # the loaded data stays as written (warnings read it)
    assert filled != before


def test_defaults_plan_skips_subtrees_without_defaults():
    schema = {
        "type": "object",
        "properties": {
            "text": {"type": "array", "items": {"type": "string"}},
            "mode": {"type": "string", "default": "a"},
        },
    }
    plan = compile_plan(schema, schema)
    assert [entry[0] for entry in plan.properties] == ["mode"]  # "text" is never visited
    data = {"text": ["x"] * 3}
    assert plan.apply(data) == {"text": ["x"] * 3, "mode": "a"}
    assert plan.apply({"text": [], "mode": "b"}) == {"text": [], "mode": "b"}
    assert compile_plan(schema["properties"]["text"], schema) is None


def test_recursive_schema_defaults():
    schema = {
        "$defs": {"node": {"type": "object", "properties": {
            "kind": {"default": "leaf"},
            "children": {"type": "array", "items": {"$ref": "#/$defs/node"}},
        }}},
        "$ref": "#/$defs/node",
    }
    plan = compile_plan(schema, schema)
    assert plan.apply({"children": [{"children": [{}]}]}) == {
        "children": [{"children": [{"kind": "leaf"}], "kind": "leaf"}],
        "kind": "leaf",
    }


@pytest.mark.parametrize(
    "value, message", [('"正文\\x01"', "控制字符 U+0001"), (".inf", "不是有效的数字（inf）")]
)
def test_unprintable_values_are_still_found_after_an_escape(pack_schema, value, message):
    speech = parse_speech(MINIMAL.replace("正文一。", value).encode(), "x.yaml")
    assert speech.source.all_printable is False
    with pytest.raises(SchemaError) as caught:
        validate(speech, pack_schema)
    assert any(message in p.message for p in caught.value.problems)

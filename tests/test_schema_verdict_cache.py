"""A pack's schema is checked (its $refs, its patterns, jsonschema-rs's view of it)
once, and the verdict kept in draft's cache folder; a later process builds the
validators from it. A schema that changed, or a damaged entry, is checked again,
so a broken schema is never let through by the cache."""

import json

import pytest

import drafting.source.schema as schema_module
from drafting import cache
from drafting.errors import PackError, SchemaError
from drafting.packs.finder import Pack
from drafting.source.schema import make_validator, validate
from drafting.source.yaml_loader import parse_speech

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "通知", "description": "测试用。",
    "type": "object", "required": ["title"], "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "title": "标题"},
        "year": {"type": "integer", "title": "年份", "default": 2025},
        "number": {"type": "string", "title": "文号", "pattern": "^\\d{3}$"},
    },
}


@pytest.fixture
def pack(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "notice"
    folder.mkdir()
    (folder / "template.xml.j2").write_text("<doc><p>{{ title }}{{ year }}{{ number }}</p></doc>", encoding="utf-8")
    write_schema(folder, SCHEMA)
    return Pack("notice", folder)


def write_schema(folder, schema):
    (folder / "schema.json").write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")


@pytest.fixture
def checks(monkeypatch):
    """How many times the schema's $refs were checked (the first of the checks)."""
    counted = []
    real = schema_module.check_refs
    monkeypatch.setattr(schema_module, "check_refs", lambda schema: counted.append(1) or real(schema))
    return counted


def fresh(pack: Pack) -> Pack:
    return Pack(pack.name, pack.folder)  # as a new process sees it: the schema read again


def speech(text: str):
    return parse_speech(text.encode("utf-8"), "通知.yaml")


def test_a_schema_checked_before_is_not_checked_again(pack, checks):
    make_validator(fresh(pack))
    assert len(checks) == 1
    validator = make_validator(fresh(pack))
    assert len(checks) == 1  # the verdict came from the cache folder
    # and the validator built from it judges as the checked one does
    assert validate(speech("title: 关于开展检查的通知\nnumber: '012'\n"), validator).values["year"] == 2025
    with pytest.raises(SchemaError) as bad:
        validate(speech("title: 通知\nnumber: '１２３'\n"), validator)  # ECMA's \d: ASCII digits only
    assert "文号格式不对" in bad.value.problems[0].message


def test_a_changed_schema_is_checked_again(pack, checks):
    make_validator(fresh(pack))
    changed = {**SCHEMA, "properties": {**SCHEMA["properties"], "signer": {"$ref": "#/$defs/没有的定义"}}}
    write_schema(pack.folder, changed)
    with pytest.raises(PackError) as broken:
        make_validator(fresh(pack))
    assert len(checks) == 2
    assert "指向的定义不存在" in broken.value.message


def test_a_changed_pattern_is_checked_again(pack):
    make_validator(fresh(pack))
    changed = {**SCHEMA, "properties": {**SCHEMA["properties"], "number": {"type": "string", "pattern": "[\\D]"}}}
    write_schema(pack.folder, changed)
    with pytest.raises(PackError) as broken:
        make_validator(fresh(pack))
    assert "[^0-9]" in broken.value.message  # the pattern problem, with its fix


def test_a_damaged_verdict_is_checked_again(pack, checks):
    make_validator(fresh(pack))
    folder = cache.cache_dir() / "schema-check"
    (entry,) = folder.iterdir()
    cache.write("schema-check", entry.name, b'{"checked": ')  # sealed, but not a verdict
    validator = make_validator(fresh(pack))
    assert len(checks) == 2
    assert validate(speech("title: 通知\n"), validator).values["year"] == 2025
    assert make_validator(fresh(pack)) and len(checks) == 2  # and the verdict was written again


def test_without_a_cache_folder_every_load_checks(pack, checks, monkeypatch):
    monkeypatch.setenv("DRAFT_CACHE_DIR", "")
    make_validator(fresh(pack))
    make_validator(fresh(pack))
    assert len(checks) == 2

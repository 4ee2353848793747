"""draft's own schema properties (pack, pronunciations, and the fields the
speech layout reads) are written once, in templates/_shared/fields.schema.json,
and merged into each pack's schema as the shared $defs are."""

import json

import pytest

from drafting.errors import PackError, SchemaError
from drafting.packs.finder import Pack, find_pack, shared_root
from drafting.source.schema import make_validator, validate
from drafting.source.yaml_loader import parse_speech
from drafting.workflow.build import Builder

from .conftest import MINIMAL

SPEECH_FIELDS = ("speaker", "date", "date_style", "salutation", "part_numbering", "closing")
SHARED = json.loads((shared_root() / "fields.schema.json").read_text(encoding="utf-8"))
SPEECH_PACKS = ("half-year-speech", "year-end-speech")


def own_schema(name: str) -> dict:
    return json.loads((find_pack(name).folder / "schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", [*SPEECH_PACKS, "half-year-report"])
def test_no_built_in_pack_declares_drafts_own_fields(name):
    own = own_schema(name)["properties"]
    assert not {"pack", "pronunciations"} & set(own)
    if name in SPEECH_PACKS:
        assert not set(SPEECH_FIELDS) & set(own)


@pytest.mark.parametrize("name", SPEECH_PACKS)
def test_speech_packs_get_the_speech_fields_in_reading_order(name):
    properties = find_pack(name).schema["properties"]
    for key in SPEECH_FIELDS:
        assert properties[key] == SHARED["speech"]["properties"][key]
    own = [k for k in own_schema(name)["properties"] if k not in ("meeting", "review", "targets", "targets_scope")]
    # the order a speech is read in: title, byline and date, salutation, opening, parts, closing
    expected = ["pack", "title", "speaker", "date", "date_style", "salutation", "opening", "count_phrase",
                "part_numbering", "parts", "closing", "pronunciations"]
    assert [k for k in properties if k in expected] == expected
    assert set(own) <= set(expected)


def test_year_end_keeps_its_own_fields_between_the_shared_ones():
    keys = list(find_pack("year-end-speech").schema["properties"])
    assert keys.index("count_phrase") < keys.index("review") < keys.index("targets_scope") < keys.index("part_numbering")
    assert keys[:2] == ["pack", "meeting"]


def test_the_report_gets_pack_and_pronunciations_but_keeps_its_own_date():
    properties = find_pack("half-year-report").schema["properties"]
    assert list(properties)[0] == "pack" and list(properties)[-1] == "pronunciations"
    assert properties["date"]["title"] == "成文日期"  # the pack's own, not the speech's 讲话日期
    assert "speaker" not in properties and "salutation" not in properties


def test_pack_examples_name_the_pack_itself():
    assert find_pack("year-end-speech").schema["properties"]["pack"]["examples"] == ["year-end-speech"]


def write_pack(tmp_path, schema: dict) -> Pack:
    folder = tmp_path / "notice"
    folder.mkdir()
    (folder / "template.xml.j2").write_text('<doc title="">{% if speaker is defined %}<p>{{ speaker }}</p>{% endif %}</doc>', encoding="utf-8")
    (folder / "schema.json").write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    return Pack("notice", folder)


def test_a_packs_own_definition_wins(tmp_path):
    own = {"type": "string", "title": "主持人", "description": "会议主持人。", "examples": ["李四"]}
    pack = write_pack(tmp_path, {"type": "object", "x-draft-fields": "speech", "properties": {"speaker": own}})
    assert pack.schema["properties"]["speaker"] == own
    assert pack.schema["properties"]["date"] == SHARED["speech"]["properties"]["date"]


def test_the_injected_fields_are_validated(tmp_path):
    pack = write_pack(tmp_path, {"type": "object", "additionalProperties": False, "x-draft-fields": "speech",
                                 "properties": {}})
    validator = make_validator(pack)
    good = parse_speech("pack: .\nspeaker: 区长 张三\ndate: 2025-07-15\npronunciations: {呼玛: hū mǎ}\n".encode(), "a.yaml")
    assert validate(good, validator).values["salutation"] == "同志们："  # the shared default
    for data, said in [("speaker: ''\n", "讲话人不能为空"), ("date: 2025-13-45\n", "不存在"), ("date_style: 农历\n", "arabic")]:
        with pytest.raises(SchemaError) as info:
            validate(parse_speech(data.encode(), "a.yaml"), validator)
        assert said in str(info.value)


def test_a_pack_without_the_speech_fields_does_not_get_them(tmp_path):
    pack = write_pack(tmp_path, {"type": "object", "properties": {"title": {"type": "string"}}})
    assert list(pack.schema["properties"]) == ["pack", "title", "statistics", "pronunciations"]


@pytest.mark.parametrize("value", ["speach", 3, ["speech", "report"]])
def test_an_unknown_field_set_is_the_packs_mistake(tmp_path, value):
    pack = write_pack(tmp_path, {"type": "object", "description": "通知。", "x-draft-fields": value, "properties": {}})
    with pytest.raises(PackError) as info:
        pack.schema
    assert info.value.location.file.endswith("schema.json") and info.value.location.line == 4
    assert "只能是 speech" in info.value.message


def test_a_speech_still_builds_with_every_shared_field(write_yaml):
    path = write_yaml(MINIMAL + "speaker: 区长 张三\ndate: 2025年7月15日\ndate_style: chinese\nsalutation: 各位代表：\n"
                      "part_numbering: 第一，\nclosing: [同志们，让我们共同努力。]\n")
    texts = [b.text for b in Builder().draft(path).document.blocks]
    assert texts[1:4] == ["区长 张三", "（二〇二五年七月十五日）", "各位代表："]
    assert texts[5].startswith("第一，") and texts[-1] == "同志们，让我们共同努力。"


def test_a_pack_asking_for_speech_fields_it_never_reads_is_warned(tmp_path):
    from drafting.packs.check import check_pack
    from drafting.packs.render import Renderer

    folder = tmp_path / "notice"
    folder.mkdir()
    (folder / "template.xml.j2").write_text(
        '{% extends "document.xml.j2" %}{% set title_lines = title %}{% set doc_subject = "" %}'
        '{% set doc_author = "" %}{% set doc_date = "" %}', encoding="utf-8")
    (folder / "schema.json").write_text(json.dumps(
        {"type": "object", "x-draft-fields": "speech", "properties": {"title": {"type": "string"}}}), encoding="utf-8")
    pack = Pack("notice", folder)
    renderer = Renderer(pack.template_dirs(), "template.xml.j2")
    unread = [p.message for p in check_pack(renderer.env, "template.xml.j2", pack.schema, folder / "schema.json")]
    for key in SPEECH_FIELDS:
        assert any(f"“{key}”在模板中从未用到" in m for m in unread), key
    assert not any("pronunciations" in m or "“pack”" in m for m in unread)  # read by draft itself

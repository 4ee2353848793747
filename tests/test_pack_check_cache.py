"""The pack check's findings are cached between processes; the cache key must
change with everything the checker reads, or a fixed pack keeps its warnings
(or a broken one loses them)."""

import json

import pytest

from drafting.packs.finder import Pack
from drafting.workflow.build import Builder, pack_check_key

SCHEMA = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "通知", "description": "测试用。",
          "type": "object", "properties": {"title": {"type": "string"}}}


@pytest.fixture
def pack(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "notice"
    folder.mkdir()
    (folder / "template.xml.j2").write_text('<doc>{% include "note.txt" %}</doc>', encoding="utf-8")
    (folder / "note.txt").write_text("<p>{{ title }}{{ signer }}</p>", encoding="utf-8")
    (folder / "schema.json").write_text(json.dumps(SCHEMA, ensure_ascii=False), encoding="utf-8")
    return Pack("notice", folder)


def warnings(pack: Pack) -> list[str]:
    return [p.message for p in Builder().load_pack(pack).warnings]  # a new Builder: as a new process


def test_an_included_file_of_any_name_is_part_of_the_key(pack):
    assert any("signer" in w for w in warnings(pack))
    (pack.folder / "note.txt").write_text("<p>{{ title }}</p>", encoding="utf-8")
    assert warnings(pack) == []  # was the cached warning about signer when only .j2/.json/.yaml counted


def test_a_file_that_appears_is_part_of_the_key(pack):
    key = pack_check_key(pack, Builder().load_pack(pack).renderer)
    (pack.folder / "blocks.xml.j2").write_text("{# 遮盖共用的宏 #}", encoding="utf-8")
    assert pack_check_key(pack, Builder().load_pack(pack).renderer) != key


def test_the_schema_as_merged_is_part_of_the_key(pack):
    """The checker reads the pack's schema with the shared definitions and draft's
    own fields merged in: a change there (a new draft, a shared file) counts."""
    renderer = Builder().load_pack(pack).renderer
    key = pack_check_key(pack, renderer)
    changed = Pack(pack.name, pack.folder)
    changed.schema["properties"]["signer"] = {"type": "string"}
    assert pack_check_key(changed, renderer) != key


def test_the_environments_names_are_part_of_the_key(pack):
    renderer = Builder().load_pack(pack).renderer
    key = pack_check_key(pack, renderer)
    renderer.env.globals["signer"] = "甲"  # a global the checker would not report as undefined
    assert pack_check_key(pack, renderer) != key


def test_the_key_is_stable_when_nothing_changes(pack):
    assert pack_check_key(pack, Builder().load_pack(pack).renderer) == pack_check_key(pack, Builder().load_pack(pack).renderer)

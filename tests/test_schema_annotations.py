"""The pack's schema is what the editor shows while the writer types: every
property needs a Chinese title and description, and examples that are valid."""

import re

import pytest
from jsonschema import Draft202012Validator

from drafting.packs.finder import find_pack, list_packs

# Each built-in pack's schema as draft and the editor see it: the pack's
# schema.json with the shared definitions (templates/_shared) merged in.
SCHEMAS = {pack.name: pack.schema for pack in list_packs()}
SCHEMA = find_pack("half-year-speech").schema
CHINESE = re.compile("[\u4e00-\u9fff]")


def properties(node, path=""):
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}.{name}", sub
        for key, child in node.items():
            yield from properties(child, f"{path}/{key}")
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from properties(child, f"{path}[{i}]")


PROPERTIES = list(properties(SCHEMA))
ALL_PROPERTIES = [(name, path, sub) for name, schema in SCHEMAS.items() for path, sub in properties(schema)]


def test_the_walk_sees_every_level():
    names = {path.rsplit(".", 1)[-1] for path, _ in PROPERTIES}
    assert {"meeting", "year", "heading", "lead", "body", "change_unit", "before"} <= names
    assert len(PROPERTIES) >= 30


@pytest.mark.parametrize("pack, path, sub", ALL_PROPERTIES, ids=[f"{n}:{p}" for n, p, _ in ALL_PROPERTIES])
def test_property_has_chinese_title_description_and_valid_examples(pack, path, sub):
    assert CHINESE.search(sub.get("title", "")), f"{path}: no Chinese title"
    assert CHINESE.search(sub.get("description", "")), f"{path}: no Chinese description"
    examples = sub.get("examples")
    assert isinstance(examples, list) and examples, f"{path}: no examples"
    validator = Draft202012Validator({**sub, "$defs": SCHEMAS[pack]["$defs"]})
    for example in examples:
        errors = [e.message for e in validator.iter_errors(example)]
        assert not errors, f"{path}: example {example!r} is invalid: {errors}"


@pytest.mark.parametrize("pack", sorted(SCHEMAS))
def test_every_definition_has_a_chinese_title_and_description(pack):
    for name, definition in SCHEMAS[pack]["$defs"].items():
        assert CHINESE.search(definition.get("title", "")), name
        assert CHINESE.search(definition.get("description", "")), name

"""The pack check follows a macro that calls itself over a schema that holds itself (a
paragraph listing items whose bodies are paragraphs): it ends, and a misspelling deep
inside is still reported once, where the macro reads it."""

from __future__ import annotations

import json

import pytest

from drafting.packs.finder import find_pack
from drafting.workflow.build import Builder

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "body"],
    "properties": {
        "title": {"type": "string"},
        "body": {"type": "array", "items": {"$ref": "#/$defs/node"}},
    },
    "$defs": {
        "node": {
            "type": "object", "additionalProperties": False, "required": ["words"],
            "properties": {
                "words": {"type": "string"},
                "below": {"type": "array", "items": {"$ref": "#/$defs/node"}},
            },
        },
    },
}
TEMPLATE = """\
{% macro tree(n) %}{{ n.FIELD }}{% for m in n.below %}{{ tree(m) }}{% endfor %}{% endmacro %}
<doc><title>{{ title }}</title>
{% for n in body %}<p>{{ tree(n) }}</p>{% endfor %}
</doc>
"""


@pytest.mark.parametrize("field, expected", [("words", []), ("wrods", ["模板读取了 body[].wrods"])])
def test_a_macro_over_a_recursive_schema_is_followed_once(tmp_path, field, expected):
    folder = tmp_path / "tree-pack"
    folder.mkdir()
    (folder / "schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    (folder / "template.xml.j2").write_text(TEMPLATE.replace("FIELD", field), encoding="utf-8")
    warnings = Builder().load_pack(find_pack(str(folder))).warnings
    said = [w.message for w in warnings]
    for fragment in expected:
        (w,) = [w for w in warnings if fragment in w.message]
        assert w.location.line == 1
    assert len([m for m in said if "wrods" in m]) == len(expected), said

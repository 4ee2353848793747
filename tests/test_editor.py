import json

import yaml
from click.testing import CliRunner
from jsonschema import Draft7Validator

from drafting.cli import main
from drafting.source.editor import DRAFT_07, editor_schema, modeline
from drafting.packs.finder import find_pack

PACK = find_pack("half-year-speech")


def test_init_writes_the_modeline_and_the_schema_beside_the_yaml(tmp_path):
    target = tmp_path / "讲话.yaml"
    result = CliRunner().invoke(main, ["init", "half-year-speech", str(target)])
    assert result.exit_code == 0, result.output
    first_line = target.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=./half-year-speech.schema.json"
    schema = json.loads((tmp_path / "half-year-speech.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == DRAFT_07 and "$id" not in schema
    # the editor's (draft-07) reading of the schema accepts the example and rejects a typo
    example = yaml.safe_load(target.read_text(encoding="utf-8"))
    example["date"] = str(example["date"])  # PyYAML 1.1 reads a date; draft reads text
    assert list(Draft7Validator(schema).iter_errors(example)) == []
    example["meeting"]["hlf"] = "上半年"
    assert [e.validator for e in Draft7Validator(schema).iter_errors(example)] == ["additionalProperties"]


def test_editor_copy_keeps_the_packs_annotations():
    copy = editor_schema(PACK)
    assert copy["properties"] == PACK.schema["properties"] and copy["$defs"] == PACK.schema["$defs"]
    assert "draft init" in copy["$comment"]
    assert modeline(PACK).endswith("$schema=./half-year-speech.schema.json")

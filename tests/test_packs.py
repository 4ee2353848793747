"""Finding packs (pack: path, --templates, DRAFT_TEMPLATES, built-in) and checking
that a pack's template and schema agree."""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafting.workflow.build import Builder, render_text
from drafting.cli import main
from drafting.errors import PackError
from drafting.packs.finder import builtin_root, find_pack, list_packs

PACKS = Path(__file__).resolve().parent / "packs"
OFFICE_A, OFFICE_B = PACKS / "office-a", PACKS / "office-b"


@pytest.fixture(autouse=True)
def no_env(monkeypatch):
    monkeypatch.delenv("DRAFT_TEMPLATES", raising=False)


def title_of(path, templates=()):
    return render_text(Builder(list(templates)).draft(path)).splitlines()[0]


@pytest.fixture
def office_yaml(write_yaml):
    return write_yaml("pack: half-year-speech\ntext: 正文\n")


def test_builtin_pack_found_by_name():
    pack = find_pack("half-year-speech")
    assert pack.folder == builtin_root() / "half-year-speech" and pack.origin == "内置"


def test_templates_option_comes_before_builtin(office_yaml):
    assert title_of(office_yaml, [OFFICE_A]) == "office-a half-year-speech"


def test_templates_options_in_the_order_given(office_yaml):
    assert title_of(office_yaml, [OFFICE_B, OFFICE_A]) == "office-b half-year-speech"
    assert title_of(office_yaml, [OFFICE_A, OFFICE_B]) == "office-a half-year-speech"


def test_env_folders_in_order_after_templates_option(office_yaml, monkeypatch):
    monkeypatch.setenv("DRAFT_TEMPLATES", os.pathsep.join([str(OFFICE_B), str(OFFICE_A)]))
    assert title_of(office_yaml) == "office-b half-year-speech"
    assert find_pack("half-year-speech").origin == "DRAFT_TEMPLATES"
    assert title_of(office_yaml, [OFFICE_A]) == "office-a half-year-speech"


def test_pack_path_is_relative_to_the_yaml_and_beats_every_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFT_TEMPLATES", str(OFFICE_A))
    data = tmp_path / "稿件" / "讲话.yaml"
    data.parent.mkdir()
    relative = os.path.relpath(OFFICE_B / "half-year-speech", data.parent)
    data.write_text(f"pack: {relative}\ntext: 正文\n", encoding="utf-8")
    monkeypatch.chdir(PACKS)  # not where the YAML is
    assert title_of(data, [OFFICE_A]) == "office-b half-year-speech"
    assert Builder().draft(data).pack.origin == "pack: 路径"


def test_missing_folder_in_env_is_an_error_naming_it(monkeypatch, tmp_path):
    monkeypatch.setenv("DRAFT_TEMPLATES", str(tmp_path / "没有这个文件夹"))
    with pytest.raises(PackError) as info:
        find_pack("half-year-speech")
    assert "DRAFT_TEMPLATES" in info.value.message and "没有这个文件夹" in info.value.message


def test_unknown_pack_lists_the_known_ones():
    with pytest.raises(PackError) as info:
        find_pack("no-such-pack", [OFFICE_B])
    assert "only-b" in info.value.message and "half-year-speech" in info.value.message


def test_list_packs_has_each_name_once_from_where_it_resolves(monkeypatch):
    monkeypatch.setenv("DRAFT_TEMPLATES", str(OFFICE_B))
    packs = {p.name: p for p in list_packs([OFFICE_A])}
    assert packs["half-year-speech"].folder == OFFICE_A / "half-year-speech"
    assert packs["only-b"].origin == "DRAFT_TEMPLATES"
    assert not any(name.startswith("_") for name in packs)  # _shared is not a pack


def test_draft_templates_shows_origins_and_hidden_packs(monkeypatch):
    monkeypatch.setenv("DRAFT_TEMPLATES", str(OFFICE_B))
    result = CliRunner().invoke(main, ["templates", "--templates", str(OFFICE_A)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("half-year-speech\t"))
    assert f"（--templates：{OFFICE_A / 'half-year-speech'}）" in lines[first]
    hidden = [line for line in lines if "被上面的遮盖" in line]
    assert len(hidden) == 2  # office-b's and the built-in half-year-speech
    assert any(str(OFFICE_B / "half-year-speech") in line and "DRAFT_TEMPLATES" in line for line in hidden)
    assert any(str(builtin_root() / "half-year-speech") in line and "内置" in line for line in hidden)
    assert any(line.startswith("only-b\t") and "DRAFT_TEMPLATES" in line for line in lines)


def test_templates_option_must_name_a_folder(tmp_path):
    result = CliRunner().invoke(main, ["templates", "--templates", str(tmp_path / "无")])
    assert result.exit_code == 2


def test_build_takes_templates_option(office_yaml):
    result = CliRunner().invoke(main, ["build", str(office_yaml), "--format", "txt", "--templates", str(OFFICE_A)])
    assert result.exit_code == 0 and result.stdout.startswith("office-a half-year-speech\n")


def test_check_and_watch_take_templates_option(office_yaml):
    # office-a's schema accepts only `text`: the built-in pack would call it an unknown key
    result = CliRunner().invoke(main, ["check", str(office_yaml), "--templates", str(OFFICE_A)])
    assert "未知的键" not in result.output and "Traceback" not in result.output
    assert result.exit_code in (0, 1) and "字数" in result.output
    without = CliRunner().invoke(main, ["check", str(office_yaml)])
    assert without.exit_code == 1 and "未知的键" in without.output
    assert "--templates" in CliRunner().invoke(main, ["watch", "--help"]).output


def test_extract_takes_templates_option(tmp_path):
    source = tmp_path / "旧稿.txt"
    source.write_text("同志们：\n开场。\n一、部分\n正文。\n", encoding="utf-8")
    args = ["extract", str(source), "--pack", "only-b", "-o", "-"]
    without = CliRunner().invoke(main, args)
    assert without.exit_code == 1 and "找不到模板包“only-b”" in without.output
    found = CliRunner().invoke(main, args + ["--templates", str(OFFICE_B)])
    assert found.exit_code == 0 and "pack: only-b" in found.stdout
    # only-b is not shaped like a speech: the YAML is still written, and the check says so
    assert "无法用模板包 only-b 生成核对" in found.stderr


# ---------------------------------------------------------------- template ⇔ schema


@pytest.fixture(scope="module")
def mismatch_warnings():
    from drafting.packs.check import check_pack
    from drafting.packs.finder import SCHEMA_FILE
    from drafting.packs.render import Renderer

    pack = find_pack(str(PACKS / "mismatch"))
    renderer = Renderer(pack.template_dirs(), pack.template_file.name)
    return check_pack(renderer.env, renderer.template_name, pack.schema, pack.folder / SCHEMA_FILE)


def _found(warnings, fragment):
    return [w for w in warnings if fragment in w.message]


def test_template_name_the_schema_lacks_is_reported_at_its_line(mismatch_warnings):
    (w,) = _found(mismatch_warnings, "“meting”")
    assert w.location.file.endswith("mismatch/template.xml.j2") and w.location.line == 2


def test_required_field_never_used_is_reported_at_its_schema_line(mismatch_warnings):
    (w,) = _found(mismatch_warnings, "“forgotten”")
    assert "必填项" in w.message and w.location.file.endswith("schema.json") and w.location.line == 10
    assert _found(mismatch_warnings, "必填项“meeting”")  # only meting.name is read


def test_attribute_on_loop_variable_checked_against_item_schema(mismatch_warnings):
    (w,) = _found(mismatch_warnings, "parts[].headng")
    assert w.location.line == 4 and "heading、points" in w.message


def test_required_field_of_nested_loop_items_never_read(mismatch_warnings):
    (w,) = _found(mismatch_warnings, "parts[].points[] 的必填项“lead”")
    assert w.location.line == 5
    assert not _found(mismatch_warnings, "parts[] 的必填项“heading”")  # read in the second loop


def test_nothing_else_is_reported(mismatch_warnings):
    assert len(mismatch_warnings) == 5, "\n".join(map(str, mismatch_warnings))


def test_disagreement_is_a_warning_on_build_not_a_failure(write_yaml):
    path = write_yaml(f"pack: {PACKS / 'unread'}\ntext: 正文\nnote: 备注\n")
    result = CliRunner().invoke(main, ["build", str(path), "--format", "txt"])
    assert result.exit_code == 0 and result.stdout.endswith("正文\n")
    assert "警告：" in result.stderr and "可选项“note”在模板中从未用到" in result.stderr


@pytest.mark.parametrize("pack", [p.name for p in list_packs()])
def test_every_builtin_pack_agrees_with_its_schema(pack):
    loaded = Builder().load_pack(find_pack(pack))
    assert loaded.warnings == [], "\n".join(map(str, loaded.warnings))


MACRO_PACK_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "parts"],
    "properties": {
        "title": {"type": "string"},
        "parts": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "properties": {
                "intro": {"type": "array", "items": {"$ref": "#/$defs/paragraph"}},
                "points": {"type": "array", "items": {"$ref": "#/$defs/point"}},
            },
        }},
    },
}
MACRO_TEMPLATE = """\
{% import "blocks.xml.j2" as draft with context %}
{% macro point(pt) %}<p>{{ pt.FIELD }}</p>{% endmacro %}
<doc><title>{{ title }}</title>
{% for part in parts %}{{ draft.paragraphs(part.intro) }}{% for pt in part.points %}{{ point(pt) }}{% endfor %}{% endfor %}
</doc>
"""


@pytest.mark.parametrize("field, expected", [
    ("lead", {}),
    # the misspelling where the macro reads it; the unread field where the items are looped over
    ("leed", {"模板读取了 parts[].points[].leed": 2, "parts[].points[] 的必填项“lead”在模板中从未用到": 4}),
])
def test_values_passed_to_macros_are_followed(tmp_path, field, expected):
    import json

    folder = tmp_path / "macro-pack"
    folder.mkdir()
    (folder / "schema.json").write_text(json.dumps(MACRO_PACK_SCHEMA), encoding="utf-8")
    (folder / "template.xml.j2").write_text(MACRO_TEMPLATE.replace("FIELD", field), encoding="utf-8")
    warnings = Builder().load_pack(find_pack(str(folder))).warnings
    assert [w.message for w in warnings if not any(e in w.message for e in expected)] == []
    for fragment, line in expected.items():
        (w,) = [w for w in warnings if fragment in w.message]
        assert w.location.file.endswith("macro-pack/template.xml.j2") and w.location.line == line

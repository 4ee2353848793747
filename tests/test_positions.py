"""Source positions travel one way: on the data itself and in the loader's SourceMap.

Lines below are counted by hand from the fixtures (the line numbers in the
comments), never taken from the program's own output.
"""

import copy
import json

import jinja2
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.errors import SchemaError, TemplateError
from drafting.packs.render import Renderer
from drafting.source.schema import PackSchema, validate
from drafting.source.yaml_loader import SourceDict, SourceList, parse_speech, path_of
from drafting.source.yaml_roundtrip import edit_yaml
from drafting.source.yaml_writer import write_yaml
from drafting.workflow.build import Builder
from drafting.workflow.check import check_draft
from drafting.writers.text import write_text


def load(text: str):
    return parse_speech(text.encode("utf-8"), "讲话.yaml")


# ---------------------------------------------------------------- containers


def test_every_loaded_container_knows_its_path():
    values = load("parts:\n  - heading: 一\n    body: [甲, 乙]\n  - {heading: 二}\nempty: {}\n").values
    assert type(values) is SourceDict and path_of(values) == ()
    assert type(values["parts"]) is SourceList and path_of(values["parts"]) == ("parts",)
    assert path_of(values["parts"][0]) == ("parts", 0)
    assert path_of(values["parts"][0]["body"]) == ("parts", 0, "body")
    assert path_of(values["parts"][1]) == ("parts", 1)  # a flow mapping too
    assert path_of(values["empty"]) == ("empty",)
    assert path_of({"built": "elsewhere"}) is None


def test_an_alias_is_a_container_of_its_own_at_its_own_path():
    values = load("a: &x [一, 二]\nb: *x\n").values
    assert values["a"] == values["b"]
    assert (path_of(values["a"]), path_of(values["b"])) == (("a",), ("b",))


def test_copies_keep_the_path_and_the_data_stays_data():
    values = load("parts:\n  - body: [甲]\n").values
    deep, shallow = copy.deepcopy(values), copy.copy(values["parts"])
    assert deep == values and path_of(deep["parts"][0]["body"]) == ("parts", 0, "body")
    deep["parts"][0]["body"].append("乙")
    assert values["parts"][0]["body"] == ["甲"]  # deep means deep
    assert path_of(shallow) == ("parts",)
    assert json.loads(json.dumps(values, ensure_ascii=False)) == {"parts": [{"body": ["甲"]}]}


def test_jsonschema_rs_judges_loaded_data_as_plain_data():
    schema = PackSchema({"type": "object", "properties": {"parts": {"type": "array", "items": {"type": "string"}}}})
    assert schema.surely_valid(load("parts: [甲, 乙]\n").values)
    assert not schema.surely_valid(load("parts: [甲, {a: 1}]\n").values)
    with pytest.raises(SchemaError) as info:
        validate(load("parts:\n  - 甲\n  - {a: 1}\n"), schema)
    assert [p.location.line for p in info.value.problems] == [3]


def test_the_yaml_writers_take_loaded_data():
    text = "# 注释\nmeeting:\n  name: 会议\nparts: [甲]\n"
    values = load(text).values
    assert load(write_yaml(values)).values == values
    changed = copy.deepcopy(values)
    changed["meeting"]["name"] = "新会议"
    edited = edit_yaml(text, changed, "讲话.yaml")
    assert edited.startswith("# 注释\n") and load(edited).values == changed


# ---------------------------------------------------------------- schema defaults

_DEFAULTS = {
    "type": "object",
    "properties": {
        "meeting": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "tags": {"type": "array", "default": [{"label": "甲"}]},
            },
        },
        "parts": {"type": "array", "items": {"type": "object", "properties": {"n": {"default": 1}}}},
    },
}


def test_a_value_filled_by_a_schema_default_is_located_at_its_parent():
    text = "pack: x\nmeeting:\n  name: 会议\nparts:\n  - {}\n"
    speech = validate(load(text), PackSchema(_DEFAULTS))
    tags = speech.values["meeting"]["tags"]
    assert path_of(tags) == ("meeting", "tags") and path_of(tags[0]) == ("meeting", "tags", 0)
    where = speech.source.locate(path_of(tags[0]) + ("label",))
    assert (where.line, where.field) == (3, "meeting.tags[0].label")  # meeting's mapping starts on line 3
    part = speech.values["parts"][0]
    assert type(part) is SourceDict and path_of(part) == ("parts", 0) and part["n"] == 1
    assert path_of(speech.values) == () and speech.source.locate(path_of(part) + ("n",)).line == 5


# ---------------------------------------------------------------- lines inside a string

_STRINGS = """\
folded: >
  第一行，
  第二行。

  新的一段。
quoted: "引号第一行，
  引号第二行\\u3002
  引号第三行"
single: '单引号''第一行，
  单引号第二行'
kept: |+
  保留一
  保留二

plain: 普通第一行
  普通第二行
one: 一行文字
"""


@pytest.mark.parametrize(
    "key, fragment, line",
    [
        ("folded", "第一行", 2),
        ("folded", "第二行", 3),
        ("folded", "新的一段", 5),  # after the blank line that became a break
        ("quoted", "引号第一行", 6),
        ("quoted", "引号第二行", 7),
        ("quoted", "引号第三行", 8),  # after an escape that is one character in the string
        ("single", "单引号第二行", 10),
        ("kept", "保留一", 12),
        ("kept", "保留二", 13),
        ("plain", "普通第二行", 16),
        ("one", "文字", 17),
    ],
)
def test_the_line_of_a_character_is_the_line_it_was_typed_on(key, fragment, line):
    speech = load(_STRINGS)
    text = speech.values[key]
    assert speech.source.locate((key,), offset=text.index(fragment)).line == line


def test_the_first_line_of_a_string_keeps_the_values_column_and_a_block_has_none():
    source = load(_STRINGS).source
    where = source.locate(("quoted",), offset=0)
    assert (where.line, where.column) == (6, 9)
    assert source.locate(("quoted",), offset=8).column is None
    assert source.locate(("folded",), offset=0).column is None
    assert source.locate(("one",), offset=2).column == 6


_CHECKED = """\
pack: half-year-speech
meeting:
  name: 测试会议
  year: 2025
parts:
  - heading: 第一部分
    points:
      - lead: 要点一。
        body:
          - >
            这一段写在折叠块中，
            第二行有半角,逗号。
          - "引号中的第一行，
            第二行有重复的标点。。"
          - |+
            保留块第一行。
            第三行缺右括号（

"""


def findings_of(write_yaml, kind):
    report = check_draft(Builder().draft(write_yaml(_CHECKED)))
    return [f.problem.location.line for f in report.findings if f.kind == kind]


def test_check_names_the_typed_line_in_folded_quoted_and_kept_blocks(write_yaml):
    assert findings_of(write_yaml, "half-width") == [12]
    assert findings_of(write_yaml, "doubled") == [14]
    assert findings_of(write_yaml, "unpaired") == [17]


def test_check_no_longer_reads_the_source_lines():
    import inspect

    from drafting.workflow import check

    assert "line_text" not in inspect.getsource(check) and not hasattr(check, "locate_offset")


# ---------------------------------------------------------------- the renderer's X


_INDICATORS = """\
d:
  intro:
    - indicators:
        - name: 产值
          unit: 亿元
          value: 12
        - name: 投资
          unit: 亿元
        - name: 税收
          change: X
          trend: 增长
"""
# value of 投资 missing: located at its indicator (line 7); 税收's change typed: line 10


def rendered(tmp_path, template: str, text: str = _INDICATORS):
    (tmp_path / "t.j2").write_text(template, encoding="utf-8")
    return Renderer([tmp_path], "t.j2").render(load(text))


@pytest.mark.parametrize(
    "template",
    [
        "{{ d.intro[0].indicators | indicators }}",
        "{% set alias = d.intro[0].indicators %}{{ alias | indicators }}",
        "{% set p = d.intro[0] %}{% set copied = p.indicators | list %}{{ copied | indicators }}",
        "{{ d.intro[0].indicators | select | list | indicators }}",
        "{{ d.intro[0].indicators | select | indicators }}",
        "{{ d.intro[0].indicators[:] | indicators }}",
    ],
    ids=["direct", "set-alias", "set-copy", "filter-copy", "generator", "slice"],
)
def test_an_x_is_reported_at_its_line_however_the_template_reached_the_list(tmp_path, template):
    _, problems = rendered(tmp_path, template)
    said = sorted((p.location.line, p.location.field, p.message) for p in problems)
    assert said == [
        (7, "d.intro[0].indicators[1].value", "未填写，已输出占位符 X"),
        (10, "d.intro[0].indicators[2].change", "仍是占位符“X”，请填入数字"),
    ]


def test_a_table_row_of_a_copied_list_reports_each_x_at_its_line(tmp_path):
    template = "{% for row in d.intro[0].indicators | list | indicator_rows %}{{ row | join('|') }}{% endfor %}"
    _, problems = rendered(tmp_path, template)
    said = sorted((p.location.line, p.location.field) for p in problems)
    base = "d.intro[0].indicators"
    assert said == [
        (4, f"{base}[0].change"),  # missing: at the indicator's first line
        (7, f"{base}[1].change"),
        (7, f"{base}[1].value"),
        (9, f"{base}[2].value"),
        (10, f"{base}[2].change"),
    ]


def test_an_x_in_a_reordered_copy_stays_at_its_own_line(tmp_path):
    _, problems = rendered(tmp_path, "{{ d.intro[0].indicators | sort(attribute='name') | list | indicators }}")
    assert sorted(p.location.line for p in problems) == [7, 10]


def test_an_indicator_the_template_built_has_no_line(tmp_path):
    _, problems = rendered(tmp_path, "{{ [{'name': '自建', 'unit': '个'}] | indicators }}")
    assert [(p.location.file, p.location.line) for p in problems] == [("讲话.yaml", None)]


# ---------------------------------------------------------------- the sandbox


@pytest.mark.parametrize(
    "template",
    [
        "{{ d.path }}",
        "{{ d.intro.path }}",
        "{{ d | attr('path') }}",
        "{{ d.intro | attr('path') }}",
        "{{ d.intro[0]['path'] }}",
        "{{ d['path'] }}",
        "{{ d.intro['path'] }}",
    ],
)
def test_a_template_cannot_read_where_the_data_stands(tmp_path, template):
    """As for data that never knew its path: a key that is not there."""
    with pytest.raises(TemplateError) as info:
        rendered(tmp_path, template)
    assert "没有“path”这一项" in info.value.message


def test_a_key_named_path_is_the_writers_own(tmp_path):
    markup, _ = rendered(tmp_path, "{{ d.image.path }}|{{ d['image']['path'] }}", "d:\n  image:\n    path: 图/一.png\n")
    assert markup == "图/一.png|图/一.png"


@pytest.mark.parametrize(
    "template",
    [
        "{{ d.update({'a': 1}) }}",
        "{{ d.intro.append(1) }}",
        "{{ d.intro[0].indicators.pop() }}",
        "{{ d.__setitem__('a', 1) }}",
        "{% set x = d.setdefault('a', 1) %}",
        "{{ d.intro.clear() }}",
    ],
)
def test_loaded_containers_stay_unmodifiable_from_templates(tmp_path, template):
    with pytest.raises(TemplateError) as info:
        rendered(tmp_path, template)
    assert "不允许" in info.value.message


def test_the_sandbox_still_refuses_unsafe_attributes_of_loaded_data():
    from drafting.packs.sandbox import PackSandbox

    values = load("d: {a: 1}\nl: [1]\n").values
    env = PackSandbox([])
    with pytest.raises(jinja2.exceptions.SecurityError):
        env.from_string("{{ d.__class__.__mro__ }}").render(d=values["d"])


# ---------------------------------------------------------------- the build's words for an X


_BUILT = """\
pack: half-year-speech
meeting:
  name: 测试会议
  year: 2025
parts:
  - heading: 第一部分
    intro:
      - indicators:
          - name: 产值
            unit: 亿元
          - name: 投资
            unit: 亿元
            value: XX
          - name: 税收
            unit: 亿元
            value: ××
        after: 。
    points:
      - lead: 要点一。
        body:
          - 正文一。
"""


def test_a_missing_figure_and_a_typed_placeholder_are_told_apart(write_yaml):
    draft = Builder().draft(write_yaml(_BUILT))
    said = sorted((p.location.line, p.message) for p in draft.warnings if ".indicators[" in (p.location.field or ""))
    assert said == [
        (9, "未填写，已输出占位符 X"),  # value missing: at its indicator
        (13, "仍是占位符“XX”，请填入数字"),
        (16, "仍是占位符“××”，请填入数字"),
    ]
    assert "产值实现X亿元；投资实现XX亿元；税收实现X亿元。" in write_text(draft.document)


def test_a_control_character_in_a_quoted_paragraph_is_named_at_its_line():
    text = 'pack: x\nbody: "第一行，\n  第二行，\n  第三行有\\x01控制字符。"\n'
    with pytest.raises(SchemaError) as info:
        validate(load(text), PackSchema({"type": "object"}))
    assert [(p.location.line, p.location.field) for p in info.value.problems] == [(4, "body")]  # not 2, where it starts


# ---------------------------------------------------------------- a property over YAML's own emitter

_PUNCTUATION = [" ", "  ", "\n", "\n\n", "，", "'", '"', "\\", ": ", " #", "\t"]


@settings(max_examples=150, deadline=None)
@given(
    pieces=st.lists(st.one_of(st.just(None), st.sampled_from(_PUNCTUATION)), min_size=1, max_size=40),
    style=st.sampled_from([None, '"', "'", "|", ">"]),
    width=st.integers(min_value=4, max_value=30),
    indent=st.sampled_from([0, 1]),
)
def test_every_character_is_found_on_the_line_yaml_wrote_it(pieces, style, width, indent):
    """PyYAML's emitter (not ours) writes a string in each style, folded at a
    narrow width; every character used once must be reported on the line that holds it."""
    unique = iter(chr(0x4E00 + i) for i in range(1000))
    text = "".join(next(unique) if p is None else p for p in pieces)
    data = {"v": text} if not indent else {"a": {"v": text}}
    written = yaml.dump(data, allow_unicode=True, default_style=style, width=width)
    speech = load(written)
    path = ("v",) if not indent else ("a", "v")
    value = speech.values[path[0]] if not indent else speech.values["a"]["v"]
    if value != text:
        return  # a style YAML cannot carry exactly (a block with trailing spaces): not a position question
    lines = written.split("\n")
    for offset, ch in enumerate(value):
        if "\u4e00" <= ch <= "\u9fff":
            line = speech.source.locate(path, offset=offset).line
            assert ch in lines[line - 1], (written, offset, line)

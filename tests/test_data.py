"""Reading what the writer typed: encodings, line ends, duplicates, bad characters,
tags and alias bombs. Each error names the file and the line (and the field where
one is known); nothing is dropped or guessed silently."""

import tracemalloc

import pytest

from drafting.source import yaml_loader as data
from drafting.workflow.build import Builder
from drafting.source.yaml_loader import load_speech, parse_speech, walk
from drafting.errors import DataError, SchemaError

from .conftest import CASES, MINIMAL


def data_error(raw: bytes) -> DataError:
    with pytest.raises(DataError) as info:
        parse_speech(raw, "speech.yaml")
    return info.value


# ---------------------------------------------------------------- encodings and line ends


def test_gbk_file_is_read(write_yaml):
    path = write_yaml(MINIMAL, encoding="gbk")
    assert path.read_bytes() != MINIMAL.encode("utf-8")  # really GBK on disk
    assert load_speech(path).values["meeting"]["name"] == "测试会议"


def test_gb18030_only_characters_are_read(write_yaml):
    text = MINIMAL.replace("测试会议", "䶮字会议")  # U+4DAE: in GB18030, not in GBK
    path = write_yaml(text, encoding="gb18030")
    assert load_speech(path).values["meeting"]["name"] == "䶮字会议"


def test_utf8_bom_file_is_read(write_yaml):
    path = write_yaml(MINIMAL, encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    speech = load_speech(path)
    assert list(speech.values)[0] == "pack"  # the BOM is not glued to the first key
    assert speech.values["meeting"]["year"] == 2025


def test_crlf_file_reads_like_lf_with_the_same_lines(write_yaml):
    path = write_yaml(MINIMAL.replace("\n", "\r\n"))
    speech = load_speech(path)
    assert speech.values == load_speech(write_yaml(MINIMAL, name="lf.yaml")).values
    assert all("\r" not in line for line in speech.source.lines)
    assert speech.source.locate(("meeting", "year")).line == 4


def test_crlf_inside_a_block_scalar_becomes_a_line_break(write_yaml):
    text = "a: |\r\n  第一行\r\n  第二行\r\n"
    assert parse_speech(text.encode(), "s.yaml").values["a"] == "第一行\n第二行\n"


def test_escaped_carriage_return_is_kept_as_a_line_break():
    assert parse_speech(b'a: "x\\ry\\r\\nz"\n', "s.yaml").values["a"] == "x\ny\nz"


def test_undecodable_file_names_byte_offset_and_line():
    raw = b"a: 1\nb: 2\nc: \x81\xff\n"  # 0x81 0xFF is neither UTF-8 nor GB18030
    error = data_error(raw)
    assert error.location.line == 3
    assert "第 13 字节" in error.message and "第 3 行" in error.message


def test_damaged_utf8_is_an_error_not_gb18030_mojibake():
    raw = "a: 全区经济工作会议\nb: ".encode() + b"\xe4\xb8\n"  # a UTF-8 character cut short
    error = data_error(raw)
    assert error.location.line == 2 and "UTF-8" in error.message


# ---------------------------------------------------------------- duplicates and characters


def test_duplicate_keys_name_both_lines():
    error = data_error("meeting:\n  name: 甲\n  year: 2025\n  name: 乙\n".encode())
    assert error.location.line == 4 and error.location.field == "meeting.name"
    assert "第 2 行" in error.message and "第 4 行" in error.message


@pytest.mark.parametrize(
    "char", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\x7f"], ids=repr
)
def test_raw_control_characters_name_line_and_column(char):
    error = data_error(f"a: 1\nb: 正文{char}尾\n".encode())
    assert (error.location.line, error.location.column) == (2, 6)
    assert f"U+{ord(char):04X}" in error.message
    assert char not in str(error)  # shown as a visible mark under the caret


@pytest.mark.parametrize("escape", ["\\x01", "\\x08", "\\v", "\\f", "\\x0e", "\\x1f", "\\0", "\\uFFFE"])
def test_escaped_control_characters_are_errors_naming_field_and_line(write_yaml, escape):
    text = MINIMAL.replace("- 正文一。", f'- "正文{escape}一。"')
    with pytest.raises(SchemaError) as info:
        Builder().draft(write_yaml(text))
    [problem] = info.value.problems
    assert problem.location.line == 10
    assert problem.location.field == "parts[0].points[0].body[0]"
    assert "控制字符" in problem.message


def test_control_character_in_a_key_is_an_error(write_yaml):
    text = MINIMAL.replace("  year: 2025", '  "ye\\x01ar": 2025')
    with pytest.raises(SchemaError) as info:
        Builder().draft(write_yaml(text))
    assert any("控制字符" in p.message and p.location.line == 4 for p in info.value.problems)


def test_lone_surrogate_escape_is_an_error_naming_the_line():
    error = data_error(b'a: 1\nb: "\\ud800"\n')
    assert error.location.line == 2
    assert "代理项" in error.message


def test_lone_surrogate_from_a_permissive_parser_is_still_caught(write_yaml, monkeypatch):
    """The pure-Python loader (used where libyaml is missing) accepts "\\ud800";
    the schema stage then names the field."""
    import yaml

    monkeypatch.setattr(data, "_Loader", yaml.SafeLoader)
    text = MINIMAL.replace("- 正文一。", '- "正文\\ud800一。"')
    with pytest.raises(SchemaError) as info:
        Builder().draft(write_yaml(text))
    [problem] = info.value.problems
    assert (problem.location.line, problem.location.field) == (10, "parts[0].points[0].body[0]")
    assert "U+D800" in problem.message


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"], ids=repr)
def test_invisible_line_separators_are_errors_naming_the_line(char):
    error = data_error(f"a: 1\nb: 甲{char}乙\n".encode())
    assert error.location.line == 2 and f"U+{ord(char):04X}" in error.message


def test_unusual_but_printable_text_is_kept_verbatim():
    text = "עברית مرحبا e\u0301 👨‍👩‍👧 \t 〇"
    assert parse_speech(f'a: "{text}"\n'.encode(), "s.yaml").values["a"] == text


# ---------------------------------------------------------------- plain data only


@pytest.mark.parametrize(
    "value",
    ["!!python/object:os.system x", '!!python/object/apply:os.system ["echo hi"]', "!!set {a, b}", "!custom x"],
)
def test_only_plain_data_is_constructed(value):
    error = data_error(f"a: 1\nb: {value}\n".encode())
    assert error.location.line == 2 and "不支持的 YAML 标签" in error.message


def test_yaml_12_scalars_keep_words_and_dates_as_written():
    values = parse_speech(b"a: no\nb: 2025-07-15\nc: 0x1F\nd: '3'\n", "s.yaml").values
    assert values == {"a": "no", "b": "2025-07-15", "c": 31, "d": "3"}


def test_billion_laughs_fails_fast_without_expanding(monkeypatch):
    built = []
    monkeypatch.setattr(data._Builder, "build", lambda self, *a: built.append(a))
    tracemalloc.start()
    try:
        with pytest.raises(DataError) as info:
            load_speech(CASES / "billion-laughs" / "speech.yaml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert built == []  # refused before a single value was built
    assert peak < 5 * 1024 * 1024
    assert "锚点/别名展开后的内容过多" in info.value.message
    assert info.value.location.line is not None


def test_expansion_is_measured_by_node_counts():
    raw = (CASES / "billion-laughs" / "speech.yaml").read_bytes()
    import yaml

    root = yaml.compose(raw.decode(), Loader=data._Loader)
    grown = data.measure_expansion(root, data.SourceMap("s.yaml"))
    assert grown.distinct_nodes < 100
    assert grown.nodes > 9**9  # what a naive loader would have built


def test_aliases_that_repeat_long_text_are_bounded():
    long = "长" * 200_000
    raw = f"a: &t {long}\nb: [*t, *t, *t, *t, *t, *t]\n".encode()
    assert "过多" in data_error(raw).message


def test_modest_aliases_still_work():
    values = parse_speech(b"a: &p [x, y]\nb: *p\n", "s.yaml").values
    assert values == {"a": ["x", "y"], "b": ["x", "y"]}


def test_deep_nesting_is_refused_before_libyaml_recurses():
    """PyYAML 6.0.4's libyaml refuses this itself, in English, before draft's
    count of events reaches its bound: the writer still reads draft's message."""
    error = data_error(b"a: " + b"[" * 100_000)  # crashed the interpreter before
    assert error.location.line == 1 and error.message == f"嵌套层数过深（上限 {data.MAX_DEPTH} 层）"


def test_nesting_just_past_the_bound_is_refused_at_the_first_level_too_deep():
    depth = data.MAX_DEPTH + 1
    error = data_error(("x: 1\na: " + "[" * depth + "]" * depth + "\n").encode())
    assert error.message == f"嵌套层数过深（上限 {data.MAX_DEPTH} 层）"
    # the mapping is level 1, so the 64th "[" (after "a: ", column 3 + 64) is level 65
    assert (error.location.line, error.location.column) == (2, 3 + data.MAX_DEPTH)


def test_input_size_is_bounded(monkeypatch):
    monkeypatch.setattr(data, "MAX_INPUT_BYTES", 1024)
    assert "文件过大" in data_error(b"a: " + b"x" * 2000).message


def test_unknown_pack_names_the_line_of_the_pack_key(write_yaml):
    """Found by the property tests: the error named no line."""
    from drafting.errors import PackError

    with pytest.raises(PackError) as info:
        Builder().draft(write_yaml(MINIMAL.replace("pack: half-year-speech", "pack: 没有这个包")))
    assert info.value.location.line == 1 and info.value.location.field == "pack"


def test_wrong_types_say_what_was_expected_all_at_once(write_yaml):
    text = (
        MINIMAL.replace("  year: 2025", "  year: 明年")
        .replace("          - 正文一。", "          - indicators:\n              - name: 产值\n                value: [1, 2]")
        + "closing: 同志们，散会。\n"
    )
    with pytest.raises(SchemaError) as info:
        Builder().draft(write_yaml(text))
    found = {p.location.field: (p.location.line, p.message) for p in info.value.problems}
    assert found["meeting.year"] == (4, "年份应为整数，实际是文字“明年”：写成阿拉伯数字")
    line, message = found["parts[0].points[0].body[0].indicators[0].value"]
    assert line == 12 and "数字" in message and "列表" in message
    assert found["closing"][0] == 13 and "应为列表" in found["closing"][1]


# ---------------------------------------------------------------- loading fast


def load(text: str):
    return parse_speech(text.encode("utf-8"), "x.yaml").values


def test_yaml_1_2_scalars_whatever_pyyaml_would_resolve():
    values = load(
        "a: no\nb: 2025-07-15\nc: 12\nd: 1.5\ne: ~\nf: '5'\ng: !!str 8\nh: 0x1f\n"
        "i: true\nj: =\nk: !!int 7\nl: \"\"\nm:\n"
    )
    assert values == {
        "a": "no", "b": "2025-07-15", "c": 12, "d": 1.5, "e": None, "f": "5", "g": "8",
        "h": 31, "i": True, "j": "=", "k": 7, "l": "", "m": None,
    }


def test_a_number_too_long_for_python_stays_the_text_written():
    digits = "1" * 5000  # int() refuses more than 4,300 digits
    # 0x and 5,000 hex digits is an int Python cannot print (a traceback in any message): text too
    assert load(f"year: {digits}\nhex: 0x{'f' * 5000}\n") == {"year": digits, "hex": "0x" + "f" * 5000}


def test_aliases_expand():
    assert load("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


def test_alias_bomb_is_refused():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcde", "bcdef"):
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]")
    with pytest.raises(DataError, match="锚点/别名展开后的内容过多"):
        load("\n".join(lines) + "\n")


def test_unknown_tag_is_refused_with_its_line():
    with pytest.raises(DataError) as caught:
        load("a: 1\nb: !!python/object:os.system x\n")
    assert caught.value.location.line == 2


def test_walk_gives_every_value_with_its_path():
    values = {"a": [1, {"b": "x"}], "c": "y"}
    assert sorted(walk(values), key=repr) == sorted(
        [((), values), (("a",), values["a"]), (("a", 0), 1), (("a", 1), values["a"][1]),
         (("a", 1, "b"), "x"), (("c",), "y")],
        key=repr,
    )


def test_source_map_names_line_and_column_of_values_and_keys():
    speech = parse_speech("a:\n  - x\n  -   y\nb: 2\n".encode(), "x.yaml")
    at = speech.source.locate(("a", 1))
    assert (at.line, at.column, at.field) == (3, 7, "a[1]")
    key = speech.source.locate(("b",), key=True)
    assert (key.line, key.column) == (4, 1)
    assert speech.source.line_text(3) == "  -   y"


@pytest.mark.parametrize(
    "text, printable",
    [
        ("a: 正文\nb: |\n  多行\nc: '单引号'\nd: 12\n", True),
        ('a: "双引号里可以写 \\x01"\n', False),
        ('"键": 1\n', False),
        ("a: .inf\n", False),
        ("a: .NaN\n", False),
    ],
)
def test_loader_knows_when_every_string_is_printable(text, printable):
    """Only escapes and .inf/.nan can bring what a Word file cannot hold; without
    them the schema stage skips its walk over every string."""
    assert parse_speech(text.encode("utf-8"), "x.yaml").source.all_printable is printable


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 70 + "]" * 70,
        "".join("  " * i + "- \n" for i in range(70)),
        "- " * 70 + "x\n",
        "".join(("  " * (i // 2)) + ("a:\n" if i % 2 == 0 else "- ") for i in range(140)),
    ],
)
def test_texts_that_could_be_deep_are_walked_for_depth(text):
    assert data._may_nest_deeply(text)


def test_a_speech_is_not_parsed_twice_for_depth(monkeypatch):
    from .conftest import SEED_YAML

    monkeypatch.setattr(data, "_check_depth", lambda *a: pytest.fail("walked for depth"))
    assert load_speech(SEED_YAML).values["meeting"]["year"] == 2025

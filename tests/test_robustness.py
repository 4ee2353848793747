"""Property-based: no input crashes the tool, and nothing a writer types is lost.

Hypothesis generates speech data for the bundled pack, writes it as YAML in
the ways writers' editors do (UTF-8 with and without BOM, GBK, CRLF, tabs),
and mutates it (wrong types, missing and extra keys, odd Unicode, control
characters, lone surrogates, huge and empty strings, deep nesting, anchors and
aliases, stray bytes). Every run of ``draft build`` must end in either a .docx
that python-docx re-opens, or exit code 1 with a message naming a line of the
YAML file — never a traceback, never another exit code. The number of examples
comes from the hypothesis profile chosen in conftest.py.
"""

import datetime
import io
import re
import tempfile
from pathlib import Path

import docx
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from drafting.cli import main

# ---------------------------------------------------------------- text

_ODD = [
    "עברית וערבית مرحبا",  # right to left
    "e\u0301a\u0308\u0327",  # combining marks
    "👨‍👩‍👧‍👦🇨🇳🏳️‍🌈",  # emoji with joiners and flags
    "\u200b\u200d\u2060\ufeff",  # zero-width characters
    "制表\t符",
    "〇一二三X％Ｘ",
    "<h1>标记</h1> **粗** # 标题 &amp; {{ x }} {% if %}",
    "𠀀𪚥𫝀",  # outside the BMP
    "  前后空格  ",
    "第一行\n第二行",
    "",
]
_PRINTABLE = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff\u2028\u2029"
)
text = st.one_of(
    st.text(_PRINTABLE, max_size=30),
    st.sampled_from(_ODD),
    st.builds(lambda a, b: a + b, st.sampled_from(_ODD), st.text(_PRINTABLE, max_size=10)),
)
nonempty = text.map(lambda s: s or "空")
huge = st.integers(300, 100_000).map(lambda n: "长" * n)

# ---------------------------------------------------------------- valid speeches

number = st.one_of(
    st.integers(-10**6, 10**6), st.floats(-1e6, 1e6, allow_nan=False).map(lambda f: round(f, 2))
)
indicator = st.fixed_dictionaries(
    {"name": nonempty},
    optional={
        "value": st.one_of(number, st.just("X"), st.none()),
        "unit": st.sampled_from(["亿元", "万元", "%", ""]),
        "change": st.one_of(number, st.just("X"), st.none()),
        "trend": st.sampled_from(["增长", "下降", "持平"]),
        "verb": text,
    },
)
paragraph = st.one_of(
    text,
    st.fixed_dictionaries(
        {"indicators": st.lists(indicator, min_size=1, max_size=3)},
        optional={"before": text, "after": text},
    ),
)
paragraphs = st.lists(paragraph, max_size=3)
point = st.fixed_dictionaries({"lead": nonempty}, optional={"body": paragraphs})
part = st.fixed_dictionaries(
    {"heading": nonempty},
    optional={
        "intro": paragraphs,
        "enumeration": st.sampled_from(["一是", "一要", "第一，", "第一、", "第一句话，", "（一）", "none"]),
        "layout": st.sampled_from(["standalone", "run-in"]),
        "points": st.lists(point, max_size=4),
        "closing": paragraphs,
    },
)
# days of the calendar only: 2025-13-45 is a data error (tests/test_errors_in_data.py)
_days = st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31))
date = st.one_of(
    _days.map(lambda d: f"{d.year}-{d.month}-{d.day}"),
    _days.map(lambda d: f"{d.year}年{d.month}月{d.day}日"),
    st.sampled_from(["二〇二五年七月十五日", "二〇二五年十二月三十一日"]),
)
speech = st.fixed_dictionaries(
    {
        "meeting": st.fixed_dictionaries(
            {"name": nonempty, "year": st.integers(1949, 2200)},
            optional={"half": st.sampled_from(["上半年", "下半年"])},
        ),
        "parts": st.lists(part, min_size=1, max_size=4),
    },
    optional={
        "pack": st.just("half-year-speech"),
        "speaker": nonempty,
        "date": date,
        "date_style": st.sampled_from(["arabic", "chinese"]),
        "title": st.one_of(nonempty, st.lists(nonempty, min_size=1, max_size=3)),
        "salutation": text,
        "opening": paragraphs,
        "part_numbering": st.sampled_from(["一、", "第一，", "第一、", "none"]),
        "closing": paragraphs,
    },
)

# ---------------------------------------------------------------- mutations


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paths(child, path + (i,))


def _get(value, path):
    for step in path:
        value = value[step]
    return value


any_value = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text,
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=5),  # control characters
        huge,
    ),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(text, children, max_size=3)),
    max_leaves=8,
)


@st.composite
def mutated(draw, data):
    """Apply a few structural mutations to generated speech data."""
    for _ in range(draw(st.integers(0, 3))):
        paths = list(_paths(data))
        path = draw(st.sampled_from(paths))
        kind = draw(st.sampled_from(["replace", "delete", "extra key", "nest", "empty", "huge"]))
        event(f"mutation: {kind}")
        if not path:
            if kind == "replace":
                data = draw(any_value)
            continue
        parent, last = _get(data, path[:-1]), path[-1]
        if kind == "replace":
            parent[last] = draw(any_value)
        elif kind == "delete":
            del parent[last]
        elif kind == "extra key" and isinstance(parent, dict):
            parent[draw(text)] = draw(any_value)
        elif kind == "nest":
            value = parent[last]
            for _ in range(draw(st.integers(1, 100))):
                value = [value]
            parent[last] = value
        elif kind == "empty":
            parent[last] = draw(st.sampled_from(["", [], {}, None]))
        elif kind == "huge":
            parent[last] = draw(huge)
    return data


@st.composite
def yaml_bytes(draw, data):
    """The data as a writer's editor might have saved it, sometimes damaged."""
    style = draw(st.sampled_from(["block", "flow", "ascii"]))
    text_ = yaml.safe_dump(
        data, allow_unicode=style != "ascii", default_flow_style=style == "flow", sort_keys=False, width=80
    )
    if draw(st.booleans()):
        text_ = _anchor_first_repeat(text_)
    for _ in range(draw(st.integers(0, 2))):
        text_ = draw(_text_edit(text_))
    if draw(st.booleans()):
        text_ = text_.replace("\n", "\r\n")
        event("CRLF")
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gbk", "gb18030"]))
    try:
        raw = text_.encode(encoding)
        event(f"encoding: {encoding}")
    except UnicodeEncodeError:
        raw = text_.encode("utf-8", "surrogatepass")
        event("encoding: utf-8 (fallback)")
    for _ in range(draw(st.integers(0, 1))):
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=4)) + raw[at:]
        event("stray bytes")
    return raw


def _anchor_first_repeat(source: str) -> str:
    """Turn the second of two identical `key: value` lines into an alias."""
    return re.sub(r"^(\s*)name: (.+)$", r"\1name: &n \2", source, count=1, flags=re.M)


def _text_edit(source: str):
    lines = source.split("\n")
    return st.one_of(
        st.builds(lambda i, s: "\n".join(lines[:i] + [s] + lines[i:]), st.integers(0, len(lines)), st.sampled_from(
            ["\tparts: []", "- x", "a: &a [*a]", "  - &b [1, 2]", "x: *undefined", "!!python/object:os.system x",
             "? [complex]\n: key", "meeting: 重复", "---", "a: b: c", "key：全角冒号", '"\\ud800": 1', "a: '\\x00'"])),
        st.builds(lambda i: "\n".join(lines[:i] + lines[i + 1 :]), st.integers(0, max(len(lines) - 1, 0))),
        st.builds(lambda i, c: source[:i] + c + source[i:], st.integers(0, len(source)),
                  st.sampled_from(["\x00", "\x01", "\x0b", "\x1f", "\x7f", "\u2028", "\x85", "\t", "\ufeff", '"', "'", "&", "*", "{"])),
    )


# ---------------------------------------------------------------- the property

_LINE = re.compile(r"speech\.yaml:\d+")


def run_build(raw: bytes) -> tuple[int, str, bytes | None]:
    """``draft build`` on the bytes in a fresh folder: exit code, output, the .docx."""
    with tempfile.TemporaryDirectory(prefix="draft-prop-") as folder:
        source = Path(folder) / "speech.yaml"
        source.write_bytes(raw)
        result = CliRunner().invoke(main, ["build", str(source)], catch_exceptions=False)
        target = source.with_suffix(".docx")
        return result.exit_code, result.output, target.read_bytes() if target.exists() else None


def check_outcome(exit_code: int, output: str, target: bytes | None) -> "docx.document.Document | None":
    assert "Traceback" not in output
    assert exit_code in (0, 1, 2), output
    assert exit_code != 2, output  # the command line is always well formed here
    if exit_code == 0:
        assert target is not None, output
        return docx.Document(io.BytesIO(target))
    assert target is None, output  # a failed build writes nothing
    first = output.split("错误：", 1)[-1]
    assert _LINE.search(first), output  # names the writer's file and a line
    event("exit 1")
    return None


def _texts(data):
    """Strings the writer typed that the pack prints verbatim."""
    yield from _strings(data.get("speaker"))
    yield from _strings(data.get("title"))
    for key in ("opening", "closing"):
        yield from _paragraph_texts(data.get(key, []))
    for part_ in data["parts"]:
        yield part_["heading"]
        for key in ("intro", "closing"):
            yield from _paragraph_texts(part_.get(key, []))
        for point_ in part_.get("points", []):
            yield point_["lead"]
            yield from _paragraph_texts(point_.get("body", []))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        yield from value


def _paragraph_texts(items):
    for item in items:
        if isinstance(item, str):
            yield item
        else:
            yield item.get("before", "")
            yield item.get("after", "")
            for ind in item["indicators"]:
                yield ind["name"]


_PROFILE = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)


@_PROFILE
@given(speech)
def test_valid_speech_builds_and_loses_no_text(data):
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    exit_code, output, target = run_build(raw)
    word = check_outcome(exit_code, output, target)
    assert word is not None, output  # valid data must build
    printed = "\n".join(p.text for p in word.paragraphs)
    # a long title gets layout breaks (Word line breaks) besides the writer's own:
    # each line the writer typed is whole in it, and no line break of theirs is lost
    title = word.paragraphs[0].text if word.paragraphs[0].style.name == "讲话标题" else ""
    for typed in _strings(data.get("title")):
        assert all(line in title.replace("\n", "") for line in typed.split("\n")), (typed, title)
        assert title.count("\n") >= typed.count("\n"), (typed, title)
    for typed in _texts(data):
        if typed in _strings(data.get("title")):
            continue
        assert typed in printed, (typed, output)


@_PROFILE
@given(st.data())
def test_any_mutated_input_ends_in_a_docx_or_a_located_error(draw):
    data = draw.draw(mutated(draw.draw(speech)))
    raw = draw.draw(yaml_bytes(data))
    exit_code, output, target = run_build(raw)
    check_outcome(exit_code, output, target)


@_PROFILE
@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_arbitrary_bytes_never_crash(raw):
    exit_code, output, target = run_build(raw)
    check_outcome(exit_code, output, target)

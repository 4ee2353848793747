"""Property: the example with one ordinary typing slip either builds the text the
writer meant, or fails or warns naming the slip's line — never wrong text in silence."""

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.errors import DraftError
from drafting.workflow.build import Builder, render_text

from .conftest import ROOT
from .test_typing_slips import ENGLISH

EXAMPLE = (ROOT / "templates" / "half-year-speech" / "example.yaml").read_text(encoding="utf-8")
LINES = EXAMPLE.split("\n")
# list items holding a paragraph of the speech: (line index, indentation, text)
PARAGRAPHS = [
    (i, m[1], m[2]) for i, line in enumerate(LINES) if (m := re.match(r"^(\s+- )([\u4e00-\u9fff][^#]*?)\s*$", line))
]
SPEAKER = next(i for i, line in enumerate(LINES) if line.startswith("speaker: "))
VALUE = next(i for i, line in enumerate(LINES) if line.strip() == "value: 12.3")
CHANGE = next(i for i, line in enumerate(LINES) if line.strip().startswith("change: 4.5"))
PLAIN_SIGNS = "*&!@`%|>?,[]{}#'\""
TYPED_FIGURES = ["12.3亿元", "12.3 亿元", "１２．３", "“12.3”", "12.3万元", "12,3", "12.3元", "12.3亿"]


def _replace(line: int, new: str) -> str:
    return "\n".join(LINES[:line] + [new] + LINES[line + 1 :])


@st.composite
def slipped(draw):
    """(text of the file, 1-based line of the slip, text a correct build must print, texts it must not)."""
    kind = draw(st.sampled_from(["inside", "leading", "indent", "dash", "key", "value", "change"]))
    if kind in ("inside", "leading", "indent", "dash"):
        at, indent, text = draw(st.sampled_from(PARAGRAPHS))
        if kind == "inside":
            k = draw(st.integers(1, len(text) - 1))
            typed = draw(st.sampled_from([" #", " # ", ": ", "：", "　", "\t", "“", " - ", "、#", " &a ", " *b"]))
            meant = text[:k] + typed + text[k:]
            return _replace(at, indent + meant), at + 1, meant, []
        if kind == "leading":
            sign = draw(st.sampled_from(PLAIN_SIGNS + "－：＊【"))
            meant = sign + text
            return _replace(at, indent + meant), at + 1, meant, []
        if kind == "indent":
            space = draw(st.sampled_from(["\t", "\u3000", "\u3000\u3000", " \t"]))
            return _replace(at, space + indent[1:] + text), at + 1, text, []
        dash = draw(st.sampled_from(["－", "—", "–", "一"]))
        return _replace(at, indent.replace("-", dash) + text), at + 1, text, []
    if kind == "key":
        colon = draw(st.sampled_from(["：", "： ", ":", " :", ":\u3000"]))
        return _replace(SPEAKER, f"speaker{colon}区长 张三"), SPEAKER + 1, "区长 张三", []
    if kind == "value":
        typed = draw(st.sampled_from(TYPED_FIGURES))
        indent = LINES[VALUE][: len(LINES[VALUE]) - len(LINES[VALUE].lstrip())]
        return _replace(VALUE, f"{indent}value: {typed}"), VALUE + 1, "地区生产总值实现12.3亿元，", ["亿元亿元", "亿元亿"]
    typed = draw(st.sampled_from(["4.5%", "4.5％", "4.5 %", "＋4.5%", "4.5个百分点", "4.5%%"]))
    indent = LINES[CHANGE][: len(LINES[CHANGE]) - len(LINES[CHANGE].lstrip())]
    return _replace(CHANGE, f"{indent}change: {typed}"), CHANGE + 1, "同比增长4.5%；", ["%%", "%％"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slipped())
def test_a_slip_builds_what_was_meant_or_is_named_with_its_line(case):
    text, line, meant, never = case
    with tempfile.TemporaryDirectory(prefix="draft-slip-") as folder:
        path = Path(folder) / "speech.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            draft = Builder().draft(path)
        except DraftError as e:
            said = str(e)
            assert re.search(r"speech\.yaml:\d+", said), said
            assert not ENGLISH.search(said), said
            return
        printed = render_text(draft)
    assert not any(bad in printed for bad in never), printed
    if meant in printed:
        return
    warned = [w for w in draft.warnings if w.location.line == line]
    assert warned, f"第 {line} 行的手误既没有按原意生成，也没有提示：{text.split(chr(10))[line - 1]!r}"

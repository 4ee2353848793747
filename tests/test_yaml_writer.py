from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.source.yaml_loader import parse_speech
from drafting.source.yaml_writer import is_plain_safe, write_yaml


def read_back(text):
    return parse_speech(text.encode("utf-8"), "t.yaml").values


TRICKY = [
    "true", "null", "123", "1.5", "0x1F", "- 列表", "a: b", "结尾冒号:", "井号 #注释", "#开头",
    " 前导空格", "尾随空格 ", "第一行\n第二行", "末尾换行\n", "\n开头换行", "引号“中文”", "'单引号'",
    '"双引号"', "反斜杠\\n", "制表\t符", "", "同志们：", "{花括号}", "[方括号]", "*星号", "&锚", "!标签",
    "|竖线", ">大于", "%百分", "@at", "`反引号", "中\u2028间", "行一\n\n行三", "x" * 200,
]


def test_tricky_strings_read_back_unchanged():
    data = {"items": TRICKY, "nested": {"key": TRICKY[5], "list": [{"a": s, "b": s} for s in TRICKY]}}
    assert read_back(write_yaml(data)) == data


def test_comments_go_above_their_paths_and_header_first():
    notes = {("parts",): ["部分"], ("parts", 0): ["第一项"], ("parts", 0, "heading"): ["标题的注释"],
             ("parts", 0, "points"): ["要点"]}
    text = write_yaml({"parts": [{"heading": "一", "points": ["甲"]}]}, notes, ["文件头"])
    assert text == (
        "# 文件头\n# 部分\nparts:\n  # 第一项\n  # 标题的注释\n  - heading: 一\n"
        "    # 要点\n    points:\n      - 甲\n"
    )


def test_long_text_is_a_literal_block_short_text_plain():
    text = write_yaml({"a": "短句。", "b": "长" * 50, "c": "一行\n两行"})
    assert "a: 短句。\n" in text
    assert "b: |-\n  " + "长" * 50 + "\n" in text
    assert "c: |-\n  一行\n  两行\n" in text
    assert ">" not in text


def test_plain_safety():
    assert is_plain_safe("下面，我讲三点意见。")
    assert not is_plain_safe("2025") and not is_plain_safe("a: b") and not is_plain_safe("")


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(
    st.text(alphabet="abc_", min_size=1, max_size=5),
    st.one_of(
        st.text(max_size=60),
        st.lists(st.text(max_size=60), max_size=3),
        st.integers(),
        st.dictionaries(st.sampled_from(["lead", "body"]), st.text(max_size=30), max_size=2),
    ),
    min_size=1, max_size=4,
))
def test_any_text_reads_back_unchanged(data):
    # parse_speech keeps only what YAML can carry: it normalises \r\n, so we do too
    data = {k: _norm(v) for k, v in data.items()}
    assert read_back(write_yaml(data)) == data


def _norm(value):
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value

"""保存 in the browser desk: the form's data written into the writer's YAML,
every line the form did not change left exactly as it was."""


import pytest

from drafting.source.yaml_loader import parse_speech
from drafting.source.yaml_roundtrip import edit_yaml, encode_like

from .conftest import ROOT

EXAMPLES = sorted((ROOT / "templates").glob("*/example.yaml")) + [ROOT / "seeds" / "seed-speech.yaml"]

TEXT = """\
# 讲话数据
pack: half-year-speech            # 模板包名称

meeting:
  name: 全区经济工作会议   # 不含年份
  year: 2025
date: 2025-07-15                  # 讲话日期
speaker: "区长 张三"

opening:
  - 这次会议的主要任务是，总结工作。

# 第一部分
parts:
  - heading: 总结上半年工作
    points:
      - lead: 稳住经济基本盘。

# 结束语
closing:
  - 同志们，让我们坚定信心。
"""


def values(text):
    return parse_speech(text.encode("utf-8"), "讲话.yaml").values


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_unchanged_data_gives_the_file_back_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    assert edit_yaml(text, values(text), str(path)) == text


def test_a_changed_value_keeps_its_comment_and_every_other_line():
    data = values(TEXT)
    data["meeting"]["year"] = 2026
    assert edit_yaml(TEXT, data, "讲话.yaml") == TEXT.replace("year: 2025", "year: 2026")


def test_quoting_and_an_untouched_date_stay_as_written():
    """ruamel reads 2025-07-15 as a date; draft reads it as text: neither may requote it."""
    data = values(TEXT)
    data["opening"][0] = "这次会议的主要任务是，部署工作。"
    out = edit_yaml(TEXT, data, "讲话.yaml")
    assert 'speaker: "区长 张三"' in out and "date: 2025-07-15                  # 讲话日期" in out


def test_a_removed_key_takes_only_its_line():
    data = values(TEXT)
    del data["speaker"]
    assert edit_yaml(TEXT, data, "讲话.yaml") == TEXT.replace('speaker: "区长 张三"\n', "")


def test_an_appended_item_goes_above_the_comment_that_opens_the_next_section():
    data = values(TEXT)
    data["parts"][0]["points"].append({"lead": "抓好项目建设。"})
    expected = TEXT.replace("      - lead: 稳住经济基本盘。\n", "      - lead: 稳住经济基本盘。\n      - lead: 抓好项目建设。\n")
    assert edit_yaml(TEXT, data, "讲话.yaml") == expected


def test_a_removed_last_item_keeps_the_comment_below_it():
    data = values(TEXT)
    data["parts"].append({"heading": "部署下半年工作"})
    two = edit_yaml(TEXT, data, "讲话.yaml")
    data["parts"].pop()
    assert edit_yaml(two, data, "讲话.yaml") == TEXT


def test_a_new_key_goes_where_the_data_puts_it():
    data = values(TEXT)
    data = {**{k: v for k, v in data.items() if k != "opening"}, "salutation": "同志们：", "opening": data["opening"]}
    data = dict(sorted(data.items(), key=lambda kv: list(values(TEXT)).index(kv[0]) if kv[0] in values(TEXT) else 3.5))
    out = edit_yaml(TEXT, data, "讲话.yaml")
    assert 'speaker: "区长 张三"\nsalutation: 同志们：\n' in out


@pytest.mark.parametrize("text", ["第一行\n第二行", "2025", "yes", "null", "- 列表样子", "# 不是注释", "a: b", " 前面有空格", "X"])
def test_new_text_reads_back_as_the_same_text(text):
    data = values(TEXT)
    data["opening"][0] = text
    out = edit_yaml(TEXT, data, "讲话.yaml")
    assert values(out)["opening"][0] == text
    assert out.count("\n") >= TEXT.count("\n")


def test_a_number_typed_as_text_stays_text_for_the_validator_to_report():
    data = values(TEXT)
    data["meeting"]["year"] = "二〇二五"
    assert values(edit_yaml(TEXT, data, "讲话.yaml"))["meeting"]["year"] == "二〇二五"


def test_encoding_byte_order_mark_and_line_ends_are_kept():
    assert encode_like("讲话\r\n".encode("gbk"), "讲话\n") == "讲话\r\n".encode("gbk")
    assert encode_like(b"\xef\xbb\xbfa: 1\n", "讲话\n") == b"\xef\xbb\xbf" + "讲话\n".encode("utf-8")
    assert encode_like("讲话\n".encode("utf-8"), "讲话\n") == "讲话\n".encode("utf-8")
    assert encode_like(None, "讲话\n") == "讲话\n".encode("utf-8")


def test_a_removed_key_leaves_the_comments_around_it():
    """A comment above a removed key may head more than that key: it is kept, never dropped."""
    data = values(TEXT)
    del data["closing"]
    data["meeting"].pop("year")
    expected = TEXT.replace("  year: 2025\n", "").replace("closing:\n  - 同志们，让我们坚定信心。\n", "")
    assert edit_yaml(TEXT, data, "讲话.yaml") == expected


def test_a_paragraph_of_two_lines_becomes_a_block_without_a_blank_line_after_it():
    data = values(TEXT)
    data["opening"][0] = "这次会议的主要任务是，\n总结工作。"
    expected = TEXT.replace("  - 这次会议的主要任务是，总结工作。\n", "  - |-\n    这次会议的主要任务是，\n    总结工作。\n")
    assert edit_yaml(TEXT, data, "讲话.yaml") == expected


def test_a_paragraph_written_as_a_block_stays_a_block():
    """draft extract writes long paragraphs as |- blocks; an edit keeps that."""
    text = TEXT.replace("  - 这次会议的主要任务是，总结工作。\n", "  - |-\n    这次会议的主要任务是，总结工作。\n")
    data = values(text)
    data["opening"][0] = "这次会议的主要任务是，部署工作。"
    assert edit_yaml(text, data, "讲话.yaml") == text.replace("总结工作", "部署工作")


PARTS = """\
parts:
  # 第一部分：回顾
  - heading: 总结上半年工作   # 不写序号
    points:
      - lead: 稳住经济基本盘。

  # 第二部分：部署
  - heading: 部署下半年工作
    points:
      - lead: 抓好项目建设。

# 结束语
closing:
  - 同志们，让我们坚定信心。
"""


def test_a_moved_item_takes_its_comments_along():
    data = values(PARTS)
    data["parts"].reverse()
    expected = """\
parts:
  # 第一部分：回顾
  - heading: 部署下半年工作
    points:
      - lead: 抓好项目建设。

  # 第二部分：部署
  - heading: 总结上半年工作   # 不写序号
    points:
      - lead: 稳住经济基本盘。

# 结束语
closing:
  - 同志们，让我们坚定信心。
"""
    out = edit_yaml(PARTS, data, "讲话.yaml")
    assert values(out) == data
    assert out == expected


def test_a_removed_middle_item_leaves_the_others_and_their_comments():
    text = PARTS.replace("# 结束语", "  - heading: 狠抓工作落实\n\n# 结束语")
    data = values(text)
    del data["parts"][1]
    out = edit_yaml(text, data, "讲话.yaml")
    assert values(out) == data
    assert "  - heading: 总结上半年工作   # 不写序号" in out and "# 第一部分：回顾" in out
    assert "# 结束语\nclosing:" in out


def test_an_item_after_a_block_scalar_keeps_the_blank_line_and_comment_above_it():
    text = "opening:\n  - |-\n    第一段\n    续行\n\n  # 第二段\n  - 第二段。\n"
    data = values(text)
    data["opening"].reverse()
    out = edit_yaml(text, data, "讲话.yaml")
    assert values(out) == data
    data["opening"].reverse()
    assert edit_yaml(out, data, "讲话.yaml") == text

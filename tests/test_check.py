import json

import pytest
from click.testing import CliRunner

from drafting.workflow.build import Builder
from drafting.workflow.check import check_draft, count_characters, summary_line
from drafting.cli import main

from .conftest import SEED_YAML, seed_speech_text

BASE = """\
pack: half-year-speech
meeting:
  name: 测试会议
  year: 2025
opening:
  - {opening}
count_phrase: "{phrase}"
parts:
  - heading: 第一部分
    intro:
      - {intro}
    points:
      - lead: 要点一。
        body:
          - {body}
      - lead: 要点二。
"""


def speech(write_yaml, opening="开场。", phrase="下面，我讲{n}点意见。", intro="导语。", body="正文一。"):
    return write_yaml(BASE.format(opening=opening, phrase=phrase, intro=intro, body=body))


def findings(path, kind=None):
    report = check_draft(Builder().draft(path))
    return [f for f in report.findings if kind is None or f.kind == kind]


def test_clean_speech_has_no_findings(write_yaml):
    assert findings(speech(write_yaml)) == []


def test_placeholders_reuse_the_builds_warnings(write_yaml):
    found = findings(speech(write_yaml, body="投资X万元，建设X个项目。"), "placeholder")
    assert len(found) == 1
    where = found[0].problem.location
    assert (where.field, where.line) == ("parts[0].points[0].body[0]", 15)
    assert "2 处占位符 X" in found[0].problem.message


@pytest.mark.parametrize(
    "body, marks",
    [
        ("正文,一。", [","]),
        ("时间:上午。", [":"]),
        ("一是加强;二是落实。", [";"]),
        ("项目(一期)建成。", ["("]),  # once per paragraph, saying how many
        ("这样行吗?不行!", ["?"]),
        ("增长1.5倍，12:30开会，共1,000人。", []),
        ("引用 Hello, world (English) 原文。", []),
        ("全民dong起来。", []),
    ],
)
def test_half_width_punctuation_in_chinese_text(write_yaml, body, marks):
    found = findings(speech(write_yaml, body=body), "half-width")
    assert [f.problem.message[len("中文里用了半角“")] for f in found] == marks
    assert all("本段共 2 处" in f.problem.message for f in found if "(" in body or "?" in body)
    for f in found:
        assert f.problem.location.field == "parts[0].points[0].body[0]"


@pytest.mark.parametrize(
    "body, count, says",
    [
        ("实现了“两手抓、两不误”。", 0, None),
        ("打赢“三个硬仗，统筹推进。", 1, "左引号 “ 后面没有与之配对的右引号 ”"),
        ("学习《报告精神。", 1, "左书名号 《 后面没有与之配对的右书名号 》"),
        ("项目）建成。", 1, "右括号 ） 前面没有与之配对的左括号 （"),
        ("“一”“二”（三）《四》【五】", 0, None),
    ],
)
def test_unpaired_quotes_and_brackets(write_yaml, body, count, says):
    found = findings(speech(write_yaml, body=body), "unpaired")
    assert len(found) == count
    if says:
        assert found[0].problem.message.startswith(says)


def test_doubled_punctuation(write_yaml):
    found = findings(speech(write_yaml, body="第一，，第二。。第三、、好！！……——可以。"), "doubled")
    assert [f.problem.message.split("“")[1].split("”")[0] for f in found] == ["，，", "。。", "、、", "！！"]


def test_sentence_repeated_word_for_word(write_yaml):
    sentence = "确保全年目标任务圆满完成。"
    found = findings(speech(write_yaml, intro="导语。" + sentence, body=sentence + "另一句。"), "repeated")
    assert len(found) == 1
    assert found[0].problem.location.field == "parts[0].points[0].body[0]"
    assert "parts[0].intro[0]（第 11 行）" in found[0].problem.message
    assert findings(speech(write_yaml, intro="要抓落实。", body="要抓落实。"), "repeated") == []  # short


@pytest.mark.parametrize(
    "opening, phrase, intro, expected",
    [
        ("下面，我讲四点意见。", "", "导语。", ["opening[0]"]),
        ("下面，我讲两点意见。", "", "导语。", ["opening[0]"]),  # 两 is 2, and there is one part
        ("下面，我讲一点意见。", "", "导语。", []),
        ("开场。", "下面，我讲三点意见。", "导语。", ["count_phrase"]),
        ("开场。", "下面，我讲{n}点意见。", "我强调三个方面。", ["parts[0].intro[0]"]),  # two points
        ("开场。", "下面，我讲{n}点意见。", "我强调两个方面。", []),
    ],
)
def test_count_phrase_that_disagrees_with_the_structure(write_yaml, opening, phrase, intro, expected):
    found = findings(speech(write_yaml, opening=opening, phrase=phrase, intro=intro), "count")
    assert [f.problem.location.field for f in found] == expected


def test_placeholder_line_inside_a_literal_block(write_yaml):
    text = BASE.format(opening="开场。", phrase="", intro="导语。", body="|-\n            第一行。\n            第二行X万元。")
    found = findings(write_yaml(text), "placeholder")
    assert [(f.problem.location.field, f.problem.location.line) for f in found] == [("parts[0].points[0].body[0]", 17)]


def test_line_inside_a_literal_block(write_yaml):
    text = BASE.format(opening="开场。", phrase="", intro="导语。", body="|-\n            第一行。\n            第二行,有错。")
    found = findings(write_yaml(text), "half-width")
    assert [f.problem.location.line for f in found] == [17]


def test_characters_are_cjk_ideographs_only():
    assert count_characters("中文abc，123。〇X㐀𠀀") == 5
    assert count_characters(seed_speech_text()) == 3879
    assert summary_line(3879) == "字数 3879（汉字，不计标点、数字和字母），按每分钟 220 字约需 18 分钟"
    assert summary_line(440, rate=110).endswith("约需 4 分钟")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_exit_codes_and_text(write_yaml):
    clean = run("check", speech(write_yaml))
    assert clean.exit_code == 0 and "未发现问题。" in clean.stdout and "字数 " in clean.stdout
    dirty = run("check", speech(write_yaml, body="正文,一。"))
    assert dirty.exit_code == 1
    assert "speech.yaml:15:13 parts[0].points[0].body[0]：中文里用了半角“,”" in dirty.stdout
    assert "共 1 处问题。" in dirty.stdout


def test_cli_json_and_rate():
    result = run("check", SEED_YAML, "--format", "json", "--rate", "200")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["characters"] == 3879 and payload["rate"] == 200 and payload["minutes"] == 19.4
    kinds = {f["kind"] for f in payload["findings"]}
    assert kinds == {"placeholder"}
    first = payload["findings"][0]
    assert first["field"] == "opening[0]" and first["line"] and first["message"]


def test_cli_rejects_a_silly_rate(write_yaml):
    assert run("check", speech(write_yaml), "--rate", "0").exit_code == 2


def test_build_prints_the_summary_line():
    result = run("build", SEED_YAML, "--format", "txt")
    assert result.exit_code == 0 and result.stdout == seed_speech_text()
    assert "字数 3879（汉字，不计标点、数字和字母），按每分钟 220 字约需 18 分钟" in result.stderr


def test_pasted_paragraph_with_half_width_marks_is_one_finding(write_yaml):
    body = "上半年,全镇实现农业总产值3.6亿元,同比增长4.2%;财政收入完成2100万元,同比增长6.3%。"
    (found,) = findings(speech(write_yaml, body=body), "half-width")
    assert "本段共 4 处" in found.problem.message  # 上半年, 亿元, 4.2%; 万元,


THREE_LEVELS = """\
pack: year-end-speech
meeting:
  name: 测试会议
  year: 2025
opening:
  - 开场。
parts:
  - heading: 明年重点任务
    intro:
      - 下面就明年重点任务讲三个方面。
    sections:
      - heading: 扩大有效需求
        intro:
          - 这方面我强调三点。
        enumeration: 一是
        points:
          - lead: 扩大投资。
            subitems:
              - lead: 抓开工。
              - lead: 抓进度。
          - lead: 提振消费。
      - heading: 推动产业升级
"""


def test_counts_check_sections_and_their_items_in_any_speech_pack(write_yaml):
    found = findings(write_yaml(THREE_LEVELS), "count")
    assert [(f.problem.location.field, f.problem.message.split("：")[0]) for f in found] == [
        ("parts[0].intro[0]", "“讲三个方面”说的是 3，但下面有 2 节"),
        ("parts[0].sections[0].intro[0]", "“强调三点”说的是 3，但下面有 2 个要点"),
    ]

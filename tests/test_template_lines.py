"""A mistake in a template's markup is reported at the template's own file and
line (the author never sees the rendered output), in Chinese, and an element
that may not stand somewhere says which ones may."""

import re
from pathlib import Path

import pytest

from drafting.errors import TemplateError
from drafting.workflow.build import Builder

SCHEMA = """{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "测试", "description": "测试用模板包。",
 "type": "object", "properties": {"pack": {"type": "string"}, "title": {"type": "string"},
 "items": {"type": "array", "items": {"type": "string"}}}}"""
DATA = "pack: .\ntitle: 关于做好防汛工作的通知\nitems: [各乡镇要压实责任。, 各部门要加强值守。, 遇有险情及时报告。]\n"
# The body of a pack template extending the shared document.xml.j2; line 14 is
# left for each case to fill in.
TEMPLATE = """{#- 通知（测试用）。
    第 14 行由各测试填写。 -#}
{% extends "document.xml.j2" %}
{% set title_lines = title %}
{% set doc_subject = title %}
{% set doc_author = "" %}
{% set doc_date = "" %}
{% block body %}
{% for item in items %}
<p>{{ item }}</p>
{% endfor %}
<p>特此通知。</p>

{line14}
<p>（此页无正文）</p>
{% endblock %}
"""


def build_error(tmp_path: Path, line14: str, template: str = TEMPLATE) -> TemplateError:
    pack = tmp_path / "notice"
    pack.mkdir()
    (pack / "template.xml.j2").write_text(template.replace("{line14}", line14), encoding="utf-8")
    (pack / "schema.json").write_text(SCHEMA, encoding="utf-8")
    (pack / "speech.yaml").write_text(DATA, encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        Builder().draft(pack / "speech.yaml")
    return info.value


def test_the_fixture_builds_without_line_14(tmp_path):
    pack = tmp_path / "notice"
    pack.mkdir()
    (pack / "template.xml.j2").write_text(TEMPLATE.replace("{line14}", ""), encoding="utf-8")
    (pack / "schema.json").write_text(SCHEMA, encoding="utf-8")
    (pack / "speech.yaml").write_text(DATA, encoding="utf-8")
    assert len(Builder().draft(pack / "speech.yaml").document.blocks) == 6  # title, 3 items, 2 fixed


@pytest.mark.parametrize(
    "line14, said",
    [
        ("请各单位认真贯彻落实。", "不在任何段落里的文字：“请各单位认真贯彻落实。”"),
        ("<h5>五级标题</h5>", "未知的块元素 <h5>"),
        ("<p>一段<u>下划线</u></p>", "未知的行内元素 <u>"),
        ('<p class="x">一段</p>', "<p> 没有属性“class”"),
        ("<p>未闭合的段落</P>", "开始标签与结束标签不配对（<p> 遇到了 </P>）"),
        ("<p>A&B 公司</p>", "请写 &amp;"),
        ("<p>不换行&nbsp;空格</p>", "未定义的实体"),
        ("<table><tr><th>甲</th><td>乙</td></tr></table>", "全是 <th>"),
    ],
)
def test_a_mistake_on_template_line_14_is_reported_at_line_14(tmp_path, line14, said):
    error = build_error(tmp_path, line14)
    assert error.location.file == str(tmp_path / "notice" / "template.xml.j2")
    assert error.location.line == 14
    assert said in error.message


@pytest.mark.parametrize(
    "line14", ["<p>A&B 公司</p>", "<p>未闭合的段落</P>", "<p>x</p><p>", "<p a=<>x</p>", "</doc><doc>", "<p>\x01</p>"]
)
def test_no_english_from_the_xml_parser(tmp_path, line14):
    error = build_error(tmp_path, line14)
    words = re.sub(r"</?\w+>|&\w+;|libxml2", "", error.message)  # markup names are the author's own
    assert not re.search(r"[A-Za-z]{3,}", words), error.message


def test_an_unknown_element_lists_the_elements_that_exist(tmp_path):
    error = build_error(tmp_path, "<h5>五级标题</h5>")
    for tag in ("title", "byline", "salutation", "h1", "h4", "p", "closing", "signature", "table", "image"):
        assert f"<{tag}>" in error.message
    error = build_error(tmp_path / "b", "<p>一段<u>下划线</u></p>") if (tmp_path / "b").mkdir() is None else None
    assert all(f"<{tag}>" in error.message for tag in ("lead", "ind", "br", "wbr"))


def test_a_line_inside_a_loop_is_the_loops_line(tmp_path):
    template = TEMPLATE.replace("<p>{{ item }}</p>", "<p>{{ item }}</p>附件")
    error = build_error(tmp_path, "", template)
    assert error.location.line == 10 and "附件" in error.message


def test_a_macro_s_output_is_reported_in_the_macro(tmp_path):
    template = TEMPLATE.replace(
        "{% block body %}", '{% macro note(x) %}\n<note>{{ x }}</note>\n{% endmacro %}\n{% block body %}'
    )
    # the macro takes lines 8-10, <note> on line 9; the call is on line 16
    error = build_error(tmp_path, "", template.replace("<p>特此通知。</p>\n", "<p>特此通知。</p>\n{{ note('注') }}\n"))
    assert error.location.line == 9 and "<note>" in error.message


def test_a_macro_s_output_seen_twice_in_the_file_is_reported_where_it_is_called(tmp_path):
    template = TEMPLATE.replace(
        "{% block body %}", '{% macro note(x) %}\n<note>{{ x }}</note>\n{% endmacro %}\n{# <note> 不可用 #}\n{% block body %}'
    )
    error = build_error(tmp_path, "", template.replace("<p>特此通知。</p>\n", "<p>特此通知。</p>\n{{ note('注') }}\n"))
    assert error.location.line == 17  # the call: the file has <note in two places


def test_a_block_the_pack_replaces_is_reported_in_the_pack_s_file(tmp_path):
    # the pack fills document.xml.j2's front block with a stray text
    template = TEMPLATE.replace("{% block body %}", "{% block front %}\n标题区的游离文字\n{% endblock %}\n{% block body %}")
    error = build_error(tmp_path, "", template)
    assert error.location.file.endswith("notice/template.xml.j2") and error.location.line == 9

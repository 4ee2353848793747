"""draft new-pack: a pack that builds at once, from scratch or from another pack."""

import json

import pytest
from click.testing import CliRunner

from drafting.workflow.build import Builder, render_text
from drafting.cli import main
from drafting.packs.finder import find_pack


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DRAFT_TEMPLATES", raising=False)
    return tmp_path


def test_new_pack_builds_at_once_without_warnings(in_tmp):
    result = run("new-pack", "会议纪要")
    assert result.exit_code == 0, result.output
    folder = in_tmp / "会议纪要"
    assert sorted(p.name for p in folder.iterdir()) == ["README.md", "example.yaml", "schema.json", "template.xml.j2"]
    assert '{% extends "speech.xml.j2" %}' in (folder / "template.xml.j2").read_text(encoding="utf-8")
    draft = Builder().draft(folder / "example.yaml")
    assert draft.warnings == []  # no X left, and template and schema agree
    lines = render_text(draft).splitlines()
    assert lines[0] == "在全区××工作会议上的讲话" and "下面，我讲两点意见。" in lines[4]
    assert "任务\t牵头单位\t完成时限" in lines
    assert json.loads((folder / "schema.json").read_text(encoding="utf-8"))["title"] == "会议纪要"
    assert "会议纪要" in (folder / "README.md").read_text(encoding="utf-8").splitlines()[0]


def test_every_property_of_the_new_schema_has_chinese_title_and_description(in_tmp):
    run("new-pack", "甲")
    schema = find_pack(str(in_tmp / "甲")).schema
    for key, prop in schema["properties"].items():
        assert prop.get("title") and prop.get("description"), key


def test_new_pack_from_another_pack_keeps_its_output(in_tmp):
    result = run("new-pack", "我的讲话", "--from", "half-year-speech", "--dir", in_tmp)
    assert result.exit_code == 0, result.output
    folder = in_tmp / "我的讲话"
    copy = Builder().draft(folder / "example.yaml")
    original = Builder().draft(find_pack("half-year-speech").example_file)
    assert render_text(copy) == render_text(original)
    assert copy.pack.folder == folder
    assert "pack: ." in (folder / "example.yaml").read_text(encoding="utf-8")
    assert json.loads((folder / "schema.json").read_text(encoding="utf-8"))["title"] == "我的讲话"


def test_new_pack_is_listed_by_templates(in_tmp):
    run("new-pack", "会议纪要")
    result = run("templates", "--templates", in_tmp)
    assert any(line.startswith("会议纪要\t") and "--templates" in line for line in result.output.splitlines())


def test_new_pack_never_overwrites(in_tmp):
    (in_tmp / "会议纪要").mkdir()
    (in_tmp / "会议纪要" / "template.xml.j2").write_text("我的心血", encoding="utf-8")
    result = run("new-pack", "会议纪要")
    assert result.exit_code == 1 and "已存在" in result.output
    assert (in_tmp / "会议纪要" / "template.xml.j2").read_text(encoding="utf-8") == "我的心血"
    assert [p.name for p in in_tmp.iterdir()] == ["会议纪要"]  # no staging folder left behind


@pytest.mark.parametrize("name", ["_shared", ".hidden", "a/b", "有 空格"])
def test_unusable_names_are_refused(in_tmp, name):
    result = run("new-pack", name)
    assert result.exit_code == 1 and "不可用" in result.output
    assert list(in_tmp.iterdir()) == []


def test_from_an_unknown_pack(in_tmp):
    result = run("new-pack", "甲", "--from", "没有这个包")
    assert result.exit_code == 1 and "找不到模板包“没有这个包”" in result.output
    assert list(in_tmp.iterdir()) == []


def test_init_from_a_new_pack_points_back_at_it(in_tmp):
    run("new-pack", "会议纪要", "--dir", in_tmp)
    (in_tmp / "稿件").mkdir()
    result = run("init", str(in_tmp / "会议纪要"), in_tmp / "稿件" / "讲话.yaml")
    assert result.exit_code == 0, result.output
    text = (in_tmp / "稿件" / "讲话.yaml").read_text(encoding="utf-8")
    assert "\npack: ../会议纪要\n" in text
    assert Builder().draft(in_tmp / "稿件" / "讲话.yaml").pack.folder == in_tmp / "会议纪要"


@pytest.mark.parametrize("start", ["文档", "document", "通知", "纪要"])
def test_a_notice_or_minutes_author_gets_a_plain_document_pack(in_tmp, start):
    result = run("new-pack", "防汛通知", "--from", start)
    assert result.exit_code == 0, result.output
    folder = in_tmp / "防汛通知"
    template = (folder / "template.xml.j2").read_text(encoding="utf-8")
    assert '{% extends "document.xml.j2" %}' in template and "speech.xml.j2" not in template.replace("_shared/speech", "")
    draft = Builder().draft(folder / "example.yaml")
    assert draft.warnings == []  # template and schema agree, no X left
    lines = render_text(draft).splitlines()
    # a notice: title, recipient, text, 一、二、三、, 特此通知, a blank line, then issuer and date
    assert lines[:2] == ["关于做好2025年防汛工作的通知", "各乡镇人民政府，区直有关部门："]
    assert [line[:2] for line in lines if line[:2] in ("一、", "二、", "三、")] == ["一、", "二、", "三、"]
    assert lines[-4:] == ["特此通知。", "", "××区防汛抗旱指挥部办公室", "2025年6月10日"]
    assert "同志们：" not in lines
    schema = json.loads((folder / "schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "防汛通知" and "x-draft-fields" not in schema


def test_a_plain_document_needs_only_a_title(in_tmp):
    run("new-pack", "函", "--from", "文档")
    (in_tmp / "函" / "only.yaml").write_text("pack: .\ntitle: 关于商请支持防汛物资的函\n", encoding="utf-8")
    assert render_text(Builder().draft(in_tmp / "函" / "only.yaml")) == "关于商请支持防汛物资的函\n"


@pytest.mark.parametrize("start", ["公文", "report"])
def test_a_report_starts_from_the_built_in_report(in_tmp, start):
    result = run("new-pack", "年度总结", "--from", start)
    assert result.exit_code == 0, result.output
    copy = Builder().draft(in_tmp / "年度总结" / "example.yaml")
    original = Builder().draft(find_pack("half-year-report").example_file)
    assert render_text(copy) == render_text(original)
    assert '{% extends "document.xml.j2" %}' in (in_tmp / "年度总结" / "template.xml.j2").read_text(encoding="utf-8")


def test_a_speech_is_the_default_starting_point(in_tmp):
    run("new-pack", "甲")
    run("new-pack", "乙", "--from", "讲话")
    for name in ("template.xml.j2", "schema.json", "example.yaml"):
        first = (in_tmp / "甲" / name).read_text(encoding="utf-8").replace("甲", "")
        assert first == (in_tmp / "乙" / name).read_text(encoding="utf-8").replace("乙", "")


def test_the_help_names_the_starting_points():
    text = run("new-pack", "--help").output
    assert all(word in text for word in ("讲话", "公文", "文档", "通知", "纪要"))

import json

import docx
import pytest
from click.testing import CliRunner

from drafting.cli import main

from .conftest import MINIMAL, SEED_YAML, seed_speech_text


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def test_build_txt_prints_the_seed():
    result = run("build", SEED_YAML, "--format", "txt")
    assert result.exit_code == 0
    assert result.stdout == seed_speech_text()
    assert "占位符 X" in result.stderr  # warnings go to stderr


def test_build_docx_beside_the_yaml(write_yaml):
    path = write_yaml(MINIMAL)
    result = run("build", path)
    assert result.exit_code == 0, result.output
    assert docx.Document(path.with_suffix(".docx")).paragraphs[0].text == "在2025年测试会议上的讲话"


def test_build_with_output_and_format_from_suffix(write_yaml, tmp_path):
    out = tmp_path / "稿.txt"
    assert run("build", write_yaml(MINIMAL), "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("在2025年测试会议上的讲话\n同志们：\n")


def test_build_without_file_builds_the_bundled_example(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert docx.Document(tmp_path / "half-year-speech-示例.docx").paragraphs[1].text == "区长 张三"


def test_validate(write_yaml):
    result = run("validate", write_yaml(MINIMAL))
    assert result.exit_code == 0 and "数据有效" in result.stdout


def test_templates_lists_the_pack():
    result = run("templates")
    assert result.exit_code == 0
    assert "half-year-speech\t半年经济工作会议讲话" in result.stdout


def test_schema_prints_json():
    result = run("schema", "half-year-speech")
    assert json.loads(result.stdout)["$schema"].endswith("2020-12/schema")


def test_schema_of_unknown_pack_is_an_input_error():
    result = run("schema", "no-such-pack")
    assert result.exit_code == 1 and "找不到模板包“no-such-pack”" in result.stderr


def test_init_writes_example_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "讲话.yaml"
    assert run("init", "half-year-speech", target).exit_code == 0
    assert "meeting:" in target.read_text(encoding="utf-8")
    target.write_text("我的内容", encoding="utf-8")
    result = run("init", "half-year-speech", target)
    assert result.exit_code == 1 and "已存在" in result.stderr
    assert target.read_text(encoding="utf-8") == "我的内容"


def test_version_and_help_in_chinese():
    assert run("--version").stdout.startswith("draft ")
    help_text = run("build", "--help").stdout
    assert "用法：draft build" in help_text and "显示本帮助并退出" in help_text


def test_usage_errors_exit_2_in_chinese():
    result = run("build", "--format", "pdfx", "x.yaml")
    assert result.exit_code == 2
    assert "用法错误" in result.stderr
    assert run("no-such-command").exit_code == 2


@pytest.mark.parametrize(
    "args, said",
    [
        (["build", "--forc"], "没有这个选项：--forc（是否想写 --force, --format？）"),
        (["buil"], "没有这个命令：buil（是否想写 build？）"),
        (["build", "x.yaml", "-f", "doc"], "-f / --format 的值无效：“doc”不是可选值之一：docx, txt, pdf"),
        (["build", "x.yaml", "-o", "."], "-o / --output 的值无效：. 是文件夹，这里要写文件"),
        (["build", "x.yaml", "--reference-doc", "无.docx"], "--reference-doc 的值无效：找不到 无.docx"),
        (["check", "x.yaml", "--rate", "10"], "--rate 的值无效：10 超出了允许的范围 60<=x<=600"),
        (["check", "x.yaml", "--rate", "快"], "--rate 的值无效：快 不是有效的数字"),
    ],
)
def test_usage_errors_are_chinese_through_and_through(args, said):
    result = run(*args)
    assert result.exit_code == 2
    assert f"用法错误：{said}\n" in result.stderr


def test_input_errors_exit_1_without_traceback(write_yaml):
    result = run("build", write_yaml("meeting: [1\n"))
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "speech.yaml:" in result.stderr


def test_control_characters_in_messages_are_shown_escaped(write_yaml):
    text = MINIMAL.replace("meeting:\n  name: 测试会议\n  year: 2025", 'meeting: "测试\\x07会议"')
    result = run("build", write_yaml(text))
    assert result.exit_code == 1
    assert "文字“测试\\u0007会议”" in result.stderr  # the value is quoted, its bell shown
    assert "\x07" not in result.stderr and "speech.yaml:2" in result.stderr


def _batch(write_yaml, bad_at: int | None = None, count: int = 3) -> list:
    files = []
    for i in range(count):
        text = MINIMAL.replace("测试会议", f"测试会议{i}")
        if i == bad_at:
            text = text.replace("year: 2025", "year: 二〇二五")
        files.append(write_yaml(text, f"讲话{i}.yaml"))
    return files


def test_build_many_files_in_one_process_sharing_the_pack(write_yaml, monkeypatch):
    import drafting.workflow.build

    compiled = []
    real = drafting.workflow.build.make_validator
    monkeypatch.setattr(drafting.workflow.build, "make_validator", lambda schema: compiled.append(1) or real(schema))
    files = _batch(write_yaml)
    result = run("build", *files)
    assert result.exit_code == 0, result.stderr
    assert all(f.with_suffix(".docx").is_file() for f in files)
    assert len(compiled) == 1  # the pack is loaded once for all three
    assert "共 3 个文件，均已生成。" in result.stderr


def test_build_many_reports_a_bad_file_and_builds_the_rest(write_yaml):
    files = _batch(write_yaml, bad_at=1)
    result = run("build", *files)
    assert result.exit_code == 1
    assert files[0].with_suffix(".docx").is_file() and files[2].with_suffix(".docx").is_file()
    assert not files[1].with_suffix(".docx").exists()
    assert f"{files[1]}:" in result.stderr and "meeting.year" in result.stderr
    assert "2 个已生成，1 个出错" in result.stderr


def test_build_many_txt_writes_beside_each_file(write_yaml):
    files = _batch(write_yaml, count=2)
    result = run("build", *files, "--format", "txt")
    assert result.exit_code == 0
    assert "测试会议1" in files[1].with_suffix(".txt").read_text(encoding="utf-8")


def test_build_many_refuses_one_output_name(write_yaml, tmp_path):
    result = run("build", *_batch(write_yaml, count=2), "-o", tmp_path / "a.docx")
    assert result.exit_code == 2 and "-o 只能用于一个文件" in result.stderr


def test_build_many_on_a_terminal_shows_a_bar_and_holds_messages_until_done(write_yaml, monkeypatch):
    import drafting.cli

    monkeypatch.setattr(drafting.cli, "_on_terminal", lambda: True)
    files = _batch(write_yaml, bad_at=4, count=drafting.cli.BATCH_BAR_FROM)
    result = run("build", *files)
    assert result.exit_code == 1
    bar_at = result.stderr.index("生成中")
    assert result.stderr.index("已生成") > bar_at and result.stderr.index("错误：") > bar_at
    assert result.stderr.count("已生成 ") == drafting.cli.BATCH_BAR_FROM - 1


def test_build_many_without_a_terminal_has_no_bar(write_yaml):
    result = run("build", *_batch(write_yaml, count=6))
    assert result.exit_code == 0 and "生成中" not in result.stderr


def test_warnings_past_the_first_twenty_are_summed_up(write_yaml):
    """A long speech with its figures still to come printed a line per X: after
    twenty, one line says how many more there are."""
    body = "\n".join(f"          - 第{i}段增长X%。" for i in range(45))
    path = write_yaml(MINIMAL.replace("          - 正文一。", body))
    result = run("build", path, "--format", "txt")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("警告：")]
    assert len(lines) == 21
    assert "还有 1 处占位符 X 待填写" in lines[19]
    assert lines[20].startswith("警告：另有 25 处未列出（共 45 处）")


def test_twenty_warnings_are_all_printed(write_yaml):
    body = "\n".join(f"          - 第{i}段增长X%。" for i in range(20))
    result = run("build", write_yaml(MINIMAL.replace("          - 正文一。", body)), "--format", "txt")
    lines = [line for line in result.stderr.splitlines() if line.startswith("警告：")]
    assert len(lines) == 20 and "另有" not in result.stderr

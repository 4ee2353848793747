"""``draft build --copy``: the reading copy and the outline beside the file copy."""

import docx
from click.testing import CliRunner

from drafting.cli import main

from .conftest import CASES, MINIMAL


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_copy_all_writes_three_files_side_by_side(write_yaml):
    path = write_yaml(MINIMAL, name="讲话.yaml")
    result = run("build", path, "--copy", "all")
    assert result.exit_code == 0, result.output
    folder = path.parent
    names = sorted(p.name for p in folder.glob("*.docx"))
    assert names == ["讲话.docx", "讲话.提纲.docx", "讲话.阅读版.docx"]
    reading = docx.Document(folder / "讲话.阅读版.docx")
    assert reading.styles["讲话正文"].font.size.pt == 22
    assert "约1分钟" in [p.text for p in reading.paragraphs]


def test_a_single_copy_gets_its_own_name_and_never_overwrites_the_file_copy(write_yaml):
    path = write_yaml(MINIMAL, name="讲话.yaml")
    assert run("build", path, "--copy", "reading").exit_code == 0
    assert run("build", path, "--copy", "outline").exit_code == 0
    assert sorted(p.name for p in path.parent.glob("*.docx")) == ["讲话.提纲.docx", "讲话.阅读版.docx"]


def test_output_name_is_used_as_given_for_one_copy_and_as_the_base_for_all(write_yaml, tmp_path):
    path = write_yaml(MINIMAL)
    result = run("build", path, "--copy", "reading", "-o", tmp_path / "领导用.docx")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "领导用.docx").is_file()
    result = run("build", path, "--copy", "all", "-o", tmp_path / "out" / "稿.docx")
    assert result.exit_code == 1 and "输出文件夹不存在" in result.stderr
    (tmp_path / "out").mkdir()
    assert run("build", path, "--copy", "all", "-o", tmp_path / "out" / "稿.docx").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["稿.docx", "稿.提纲.docx", "稿.阅读版.docx"]


def test_outline_as_text_prints_the_skeleton():
    result = run("build", CASES / "reading-copy" / "speech.yaml", "--copy", "outline", "--format", "txt")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "在2025年濮阳经济工作会议上的讲话",
        "县长 张三",
        "一、锶矿开发稳步推进",
        "一要发展郫都特色产业。",
        "锶矿产量实现12.3万吨，同比增长4.5%。",  # a run-in paragraph's indicators stay too
        "二、抓好落实",
        "一是压实责任。",
    ]


def test_bad_pronunciation_is_a_clear_error_with_line(write_yaml):
    path = write_yaml(MINIMAL + "pronunciations:\n  呼玛: humǎ\n")
    result = run("build", path, "--copy", "reading")
    assert result.exit_code == 1
    assert "speech.yaml:12:" in result.stderr and "pronunciations.呼玛" in result.stderr
    assert "2 个字" in result.stderr and "Traceback" not in result.output
    assert not path.with_suffix(".docx").exists() and not list(path.parent.glob("*.阅读版.docx"))


def test_unknown_copy_is_a_usage_error(write_yaml):
    result = run("build", write_yaml(MINIMAL), "--copy", "poster")
    assert result.exit_code == 2


def test_check_lists_characters_annotated_and_those_it_could_not(write_yaml):
    path = write_yaml(MINIMAL.replace("正文一。", "罢黜旧规，\U00030000字。") + "pronunciations:\n  郫都: pí dū\n")
    result = run("check", path)
    lines = result.stdout.splitlines()
    assert "阅读版注音 1 字：黜 chù" in lines
    assert "无法注音 1 字：\U00030000（请在 pronunciations: 中写出读音）" in lines


def test_check_json_carries_the_pinyin_lists():
    import json

    result = run("check", CASES / "reading-copy" / "speech.yaml", "--format", "json")
    pinyin = json.loads(result.stdout)["pinyin"]
    assert pinyin["annotated"]["锶"] == ["sī"] and pinyin["annotated"]["都"] == ["dū", "dōu"]
    assert pinyin["missing"] == []

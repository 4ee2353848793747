import pytest
from click.testing import CliRunner

from drafting.cli import main

from .conftest import CASES, seed_speech_text, word_file

EXTRACT_CASES = sorted((CASES / "extract").glob("*.txt"))


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def seed_txt(tmp_path):
    path = tmp_path / "旧讲话.txt"
    path.write_text(seed_speech_text(), encoding="utf-8")
    return path


def test_extract_then_build_gives_the_seed_back(seed_txt):
    result = run("extract", seed_txt)
    assert result.exit_code == 0, result.output
    target = seed_txt.with_suffix(".yaml")
    assert "已核对：由它生成的文字与原稿逐字一致。" in result.stderr
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=./half-year-speech.schema.json\n")
    assert (seed_txt.parent / "half-year-speech.schema.json").is_file()
    built = run("build", target, "--format", "txt")
    assert built.exit_code == 0 and built.stdout == seed_speech_text()


@pytest.mark.parametrize("source", EXTRACT_CASES, ids=lambda p: p.stem)
def test_extract_then_build_for_every_case(source, tmp_path):
    target = tmp_path / "out.yaml"
    assert run("extract", source, "-o", target).exit_code == 0
    assert run("build", target, "--format", "txt").stdout == source.read_text(encoding="utf-8")


def test_extract_from_word(tmp_path):
    source = word_file(seed_speech_text().splitlines(), tmp_path / "旧讲话.docx")
    assert run("extract", source).exit_code == 0
    assert run("build", source.with_suffix(".yaml"), "--format", "txt").stdout == seed_speech_text()


def test_extract_refuses_to_overwrite_unless_asked(seed_txt):
    target = seed_txt.with_suffix(".yaml")
    target.write_text("我的内容", encoding="utf-8")
    result = run("extract", seed_txt)
    assert result.exit_code == 1 and "已存在" in result.stderr
    assert target.read_text(encoding="utf-8") == "我的内容"
    assert run("extract", seed_txt, "--overwrite").exit_code == 0
    assert target.read_text(encoding="utf-8") != "我的内容"


def test_extract_to_screen(seed_txt):
    result = run("extract", seed_txt, "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("# 由 draft extract 从“旧讲话.txt”整理")
    assert not seed_txt.with_suffix(".yaml").exists()


def test_extract_errors_are_chinese_without_traceback(tmp_path):
    source = tmp_path / "空白.txt"
    source.write_text("\u3000\n", encoding="utf-8")
    result = run("extract", source)
    assert result.exit_code == 1 and "文件中没有文字" in result.stderr
    assert "Traceback" not in result.output
    assert run("extract", tmp_path / "旧.doc").exit_code == 1


def test_extract_help_is_chinese():
    assert "从旧讲话稿" in run("extract", "--help").stdout


def test_extract_without_indicators_still_round_trips(seed_txt):
    result = run("extract", seed_txt, "--no-indicators")
    assert result.exit_code == 0
    text = seed_txt.with_suffix(".yaml").read_text(encoding="utf-8")
    assert "indicators:" not in text
    assert run("build", seed_txt.with_suffix(".yaml"), "--format", "txt").stdout == seed_speech_text()


def test_extract_into_a_pack_of_ones_own(tmp_path, monkeypatch):
    """A pack made with new-pack names its fields' roles in its schema: extract fills it."""
    monkeypatch.chdir(tmp_path)
    assert run("new-pack", "我的讲话").exit_code == 0
    source = CASES / "extract" / "parts-diyi.txt"
    result = run("extract", source, "--pack", "./我的讲话", "--templates", tmp_path, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 0 and "已核对：由它生成的文字与原稿逐字一致。" in result.stderr, result.output
    built = run("build", tmp_path / "out.yaml", "--templates", tmp_path, "--format", "txt")
    assert built.stdout == source.read_text(encoding="utf-8")

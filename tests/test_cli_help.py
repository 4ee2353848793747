"""``--help`` reads as Chinese and fits the terminal: no click English, lines
broken by display width with the marks a line may not start with kept back."""

import re

import pytest
from click.testing import CliRunner

from drafting.cli import main
from drafting.cli_help import chinese_extras, display_width, wrap_line

COMMANDS = [[], *([name] for name in main.commands)]
# words click prints in English when nothing overrides them
ENGLISH = re.compile(r"Usage|Options|Commands|Show this|\[ARGS\]|\bFILES?\b|\bPATH\b|\bPACK\b|\bNAME\b|"
                     r"\bSOURCE\b|INTEGER|FLOAT|RANGE|\bTEXT\b|default:|required|env var|<=x")


def _help(args: list[str], width: int) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], terminal_width=width)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "draft")
def test_help_has_no_english_from_click(args):
    text = _help(args, 80)
    assert text.startswith("用法：")
    assert not ENGLISH.search(text), ENGLISH.search(text)


@pytest.mark.parametrize("width", [60, 80, 100])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "draft")
def test_help_lines_fit_the_terminal(args, width):
    for line in _help(args, width).splitlines():
        # a line of the writer's own layout (\b blocks: command examples) may be wider; nothing click wraps is
        if "draft " in line and "  " in line.strip():
            continue
        assert display_width(line) <= width, line


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "draft")
def test_no_wrapped_line_starts_with_a_closing_mark(args):
    lines = _help(args, 60).splitlines()
    for line in lines:
        assert not re.match(r"\s*[，。、；：！？）》”～]", line), line


def test_wrapping_keeps_every_character_in_order():
    text = "另外查找模板包的文件夹（可写多次），先于环境变量 DRAFT_TEMPLATES 和内置模板包。"
    for width in range(12, 60, 3):
        lines = wrap_line(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        # only a word that is wider than the line by itself may stand out
        assert all(display_width(line) <= width or re.fullmatch(r"[A-Z_]+", line) for line in lines)
        assert not any(line[0] in "，。）" for line in lines)
        assert not any(line.endswith("（") for line in lines)


def test_a_latin_word_is_never_split():
    lines = wrap_line("先于环境变量 DRAFT_TEMPLATES 和内置模板包", 16)
    assert "DRAFT_TEMPLATES" in lines


@pytest.mark.parametrize(
    "english, chinese",
    [
        ("语速。  [default: 220; 60<=x<=600]", "语速。（默认 220，可写 60～600）"),
        ("端口。  [0<=x<=65535]", "端口。（可写 0～65535）"),
        ("间隔。  [x>=1]", "间隔。（至少 1）"),
        ("名称。  [required]", "名称。（必须填写）"),
        ("没有附注。", "没有附注。"),
    ],
)
def test_click_extras_in_chinese(english, chinese):
    assert chinese_extras(english) == chinese

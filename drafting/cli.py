"""The ``draft`` command: the only module that prints or exits.

Library errors (``DraftError``) become a Chinese message and exit code 1; click's
usage errors exit 2. Heavy libraries are imported inside commands, so ``draft
--help`` stays quick.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from . import __version__
from .errors import DraftError, Problem

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

_HEADINGS = {"Usage: ": "用法：", "Options": "选项", "Commands": "命令", "Arguments": "参数"}


class _ChineseFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args.replace("[OPTIONS]", "[选项]").replace("COMMAND", "命令"), "用法：")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}：\n")


class _Context(click.Context):
    formatter_class = _ChineseFormatter


_USAGE_MESSAGES = [
    (re.compile(r"No such option: (\S+)"), "没有这个选项：{0}"),
    (re.compile(r"No such command '([^']*)'\."), "没有这个命令：{0}"),
    (re.compile(r"Missing argument '([^']*)'\."), "缺少参数 {0}"),
    (re.compile(r"Missing option '([^']*)'\."), "缺少选项 {0}"),
    (re.compile(r"Got unexpected extra arguments? \((.*)\)"), "多余的参数：{0}"),
    (re.compile(r"Option '([^']*)' requires an argument\."), "选项 {0} 需要一个值"),
    (re.compile(r"Invalid value for '([^']*)': (.*)"), "{0} 的值无效：{1}"),
    (re.compile(r"'(.*)' is not one of (.*)\."), "“{0}”不是可选值之一：{1}"),
    (re.compile(r"Path '(.*)' does not exist\."), "路径不存在：{0}"),
]


def _translate_usage(message: str) -> str:
    for pattern, chinese in _USAGE_MESSAGES:
        m = pattern.search(message)
        if m:
            message = message[: m.start()] + chinese.format(*m.groups()) + message[m.end() :]
    return message


def _chinese_help(option: click.Option | None) -> click.Option | None:
    if option is not None:
        option.help = "显示本帮助并退出。"
    return option


class _Command(click.Command):
    context_class = _Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _chinese_help(super().get_help_option(ctx))


class _Group(click.Group):
    context_class = _Context
    command_class = _Command

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _chinese_help(super().get_help_option(ctx))

    def main(self, *args, **kwargs):  # noqa: D401 - click entry point
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.exceptions.Exit as e:
            sys.exit(e.exit_code)
        except click.Abort:
            click.echo("已取消。", err=True)
            sys.exit(EXIT_INPUT)
        except click.UsageError as e:
            command = e.ctx.command_path if e.ctx else "draft"
            click.echo(f"用法错误：{_translate_usage(e.format_message())}", err=True)
            click.echo(f"用 {command} --help 查看用法。", err=True)
            sys.exit(EXIT_USAGE)
        except click.ClickException as e:
            click.echo(f"错误：{e.format_message()}", err=True)
            sys.exit(e.exit_code)
        except DraftError as e:
            click.echo(f"错误：{e}", err=True)
            sys.exit(e.exit_code)
        sys.exit(result if isinstance(result, int) else EXIT_OK)


@click.group("draft", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", message="draft %(version)s", help="显示版本号并退出。")
def main() -> None:
    """draft：由 YAML 数据和模板包生成讲话稿（Word 文档）。

    \b
    常用流程：
      draft init half-year-speech 讲话.yaml   生成带注释的示例
      draft validate 讲话.yaml                检查数据
      draft build 讲话.yaml                   生成 讲话.docx
    """


def _warn(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(f"警告：{problem}", err=True)


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="输出文件（默认与 YAML 同名、同文件夹）。")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["docx", "txt"]), default=None,
    help="输出格式：docx（默认）或 txt（纯文本，一段一行）；不写时按 -o 的扩展名判断。",
)
def build(file: Path | None, output: Path | None, fmt: str | None) -> None:
    """生成讲话稿。FILE 为讲话的 YAML 文件；不写则生成内置示例。"""
    from .build import Builder, render_docx, render_text
    from .output import write_atomic
    from .packs import DEFAULT_PACK, find_pack

    if file is None:
        file = find_pack(DEFAULT_PACK).example_file
        if output is None and fmt != "txt":
            output = Path(f"{DEFAULT_PACK}-示例.docx")
    if fmt is None:
        fmt = "txt" if output is not None and output.suffix.lower() == ".txt" else "docx"
    draft = Builder().draft(file)
    _warn(draft.warnings)
    if fmt == "txt":
        text = render_text(draft)
        if output is None:
            click.echo(text, nl=False)
            return
        write_atomic(output, text.encode("utf-8"))
    else:
        output = output or file.with_suffix(".docx")
        write_atomic(output, render_docx(draft))
    click.echo(f"已生成 {output}", err=True)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def validate(file: Path) -> None:
    """检查讲话的 YAML 文件是否符合模板包的要求（不生成文件）。"""
    from .build import Builder

    draft = Builder().draft(file)
    _warn(draft.warnings)
    click.echo(f"{file}：数据有效（模板包 {draft.pack.name}）。")


@main.command()
def templates() -> None:
    """列出可用的模板包。"""
    from .packs import list_packs

    for pack in list_packs():
        click.echo(f"{pack.name}\t{pack.description}\t（{pack.origin}：{pack.folder}）")


@main.command()
@click.argument("pack")
def schema(pack: str) -> None:
    """输出模板包的 JSON Schema（可用于编辑器的自动补全和校验）。"""
    from .packs import find_pack

    click.echo(json.dumps(find_pack(pack).schema, ensure_ascii=False, indent=2))


@main.command()
@click.argument("pack")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
def init(pack: str, file: Path | None) -> None:
    """把模板包 PACK 的带注释示例写到 FILE（默认 讲话.yaml），已存在则不覆盖。"""
    from .errors import WriteError
    from .output import write_atomic
    from .packs import find_pack

    found = find_pack(pack)
    file = file or Path("讲话.yaml")
    if file.exists():
        raise WriteError(f"{file} 已存在，为免覆盖您的内容，未写入。请换一个文件名")
    write_atomic(file, found.example_file.read_bytes())
    click.echo(f"已写入 {file}。填写后运行：draft build {file}")

"""The ``draft`` command: the only module that prints or exits.

Library errors (``DraftError``) become a Chinese message and exit code 1; click's
usage errors exit 2. Heavy libraries are imported inside commands, so ``draft
--help`` stays quick.
"""

from __future__ import annotations

import atexit
import gc
import re
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from drafting import __version__
from drafting.cli_help import ChineseFormatter, chinese_extras
from drafting.errors import DraftError, OverwriteRefused, Problem

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

class _Context(click.Context):
    formatter_class = ChineseFormatter


_USAGE_MESSAGES = [
    (r"No such option:? (\S+?)\.?(?= |$)", "没有这个选项：{0}"),
    (r" ?\(?Did you mean (?:one of: )?(.*?)\??\)?$", "（是否想写 {0}？）"),
    (r"No such command (\S+)\.", "没有这个命令：{0}"),
    (r"Missing argument (\S+)\.", "缺少参数 {0}"),
    (r"Missing option (\S+)\.", "缺少选项 {0}"),
    (r"Got unexpected extra arguments? \((.*)\)", "多余的参数：{0}"),
    (r"Option (\S+) requires an argument\.", "选项 {0} 需要一个值"),
    (r"Invalid value for ('[^']*'(?: / '[^']*')*): ", "{0} 的值无效："),
    (r"'([^']*)' is not one of (.*)\.$", "“{0}”不是可选值之一：{1}"),
    (r"(?:File|Directory|Path) (.*) does not exist\.", "找不到 {0}"),
    (r"(?:File|Path) (.*) is a directory\.", "{0} 是文件夹，这里要写文件"),
    (r"(?:Directory|Path) (.*) is a file\.", "{0} 是文件，这里要写文件夹"),
    (r"(?:File|Directory|Path) (.*) is not (?:readable|writable)\.", "没有权限读写 {0}"),
    (r"(\S+) is not in the range (.*)\.$", "{0} 超出了允许的范围 {1}"),
    (r"(\S+) is not a valid (?:integer|float)(?: range)?\.$", "{0} 不是有效的数字"),
]


def _translate_usage(message: str) -> str:
    for pattern, chinese in _USAGE_MESSAGES:  # compiled on first use: errors only
        m = re.search(pattern, message)
        if m:
            words = (re.sub(r"'([^']*)'", r"\1", group) for group in m.groups())  # unquoted
            message = message[: m.start()] + chinese.format(*words) + message[m.end() :]
    return message


class _ChineseHelp:
    """Chinese headings and help option, for commands and the group alike."""

    context_class = _Context

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(first, chinese_extras(second)) for p in self.get_params(ctx)
                if isinstance(p, click.Option) and (rv := p.get_help_record(ctx))
                for first, second in [rv]]
        if rows:
            with formatter.section("选项"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "显示本帮助并退出。"
        return option


class _Command(_ChineseHelp, click.Command):
    pass


class _Group(_ChineseHelp, click.Group):
    command_class = _Command

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def main(self, args=None, *rest, **kwargs):  # noqa: D401 - click entry point
        if args is None:  # the process's own command line: this process ends with the command
            atexit.register(_skip_final_collections)
            kwargs.setdefault("obj", _OWN_PROCESS)
        kwargs["standalone_mode"] = False
        try:
            result = super().main(args, *rest, **kwargs)
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
            click.echo(_error_line(e), err=True)
            sys.exit(e.exit_code)
        sys.exit(result if isinstance(result, int) else EXIT_OK)


# The context object of a command run as the process's own command line (not
# called by a test or a server), which ends the process when it returns.
_OWN_PROCESS = "draft-process"


def _skip_final_collections() -> None:
    """Python's shutdown runs the cyclic collector over every object still alive
    (modules, the compiled templates, the validator): about 100 ms of a seed build
    on a slow machine, to free memory the operating system takes back anyway.
    Frozen objects are left out; nothing of draft's needs a finaliser at exit
    (every file is written and closed before the command returns)."""
    gc.freeze()


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


_templates_option = click.option(
    "--templates", "templates_dirs", multiple=True, metavar="文件夹",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="另外查找模板包的文件夹（可写多次），先于环境变量 DRAFT_TEMPLATES 和内置模板包。",
)


_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(text: str) -> str:
    """Messages quote the writer's text; show control characters and lone
    surrogates as \\uXXXX instead of sending them to the terminal (a lone
    surrogate cannot even be encoded)."""
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _error_line(error: DraftError) -> str:
    return f"错误：{_visible(str(error))}{_remedy(error)}"


def _remedy(error: DraftError) -> str:
    """How to get past a refused overwrite, in the command line's terms."""
    if not isinstance(error, OverwriteRefused):
        return ""
    if error.in_use:
        return "。请先保存并关闭它再生成；如确认要覆盖，可加 --force（会先备份原文件）"
    return f"。请换一个输出文件名（-o），或加 --force 覆盖（会先把原文件备份为 {error.backup} 这样的编号副本）"


# Warnings printed one by one; past these, one line says how many more there
# are (a long speech with its figures still to come would print thousands).
WARNINGS_SHOWN = 20


def _warn(problems: list[Problem], say=None) -> None:
    say = say or _say
    for problem in problems[:WARNINGS_SHOWN]:
        say(f"警告：{_visible(str(problem))}")
    if len(problems) > WARNINGS_SHOWN:
        say(f"警告：另有 {len(problems) - WARNINGS_SHOWN} 处未列出（共 {len(problems)} 处）；"
            "运行 draft check 加上 YAML 文件名可逐条查看")


def _say(message: str) -> None:
    click.echo(message, err=True)


# More files than this, on a terminal, get a progress bar.
BATCH_BAR_FROM = 6


@main.command()
@click.argument("files", nargs=-1, metavar="[YAML文件]...", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", metavar="文件", type=click.Path(dir_okay=False, path_type=Path), help="输出文件（默认与 YAML 同名、同文件夹；只用于一个文件）。")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["docx", "txt", "pdf"]), default=None,
    help="输出格式：docx（默认）、txt（纯文本，一段一行）或 pdf（需安装 LibreOffice）；不写时按 -o 的扩展名判断。",
)
@click.option(
    "--reference-doc", metavar="参考.docx", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
    help="参考 Word 文件（.docx）：沿用其中的样式、页面设置和页眉页脚，缺少的样式按默认样式表补上。",
)
@click.option(
    "--copy", "copy", type=click.Choice(["file", "reading", "outline", "all"]), default="file",
    help="印哪一种：file 公文版（默认）、reading 阅读版（大字、生僻字注拼音、每部分注时长）、"
    "outline 提纲、all 三种并排（名.docx、名.阅读版.docx、名.提纲.docx）。",
)
@click.option(
    "--force", is_flag=True,
    help="即使已有的 Word 文件被修改过或正在打开，也覆盖它（先备份为 名称.备份1.docx 等）。",
)
@_templates_option
def build(
    files: tuple[Path, ...], output: Path | None, fmt: str | None, reference_doc: Path | None, copy: str,
    force: bool, templates_dirs: tuple[Path, ...],
) -> int:
    """生成讲话稿：可写一个或多个讲话的 YAML 文件；不写则生成内置示例。

    \b
    多个文件一次生成（共用已载入的模板包），各自写在 YAML 旁边；
    某个文件有错时报告后继续生成其余文件，最后以退出码 1 结束。
    """
    if len(files) <= 1 and click.get_current_context().obj is _OWN_PROCESS:
        _collector_off_to_the_end()
    from drafting.workflow.build import Builder

    builder = Builder(list(templates_dirs))
    options = dict(fmt=fmt, reference_doc=reference_doc, copy=copy, force=force)
    if len(files) <= 1:
        _build_one(builder, files[0] if files else None, output, **options)
        return EXIT_OK
    if output is not None:
        raise click.UsageError("-o 只能用于一个文件；多个文件各自生成在 YAML 旁边")
    return _build_many(builder, files, options)


def _collector_off_to_the_end() -> None:
    """A process that builds one file and ends: the cyclic collector's passes,
    over every module the build imports and again once the build hands back
    (each stage pauses it, ``bulk_allocation``), would free nothing before the
    process exits (about a fiftieth of a seed build). A batch keeps them, between
    files, as a long run should."""
    gc.disable()


def _build_many(builder, files: tuple[Path, ...], options: dict) -> int:
    """Every file built in one process; a bad one is reported and the rest go on."""
    show_bar = len(files) >= BATCH_BAR_FROM and _on_terminal()
    held: list[str] = []  # messages wait under a progress bar, printed when it is done
    say = held.append if show_bar else _say
    failed = 0
    bar = click.progressbar(files, label="生成中", file=sys.stderr) if show_bar else nullcontext(files)
    with bar as each:
        for file in each:
            try:
                output = file.with_suffix(".txt") if options["fmt"] == "txt" else None
                _build_one(builder, file, output, say=say, **options)
            except DraftError as e:
                failed += 1
                say(_error_line(e))
    for message in held:
        _say(message)
    if failed:
        _say(f"共 {len(files)} 个文件：{len(files) - failed} 个已生成，{failed} 个出错。")
        return EXIT_INPUT
    _say(f"共 {len(files)} 个文件，均已生成。")
    return EXIT_OK


def _on_terminal() -> bool:
    return sys.stderr.isatty()


def _build_one(builder, file: Path | None, output: Path | None, **options) -> None:
    """One file from its data to the written output with the cyclic collector
    paused throughout, not only inside each stage: switched back on between the
    stages, its first pass rescans everything the stage just built and is still
    using (a tenth of a 2,604-paragraph build)."""
    from drafting.workflow.build import bulk_allocation

    with bulk_allocation():
        _build_file(builder, file, output, **options)


def _build_file(
    builder, file: Path | None, output: Path | None, fmt: str | None, reference_doc: Path | None,
    copy: str, force: bool, say=_say,
) -> None:
    from drafting.workflow.build import render_docx, render_pdf, render_text
    from drafting.model.copy_names import COPY_SUFFIXES, copy_path
    from drafting.writers.safe_write import refuse_input_as_output, write_outputs
    from drafting.packs.finder import DEFAULT_PACK, find_pack

    if file is None:
        file = find_pack(DEFAULT_PACK, builder.template_dirs).example_file
        if output is None and fmt != "txt":
            output = Path(f"{DEFAULT_PACK}-示例.{fmt or 'docx'}")
    if fmt is None:
        suffix = output.suffix.lower().lstrip(".") if output is not None else ""
        fmt = suffix if suffix in ("txt", "pdf") else "docx"
    copies = list(COPY_SUFFIXES) if copy == "all" else [copy]
    to_screen = fmt == "txt" and output is None and copy != "all"
    base = output or file.with_suffix(f".{fmt}")
    targets = {c: (copy_path(base, c) if output is None or copy == "all" else base) for c in copies}
    for target in [] if to_screen else targets.values():
        refuse_input_as_output(target, file)
    draft = builder.draft(file)
    _warn(draft.warnings, say)
    say(_summary(draft))
    if draft.statistics.sourced:
        sheets = "、".join(dict.fromkeys(p.name for p in draft.statistics.files))
        say(f"{len(draft.statistics.sourced)} 个统计指标的数字取自 {sheets}（draft check 列出各取自哪一行）")
    if to_screen:
        click.echo(render_text(draft, copy), nl=False)
        return

    def render(c: str) -> bytes:
        if fmt == "txt":
            return render_text(draft, c).encode("utf-8")
        return (render_pdf if fmt == "pdf" else render_docx)(draft, reference_doc, c)

    # every copy is rendered before any is written: a failure leaves no partial set
    outputs = {targets[c]: render(c) for c in copies}
    for backup in write_outputs(outputs, force=force):  # every format: never over the writer's work
        say(f"原文件已备份为 {backup}")
    for target in outputs:
        say(f"已生成 {target}")


@main.command()
@click.argument("file", metavar="YAML文件", type=click.Path(dir_okay=False, path_type=Path))
@_templates_option
def validate(file: Path, templates_dirs: tuple[Path, ...]) -> None:
    """检查讲话的 YAML 文件是否符合模板包的要求（不生成文件）。"""
    from drafting.workflow.build import Builder

    draft = Builder(list(templates_dirs)).draft(file)
    _warn(draft.warnings)
    click.echo(f"{file}：数据有效（模板包 {draft.pack.name}）。")


@main.command()
@_templates_option
def templates(templates_dirs: tuple[Path, ...]) -> None:
    """列出可用的模板包及其所在位置。

    \b
    同名模板包按以下顺序取第一个：
      1. YAML 中 pack: 写的文件夹路径（相对于 YAML 文件）
      2. --templates 指定的文件夹（按书写顺序）
      3. 环境变量 DRAFT_TEMPLATES 中的文件夹（按顺序，以系统路径分隔符分隔）
      4. 内置模板包
    """
    from drafting.packs.finder import all_packs

    chosen: dict[str, object] = {}
    for pack in all_packs(list(templates_dirs)):
        winner = chosen.setdefault(pack.name, pack)
        if winner is pack:
            click.echo(_visible(f"{pack.name}\t{pack.description}\t（{pack.origin}：{pack.folder}）"))
        else:
            click.echo(_visible(f"  （{pack.origin}：{pack.folder} 中的同名模板包 {pack.name} 被上面的遮盖，不会使用）"))


@main.command()
@click.argument("pack", metavar="模板包")
@_templates_option
def schema(pack: str, templates_dirs: tuple[Path, ...]) -> None:
    """输出模板包的 JSON Schema（可用于编辑器的自动补全和校验）。"""
    from drafting.packs.finder import find_pack

    import json

    click.echo(json.dumps(find_pack(pack, list(templates_dirs)).schema, ensure_ascii=False, indent=2))


@main.command()
@click.argument("pack", metavar="模板包")
@click.argument("file", required=False, metavar="[YAML文件]", type=click.Path(dir_okay=False, path_type=Path))
@_templates_option
def init(pack: str, file: Path | None, templates_dirs: tuple[Path, ...]) -> None:
    """把模板包的带注释示例写到 YAML 文件（默认 讲话.yaml），已存在则不覆盖。"""
    from drafting.writers.safe_write import write_new
    from drafting.packs.finder import find_pack

    from drafting.source.editor import modeline, write_editor_schema
    from drafting.packs.scaffold import repoint_pack_key

    found = find_pack(pack, list(templates_dirs))
    file = file or Path("讲话.yaml")
    example = repoint_pack_key(found.read(found.example_file).decode("utf-8", "replace"), found, file)
    write_new(file, (modeline(found) + "\n" + example).encode("utf-8"))
    schema_file = write_editor_schema(found, file.parent)
    click.echo(f"已写入 {file}（编辑器架构 {schema_file.name}）。填写后运行：draft build {file}")


def _summary(draft) -> str:
    from drafting.model.counting import count_characters, summary_line

    # block by block: the same count as the plain text, without building it
    return summary_line(sum(count_characters(block.text) for block in draft.document.blocks))


@main.command()
@click.argument("source", metavar="原稿", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", metavar="YAML文件", type=click.Path(dir_okay=False, path_type=Path),
              help="写出的 YAML 文件（默认与原稿同名、同文件夹，扩展名 .yaml）；写 - 则输出到屏幕。")
@click.option("--pack", "pack_name", default=None, metavar="模板包",
              help="使用的模板包（不写则按原稿判断：有落款无称谓为 half-year-report，讲全年和明年为 year-end-speech，否则 half-year-speech）。")
@click.option("--overwrite", is_flag=True, help="YAML 文件已存在时覆盖它（默认不覆盖）。")
@click.option("--no-indicators", is_flag=True, help="统计数字一律保留为文字，不整理为指标（indicators）。")
@click.option("--statistics-out", type=click.Path(dir_okay=False, path_type=Path), metavar="指标.xlsx",
              help="另把识别出的统计指标写成 Excel 表，交统计部门填写后可在 statistics: 中使用。")
@_templates_option
def extract(
    source: Path, output: Path | None, pack_name: str | None, overwrite: bool, no_indicators: bool,
    statistics_out: Path | None, templates_dirs: tuple[Path, ...],
) -> None:
    """从旧讲话稿（.docx 或 .txt，一段一行）整理出 YAML 数据。

    \b
    写出的 YAML 用 draft build 生成，文字与原稿逐字一致（写出前已自动核对）；
    以“自动识别”开头的注释是程序的推测，请核对。
    """
    from drafting.source.editor import modeline, write_editor_schema
    from drafting.errors import WriteError
    from drafting.workflow.extract import extract_checked, pack_and_reason
    from drafting.writers.safe_write import write_atomic, write_new
    from drafting.packs.finder import find_pack
    from drafting.readers import read_speech

    document = read_speech(source)
    detected = None if pack_name else pack_and_reason(document)
    pack = find_pack(pack_name or detected[0], list(templates_dirs))
    to_screen = output is not None and str(output) == "-"
    output = output or source.with_suffix(".yaml")
    if not to_screen and output.exists() and not overwrite:
        raise WriteError(f"{output} 已存在，为免覆盖您的内容，未写入。请用 -o 换一个文件名，或加 --overwrite")
    if statistics_out is not None:
        _check_statistics_target(statistics_out, overwrite)  # before anything is written
    header = [] if to_screen else [modeline(pack)[2:]]
    header += [
        f"由 draft extract 从“{source.name}”整理（模板包 {pack.name}）。",
        "以“自动识别”开头的注释是程序的推测，请核对；核对后可删去这些注释。",
    ]
    built_at = Path.cwd() / "-.yaml" if to_screen else output
    checked = extract_checked(
        document, str(source), pack, header, str(built_at), list(templates_dirs), indicators=not no_indicators
    )
    extraction, text, difference = checked.extraction, checked.text, checked.difference
    if checked.figures_as_text:
        click.echo("提示：统计数字整理为指标后与原稿不能逐字一致，已全部按原文保留为文字。", err=True)
    unverified = f"无法用模板包 {pack.name} 生成核对：{checked.unverified}" if checked.unverified else None
    if to_screen:
        click.echo(text, nl=False)
    else:  # without --overwrite, a file that appeared meanwhile is still never replaced
        (write_atomic if overwrite else write_new)(output, text.encode("utf-8"))
        write_editor_schema(pack, output.parent)
    if statistics_out is not None:
        _write_statistics_sheet(extraction.data, source, statistics_out, overwrite)
    click.echo(f"已整理（模板包 {pack.name}）：{extraction.summary()}" + ("" if to_screen else f"，写入 {output}"), err=True)
    if detected and detected[1]:
        click.echo(f"模板包按原稿判断：{detected[1]}；不对时请用 --pack 指定。", err=True)
    for reminder in extraction.reminders:
        click.echo(f"提示：{reminder}", err=True)
    if unverified:
        click.echo(f"警告：{unverified}", err=True)
    elif difference is None:
        click.echo("已核对：由它生成的文字与原稿逐字一致。", err=True)
    else:
        n, want, got = difference
        click.echo(f"警告：由它生成的文字与原稿第 {n} 段不同，请核对：\n  原稿：{want}\n  生成：{got}", err=True)


def _check_statistics_target(target: Path, overwrite: bool) -> None:
    from drafting.errors import WriteError

    if target.suffix.lower() != ".xlsx":
        raise WriteError(f"--statistics-out 应是 .xlsx 文件，如 指标.xlsx（收到“{target.name}”）")
    if target.exists() and not overwrite:
        raise WriteError(f"{target} 已存在，为免覆盖您的内容，未写入。请换一个文件名，或加 --overwrite")


def _write_statistics_sheet(data: dict, source: Path, target: Path, overwrite: bool) -> None:
    from drafting.writers.safe_write import write_atomic, write_new
    from drafting.writers.statistics_sheet import indicators_in, statistics_sheet

    indicators = indicators_in(data)
    (write_atomic if overwrite else write_new)(target, statistics_sheet(indicators, source.name))
    click.echo(f"已写出统计表 {target}：{len(indicators)} 个指标，请统计部门填写“本期”和“同比增长（%）”。", err=True)


@main.command()
@click.argument("file", metavar="YAML文件", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rate", metavar="字数", type=click.IntRange(60, 600), default=220, show_default=True,
              help="语速：每分钟读多少字，用于估算讲话时长。")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式：text 供人阅读，json 供程序处理。")
@_templates_option
def check(file: Path, rate: int, fmt: str, templates_dirs: tuple[Path, ...]) -> int:
    """检查讲话稿：占位符 X、字数和时长、半角标点、引号括号配对、重复标点、重复的句子、点数语句。

    没有发现问题时退出码为 0，有问题时为 1。
    """
    from drafting.workflow.build import Builder
    from drafting.workflow.check import check_draft
    from drafting.model.editions import pinyin_summary

    report = check_draft(Builder(list(templates_dirs)).draft(file), rate)
    if fmt == "json":
        findings = [
            {
                "kind": f.kind,
                "file": f.problem.location.file,
                "line": f.problem.location.line,
                "column": f.problem.location.column,
                "field": f.problem.location.field,
                "message": f.problem.message,
            }
            for f in report.findings
        ]
        pinyin = {"annotated": report.pinyin.annotated, "missing": report.pinyin.missing}
        payload = {"file": str(file), "characters": report.characters, "rate": rate,
                   "minutes": round(report.minutes, 1), "findings": findings, "pinyin": pinyin,
                   "statistics": [s.as_json() for s in report.sourced]}
        import json

        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for finding in report.findings:
            click.echo(str(finding.problem))
        click.echo(report.summary())
        for line in pinyin_summary(report.pinyin):
            click.echo(line)
        if report.sourced:
            click.echo(f"取自统计表的指标 {len(report.sourced)} 个：")
            for sourced in report.sourced:
                click.echo(f"  {sourced}")
        click.echo(f"共 {len(report.findings)} 处问题。" if report.findings else "未发现问题。")
    return EXIT_INPUT if report.findings else EXIT_OK


@main.command()
@click.argument("file", metavar="YAML文件", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", metavar="文件", type=click.Path(dir_okay=False, path_type=Path),
              help="输出的 Word 文件（默认与 YAML 同名、同文件夹）。")
@click.option("--interval", metavar="秒", type=click.FloatRange(0.05, 60), default=0.5, show_default=True,
              help="检查文件是否改动的间隔（秒）。")
@_templates_option
def watch(file: Path, output: Path | None, interval: float, templates_dirs: tuple[Path, ...]) -> None:
    """监视 YAML 文件、模板包和统计表，一有改动就重新生成 Word 文件（按 Ctrl-C 停止）。"""
    import signal
    import time

    from drafting.workflow.build import Builder, render_docx
    from drafting.writers.safe_write import write_docx
    from drafting.source.statistics import statistics_files
    from drafting.source.yaml_loader import load_speech
    from drafting.workflow.watch import pack_files, snapshot, wait_for_change

    output = output or file.with_suffix(".docx")
    watched = [file]

    def rebuild() -> dict:
        """Build once; the files' state as the build read them, so a change made
        while it ran builds again, and files it newly watches are not a change."""
        stamp = time.strftime("%H:%M:%S")
        state = snapshot(watched)
        try:
            speech = load_speech(file)
            builder = Builder(list(templates_dirs))  # anew: picks up pack edits
            watched[1:] = pack_files(builder.pack_for(speech).folder) + statistics_files(speech)
            state = {**snapshot(watched), **{p: s for p, s in state.items() if p in watched}}
            draft = builder.draft_from(speech)
            write_docx(output, render_docx(draft))  # never over the writer's edits
        except DraftError as e:
            click.echo(f"[{stamp}] {_error_line(e)}", err=True)
            return state
        left = f"；另有 {len(draft.warnings)} 处提示（占位符、手误、统计表等，draft check 查看）" if draft.warnings else ""
        click.echo(f"[{stamp}] 已生成 {output}：{_summary(draft)}{left}")
        return state

    click.echo(f"正在监视 {file} 及其模板包和统计表，改动后自动生成 {output}；按 Ctrl-C 停止。")
    # Ctrl-C must stop a watch even when a launcher started it with SIGINT ignored
    # (a background job of a non-interactive shell, some IDE run buttons).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        state = rebuild()
        while True:
            wait_for_change(lambda: list(watched), state, interval)
            state = rebuild()
    except KeyboardInterrupt:
        click.echo("已停止监视。")


@main.command("new-pack")
@click.argument("name", metavar="名称")
@click.option(
    "--from", "source", metavar="起点",
    help="从哪里开始：讲话（默认）、公文（工作总结等）、文档（通知、纪要等一般文稿），或已有模板包的名称（复制它的全部文件）。",
)
@click.option(
    "--dir", "parent", type=click.Path(file_okay=False, path_type=Path), default=Path("."), metavar="文件夹",
    help="在哪个文件夹中创建（默认当前文件夹）。",
)
@_templates_option
def new_pack(name: str, source: str | None, parent: Path, templates_dirs: tuple[Path, ...]) -> None:
    """新建模板包：模板（继承共用版式）、schema.json、带注释的 example.yaml、README.md，建好即可生成。"""
    from drafting.packs.finder import find_pack
    from drafting.packs.scaffold import SPEECH, STARTING_POINTS, create_pack

    origin = STARTING_POINTS.get(source or SPEECH) or find_pack(source, list(templates_dirs))
    folder = create_pack(name, parent, origin)
    click.echo(f"已创建模板包 {folder}。试一试：draft build {folder / 'example.yaml'}")
    click.echo(f"其他 YAML 中用 pack: 写它的相对路径，或用 --templates {parent} 后写 pack: {name}。")


@main.command()
@click.argument("file", metavar="YAML文件", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=0, metavar="端口", help="端口（默认自动选一个空闲端口）。")
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器（自己打开打印出的地址）。")
@click.option("--pack", "pack_name", default=None, metavar="模板包",
              help="YAML 文件还不存在时，从这个模板包的示例开始（默认 half-year-speech）；保存时才写出文件。")
@_templates_option
def serve(file: Path, port: int, no_browser: bool, pack_name: str | None, templates_dirs: tuple[Path, ...]) -> None:
    """在浏览器中填写讲话：按模板包生成表单，右侧为打印预览（按 Ctrl-C 停止）。

    只在本机（127.0.0.1）提供，地址中带有本次运行的令牌；只读写这个 YAML 文件及由它生成的文件。
    """
    import signal
    import webbrowser

    from drafting.errors import WriteError
    from drafting.serve.desk import Desk
    from drafting.serve.server import DeskServer

    desk = Desk(file, pack_name, list(templates_dirs))
    try:
        server = DeskServer(desk, port)
    except OSError as e:
        raise WriteError(f"无法在端口 {port} 上启动（{e.strerror}）：换一个 --port，或不写 --port 自动选择") from None
    click.echo(server.url)  # the first line: what the writer (or a script) opens
    click.echo(f"正在编辑 {file}{'（新文件，保存时写出）' if desk.is_new else ''}；按 Ctrl-C 停止。", err=True)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as draft watch: even when started with SIGINT ignored
    if not no_browser:
        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("已停止。", err=True)
    finally:
        server.server_close()

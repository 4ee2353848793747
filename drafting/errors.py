"""One small hierarchy of errors, each carrying where the problem is.

Only ``cli.py`` catches these; it prints ``str(error)`` and exits with
``error.exit_code``. Library errors (YAML, jsonschema, Jinja, lxml, OS) are
re-raised as one of these, naming the writer's file, line and field.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file the writer can go to. Any part may be unknown (None)."""

    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str | None = None  # data path such as parts[1].points[0].lead

    def __str__(self) -> str:
        parts = [self.file or "<输入>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: an error in a batch, or a warning (e.g. an X placeholder)."""

    location: Location
    message: str
    source_line: str | None = None  # the offending line of the file, for a caret

    def __str__(self) -> str:
        field = f" {self.location.field}" if self.location.field else ""
        text = f"{self.location}{field}：{self.message}"
        if self.source_line is not None and self.location.column:
            caret = _caret_line(self.source_line, self.location.column)
            text += f"\n    {self.source_line}\n    {caret}"
        return text


def _caret_line(source_line: str, column: int) -> str:
    # CJK characters take two cells in a terminal; keep the caret under the column.
    pad = "".join(
        "\u3000" if ord(ch) > 0x2E7F else ("\t" if ch == "\t" else " ")
        for ch in source_line[: column - 1]
    )
    return pad + "^"


_OS_REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限（或文件正被其他程序打开）",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "所在的磁盘是只读的",
    errno.EBUSY: "文件正被其他程序占用",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EEXIST: "文件已存在",
}


def os_reason(error: OSError) -> str:
    """Why the system refused, in Chinese (``strerror`` is English), for the
    common cases; the system's own words otherwise."""
    return _OS_REASONS.get(error.errno, error.strerror or str(error))


class DraftError(Exception):
    """Raised for anything the writer can fix; never for a bug in draft itself."""

    exit_code = 1
    source_line: str | None = None  # the offending line of the file, for a caret

    def __init__(self, message: str, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return str(Problem(self.location, self.message, self.source_line))


class DataError(DraftError):
    """Raised when the YAML file cannot be read, decoded or parsed."""

    def __init__(
        self, message: str, location: Location | None = None, source_line: str | None = None
    ):
        super().__init__(message, location)
        self.source_line = source_line


class SchemaError(DraftError):
    """Raised when the data does not fit the pack's schema; carries every problem."""

    def __init__(self, problems: list[Problem]):
        first = problems[0].location if problems else None
        super().__init__(f"数据有 {len(problems)} 处问题", first)
        self.problems = problems

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(f"共 {len(self.problems)} 处问题，请修改后重试。")
        return "\n".join(lines)


class PackError(DraftError):
    """Raised when a template pack cannot be found or is malformed."""


class StyleSheetError(SchemaError, PackError):
    """Raised when a pack's style sheet does not fit the style-sheet schema; carries every problem."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.message = problems[0].message if len(problems) == 1 else f"样式表有 {len(problems)} 处问题"


class TemplateError(DraftError):
    """Raised when a pack's template fails to compile or render."""


class MarkupError(TemplateError):
    """Raised when a template's output is not draft's markup.

    The reader only sees the output, so it says where in the output
    (``output_line``, ``output_column``, and the offending ``output_text``);
    the renderer then finds the template line that printed it.
    """

    def __init__(
        self,
        message: str,
        location: Location | None = None,
        output_line: int | None = None,
        output_column: int | None = None,
        output_text: str | None = None,
    ):
        super().__init__(message, location)
        self.output_line = output_line
        self.output_column = output_column
        self.output_text = output_text


class WriteError(DraftError):
    """Raised when output cannot be written, or writing would lose the writer's work."""


class OverwriteRefused(WriteError):
    """Writing would replace a file that may hold the writer's work; forcing it keeps a backup first.

    The message says what is wrong only: how to force it is the front end's to
    say (the CLI's ``-o``/``--force``, the desk's 仍要覆盖 button).
    """

    def __init__(self, message: str, location: Location, *, backup: str, in_use: bool = False):
        super().__init__(message, location)
        self.backup = backup  # the name the first backup would get
        self.in_use = in_use  # open in Word or WPS: close it first


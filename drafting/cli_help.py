"""``--help`` set for Chinese: headings in Chinese and lines wrapped by the
width a terminal gives each character.

click wraps with textwrap, which breaks only at spaces and counts every
character as one column: a Chinese help text (two columns a character, no
spaces) ran past the terminal's edge on one line, or was broken at the one
space it held ("参考 Word" / "文件（.docx）……").
"""

from __future__ import annotations

import re
import unicodedata

import click

_HEADINGS = {"Usage: ": "用法：", "Options": "选项", "Commands": "命令", "Arguments": "参数"}

# Marks a line may not start with, and marks it may not end with (the rule
# Chinese typesetting calls 避头尾).
_NO_LINE_START = set("，。、；：！？）》」』】〉”’…—·～%,.;:!?)]}")
_NO_LINE_END = set("（《「『【〈“‘([{")


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def display_width(text: str) -> int:
    return sum(2 if _is_wide(ch) else 1 for ch in text)


def _pieces(text: str) -> list[str]:
    """Units a line may break between: each wide character alone, a run of
    narrow ones (a word, a number, an option name) whole, spaces as their own."""
    pieces: list[str] = []
    for ch in text:
        last = pieces[-1][-1] if pieces else " "
        if ch != " " and last != " " and not _is_wide(ch) and not _is_wide(last):
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces


def wrap_line(text: str, width: int) -> list[str]:
    """One paragraph in lines of at most ``width`` columns (a single piece
    wider than that gets a line of its own), never starting a line with a
    closing mark nor ending one with an opening mark."""
    lines: list[list[str]] = [[]]
    used = 0
    for piece in _pieces(text):
        w = display_width(piece)
        if lines[-1] and used + w > width and piece != " ":
            line = lines[-1]
            carry: list[str] = []
            # pull the last piece down with a mark that may not start a line,
            # or with an opening mark left at the end
            while (carry or [piece])[0][0] in _NO_LINE_START and len(line) > 1:
                carry.insert(0, line.pop())
            while len(line) > 1 and line[-1][-1] in _NO_LINE_END:
                carry.insert(0, line.pop())
            while line and line[-1] == " ":
                line.pop()
            lines.append(carry)
            used = sum(display_width(p) for p in carry)
        if piece == " " and not lines[-1]:
            continue
        lines[-1].append(piece)
        used += w
    return ["".join(line).rstrip() for line in lines if line]


def wrap_text(text: str, width: int, indent: str = "") -> str:
    """click's paragraph rules (blank lines part paragraphs, a paragraph
    after a ``\\b`` line is kept as written) with Chinese line breaking."""
    out: list[str] = []
    for paragraph in text.expandtabs().split("\n\n"):
        lines = paragraph.strip("\n").split("\n")
        if lines and lines[0].strip() == "\b":
            out.append("\n".join(_kept_line(line, width, indent) for line in lines[1:]))
            continue
        joined = " ".join(line.strip() for line in lines if line.strip())
        out.append("\n".join(indent + line for line in wrap_line(joined, max(width - len(indent), 10))))
    return "\n\n".join(out)


def _kept_line(line: str, width: int, indent: str) -> str:
    """A line the author broke by hand stays a line; only one wider than the
    terminal is wrapped, its rest under its own first character."""
    if display_width(indent + line) <= width:
        return indent + line
    hang = indent + " " * (len(line) - len(line.lstrip(" ")))
    return "\n".join(hang + part for part in wrap_line(line.strip(), max(width - len(hang), 10)))


class ChineseFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args.replace("[OPTIONS]", "[选项]").replace("COMMAND", "命令"), "用法：")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        self.write(wrap_text(text, self.width, " " * self.current_indent))
        self.write("\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((display_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        margin = " " * (self.current_indent + first_col)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + margin)
            lines = wrap_text(second, max(self.width - first_col - self.current_indent, 20)).split("\n")
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write((margin + line).rstrip() + "\n")


# patterns for --help only: re compiles them on first use
_EXTRA = r"\s*\[([^\[\]]*)\]$"
_RANGE = r"(?:([\d.]+)(<=?))?x(?:(<=?)([\d.]+))?|x(>=?)([\d.]+)"


def chinese_extras(help_text: str) -> str:
    """click appends "[default: 220; 60<=x<=600]" to an option's help in
    English; say it in Chinese: "（默认 220，可写 60～600）"."""
    found = re.search(_EXTRA, help_text)
    if not found:
        return help_text
    said = []
    for item in found.group(1).split("; "):
        if item.startswith("default: "):
            said.append(f"默认 {item[len('default: '):]}")
        elif item == "required":
            said.append("必须填写")
        elif m := re.fullmatch(_RANGE, item):
            low, high = m.group(1), m.group(4)
            if m.group(5):  # x>=N
                said.append(f"至少 {m.group(6)}" if m.group(5) == ">=" else f"大于 {m.group(6)}")
            elif low and high:
                said.append(f"可写 {low}～{high}")
            elif low:
                said.append(f"至少 {low}")
            elif high:
                said.append(f"至多 {high}")
        else:
            said.append(item)
    return help_text[: found.start()] + "（" + "，".join(said) + "）"

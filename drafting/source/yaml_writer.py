"""Write data as YAML a writer can read and edit: the reverse of ``data.py``.

A small emitter instead of a YAML library's dumper, because what matters here
is how the file reads: Chinese comments above the keys they explain, literal
block scalars (``|-``) for paragraphs — never folded ``>``, which would put
spaces between CJK lines — plain one-line scalars for short text, and keys in
the order the caller gives (the pack's schema order). Anything that a plain or
literal scalar could not carry exactly is double-quoted with escapes, and the
caller can check the result by loading it back (``data.parse_speech``).
"""

from __future__ import annotations

import re
from typing import Any

from drafting.source.yaml_loader import resolve_plain

Path_ = tuple[str | int, ...]
INDENT = 2
PLAIN_MAX = 40  # longer text goes in a literal block

_PLAIN_FIRST = set("-?:,[]{}#&*!|>'\"%@`")
_UNSAFE_IN_PLAIN = re.compile(r": |:$| #|[\t\n\r\x00-\x1f\x7f\x85\u2028\u2029\ufeff]")
_UNSAFE_IN_BLOCK = re.compile(r"[\r\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]")


def write_yaml(data: dict[str, Any], notes: dict[Path_, list[str]] | None = None, header: list[str] = ()) -> str:
    """The YAML text of ``data``, each note as a ``# …`` line above its path."""
    out = [f"# {line}" if line else "#" for line in header]
    _mapping(data, (), 0, notes or {}, out)
    return "\n".join(out) + "\n"


def _comments(path: Path_, indent: int, notes: dict, out: list[str]) -> None:
    for note in notes.get(path, ()):
        out.append(" " * indent + "# " + note)


def _mapping(data: dict, path: Path_, indent: int, notes: dict, out: list[str], first_prefix: str = "") -> None:
    for i, (key, value) in enumerate(data.items()):
        child = path + (key,)
        on_dash_line = i == 0 and bool(first_prefix)
        # a comment cannot sit between "- " and the first key: it goes above the dash
        _comments(child, indent - INDENT if on_dash_line else indent, notes, out)
        pad = first_prefix if on_dash_line else " " * indent
        _entry(pad + f"{key}:", value, child, indent, notes, out)


def _entry(prefix: str, value: Any, path: Path_, indent: int, notes: dict, out: list[str]) -> None:
    """``prefix`` is ``key:`` or ``-``; the value follows on its line or below it."""
    if isinstance(value, dict) and value:
        if prefix.endswith("-"):
            _mapping(value, path, indent + INDENT, notes, out, first_prefix=prefix + " ")
        else:
            out.append(prefix)
            _mapping(value, path, indent + INDENT, notes, out)
    elif isinstance(value, list) and value:
        if prefix.endswith("-"):  # a table's row: one line, each cell quoted so it stays text
            if any(isinstance(item, (dict, list)) for item in value):
                raise ValueError("nested lists are written only as rows of cells")
            out.append(prefix + " [" + ", ".join(_cell(item) for item in value) + "]")
            return
        out.append(prefix)
        for n, item in enumerate(value):
            _comments(path + (n,), indent + INDENT, notes, out)
            _entry(" " * (indent + INDENT) + "-", item, path + (n,), indent + INDENT, notes, out)
    else:
        out.extend(_scalar(prefix, value, indent + INDENT))


def _cell(value: Any) -> str:
    if value is None or isinstance(value, (bool, int, float)):
        return _scalar("", value, 0)[0].strip()
    return quoted(str(value))


def _scalar(prefix: str, value: Any, indent: int) -> list[str]:
    if isinstance(value, dict):
        return [prefix + " {}"]
    if isinstance(value, list):
        return [prefix + " []"]
    if value is None:
        return [prefix + " null"]
    if isinstance(value, bool):
        return [prefix + (" true" if value else " false")]
    if isinstance(value, (int, float)):
        return [prefix + " " + repr(value)]
    text = str(value)
    if len(text) <= PLAIN_MAX and is_plain_safe(text):
        return [prefix + " " + text]
    if _is_block_safe(text):
        return [prefix + " |-"] + [(" " * indent + line) if line else "" for line in text.split("\n")]
    return [prefix + " " + quoted(text)]


def is_plain_safe(text: str) -> bool:
    """Whether ``text`` reads back as the same string when written unquoted."""
    return (
        bool(text)
        and text == text.strip(" ")
        and text[0] not in _PLAIN_FIRST
        and not _UNSAFE_IN_PLAIN.search(text)
        and resolve_plain(text) == text
        and all(map(_printable, text))
    )


def _is_block_safe(text: str) -> bool:
    lines = text.split("\n")
    return (
        bool(text)
        and not text.startswith((" ", "\n"))
        and not text.endswith("\n")
        and not _UNSAFE_IN_BLOCK.search(text)
        and all(line == line.rstrip(" \t") for line in lines)
        and all(_printable(ch) for ch in text if ch != "\n")
    )


def quoted(text: str) -> str:
    """A YAML double-quoted scalar; anything YAML may not hold raw is escaped."""
    return '"' + "".join(_ESCAPES.get(ch) or (ch if _printable(ch) else _escape(ch)) for ch in text) + '"'


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r",
            "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _printable(ch: str) -> bool:
    """YAML 1.2's printable set (line breaks are escaped before this is asked)."""
    code = ord(ch)
    return (
        0x20 <= code <= 0x7E or code == 0xA0 or 0xA1 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD and code != 0xFEFF or 0x10000 <= code <= 0x10FFFF
    )


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"

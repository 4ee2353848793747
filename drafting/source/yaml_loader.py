"""Load the writer's YAML into data that remembers where every value stood.

We compose YAML nodes with PyYAML and build the data ourselves rather than use a
constructor, because we need what constructors throw away: the line of every
value and key (for errors that name a line), duplicate keys (a silent
last-one-wins loses the writer's text), bounded alias expansion, and YAML 1.2
scalars (so ``no`` stays the word and ``2025-07-15`` stays the date as written).

Positions have one source, this module: every mapping and list of the data
knows its own path (``SourceDict``/``SourceList``), and the ``SourceMap`` knows
the line and column of every path and, for a string typed over several lines,
the line of each of its characters. Nothing downstream reads the file again.
"""

from __future__ import annotations

import bisect
import copy
import math
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

from drafting.errors import DataError, Location, Problem, os_reason

try:  # the C composer is several times faster on book-length inputs
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader

_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
class _Loader(_BaseLoader):
    """PyYAML's resolver, skipped for plain text it could only call text.

    The resolver runs YAML 1.1 regular expressions over every plain scalar whose
    first character could start a number, bool, null, date…; a line of Chinese
    cannot, and asking costs a tenth of the load time. Whatever it calls non-text
    then goes through ``resolve_plain`` (YAML 1.2), as before.
    """

    _MAY_RESOLVE = frozenset(ch for ch in _BaseLoader.yaml_implicit_resolvers if ch)

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0] and value and value[0] not in self._MAY_RESOLVE:
            return _STR_TAG
        return super().resolve(kind, value, implicit)


# A long speech is tens of kilobytes; composing YAML costs tens of bytes of
# memory per byte of input, so the bound keeps a stray huge file from eating it.
MAX_INPUT_BYTES = 64 * 1024 * 1024  # a book-length report of 58,000 paragraphs is about 30 MB
MAX_DEPTH = 64
# Aliases may share subtrees, but the expanded data may not grow past this many
# nodes, or this many characters of text, more than the file itself holds
# ("billion laughs").
MAX_ALIAS_EXPANSION = 100_000
MAX_ALIAS_TEXT = 1_000_000
# Line breaks to YAML 1.1 (and so to libyaml) but not to Notepad or WPS: they
# would shift every line number we report, and a key after one silently moves.
_FOREIGN_BREAKS = re.compile("[\x85\u2028\u2029]")

Path_ = tuple[str | int, ...]


class SourceDict(dict):
    """A mapping of the writer's data that knows its own path in the file.

    Made by the loader and by schema default filling, so whoever holds a part
    of the data (a template filter given an indicator list, a check given a
    paragraph) asks the ``SourceMap`` for its line without searching the
    whole data for it. Templates cannot read ``path`` (``packs.render``).
    """

    __slots__ = ("_path",)  # "_": Jinja's sandbox keeps it from templates

    def __copy__(self) -> SourceDict:
        copied = SourceDict(self)
        copied._path = self._path
        return copied

    def __deepcopy__(self, memo: dict) -> SourceDict:
        """As fast as a plain dict's: the generic way for a subclass is several times slower."""
        copied = memo[id(self)] = SourceDict()
        copied._path = self._path
        for key, value in self.items():
            copied[key] = value if type(value) in _ATOMIC else copy.deepcopy(value, memo)
        return copied


class SourceList(list):
    """A list of the writer's data that knows its own path (see ``SourceDict``)."""

    __slots__ = ("_path",)  # "_": Jinja's sandbox keeps it from templates

    def __copy__(self) -> SourceList:
        copied = SourceList(self)
        copied._path = self._path
        return copied

    def __deepcopy__(self, memo: dict) -> SourceList:
        copied = memo[id(self)] = SourceList()
        copied._path = self._path
        copied += [value if type(value) in _ATOMIC else copy.deepcopy(value, memo) for value in self]
        return copied


_ATOMIC = frozenset({str, int, float, bool, type(None)})  # what copy.deepcopy returns as it is


def located(value: Any, path: Path_) -> Any:
    """``value`` with every container in it knowing its path from ``path`` down:
    for data that was not loaded (a schema default); loaded containers are kept."""
    if isinstance(value, dict):
        if type(value) is SourceDict and value._path == path:
            return value
        result = SourceDict((k, located(v, path + (k,))) for k, v in value.items())
    elif isinstance(value, list):
        if type(value) is SourceList and value._path == path:
            return value
        result = SourceList(located(v, path + (i,)) for i, v in enumerate(value))
    else:
        return value
    result._path = path
    return result


def path_of(container: Any) -> Path_ | None:
    """Where a container of the data stands, or None for one built elsewhere."""
    return getattr(container, "_path", None) if isinstance(container, (SourceDict, SourceList)) else None


@dataclass(slots=True)
class SourceMap:
    """Where each value (and each mapping key) of the data was written."""

    file: str
    # line and column packed in one int (``pack_mark``): a book-length speech
    # has hundreds of thousands of values, and a pair of ints each is 80 bytes more
    values: dict[Path_, int] = field(default_factory=dict)
    keys: dict[Path_, int] = field(default_factory=dict)
    # strings written over several lines: where each line of the file starts in
    # the string, as (offset, line, column) — the one place that knows how YAML
    # folded, unquoted or kept the writer's lines (``_line_starts``). A literal
    # block keeps the lines one for one, so it is the string itself (the data's
    # own, no copy): a book-length file written by ``draft extract`` has a block
    # for every long paragraph.
    spans: dict[Path_, str | tuple[tuple[int, int, int | None], ...]] = field(default_factory=dict)
    text: str = ""
    # True when the loader saw that every string can be printed in a Word file:
    # the YAML reader refuses control characters in the file itself, so only an
    # escape in a double-quoted string ("\x01") can bring one in, and only
    # .inf/.nan give a number that is not one. Then nothing needs checking again.
    all_printable: bool = False
    # slips that still parse, each a warning naming its line: text after " #" a
    # comment, a leading "&word" an anchor (the writer's words would be lost)
    slips: list[Problem] = field(default_factory=list)
    _lines: list[str] | None = None  # split only when a message quotes a line

    def locate(self, path: Path_, *, key: bool = False, offset: int | None = None) -> Location:
        """The location of ``path``, or of its nearest ancestor that was written
        (a value filled by a schema default is found at its parent). With
        ``offset``, the line of that character of the string at ``path``."""
        if offset is not None and (span := self.spans.get(tuple(path))):
            return self._in_span(path, span, offset)
        table = self.keys if key else self.values
        probe = tuple(path)
        while True:
            mark = table.get(probe) or self.values.get(probe)
            if mark is not None:
                line, column = unpack_mark(mark)
                return Location(self.file, line, column, format_path(path) or None)
            if not probe:
                return Location(self.file, None, None, format_path(path) or None)
            probe = probe[:-1]

    def _in_span(self, path: Path_, span: str | tuple[tuple[int, int, int | None], ...], offset: int) -> Location:
        if isinstance(span, str):  # a literal block: its lines start on the line below its ``|``
            line = unpack_mark(self.values[tuple(path)])[0] + 1 + span.count("\n", 0, offset)
            return Location(self.file, line, None, format_path(path) or None)
        at = bisect.bisect_right(span, offset, key=lambda start: start[0]) - 1
        _, line, column = span[max(at, 0)]
        return Location(self.file, line, column, format_path(path) or None)

    @property
    def lines(self) -> list[str]:
        """The file's lines, split on first use (most builds quote none)."""
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    def line_text(self, line: int | None) -> str | None:
        lines = self.lines
        if line is None or not 1 <= line <= len(lines):
            return None
        return lines[line - 1]


@dataclass(slots=True)
class SpeechData:
    """The writer's data (mappings and lists that know their path, and scalars), with its source map."""

    values: Any
    source: SourceMap

    @property
    def file(self) -> str:
        return self.source.file


def walk(values: Any) -> Iterator[tuple[Path_, Any]]:
    """Every value in the data with its path, the root first; containers before their contents.

    One loop rather than recursion, so book-length data costs a step per value.
    """
    yield (), values
    stack = [((), values)] if isinstance(values, (dict, list)) else []
    while stack:
        path, container = stack.pop()
        for key, value in container.items() if isinstance(container, dict) else enumerate(container):
            child = path + (key,)
            yield child, value
            if isinstance(value, (dict, list)):
                stack.append((child, value))


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def load_speech(path: str | Path) -> SpeechData:
    """Read a speech YAML file; raise DataError naming file and line on any problem."""
    path = Path(path)
    return parse_speech(read_input(path, "YAML 文件"), str(path))


def read_input(path: Path, kind: str) -> bytes:
    """A file's bytes, or a DataError in Chinese saying why it cannot be read.
    No more than the input bound is read: a huge file (or a device) fails fast."""
    try:
        with open(path, "rb") as handle:
            raw = _read_bounded(handle, MAX_INPUT_BYTES)
        if raw is None:
            raise DataError(f"文件过大，上限为 {MAX_INPUT_BYTES // (1024 * 1024)} MB", Location(str(path)))
        return raw
    except FileNotFoundError:
        raise DataError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise DataError(f"这是一个文件夹，不是{kind}：{path}") from None
    except OSError as e:
        raise DataError(f"无法读取文件 {path}：{os_reason(e)}") from None


def _read_bounded(handle, limit: int) -> bytes | None:
    """The file's bytes, or None if there are more than ``limit`` — known from
    its size before reading, or found within ``limit + 1`` bytes for a device or
    pipe (size 0, read in pieces; nothing is reserved up front)."""
    size = os.fstat(handle.fileno()).st_size
    if size > limit:
        return None
    chunks, total = [], 0
    want = size + 1 if size else 1 << 20
    while total <= limit:
        chunk = handle.read(min(want, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = 1 << 20
    return b"".join(chunks) if total <= limit else None


def parse_speech(raw: bytes, file: str) -> SpeechData:
    if len(raw) > MAX_INPUT_BYTES:
        raise DataError(
            f"文件过大（{len(raw) // (1024 * 1024)} MB），上限为 {MAX_INPUT_BYTES // (1024 * 1024)} MB",
            Location(file),
        )
    text = decode_text(raw, file)
    source = SourceMap(file, text=text)
    _check_line_breaks(text, source)
    try:
        if _may_nest_deeply(text):
            _check_depth(text, source)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        raise _syntax_error(e, source) from None
    except yaml.reader.ReaderError as e:
        # libyaml counts the position in UTF-8 bytes; the character itself is exact
        position = text.find(chr(e.character)) if isinstance(e.character, int) else e.position
        raise _control_character_error(text, max(position, 0), e.character, source) from None
    except yaml.YAMLError:  # pragma: no cover - unmarked errors are rare
        raise DataError("YAML 无法解析：请对照示例检查缩进、冒号和引号", Location(file)) from None
    if root is None:
        raise DataError("文件是空的：请按示例填写（可用 draft init 生成示例）", Location(file, 1))
    if "&" in text:  # no anchor, no alias: nothing can expand
        _check_expansion(root, source)
    builder = _Builder(source, _comment_lines(text), "&" in text)
    source.all_printable = True  # until the builder meets an escape or .inf/.nan
    return SpeechData(builder.build(root, (), 0), source)


# ---------------------------------------------------------------- decoding


def decode_text(raw: bytes, file: str) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK and GB2312).

    A file that is UTF-8 up to a bad byte, with Chinese before it, is a damaged
    UTF-8 file: reading it as GB18030 would turn all of it into mojibake, so the
    bad byte is reported instead.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]

    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return normalize_newlines(raw.decode("utf-16"))
        except UnicodeDecodeError as e:
            raise _decode_error(raw, e, file, "UTF-16") from None
    if raw.count(b"\x00") * 4 > len(raw):  # every second byte zero: UTF-16 that lost its BOM
        raise DataError(
            "文件编码无法识别：看起来是不带 BOM 的 UTF-16 编码。请在编辑器中“另存为” UTF-8 编码后重试",
            Location(file, 1),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        if _looks_like_utf8(raw[: utf8_error.start]):
            raise _decode_error(raw, utf8_error, file, "UTF-8") from None
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError as gb_error:
            first = min(utf8_error, gb_error, key=lambda e: e.start)
            raise _decode_error(raw, first, file, "UTF-8 或 GBK/GB18030") from None
        _check_plausible_gb(text, raw, file)
    return normalize_newlines(text)


# GB18030 decodes almost any byte pairs, so Big5 or Shift-JIS bytes come out as
# Chinese characters, just the wrong ones: rare hanzi from GBK's extension and
# private-use code points. A file written in GBK/GB2312 (Notepad, WPS) is nearly
# all GB2312 characters, the 6,763 hanzi of everyday simplified Chinese; a name
# with a rare character is one in hundreds. So when more than a quarter of the
# letters (punctuation aside) fall outside GB2312, the bytes were not GBK.
_IMPLAUSIBLE_SHARE = 0.25
_IMPLAUSIBLE_MIN = 3
_SAMPLE = 100_000  # characters: wrong bytes are wrong throughout, a book-length file need not be read twice


def _check_plausible_gb(text: str, raw: bytes, file: str) -> None:
    letters = rare = 0
    first_rare = None
    for i, ch in enumerate(text[:_SAMPLE]):
        if ch < "\x80" or unicodedata.category(ch)[0] in "PZS" or ch == "〇":
            continue
        letters += 1
        if not _in_gb2312(ch):
            rare += 1
            first_rare = i if first_rare is None else first_rare
    if rare >= _IMPLAUSIBLE_MIN and rare > letters * _IMPLAUSIBLE_SHARE:
        line = text.count("\n", 0, first_rare) + 1
        raise DataError(
            f"文件编码无法识别：按 GBK/GB18030 读出的 {letters} 个字中有 {rare} 个是生僻字或私用区字符，"
            f"不像中文文稿{_likely_encoding(raw)}。请在编辑器中“另存为” UTF-8 编码后重试（以免讲话稿中出现乱码）",
            Location(file, line),
        )


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _likely_encoding(raw: bytes) -> str:
    for codec, name, script in (("shift_jis", "日文 Shift-JIS", "[\u3040-\u30ff]"), ("big5", "繁体中文 Big5", "")):
        try:
            decoded = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if not script or re.search(script, decoded):
            return f"，很可能是{name} 编码"
    return ""


def _looks_like_utf8(prefix: bytes) -> bool:
    """Several multi-byte UTF-8 characters in a row do not happen by chance in GBK."""
    text = prefix.decode("utf-8")
    return sum(1 for ch in text if ord(ch) > 0x7F) >= 3


def normalize_newlines(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line ends become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _decode_error(raw: bytes, e: UnicodeDecodeError, file: str, tried: str) -> DataError:
    offset = e.start
    line = raw.count(b"\n", 0, offset) + 1
    bad = raw[offset : offset + 4].hex(" ")
    return DataError(
        f"文件编码无法识别：第 {offset} 字节（第 {line} 行）处的字节 {bad} 不是 {tried} 编码。"
        "请在编辑器中“另存为” UTF-8 编码后重试",
        Location(file, line),
    )


# ---------------------------------------------------------------- checks before YAML


def _check_line_breaks(text: str, source: SourceMap) -> None:
    if "\x85" not in text and "\u2028" not in text and "\u2029" not in text:
        return  # three scans for one character each are several times faster than the pattern's one
    found = _FOREIGN_BREAKS.search(text)
    if found:
        where = _position(text, found.start(), source)
        raise DataError(
            f"文件中含有特殊换行符 U+{ord(found.group()):04X}（常由网页复制带入），编辑器里看不见，"
            "却会打乱行号和缩进。请删去它，需要换行处用普通回车",
            where,
            _visible_line(source.line_text(where.line)),
        )


def _may_nest_deeply(text: str) -> bool:
    """Whether the text could nest past MAX_DEPTH, from a bound found without parsing.

    A flow collection opens with ``[`` or ``{``; a block one sits either deeper
    in the line or behind a ``- `` / ``? `` indicator, and at most every second
    level can do without a column of its own (``key:`` then ``- `` at the same
    indentation). So depth ≤ brackets + 2 × (widest run of spaces and indicators
    at a line's start) + 2. Only a text that could pass the bound is walked event
    by event, which costs as much as reading it.
    """
    flow = text.count("[") + text.count("{")
    room = (MAX_DEPTH - 2 - flow) // 2
    if room < 1:
        return True
    run = f"[ ?\\-]{{{room},}}"  # at a line's start: "\n" before it lets the search skip ahead (not ^ with re.M)
    return re.match(run, text) is not None or re.search("\n" + run, text) is not None


def _check_depth(text: str, source: SourceMap) -> None:
    """Refuse deep nesting before composing: libyaml's composer recurses in C
    and crashes the interpreter on a few thousand nested brackets.

    The libyaml in PyYAML 6.0.4 and later stops at 1000 levels itself, in its
    scanner, which reads flow brackets far ahead of the events counted here;
    its English refusal is the same fault, so it gets the same message.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(event.start_mark, source)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as e:
        if e.problem != _LIBYAML_TOO_DEEP:
            raise
        raise _too_deep(e.problem_mark, source) from None


_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"


def _too_deep(mark: Any, source: SourceMap) -> DataError:
    """libyaml's C marks and PyYAML's Python ones both carry line and column from 0."""
    return DataError(
        f"嵌套层数过深（上限 {MAX_DEPTH} 层）",
        Location(source.file, mark.line + 1, mark.column + 1),
    )


def _control_character_error(text: str, position: int, character: int, source: SourceMap) -> DataError:
    where = _position(text, position, source)
    return DataError(
        f"文件中含有不可用的控制字符 U+{character:04X}（常由复制粘贴带入，Word 文档无法保存），请删去",
        where,
        _visible_line(source.line_text(where.line)),
    )


def _position(text: str, offset: int, source: SourceMap) -> Location:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(source.file, line, column)




def _visible_line(line: str | None) -> str | None:
    """The line with invisible characters shown as one-cell marks (the caret stays put)."""
    if line is None:
        return None
    return re.sub("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\ud800-\udfff]", "\ufffd", line)  # error messages only


# ---------------------------------------------------------------- YAML errors

def _syntax_error(e: yaml.MarkedYAMLError, source: SourceMap) -> DataError:
    from drafting.source.messages import explain_syntax  # its patterns are compiled only for a file that needs them

    mark = e.problem_mark or e.context_mark
    problem = (e.problem or e.context or "").strip()
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    found = explain_syntax(source.lines, line, column, problem)
    where = Location(source.file, found.line, found.column)
    return DataError(f"YAML 语法错误：{found.message}", where, source.line_text(found.line))


# ---------------------------------------------------------------- building


@dataclass(slots=True)
class Expansion:
    """How big the data is once every alias is replaced by what it names.

    Counted over the composed node graph, where an alias is a second reference
    to its anchor's node, so the count costs one visit per distinct node.
    """

    nodes: int  # values after expansion
    text: int  # characters of scalar text after expansion
    distinct_nodes: int  # values written in the file
    distinct_text: int
    worst: yaml.Node | None  # the anchored node whose repetition costs most


def measure_expansion(root: yaml.Node, source: SourceMap) -> Expansion:
    sizes: dict[int, tuple[int, int]] = {}
    nodes: dict[int, yaml.Node] = {}
    reuses: dict[int, int] = {}
    visiting: set[int] = set()

    def size(node: yaml.Node) -> tuple[int, int]:
        key = id(node)
        if key in sizes:
            reuses[key] = reuses.get(key, 0) + 1
            return sizes[key]
        if key in visiting:
            line = node.start_mark.line + 1
            raise DataError("锚点引用了自身，形成循环", Location(source.file, line))
        visiting.add(key)
        count, text = 1, 0
        if isinstance(node, yaml.ScalarNode):
            text = len(node.value)
        else:
            children = node.value if isinstance(node, yaml.SequenceNode) else [c for kv in node.value for c in kv]
            for child in children:
                child_count, child_text = size(child)
                count += child_count
                text += child_text
        visiting.discard(key)
        sizes[key] = (count, text)
        nodes[key] = node
        return count, text

    total_nodes, total_text = size(root)
    worst = max(reuses, key=lambda k: reuses[k] * (sizes[k][0] + sizes[k][1]), default=None)
    return Expansion(
        total_nodes,
        total_text,
        len(sizes),
        sum(len(n.value) for n in nodes.values() if isinstance(n, yaml.ScalarNode)),
        nodes[worst] if worst is not None else None,
    )


def _check_expansion(root: yaml.Node, source: SourceMap) -> None:
    """Refuse alias bombs and alias cycles before building anything."""
    grown = measure_expansion(root, source)
    if (
        grown.nodes - grown.distinct_nodes > MAX_ALIAS_EXPANSION
        or grown.text - grown.distinct_text > MAX_ALIAS_TEXT
    ):
        mark = (grown.worst or root).start_mark
        raise DataError(
            f"锚点/别名展开后的内容过多（约 {grown.nodes} 个值、{grown.text} 个字，"
            f"文件本身只有 {grown.distinct_nodes} 个值）：这样的文件会耗尽内存，已拒绝处理。"
            "被反复引用的是这一行定义的内容",
            Location(source.file, mark.line + 1, mark.column + 1),
        )


_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_PLAIN_TAGS = {
    _STR_TAG,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:binary",
    "tag:yaml.org,2002:value",
    "tag:yaml.org,2002:merge",
}


_NUMBER_STARTS = frozenset("0123456789+-.")
# A number typed by hand has a few dozen digits at most; past this it stays the
# text as written (0x and thousands of hex digits made an int no one can print).
_MAX_NUMBER_CHARS = 400


def resolve_plain(value: str) -> Any:
    """YAML 1.2 core schema: only true/false, null, numbers; everything else is text."""
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if value[0] not in _NUMBER_STARTS:  # text, the usual case: no pattern to try
        return value
    if _INT.fullmatch(value):
        if len(value) > _MAX_NUMBER_CHARS:  # no figure; Python would not even print it
            return value
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        try:
            return int(value)
        except ValueError:  # more digits than Python converts: text as written
            return value
    if _FLOAT.fullmatch(value):
        return float(value)
    if value.lower() in (".inf", "+.inf"):
        return math.inf
    if value.lower() == "-.inf":
        return -math.inf
    if value.lower() == ".nan":
        return math.nan
    return value


_TRAILING_COMMENT = re.compile(r"^[^#\n]*?\S[ \t]+#", re.M)
_SENTENCE_END = tuple("。！？；…”’）》")


def _comment_lines(text: str) -> frozenset[int]:
    """0-based numbers of the lines where a `` #`` follows something: a comment, or cut text."""
    if " #" not in text and "\t#" not in text:
        return frozenset()
    return frozenset(text.count("\n", 0, m.start()) for m in _TRAILING_COMMENT.finditer(text))


class _Builder:
    def __init__(self, source: SourceMap, comment_lines: frozenset[int] = frozenset(), anchors: bool = False):
        self.source = source
        self.comment_lines = comment_lines
        self.anchors = anchors

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise DataError(
                f"嵌套层数过深（上限 {MAX_DEPTH} 层）", self._loc(node, path)
            )
        mark = node.start_mark  # pack_mark, written out: this runs for every value
        self.source.values[path] = ((mark.line + 1) << _COLUMN_BITS) | (mark.column + 1)
        kind = type(node)
        if kind is yaml.ScalarNode:
            return self._scalar(node, path)
        if kind is yaml.SequenceNode:
            self._check_tag(node, _SEQ_TAG, path)
            items = SourceList([self.build(child, path + (i,), depth + 1) for i, child in enumerate(node.value)])
            items._path = path
            return items
        self._check_tag(node, _MAP_TAG, path)
        return self._mapping(node, path, depth)

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        if node.tag not in _PLAIN_TAGS:
            self._reject_tag(node, path)
        if node.style == '"':
            self.source.all_printable = False  # escapes can write anything
        elif not node.style:
            if self.comment_lines and node.end_mark.line in self.comment_lines:
                self._cut_by_comment(node, path)
            if self.anchors:
                self._anchor_ate_text(node, path)
        if node.style or node.tag == _STR_TAG:  # quoted, block, or !!str
            # an escaped "\r" would vanish as XML line-end handling; keep it a break
            text = normalize_newlines(node.value)
            if node.end_mark.line > node.start_mark.line:
                self.source.spans[path] = _line_starts(node, text, self.source)
            return text
        value = resolve_plain(node.value)
        if isinstance(value, str) and node.end_mark.line > node.start_mark.line:
            self.source.spans[path] = _line_starts(node, value, self.source)
        if isinstance(value, float) and not math.isfinite(value):
            self.source.all_printable = False
        return value

    def _cut_by_comment(self, node: yaml.ScalarNode, path: Path_) -> None:
        """Text the writer typed after `` #`` that YAML took for a comment.

        A comment the writer meant reads ``   # 说明`` after a finished value;
        ``坚持最高标准 #1，实现……`` has no space after ``#``, or cuts a list
        item (a paragraph) before its closing punctuation.
        """
        line = self.source.line_text(node.end_mark.line + 1) or ""
        rest = line[node.end_mark.column :]
        hash_at = len(rest) - len(rest.lstrip(" \t"))
        if not rest[hash_at : hash_at + 1] == "#":
            return
        comment = rest[hash_at + 1 :]
        paragraph = bool(path) and isinstance(path[-1], int) and not node.value.endswith(_SENTENCE_END)
        if comment[:1].isspace() and not paragraph:
            return
        column = node.end_mark.column + hash_at + 1
        self.source.slips.append(Problem(
            Location(self.source.file, node.end_mark.line + 1, column, format_path(path) or None),
            f"“#”前有空格，YAML 把“#{comment.strip()[:12]}”起的文字当作注释删去了，讲话稿中没有这部分："
            "文字中要写“ #”时请给整段文字加单引号；若确是注释，请忽略",
        ))

    def _anchor_ate_text(self, node: yaml.ScalarNode, path: Path_) -> None:
        """A value typed as ``&书记 张三``: YAML keeps 张三 and takes 书记 for an anchor name."""
        line = self.source.line_text(node.start_mark.line + 1) or ""
        m = re.match(r"&(\S+)", line[node.start_mark.column :])
        if m and f"*{m[1]}" not in self.source.text:
            self.source.slips.append(Problem(
                self._loc(node, path),
                f"“&{m[1]}”被 YAML 当作锚点名省略了，讲话稿中没有这几个字：以“&”开头的文字请加单引号，如 '&{m[1]}…'",
            ))

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> SourceDict:
        result = SourceDict()
        result._path = path
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise DataError("键必须是简单的文字", self._loc(key_node, path))
            key = key_node.value
            if key_node.style == '"':
                self.source.all_printable = False
            child = path + (key,)
            if key in result:
                first = unpack_mark(self.source.keys[child])[0]
                raise DataError(
                    f"键“{key}”重复出现：第 {first} 行已经写过一次，第 {_mark(key_node)[0]} 行又写了一次。"
                    "请删去或合并其中一处，以免内容丢失",
                    self._loc(key_node, child),
                )
            self.source.keys[child] = pack_mark(key_node)
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def _check_tag(self, node: yaml.Node, expected: str, path: Path_) -> None:
        if node.tag != expected:
            self._reject_tag(node, path)

    def _reject_tag(self, node: yaml.Node, path: Path_) -> None:
        if node.tag.startswith("!") and not node.tag.startswith("!!"):  # "!书记" typed as text
            raise DataError(
                f"不支持的 YAML 标签 {node.tag}：若“{node.tag}”是文字的一部分（文字不能以“!”开头），"
                f"请给整段文字加单引号，如 '{node.tag} …'",
                self._loc(node, path),
            )
        raise DataError(
            f"不支持的 YAML 标签 {node.tag}：这里只接受文字、数字、列表和键值对",
            self._loc(node, path),
        )

    def _loc(self, node: yaml.Node, path: Path_) -> Location:
        line, column = _mark(node)
        return Location(self.source.file, line, column, format_path(path) or None)


# ---------------------------------------------------------------- lines of a string


def _line_starts(node: yaml.ScalarNode, value: str, source: SourceMap) -> str | tuple[tuple[int, int, int | None], ...]:
    """Where each line the writer typed begins in ``value``: (offset, line, column).

    A literal block (``|``) keeps the lines one for one: ``value`` itself says
    where they begin (``SourceMap._in_span``). Everywhere else YAML
    folds them — a line break becomes a space, blank lines become breaks,
    quotes and escapes are undone — so each typed line is found in the string
    after the one before it. The line where the value starts keeps the value's
    column (as ``locate`` gives it); the lines below have none.
    """
    first, column = node.start_mark.line, node.start_mark.column + 1
    if node.style == "|":
        return value
    lines = source.lines  # split only when a string was folded over lines
    last = node.end_mark.line - (1 if node.style == ">" and node.end_mark.column == 0 else 0)
    starts, cursor = [], 0
    for number in range(first + (1 if node.style == ">" else 0), min(last, len(lines) - 1) + 1):
        typed = lines[number]
        if number == last and node.style != ">":  # the closing quote, a comment after the value
            typed = typed[: node.end_mark.column - (1 if node.style else 0)]
        if number == first:
            typed = typed[node.start_mark.column + (1 if node.style in ("'", '"') else 0) :]
        piece = _unquoted(typed.strip(" \t"), node.style)
        found = value.find(piece, cursor) if piece else -1
        if found < 0:
            continue  # a blank line, or one whose escapes we cannot undo: the line above answers
        starts.append((found, number + 1, column if number == first else None))
        cursor = found + len(piece)
    return tuple(starts) or ((0, first + 1, column),)


_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
            "r": "\n", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
            "L": "\u2028", "P": "\u2029"}
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


def _unquoted(typed: str, style: str | None) -> str:
    """A typed line's text as it stands in the string (escapes undone, ``''`` one quote)."""
    if style == "'":
        return typed.replace("''", "'")
    if style != '"':
        return typed
    if (len(typed) - len(typed.rstrip("\\"))) % 2:
        typed = typed[:-1]  # an escaped line break (not an escaped backslash): the next line follows with no space
    return _ESCAPE.sub(lambda m: chr(int(m[1][1:], 16)) if len(m[1]) > 1 else _ESCAPES.get(m[1], m[1]), typed)


_COLUMN_BITS = 32  # a line of the largest allowed file still fits


def pack_mark(node: yaml.Node) -> int:
    """A node's 1-based line and column in one int."""
    return ((node.start_mark.line + 1) << _COLUMN_BITS) | (node.start_mark.column + 1)


def unpack_mark(mark: int) -> tuple[int, int]:
    return mark >> _COLUMN_BITS, mark & ((1 << _COLUMN_BITS) - 1)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1

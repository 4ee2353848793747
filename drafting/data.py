"""Load the writer's YAML into plain data, remembering where every value stood.

We compose YAML nodes with PyYAML and build the data ourselves rather than use a
constructor, because we need what constructors throw away: the line of every
value and key (for errors that name a line), duplicate keys (a silent
last-one-wins loses the writer's text), bounded alias expansion, and YAML 1.2
scalars (so ``no`` stays the word and ``2025-07-15`` stays the date as written).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Location

try:  # the C composer is several times faster on book-length inputs
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_INPUT_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
# Aliases may share subtrees, but the expanded data may not grow past this many
# nodes more than the file itself holds ("billion laughs").
MAX_ALIAS_EXPANSION = 100_000

Path_ = tuple[str | int, ...]


@dataclass(slots=True)
class SourceMap:
    """Where each value (and each mapping key) of the data was written."""

    file: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def locate(self, path: Path_, *, key: bool = False) -> Location:
        """The location of ``path``, or of its nearest ancestor that was written."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while True:
            mark = table.get(probe) or self.values.get(probe)
            if mark is not None:
                return Location(self.file, mark[0], mark[1], format_path(path) or None)
            if not probe:
                return Location(self.file, None, None, format_path(path) or None)
            probe = probe[:-1]

    def line_text(self, line: int | None) -> str | None:
        if line is None or not 1 <= line <= len(self.lines):
            return None
        return self.lines[line - 1]


@dataclass(slots=True)
class SpeechData:
    """The writer's data as plain dicts, lists and scalars, with its source map."""

    values: Any
    source: SourceMap

    @property
    def file(self) -> str:
        return self.source.file


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
    """A file's bytes, or a DataError in Chinese saying why it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise DataError(f"这是一个文件夹，不是{kind}：{path}") from None
    except OSError as e:
        raise DataError(f"无法读取文件 {path}：{e.strerror}") from None


def parse_speech(raw: bytes, file: str) -> SpeechData:
    if len(raw) > MAX_INPUT_BYTES:
        raise DataError(
            f"文件过大（{len(raw) // (1024 * 1024)} MB），上限为 {MAX_INPUT_BYTES // (1024 * 1024)} MB",
            Location(file),
        )
    text = decode_text(raw, file)
    lines = text.splitlines()
    source = SourceMap(file, lines=lines)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        raise _syntax_error(e, source) from None
    except yaml.reader.ReaderError as e:
        line = text.count("\n", 0, e.position) + 1
        column = e.position - (text.rfind("\n", 0, e.position) + 1) + 1
        raise DataError(
            f"文件中含有不可用的控制字符 U+{e.character:04X}（常由复制粘贴带入），请删去",
            Location(file, line, column),
        ) from None
    except yaml.YAMLError as e:  # pragma: no cover - unmarked errors are rare
        raise DataError(f"YAML 无法解析：{e}", Location(file)) from None
    if root is None:
        raise DataError("文件是空的：请按示例填写（可用 draft init 生成示例）", Location(file, 1))
    _check_expansion(root, source)
    builder = _Builder(source)
    return SpeechData(builder.build(root, (), 0), source)


# ---------------------------------------------------------------- decoding


def decode_text(raw: bytes, file: str) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK and GB2312)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError as e:
            raise _decode_error(raw, e, file, "UTF-16") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise _decode_error(raw, utf8_error, file, "UTF-8 或 GBK/GB18030") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_error(raw: bytes, e: UnicodeDecodeError, file: str, tried: str) -> DataError:
    offset = e.start
    line = raw.count(b"\n", 0, offset) + 1
    bad = raw[offset : offset + 4].hex(" ")
    return DataError(
        f"文件编码无法识别：第 {offset} 字节（第 {line} 行）处的字节 {bad} 不是 {tried} 编码。"
        "请在编辑器中“另存为” UTF-8 编码后重试",
        Location(file, line),
    )


# ---------------------------------------------------------------- YAML errors

_PROBLEMS = {
    "mapping values are not allowed here": "此处不能出现“键: 值”（上一行是否缺少冒号后的空格，或缩进不一致？）",
    "could not find expected ':'": "缺少冒号“:”（键和值之间要用半角冒号加空格，如 title: 标题）",
    "found character '\\t' that cannot start any token": "不能用 Tab 键缩进，请改用空格",
    "found character that cannot start any token": "此处的字符不能作为开头（是否需要给文字加引号？）",
    "did not find expected key": "缩进不一致：这一行与同级的其他行没有对齐",
    "did not find expected node content": "此处缺少内容",
    "did not find expected '-' indicator": "列表项缩进不一致：每一项都要以“- ”开头并对齐",
    "found unexpected end of stream": "文件意外结束（是否有未闭合的引号？）",
    "found undefined alias": "引用了未定义的锚点（*名字 之前要有 &名字）",
    "found unknown escape character": "双引号内有无法识别的转义符（反斜杠 \\ 要写成 \\\\，或改用单引号）",
    "expected <block end>, but found '-'": "列表项缩进不一致",
    "found a tab character that violates indentation": "不能用 Tab 键缩进，请改用空格",
    "did not find expected ',' or ']'": "方括号 [ ] 没有闭合，或列表项之间缺少逗号",
    "did not find expected ',' or '}'": "花括号 { } 没有闭合，或各项之间缺少逗号",
    "found unexpected ':'": "此处不能出现冒号（文字中含半角冒号时请加引号）",
}


def _syntax_error(e: yaml.MarkedYAMLError, source: SourceMap) -> DataError:
    mark = e.problem_mark or e.context_mark
    problem = (e.problem or e.context or "").strip()
    message = next((zh for en, zh in _PROBLEMS.items() if problem.startswith(en)), None)
    if message is None:
        message = f"YAML 格式错误（{problem}）"
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    text = source.line_text(line)
    if text is not None and "：" in text.split("#")[0] and ": " not in text:
        message += "；注意：键后面要用半角冒号“:”加空格，不能用全角冒号“：”"
    return DataError(f"YAML 语法错误：{message}", Location(source.file, line, column), text)


# ---------------------------------------------------------------- building


def _check_expansion(root: yaml.Node, source: SourceMap) -> None:
    """Refuse alias bombs and alias cycles before building anything."""
    sizes: dict[int, int] = {}
    visiting: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in visiting:
            line = node.start_mark.line + 1
            raise DataError("锚点引用了自身，形成循环", Location(source.file, line))
        visiting.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        visiting.discard(key)
        sizes[key] = total
        return total

    try:
        expanded = size(root)
    except RecursionError:
        raise DataError(f"嵌套层数过深（上限 {MAX_DEPTH} 层）", Location(source.file)) from None
    if expanded - len(sizes) > MAX_ALIAS_EXPANSION:
        raise DataError(
            f"锚点/别名展开后的内容过多（约 {expanded} 个值，文件本身只有 {len(sizes)} 个）："
            "这样的文件会耗尽内存，已拒绝处理",
            Location(source.file),
        )


_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:binary",
    "tag:yaml.org,2002:value",
    "tag:yaml.org,2002:merge",
}


def resolve_plain(value: str) -> Any:
    """YAML 1.2 core schema: only true/false, null, numbers; everything else is text."""
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if _INT.fullmatch(value):
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    if value.lower() in (".inf", "+.inf"):
        return math.inf
    if value.lower() == "-.inf":
        return -math.inf
    if value.lower() == ".nan":
        return math.nan
    return value


class _Builder:
    def __init__(self, source: SourceMap):
        self.source = source

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise DataError(
                f"嵌套层数过深（上限 {MAX_DEPTH} 层）", self._loc(node, path)
            )
        self.source.values.setdefault(path, _mark(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, "tag:yaml.org,2002:seq", path)
            return [self.build(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        self._check_tag(node, "tag:yaml.org,2002:map", path)
        return self._mapping(node, path, depth)

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        if node.tag not in _PLAIN_TAGS:
            self._reject_tag(node, path)
        if node.style or node.tag == "tag:yaml.org,2002:str":  # plain: None or ''

            return node.value
        return resolve_plain(node.value)

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise DataError("键必须是简单的文字", self._loc(key_node, path))
            key = key_node.value
            child = path + (key,)
            if key in result:
                first = self.source.keys[child][0]
                raise DataError(
                    f"键“{key}”重复出现：第 {first} 行已经写过一次，第 {_mark(key_node)[0]} 行又写了一次。"
                    "请删去或合并其中一处，以免内容丢失",
                    self._loc(key_node, child),
                )
            self.source.keys[child] = _mark(key_node)
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def _check_tag(self, node: yaml.Node, expected: str, path: Path_) -> None:
        if node.tag != expected:
            self._reject_tag(node, path)

    def _reject_tag(self, node: yaml.Node, path: Path_) -> None:
        raise DataError(
            f"不支持的 YAML 标签 {node.tag}：这里只接受文字、数字、列表和键值对",
            self._loc(node, path),
        )

    def _loc(self, node: yaml.Node, path: Path_) -> Location:
        line, column = _mark(node)
        return Location(self.source.file, line, column, format_path(path) or None)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1

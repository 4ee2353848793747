"""What the YAML parser and the schema validator found, said in Chinese: one place.

PyYAML words its problems in English, and the words (and where the mark points)
differ between releases. So a parser error is explained first from the writer's
own lines — a full-width colon after a key, a leading ``*``, a tab, a
full-width dash — which no release changes; the parser's words are only a
second guess, and a problem neither recognises is named without them. No
English reaches the writer whatever PyYAML is installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# ---------------------------------------------------------------- parser


@dataclass(frozen=True, slots=True)
class Diagnosis:
    message: str
    line: int | None  # 1-based
    column: int | None


_KEY = r"[A-Za-z_][A-Za-z0-9_\-]*"
_LEAD = r"^(?P<lead>[ ]*(?:-[ ]+)*)"
_FULL_WIDTH_COLON = re.compile(_LEAD + rf"(?P<key>{_KEY})[ \u3000]*(?P<mark>：)")
_NO_SPACE_AFTER_COLON = re.compile(_LEAD + rf"(?P<key>{_KEY})(?P<mark>:)(?=[^\s:/])")
# in the indentation, or in place of the space after "key:" (one inside text is the writer's)
_FULL_WIDTH_SPACE = re.compile(rf"^(?P<lead>[ ]*)(?:{_KEY}:)?(?P<mark>\u3000)")
_FULL_WIDTH_DASH = re.compile(r"^(?P<lead>[ ]*)(?P<mark>[－—–‐﹣])[ \u3000]")
_TAB = re.compile(r"^[ ]*(?:-[ ]+)*(?P<mark>\t)")
# where a value starts: after "key: ", after "- ", or at the line's start
_VALUE_START = re.compile(_LEAD + rf"(?:{_KEY}:[ ]+)?(?=\S)")
# characters YAML reads as its own signs at the start of a value
_INDICATORS = {
    "*": "别名", "&": "锚点", "!": "标签", "@": "保留符号", "`": "保留符号", "%": "指令",
    "|": "块文字标记", ">": "块文字标记",
}
_QUOTES = "\"'"

_KEY_COLON = "键“{key}”后面用了全角冒号“：”：请改为半角冒号加空格，如 {key}: 内容"
_KEY_NO_SPACE = "键“{key}”的冒号后面缺少空格：请写成 {key}: 内容（半角冒号后空一格）"
_WIDE_SPACE = "这一行用了全角空格“　”：缩进和冒号后面的空格都要用半角空格（文字中间的全角空格不受影响）"
_WIDE_DASH = "列表项要以半角减号“-”加空格开头，这里用了“{mark}”：请改为“- ”"
_TAB_INDENT = "不能用 Tab 键缩进，请改用空格"
_LEADING_SIGN = (
    "文字不能以“{mark}”开头（YAML 把它当作{name}）：请给整段文字加单引号，如 '{sample}'"
)
_QUOTE_NOT_CLOSED = (
    "引号只能括住整段文字：这里引号后面还有文字，或引号没有闭合。"
    "文字中的引号请用中文引号“”，或把整段文字用单引号括起来"
)
_COLON_IN_TEXT = (
    "文字中含有半角冒号加空格“: ”，YAML 把它当作“键: 值”：请改用全角冒号“：”，或给整段文字加单引号"
)
_UNKNOWN = "这一行的写法无法识别：请对照示例检查缩进（只用空格）、冒号（半角加空格）和引号是否成对"

# The parser's words, a second guess when the writer's lines show no known slip.
# Matched as prefixes, so a release that adds detail still matches.
_PARSER_WORDS = {
    "mapping values are not allowed": "此处不能出现“键: 值”（上一行是否缺少冒号后的空格，或缩进不一致？）",
    "could not find expected ':'": "缺少冒号“:”（键和值之间要用半角冒号加空格，如 title: 标题）",
    "found character '\\t' that cannot start any token": _TAB_INDENT,
    "found a tab character": _TAB_INDENT,
    "found character that cannot start any token": "此处的字符不能作为开头（是否需要给文字加引号？）",
    "did not find expected key": "缩进不一致：这一行与同级的其他行没有对齐",
    "did not find expected node content": "此处缺少内容",
    "did not find expected '-' indicator": "列表项缩进不一致：每一项都要以“- ”开头并对齐",
    "found unexpected end of stream": "文件意外结束（是否有未闭合的引号？）",
    "found undefined alias": "引用了未定义的锚点（*名字 之前要有 &名字）；若“*”是文字的一部分，请给整段文字加单引号",
    "found unknown escape character": "双引号内有无法识别的转义符（反斜杠 \\ 要写成 \\\\，或改用单引号）",
    "expected <block end>, but found '-'": "列表项缩进不一致",
    "did not find expected ',' or ']'": "方括号 [ ] 没有闭合，或列表项之间缺少逗号",
    "did not find expected ',' or '}'": "花括号 { } 没有闭合，或各项之间缺少逗号",
    "found unexpected ':'": "此处不能出现冒号（文字中含半角冒号时请加引号）",
    "expected '<document start>', but found": "一个文件只能写一份讲话数据：此处多出了内容（是否多了一行 --- 或缩进不对？）",
    "but found another document": "一个文件只能写一份讲话数据：此处又出现了 ---",
    "found invalid Unicode character escape code": "双引号内的 \\u 转义不是有效字符（如单独的 \\ud800 代理项，Word 文档无法保存），请改写",
    "expected chomping or indentation indicators": "“|”或“>”后面不能直接接文字（YAML 把它当作块文字标记）：请给整段文字加单引号",
    "expected alphabetic or numeric character": "“*”或“&”后面的名字无法识别：若它是文字的一部分，请给整段文字加单引号",
    "did not find expected alphabetic or numeric character": "“*”或“&”后面的名字无法识别：若它是文字的一部分，请给整段文字加单引号",
    "found duplicate anchor": "同一个锚点名（&名字）写了两次",
    "exceeded max": "嵌套层数过深（方括号、花括号或缩进的层次太多）",
    "found unexpected document end": "此处多出了 ...（文件结束标记）",
    "expected a comment or a line break": "这一行的末尾多出了内容（引号或括号后面是否还有文字？）",
    "while scanning a quoted scalar": "引号没有闭合",
    "while parsing a flow": "方括号或花括号没有闭合",
}


def explain_syntax(lines: list[str], line: int | None, column: int | None, problem: str) -> Diagnosis:
    """The Chinese explanation of a YAML syntax error and the line it is really on.

    ``lines`` are the file's lines; ``line``/``column`` (1-based) are where the
    parser stopped, ``problem`` its words. A slip is often on the line before
    the parser's mark (``speaker：区长`` is read as text, and the next line then
    fails), so the lines above it are looked at too.
    """
    if line is not None and 1 <= line <= len(lines):
        text = lines[line - 1]
        found = _slip_at_mark(text, line, column) or _slip_on_line(text, line)
        for above in _lines_above(lines, line):
            if found is not None:
                break
            found = _slip_on_line(lines[above - 1], above)
        if found is not None:
            return found
    message = next((zh for en, zh in _PARSER_WORDS.items() if problem.startswith(en)), None)
    if message is None:
        message = next((zh for en, zh in _PARSER_WORDS.items() if en in problem), _UNKNOWN)
    return Diagnosis(message, line, column)


def _lines_above(lines: list[str], line: int, reach: int = 3) -> list[int]:
    """Up to ``reach`` lines above ``line`` that hold something other than a comment."""
    found = []
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            found.append(number)
            if len(found) == reach:
                break
    return found


def _slip_on_line(text: str, line: int) -> Diagnosis | None:
    """A slip visible anywhere on the line, whatever the parser's mark."""
    code = _before_comment(text)
    if m := _TAB.match(code):
        return Diagnosis(_TAB_INDENT, line, m.start("mark") + 1)
    if m := _FULL_WIDTH_COLON.match(code):
        return Diagnosis(_KEY_COLON.format(key=m["key"]), line, m.start("mark") + 1)
    if m := _FULL_WIDTH_SPACE.match(code):
        return Diagnosis(_WIDE_SPACE, line, m.start("mark") + 1)
    if m := _FULL_WIDTH_DASH.match(code):
        return Diagnosis(_WIDE_DASH.format(mark=m["mark"]), line, m.start("mark") + 1)
    if m := _NO_SPACE_AFTER_COLON.match(code):
        return Diagnosis(_KEY_NO_SPACE.format(key=m["key"]), line, m.start("mark") + 1)
    return None


def _slip_at_mark(text: str, line: int, column: int | None) -> Diagnosis | None:
    """A slip at the start of the value the parser stopped in."""
    start = _VALUE_START.match(text)
    if start is None:
        return None
    at = start.end()
    first = text[at : at + 1]
    if first in _INDICATORS:
        sample = _before_comment(text[at:]).rstrip()[:20]
        return Diagnosis(_LEADING_SIGN.format(mark=first, name=_INDICATORS[first], sample=sample), line, at + 1)
    if first in ",]}" or first in "[{" and _text_after_bracket(text, at):
        sample = _before_comment(text[at:]).rstrip()[:20]
        return Diagnosis(_LEADING_SIGN.format(mark=first, name="列表或键值对的符号", sample=sample), line, at + 1)
    if first in _QUOTES and _text_after_quote(text, at):
        return Diagnosis(_QUOTE_NOT_CLOSED, line, at + 1)
    if column is not None and text[column - 1 : column] == ":" and column - 1 > at:
        return Diagnosis(_COLON_IN_TEXT, line, column)
    return None


def _text_after_quote(text: str, at: int) -> bool:
    """Whether a quoted value closes on its line and more than a comment follows."""
    quote, i = text[at], at + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1 : i + 2] == "'":
                i += 2
                continue
            return bool(_before_comment(text[i + 1 :]).strip())
        i += 1
    return False


def _text_after_bracket(text: str, at: int) -> bool:
    """Whether ``[重要]坚持…``: a bracket that closes on its line with text after it."""
    close = text.find("]" if text[at] == "[" else "}", at)
    return close != -1 and bool(_before_comment(text[close + 1 :]).strip())


def _before_comment(text: str) -> str:
    """The line without a trailing ``# comment`` (a # after a space starts one)."""
    m = re.search(r"(^|[ \t])#", text)
    return text[: m.start()] if m else text


# ---------------------------------------------------------------- schema

_CHINESE_DIGITS = dict(zip("〇零一二三四五六七八九", "00123456789"))
_THOUSANDS = re.compile(r"^[-+]?\d{1,3}([,，]\d{3})+(\.\d+)?$")
_NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")
_DASHES = "－—–‐﹣"


def how_to_write(value: Any, types: list[str]) -> str:
    """For a value of the wrong type, how the writer should type it ("" when no advice fits)."""
    wants_number = "integer" in types or "number" in types
    if isinstance(value, str):
        text = value.strip().strip("“”‘’\"'")
        plain = text.translate(_WIDE_DIGITS)
        if wants_number:
            if _NUMBER.match(plain):
                wide = "，用半角数字" if plain != text else ""
                return f"：写成 {plain}，不加引号{wide}"
            if _THOUSANDS.match(plain):
                return f"：数字中不写千位分隔符，写成 {re.sub('[,，]', '', plain)}"
            if text and all(ch in _CHINESE_DIGITS for ch in text):
                return f"：写成阿拉伯数字 {''.join(_CHINESE_DIGITS[ch] for ch in text)}"
            if number := re.match(r"[-+]?\d+(\.\d+)?", plain):
                return f"：只写数字 {number[0]}，不写“{plain[number.end():][:8]}”"
            return "：写成阿拉伯数字"
        if "array" in types and text and text[0] in _DASHES:
            return f"。列表项要以半角减号“-”加空格开头，这里用了“{text[0]}”"
        if "array" in types:
            return "。列表的每一项另起一行，以“- ”开头"
        if "object" in types and "：" in value:
            return "。键后面要用半角冒号“:”加空格，不能用全角冒号“：”"
    if isinstance(value, int) and not isinstance(value, bool) and "string" in types and (date := _date_of(str(value))):
        return f"：日期请写成 {date}"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "string" in types:
        return f"：这里要写文字；若确实是这个数字，请加引号，如 '{value}'"
    if isinstance(value, dict) and "string" in types and len(value) == 1:
        return "。" + COLON_IN_TEXT_HINT
    return ""


_LOOSE_DATE = re.compile(r"(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*[-/.月]?\s*(\d{1,2})\s*[日号]?")


def _date_of(text: str) -> str | None:
    """2025/7/15, 2025.07.15, 20250715, ２０２５年７月１５日 … as 2025-07-15, if a day of the calendar."""
    import datetime

    m = _LOOSE_DATE.fullmatch(text.strip().translate(_WIDE_DIGITS))
    if m is None:
        return None
    try:
        day = datetime.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return day.isoformat()


def pattern_hint(value: Any) -> str:
    """For text that does not fit a field's pattern: the date the writer meant, in a form that fits."""
    if isinstance(value, str) and (date := _date_of(value)):
        year, month, day = date.split("-")
        return f"请写成 {date} 或 {year}年{int(month)}月{int(day)}日"
    return ""


COLON_IN_TEXT_HINT = (
    "这段文字中含有半角冒号加空格“: ”，被当作了“键: 值”：请改用全角冒号“：”，或给整段文字加单引号"
)


def is_colon_split_text(value: Any, known_keys: set[str]) -> bool:
    """A one-key mapping whose key is not a field name: text cut in two at ": "."""
    if not isinstance(value, dict) or len(value) != 1:
        return False
    key = next(iter(value))
    return key not in known_keys and not re.fullmatch(_KEY, key)


def digits_key_hint(key: str) -> str:
    """An unknown key of digits, in a { } mapping: a number typed with a thousands separator."""
    if key.isdigit() and len(key) == 3:
        return f"。花括号 {{ }} 中的逗号分隔各项：数字中不写千位分隔符，如 21,{key} 写成 21{key}"
    return ""

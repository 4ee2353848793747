"""One meaning for a schema's ``pattern``, whichever validator reads it.

JSON Schema says patterns are ECMA-262 regular expressions; jsonschema-rs reads
them so, jsonschema hands them to Python's ``re``, and the two disagree where
the dialects do: ``\\d`` (Python also takes “２０２５”), ``\\w``, ``\\s``, ``\\b``,
``.`` (Python also takes ``\\r``) and ``$`` (Python also matches before a final
newline). A value one validator accepts and the other rejects would make the
verdict depend on which one ran (the quick one, or the one that words errors).

So each pattern is rewritten, before either validator sees it, into constructs
both read alike, with ECMA's meaning spelt out: ``\\d`` → ``[0-9]``, ``$`` →
"no character follows", and so on. A construct with no such spelling (``\\D``
inside a class) is the pack's mistake, reported with the fix.
"""

from __future__ import annotations

import re
from typing import Any

# ECMA-262 WhiteSpace and LineTerminator, as escapes both dialects read
_SPACE = (r"\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000-\u200a"
          r"\u2028\u2029\u202f\u205f\u3000\ufeff")
_WORD = "A-Za-z0-9_"
_CLASSES = {"d": "0-9", "w": _WORD, "s": _SPACE}
_OUTSIDE = {
    **{k: f"[{v}]" for k, v in _CLASSES.items()},
    **{k.upper(): f"[^{v}]" for k, v in _CLASSES.items()},
    "b": f"(?:(?<=[{_WORD}])(?![{_WORD}])|(?<![{_WORD}])(?=[{_WORD}]))",
    "B": f"(?:(?<=[{_WORD}])(?=[{_WORD}])|(?<![{_WORD}])(?![{_WORD}]))",
}
_ANY = r"[^\u000a\u000d\u2028\u2029]"  # ECMA's "." without the s flag
_END = r"(?![\s\S])"  # ECMA's "$" without the m flag: nothing follows


class PatternProblem(ValueError):
    """A pattern with a construct the two dialects cannot be made to agree on."""


def portable_pattern(pattern: str) -> str:
    """``pattern`` with its ECMA-262 meaning spelt out in constructs that Python's
    ``re`` and jsonschema-rs read alike."""
    out: list[str] = []
    i, in_class, class_start = 0, False, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            escaped = pattern[i + 1]
            if in_class and escaped in _CLASSES:
                out.append(_CLASSES[escaped])
            elif in_class and escaped in "DWS":
                raise PatternProblem(f"方括号内的 \\{escaped} 在两种正则写法中含义不同，请改写（如 [^0-9] 代替 [\\D]）")
            elif not in_class and escaped in _OUTSIDE:
                out.append(_OUTSIDE[escaped])
            else:
                out.append(pattern[i:i + 2])
            i += 2
            class_start = False
            continue
        if in_class:
            if ch == "]" and class_start:
                raise PatternProblem("[] 和 [^] 在两种正则写法中含义不同，请改写")
            if ch == "]":
                in_class = False
            out.append(ch)
            class_start = class_start and ch == "^"
        elif ch == "[":
            in_class, class_start = True, True
            out.append(ch)
        elif ch == ".":
            out.append(_ANY)
        elif ch == "$":
            out.append(_END)
        else:
            out.append(ch)
        i += 1
    if in_class:
        raise PatternProblem("方括号没有闭合")
    portable = "".join(out)
    try:
        re.compile(portable)
    except re.error as e:
        raise PatternProblem(f"不是可用的正则表达式（{_reason(e)}）") from None
    return portable


def _reason(error: re.error) -> str:
    return f"第 {error.pos + 1} 个字符处有误" if error.pos is not None else "写法有误"


def portable_schema(schema: Any, path: tuple = ()) -> Any:
    """A copy of ``schema`` with every ``pattern`` and ``patternProperties`` key made
    portable; PatternProblem carries the path of the first that cannot be."""
    if isinstance(schema, list):
        return [portable_schema(item, path + (i,)) for i, item in enumerate(schema)]
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key == "pattern" and isinstance(value, str):
            out[key] = _at(path + (key,), value)
        elif key == "patternProperties" and isinstance(value, dict):
            out[key] = {_at(path + (key, k), k): portable_schema(v, path + (key, k)) for k, v in value.items()}
        elif key in ("properties", "$defs", "definitions", "dependentSchemas") and isinstance(value, dict):
            # names here are property names, never keywords: only their values are schemas
            out[key] = {k: portable_schema(v, path + (key, k)) for k, v in value.items()}
        elif key in ("enum", "const", "examples", "default"):
            out[key] = value  # data, not schema
        else:
            out[key] = portable_schema(value, path + (key,))
    return out


def _at(path: tuple, pattern: str) -> str:
    try:
        return portable_pattern(pattern)
    except PatternProblem as e:
        e.path = path  # type: ignore[attr-defined]
        e.pattern = pattern  # type: ignore[attr-defined]
        raise


def has_fractional_multiple(schema: Any) -> bool:
    """True when some ``multipleOf`` is not a whole number: Python's float division
    (0.3 / 0.1 = 2.9999999999999996) and jsonschema-rs then disagree."""
    if isinstance(schema, list):
        return any(has_fractional_multiple(item) for item in schema)
    if not isinstance(schema, dict):
        return False
    multiple = schema.get("multipleOf")
    if isinstance(multiple, float) and not multiple.is_integer():
        return True
    return any(has_fractional_multiple(v) for k, v in schema.items() if k not in ("enum", "const", "examples", "default"))

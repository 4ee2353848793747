"""Validate data against a pack's JSON Schema and apply the schema's defaults.

Every problem is collected and reported at once, each with the file, line and
field path of the offending value and what the schema expected, in Chinese.
"""

from __future__ import annotations

import copy
import math
import re
from pathlib import Path
from typing import Any, Iterable

import jsonschema
from jsonschema import Draft202012Validator

from .data import SpeechData, format_path
from .errors import Problem, SchemaError

_TYPE_NAMES = {
    "string": "文字",
    "integer": "整数",
    "number": "数字",
    "boolean": "true 或 false",
    "array": "列表（每项以“- ”开头）",
    "object": "键值对（如 name: 值）",
    "null": "空值",
}


def make_validator(schema: dict) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate(speech: SpeechData, validator: Draft202012Validator) -> SpeechData:
    """Return the data with defaults applied; raise SchemaError listing every problem."""
    values = copy.deepcopy(speech.values)
    problems = [_problem(e, speech, validator.schema) for e in _leaf_errors(validator, values)]
    problems.extend(_content_problems(values, speech))
    if problems:
        problems.sort(key=lambda p: (p.location.line or 0, p.location.column or 0))
        raise SchemaError(_unique(problems))
    apply_defaults(values, validator.schema, validator.schema)
    problems = resolve_image_paths(values, validator.schema, speech)
    if problems:
        raise SchemaError(problems)
    return SpeechData(values, speech.source)


def _leaf_errors(validator: Draft202012Validator, values: Any) -> Iterable[jsonschema.ValidationError]:
    for error in validator.iter_errors(values):
        yield from _best_branch(error)


def _best_branch(error: jsonschema.ValidationError) -> Iterable[jsonschema.ValidationError]:
    """For anyOf/oneOf, report the errors of the branch that fits the value's type."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        yield error
        return
    by_branch: dict[int, list[jsonschema.ValidationError]] = {}
    for sub in error.context:
        by_branch.setdefault(sub.schema_path[0], []).append(sub)
    typed = [
        errs for errs in by_branch.values() if not any(e.validator == "type" and not e.path for e in errs)
    ]
    if len(typed) > 1:
        # several object branches (paragraph with indicators, table, image…): the one
        # whose own keys fit is meant, and its errors lie deeper inside the value
        typed = [errs for errs in typed if all(e.path for e in errs)] or typed
    if len(typed) == 1:
        for sub in typed[0]:
            yield from _best_branch(sub)
    else:
        yield error


def _problem(error: jsonschema.ValidationError, speech: SpeechData, root: dict) -> Problem:
    path = tuple(error.absolute_path)
    field = format_path(path)
    message, at_key = _message(error, field)
    location = speech.source.locate(path + ((at_key,) if at_key else ()), key=bool(at_key))
    return Problem(location, message)


def _message(error: jsonschema.ValidationError, field: str) -> tuple[str, str | None]:
    kind, expected, value, schema = error.validator, error.validator_value, error.instance, error.schema
    name = schema.get("title", "") if field else "文件顶层"
    if kind == "required":
        missing = [k for k in expected if not isinstance(value, dict) or k not in value]
        subs = schema.get("properties", {})
        names = "、".join(f"{k}（{subs.get(k, {}).get('title', '')}）".replace("（）", "") for k in missing)
        return f"{name}缺少必填项：{names}", None
    if kind == "additionalProperties":
        allowed = "、".join(schema.get("properties", {}))
        extras = [k for k in value if k not in schema.get("properties", {})]
        return (
            f"未知的键“{extras[0]}”（拼写错误？）；此处可用的键：{allowed}",
            extras[0],
        )
    if kind == "type":
        types = expected if isinstance(expected, list) else [expected]
        wanted = " 或 ".join(_TYPE_NAMES.get(t, t) for t in types)
        hint = ""
        if isinstance(value, str) and "：" in value and "object" in types:
            hint = "。键后面要用半角冒号“:”加空格，不能用全角冒号“：”"
        return f"{name}应为{wanted}，实际是{_describe(value)}{hint}", None
    if kind == "enum":
        options = "、".join(str(o) for o in expected)
        return f"{name}只能是以下之一：{options}；实际是“{value}”", None
    if kind == "const":
        return f"{name}只能是“{expected}”", None
    if kind == "minItems":
        return f"{name}至少要有 {expected} 项", None
    if kind == "maxItems":
        return f"{name}最多只能有 {expected} 项", None
    if kind == "minLength":
        return f"{name}不能为空", None
    if kind == "maxLength":
        return f"{name}太长：最多 {expected} 个字符", None
    if kind == "pattern":
        hint = schema.get("description", "")
        return f"{name}格式不对：“{value}”。{hint}", None
    if kind in ("minimum", "exclusiveMinimum"):
        return f"{name}不能小于{'或等于' if kind.startswith('exclusive') else ''} {expected}，实际是 {value}", None
    if kind in ("maximum", "exclusiveMaximum"):
        return f"{name}不能大于{'或等于' if kind.startswith('exclusive') else ''} {expected}，实际是 {value}", None
    if kind in ("anyOf", "oneOf"):
        options = " 或 ".join(_branch_name(s) for s in expected)
        actual = "缺少所需的键" if isinstance(value, dict) else f"实际是{_describe(value)}"
        return f"{name}应为{options}，{actual}", None
    return f"{name}不符合要求：{error.message}", None


def _branch_name(schema: dict) -> str:
    if "title" in schema:
        return schema["title"]
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    return _TYPE_NAMES.get(schema.get("type", ""), "其他形式")


def _describe(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return f"“{str(value).lower()}”"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, str):
        short = value if len(value) <= 20 else value[:20] + "…"
        return f"文字“{short}”"
    if isinstance(value, list):
        return f"列表（{len(value)} 项）"
    return "键值对"


# Characters a Word document cannot hold (XML 1.0), and lone surrogates.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _content_problems(value: Any, speech: SpeechData, path: tuple = ()) -> list[Problem]:
    """Values that fit the schema but cannot be printed: never dropped silently."""
    if isinstance(value, float) and not math.isfinite(value):
        return [Problem(speech.source.locate(path), f"不是有效的数字（{value}）")]
    if isinstance(value, str):
        bad = _UNWRITABLE.search(value)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            return [
                Problem(
                    speech.source.locate(path),
                    f"第 {bad.start() + 1} 个字符是控制字符 {code}，"
                    "Word 文档无法保存它。请删去该字符（它常由复制粘贴带入）",
                )
            ]
        return []
    if isinstance(value, dict):
        found = [p for k in value if (p := _key_problem(k, path, speech))]
        return found + [p for k, v in value.items() for p in _content_problems(v, speech, path + (k,))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _content_problems(v, speech, path + (i,))]
    return []


def _key_problem(key: str, path: tuple, speech: SpeechData) -> Problem | None:
    if _UNWRITABLE.search(key):
        return Problem(speech.source.locate(path + (key,), key=True), "键名中含有控制字符，请删去")
    return None


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.location, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


# ---------------------------------------------------------------- defaults

_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return _JSON_TYPES.get(type(value), "unknown")


def _resolve(schema: dict, root: dict) -> dict:
    while "$ref" in schema and schema["$ref"].startswith("#/"):
        target: Any = root
        for part in schema["$ref"][2:].split("/"):
            target = target[part]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _fits(schema: dict, value: Any, root: dict) -> bool:
    schema = _resolve(schema, root)
    wanted = schema.get("type")
    if wanted is None:
        return True
    wanted = wanted if isinstance(wanted, list) else [wanted]
    actual = _json_type(value)
    return actual in wanted or (actual == "integer" and "number" in wanted)


def apply_defaults(value: Any, schema: dict, root: dict) -> None:
    """Fill missing properties that have a default, recursively (data already valid)."""
    schema = _resolve(schema, root)
    for key in ("anyOf", "oneOf"):
        for branch in schema.get(key, []):
            if _fits(branch, value, root) and _branch_keys_fit(branch, value, root):
                apply_defaults(value, branch, root)
                break
    if isinstance(value, dict):
        for key, sub in schema.get("properties", {}).items():
            sub = _resolve(sub, root)
            if key not in value and "default" in sub:
                value[key] = copy.deepcopy(sub["default"])
            if key in value:
                apply_defaults(value[key], sub, root)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for item in value:
            apply_defaults(item, schema["items"], root)


# ---------------------------------------------------------------- files

IMAGE_PATH_FORMAT = "image-path"
# python-docx embeds these; the first bytes tell them apart whatever the file is named
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")


def resolve_image_paths(values: Any, root: dict, speech: SpeechData) -> list[Problem]:
    """Make every ``"format": "image-path"`` string absolute (relative paths are
    relative to the data file's folder) and check the file is a picture Word can
    hold. Writers then get a path they can open, and never read the YAML."""
    base = Path(speech.file).resolve().parent
    problems = []
    for path, container, key in _formatted(values, root, root, IMAGE_PATH_FORMAT, ()):
        written = container[key]
        target = (base / written).resolve()
        problem = _image_problem(target, written)
        if problem:
            problems.append(Problem(speech.source.locate(path), problem))
        else:
            container[key] = str(target)
    return problems


def _image_problem(target: Path, written: str) -> str | None:
    if not target.is_file():
        return f"找不到图片文件“{written}”（{target}）；路径相对于本 YAML 文件所在的文件夹"
    try:
        with target.open("rb") as f:
            head = f.read(8)
    except OSError as e:
        return f"图片文件“{written}”无法读取：{e.strerror}"
    if not head.startswith(_IMAGE_SIGNATURES):
        return f"“{written}”不是 PNG、JPEG、GIF 或 BMP 图片"
    return None


def _formatted(value: Any, schema: dict, root: dict, fmt: str, path: tuple):
    """(path, container, key) of each string in ``value`` whose schema has ``format: fmt``."""
    schema = _resolve(schema, root)
    for key in ("anyOf", "oneOf"):
        for branch in schema.get(key, []):
            if _fits(branch, value, root) and _branch_keys_fit(branch, value, root):
                yield from _formatted(value, branch, root, fmt, path)
                break
    if isinstance(value, dict):
        for key, sub in schema.get("properties", {}).items():
            if key not in value:
                continue
            sub_schema = _resolve(sub, root)
            if isinstance(value[key], str) and sub_schema.get("format") == fmt:
                yield path + (key,), value, key
            else:
                yield from _formatted(value[key], sub_schema, root, fmt, path + (key,))
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            yield from _formatted(item, schema["items"], root, fmt, path + (i,))


def _branch_keys_fit(schema: dict, value: Any, root: dict) -> bool:
    """Among object branches, the one whose required keys the value has."""
    schema = _resolve(schema, root)
    return not isinstance(value, dict) or all(k in value for k in schema.get("required", ()))

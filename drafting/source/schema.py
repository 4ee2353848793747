"""Validate data against a pack's JSON Schema and apply the schema's defaults.

Every problem is collected and reported at once, each with the file, line and
field path of the offending value and what the schema expected, in Chinese.

Two validators share the work. jsonschema-rs (compiled, quick to import) says
whether data is valid; only data it rejects is walked again by jsonschema, whose
errors carry what the Chinese messages need. Valid data, the usual case, never
imports jsonschema, which costs more start-up than the whole rest of a build.
Without jsonschema-rs (a platform with no wheel) jsonschema does both jobs.

The verdict must not depend on which of the two ran, so both read the same
schema with its patterns spelt out in constructs the two regex dialects read
alike (``patterns.portable_schema``); formats are left to draft's own checks
below in both; and a schema whose ``multipleOf`` is fractional (where Python's
float division and jsonschema-rs disagree) is judged by jsonschema alone.
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from drafting import cache
from drafting.source.yaml_loader import SourceDict, SourceList, SpeechData, format_path, located, walk
from drafting.errors import Location, PackError, Problem, SchemaError, os_reason
from drafting.model.numerals import calendar_date
from drafting.packs.finder import SCHEMA_FILE
from drafting.source.patterns import PatternProblem, has_fractional_multiple, portable_schema
from drafting.source.pictures import picture_problem

if TYPE_CHECKING:
    import jsonschema

    from drafting.packs.finder import Pack

_TYPE_NAMES = {
    "string": "文字",
    "integer": "整数",
    "number": "数字",
    "boolean": "true 或 false",
    "array": "列表（每项以“- ”开头）",
    "object": "键值对（如 name: 值）",
    "null": "空值",
}


class PackSchema:
    """A pack's JSON Schema (Draft 2020-12), checked and compiled once per pack.

    ``verdict`` is what an earlier check of this very schema found (``verdict()``,
    kept in draft's cache folder by ``make_validator``): with it, the checks that
    only say yes or no are not run again, and the schema as both validators read
    it is not rewritten again. The plan and the validators are always built."""

    def __init__(self, schema: dict, verdict: dict | None = None):
        self.schema = schema
        if verdict is None:
            check_refs(schema)
            self.checked = portable_schema(schema)  # what both validators read
            check_patterns(schema)  # the pack's own text first: its line can be found
            check_patterns(self.checked)
            quick = not has_fractional_multiple(schema) and _meta_valid(self.checked)
        else:
            self.checked, quick = verdict["checked"], verdict["quick"]
        self.plan = compile_plan(schema, schema)
        self._quick = _quick_validator(self.checked) if quick else None
        self._full = None
        if self._quick is None:
            self.full()  # reports a broken schema now, as the quick path would have

    def verdict(self) -> dict:
        """What the checks found, to be handed to a later ``PackSchema`` of the same schema."""
        return {"checked": self.checked, "quick": self._quick is not None}

    def full(self):
        """jsonschema's validator: every error, with what the messages need."""
        if self._full is None:
            from jsonschema import Draft202012Validator
            from jsonschema.validators import extend
            from referencing import Registry

            Draft202012Validator.check_schema(self.checked)
            # the same bounded pattern engine as the quick verdict, and no fetching
            bounded = extend(Draft202012Validator, {"pattern": _pattern, "patternProperties": _pattern_properties})
            self._full = bounded(self.checked, registry=Registry(retrieve=_refuse_retrieval))
        return self._full

    def surely_valid(self, values: Any) -> bool:
        """True only when the quick validator accepts; False means "ask jsonschema"."""
        if self._quick is None:
            return False
        try:
            return self._quick.is_valid(values)
        except (ValueError, TypeError, OverflowError):  # data jsonschema-rs cannot convert
            return False


def _meta_valid(schema: dict) -> bool:
    """Whether jsonschema-rs takes the schema; if not, jsonschema's check_schema words the problem."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - no wheel for this platform
        return False
    return jsonschema_rs.meta.is_valid(schema)


def _quick_validator(schema: dict):
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - no wheel for this platform
        return None
    try:
        return jsonschema_rs.Draft202012Validator(schema, validate_formats=False, retriever=_refuse_retrieval)
    except (jsonschema_rs.ReferencingError, ValueError):
        return None


# ---------------------------------------------------------------- bounds
# A pack's schema is the pack author's code as much as its template: it may
# refer only to itself (the shared definitions are merged into its $defs), and
# its patterns run on jsonschema-rs's engine for the messages too (fancy-regex:
# linear-time except for lookaround and back-references, and there bounded by
# a backtracking limit), so ``^(a+)+$`` on failing data cannot hang a build.


def _refuse_retrieval(uri: Any) -> Any:
    raise _BrokenRef(str(uri), "指向模板包以外的文件或网址；模板包只能引用自己 schema.json 中的定义（如 #/$defs/名称）")


_REF_KEYS = ("$ref", "$dynamicRef")


def check_refs(schema: dict) -> None:
    """Every ``$ref`` points inside the schema, at something that is there."""
    anchors = {v for _, key, v in _keywords(schema) if key in ("$anchor", "$dynamicAnchor") and isinstance(v, str)}
    for _, key, ref in _keywords(schema):
        if key not in _REF_KEYS:
            continue
        if not isinstance(ref, str) or not ref.startswith("#"):
            _refuse_retrieval(ref)
        if ref.startswith("#/") or ref == "#":
            _pointer_target(ref, schema)
        elif ref[1:] not in anchors:
            raise _BrokenRef(ref, "指向的定义不存在")


def _pointer_target(ref: str, root: dict) -> Any:
    from urllib.parse import unquote

    target: Any = root
    for part in ref[2:].split("/") if ref != "#" else ():
        part = unquote(part).replace("~1", "/").replace("~0", "~")
        if isinstance(target, list) and part.isdigit() and int(part) < len(target):
            target = target[int(part)]
        elif isinstance(target, dict) and part in target:
            target = target[part]
        else:
            raise _BrokenRef(ref, "指向的定义不存在")
    return target


def _keywords(node: Any, parent_key: str | None = None) -> Iterator[tuple[Any, str, Any]]:
    """(container, key, value) of every key in the schema, except the names under
    ``properties`` (a property may be called ``pattern``)."""
    stack = [(node, parent_key)]
    while stack:
        item, under = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if under not in ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas"):
                    yield item, key, value
                stack.append((value, key))
        elif isinstance(item, list):
            stack.extend((value, under if under in ("prefixItems", "allOf", "anyOf", "oneOf") else None) for value in item)


class _BrokenPattern(PackError):
    def __init__(self, pattern: str):
        super().__init__(
            f"{SCHEMA_FILE} 中的正则表达式“{pattern}”无法使用：请按 JavaScript（ECMA-262）的写法书写，"
            "不用 Python 专有的写法（如 (?P=名称)、(?>…)）"
        )
        self.ref = pattern


def check_patterns(schema: dict) -> None:
    for container, key, value in _keywords(schema):
        if key == "pattern" and isinstance(value, str):
            _matcher(value)
        elif key == "patternProperties" and isinstance(value, dict):
            for pattern in value:
                _matcher(pattern)


_MATCHERS: dict[str, Any] = {}


def _matcher(pattern: str) -> Any:
    """A linear-time test of ``pattern`` (search semantics, as JSON Schema says)."""
    found = _MATCHERS.get(pattern)
    if found is None:
        try:
            import jsonschema_rs
        except ImportError:  # pragma: no cover - no wheel: Python's re, unbounded
            found = re.compile(pattern).search
        else:
            try:
                rs = jsonschema_rs.validator_for({"type": "string", "pattern": pattern})
            except (ValueError, jsonschema_rs.ValidationError):
                raise _BrokenPattern(pattern) from None
            found = rs.is_valid
        _MATCHERS[pattern] = found
    return found


def _pattern(validator, pattern: str, instance: Any, schema: dict):
    if validator.is_type(instance, "string") and not _matcher(pattern)(instance):
        import jsonschema

        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(validator, patterns: dict, instance: Any, schema: dict):
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        for key, value in instance.items():
            if _matcher(pattern)(key):
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


def make_validator(pack: Pack) -> PackSchema:
    """The pack's validator; a schema.json that is not valid JSON Schema is
    reported as the pack's mistake, with its file and the path inside it."""
    file = pack.folder / SCHEMA_FILE
    key = _verdict_key(pack)
    verdict = _stored_verdict(key)
    try:
        validator = PackSchema(pack.schema, verdict)
    except (_BrokenRef, _BrokenPattern) as e:
        raise PackError(f"模板包“{pack.name}”的 {e.message}", Location(str(file), line_in_json(file, (), e.ref))) from None
    except PatternProblem as e:
        raise PackError(
            f"模板包“{pack.name}”的 {SCHEMA_FILE} 中 {format_path(e.path)} 的正则表达式 {json.dumps(e.pattern, ensure_ascii=False)}：{e}",
            Location(str(file), line_in_json(file, e.path)),
        ) from None
    except Exception as e:
        from jsonschema.exceptions import SchemaError as BrokenSchema

        if not isinstance(e, BrokenSchema):
            raise
        path = tuple(e.path)
        raise PackError(
            f"模板包“{pack.name}”的 {SCHEMA_FILE} 不是有效的 JSON Schema："
            f"{format_path(path) or '顶层'} 处的值 {json.dumps(e.instance, ensure_ascii=False)[:60]} 不合规范",
            Location(str(file), line_in_json(file, path)),
        ) from None
    if verdict is None:
        cache.write(_VERDICT, key, json.dumps(validator.verdict(), ensure_ascii=False).encode("utf-8"))
    return validator


_VERDICT = "schema-check"
_CHECKING_CODE = tuple(Path(__file__).with_name(name) for name in ("schema.py", "patterns.py"))


def _verdict_key(pack: Pack) -> str:
    """Everything the checks read: the schema as the pack gets it (shared definitions
    merged in), the checking code, and jsonschema-rs's build (it judges patterns and
    the schema itself; it has no version attribute, its library file stands for it)."""
    try:
        import jsonschema_rs.jsonschema_rs as compiled

        info = os.stat(compiled.__file__)
        build = f"{compiled.__file__} {info.st_size} {info.st_mtime_ns}"
    except (ImportError, OSError, AttributeError, TypeError):  # pragma: no cover - no wheel
        build = ""
    return cache.digest(pack.schema_text, cache.source_digest(*_CHECKING_CODE), build)


def _stored_verdict(key: str) -> dict | None:
    stored = cache.read(_VERDICT, key)
    if stored is None:
        return None
    try:
        verdict = json.loads(stored)
    except ValueError:
        return None  # a damaged entry: check again
    if isinstance(verdict, dict) and isinstance(verdict.get("checked"), dict) and isinstance(verdict.get("quick"), bool):
        return verdict
    return None


def line_in_json(file: Path, keys: tuple, value: str | None = None) -> int | None:
    """The line in a JSON file of the last of ``keys``, each found after the one
    before (then of ``value``): near enough to take the pack's author there."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    patterns = [re.escape(json.dumps(k, ensure_ascii=False)) + r"\s*:" for k in keys if isinstance(k, str)]
    if value is not None:
        patterns.append(re.escape(json.dumps(value, ensure_ascii=False)))
    at = None
    for pattern in patterns:
        found = re.compile(pattern).search(text, at or 0)
        if found is None:
            break
        at = found.start()
    return None if at is None else text.count("\n", 0, at) + 1


def validate(speech: SpeechData, validator: PackSchema) -> SpeechData:
    """Return the data with defaults applied; raise SchemaError listing every problem."""
    values = speech.values
    problems = []
    if not validator.surely_valid(values):
        full = validator.full()
        problems = [p for e in _leaf_errors(full, values) for p in _problems(e, speech, full.schema)]
    if not speech.source.all_printable:
        problems.extend(_content_problems(values, speech))
    if problems:
        problems.sort(key=lambda p: (p.location.line or 0, p.location.column or 0))
        raise SchemaError(list(dict.fromkeys(problems)))
    if validator.plan is not None:
        values = validator.plan.apply(values)
        problems = list(date_problems(values, validator.plan, speech))
        values, image_problems = resolve_image_paths(values, validator.plan, speech)
        if problems or image_problems:
            raise SchemaError(problems + image_problems)
    return SpeechData(values, speech.source)


def _leaf_errors(validator, values: Any) -> Iterable[jsonschema.ValidationError]:
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


def _problems(error: jsonschema.ValidationError, speech: SpeechData, root: dict) -> Iterator[Problem]:
    """One problem for the error, at its value; one for each unknown key, at the key."""
    from drafting.source.messages import digits_key_hint  # only invalid data needs the hints' patterns

    path = tuple(error.absolute_path)
    if error.validator != "additionalProperties":
        yield Problem(speech.source.locate(path), _message(error, format_path(path), root))
        return
    known = error.schema.get("properties", {})
    for key in (k for k in error.instance if k not in known):
        where = speech.source.locate(path + (key,), key=True)
        hint = digits_key_hint(key)
        yield Problem(where, f"未知的键“{key}”（拼写错误？）；此处可用的键：{'、'.join(known)}{hint}")


# Rules whose message needs only the field's name, the rule's value and the data's.
_MESSAGES = {
    "const": "{name}只能是“{expected}”",
    "minItems": "{name}至少要有 {expected} 项",
    "maxItems": "{name}最多只能有 {expected} 项",
    "maxLength": "{name}太长：最多 {expected} 个字符",
    "minimum": "{name}不能小于 {expected}，实际是 {value}",
    "exclusiveMinimum": "{name}不能小于或等于 {expected}，实际是 {value}",
    "maximum": "{name}不能大于 {expected}，实际是 {value}",
    "exclusiveMaximum": "{name}不能大于或等于 {expected}，实际是 {value}",
    "uniqueItems": "{name}中有重复的项",
    "multipleOf": "{name}应为 {expected} 的整数倍，实际是 {value}",
    "minProperties": "{name}至少要写 {expected} 项",
    "maxProperties": "{name}最多只能写 {expected} 项",
}


def _message(error: jsonschema.ValidationError, field: str, root: dict | None = None) -> str:
    from drafting.source.messages import COLON_IN_TEXT_HINT, how_to_write, is_colon_split_text, pattern_hint

    kind, expected, value, schema = error.validator, error.validator_value, error.instance, error.schema
    name = schema.get("title", "") if field else "文件顶层"
    if kind in _MESSAGES:
        return _MESSAGES[kind].format(name=name, expected=expected, value=value)
    if kind == "required":
        missing = [k for k in expected if not isinstance(value, dict) or k not in value]
        subs = schema.get("properties", {})
        names = "、".join(f"{k}（{subs.get(k, {}).get('title', '')}）".replace("（）", "") for k in missing)
        return f"{name}缺少必填项：{names}"
    if kind == "type":
        types = expected if isinstance(expected, list) else [expected]
        wanted = " 或 ".join(_TYPE_NAMES.get(t, t) for t in types)
        return f"{name}应为{wanted}，实际是{_describe(value)}{how_to_write(value, types)}"
    if kind == "enum":
        options = "、".join(str(o) for o in expected)
        return f"{name}只能是以下之一：{options}；实际是“{value}”"
    if kind == "minLength":
        return f"{name}不能为空" if expected <= 1 else f"{name}太短：至少 {expected} 个字符"
    if kind == "pattern" and "integer" in _types(schema):  # a year: an integer, or X while unknown (the same words)
        return f"{name}应为整数，实际是{_describe(value)}{how_to_write(value, ['integer'])}"
    if kind == "pattern":
        hint = pattern_hint(value) or schema.get("description", "")
        return f"{name}格式不对：“{value}”。{hint}"
    if kind in ("anyOf", "oneOf"):
        branches = [resolve_ref(s, root) if root else s for s in expected]
        if any(b.get("type") == "string" for b in branches):
            keys = {k for b in branches for k in b.get("properties", {})}
            if is_colon_split_text(value, keys):
                return f"{name}应为文字。{COLON_IN_TEXT_HINT}"
        options = " 或 ".join(_branch_name(s) for s in branches)
        actual = "缺少所需的键" if isinstance(value, dict) else f"实际是{_describe(value)}"
        return f"{name}应为{options}，{actual}"
    if kind == "dependentRequired":
        needs = next(((k, [d for d in deps if d not in value]) for k, deps in expected.items()
                      if k in value and any(d not in value for d in deps)), None)
        if needs:
            return f"{name}写了 {needs[0]} 时还要写：{'、'.join(needs[1])}"
    if kind is None:  # a `false` schema (jsonschema loses the path of its value)
        return f"{name}中有按模板包的 schema.json 不能填写的内容：{_describe(value)}"
    # jsonschema's own words are English: name the rule instead
    return f"{name}不符合模板包 schema.json 中“{kind}”的要求"


def _types(schema: dict) -> list:
    kind = schema.get("type", [])
    return kind if isinstance(kind, list) else [kind]


def _branch_name(schema: dict) -> str:
    """A branch as the writer knows it: its title, else its type (never a $defs name)."""
    if "title" in schema:
        return schema["title"]
    if "properties" in schema:
        return "含 " + "、".join(schema["properties"]) + " 的键值对"
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


@lru_cache(maxsize=1)
def _unwritable() -> re.Pattern:
    """Characters a Word document cannot hold (XML 1.0), and lone surrogates; compiled
    only for data that may hold one (``SourceMap.all_printable``), which is rare."""
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _content_problems(values: Any, speech: SpeechData) -> list[Problem]:
    """Values that fit the schema but cannot be printed: never dropped silently."""
    problems = []
    for path, value in walk(values):
        if isinstance(value, str):
            bad = _unwritable().search(value)
            if bad:
                code = f"U+{ord(bad.group()):04X}"
                problems.append(
                    Problem(
                        speech.source.locate(path, offset=bad.start()),
                        f"第 {bad.start() + 1} 个字符是控制字符 {code}，"
                        "Word 文档无法保存它。请删去该字符（它常由复制粘贴带入）",
                    )
                )
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append(Problem(speech.source.locate(path), f"不是有效的数字（{value}）"))
        elif isinstance(value, dict):
            problems.extend(p for k in value if (p := _key_problem(k, path, speech)))
    return problems


def _key_problem(key: str, path: tuple, speech: SpeechData) -> Problem | None:
    if _unwritable().search(key):
        return Problem(speech.source.locate(path + (key,), key=True), "键名中含有控制字符，请删去")
    return None


# ---------------------------------------------------------------- defaults

_JSON_TYPES = {str: "string", bool: "boolean", type(None): "null"}


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, dict):  # the loader's SourceDict too
        return "object"
    if isinstance(value, list):
        return "array"
    return _JSON_TYPES.get(type(value), "unknown")


class _BrokenRef(PackError):
    """Raised for a ``$ref`` that leads nowhere; ``make_validator`` says where."""

    def __init__(self, ref: str, problem: str):
        super().__init__(f"{SCHEMA_FILE} 中的 $ref “{ref}” {problem}")
        self.ref = ref


def resolve_ref(schema: Any, root: dict) -> dict:
    """``schema`` with its local ``$ref`` followed; ``{}`` for a boolean schema
    (``true`` allows anything, and validation has the last word on ``false``).

    A ``$ref`` to nothing, or round in a circle, is the pack's mistake: PackError.
    """
    if not isinstance(schema, dict):
        return {}
    seen: set[str] = set()
    while isinstance(ref := schema.get("$ref"), str) and ref.startswith("#/"):
        if ref in seen:
            raise _BrokenRef(ref, "绕回了自身（循环引用）")
        seen.add(ref)
        target: Any = root
        for part in ref[2:].split("/"):
            if not isinstance(target, dict) or part not in target:
                raise _BrokenRef(ref, "指向的定义不存在")
            target = target[part]
        schema = {**(target if isinstance(target, dict) else {}), **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _wanted_types(schema: dict, root: dict) -> list[str] | None:
    wanted = resolve_ref(schema, root).get("type")
    if wanted is None:
        return None
    return wanted if isinstance(wanted, list) else [wanted]


def _fits(wanted: list[str] | None, value: Any) -> bool:
    if wanted is None:
        return True
    actual = _json_type(value)
    return actual in wanted or (actual == "integer" and "number" in wanted)


_NO_DEFAULT = object()
_SCALARS = frozenset({str, int, float, bool, type(None)})  # a default shared as it is
IMAGE_PATH_FORMAT = "image-path"
# A date as speeches write it (2025-07-15, 2025年7月15日, 二〇二五年七月十五日): the
# pattern says the shape, this format that the day exists (not 2025-13-45).
SPEECH_DATE_FORMAT = "speech-date"
# an indicator's name, which ``source.statistics`` looks up in the statistics sheet
INDICATOR_NAME_FORMAT = "indicator-name"
_FORMATS = (IMAGE_PATH_FORMAT, SPEECH_DATE_FORMAT, INDICATOR_NAME_FORMAT)
# python-docx embeds these; the first bytes tell them apart whatever the file is named
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")


class _Plan:
    """What the schema asks of valid data beyond validation, worked out once per pack:
    the defaults to fill and the strings with a format to check (picture files, dates).

    Which anyOf/oneOf branch to follow (the first whose type and required keys
    fit), which properties have a default or are a file path, and which subtrees
    hold neither: those are never visited, so the text of a book-length speech
    is not walked for nothing.
    """

    __slots__ = ("groups", "properties", "items", "formats")

    def __init__(self):
        # per anyOf/oneOf: (types, required keys, plan) of each branch, in order
        self.groups: list[list[tuple[list[str] | None, tuple, _Plan | None]]] = []
        # (key, default or _NO_DEFAULT, format (one of _FORMATS) or None, plan)
        self.properties: list[tuple[str, Any, str | None, _Plan | None]] = []
        self.items: _Plan | None = None
        # the formats anywhere below, so a walk for one skips subtrees without it;
        # every format until compile_plan has seen the whole subtree (recursive $refs)
        self.formats: frozenset[str] = frozenset(_FORMATS)

    @staticmethod
    def _branch(group, value: Any) -> _Plan | None | bool:
        for wanted, required, plan in group:
            if _fits(wanted, value) and (not isinstance(value, dict) or all(k in value for k in required)):
                return plan
        return False

    def apply(self, value: Any, path: tuple = ()) -> Any:
        """``value`` with defaults filled in; containers are copied only where one is.
        A container filled in or copied knows its path like a loaded one
        (``yaml_loader.located``); a filled value has no line, so it is found at its parent.

        Only a mapping or a list can take a default, so every other value (most of
        a speech: its paragraphs) is returned before the plan is consulted."""
        if not isinstance(value, (dict, list)):
            return value
        for group in self.groups:
            plan = self._branch(group, value)
            if plan:
                value = plan.apply(value, path)
        if self.properties and isinstance(value, dict):
            updated = None
            for key, default, _, plan in self.properties:
                if key in value:
                    if plan is None:
                        continue
                    new = plan.apply(value[key], path + (key,))
                    if new is value[key]:
                        continue
                elif default is _NO_DEFAULT:
                    continue
                elif type(default) in _SCALARS and plan is None:
                    new = default  # nothing to copy, no container to locate
                else:
                    new = _fresh(default, path + (key,))
                    new = plan.apply(new, path + (key,)) if plan is not None else new
                if updated is None:
                    updated = _copied(value, path)
                updated[key] = new
            return value if updated is None else updated
        if self.items is not None and isinstance(value, list):
            filled = [self.items.apply(item, path + (i,)) for i, item in enumerate(value)]
            if any(new is not old for new, old in zip(filled, value)):
                return located(filled, path)
        return value

    def formatted(self, fmt: str, value: Any, path: tuple = ()) -> Iterator[tuple[tuple, dict, str]]:
        """(path, container, key) of each string the schema marks ``format: fmt``."""
        if fmt not in self.formats or not isinstance(value, (dict, list)):
            return  # a string's own format is yielded by the mapping that holds it
        for group in self.groups:
            plan = self._branch(group, value)
            if plan:
                yield from plan.formatted(fmt, value, path)
        if self.properties and isinstance(value, dict):
            for key, _, key_format, plan in self.properties:
                if key not in value:
                    continue
                if key_format == fmt and isinstance(value[key], str):
                    yield path + (key,), value, key
                elif plan is not None:
                    yield from plan.formatted(fmt, value[key], path + (key,))
        elif self.items is not None and isinstance(value, list):
            for i, item in enumerate(value):
                yield from self.items.formatted(fmt, item, path + (i,))


def _fresh(default: Any, path: tuple) -> Any:
    """A default's own copy, knowing its path (``[]``, the usual one, made directly)."""
    if type(default) is list and not default:
        made = SourceList()
        made._path = path
        return made
    return located(copy.deepcopy(default), path)


def _copied(mapping: dict, path: tuple) -> SourceDict:
    """A shallow copy that knows its path; a loaded mapping's values already know theirs."""
    if type(mapping) is SourceDict and mapping._path == path:
        copied = SourceDict(mapping)
        copied._path = path
        return copied
    return located(dict(mapping), path)


def compile_plan(schema: dict, root: dict, seen: dict | None = None) -> _Plan | None:
    """The plan for ``schema``, or None when nothing under it has a default or a file path."""
    seen = {} if seen is None else seen
    if id(schema) in seen:  # a recursive $ref: assume it may hold something
        return seen[id(schema)]
    plan = seen[id(schema)] = _Plan()
    resolved = resolve_ref(schema, root)
    for keyword in ("anyOf", "oneOf"):
        group = [
            (_wanted_types(branch, root), tuple(resolve_ref(branch, root).get("required", ())),
             compile_plan(branch, root, seen))
            for branch in resolved.get(keyword, [])
        ]
        if any(sub is not None for _, _, sub in group):
            plan.groups.append(group)
    for key, sub in resolved.get("properties", {}).items():
        sub_resolved = resolve_ref(sub, root)
        default = sub_resolved.get("default", _NO_DEFAULT)
        key_format = sub_resolved.get("format") if sub_resolved.get("format") in _FORMATS else None
        sub_plan = compile_plan(sub, root, seen)
        if default is not _NO_DEFAULT or key_format or sub_plan is not None:
            plan.properties.append((key, default, key_format, sub_plan))
    if isinstance(resolved.get("items"), dict):
        plan.items = compile_plan(resolved["items"], root, seen)
    if not (plan.groups or plan.properties or plan.items):
        seen[id(schema)] = None
        return None
    plan.formats = _formats_below(plan)
    return plan


def _formats_below(plan: _Plan) -> frozenset[str]:
    subplans = [sub for group in plan.groups for _, _, sub in group]
    subplans += [sub for *_, sub in plan.properties] + [plan.items]
    found = {fmt for _, _, fmt, _ in plan.properties if fmt}
    for sub in subplans:
        if sub is not None:
            found |= sub.formats
    return frozenset(found)


# ---------------------------------------------------------------- files


def resolve_image_paths(values: Any, plan: _Plan, speech: SpeechData) -> tuple[Any, list[Problem]]:
    """Make every ``"format": "image-path"`` string absolute (relative paths are
    relative to the data file's folder) and check the file is a picture Word can
    hold. Writers then get a path they can open, and never read the YAML.

    The data as loaded stays as written: the paths are set in a copy, made only
    when there is a picture at all."""
    if next(plan.formatted(IMAGE_PATH_FORMAT, values), None) is None:
        return values, []
    values = copy.deepcopy(values)
    base = Path(speech.file).resolve().parent
    problems = []
    for path, container, key in plan.formatted(IMAGE_PATH_FORMAT, values):
        written = container[key]
        target = (base / written).resolve()
        problem = _image_problem(target, written)
        if problem:
            problems.append(Problem(speech.source.locate(path), problem))
        else:
            container[key] = str(target)
    return values, problems


def date_problems(values: Any, plan: _Plan, speech: SpeechData) -> Iterator[Problem]:
    """A date of the right shape that is not a day of the calendar (2025-13-45)."""
    for path, container, key in plan.formatted(SPEECH_DATE_FORMAT, values):
        written = container[key]
        if calendar_date(written) is None:
            yield Problem(speech.source.locate(path), f"日期“{written}”不存在，请核对年、月、日")


def _image_problem(target: Path, written: str) -> str | None:
    if not target.is_file():
        return f"找不到图片文件“{written}”（{target}）；路径相对于本 YAML 文件所在的文件夹"
    try:
        data = target.read_bytes()
    except OSError as e:
        return f"图片文件“{written}”无法读取：{os_reason(e)}"
    if not data:
        return f"图片文件“{written}”是空的（0 字节），请重新导出该图片"
    if not data.startswith(_IMAGE_SIGNATURES):
        return f"“{written}”不是 PNG、JPEG、GIF 或 BMP 图片"
    problem = picture_problem(data)
    return f"“{written}”：{problem}" if problem else None



"""Render a pack's Jinja template over validated data into semantic markup.

The environment is sandboxed and immutable (packs travel between offices and are
untrusted), undefined names are errors (a misspelt variable must not print as
nothing), and everything from the data is escaped, so a writer's ``<h1>`` or
``**`` is text, never structure. A newline inside a data string becomes an
explicit ``<br/>``: newlines in the markup itself are only template layout.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

import jinja2
from markupsafe import Markup, escape

from drafting import cache
from drafting.source.yaml_loader import SourceDict, SpeechData, path_of
from drafting.errors import Location, Problem, TemplateError
from drafting.model.indicators import Indicator, indicator_cells, phrase_chain
from drafting.model.numerals import chinese_numeral, enumeration_marker, format_date
from drafting.packs.sandbox import MACRO_STEPS, BudgetExceeded, PackSandbox, RefusedTemplate, check_length, output_limit

_BREAK = Markup("<br/>")


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return _not_data(value)
    escaped = escape(value)
    return escaped.replace("\n", _BREAK) if "\n" in value else escaped


def _not_data(value: Any) -> Any:
    """A mapping or list printed by ``{{ }}`` would come out in its Python form, as if it
    were the writer's words (a lead holding statistics is a mapping)."""
    if isinstance(value, (dict, list)):
        raise jinja2.TemplateRuntimeError(
            "模板直接输出了一组数据（不是文字）。这个字段可能是含统计指标的段落或列表："
            "段落请用 draft.text(…) 输出，列表请逐项输出"
        )
    return value


_DICT_ATTRIBUTES = frozenset(dir(dict))
# A macro is handed the caller's eval context (its escaping follows the caller's), as Context.call does
_MACRO_TAKES_EVAL_CONTEXT = (
    jinja2.utils._PassArg.from_obj(jinja2.runtime.Macro.__call__) is jinja2.utils._PassArg.eval_context
)
_TEMPLATE_OWN = (jinja2.runtime.LoopContext, jinja2.environment.TemplateModule)


class _Environment(PackSandbox):
    """The sandbox, with ``part.heading`` on the writer's data looked up directly,
    and the template's own macros called without the checks for outside callables.

    Jinja tries ``getattr`` first and falls back to the item; on a plain dict
    that getattr always fails unless the name is one of dict's own (``items``),
    and the failure (an exception) is most of the cost of reading a field. The
    answer is the same: dict's own names still go the usual, checked way.
    """

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A macro of the template itself is safe to call: skip the checks for
        callables from outside, which a paragraph's three macro calls pay each time."""
        if type(__obj) is jinja2.runtime.Macro:
            __self.step(MACRO_STEPS)
            # what Context.call does for a macro, without asking each time how it is
            # called (asking, with two failed attribute looks, was a fifth of a call)
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            try:
                return __obj(__context.eval_ctx, *args, **kwargs) if _MACRO_TAKES_EVAL_CONTEXT else __obj(*args, **kwargs)
            except StopIteration:
                return __self.undefined("value was undefined because a callable raised a StopIteration exception")
        return super().call(__context, __obj, *args, **kwargs)

    @staticmethod
    def printed(value: Any) -> Any:
        """``escape(_finalize(value))`` in one step: a data string escaped once, not
        twice, and the template's own markup (a macro's output) as it is."""
        if type(value) is Markup:
            return value
        if isinstance(value, str):
            return escape(value).replace("\n", _BREAK) if "\n" in value and not isinstance(value, Markup) else escape(value)
        return escape(_not_data(value))

    def getattr(self, obj: Any, attribute: str) -> Any:
        kind = type(obj)
        if (kind is SourceDict or kind is dict) and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        elif kind in _TEMPLATE_OWN and not attribute.startswith("_"):
            try:  # loop.index, an imported macro: Jinja's own objects, nothing to guard
                return getattr(obj, attribute)
            except AttributeError:
                pass
        return super().getattr(obj, attribute)


class Renderer:
    """One Jinja environment per pack, reused across builds (batch, watch)."""

    def __init__(self, template_dirs: list[Path], template_name: str):
        self.template_name = template_name
        self.env = _Environment(
            template_dirs,
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            finalize=_finalize,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            bytecode_cache=_CompiledTemplates(),
        )
        self.env.filters.update(
            cn=chinese_numeral,
            marker=_marker,
            date=format_date,
            count=_count_phrase,
            indicators=_indicators,
            indicator_rows=_indicator_rows,
        )
        self._template: jinja2.Template | None = None

    def template(self) -> jinja2.Template:
        if self._template is None:
            try:
                self._template = self.env.get_template(self.template_name)
            except jinja2.TemplateSyntaxError as e:
                raise TemplateError(
                    f"模板语法错误：{e.message}", Location(e.filename or e.name, e.lineno)
                ) from None
            except RefusedTemplate as e:
                raise TemplateError(e.message, Location(self.template_name)) from None
            except jinja2.TemplateNotFound as e:
                raise TemplateError(f"找不到模板文件：{e.name}") from None
            except RecursionError:
                raise TemplateError(
                    "模板嵌套层次过深，无法编译", Location(str(self.env.loader.searchpath[0]) + "/" + self.template_name)
                ) from None
        return self._template

    def render(self, speech: SpeechData, read: Callable[[Iterator[str]], T] = "".join) -> tuple[T, list[Problem]]:
        """``read`` applied to the markup as the template runs, and a warning for
        every X printed for a figure missing or still a placeholder, returned once the template
        has run to its end. ``read`` takes the markup in pieces, so a book-length
        speech's markup is never held whole (``markup.read_markup`` reads it as
        it comes); by default the pieces are joined."""
        template = self.template()
        context, placeholders = self.context(speech)
        limit = output_limit(len(speech.source.text))
        pieces = _batched(self._generate(template, context, limit))
        result = read(pieces)
        for _ in pieces:  # a reader that stopped early still gets every warning
            pass
        return result, placeholders.problems

    def context(self, speech: SpeechData) -> tuple[dict, _PlaceholderLog]:
        """What the template runs with, for one render (the sandbox's budget restarts)."""
        placeholders = _PlaceholderLog(speech)
        context = dict(speech.values)
        context[_LOG] = placeholders
        self.env.start_render(len(speech.source.text))
        return context, placeholders

    @staticmethod
    def _generate(template: jinja2.Template, context: dict, limit: int) -> Iterator[str]:
        """The template's output as it runs, within the sandbox's output bound."""
        length = 0
        try:
            for chunk in template.generate(context):
                length += len(chunk)
                check_length(length, limit)
                yield chunk
        except _TEMPLATE_FAULTS as e:
            raise _runtime_error(e, template) from None


def _batched(pieces: Iterator[str], size: int = 1 << 16) -> Iterator[str]:
    """Jinja's many small pieces joined into about 64k characters each."""
    batch: list[str] = []
    length = 0
    for piece in pieces:
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(batch)
            batch, length = [], 0
    if batch:
        yield "".join(batch)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled pack templates kept in draft's cache folder (``drafting.cache``),
    so a new ``draft build`` does not compile the pack's template again.

    Jinja names an entry by the template's path and checks its source; the
    compiled code also depends on this module's environment settings and on
    Jinja's version, so those are part of the name too.
    """

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = cache.read(_COMPILED, self._name(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)  # Jinja ignores it if its version differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        cache.write(_COMPILED, self._name(bucket), bucket.bytecode_to_string())

    @staticmethod
    def _name(bucket: jinja2.bccache.Bucket) -> str:
        return cache.digest(bucket.key, bucket.checksum, _settings_digest())


_COMPILED = "jinja"


@lru_cache(maxsize=1)
def _settings_digest() -> str:
    return cache.source_digest(Path(__file__), Path(__file__).with_name("sandbox.py"), Path(jinja2.__file__))


# What a template's own code can raise (a bad pack, not a bug in draft).
_TEMPLATE_FAULTS = (
    jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError, ArithmeticError, RecursionError,
    MemoryError,
)


def _marker(form: str, n: int) -> str:
    try:
        return enumeration_marker(form, n)
    except ValueError:
        raise jinja2.TemplateRuntimeError(f"未知的序号形式“{form}”") from None


T = TypeVar("T")  # what a render's reader makes of the markup
_LOG = "_draft_placeholders"


@jinja2.pass_context
def _indicators(context: jinja2.runtime.Context, indicators: list[dict]) -> Markup:
    return context[_LOG].phrase_all(indicators)


@jinja2.pass_context
def _indicator_rows(context: jinja2.runtime.Context, indicators: list[dict]) -> list[list[str]]:
    return context[_LOG].cells_all(indicators)


def _count_phrase(phrase: str, n: int) -> str:
    # a count before a measure word says 两, not 二: 我讲两点意见
    return phrase.replace("{n}", "两" if n == 2 else chinese_numeral(n))


class _PlaceholderLog:
    """The warnings for every X a filter printed, each at the line of its field.

    An indicator knows where it was written (``path_of``), also when the
    template reached it through an alias or a filter that copied its list; one
    the template built itself has no line, only the list's, if that has one.
    """

    def __init__(self, speech: SpeechData):
        self.source = speech.source
        self.problems: list[Problem] = []

    def phrase_all(self, indicators: list[dict]) -> Markup:
        indicators = _listed(indicators)
        report = partial(self._report, indicators)
        pieces = phrase_chain([Indicator.from_data(data) for data in indicators], report)
        # clauses at even places, separators between; _finalize: a typed newline stays a line break
        return Markup("").join(
            Markup("<ind>%s</ind>") % _finalize(text) if n % 2 == 0 else escape(text)
            for n, text in enumerate(pieces)
        )

    def cells_all(self, indicators: list[dict]) -> list[list[str]]:
        indicators = _listed(indicators)
        rows = []
        for n, data in enumerate(indicators):
            report = partial(self._report, indicators, n)
            rows.append(indicator_cells(Indicator.from_data(data), report))
        return rows

    def _report(self, indicators: list[dict], n: int, field: str) -> None:
        data = indicators[n]
        path = path_of(data)
        if path is None:
            listed = path_of(indicators)
            path = listed + (n,) if listed is not None else None
        keys = field if isinstance(field, tuple) else (field,)  # ("then", k, "change"): a further clause's X
        where = self.source.locate(path + keys) if path is not None else Location(self.source.file)
        typed: Any = data
        for key in keys:
            if isinstance(typed, dict):
                typed = typed.get(key)
            else:
                listed = isinstance(typed, (list, tuple)) and isinstance(key, int) and key < len(typed)
                typed = typed[key] if listed else None
        self.problems.append(Problem(where, placeholder_message(typed)))


def _listed(indicators: Any) -> list:
    """A filter's result (``select``, ``reject``) is a generator: read it once, keep the items."""
    return indicators if isinstance(indicators, list) else list(indicators)


def placeholder_message(typed: Any) -> str:
    """What the warning for a printed X says: that nothing was written, or what was."""
    if typed is None or typed == "":
        return "未填写，已输出占位符 X"
    return f"仍是占位符“{str(typed).strip()}”，请填入数字"


def _runtime_error(e: Exception, template: jinja2.Template) -> TemplateError:
    filename, line = _template_frame(e)
    detail = getattr(e, "message", None) or str(e)
    if isinstance(e, jinja2.TemplateSyntaxError):  # in an included template
        filename, line = e.filename or e.name, e.lineno
        message = f"模板语法错误：{detail}"
    elif isinstance(e, RefusedTemplate):
        message = e.message
    elif isinstance(e, jinja2.TemplateNotFound):
        message = f"找不到模板文件“{e.name}”：模板只能引用本模板包文件夹中的文件"
    elif isinstance(e, jinja2.UndefinedError):
        message = f"模板引用了未定义的变量或属性：{_undefined_in_chinese(detail)}"
    elif isinstance(e, BudgetExceeded):
        message = f"模板运行超出限制：{detail}"
    elif isinstance(e, jinja2.exceptions.SecurityError):
        message = f"模板试图访问不允许的内容（模板只能使用提供给它的数据）：{detail}"
    elif isinstance(e, RecursionError):
        message = "模板中的宏或 include 无限递归"
    elif isinstance(e, MemoryError):
        message = "模板运行超出限制：内存不足"
    else:
        message = f"模板运行出错：{detail}"
    return TemplateError(message, Location(filename or template.filename, line))


_UNDEFINED = (
    (r"'(.*)' is undefined", "“{0}”没有定义"),
    (r"'[\w.]+ object' has no attribute '(.*)'", "没有“{0}”这一项（数据中没有写，或模板中拼错了）"),
    (r"[\w.]+ object has no element (-?\d+)", "列表中没有第 {0} 项（从 0 数起）"),
)


def _undefined_in_chinese(detail: str) -> str:
    """Jinja's English for a name or field that is not there, in the pack author's words."""
    for pattern, chinese in _UNDEFINED:
        found = re.fullmatch(pattern, detail)
        if found:
            return chinese.format(*found.groups())
    return detail


def _template_frame(e: Exception) -> tuple[str | None, int | None]:
    """The innermost template file and line in a Jinja-rewritten traceback."""
    import traceback  # an error path only

    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(e.__traceback__):
        if frame.filename and not frame.filename.endswith(".py"):
            found = (frame.filename, frame.lineno)
    return found


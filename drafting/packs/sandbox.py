"""The Jinja environment a pack's template runs in: it reaches only its data.

Packs travel between offices, so a template is untrusted code. Jinja's
immutable sandbox already refuses Python internals (``__class__``, ``_private``
attributes, ``str.format`` tricks) and mutation of the data; on top of that:

- templates load only from the pack's own folders, and a symbolic link inside
  a pack cannot lead out of it;
- work is bounded: ``range`` shares one budget across a render, and operators,
  ``~`` concatenation, format specs and the filters that pad, replace, join,
  wrap or group refuse to build text or lists
  longer than ``MAX_TEXT``, so a hostile template fails fast instead of eating
  memory. Loops over the writer's own data are bounded by the input size.
"""

from __future__ import annotations

import inspect
import operator
import re
from pathlib import Path
from typing import Any, Callable

import jinja2
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError
from jinja2.filters import (
    do_batch,
    do_center,
    do_format,
    do_indent,
    do_join,
    do_replace,
    do_wordwrap,
    sync_do_slice,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_TEXT = 2_000_000  # characters in one value, and the least whole output allowed
# The whole output may also be this many times the writer's own text: a
# book-length report renders to about a third of its YAML, a runaway loop to
# far more, so the bound grows with honest input and still stops a runaway.
OUTPUT_PER_INPUT = 20
MAX_RANGE_TOTAL = 1_000_000  # numbers all calls of range() may yield in one render
MAX_EXPONENT_BITS = 100_000
MAX_FORMAT_WIDTH = 1_000


class BudgetExceeded(SecurityError):
    """Raised when a template would do unbounded work or build huge text."""


class PackLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that will not follow a link out of its folders."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(filename).resolve()
        if not any(real.is_relative_to(Path(root).resolve()) for root in self.searchpath):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


class _BoundedCodeGenerator(CodeGenerator):
    """Routes ``a ~ b`` through the environment, so concatenation is bounded too."""

    def visit_Concat(self, node, frame) -> None:
        self.write("environment.bounded(")
        super().visit_Concat(node, frame)
        self.write(")")


class PackSandbox(ImmutableSandboxedEnvironment):
    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(self, template_dirs: list[Path], **options: Any):
        super().__init__(loader=PackLoader([str(d) for d in template_dirs]), **options)
        for name in ("lipsum", "cycler", "joiner"):  # nothing a speech needs
            self.globals.pop(name, None)
        self.globals["range"] = self._range
        self.filters.update(
            format=_bounded_format, center=_bounded_center, indent=_bounded_indent,
            replace=_bounded_replace, join=_bounded_join, wordwrap=_bounded_wordwrap,
            batch=_bounded_batch, slice=_bounded_slice,
        )
        self.range_left = MAX_RANGE_TOTAL

    def start_render(self) -> None:
        self.range_left = MAX_RANGE_TOTAL

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        self.range_left -= len(numbers)
        if self.range_left < 0:
            raise BudgetExceeded(f"range() 循环次数过多（一次生成最多共 {MAX_RANGE_TOTAL} 次）")
        return numbers

    def bounded(self, value: Any) -> Any:
        if hasattr(value, "__len__"):
            check_length(len(value))
        return value

    def call_binop(self, context, op: str, left: Any, right: Any) -> Any:
        if op == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        elif op == "**":
            _check_power(left, right)
        elif op == "%" and isinstance(left, str):
            _check_printf(left)
        elif op == "+" and hasattr(left, "__len__") and hasattr(right, "__len__"):
            check_length(len(left) + len(right))
        return self.bounded(_OPERATORS[op](left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is not None:
            _check_brace_format(inspect.unwrap(value).__self__)
        return wrapper


_OPERATORS = {"+": operator.add, "*": operator.mul, "**": operator.pow, "%": operator.mod}


def check_length(length: int, limit: int | None = None) -> None:
    limit = limit or MAX_TEXT
    if length > limit:
        raise BudgetExceeded(f"模板生成的文字过长（超过 {limit} 个字符）")


def output_limit(input_characters: int) -> int:
    """The most characters a render may produce for an input of this size."""
    return max(MAX_TEXT, OUTPUT_PER_INPUT * input_characters)


def _check_repeat(sequence: Any, times: Any) -> None:
    if hasattr(sequence, "__len__") and isinstance(times, int):
        check_length(len(sequence) * times)


def _check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1:
        if base.bit_length() * abs(exponent) > MAX_EXPONENT_BITS:
            raise BudgetExceeded("模板中的乘方运算结果过大")


_PRINTF_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_FIELD = re.compile(r"\{[^{}]*\}")


def _check_width(width: str | None) -> None:
    if width and (width == "*" or int(width) > MAX_FORMAT_WIDTH):
        raise BudgetExceeded(f"模板中的格式宽度过大（最多 {MAX_FORMAT_WIDTH}）")


def _check_printf(fmt: str) -> None:
    for spec in _PRINTF_SPEC.finditer(fmt):
        _check_width(spec.group(1))
        _check_width(spec.group(2))


def _check_brace_format(fmt: str) -> None:
    for field in _BRACE_FIELD.finditer(fmt):
        for number in re.findall(r"\d+", field.group().partition(":")[2]):
            _check_width(number)


def _bounded_format(value: str, *args: Any, **kwargs: Any) -> str:
    _check_printf(str(value))
    return do_format(value, *args, **kwargs)


def _bounded_center(value: str, width: int = 80) -> str:
    _check_width(str(width) if isinstance(width, int) and width > 0 else None)
    return do_center(value, width)


def _bounded_indent(value: str, width: int | str = 4, *args: Any, **kwargs: Any) -> str:
    if isinstance(width, int):
        _check_width(str(width) if width > 0 else None)
    elif isinstance(width, str) and len(width) > MAX_FORMAT_WIDTH:
        _check_width(str(len(width)))
    return do_indent(value, width, *args, **kwargs)


@jinja2.pass_eval_context
def _bounded_replace(eval_ctx, s: Any, old: Any, new: Any, count: int | None = None) -> str:
    text, old_text = str(s), str(old)
    times = text.count(old_text) if count is None or count < 0 else min(count, text.count(old_text))
    check_length(len(text) + times * (len(str(new)) - len(old_text)))
    return do_replace(eval_ctx, s, old, new, count)


@jinja2.pass_eval_context
def _bounded_join(eval_ctx, value: Any, d: str = "", attribute: Any = None) -> str:
    items = list(value)
    text = sum(len(item) for item in items if isinstance(item, str)) if attribute is None else 0
    check_length(text + len(str(d)) * max(len(items) - 1, 0))
    return do_join(eval_ctx, items, d, attribute)


@jinja2.pass_environment
def _bounded_wordwrap(environment, s: Any, width: int = 79, break_long_words: bool = True,
                      wrapstring: str | None = None, break_on_hyphens: bool = True) -> str:
    text = str(s)
    breaks = len(text) // max(width, 1) + 1 if isinstance(width, int) else 0
    check_length(len(text) + breaks * len(wrapstring or "\n"))
    return do_wordwrap(environment, s, width, break_long_words, wrapstring, break_on_hyphens)


def _bounded_batch(value: Any, linecount: int, fill_with: Any = None) -> Any:
    if fill_with is not None and isinstance(linecount, int):
        _check_count(linecount)  # the last batch is filled up to it
    return do_batch(value, linecount, fill_with)


def _bounded_slice(value: Any, slices: int, fill_with: Any = None) -> Any:
    if isinstance(slices, int):
        _check_count(slices)
    return sync_do_slice(value, slices, fill_with)


def _check_count(count: int) -> None:
    if count > MAX_RANGE_TOTAL:
        raise BudgetExceeded(f"模板中分组的数目过大（最多 {MAX_RANGE_TOTAL}）")

"""The Jinja environment a pack's template runs in: it reaches only its data.

Packs travel between offices, so a template is untrusted code. Jinja's
immutable sandbox already refuses Python internals (``__class__``, ``_private``
attributes, ``str.format`` tricks) and mutation of the data; on top of that:

- templates load only from the pack's own folders, and a symbolic link inside
  a pack cannot lead out of it;
- work is bounded by one budget a render (``start_render``): every loop
  iteration and macro call spends a step, every piece of text a capture
  (``{% set %}`` block, macro, call or filter block) collects spends its length,
  and both check a deadline on the clock — all inserted by the code generator,
  so no signal or alarm is needed (Windows has none). Operators, ``~``,
  format specs, string methods and the filters that pad, replace, join, wrap or
  group refuse *before* building text or lists longer than ``MAX_TEXT``, so a
  hostile template fails fast instead of eating memory. The budgets grow with
  the writer's own input, so an honest book-length speech fits.
"""

from __future__ import annotations

import functools
import inspect
import operator
import os
import re
import time
from pathlib import Path
from typing import Any, Callable

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
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
from markupsafe import escape

from drafting.errors import PackError
from drafting.packs.finder import read_pack_file

MAX_TEXT = 2_000_000  # characters in one value, and the least whole output allowed
# The whole output may also be this many times the writer's own text: a
# book-length report renders to about a third of its YAML, a runaway loop to
# far more, so the bound grows with honest input and still stops a runaway.
OUTPUT_PER_INPUT = 20
MAX_RANGE_TOTAL = 1_000_000  # numbers all calls of range() may yield in one render
MAX_EXPONENT_BITS = 100_000
MAX_FORMAT_WIDTH = 1_000
# Seconds a render may take: a fixed allowance plus time in proportion to the
# input (a 58,000-paragraph report, ~10M characters, renders in about 2 s).
MIN_SECONDS = 10.0
SECONDS_PER_MILLION_CHARACTERS = 20.0
_CLOCK_EVERY = 1024  # steps between looks at the clock
MACRO_STEPS = 50  # a macro call costs about as much as fifty loop iterations
# Steps a render may take: an honest template takes a few per paragraph, far
# fewer than the input has characters; a runaway stops in well under a second.
MIN_STEPS = MAX_RANGE_TOTAL  # an honest template may count through range() to its end


class BudgetExceeded(SecurityError):
    """Raised when a template would do unbounded work or build huge text."""


class RefusedTemplate(jinja2.TemplateNotFound):
    """Raised for a template file that is there but may not be read; ``message`` says why."""


class PackLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that reads only regular files inside its folders,
    within a size bound (``finder.read_pack_file``)."""

    def get_source(self, environment, template):
        pieces = split_template_path(template)
        for root in self.searchpath:
            filename = os.path.join(root, *pieces)
            if not os.path.lexists(filename):
                continue
            try:
                source = read_pack_file(Path(filename), [Path(root)], Path(root).name).decode(self.encoding)
            except PackError as e:
                raise RefusedTemplate(template, e.message) from None
            except UnicodeDecodeError:
                raise RefusedTemplate(template, f"模板文件 {template} 不是 UTF-8 编码") from None
            mtime = os.path.getmtime(filename)
            return source, os.path.normpath(filename), lambda: _unchanged(filename, mtime)
        raise jinja2.TemplateNotFound(template)


def _unchanged(filename: str, mtime: float) -> bool:
    try:
        return os.path.getmtime(filename) == mtime
    except OSError:
        return False


class _BoundedCodeGenerator(CodeGenerator):
    """Generates the budget's checks into the template's code: a step per loop
    iteration, a length check on ``~`` and on every piece a capture collects."""

    _buffered = False

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._steps: set[int] = set()  # statements that are a step of the budget
        self._counted: set[int] = set()  # iterables whose items are steps

    def visit_Concat(self, node, frame) -> None:
        self.write("environment.bounded(")
        super().visit_Concat(node, frame)
        self.write(")")

    def visit_For(self, node, frame) -> None:
        # Jinja lets no new node types be made: mark ordinary nodes instead.
        step = nodes.ExprStmt(nodes.Const(None), lineno=node.lineno)
        self._steps.add(id(step))
        node.body = [step, *node.body]
        if node.test is not None:  # its filter runs over items without entering the body
            self._counted.add(id(node.iter))
        super().visit_For(node, frame)

    def visit(self, node, *args: Any, **kwargs: Any) -> Any:
        if id(node) in self._steps:
            self.writeline("environment.step()", node)
            return None
        if id(node) in self._counted:
            self.write("environment.counted_items(")
            result = super().visit(node, *args, **kwargs)
            self.write(")")
            return result
        return super().visit(node, *args, **kwargs)

    def visit_Output(self, node, frame) -> None:
        outer, self._buffered = self._buffered, frame.buffer is not None
        try:
            super().visit_Output(node, frame)
        finally:
            self._buffered = outer

    def _output_const_repr(self, group) -> str:
        text = super()._output_const_repr(group)
        return f"environment.collected({text})" if self._buffered else text

    def _output_child_pre(self, node, frame, finalize) -> None:
        if self._buffered:
            self.write("environment.collected(")
        if self._printed_in_one_call(frame, finalize):
            self.write("environment.printed(")
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node, frame, finalize) -> None:
        if self._printed_in_one_call(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)
        if self._buffered:
            self.write(")")

    @staticmethod
    def _printed_in_one_call(frame, finalize) -> bool:
        """Autoescape known to be on, and the environment's own finalize: Jinja's
        ``escape(environment.finalize(value))`` becomes ``environment.printed(value)``,
        which an environment may do in one step (``packs.render`` does)."""
        return frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src == "environment.finalize("


# Every method that changes a list, mapping or set in place. Jinja's immutable
# sandbox keeps its own list, which before 3.1.3 let ``pop`` and ``clear`` of a
# list through; the data a pack is given must not change under the next template.
_MUTATING = frozenset({
    "append", "extend", "insert", "pop", "remove", "reverse", "sort", "clear",
    "popitem", "setdefault", "update", "add", "discard", "difference_update",
    "intersection_update", "symmetric_difference_update",
    "__setitem__", "__delitem__", "__iadd__", "__imul__", "__ior__", "__iand__", "__ixor__", "__isub__",
})


class PackSandbox(ImmutableSandboxedEnvironment):
    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr in _MUTATING and isinstance(obj, (list, dict, set)):
            return False
        return super().is_safe_attribute(obj, attr, value)

    def __init__(self, template_dirs: list[Path], **options: Any):
        super().__init__(loader=PackLoader([str(d) for d in template_dirs]), **options)
        for name in ("lipsum", "cycler", "joiner"):  # nothing a speech needs
            self.globals.pop(name, None)
        self.globals["range"] = self._range
        growing = dict(
            format=_bounded_format, center=_bounded_center, indent=_bounded_indent,
            replace=_bounded_replace, join=_bounded_join, wordwrap=_bounded_wordwrap,
            batch=_bounded_batch, slice=_bounded_slice,
        )
        self.filters.update({name: self._spending(f) for name, f in growing.items()})
        self.start_render()

    def _spending(self, function: Callable) -> Callable:
        """``function`` (a filter), its result spent from the budget."""

        @functools.wraps(function)  # keeps Jinja's pass_eval_context marks
        def spent(*args: Any, **kwargs: Any) -> Any:
            return self.bounded(function(*args, **kwargs))

        return spent

    def start_render(self, input_characters: int = 0) -> None:
        """A fresh budget for one render of an input this long."""
        self.range_left = MAX_RANGE_TOTAL
        self.steps_left = max(MIN_STEPS, input_characters)
        self.collect_left = output_limit(input_characters)
        seconds = MIN_SECONDS + SECONDS_PER_MILLION_CHARACTERS * input_characters / 1e6
        self.deadline = time.monotonic() + seconds
        self.clock_in = _CLOCK_EVERY

    def step(self, steps: int = 1) -> None:
        self.steps_left -= steps
        if self.steps_left < 0:
            raise BudgetExceeded("循环或宏调用的次数过多")
        self.clock_in -= 1
        if self.clock_in <= 0:
            self.check_clock()

    def check_clock(self) -> None:
        self.clock_in = _CLOCK_EVERY
        if time.monotonic() > self.deadline:
            raise BudgetExceeded("模板运行时间过长")

    def counted_items(self, iterable: Any) -> Any:
        for item in iterable:
            self.step()
            yield item

    def collected(self, text: str) -> str:
        """A piece of a capture's text, spending its length."""
        self.collect_left -= len(text)
        if self.collect_left < 0:
            raise BudgetExceeded("模板在 set、宏或 call 中累积的文字过多")
        return text

    def printed(self, value: Any) -> Any:
        """What ``{{ value }}`` prints where autoescape is on."""
        return escape(self.finalize(value))

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        self.range_left -= len(numbers)
        if self.range_left < 0:
            raise BudgetExceeded(f"range() 循环次数过多（一次生成最多共 {MAX_RANGE_TOTAL} 次）")
        return numbers

    def bounded(self, value: Any) -> Any:
        """A value the template built (``~``, an operator, a string method or
        filter): within ``MAX_TEXT`` itself, and its length spent from the
        render's budget, so many values kept in a list cannot add up either."""
        if hasattr(value, "__len__"):
            length = len(value)
            check_length(length)
            self.spend(length)
        return value

    def spend(self, length: int) -> None:
        self.collect_left -= length
        if self.collect_left < 0:
            raise BudgetExceeded("模板生成的文字或列表累计过多")

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

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """String methods that grow text are checked before they run; a macro
        call spends a step (a macro calling itself twice a level never ends)."""
        if type(__obj) is jinja2.runtime.Macro:
            __self.step(MACRO_STEPS)
        elif isinstance(getattr(__obj, "__self__", None), str):
            _check_str_method(__obj.__self__, getattr(__obj, "__name__", ""), args, kwargs)
            return __self.bounded(super().call(__context, __obj, *args, **kwargs))
        return super().call(__context, __obj, *args, **kwargs)

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


def _check_str_method(text: str, name: str, args: tuple, kwargs: dict) -> None:
    """Refuse a str method whose result would be too long, before it is built."""
    if name in ("ljust", "rjust", "center", "zfill"):
        width = args[0] if args else kwargs.get("width")
        if isinstance(width, int):
            check_length(width)
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(size, int):
            check_length(len(text) + text.count("\t") * size)
    elif name == "translate" and args:
        table = args[0]
        longest = max((len(v) for v in table.values() if isinstance(v, str)), default=1) if isinstance(table, dict) else 1
        check_length(len(text) * max(longest, 1))
    elif name == "replace" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
        times = text.count(args[0]) if args[0] else len(text) + 1
        check_length(len(text) + times * max(len(args[1]) - len(args[0]), 0))
    elif name == "join" and args:
        items = args[0]
        if isinstance(items, (list, tuple)):
            pieces = sum(len(i) for i in items if isinstance(i, str))
            check_length(pieces + len(text) * max(len(items) - 1, 0))
        elif text:
            raise BudgetExceeded("模板中的 join 只能用于列表")


def _check_repeat(sequence: Any, times: Any) -> None:
    if hasattr(sequence, "__len__") and isinstance(times, int):
        check_length(len(sequence) * times)


def _check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1:
        if base.bit_length() * abs(exponent) > MAX_EXPONENT_BITS:
            raise BudgetExceeded("模板中的乘方运算结果过大")


# compiled by re on first use: only a template that formats a value needs them
_PRINTF_SPEC = r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?"
_BRACE_FIELD = r"\{[^{}]*\}"
_NESTED_FIELD = r"\{[^{}]*:[^{}]*\{"


def _check_width(width: str | None) -> None:
    if width and (width == "*" or int(width) > MAX_FORMAT_WIDTH):
        raise BudgetExceeded(f"模板中的格式宽度过大（最多 {MAX_FORMAT_WIDTH}）")


def _check_printf(fmt: str) -> None:
    for spec in re.finditer(_PRINTF_SPEC, fmt):
        _check_width(spec.group(1))
        _check_width(spec.group(2))


def _check_brace_format(fmt: str) -> None:
    if re.search(_NESTED_FIELD, fmt):
        raise BudgetExceeded("模板中的格式不能嵌套（如 {:{}}）")
    for field in re.finditer(_BRACE_FIELD, fmt):
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
    size = width if isinstance(width, int) else len(str(width))
    text = str(value)
    check_length(len(text) + max(size, 0) * (text.count("\n") + 1))
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

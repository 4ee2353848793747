"""A pack's template reaches only the data it is given, and cannot run away.

Every escape attempt must fail with a TemplateError (exit 1, Chinese message)
naming the template file and line — never succeed, never crash."""

import os
import shutil

import pytest
from click.testing import CliRunner

from drafting.cli import main
from drafting.source.yaml_loader import parse_speech
from drafting.errors import TemplateError
from drafting.packs.finder import builtin_root
from drafting.packs.render import Renderer

from .conftest import MINIMAL

SPEECH = parse_speech("x: 正文\nitems: [1, 2]\n".encode(), "speech.yaml")


def render(tmp_path, source: str, **files: str) -> str:
    (tmp_path / "t.j2").write_text(source, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Renderer([tmp_path], "t.j2").render(SPEECH)[0]


def template_error(tmp_path, source: str, **files: str) -> TemplateError:
    with pytest.raises(TemplateError) as info:
        render(tmp_path, source, **files)
    return info.value


ESCAPES = {
    "class": "{{ ''.__class__ }}",
    "mro": "{{ x.__class__.__mro__ }}",
    "subclasses": "{{ ().__class__.__base__.__subclasses__() }}",
    "cycler globals": "{{ cycler.__init__.__globals__ }}",
    "joiner globals": "{{ joiner.__init__.__globals__.os }}",
    "namespace globals": "{{ namespace.__init__.__globals__ }}",
    "lipsum globals": "{{ lipsum.__globals__['os'] }}",
    "template reference": "{{ self._TemplateReference__context }}",
    "attr filter": "{{ x | attr('__class__') }}",
    "str.format attribute": "{{ '{0.__class__}'.format(x) }}",
    "format_map": "{{ '{a.__class__}'.format_map({'a': x}) }}",
    "mutating data": "{{ items.append(3) }}",
    "dict update": "{{ {}.update(a=1) }}",
    "include absolute": "{% include '/etc/passwd' %}",
    "include parent": "{% include '../../../../../../etc/passwd' %}",
    "import absolute": "{% import '/etc/passwd' as p %}",
    "from import parent": "{% from '../t.j2' import m %}",
    "extends outside": "{% extends '/etc/hostname' %}",
}


@pytest.mark.parametrize("source", ESCAPES.values(), ids=ESCAPES.keys())
def test_escape_attempts_fail_naming_file_and_line(tmp_path, source):
    error = template_error(tmp_path, "第一行\n" + source)
    assert error.location.file.endswith("t.j2")
    assert error.location.line == 2
    assert "模板" in error.message


def test_printf_formatting_reaches_no_internals(tmp_path):
    # "%s" % x is harmless text formatting; it must not reach attributes either
    assert render(tmp_path, "{{ '%s' % x }}{{ '%(a)s' % {'a': 1} }}") == "正文1"
    assert "格式宽度过大" in template_error(tmp_path, "{{ '%0999999999d' % 1 }}").message


def test_symbolic_link_out_of_the_pack_is_not_followed(tmp_path):
    secret = tmp_path.parent / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    pack = tmp_path / "pack"
    pack.mkdir()
    os.symlink(secret, pack / "link.j2")
    error = template_error(pack, "{% include 'link.j2' %}")
    assert "link.j2 是指向模板包以外的链接" in error.message and error.location.line == 1


def test_include_inside_the_pack_works(tmp_path):
    assert render(tmp_path, "{% include 'part.j2' %}", **{"part.j2": "{{ x }}"}) == "正文"


BOUNDS = {
    "huge range": "{% for i in range(10**9) %}{% endfor %}",
    "nested ranges": "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}"
    "{% endfor %}{% endfor %}{% endfor %}",
    "repeat": "{{ 'a' * 10**9 }}",
    "power": "{{ 7 ** 10000000 }}",
    "doubling with ~": "{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "doubling with +": "{% set ns = namespace(s=[1]) %}{% for i in range(60) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
    "format width": "{{ '{:999999999}'.format(1) }}",
    "format filter": "{{ '%999999999s' | format(1) }}",
    "center": "{{ x | center(10**9) }}",
    "indent": "{{ x | indent(10**9) }}",
    "replace": "{{ ('a' * 1000) | replace('', 'b' * 1000) | replace('b', 'c' * 1000) }}",
    "join": "{{ (['a' * 1000000] * 1000) | join }}",
    "join separator": "{{ range(100000) | join('x' * 1000000) }}",
    "wordwrap": "{{ ('a ' * 100000) | wordwrap(1, wrapstring='x' * 100000) }}",
    "batch": "{% for b in [1] | batch(10**10, 0) %}{% endfor %}",
    "slice": "{% for s in [1] | slice(10**10) %}{% endfor %}",
    "output": "{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}",
}


@pytest.mark.parametrize("source", BOUNDS.values(), ids=BOUNDS.keys())
def test_runaway_templates_fail_fast(tmp_path, source):
    error = template_error(tmp_path, source)
    assert error.location.file.endswith("t.j2")
    assert "超出限制" in error.message


def test_bounded_filters_still_do_their_work(tmp_path):
    source = (
        "{{ [1, 2, 3, 4] | slice(2) | list }} {{ [1, 2, 3] | batch(2, 0) | list }} {{ 'ab cd' | wordwrap(2) }} "
        "{{ [1, 2] | join('、') }} {{ 'aXbX' | replace('X', '-') }} {{ 'aXbX' | replace('X', '-', 1) }}"
    )
    assert render(tmp_path, source) == "[[1, 2], [3, 4]] [[1, 2], [3, 0]] ab\ncd 1、2 a-b- a-bX"


def test_infinite_recursion_is_a_template_error(tmp_path):
    error = template_error(tmp_path, "\n{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")
    assert "无限递归" in error.message and error.location.line is not None


def test_range_budget_is_per_render(tmp_path):
    (tmp_path / "t.j2").write_text("{% for i in range(600000) %}{% endfor %}ok")
    renderer = Renderer([tmp_path], "t.j2")
    assert [renderer.render(SPEECH)[0] for _ in range(3)] == ["ok"] * 3


def test_syntax_error_names_file_and_line(tmp_path):
    error = template_error(tmp_path, "<doc>\n\n{% if %}\n")
    assert (error.location.file.endswith("t.j2"), error.location.line) == (True, 3)
    assert error.message.startswith("模板语法错误")


def test_syntax_error_in_an_included_template_names_that_file(tmp_path):
    error = template_error(tmp_path, "{% include 'part.j2' %}", **{"part.j2": "a\nb\n{% for %}"})
    assert error.location.file.endswith("part.j2") and error.location.line == 3


def test_runtime_error_names_file_and_line(tmp_path):
    error = template_error(tmp_path, "a\nb\n{{ x + 1 }}")
    assert error.location.line == 3 and error.message.startswith("模板运行出错")


def test_undefined_variable_names_file_and_line(tmp_path):
    error = template_error(tmp_path, "a\n{{ nope }}")
    assert error.location.line == 2 and "未定义" in error.message


def test_hostile_pack_through_the_cli_is_exit_1_in_chinese(tmp_path):
    pack = tmp_path / "evil-pack"
    shutil.copytree(builtin_root() / "half-year-speech", pack)
    (pack / "template.xml.j2").write_text("<doc>\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n</doc>\n")
    speech = tmp_path / "speech.yaml"
    speech.write_text(MINIMAL.replace("pack: half-year-speech", "pack: ./evil-pack"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(speech)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "template.xml.j2:2" in result.stderr and "不允许" in result.stderr
    assert "Traceback" not in result.output
    assert not speech.with_suffix(".docx").exists()


def test_output_bound_grows_with_the_input_but_stays_a_bound():
    from drafting.packs.sandbox import MAX_TEXT, OUTPUT_PER_INPUT, output_limit

    assert output_limit(10) == MAX_TEXT  # small input: the fixed floor
    book = 30 * 1024 * 1024  # a 58,000-paragraph report's YAML
    assert output_limit(book) == OUTPUT_PER_INPUT * book > 10_000_000  # its ~10M characters fit


# Hostile templates the per-filter bounds let through (issue 14): each must
# stop with a Chinese budget error naming the template line, fast.
BUDGET = {
    "ljust": "{{ x.ljust(999999999) }}",
    "nested format width": "{{ '{:{}}'.format(1, 999999999) }}",
    "translate": "{{ ('a' * 100000).translate({97: 'b' * 100000}) }}",
    "expandtabs": "{{ ('\t' * 100000).expandtabs(100000) }}",
    "str.replace": "{{ ('a' * 100000).replace('a', 'b' * 100000) }}",
    "indent blank lines": "{{ ('\\n' * 1000000) | indent(1000, blank=True) }}",
    "set block": "{% set s %}{% for i in range(100000) %}{{ 'x' * 1000000 }}{% endfor %}{% endset %}",
    "macro capture": "{% macro m() %}{% for i in range(100000) %}{{ 'x' * 1000000 }}{% endfor %}{% endmacro %}"
    "{% set s = m() %}",
    "constant text in a capture": "{% set s %}{% for i in [0] * 1000000 %}" + "y" * 1000 + "{% endfor %}{% endset %}",
    "nested loops over data": "{% set big = [0] * 1000000 %}{% for i in big %}{% for j in big %}{% endfor %}{% endfor %}",
    "filtered loop": "{% set big = [0] * 1000000 %}{% for i in big %}{% for j in big if j %}{% endfor %}{% endfor %}",
    "many kept values": "{% set ns = namespace(l=[]) %}{% for i in range(1000) %}"
    "{% set ns.l = ns.l + ['x' * 1999999] %}{% endfor %}",
    "many kept method results": "{% set ns = namespace(l=[]) %}{% for i in range(1000) %}"
    "{% set ns.l = ns.l + [x.ljust(1999999)] %}{% endfor %}",
    "macro doubling": "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
}


@pytest.mark.parametrize("source", BUDGET.values(), ids=BUDGET.keys())
def test_one_budget_stops_what_single_filters_missed(tmp_path, source):
    import time

    started = time.monotonic()
    error = template_error(tmp_path, "<doc>\n" + source)
    assert error.location.file.endswith("t.j2") and error.location.line == 2
    assert "超出限制" in error.message
    assert time.monotonic() - started < 10  # not "forever"


def test_the_clock_stops_a_slow_render(tmp_path, monkeypatch):
    from drafting.packs import sandbox

    monkeypatch.setattr(sandbox, "MIN_SECONDS", 0.2)
    source = "<doc>\n{% for i in range(900000) %}{{ ([3, 1, 2] * 100) | sort | join }}{% endfor %}"
    error = template_error(tmp_path, source)
    assert "时间过长" in error.message and error.location.line == 2


def test_deeply_nested_template_source_is_a_template_error(tmp_path):
    error = template_error(tmp_path, "{% if 1 %}" * 3000 + "{% endif %}" * 3000)
    assert error.location.file.endswith("t.j2")


def test_an_honest_capture_and_loop_still_render(tmp_path):
    source = "{% set s %}{% for i in items %}{{ i }}、{% endfor %}{% endset %}{{ s }}{{ 'a'.ljust(3, '-') }}"
    assert render(tmp_path, source) == "1、2、a--"


@pytest.mark.parametrize("expression", ["l.pop()", "l.clear()", "d.popitem()", "d.clear()", "s.discard(1)"])
def test_no_template_changes_its_data_on_any_jinja_release(expression):
    """Jinja's immutable sandbox let a list's pop and clear through before 3.1.3
    (the lowest release draft allows is 3.1): the sandbox refuses them itself."""
    from jinja2.exceptions import SecurityError

    from drafting.packs.sandbox import PackSandbox

    data = {"l": [1, 2], "d": {"a": 1}, "s": {1}}
    with pytest.raises(SecurityError):
        PackSandbox([]).from_string("{{ " + expression + " }}").render(**data)
    assert data == {"l": [1, 2], "d": {"a": 1}, "s": {1}}

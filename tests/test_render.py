import pytest

from drafting.workflow.build import Builder
from drafting.errors import TemplateError

from .conftest import CASES


def test_misspelt_variable_names_template_file_and_line():
    with pytest.raises(TemplateError) as info:
        Builder().draft(CASES / "undefined-variable" / "speech.yaml")
    location = info.value.location
    assert location.file.endswith("undefined-variable/template.xml.j2")
    assert location.line == 3
    assert "meting" in info.value.message and "未定义" in info.value.message
    assert info.value.message.endswith("“meting”没有定义")  # not Jinja's English


@pytest.mark.parametrize(
    "source, said",
    [("{{ d.intro }}", "没有“intro”这一项"), ("{{ l[3] }}", "列表中没有第 3 项"), ("{{ nope }}", "“nope”没有定义")],
)
def test_a_missing_field_is_said_in_chinese(tmp_path, source, said):
    from drafting.source.yaml_loader import parse_speech
    from drafting.packs.render import Renderer

    (tmp_path / "t.j2").write_text(f"<doc>{source}</doc>", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        Renderer([tmp_path], "t.j2").render(parse_speech("d: {a: 1}\nl: [1]\n".encode(), "x.yaml"))[0]
    assert said in info.value.message and "object" not in info.value.message


@pytest.mark.parametrize("source", ["{{ d.lead }}", "{{ l }}"])
def test_printing_data_that_is_not_words_is_the_templates_error_not_its_python_form(tmp_path, source):
    """A lead holding statistics is a mapping: a pack that prints it directly must be told, not print {'before': …}."""
    from drafting.source.yaml_loader import parse_speech
    from drafting.packs.render import Renderer

    (tmp_path / "t.j2").write_text(f"<doc>\n<p>{source}</p></doc>", encoding="utf-8")
    data = "d: {lead: {before: 财政收入完成, after: 。}}\nl: [甲, 乙]\n"
    with pytest.raises(TemplateError) as info:
        Renderer([tmp_path], "t.j2").render(parse_speech(data.encode(), "x.yaml"))[0]
    assert "draft.text" in info.value.message and "before" not in info.value.message
    assert info.value.location.line == 2


def test_template_syntax_error_names_file_and_line():
    with pytest.raises(TemplateError) as info:
        Builder().draft(CASES / "bad-syntax" / "speech.yaml")
    assert info.value.location.file.endswith("bad-syntax/template.xml.j2")
    assert info.value.location.line == 4
    assert "模板语法错误" in info.value.message


def test_newline_in_data_is_an_explicit_line_break(write_yaml):
    from .conftest import MINIMAL

    path = write_yaml(MINIMAL.replace("          - 正文一。", '          - "第一行\\n第二行"'))
    block = [b for b in Builder().draft(path).document.blocks if "第一行" in b.text][0]
    assert [i.role.value for i in block.inlines] == ["plain", "line-break", "plain"]


def test_a_new_process_takes_the_compiled_template_from_the_cache(monkeypatch, tmp_path):
    import jinja2

    from drafting.packs.finder import find_pack
    from drafting.packs.render import Renderer

    monkeypatch.setenv("DRAFT_CACHE_DIR", str(tmp_path))
    pack = find_pack("half-year-speech")
    first = Renderer(pack.template_dirs(), pack.template_file.name)
    first.template()
    assert list((tmp_path / "jinja").iterdir())
    monkeypatch.setattr(jinja2.Environment, "compile", lambda *a, **k: pytest.fail("compiled again"))
    again = Renderer(pack.template_dirs(), pack.template_file.name)  # a new environment, as in a new process
    assert again.template().render is not None


def test_an_edited_template_is_compiled_again(monkeypatch, tmp_path):
    from drafting.packs.render import Renderer

    monkeypatch.setenv("DRAFT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "t.j2").write_text("<doc>一</doc>", encoding="utf-8")
    assert Renderer([tmp_path], "t.j2").template().render() == "<doc>一</doc>"
    (tmp_path / "t.j2").write_text("<doc>二</doc>", encoding="utf-8")
    assert Renderer([tmp_path], "t.j2").template().render() == "<doc>二</doc>"


def test_field_lookup_shortcut_answers_as_jinja_does(tmp_path):
    import jinja2

    from drafting.packs.render import Renderer

    (tmp_path / "t.j2").write_text(
        "{{ d.name }}|{{ d['items'] }}|{{ d.items is callable }}|{{ d.get('name') }}", encoding="utf-8"
    )
    env = Renderer([tmp_path], "t.j2").env
    out = env.get_template("t.j2").render(d={"name": "甲", "items": "乙"})
    assert out == "甲|乙|True|甲"  # dict's own names (items, get) stay dict's methods
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ d.missing }}").render(d={})
    with pytest.raises(jinja2.exceptions.SecurityError):
        env.from_string("{{ d.update({'a': 1}) }}").render(d={})


def test_loop_and_imported_macros_keep_the_sandbox_for_private_names(tmp_path):
    import jinja2

    from drafting.packs.render import Renderer

    (tmp_path / "m.j2").write_text("{% macro hi(x) %}你好{{ x }}{% endmacro %}", encoding="utf-8")
    (tmp_path / "t.j2").write_text(
        '{% import "m.j2" as m %}{% for i in [1, 2] %}{{ loop.index }}{{ m.hi(i) }}{% endfor %}', encoding="utf-8"
    )
    env = Renderer([tmp_path], "t.j2").env
    assert env.get_template("t.j2").render() == "1你好12你好2"
    with pytest.raises(jinja2.exceptions.SecurityError):
        env.from_string("{% for i in [1] %}{{ loop._iterable.__class__ }}{% endfor %}").render()


def test_render_returns_its_warnings_with_what_was_read(tmp_path):
    """The warnings for Xs printed in place of missing figures come back from
    the same call that ran the template, beside what the reader made of it."""
    from drafting.packs.render import Renderer
    from drafting.source.yaml_loader import parse_speech

    (tmp_path / "t.j2").write_text("<doc>{{ items | indicators }}</doc>", encoding="utf-8")
    speech = parse_speech("items:\n  - {name: 地区生产总值, unit: 亿元}\n".encode(), "x.yaml")
    read = []
    result, warnings = Renderer([tmp_path], "t.j2").render(speech, lambda pieces: read.append(1) or "".join(pieces))
    assert read == [1] and "地区生产总值" in result and "X" in result
    assert [(w.location.line, w.location.field) for w in warnings] == [(2, "items[0].value")]


def test_data_is_escaped_once_with_autoescape_on_and_still_escaped_with_it_off(tmp_path):
    """A writer's ``<h1>`` and ``&`` print as text whichever way the template
    has autoescape, once (not ``&amp;amp;``), and a typed newline is a line break."""
    from drafting.packs.render import Renderer

    (tmp_path / "t.j2").write_text(
        "{{ s }}|{% autoescape false %}{{ s }}|{{ n }}{% endautoescape %}|{{ n }}|{{ 3 }}", encoding="utf-8"
    )
    env = Renderer([tmp_path], "t.j2").env
    out = env.get_template("t.j2").render(s="<h1>甲&乙</h1>", n="一\n二")
    assert out == "&lt;h1&gt;甲&amp;乙&lt;/h1&gt;|&lt;h1&gt;甲&amp;乙&lt;/h1&gt;|一<br/>二|一<br/>二|3"


def test_what_a_template_prints_is_escaped_once_whichever_way_autoescape_is(tmp_path):
    """A writer's ``<h1>`` and ``&`` print as text once escaped (not ``&amp;amp;``),
    with autoescape on or turned off by the template; a typed newline is a line
    break, a newline the template itself makes is layout, and a macro's markup
    passes as it is."""
    from drafting.packs.render import Renderer

    (tmp_path / "t.j2").write_text(
        "{% macro m(x) %}<p>{{ x }}</p>{% endmacro %}"
        "{{ s }}|{% autoescape false %}{{ s }}|{{ n }}{% endautoescape %}|{{ n }}|{{ 3 }}|{{ m(s) }}|"
        "{{ 'ab cd' | wordwrap(2) }}",
        encoding="utf-8",
    )
    env = Renderer([tmp_path], "t.j2").env
    out = env.get_template("t.j2").render(s="<h1>甲&乙</h1>", n="一\n二")
    text = "&lt;h1&gt;甲&amp;乙&lt;/h1&gt;"
    assert out == f"{text}|{text}|一<br/>二|一<br/>二|3|<p>{text}</p>|ab\ncd"


def test_a_macro_escapes_as_its_caller_does(tmp_path, monkeypatch):
    """The renderer calls the template's own macros directly; what they print is
    what Jinja's own call path prints, with autoescape on and turned off."""
    from drafting.packs.render import Renderer
    from drafting.packs.sandbox import PackSandbox

    (tmp_path / "t.j2").write_text(
        "{% macro m(x) %}{{ '<' ~ x }}{% endmacro %}{{ m(s) }}|{% autoescape false %}{{ m(s) }}{% endautoescape %}",
        encoding="utf-8",
    )
    env = Renderer([tmp_path], "t.j2").env
    ours = env.get_template("t.j2").render(s="甲&")
    assert ours.startswith("&lt;甲&amp;|")
    monkeypatch.setattr(type(env), "call", PackSandbox.call)  # the sandbox's checked way, through Context.call
    assert env.get_template("t.j2").render(s="甲&") == ours

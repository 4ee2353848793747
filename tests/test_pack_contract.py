"""docs/pack-contract.md is the pack author's reference: everything it lists is
accepted by the markup reader and the renderer, and everything they accept is
listed (elements, attributes, filters, globals, formats, and the blocks, set
variables, data fields and macros of the shared layouts)."""

import json
import re

import pytest
from jinja2 import meta, nodes
from jinja2.defaults import DEFAULT_FILTERS

from drafting.errors import MarkupError
from drafting.packs.finder import shared_root
from drafting.packs.render import Renderer
from drafting.packs.stylesheet import style_key
from drafting.readers import markup
from drafting.readers.markup import read_markup
from drafting.source import schema as schema_module

from .conftest import ROOT

PAGE = (ROOT / "docs" / "pack-contract.md").read_text(encoding="utf-8")
ENV = Renderer([shared_root()], "document.xml.j2").env


def tables() -> dict[str, list[list[str]]]:
    """Each heading's table rows, as the backticked text of each cell."""
    found: dict[str, list[list[str]]] = {}
    heading = ""
    for line in PAGE.splitlines():
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        elif line.startswith("| `"):
            cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
            found.setdefault(heading, []).append([" ".join(re.findall(r"`([^`]*)`", c)) for c in cells])
    return found


TABLES = tables()


def first_column(heading: str) -> list[str]:
    return [row[0] for row in TABLES[heading]]


def tag(cell: str) -> str:
    return cell.strip("</>")


def test_every_table_the_test_reads_is_on_the_page():
    for heading in ("块元素", "行内元素", "表格和图片内的元素", "属性", "draft 的过滤器", "document.xml.j2：块"):
        assert TABLES.get(heading), heading


# ---------------------------------------------------------------- markup


def test_block_elements_are_those_the_reader_accepts():
    documented = [tag(c) for c in first_column("块元素")]
    assert sorted(documented) == sorted(markup._ALLOWED["块"])
    for name in documented:
        body = "<tr><td>甲</td></tr>" if name == "table" else ""
        attributes = ' src="/a.png"' if name == "image" else ""
        document = read_markup(f"<doc><{name}{attributes}>{body}</{name}></doc>", "t.j2")
        assert len(document.blocks) == 1


@pytest.mark.parametrize("name, key", [("title", "title"), ("byline", "byline"), ("salutation", "salutation"),
                                       ("h1", "heading1"), ("h4", "heading4"), ("p", "body"),
                                       ("closing", "closing"), ("signature", "signature")])
def test_the_style_sheet_key_of_each_block_is_as_documented(name, key):
    row = next(r for r in TABLES["块元素"] if tag(r[0]) == name)
    assert row[-1] == key
    assert style_key(read_markup(f"<doc><{name}>甲</{name}></doc>", "t.j2").blocks[0]) == key


def test_inline_elements_are_those_the_reader_accepts():
    documented = [tag(c) for c in first_column("行内元素")]
    assert sorted(documented) == sorted(markup._ALLOWED["行内"])
    for name in documented:
        inner = "" if name in ("br", "wbr") else "甲"
        assert read_markup(f"<doc><p>前<{name}>{inner}</{name}>后</p></doc>", "t.j2").blocks[0].text.startswith("前")


def test_table_and_image_parts_are_those_the_reader_accepts():
    documented = {tag(c) for c in first_column("表格和图片内的元素")}
    accepted = set(markup._ALLOWED["表格内"]) | set(markup._ALLOWED["表格行内"]) | set(markup._ALLOWED["图片内"])
    assert documented == accepted
    read_markup('<doc><table><caption>表</caption><tr><th>甲</th></tr><tr><td>乙</td></tr></table>'
                '<image src="/a.png"><caption>图</caption></image></doc>', "t.j2")


@pytest.mark.parametrize("name", ["b", "i", "u", "pagebreak", "h5", "div", "span", "strong", "em", "note", "sup", "li"])
def test_elements_not_on_the_page_are_refused(name):
    assert name not in {tag(c) for h in ("块元素", "行内元素", "表格和图片内的元素") for c in first_column(h)}
    for markup_text in (f"<doc><{name}>甲</{name}></doc>", f"<doc><p><{name}>甲</{name}></p></doc>"):
        with pytest.raises(MarkupError):
            read_markup(markup_text, "t.j2")


def test_attributes_are_those_the_reader_accepts():
    documented: dict[str, set[str]] = {}
    for element, attribute, *_ in TABLES["属性"]:
        documented.setdefault(tag(element), set()).add(attribute)
    assert documented == {k: set(v) for k, v in markup.ATTRIBUTES.items()}
    doc = read_markup('<doc title="甲" author="乙" subject="丙" date="2025-07-15" keywords="丁">'
                      '<image src="/a.png" width_mm="80"/></doc>', "t.j2")
    assert (doc.meta.title, doc.meta.author, doc.meta.subject, doc.meta.date, doc.meta.keywords) == \
        ("甲", "乙", "丙", "2025-07-15", "丁")
    assert doc.blocks[0].width_mm == 80
    for bad in ('<doc lang="zh"/>', '<doc><p id="1">甲</p></doc>', '<doc><image src="/a.png" alt="甲"/></doc>'):
        with pytest.raises(MarkupError):
            read_markup(bad, "t.j2")


# ---------------------------------------------------------------- renderer


def _module(function) -> str:
    return getattr(function, "__module__", "") or ""


def test_drafts_own_filters_are_documented():
    own = {name for name, f in ENV.filters.items()
           if DEFAULT_FILTERS.get(name) is not f and _module(f) != "drafting.packs.sandbox"}
    assert set(first_column("draft 的过滤器")) == own == {"cn", "marker", "date", "count", "indicators", "indicator_rows"}


def test_the_bounded_jinja_filters_are_documented():
    bounded = {name for name, f in ENV.filters.items() if _module(f) == "drafting.packs.sandbox"}
    assert set(first_column("有长度上限的 Jinja 过滤器")) == bounded


def test_every_other_filter_is_jinjas_own_unchanged():
    documented = set(first_column("draft 的过滤器")) | set(first_column("有长度上限的 Jinja 过滤器"))
    rest = {name: f for name, f in ENV.filters.items() if name not in documented}
    assert rest == {name: f for name, f in DEFAULT_FILTERS.items() if name not in documented}


def test_documented_filters_work_as_shown():
    render = lambda source, **values: ENV.from_string(source).render(**values)  # noqa: E731
    assert render("{{ 3 | cn }}") == "三"
    assert render('{{ "一是" | marker(2) }}') == "二是"
    assert render('{{ date | date("chinese") }}', date="2025-07-15") == "二〇二五年七月十五日"
    assert render('{{ "我讲{n}点意见。" | count(3) }}') == "我讲三点意见。"


def test_globals_are_documented():
    assert set(first_column("全局函数")) == set(ENV.globals)


def test_formats_are_documented():
    assert set(first_column("schema.json")) == set(schema_module._FORMATS)


# ---------------------------------------------------------------- shared layouts


def parse(name: str) -> nodes.Template:
    return ENV.parse((shared_root() / name).read_text(encoding="utf-8"))


def top_level_sets(ast: nodes.Template) -> set[str]:
    return {n.target.name for n in ast.body if isinstance(n, nodes.Assign) and isinstance(n.target, nodes.Name)}


def imports(ast: nodes.Template) -> set[str]:
    return {n.target for n in ast.find_all(nodes.Import)}


@pytest.mark.parametrize("layout", ["document.xml.j2", "speech.xml.j2"])
def test_blocks_of_each_layout_are_documented(layout):
    assert first_column(f"{layout}：块") == [b.name for b in parse(layout).find_all(nodes.Block)]


def test_what_document_xml_needs_is_its_set_variables():
    ast = parse("document.xml.j2")
    assert set(first_column("document.xml.j2：set 变量")) == meta.find_undeclared_variables(ast)


def test_what_speech_xml_needs_is_its_set_variables_and_data_fields():
    speech, document = parse("speech.xml.j2"), parse("document.xml.j2")
    needed = (meta.find_undeclared_variables(speech) | meta.find_undeclared_variables(document))
    needed -= top_level_sets(speech) | imports(speech)
    set_variables = set(first_column("speech.xml.j2：set 变量"))
    data_fields = set(first_column("speech.xml.j2：读取的数据项"))
    assert set_variables | data_fields == needed and not set_variables & data_fields
    fields = json.loads((shared_root() / "fields.schema.json").read_text(encoding="utf-8"))
    assert data_fields <= set(fields["speech"]["order"])  # data, not something a pack sets


def test_macros_of_blocks_xml_are_documented():
    documented = [re.match(r"\w+", c).group() for c in first_column("blocks.xml.j2：宏")]
    macros = {m.name: [a.name for a in m.args] for m in parse("blocks.xml.j2").find_all(nodes.Macro)}
    assert sorted(documented) == sorted(macros)
    for cell in first_column("blocks.xml.j2：宏"):  # the arguments as the macro names them
        name, arguments = re.fullmatch(r"(\w+)\((.*)\)", cell).groups()
        assert [a.split("=")[0].strip() for a in arguments.split(",")] == macros[name]


def test_engine_fields_on_the_page_are_the_shared_ones():
    fields = json.loads((shared_root() / "fields.schema.json").read_text(encoding="utf-8"))
    section = PAGE[PAGE.index("## schema.json"):]
    for key in [*fields["every_pack"]["properties"], *fields["speech"]["properties"]]:
        assert f"`{key}`" in section
    assert '"x-draft-fields": "speech"' in section

"""The writer's speed comes from doing each thing once; these tests count that work."""

import io
import zipfile

import docx
import pytest
from lxml import etree

from drafting.workflow.build import Builder, render_docx
from drafting.model.document import LAYOUT_BREAK, LINE_BREAK, Block, BlockRole, Document, Inline, InlineRole, Meta
from drafting.packs.stylesheet import default_stylesheet, reading_stylesheet, style_key
from drafting.writers.docx import DocxWriter, base, empty_package
from drafting.writers.docx.body import BodyWriter, keeps_lead_together
from drafting.writers.docx.ruby import RubyLook
from drafting.writers.docx.package import pack_part, write_package

from ..conftest import MINIMAL, SEED_YAML

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CHARACTER_KEYS = {InlineRole.LEAD: "lead", InlineRole.INDICATOR: "indicator"}

TRICKY = [
    Block(BlockRole.TITLE, (Inline("标题 & <副题>"), LINE_BREAK, Inline("第二行"), LAYOUT_BREAK, Inline("三"))),
    Block(BlockRole.PARAGRAPH, (Inline("一要“引号”'单引号'。", InlineRole.LEAD), Inline("  前后空格\t制表符\r回车 "))),
    Block(BlockRole.HEADING, (Inline("]]> 与 &amp; 原样"),), 1),
    Block(BlockRole.CLOSING, (Inline("表情 😀 与 生僻字 𠀀"), Inline("指标", InlineRole.INDICATOR), Inline("续"))),
    Block(BlockRole.PARAGRAPH, ()),
    Block(BlockRole.PARAGRAPH, (Inline("一要", InlineRole.LEAD), Inline("短。"))),  # short: kept together
    Block(BlockRole.PARAGRAPH, (
        Inline("一要", InlineRole.LEAD),
        Inline("邕", InlineRole.RUBY, ruby="yōng", within=InlineRole.LEAD),
        Inline("江", InlineRole.RUBY, ruby="jiāng"),
        Inline("正文。"),
    )),
]


def _w(tag):
    return f"{{{_W}}}{tag}"


def _lxml_ruby(base, guide, base_size_pt, look, char_style):
    """Word's phonetic guide element by element (ISO/IEC 29500-1 §17.3.3.25–28)."""
    base_hp, guide_hp = round(base_size_pt * 2), max(2, round(base_size_pt * look.scale * 2))
    run = etree.Element(_w("r"), nsmap={"w": _W})
    ruby = etree.SubElement(run, _w("ruby"))
    props = etree.SubElement(ruby, _w("rubyPr"))
    values = (("rubyAlign", look.align), ("hps", guide_hp),
              ("hpsRaise", max(0, base_hp - 2 + round(look.offset_pt * 2))), ("hpsBaseText", base_hp), ("lid", "zh-CN"))
    for tag, value in values:
        etree.SubElement(props, _w(tag)).set(_w("val"), str(value))
    for holder, text, size, style in (("rt", guide, guide_hp, None), ("rubyBase", base, None, char_style)):
        r = etree.SubElement(etree.SubElement(ruby, _w(holder)), _w("r"))
        rpr = etree.SubElement(r, _w("rPr"))
        if style:
            etree.SubElement(rpr, _w("rStyle")).set(_w("val"), style)
        fonts = etree.SubElement(rpr, _w("rFonts"))
        if look.font and size:
            for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
                fonts.set(_w(attr), look.font)
        fonts.set(_w("hint"), "eastAsia")
        if size:
            etree.SubElement(rpr, _w("sz")).set(_w("val"), str(size))
            etree.SubElement(rpr, _w("szCs")).set(_w("val"), str(size))
        t = etree.SubElement(r, _w("t"))
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _lxml_paragraph(block, style_ids, sheet):
    """The element-by-element paragraph the text writer must equal."""
    p = etree.Element(_w("p"), nsmap={"w": _W})
    ppr = etree.SubElement(p, _w("pPr"))
    etree.SubElement(ppr, _w("pStyle")).set(_w("val"), style_ids[style_key(block)])
    spec = sheet.paragraph(style_key(block))
    if keeps_lead_together(block, spec, sheet):
        etree.SubElement(ppr, _w("keepLines"))
    for inline in block.inlines:
        if inline.role is InlineRole.RUBY:
            key = _CHARACTER_KEYS.get(inline.style_role)
            look = RubyLook.from_sheet(sheet.data.get("ruby"))
            p.append(_lxml_ruby(inline.text, inline.ruby, spec["size_pt"], look, style_ids["char:" + key] if key else None))
            continue
        r = etree.SubElement(p, _w("r"))
        if inline.role in _CHARACTER_KEYS:
            etree.SubElement(etree.SubElement(r, _w("rPr")), _w("rStyle")).set(
                _w("val"), style_ids["char:" + _CHARACTER_KEYS[inline.role]])
        if inline.role in (InlineRole.LINE_BREAK, InlineRole.LAYOUT_BREAK):
            etree.SubElement(r, _w("br"))
        else:
            t = etree.SubElement(r, _w("t"))
            t.text = inline.text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return p


@pytest.mark.parametrize("reading", [False, True])
def test_body_text_is_what_lxml_would_write(reading):
    sheet = reading_stylesheet(default_stylesheet()) if reading else default_stylesheet()
    ids = {key: f"id-{key}" for key in sheet.paragraph_keys()}
    ids.update({"title": 'a&b"c', "body": "正文"})
    ids.update({"char:" + key: f"c-{key}" for key in ("lead", "indicator")})
    writer = BodyWriter(ids, sheet)
    for block in TRICKY:
        expected = etree.tostring(_lxml_paragraph(block, ids, sheet), encoding="unicode")
        expected = expected.replace(f' xmlns:w="{_W}"', "")
        assert writer.paragraph(block) == expected
    assert ("<w:keepLines/>" in writer.paragraphs(TRICKY)) is reading  # the reading copy keeps short leads


def test_tricky_text_survives_a_round_trip_through_word_files():
    blob = DocxWriter(Builder().draft(SEED_YAML).stylesheet).write(Document(Meta(title="题 & <名>"), TRICKY))
    word = docx.Document(io.BytesIO(blob))
    assert word.paragraphs[0].text == "标题 & <副题>\n第二行\n三"
    assert word.paragraphs[1].text == "一要“引号”'单引号'。  前后空格\t制表符\r回车 "
    assert word.core_properties.title == "题 & <名>"


def _write_zip(parts):
    """What zipfile writes for the same parts, times and attributes."""
    from drafting.writers.docx.package import entry_order, zip_time

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for name in entry_order(parts):
            entry = zipfile.ZipInfo(name, zip_time())
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            target.writestr(entry, parts[name], compresslevel=6)
    return out.getvalue()


def test_package_is_the_zip_zipfile_writes_byte_for_byte(monkeypatch):
    """Parts deflated once and copied: the same bytes as zipfile writes."""
    from drafting.writers.docx.package import entry_order

    contents = {"a.xml": b"<a/>" * 1000, "_rels/.rels": b"<Relationships/>", "dir/b.bin": bytes(range(256)),
                "[Content_Types].xml": b"<Types/>"}
    parts = [pack_part(name, contents[name]) for name in entry_order(contents)]
    assert write_package(parts) == _write_zip(contents)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    blob = write_package(parts)
    assert blob == _write_zip(contents)
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        assert z.testzip() is None and z.read("a.xml") == b"<a/>" * 1000


def test_fast_path_package_carries_the_fingerprint_of_what_it_holds():
    from drafting.writers.docx.package import read_fingerprint

    blob = render_docx(Builder().draft(SEED_YAML))
    assert read_fingerprint(blob).unchanged


def test_each_block_is_written_once_and_nothing_is_rescanned(monkeypatch):
    """Linear by construction: one paragraph() per block, and the styled package
    (python-docx) made once however many speeches follow."""
    draft = Builder().draft(SEED_YAML)
    base._MADE.clear()
    made, written = [], []
    real_styled, real_paragraph = empty_package.styled_package, BodyWriter.paragraph
    monkeypatch.setattr(empty_package, "styled_package", lambda *a: made.append(1) or real_styled(*a))
    monkeypatch.setattr(BodyWriter, "paragraph", lambda self, b, *keep: written.append(b) or real_paragraph(self, b, *keep))
    monkeypatch.setenv("DRAFT_CACHE_DIR", "")  # memory only
    for copies in (1, 10, 100):
        written.clear()
        document = Document(draft.document.meta, draft.document.blocks * copies)
        DocxWriter(draft.stylesheet).write(document)
        assert written == draft.document.blocks * copies
    assert len(made) == 1


def test_next_process_takes_the_styled_package_from_the_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("DRAFT_CACHE_DIR", str(tmp_path))
    draft = Builder().draft(SEED_YAML)
    base._MADE.clear()
    first = render_docx(draft)
    assert list((tmp_path / "docx-base").iterdir())
    base._MADE.clear()  # as a new process would start
    monkeypatch.setattr(empty_package, "styled_package", lambda *a: pytest.fail("styled again"))
    assert render_docx(draft) == first


def test_a_damaged_cache_entry_is_made_again(monkeypatch, tmp_path):
    monkeypatch.setenv("DRAFT_CACHE_DIR", str(tmp_path))
    draft = Builder().draft(SEED_YAML)
    base._MADE.clear()
    first = render_docx(draft)
    for entry in (tmp_path / "docx-base").iterdir():
        entry.write_bytes(entry.read_bytes()[:-10])
    base._MADE.clear()
    assert render_docx(draft) == first


def test_a_changed_style_sheet_makes_a_new_base(write_yaml, tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFT_CACHE_DIR", str(tmp_path))
    draft = Builder().draft(write_yaml(MINIMAL))
    base._MADE.clear()
    render_docx(draft)
    changed = draft.stylesheet.with_overrides({"page": {"top_mm": 30}})
    DocxWriter(changed).write(draft.document)
    assert len(list((tmp_path / "docx-base").iterdir())) == 2


def test_an_unwritable_cache_folder_does_not_stop_a_build(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DRAFT_CACHE_DIR", str(blocker / "cache"))
    base._MADE.clear()
    assert render_docx(Builder().draft(SEED_YAML))[:2] == b"PK"


def test_nothing_written_is_inflated_or_parsed_again(monkeypatch):
    """The body is hashed as it is deflated, and core.xml is written once as text:
    writing a speech neither inflates nor parses what it has just written."""
    import zlib

    draft = Builder().draft(SEED_YAML)
    render_docx(draft)  # the base, made once
    monkeypatch.setattr(zlib, "decompressobj", lambda *a: pytest.fail("inflated again"))
    monkeypatch.setattr(etree, "fromstring", lambda *a, **k: pytest.fail("parsed again"))
    monkeypatch.setattr(etree, "XMLParser", lambda *a, **k: pytest.fail("parsed again"))
    blob = render_docx(draft)
    monkeypatch.undo()
    from drafting.writers.docx.package import read_fingerprint

    assert read_fingerprint(blob).unchanged

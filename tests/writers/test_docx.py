import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from drafting.workflow.build import Builder, render_docx, render_text

from ..conftest import MINIMAL, SEED_YAML, office_reference_docx


@pytest.fixture(scope="module")
def seed_docx():
    draft = Builder().draft(SEED_YAML)
    blob = render_docx(draft)
    return draft, docx.Document(io.BytesIO(blob)), blob


def test_same_paragraphs_in_order(seed_docx):
    draft, word, _ = seed_docx
    paragraphs = [p.text for p in word.paragraphs]
    # the long derived title breaks after 暨 for its shape; the words are unchanged
    assert paragraphs[0] == "在2025年第二次区委全委扩大会议暨\n全区经济工作会议上的讲话"
    paragraphs[0] = paragraphs[0].replace("\n", "")
    assert paragraphs == render_text(draft).splitlines()


def test_roles_become_named_styles(seed_docx):
    _, word, _ = seed_docx
    styles = [p.style.name for p in word.paragraphs]
    assert styles[0] == "讲话标题"
    assert styles.count("一级标题") == 3
    assert styles.count("二级标题") == 5
    part1 = styles[styles.index("一级标题") : styles.index("一级标题", styles.index("一级标题") + 1)]
    assert part1.count("二级标题") == 5  # all five standalone items are in part one


def test_run_in_leads_are_bold_character_style(seed_docx):
    _, word, _ = seed_docx
    leads = [p.runs[0] for p in word.paragraphs if p.runs and p.runs[0].style.name == "段首句"]
    assert len(leads) == 9
    assert leads[0].text == "一要慎终如始抗疫情，持续抓好常态防控。"
    assert all(run.style.font.bold for run in leads)
    # the body continues in the same paragraph, in the paragraph's own style
    assert leads[0]._parent.runs[1].style.name == "Default Paragraph Font"


def test_east_asian_font_is_set_on_every_style(seed_docx):
    _, word, _ = seed_docx
    for name in ("讲话正文", "讲话标题", "一级标题", "二级标题"):
        fonts = word.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == fonts.get(qn("w:ascii")) != None
    assert word.styles["一级标题"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"


# --- typography (GB/T 9704) read back from the XML -------------------------------

W_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia")
MM = 1440 / 25.4


def _attr(element, name):
    return element.get(qn(f"w:{name}"))


def _part_xml(word, partname: str) -> bytes:
    for part in word.part.package.iter_parts():
        if part.partname == partname:
            return part.blob
    raise AssertionError(f"no part {partname}")


@pytest.fixture(scope="module")
def sheet():
    from drafting.packs.stylesheet import default_stylesheet

    return default_stylesheet()


def test_page_is_a4_with_gbt9704_margins(seed_docx):
    _, word, _ = seed_docx
    sect = word.sections[-1]._sectPr
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    assert (_attr(size, "w"), _attr(size, "h")) == ("11906", "16838")
    for side, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
        assert abs(int(_attr(margins, side)) - mm * MM) < 1, side


def test_document_grid_is_22_lines_of_28_characters(seed_docx):
    _, word, _ = seed_docx
    sect = word.sections[-1]._sectPr
    grid = sect.find(qn("w:docGrid"))
    # a line grid only: LibreOffice reads a character grid as two cells a glyph
    assert _attr(grid, "type") == "lines" and _attr(grid, "charSpace") is None
    pitch = int(_attr(grid, "linePitch"))
    body = word.styles["讲话正文"].element.pPr.find(qn("w:spacing"))
    assert pitch == int(_attr(body, "line"))  # grid and line spacing agree
    margins, size = sect.find(qn("w:pgMar")), sect.find(qn("w:pgSz"))
    type_area_height = int(_attr(size, "h")) - int(_attr(margins, "top")) - int(_attr(margins, "bottom"))
    assert type_area_height // pitch == 22
    # characters a line: each advance is the body size plus its character spacing (twips)
    rpr = word.styles["讲话正文"].element.rPr
    advance = int(rpr.find(qn("w:sz")).get(qn("w:val"))) * 10 + int(rpr.find(qn("w:spacing")).get(qn("w:val")))
    text_width = int(_attr(size, "w")) - int(_attr(margins, "left")) - int(_attr(margins, "right"))
    assert text_width // advance == 28


def test_title_keeps_its_natural_width_and_headings_the_body_spacing(seed_docx):
    _, word, _ = seed_docx
    title = word.styles["讲话标题"].element.rPr.find(qn("w:spacing"))
    assert title.get(qn("w:val")) == "0"
    assert word.styles["一级标题"].element.rPr.find(qn("w:spacing")) is None  # inherits the body's


def test_full_pages_are_not_shortened_by_widow_control(seed_docx):
    _, word, _ = seed_docx
    assert _attr(_style_ppr(word, "讲话正文").find(qn("w:widowControl")), "val") == "0"


def _style_ppr(word, name):
    return word.styles[name].element.pPr


def _style_fonts(word, name):
    fonts = word.styles[name].element.rPr.find(qn("w:rFonts"))
    return {slot: _attr(fonts, slot) for slot in W_FONT_SLOTS}


def _style_size_pt(word, name):
    return int(word.styles[name].element.rPr.find(qn("w:sz")).get(qn("w:val"))) / 2


@pytest.mark.parametrize(
    "name, font, size_pt",
    [
        ("讲话标题", "方正小标宋简体", 22),
        ("讲话署名", "楷体_GB2312", 16),
        ("讲话正文", "仿宋_GB2312", 16),
        ("讲话称谓", "仿宋_GB2312", 16),
        ("一级标题", "黑体", 16),
        ("二级标题", "楷体_GB2312", 16),
        ("三级标题", "仿宋_GB2312", 16),
        ("四级标题", "仿宋_GB2312", 16),
    ],
)
def test_style_fonts_and_sizes(seed_docx, name, font, size_pt):
    _, word, _ = seed_docx
    style = word.styles[name]
    # a style that does not set a figure inherits it from 讲话正文 (its base)
    while style.element.rPr is None or style.element.rPr.find(qn("w:rFonts")) is None:
        style = style.base_style
    assert _style_fonts(word, style.name) == dict.fromkeys(W_FONT_SLOTS, font)
    style = word.styles[name]
    while style.element.rPr is None or style.element.rPr.find(qn("w:sz")) is None:
        style = style.base_style
    assert _style_size_pt(word, style.name) == size_pt


def test_title_centred_exact_35pt_with_one_blank_line_after(seed_docx):
    _, word, _ = seed_docx
    ppr = _style_ppr(word, "讲话标题")
    spacing = ppr.find(qn("w:spacing"))
    assert (_attr(spacing, "line"), _attr(spacing, "lineRule")) == ("700", "exact")
    assert _attr(spacing, "after") == "700"
    assert _attr(ppr.find(qn("w:jc")), "val") == "center"
    assert _attr(ppr.find(qn("w:ind")), "firstLineChars") == "0"


def test_title_break_points_from_the_data(write_yaml):
    from drafting.writers.docx import DocxWriter

    path = write_yaml(MINIMAL.replace("parts:", "title:\n  - 在测试会议上的\n  - 讲话\nparts:"))
    draft = Builder().draft(path)
    word = docx.Document(io.BytesIO(DocxWriter(draft.stylesheet).write(draft.document)))
    title = word.paragraphs[0]
    assert title.style.name == "讲话标题"
    assert title.text == "在测试会议上的\n讲话"  # python-docx reads <w:br/> as a newline


def test_body_justified_indented_two_characters_exact_28pt(seed_docx):
    _, word, _ = seed_docx
    ppr = _style_ppr(word, "讲话正文")
    ind, spacing = ppr.find(qn("w:ind")), ppr.find(qn("w:spacing"))
    assert (_attr(ind, "firstLineChars"), _attr(ind, "firstLine")) == ("200", "640")
    assert (_attr(spacing, "line"), _attr(spacing, "lineRule")) == ("560", "exact")
    assert _attr(ppr.find(qn("w:jc")), "val") == "both"
    assert _attr(ppr.find(qn("w:overflowPunct")), "val") == "1"  # punctuation may hang, as in Word


def test_byline_centred_and_salutation_flush_left(seed_docx):
    _, word, _ = seed_docx
    assert _attr(_style_ppr(word, "讲话署名").find(qn("w:jc")), "val") == "center"
    salutation = _style_ppr(word, "讲话称谓")
    assert _attr(salutation.find(qn("w:ind")), "firstLineChars") == "0"
    assert _attr(salutation.find(qn("w:ind")), "firstLine") == "0"
    assert _attr(salutation.find(qn("w:jc")), "val") == "left"
    assert word.paragraphs[1].style.name == "讲话称谓" and word.paragraphs[1].text == "同志们："


def test_headings_have_outline_levels_and_weights(seed_docx):
    _, word, _ = seed_docx
    for level, name in enumerate(("一级标题", "二级标题", "三级标题", "四级标题")):
        ppr = _style_ppr(word, name)
        assert _attr(ppr.find(qn("w:outlineLvl")), "val") == str(level)
        assert ppr.find(qn("w:keepNext")) is not None
    assert word.styles["三级标题"].font.bold is True
    assert word.styles["四级标题"].font.bold is not True
    assert word.styles["一级标题"].base_style.name == "讲话正文"  # indented like the body


def test_every_style_names_its_fonts_and_none_comes_from_the_theme(seed_docx):
    _, word, _ = seed_docx
    styles = word.styles.element
    all_fonts = list(styles.iter(qn("w:rFonts")))
    assert len(all_fonts) > 20
    for fonts in all_fonts:
        assert all(_attr(fonts, slot) for slot in W_FONT_SLOTS), fonts.attrib
        assert not any(k.endswith("Theme}") or "Theme" in k or "theme" in k for k in fonts.attrib)


def test_no_japanese_fonts_or_language_anywhere(seed_docx):
    _, word, _ = seed_docx
    settings = word.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    assert _attr(lang, "eastAsia") == "zh-CN"
    defaults = word.styles.element.find(qn("w:docDefaults"))
    assert _attr(defaults.find(".//" + qn("w:lang")), "eastAsia") == "zh-CN"
    theme = _part_xml(word, "/word/theme/theme1.xml").decode("utf-8")
    assert '<a:ea typeface="仿宋_GB2312"/>' in theme and '<a:ea typeface="黑体"/>' in theme
    with zipfile.ZipFile(io.BytesIO(seed_docx[2])) as package:
        for name in package.namelist():
            text = package.read(name).decode("utf-8", "replace")
            for japanese in ("ja-JP", "ＭＳ 明朝", "ＭＳ ゴシック", "Mincho", 'script="Jpan" typeface="ＭＳ'):
                assert japanese not in text, (name, japanese)


def _footers(word):
    section = word.sections[-1]
    return {"odd": section.footer, "even": section.even_page_footer}


def test_page_numbers_odd_right_even_left_in_songti_14pt(seed_docx):
    _, word, _ = seed_docx
    assert word.settings.element.find(qn("w:evenAndOddHeaders")) is not None
    refs = {
        _attr(ref, "type") for ref in word.sections[-1]._sectPr.findall(qn("w:footerReference"))
    }
    assert refs == {"default", "even"}
    for kind, side, number in (("odd", "right", "1"), ("even", "left", "2")):
        footer = _footers(word)[kind]
        assert not footer.is_linked_to_previous
        (p,) = footer.paragraphs
        assert p.text == f"— {number} —"
        ppr = p._p.pPr
        assert _attr(ppr.find(qn("w:jc")), "val") == side
        ind = ppr.find(qn("w:ind"))
        assert (_attr(ind, f"{side}Chars"), _attr(ind, side)) == ("100", "280")  # one 14 pt character
        for run in p._p.findall(qn("w:r")):
            fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
            assert [_attr(fonts, s) for s in W_FONT_SLOTS] == ["宋体"] * 3
            assert run.find(qn("w:rPr")).find(qn("w:sz")).get(qn("w:val")) == "28"


def test_page_number_is_a_complete_page_field(seed_docx):
    _, word, _ = seed_docx
    p = _footers(word)["odd"].paragraphs[0]._p
    sequence = []
    for run in p.findall(qn("w:r")):
        child = [c for c in run if c.tag != qn("w:rPr")][0]
        if child.tag == qn("w:fldChar"):
            sequence.append(_attr(child, "fldCharType"))
        elif child.tag == qn("w:instrText"):
            sequence.append("instr:" + child.text.strip())
        else:
            sequence.append("text:" + child.text)
    assert sequence == ["text:— ", "begin", "instr:PAGE", "separate", "text:1", "end", "text: —"]


def test_document_properties_come_from_the_data(write_yaml):
    path = write_yaml(MINIMAL + "speaker: 区长 张三\n")
    draft = Builder().draft(path)
    props = docx.Document(io.BytesIO(render_docx(draft))).core_properties
    assert props.title == "在2025年测试会议上的讲话"
    assert props.author == "区长 张三"
    assert props.subject == "2025年测试会议"


def test_pack_style_sheet_overrides_the_defaults(tmp_path):
    from drafting.packs.stylesheet import load_stylesheet
    from drafting.writers.docx import DocxWriter

    override = tmp_path / "stylesheet.yaml"
    override.write_text("styles:\n  heading1:\n    font: 方正黑体_GBK\n  body:\n    line_pt: 29\n", encoding="utf-8")
    draft = Builder().draft(SEED_YAML)
    word = docx.Document(io.BytesIO(DocxWriter(load_stylesheet(override)).write(draft.document)))
    assert _style_fonts(word, "一级标题")["eastAsia"] == "方正黑体_GBK"
    assert _attr(_style_ppr(word, "讲话正文").find(qn("w:spacing")), "line") == "580"
    assert _style_fonts(word, "二级标题")["eastAsia"] == "楷体_GB2312"  # the rest stays


# --- --reference-doc: another office's Word file ----------------------------------


def test_reference_doc_carries_margins_fonts_and_footer(tmp_path):
    reference = office_reference_docx(tmp_path / "office.docx")
    draft = Builder().draft(SEED_YAML)
    word = docx.Document(io.BytesIO(render_docx(draft, reference)))
    section = word.sections[-1]
    assert [round(getattr(section, f"{s}_margin").mm) for s in ("top", "bottom", "left", "right")] == [30] * 4
    assert _style_fonts(word, "讲话正文") == dict.fromkeys(W_FONT_SLOTS, "宋体")
    assert _style_size_pt(word, "讲话正文") == 15
    assert section.footer.paragraphs[0].text == "某某县人民政府办公室"
    body = [p.text.replace("\n", "") for p in word.paragraphs]  # the title's layout break aside
    assert body == render_text(draft).splitlines()  # old body gone
    # styles the reference lacks come from the style sheet, based on the office's body
    assert _style_fonts(word, "一级标题")["eastAsia"] == "黑体"
    assert word.styles["一级标题"].base_style.name == "讲话正文"


def test_reference_doc_without_footer_gets_page_numbers(tmp_path):
    reference = office_reference_docx(tmp_path / "office.docx", footer_text=None, styles=False)
    word = docx.Document(io.BytesIO(render_docx(Builder().draft(SEED_YAML), reference)))
    assert word.sections[-1].footer.paragraphs[0].text == "— 1 —"
    assert round(word.sections[-1].left_margin.mm) == 30
    assert _style_fonts(word, "讲话正文") == dict.fromkeys(W_FONT_SLOTS, "仿宋_GB2312")


def test_reference_doc_that_is_not_a_docx_is_a_clear_error(tmp_path):
    from drafting.errors import DataError

    bad = tmp_path / "office.docx"
    bad.write_text("不是 Word 文件", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        render_docx(Builder().draft(SEED_YAML), bad)
    assert "office.docx" in str(caught.value) and "Word" in str(caught.value)


def test_properties_are_in_schema_order_in_every_part(seed_docx):
    """Word rejects a file whose pPr/rPr/sectPr children are out of order."""
    from lxml import etree

    from drafting.writers.docx.ooxml import _SEQUENCES

    checked = 0
    with zipfile.ZipFile(io.BytesIO(seed_docx[2])) as package:
        for name in package.namelist():
            if not name.endswith(".xml"):
                continue
            root = etree.fromstring(package.read(name))
            for tag, sequence in _SEQUENCES.items():
                for element in root.iter(qn(f"w:{tag}")):
                    names = [etree.QName(c).localname for c in element]
                    assert all(n in sequence for n in names), (name, names)
                    positions = [sequence.index(n) for n in names]
                    assert positions == sorted(positions), (name, names)
                    checked += 1
    assert checked > 100


def test_reference_doc_option_on_the_command_line(tmp_path):
    from click.testing import CliRunner

    from drafting.cli import main

    reference = office_reference_docx(tmp_path / "office.docx")
    out = tmp_path / "讲话.docx"
    result = CliRunner().invoke(main, ["build", str(SEED_YAML), "--reference-doc", str(reference), "-o", str(out)])
    assert result.exit_code == 0, result.output
    word = docx.Document(str(out))
    assert round(word.sections[-1].top_margin.mm) == 30
    assert _style_fonts(word, "讲话正文")["eastAsia"] == "宋体"

    missing = CliRunner().invoke(main, ["build", str(SEED_YAML), "--reference-doc", str(tmp_path / "无.docx")])
    assert missing.exit_code == 2 and "无.docx" in missing.output

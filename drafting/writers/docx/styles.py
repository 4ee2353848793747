"""Named Word styles from the style sheet, and a Chinese (not Japanese) font setup.

Each block role becomes a paragraph style and each inline role a character
style, so a writer restyles every level-1 heading at once and Word's navigation
pane shows the outline. Styles a reference document already has (by name) are
taken as they are: the office's own Word file wins over our defaults.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from drafting.packs.stylesheet import StyleSheet
from drafting.writers.docx import ooxml
from drafting.writers.docx.ooxml import qn
from drafting.writers.layout import character_spacing_twips, keeps_next_by_style

_EAST_ASIAN_SCRIPTS = ("Jpan", "Hans", "Hant")
_JAPANESE_FONTS = ("ＭＳ 明朝", "ＭＳ ゴシック", "MS Mincho", "MS Gothic")
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def define_styles(word, sheet: StyleSheet) -> dict[str, str]:
    """Style ids by style-sheet key (``char:`` prefix for character styles)."""
    existing = {style.name: style for style in word.styles}
    ids: dict[str, str] = {}
    body_name = sheet.paragraph("body")["name"]
    for key in sheet.paragraph_keys():
        spec = sheet.paragraph(key)
        style = existing.get(spec["name"])
        if style is None:
            style = word.styles.add_style(spec["name"], WD_STYLE_TYPE.PARAGRAPH)
            if key != "body":
                style.base_style = word.styles[body_name]
            style.next_paragraph_style = word.styles[body_name]
            style.quick_style = True
            paragraph_properties(style.element.get_or_add_pPr(), spec)
            run_properties(style.element.get_or_add_rPr(), spec)
            _set_character_spacing(style.element.get_or_add_rPr(), key, spec, sheet)
        ids[key] = style.style_id
    for key in sheet.character_keys():
        spec = sheet.character(key)
        style = existing.get(spec["name"])
        if style is None:
            style = word.styles.add_style(spec["name"], WD_STYLE_TYPE.CHARACTER)
            style.quick_style = True
            run_properties(style.element.get_or_add_rPr(), spec)
        ids["char:" + key] = style.style_id
    for section, keys in FIGURE_STYLES.items():
        for key in keys:
            ids[f"{section}:{key}"] = _figure_style(word, sheet.data[section][key], existing)
    return ids


def _set_character_spacing(rpr, key: str, spec: dict, sheet: StyleSheet) -> None:
    """The body's spacing sets ``chars_per_line`` characters a line (see
    ``writers/layout.py``); styles of the body's size inherit it,
    a larger or smaller one (the title) is set at its natural width."""
    if key == "body":
        ooxml.set_character_spacing(rpr, character_spacing_twips(sheet))
    elif spec["size_pt"] != sheet.paragraph("body")["size_pt"]:
        ooxml.set_character_spacing(rpr, 0)


# The paragraph styles of tables and pictures, by style-sheet section.
FIGURE_STYLES = {"table": ("caption", "header", "cell"), "image": ("picture", "caption")}


def _figure_style(word, spec: dict, existing: dict) -> str:
    """The id of a table or picture paragraph style (表题, 表格文字, 图题 …): in every
    package, so a speech with figures is written as one without them."""
    style = existing.get(spec["name"])
    if style is not None and style.type == WD_STYLE_TYPE.PARAGRAPH:
        return style.style_id
    style = word.styles.add_style(spec["name"], WD_STYLE_TYPE.PARAGRAPH)
    style.quick_style = True
    ppr = style.element.get_or_add_pPr()
    # smaller type in tables and captions must not be spread out to the body's grid
    spec = {"first_line_chars": 0, "snap_to_grid": False, "align": "center", **spec}
    if "line_pt" in spec:
        paragraph_properties(ppr, spec)
    else:  # a picture: the line grows with it instead of clipping it to the body's 28 pt
        ooxml.set_auto_line(ppr)
        ooxml.set_space(ppr, 0, 0)
        ooxml.set_first_line_chars(ppr, 0, 12)
        ooxml.set_alignment(ppr, spec["align"])
        ooxml.set_snap_to_grid(ppr, False)
    if keeps_next_by_style(spec):
        ooxml.set_keep_with_next(ppr)
    run_properties(style.element.get_or_add_rPr(), spec)
    existing[spec["name"]] = style
    return style.style_id


def set_document_defaults(word, sheet: StyleSheet) -> None:
    """Body font, size and spacing as the document default, so unstyled text and
    Word's character grid (which measures the default size) agree with the body."""
    body = sheet.paragraph("body")
    defaults = word.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    ooxml.set_fonts(rpr, body["font"])
    ooxml.set_size(rpr, body["size_pt"])
    ooxml.set_language(rpr)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    ooxml.set_exact_line(ppr, body["line_pt"])
    ooxml.set_space(ppr, 0, 0)
    # LibreOffice reads the grid's base size from the default paragraph style
    # itself (12 pt when it has none), Word from the resolved size: say it there.
    normal = word.styles.default(WD_STYLE_TYPE.PARAGRAPH).element.get_or_add_rPr()
    ooxml.set_fonts(normal, body["font"])
    ooxml.set_size(normal, body["size_pt"])


def use_chinese_fonts(word, sheet: StyleSheet) -> None:
    """Take every East Asian font decision away from the default Japanese theme.

    python-docx's template maps East Asian text to ＭＳ 明朝/ＭＳ ゴシック through
    theme fonts and ``themeFontLang ja-JP`` (python-docx #1601). We set
    ``zh-CN``, give every style explicit fonts, point the theme's East Asian
    fonts at the style sheet's, and drop the unused ``stylesWithEffects`` copy.
    """
    set_chinese_theme_language(word)
    major, minor = sheet.paragraph("heading1")["font"], sheet.paragraph("body")["font"]
    for fonts in word.styles.element.iter(qn("w:rFonts")):
        ooxml.drop_theme_fonts(fonts, major, minor)
    _set_theme_fonts(word, major, minor)
    drop_styles_with_effects(word)
    _drop_japanese_font_table_entries(word)


def set_chinese_theme_language(word) -> None:
    settings = word.settings.element
    theme_lang = ooxml.child(settings, "w:themeFontLang")
    theme_lang.set(qn("w:eastAsia"), "zh-CN")
    theme_lang.set(qn("w:val"), "en-US")


def _set_theme_fonts(word, major: str, minor: str) -> None:
    def edit(theme) -> None:
        for scheme, font in (("majorFont", major), ("minorFont", minor)):
            for element in theme.iter(f"{_A}{scheme}"):
                element.find(f"{_A}ea").set("typeface", font)
                for script in element.findall(f"{_A}font"):
                    if script.get("script") in _EAST_ASIAN_SCRIPTS:
                        script.set("typeface", font)

    _edit_part(word, "/word/theme/theme1.xml", edit)


def _drop_japanese_font_table_entries(word) -> None:
    def edit(table) -> None:
        for font in table.findall(qn("w:font")):
            if font.get(qn("w:name")) in _JAPANESE_FONTS:
                table.remove(font)

    _edit_part(word, "/word/fontTable.xml", edit)


def drop_styles_with_effects(word) -> None:
    """Word 2010's copy of the styles (stylesWithEffects.xml) is written by Word
    alongside styles.xml and must agree with it; the styles draft adds would make
    it disagree, and Word then repairs the file. Word reads styles.xml alone when
    the copy is absent, so it goes."""
    for rel_id, rel in list(word.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            word.part.drop_rel(rel_id)


def _edit_part(word, partname: str, edit) -> None:
    """Edit an XML part python-docx keeps only as bytes (theme, font table)."""
    for part in word.part.package.iter_parts():
        if part.partname == partname:
            root = etree.fromstring(part.blob)
            edit(root)
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            return


def paragraph_properties(ppr, spec: dict) -> None:
    ooxml.set_exact_line(ppr, spec["line_pt"])
    after = spec.get("space_after_lines", 0) * spec.get("line_pt", 0)
    ooxml.set_space(ppr, spec.get("space_before_pt", 0), after)
    ooxml.set_first_line_chars(ppr, spec.get("first_line_chars", 0), spec["size_pt"])
    ooxml.set_alignment(ppr, spec.get("align", "justify"))
    if "right_chars" in spec:  # 落款 右空二字 (GB/T 9704 7.3.5)
        ooxml.set_side_indent(ppr, "right", spec["right_chars"], spec["size_pt"])
    if "hanging_punctuation" in spec:
        ooxml.set_hanging_punctuation(ppr, spec["hanging_punctuation"])
    if not spec.get("snap_to_grid", True):
        ooxml.set_snap_to_grid(ppr, False)
    if keeps_next_by_style(spec):
        ooxml.set_keep_with_next(ppr)
    if "outline_level" in spec:
        ooxml.set_outline_level(ppr, spec["outline_level"])
    for key, tag in _PAGINATION.items():
        if key in spec:
            ooxml.set_flag(ppr, tag, bool(spec[key]))


# On/off pagination controls a style sheet may set per role (the reading copy does).
_PAGINATION = {
    "keep_next": "w:keepNext",
    "keep_lines": "w:keepLines",
    "page_break_before": "w:pageBreakBefore",
    "widow_control": "w:widowControl",
}


def run_properties(rpr, spec: dict) -> None:
    if "font" in spec:
        ooxml.set_fonts(rpr, spec["font"])
    if "bold" in spec:
        ooxml.set_bold(rpr, spec["bold"])
    if "size_pt" in spec:
        ooxml.set_size(rpr, spec["size_pt"])

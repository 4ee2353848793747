import pytest

from drafting.errors import PackError
from drafting.model.document import Block, BlockRole
from drafting.packs.stylesheet import check_stylesheet, default_stylesheet, load_stylesheet, style_key

PT_PER_MM = 72 / 25.4


def test_default_page_is_gbt9704():
    page = default_stylesheet().page
    assert (page["width_mm"], page["height_mm"]) == (210, 297)
    assert (page["top_mm"], page["bottom_mm"], page["left_mm"], page["right_mm"]) == (37, 35, 28, 26)
    assert (page["lines_per_page"], page["chars_per_line"]) == (22, 28)


def test_body_line_spacing_sets_exactly_the_grid_lines():
    sheet = default_stylesheet()
    page, line = sheet.page, sheet.paragraph("body")["line_pt"]
    type_area_pt = (page["height_mm"] - page["top_mm"] - page["bottom_mm"]) * PT_PER_MM
    assert int(type_area_pt // line) == page["lines_per_page"] == 22
    assert type_area_pt < 22 * 29  # why not 29 pt: 22 lines of it overflow by 0.2 pt


def test_figures_of_the_speech_roles():
    sheet = default_stylesheet()
    assert (sheet.paragraph("title")["font"], sheet.paragraph("title")["size_pt"]) == ("方正小标宋简体", 22)
    assert sheet.paragraph("title")["line_pt"] == 35
    assert (sheet.paragraph("byline")["font"], sheet.paragraph("byline")["size_pt"]) == ("楷体_GB2312", 16)
    assert (sheet.paragraph("body")["font"], sheet.paragraph("body")["size_pt"]) == ("仿宋_GB2312", 16)
    fonts = [sheet.paragraph(f"heading{n}")["font"] for n in (1, 2, 3, 4)]
    assert fonts == ["黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312"]
    assert sheet.paragraph("heading3")["bold"] and not sheet.paragraph("heading4").get("bold")
    assert sheet.character("lead")["bold"]
    assert sheet.page_number["font"] == "宋体" and sheet.page_number["size_pt"] == 14


def test_roles_inherit_the_body_figures():
    heading = default_stylesheet().paragraph("heading1")
    assert heading["size_pt"] == 16 and heading["line_pt"] == 28 and heading["name"] == "一级标题"


def test_style_key_of_blocks():
    assert style_key(Block(BlockRole.HEADING, level=2)) == "heading2"
    assert style_key(Block(BlockRole.PARAGRAPH)) == "body"
    assert style_key(Block(BlockRole.TITLE)) == "title"


def test_pack_overrides_only_what_it_names(tmp_path):
    override = tmp_path / "stylesheet.yaml"
    override.write_text("page:\n  top_mm: 30\nstyles:\n  body:\n    font: 仿宋\n", encoding="utf-8")
    sheet = load_stylesheet(override)
    assert sheet.page["top_mm"] == 30 and sheet.page["left_mm"] == 28
    assert sheet.paragraph("body")["font"] == "仿宋" and sheet.paragraph("body")["size_pt"] == 16
    assert sheet.paragraph("heading1")["font"] == "黑体"
    assert default_stylesheet().page["top_mm"] == 37  # the defaults are not changed


@pytest.mark.parametrize(
    "text, field, words",
    [
        ("styles:\n  body:\n    size_pt: 三号\n", "styles.body.size_pt", "数字"),
        ("page:\n  top_mm: -3\n", "page.top_mm", "不能小于 0"),
        ("styles:\n  heading_1:\n    font: 黑体\n", "styles.heading_1", "未知的键"),
    ],
)
def test_bad_pack_stylesheet_names_file_and_field(tmp_path, text, field, words):
    override = tmp_path / "stylesheet.yaml"
    override.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_stylesheet(override)
    message = str(caught.value)
    assert "stylesheet.yaml" in message and field in message and words in message


def test_unreadable_stylesheet_is_a_pack_error(tmp_path):
    override = tmp_path / "stylesheet.yaml"
    override.write_text("styles: [\n", encoding="utf-8")
    with pytest.raises(PackError, match="样式表无法读取"):
        load_stylesheet(override)


def test_stylesheet_yaml_errors_name_the_line_and_a_duplicate_key_is_one(tmp_path):
    override = tmp_path / "stylesheet.yaml"
    override.write_text("styles:\n  body:\n    size_pt: 16\n   line_pt: 30\n", encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_stylesheet(override)
    assert info.value.location.line == 4 and "缩进" in info.value.message
    override.write_text("styles:\n  body:\n    size_pt: 16\n    size_pt: 18\n", encoding="utf-8")
    with pytest.raises(PackError) as info:  # silently taking 18 would hide a slip
        load_stylesheet(override)
    assert info.value.location.line == 4 and info.value.location.field == "styles.body.size_pt"
    assert "重复" in info.value.message


def test_an_empty_stylesheet_changes_nothing(tmp_path):
    override = tmp_path / "stylesheet.yaml"
    override.write_text("# 只有注释\n", encoding="utf-8")
    assert load_stylesheet(override).data == load_stylesheet().data


def test_default_stylesheet_passes_its_own_check():
    check_stylesheet(default_stylesheet())


def test_reading_variant_over_a_pack_sheet(tmp_path):
    from drafting.packs.stylesheet import reading_stylesheet

    sheet_file = tmp_path / "stylesheet.yaml"
    sheet_file.write_text(
        "styles:\n  heading1: {font: 方正黑体}\nreading:\n  styles:\n    body: {size_pt: 24, line_pt: 44}\n",
        encoding="utf-8",
    )
    reading = reading_stylesheet(load_stylesheet(sheet_file))
    assert reading.paragraph("body")["size_pt"] == 24  # 小一, as the pack asks
    assert reading.paragraph("heading1")["font"] == "方正黑体"  # the pack's fonts carry over
    assert reading.page["left_mm"] > default_stylesheet().page["left_mm"]  # wider margins
    assert reading_stylesheet(default_stylesheet()).paragraph("body")["size_pt"] == 22  # 二号 by default


def test_typo_in_the_reading_section_names_file_and_field(tmp_path):
    sheet_file = tmp_path / "stylesheet.yaml"
    sheet_file.write_text("reading:\n  styles:\n    boddy: {size_pt: 24}\n", encoding="utf-8")
    with pytest.raises(PackError) as error:
        load_stylesheet(sheet_file)
    assert "boddy" in str(error.value) and "stylesheet.yaml" in str(error.value)

"""Tables and pictures: from a list in the YAML to Word, text and errors."""

import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from drafting.workflow.build import Builder, render_docx, render_text
from drafting.errors import SchemaError
from drafting.model.document import BlockRole

from ..conftest import MINIMAL, WITH_FIGURES, headings, write_png


@pytest.fixture
def figures_yaml(write_yaml, tmp_path):
    (tmp_path / "图表").mkdir()
    write_png(tmp_path / "图表" / "chart.png", 120, 60)
    return write_yaml(WITH_FIGURES)


@pytest.fixture
def word(figures_yaml):
    return docx.Document(io.BytesIO(render_docx(Builder().draft(figures_yaml))))


def test_model_has_table_and_image_in_place(figures_yaml):
    doc = Builder().draft(figures_yaml).document
    roles = [b.role for b in doc.blocks]
    table = doc.blocks[roles.index(BlockRole.TABLE)]
    assert roles.index(BlockRole.TABLE) + 1 == roles.index(BlockRole.IMAGE)
    assert [c[0].text for c in table.header] == ["指标", "单位", "完成值", "同比（%）"]
    assert [c[0].text for c in table.rows[1]] == ["固定资产投资", "亿元", "5.6", "-3"]
    assert table.columns == 4 and len(table.rows[2]) == 2


def test_text_prints_cells_joined_by_tabs_and_the_image_caption(figures_yaml):
    lines = render_text(Builder().draft(figures_yaml)).splitlines()
    at = lines.index("主要经济指标完成情况表")
    assert lines[at + 1 : at + 5] == [
        "指标\t单位\t完成值\t同比（%）",
        "地区生产总值\t亿元\t12.3\t4.5",
        "固定资产投资\t亿元\t5.6\t-3",
        "社会消费品零售总额\t亿元",
    ]
    assert lines[at + 5] == "图1 增长情况"


def test_word_table_cells_and_padding(word):
    (table,) = word.tables
    assert [c.text for c in table.rows[0].cells] == ["指标", "单位", "完成值", "同比（%）"]
    assert [c.text for c in table.rows[3].cells] == ["社会消费品零售总额", "亿元", "", ""]


def test_header_row_repeats_and_only_it(word):
    rows = word.tables[0]._tbl.findall(qn("w:tr"))
    repeated = [tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None for tr in rows]
    assert repeated == [True, False, False, False]


def test_borders_and_full_width(word):
    tbl_pr = word.tables[0]._tbl.find(qn("w:tblPr"))
    borders = tbl_pr.find(qn("w:tblBorders"))
    sides = {qn(f"w:{s}") for s in ("top", "left", "bottom", "right", "insideH", "insideV")}
    assert {b.tag for b in borders} == sides
    assert all(b.get(qn("w:val")) == "single" and b.get(qn("w:sz")) == "4" for b in borders)
    widths = [int(c.get(qn("w:w"))) for c in word.tables[0]._tbl.find(qn("w:tblGrid"))]
    assert sum(widths) == int(tbl_pr.find(qn("w:tblW")).get(qn("w:w")))
    assert abs(sum(widths) - Mm(156).twips) <= 2  # the type area: 210 − 28 − 26 mm
    assert widths[0] == max(widths)  # the longest names get the widest column


def test_caption_above_in_its_style_and_cells_smaller_than_body(word):
    body = list(word.element.body)
    tbl = word.tables[0]._tbl
    caption = body[body.index(tbl) - 1]
    assert caption.xpath("string(.)") == "主要经济指标完成情况表"
    assert word.styles["表题"].style_id == caption.pPr.pStyle.val
    assert word.styles["表题"].paragraph_format.keep_with_next
    cell = word.styles["表格文字"]
    assert cell.font.size.pt == 12 < word.styles["讲话正文"].font.size.pt
    assert cell.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    header = word.styles["表头"].element.rPr.find(qn("w:rFonts"))
    assert header.get(qn("w:eastAsia")) == "黑体"


def test_stylesheet_table_section_is_read(figures_yaml):
    draft = Builder().draft(figures_yaml)
    draft.stylesheet = draft.stylesheet.with_overrides(
        {"table": {"cell": {"size_pt": 10.5}, "border_pt": 1, "cell_margin_mm": 3}}
    )
    word = docx.Document(io.BytesIO(render_docx(draft)))
    assert word.styles["表格文字"].font.size.pt == 10.5
    borders = word.tables[0]._tbl.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    assert {b.get(qn("w:sz")) for b in borders} == {"8"}
    margins = word.tables[0]._tbl.find(qn("w:tblPr")).find(qn("w:tblCellMar"))
    assert {m.get(qn("w:w")) for m in margins} == {str(Mm(3).twips)}


def test_picture_inline_with_width_and_caption_below(word):
    (shape,) = word.inline_shapes
    assert abs(shape.width - Mm(100)) < Mm(0.1)
    assert shape.height * 2 == pytest.approx(shape.width, rel=0.01)  # 120×60 keeps its ratio
    paragraphs = word.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p._p.xpath(".//w:drawing"))
    assert paragraphs[at + 1].text == "图1 增长情况" and paragraphs[at + 1].style.name == "图题"
    # the body's exact 28 pt line would clip the picture to one line's height
    spacing = word.styles["图片"].element.pPr.find(qn("w:spacing"))
    assert spacing.get(qn("w:lineRule")) == "auto"


def test_picture_wider_than_type_area_is_scaled_down(write_yaml, tmp_path):
    (tmp_path / "图表").mkdir()
    write_png(tmp_path / "图表" / "chart.png")
    draft = Builder().draft(write_yaml(WITH_FIGURES.replace("width_mm: 100", "width_mm: 250")))
    (shape,) = docx.Document(io.BytesIO(render_docx(draft))).inline_shapes
    assert abs(shape.width - Mm(156)) < Mm(0.1)


def test_image_path_is_relative_to_the_yaml_not_the_cwd(figures_yaml, tmp_path, monkeypatch):
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    image = next(b for b in Builder().draft(figures_yaml).document.blocks if b.role is BlockRole.IMAGE)
    assert image.path == str(tmp_path / "图表" / "chart.png")


def test_missing_image_names_field_and_line(write_yaml):
    path = write_yaml(WITH_FIGURES)  # no 图表/chart.png beside it
    with pytest.raises(SchemaError) as info:
        Builder().draft(path)
    (problem,) = info.value.problems
    assert problem.location.field == "parts[0].intro[2].image.path"
    line = path.read_text(encoding="utf-8").splitlines()[problem.location.line - 1]
    assert "path: 图表/chart.png" in line
    assert "找不到图片文件“图表/chart.png”" in problem.message


def test_a_file_that_is_not_a_picture_is_refused(write_yaml, tmp_path):
    (tmp_path / "图表").mkdir()
    (tmp_path / "图表" / "chart.png").write_text("不是图片", encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        Builder().draft(write_yaml(WITH_FIGURES))
    assert "不是 PNG、JPEG、GIF 或 BMP 图片" in info.value.problems[0].message


def test_a_table_of_wrong_shape_is_reported_in_the_table(write_yaml, tmp_path):
    (tmp_path / "图表").mkdir()
    write_png(tmp_path / "图表" / "chart.png")
    text = WITH_FIGURES.replace("            - [固定资产投资, 亿元, 5.6, -3]\n", "            - 固定资产投资\n")
    with pytest.raises(SchemaError) as info:
        Builder().draft(write_yaml(text))
    (problem,) = info.value.problems
    assert problem.location.field == "parts[0].intro[1].table.rows[1]"
    assert "应为列表" in problem.message


def test_run_in_point_whose_body_starts_with_a_table(write_yaml, tmp_path):
    text = WITH_FIGURES.split("      - image:")[0].replace("    intro:", "    layout: run-in\n    intro:")
    text += "    points:\n      - lead: 要点一。\n        body:\n          - table:\n              rows: [[甲, 乙]]\n          - 正文。\n"
    doc = Builder().draft(write_yaml(text)).document
    roles = [b.role for b in doc.blocks]
    lead_at = next(i for i, b in enumerate(doc.blocks) if b.lead == "一是要点一。")
    assert doc.blocks[lead_at].text == "一是要点一。"  # the table is not run into the lead
    assert roles[lead_at + 1 : lead_at + 3] == [BlockRole.TABLE, BlockRole.PARAGRAPH]


INDICATOR_TABLE = MINIMAL.replace(
    "    points:",
    """\
    intro:
      - table:
          caption: 主要经济指标完成情况表
          indicators:
            - {name: 地区生产总值, value: 12.3, unit: 亿元, change: 4.5}
            - {name: 固定资产投资, value: 5.60, unit: 亿元, change: -3}
            - {name: 一般公共预算收入, unit: 万元, trend: 下降}
    points:""",
)


def test_table_from_indicators_has_the_standard_columns(write_yaml):
    draft = Builder().draft(write_yaml(INDICATOR_TABLE))
    table = next(b for b in draft.document.blocks if b.role is BlockRole.TABLE)
    assert [c[0].text for c in table.header] == ["指标", "单位", "完成值", "同比（%）"]
    rows = [[c[0].text if c else "" for c in row] for row in table.rows]
    assert rows == [
        ["地区生产总值", "亿元", "12.3", "4.5"],
        ["固定资产投资", "亿元", "5.6", "-3"],
        ["一般公共预算收入", "万元", "X", "-X"],
    ]
    fields = {w.location.field for w in draft.warnings}
    assert {"parts[0].intro[0].table.indicators[2].value", "parts[0].intro[0].table.indicators[2].change"} <= fields


def test_a_table_needs_rows_or_indicators(write_yaml):
    text = INDICATOR_TABLE.split("          indicators:")[0] + "    points: []\n"
    with pytest.raises(SchemaError) as info:
        Builder().draft(write_yaml(text))
    (problem,) = info.value.problems
    assert problem.location.field == "parts[0].intro[0].table"
    assert "rows" in problem.message and "indicators" in problem.message


def test_a_pack_stylesheet_with_a_wrong_table_figure_is_an_error(tmp_path):
    from drafting.errors import PackError
    from drafting.packs.stylesheet import load_stylesheet

    sheet = tmp_path / "stylesheet.yaml"
    sheet.write_text("table:\n  cell:\n    size_pt: 小四\n", encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_stylesheet(sheet)
    assert info.value.location.field == "table.cell.size_pt" and "小四" in info.value.message
    sheet.write_text("table:\n  cell_margin_mm: 一点五\n", encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_stylesheet(sheet)
    assert info.value.location.field == "table.cell_margin_mm"


def test_cell_text_never_becomes_structure(write_yaml, tmp_path):
    (tmp_path / "图表").mkdir()
    write_png(tmp_path / "图表" / "chart.png")
    hostile = "</td></tr></table><h1>标题</h1>"
    text = WITH_FIGURES.replace("[地区生产总值, 亿元, 12.3, 4.5]", f"['{hostile}', 亿元, 12.3, 4.5]")
    draft = Builder().draft(write_yaml(text))
    table = next(b for b in draft.document.blocks if b.role is BlockRole.TABLE)
    assert table.rows[0][0][0].text == hostile and len(headings(draft.document, 1)) == 1


def test_missing_image_through_the_command_line(write_yaml):
    from click.testing import CliRunner

    from drafting.cli import main

    path = write_yaml(WITH_FIGURES)
    result = CliRunner().invoke(main, ["build", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "parts[0].intro[2].image.path：找不到图片文件“图表/chart.png”" in result.output
    assert not path.with_suffix(".docx").exists()


def test_header_row_repeats_on_every_page_in_libreoffice(write_yaml):
    """Through LibreOffice (draft's PDF path): a table of 60 rows spans pages and
    each page it reaches starts with the header row; no cell is lost."""
    import subprocess

    from drafting.workflow.build import render_pdf

    rows = "".join(f"            - [指标{i:02d}, 亿元, {i}.5, {i % 7}]\n" for i in range(60))
    text = MINIMAL.replace(
        "    points:",
        "    intro:\n      - table:\n          caption: 长表\n          header: [指标, 单位, 完成值, 同比]\n"
        f"          rows:\n{rows}    points:",
    )
    pdf = render_pdf(Builder().draft(write_yaml(text)))
    pages = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    pages = [p.replace(" ", "") for p in pages.stdout.decode("utf-8").split("\f")]  # pdftotext spaces CJK
    with_rows = [p for p in pages if any(f"指标{i:02d}" in p for i in range(60))]
    assert len(with_rows) >= 2
    for page in with_rows:
        first_row = next(line for line in page.splitlines() if "指标" in line)
        assert "完成值" in first_row, first_row  # the header row, repeated
    found = [f"指标{i:02d}" for i in range(60) if any(f"指标{i:02d}" in p for p in pages)]
    assert len(found) == 60


def _figure_document(tmp_path):
    from drafting.model.document import Document, Image, Inline, InlineRole, Meta, Table

    write_png(tmp_path / "chart.png", 120, 60)
    indicator = Inline("增长4.5%", InlineRole.INDICATOR)
    table = Table(
        caption=(Inline("表1 "), Inline("一要", InlineRole.LEAD)),
        header=((Inline("指标"),), (Inline("说明"),)),
        rows=(((Inline("地区生产总值"),), (Inline("同比"), indicator)),),
    )
    image = Image(str(tmp_path / "chart.png"), caption=(Inline("图1 "), indicator))
    return Document(Meta(title="表图"), [table, image, table])


def _run_styles(element):
    return [(r.xpath("string(.)"), r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")))
            for r in element.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}") is not None]


def test_cells_and_captions_keep_their_character_styles(tmp_path):
    """The figures path once wrote its own plain runs and dropped <ind> (and <i>,
    since retired): cells and captions are now written by the body's paragraph code."""
    from drafting.packs.stylesheet import default_stylesheet
    from drafting.writers.docx import DocxWriter

    word = docx.Document(io.BytesIO(DocxWriter(default_stylesheet()).write(_figure_document(tmp_path))))
    ids = {name: word.styles[name].style_id for name in ("段首句", "统计指标")}
    body = list(word.element.body)
    assert _run_styles(body[0]) == [("一要", ids["段首句"])]  # the table's caption
    assert _run_styles(word.tables[0]._tbl) == [("增长4.5%", ids["统计指标"])]
    picture_caption = next(p for p in word.paragraphs if p.text == "图1 增长4.5%")
    assert _run_styles(picture_caption._p) == [("增长4.5%", ids["统计指标"])]


def test_a_picture_is_a_part_of_the_package_and_used_twice_is_stored_once(tmp_path):
    import zipfile

    from drafting.packs.stylesheet import default_stylesheet
    from drafting.writers.docx import DocxWriter
    from drafting.writers.docx.package import read_fingerprint

    document = _figure_document(tmp_path)
    document.blocks.append(document.blocks[1])
    blob = DocxWriter(default_stylesheet()).write(document)
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        assert media == ["word/media/image1.png"]
        assert package.read(media[0]) == (tmp_path / "chart.png").read_bytes()
        assert b'Extension="png" ContentType="image/png"' in package.read("[Content_Types].xml")
    word = docx.Document(io.BytesIO(blob))
    assert len(word.inline_shapes) == 2
    assert {s._inline.docPr.id for s in word.inline_shapes} == {1, 2}  # unique in the document
    assert read_fingerprint(blob).unchanged


def test_figures_take_the_one_path_without_python_docx(tmp_path, monkeypatch):
    """Tables and pictures are styled in every base: writing them builds no
    python-docx document (the picture's header is read, nothing else)."""
    from drafting.packs.stylesheet import default_stylesheet
    from drafting.writers.docx import DocxWriter, empty_package

    DocxWriter(default_stylesheet()).write(_figure_document(tmp_path))  # the base, once
    monkeypatch.setattr(empty_package, "styled_package", lambda *a: pytest.fail("a package of its own"))
    monkeypatch.setattr(docx, "Document", lambda *a: pytest.fail("python-docx document"))
    assert DocxWriter(default_stylesheet()).write(_figure_document(tmp_path))[:2] == b"PK"

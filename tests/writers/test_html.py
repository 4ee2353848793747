"""The HTML preview writer: roles become classes whose figures are the style sheet's."""

import re

from drafting.model.document import Block, BlockRole, Document, Image, Inline, InlineRole, Table
from drafting.packs.stylesheet import default_stylesheet, reading_stylesheet
from drafting.workflow.build import Builder
from drafting.writers.html import font_family, letter_spacing_pt, preview_css, write_html

from ..conftest import MINIMAL


def rule(css: str, selector: str) -> str:
    return re.search(re.escape(selector) + r"\{([^}]*)\}", css).group(1)


def test_body_is_16pt_on_28pt_lines_in_fangsong_with_fallbacks():
    body = rule(preview_css(default_stylesheet()), ".draft-page .draft-body")
    assert "font-size:16pt" in body and "line-height:28pt" in body
    assert "text-align:justify" in body
    families = re.search("font-family:([^;]*)", body).group(1)
    assert families.startswith('"仿宋_GB2312"') and '"FandolFang"' in families and families.endswith("serif")


def test_headings_take_heiti_and_kaiti():
    css = preview_css(default_stylesheet())
    assert '"黑体"' in rule(css, ".draft-page .draft-heading1").split(";")[0]
    assert '"楷体_GB2312"' in rule(css, ".draft-page .draft-heading2").split(";")[0]
    assert "font-weight:bold" in rule(css, ".draft-page .draft-heading3")
    assert "font-weight:bold" in rule(css, ".draft-page .draft-lead")
    assert "sans-serif" in font_family("黑体")


def test_28_characters_fit_the_type_area_and_no_more():
    """156 mm is 442.2 pt: 28 × 16 pt does not fit, 28 × 15.75 pt does (GB/T 9704's grid)."""
    sheet = default_stylesheet()
    spacing = letter_spacing_pt(16, sheet)
    assert spacing == -0.25
    width = sheet.text_width_mm * 72 / 25.4
    assert 28 * (16 + spacing) <= width < 29 * (16 + spacing)
    assert letter_spacing_pt(22, sheet) == 0  # a title is not squeezed onto the grid


def test_first_line_indent_is_two_characters():
    body = rule(preview_css(default_stylesheet()), ".draft-page .draft-body")
    assert "text-indent:31.50pt" in body  # 2 × (16 − 0.25)


def test_reading_copy_sheet_gives_its_own_sizes():
    body = rule(preview_css(reading_stylesheet(default_stylesheet())), ".draft-page .draft-body")
    assert "font-size:22pt" in body and "line-height:40pt" in body


def test_blocks_and_inlines_become_classes_and_elements():
    document = Document(blocks=[
        Block(BlockRole.TITLE, (Inline("在2025年"), Inline("", InlineRole.LAYOUT_BREAK), Inline("会议上的讲话"))),
        Block(BlockRole.HEADING, (Inline("一、稳增长"),), level=1),
        Block(BlockRole.PARAGRAPH, (Inline("一要抓项目。", InlineRole.LEAD), Inline("投资X万元<多>。"))),
        Block(BlockRole.PARAGRAPH, (Inline("郫", InlineRole.RUBY, ruby="pí", within=InlineRole.LEAD),)),
        Table(caption=(Inline("主要指标"),), header=((Inline("指标"),), (Inline("完成值"),)), rows=(((Inline("产值"),),),)),
        Image("/nonexistent/图.png", (Inline("图1"),)),
    ])
    html = write_html(document, default_stylesheet())
    # figures beside Chinese set apart as Word's autospace sets them; the title is off the line grid
    assert '<p class="draft-title" data-grid="off">在<span class="draft-latin">2025</span>年<br>会议上的讲话</p>' in html
    assert '<p class="draft-heading1" data-keep="next">一、稳增长</p>' in html  # a heading keeps with what follows
    assert ('<p class="draft-body"><span class="draft-lead">一要抓项目。</span>'
            '投资<span class="draft-latin"><mark class="draft-x">X</mark></span>万元&lt;多&gt;。</p>') in html
    assert '<span class="draft-lead"><ruby>郫<rt>pí</rt></ruby></span>' in html
    assert "<caption>主要指标</caption>" in html
    assert "<tr><td>产值</td><td></td></tr>" in html  # a short row padded, not dropped
    assert "[图片：图.png]" in html and '<figcaption>图<span class="draft-latin">1</span></figcaption>' in html


def test_preview_is_written_from_the_built_document(write_yaml):
    draft = Builder().draft(write_yaml(MINIMAL))
    html = write_html(draft.document, draft.stylesheet)
    assert '<p class="draft-title" data-grid="off">在<span class="draft-latin">2025</span>年测试会议上的讲话</p>' in html
    assert '<p class="draft-heading1" data-keep="next">一、第一部分</p>' in html
    paragraphs = re.findall(r"<p class=\"draft-[a-z0-9]+\"[^>]*>(.*?)</p>", html)
    assert len(paragraphs) == len(draft.document.blocks)


def test_a_long_title_breaks_where_the_docx_breaks_it_not_where_the_browser_would():
    """The preview shows the title's lines as 公文 sets them (after 暨, whole words),
    the same lines the .docx gets, instead of letting the browser wrap inside 经济."""
    from ..conftest import SEED_YAML

    draft = Builder().draft(SEED_YAML)
    html = write_html(draft.document, default_stylesheet())
    title = re.search(r'<p class="draft-title"[^>]*>(.*?)</p>', html, re.S).group(1)
    lines = [re.sub(r"<[^>]+>", "", part) for part in re.split(r"<br\s*/?>", title)]
    assert lines == ["在2025年第二次区委全委扩大会议暨", "全区经济工作会议上的讲话"]


def test_letters_and_figures_beside_chinese_are_set_apart_but_not_inside_an_entity():
    html = write_html(Document(blocks=[Block(BlockRole.PARAGRAPH, (Inline("增长X%，完成12.5亿元<b>&GDP"),))]),
                      default_stylesheet())
    body = re.search(r'<p class="draft-body"[^>]*>(.*?)</p>', html).group(1)
    assert body == ('增长<span class="draft-latin"><mark class="draft-x">X</mark>%</span>，'
                    '完成<span class="draft-latin">12.5</span>亿元&lt;b&gt;&amp;GDP')

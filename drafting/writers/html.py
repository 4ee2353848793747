"""The document model as HTML: the browser desk's print preview.

The preview must show what the .docx will hold, so it is written from the same
``Document`` the Word writer reads (never from the data), and its figures come
from the same style sheet: each block role is a CSS class whose font, size,
line pitch, indent and alignment are the style sheet's. The type area is as
wide as the page's, and the characters are condensed just enough that
``chars_per_line`` of them fill a line, as Word's character grid does.
Placeholders (X) are marked so the writer sees what is still to be filled in.
"""

from __future__ import annotations

import base64
import math
import mimetypes
import re
from html import escape
from pathlib import Path
from typing import Any

from drafting.model.document import Block, Document, Image, Inline, InlineRole, Table
from drafting.packs.stylesheet import StyleSheet, style_key
from drafting.writers.layout import break_long_titles, keeps_lead_together, keeps_next_by_style, keeps_with_next

MM_TO_PT = 72 / 25.4
MAX_IMAGE_BYTES = 8 * 1024 * 1024  # larger pictures are shown as their name, not inlined
_PLACEHOLDER = re.compile("[XＸ]")
# a run of letters or figures touching a Chinese character on either side
_LATIN = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])[A-Za-z0-9.%]+|[A-Za-z0-9.%]+(?=[\u3000-\u9fff\uff00-\uffef])")

# Word's names of the office fonts, then the same faces under their Windows,
# macOS and free (Debian) names: the browser takes the first one installed.
FONT_FALLBACKS = {
    "仿宋_GB2312": ["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "FandolFang"],
    "仿宋": ["仿宋", "FangSong", "仿宋_GB2312", "STFangsong", "FandolFang"],
    "楷体_GB2312": ["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "LXGW WenKai"],
    "楷体": ["楷体", "KaiTi", "楷体_GB2312", "STKaiti", "AR PL UKai CN", "LXGW WenKai"],
    "黑体": ["黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "WenQuanYi Zen Hei"],
    "宋体": ["宋体", "SimSun", "STSong", "Noto Serif CJK SC", "AR PL UMing CN"],
    "方正小标宋简体": ["draft-xiaobiaosong", "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun"],
}
# No free 小标宋 exists: its stand-in is the bold cut of Noto Serif CJK (as in
# the PDF's fonts.conf), which only @font-face can name without bolding 小标宋 itself.
_FONT_FACES = (
    '@font-face{font-family:"draft-xiaobiaosong";src:local("方正小标宋简体"),local("FZXiaoBiaoSong-B05S"),'
    'local("方正小标宋_GBK"),local("Noto Serif CJK SC Bold"),local("NotoSerifCJKsc-Bold"),local("Source Han Serif SC Bold");}'
)
_GENERIC = {"黑体": "sans-serif"}


def write_html(document: Document, stylesheet: StyleSheet) -> str:
    """A ``<div class="draft-page">`` holding the speech, with its own ``<style>``."""
    document = break_long_titles(document, stylesheet)  # the lines the .docx sets, not the browser's
    page = stylesheet.page
    type_height_pt = (page["height_mm"] - page["top_mm"] - page["bottom_mm"]) * MM_TO_PT
    # the desk lays the pages out from the type area's height and each block's keep
    pitch_pt = stylesheet.paragraph("body")["line_pt"]  # the document grid's line pitch
    parts = [f"<style>{preview_css(stylesheet)}</style>",
             f'<div class="draft-page" data-type-pt="{type_height_pt:.2f}" data-pitch-pt="{pitch_pt}">']
    blocks = list(document.blocks)
    specs = {key: stylesheet.paragraph(key) for key in stylesheet.paragraph_keys()}  # merged once, not per block
    parts += [_block(block, _pagination(blocks, i, specs, stylesheet)) for i, block in enumerate(blocks)]
    parts.append("</div>")
    return "\n".join(parts)


def _pagination(blocks: list, i: int, specs: dict[str, dict], stylesheet: StyleSheet) -> str:
    """How a paragraph holds to its page, as the .docx says it (``writers/layout.py``):
    data-keep "next" stays with the next block, "lines" is not split; data-grid "off"
    is not moved onto the document grid's lines (a 35 pt title); data-widows "2" leaves no
    single line of it alone at a page's foot or head (widow control); data-break "before"
    starts a page."""
    block = blocks[i]
    if isinstance(block, (Table, Image)):
        return ""  # a picture is never split (its figure says so); a table breaks between rows
    spec = specs[style_key(block)]  # with what it inherits from the body (widow control, grid)
    keep = ""
    if keeps_next_by_style(spec) or keeps_with_next(blocks, i):
        keep = "next"
    elif spec.get("keep_lines") or keeps_lead_together(block, spec, stylesheet):
        keep = "lines"
    return (
        (f' data-keep="{keep}"' if keep else "")
        + ("" if spec.get("snap_to_grid", True) else ' data-grid="off"')
        + (' data-widows="2"' if spec.get("widow_control", True) and keep != "lines" else "")
        + (' data-break="before"' if spec.get("page_break_before") else "")
    )


def preview_css(stylesheet: StyleSheet) -> str:
    """The style sheet as CSS rules, one per role, scoped to ``.draft-page``."""
    page = stylesheet.page
    width_pt = stylesheet.text_width_mm * MM_TO_PT
    body = stylesheet.paragraph("body")
    rules = [
        _FONT_FACES,
        f".draft-page{{box-sizing:content-box;width:{width_pt:.2f}pt;"
        f"padding:{page['top_mm']}mm {page['right_mm']}mm {page['bottom_mm']}mm {page['left_mm']}mm;"
        f"background:#fff;color:#000;{_font_css(body, stylesheet)}}}",
        ".draft-page p{margin:0;}",
        ".draft-page mark.draft-x{background:#ffe066;color:#000;}",
        ".draft-page .draft-latin{margin:0 .25em;}",
        ".draft-page ruby rt{font-size:50%;letter-spacing:0;}",
    ]
    for key in stylesheet.paragraph_keys():
        style = stylesheet.paragraph(key)
        rules.append(f".draft-page .draft-{key}{{{_font_css(style, stylesheet)}{_paragraph_css(style, stylesheet)}}}")
    for key in stylesheet.character_keys():
        style = stylesheet.character(key)
        rules.append(f".draft-page .draft-{key}{{{_character_css(style)}}}")
    rules += _table_css(stylesheet) + _image_css(stylesheet)
    return "\n".join(rules)


def letter_spacing_pt(size_pt: float, stylesheet: StyleSheet) -> float:
    """Condensing (≤ 0, in quarter points) that makes ``chars_per_line``
    characters of ``size_pt`` fit the type area: −0.25 pt for 28 of 16 pt in 156 mm.
    Text much larger than a grid cell (a 22 pt title) is not on the grid: none."""
    chars = stylesheet.page.get("chars_per_line") or 0
    if not chars:
        return 0.0
    pitch = stylesheet.text_width_mm * MM_TO_PT / chars
    if size_pt - pitch >= 1:
        return 0.0
    return min(0.0, math.floor((pitch - size_pt) * 4) / 4)


def font_family(font: str) -> str:
    names = FONT_FALLBACKS.get(font, [font])
    return ", ".join(f'"{name}"' for name in names) + ", " + _GENERIC.get(font, "serif")


def _font_css(style: dict[str, Any], stylesheet: StyleSheet) -> str:
    size = style.get("size_pt", 16)
    # as the Word styles: text of the body's size is condensed to the line's characters, other sizes are not
    spacing = letter_spacing_pt(size, stylesheet) if size == stylesheet.paragraph("body")["size_pt"] else 0.0
    css = f"font-family:{font_family(style.get('font', '仿宋_GB2312'))};font-size:{size}pt;"
    css += f"letter-spacing:{spacing}pt;"
    if style.get("line_pt"):
        css += f"line-height:{style['line_pt']}pt;"
    return css + ("font-weight:bold;" if style.get("bold") else "font-weight:normal;")


def _paragraph_css(style: dict[str, Any], stylesheet: StyleSheet) -> str:
    size = style.get("size_pt", 16)
    pitch = size + letter_spacing_pt(size, stylesheet)
    css = f"text-indent:{style.get('first_line_chars', 0) * pitch:.2f}pt;"
    css += f"text-align:{style.get('align', 'justify')};"
    after = style.get("space_after_lines", 0) * stylesheet.paragraph("body").get("line_pt", 28)
    before = style.get("space_before_pt", 0)
    return css + f"margin:{before}pt 0 {after}pt 0;"


def _character_css(style: dict[str, Any]) -> str:
    css = "font-weight:bold;" if style.get("bold") else ""
    if style.get("font"):
        css += f"font-family:{font_family(style['font'])};"
    return css


def _table_css(stylesheet: StyleSheet) -> list[str]:
    table = stylesheet.table
    border = f"{table.get('border_pt', 0.5)}pt solid #000"
    rules = [
        f".draft-page table.draft-table{{border-collapse:collapse;width:{table.get('width_percent', 100)}%;"
        "margin:0 auto;text-indent:0;}",
        f".draft-page table.draft-table td,.draft-page table.draft-table th{{border:{border};"
        f"padding:0 {table.get('cell_margin_mm', 1.5)}mm;}}",
    ]
    for key, selector in (("caption", "caption"), ("header", "th"), ("cell", "td")):
        style = table.get(key) or {}
        rules.append(
            f".draft-page table.draft-table {selector}{{{_font_css(style, stylesheet)}"
            f"text-align:{style.get('align', 'center')};}}"
        )
    if table.get("first_column_align"):
        rules.append(f".draft-page table.draft-table td:first-child{{text-align:{table['first_column_align']};}}")
    return rules


def _image_css(stylesheet: StyleSheet) -> list[str]:
    caption = stylesheet.image.get("caption") or {}
    return [
        ".draft-page figure.draft-image{margin:0;text-align:center;text-indent:0;}",
        ".draft-page figure.draft-image img{max-width:100%;}",
        f".draft-page figure.draft-image figcaption{{{_font_css(caption, stylesheet)}text-align:center;}}",
    ]


def _block(block: Block | Table | Image, attributes: str = "") -> str:
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Image):
        return _image(block)
    return f'<p class="draft-{style_key(block)}"{attributes}>{_inlines(block.inlines)}</p>'


def _inlines(inlines: tuple[Inline, ...]) -> str:
    out, open_role = [], None
    for inline in inlines:
        role = inline.style_role
        if role is not open_role:
            if open_role is not None:
                out.append("</span>")
            if role not in (InlineRole.PLAIN, InlineRole.LINE_BREAK, InlineRole.LAYOUT_BREAK):
                out.append(f'<span class="draft-{role.value}">')
                open_role = role
            else:
                open_role = None
        out.append(_inline(inline))
    if open_role is not None:
        out.append("</span>")
    return "".join(out)


def _inline(inline: Inline) -> str:
    if inline.role in (InlineRole.LINE_BREAK, InlineRole.LAYOUT_BREAK):
        return "<br>"
    if inline.role is InlineRole.RUBY:
        return f"<ruby>{_text(inline.text)}<rt>{escape(inline.ruby)}</rt></ruby>"
    return _text(inline.text)


def _text(text: str) -> str:
    """Escaped, X marked, and letters and figures beside Chinese set apart as
    Word and LibreOffice set them (autoSpaceDE/DN, on by default), so that a line
    of the preview holds what a line of the .docx holds."""
    out, at = [], 0
    for m in _LATIN.finditer(text):
        out.append(_marked(text[at:m.start()]))
        out.append(f'<span class="draft-latin">{_marked(m.group())}</span>')
        at = m.end()
    out.append(_marked(text[at:]))
    return "".join(out)


def _marked(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: f'<mark class="draft-x">{m.group()}</mark>', escape(text, quote=False))


def _table(table: Table) -> str:
    out = ['<table class="draft-table" data-grid="off">']
    if table.caption:
        out.append(f"<caption>{_inlines(table.caption)}</caption>")
    columns = table.columns
    if table.header:
        out.append("<thead><tr>" + "".join(f"<th>{_inlines(c)}</th>" for c in _padded(table.header, columns)) + "</tr></thead>")
    out.append("<tbody>")
    for row in table.rows:
        out.append("<tr>" + "".join(f"<td>{_inlines(c)}</td>" for c in _padded(row, columns)) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _padded(row: tuple, columns: int) -> tuple:
    return row + ((),) * (columns - len(row))


def _image(image: Image) -> str:
    caption = f"<figcaption>{_inlines(image.caption)}</figcaption>" if image.caption else ""
    width = f' style="width:{image.width_mm}mm"' if image.width_mm else ""
    source = _data_uri(Path(image.path))
    picture = (
        f'<img src="{source}" alt=""{width}>' if source
        else f'<p class="draft-missing-image">[图片：{escape(Path(image.path).name)}]</p>'
    )
    return f'<figure class="draft-image" data-keep="lines" data-grid="off">{picture}{caption}</figure>'


def _data_uri(path: Path) -> str | None:
    """The picture inlined, so the page needs no second request to reach the writer's files."""
    kind = mimetypes.guess_type(path.name)[0]
    try:
        if kind is None or not kind.startswith("image/") or path.stat().st_size > MAX_IMAGE_BYTES:
            return None
        return f"data:{kind};base64," + base64.b64encode(path.read_bytes()).decode("ascii")
    except OSError:
        return None

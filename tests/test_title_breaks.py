"""Long titles break as 公文 titles do (GB/T 9704 7.3.1): at word boundaries,
into a trapezoid or a diamond, never leaving one or two characters on a line;
in every pack and every copy, with the writer's own breaks kept."""

import io
import zipfile

import pytest
from lxml import etree

from drafting.model.document import LAYOUT_BREAK, Block, BlockRole, Inline, InlineRole
from drafting.model.title_breaks import break_points, width, with_title_breaks
from drafting.workflow.build import Builder, render_docx, render_text

from .conftest import ROOT

PACKS = ("half-year-speech", "year-end-speech", "half-year-report")
COPIES = ("file", "reading", "outline")
# full-width characters a title line holds: 二号 (22 pt) in 156 mm; 小一 (24 pt) in 143 mm
PER_LINE = {"file": 20, "outline": 20, "reading": 16}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def lines_of(text, per_line):
    cuts = break_points(text, per_line)
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]


@pytest.mark.parametrize(
    ("title", "per_line", "expected"),
    [
        # the break after 暨 keeps both meetings whole
        ("在2025年第二次区委全委扩大会议暨全区经济工作会议上的讲话", 20,
         ["在2025年第二次区委全委扩大会议暨", "全区经济工作会议上的讲话"]),
        ("在全市优化营商环境推进大会暨重点项目集中开工仪式上的讲话", 20,
         ["在全市优化营商环境推进大会暨", "重点项目集中开工仪式上的讲话"]),
        ("关于2025年上半年全区经济运行情况和下半年重点工作安排的报告", 20,
         ["关于2025年上半年全区经济运行情况和", "下半年重点工作安排的报告"]),
        # nothing to join on: the most even break between words
        ("在全区经济工作会议上的讲话", 10, ["在全区经济工作", "会议上的讲话"]),
    ],
)
def test_titles_break_after_joining_words_and_between_words(title, per_line, expected):
    assert lines_of(title, per_line) == expected


def test_a_title_that_fits_is_not_broken():
    assert break_points("在全区经济工作会议上的讲话", 20) == []


def test_three_lines_form_a_trapezoid_or_a_diamond():
    title = "在全区第十五个五年规划编制工作推进会暨重点项目谋划储备工作会议上的讲话"
    lines = lines_of(title, 14)
    assert len(lines) == 3 and "".join(lines) == title
    widths = [width(line) for line in lines]
    falls = widths[0] >= widths[1] >= widths[2]
    rises = widths[0] <= widths[1] <= widths[2]
    diamond = widths[1] >= max(widths[0], widths[2])
    assert falls or rises or diamond, lines
    assert all(3 <= len(line) and width(line) <= 14 for line in lines), lines


TITLES = [
    "在2025年第二次区委全委扩大会议暨全区经济工作会议上的讲话",
    "关于进一步加强和改进新时代基层党组织建设工作的实施意见",
    "在全县安全生产暨森林草原防灭火工作电视电话会议上的讲话",
    "在全市“十五五”规划编制工作动员部署会议上的讲话",
    "在2025年全区乡村振兴和农业农村重点工作推进会上的讲话",
    "在全区深化作风建设年活动总结暨表彰大会上的讲话",
    "在全区防汛抗旱和地质灾害防治工作会议上的讲话",
]


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("per_line", [12, 16, 20])
def test_no_line_of_one_or_two_characters_and_no_word_cut(title, per_line):
    import jieba

    lines = lines_of(title, per_line)
    assert "".join(lines) == title
    if width(title) <= per_line:
        return
    assert len(lines) >= 2
    assert all(len(line) >= 3 and width(line) <= per_line for line in lines), lines
    # a break never falls inside a word of an independent cut of the same text
    word_ends, position = set(), 0
    for word in jieba.lcut(title, HMM=False):
        position += len(word)
        word_ends.add(position)
    offsets = [sum(len(line) for line in lines[: i + 1]) for i in range(len(lines) - 1)]
    assert set(offsets) <= word_ends, lines
    for line in lines[1:]:
        assert line[0] not in "，、。；：”）》", lines  # no closing mark starts a line
    for line in lines[:-1]:
        assert line[-1] not in "“（《", lines  # no opening mark ends one


def test_writer_breaks_stay_and_each_line_is_shaped_alone():
    long = "在全县安全生产暨森林草原防灭火工作电视电话会议上的讲话"
    block = Block(BlockRole.TITLE, (Inline("内部资料"), Inline("\n", InlineRole.LINE_BREAK), Inline(long)))
    shaped = with_title_breaks(block, 20)
    roles = [inline.role for inline in shaped.inlines]
    assert roles.count(InlineRole.LINE_BREAK) == 1 and roles.count(InlineRole.LAYOUT_BREAK) == 1
    assert shaped.text == block.text  # layout breaks carry no text
    assert shaped.inlines[:2] == block.inlines[:2]


def test_no_break_inside_a_word_printed_with_its_pinyin():
    # alone, this title breaks after 工作 (see above); here 工作会议 is one ruby run
    ruby = Inline("工作会议", InlineRole.RUBY, "gōng zuò huì yì")
    block = Block(BlockRole.TITLE, (Inline("在全区经济"), ruby, Inline("上的讲话")))
    shaped = with_title_breaks(block, 10)
    assert shaped.inlines == (Inline("在全区经济"), LAYOUT_BREAK, ruby, Inline("上的讲话"))


# --- every pack and every copy, through the Word writer --------------------------


def _title_lines(docx: bytes) -> list[str]:
    """The first paragraph's lines as Word shows them (pinyin above characters left out)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{_W}body")
    lines = [""]
    for element in body.find(f"{_W}p").iter(f"{_W}t", f"{_W}br", f"{_W}rt"):
        if element.tag == f"{_W}br":
            lines.append("")
        elif element.tag == f"{_W}t" and not any(a.tag == f"{_W}rt" for a in element.iterancestors()):
            lines[-1] += element.text or ""
    return lines


def _example_with(tmp_path, pack, title_yaml):
    text = (ROOT / "templates" / pack / "example.yaml").read_text(encoding="utf-8")
    path = tmp_path / f"{pack}.yaml"
    path.write_text(text + f"\ntitle: {title_yaml}\n", encoding="utf-8")
    return Builder().draft(path)


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("pack", PACKS)
def test_every_pack_and_copy_breaks_a_long_title(tmp_path, pack, copy):
    title = "在全县安全生产暨森林草原防灭火工作电视电话会议上的讲话"
    draft = _example_with(tmp_path, pack, title)
    lines = _title_lines(render_docx(draft, copy=copy))
    assert "".join(lines) == title and len(lines) >= 2
    assert all(len(line) >= 3 and width(line) <= PER_LINE[copy] for line in lines), lines
    assert render_text(draft, copy).splitlines()[0] == title  # the text output is exact


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("pack", PACKS)
def test_every_pack_and_copy_keeps_a_list_title_as_written(tmp_path, pack, copy):
    draft = _example_with(tmp_path, pack, "[内部资料, 在全县安全生产暨森林草原防灭火工作电视电话会议上的讲话]")
    lines = _title_lines(render_docx(draft, copy=copy))
    assert lines[0] == "内部资料"  # the writer's own line, never joined or cut
    assert "".join(lines[1:]) == "在全县安全生产暨森林草原防灭火工作电视电话会议上的讲话"
    assert all(len(line) >= 3 and width(line) <= PER_LINE[copy] for line in lines), lines


# --- headings: shaped only where a style sheet centres them ------------------------


LONG_HEADING = "一、坚持稳中求进工作总基调，全力以赴推动全区经济社会高质量发展再上新台阶"


def _heading_document():
    from drafting.model.document import Document, Meta

    return Document(Meta(), [Block(BlockRole.HEADING, (Inline(LONG_HEADING),), level=1)])


def test_a_centred_long_heading_breaks_like_a_title():
    from drafting.packs.stylesheet import default_stylesheet
    from drafting.writers.layout import break_long_titles, characters_per_line

    sheet = default_stylesheet().with_overrides({"styles": {"heading1": {"align": "center", "first_line_chars": 0}}})
    assert characters_per_line(sheet, "heading1") == pytest.approx(28, abs=0.1)
    heading = break_long_titles(_heading_document(), sheet).blocks[0]
    lines = "".join(i.text if i.role is not InlineRole.LAYOUT_BREAK else "\n" for i in heading.inlines).split("\n")
    assert len(lines) == 2 and "".join(lines) == LONG_HEADING
    assert lines[0].endswith("，")  # after the comma: each half says one thing
    assert all(width(line) <= 28 for line in lines)


def test_a_left_aligned_heading_runs_on_as_the_suite_wraps_it():
    from drafting.packs.stylesheet import default_stylesheet
    from drafting.writers.layout import break_long_titles

    document = _heading_document()
    assert break_long_titles(document, default_stylesheet()) is document

from pathlib import Path

import docx

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_TEXT = SEEDS / "000_e81d180617c90500.txt"
SEED_YAML = SEEDS / "seed-speech.yaml"
CASES = Path(__file__).resolve().parent / "cases"

# The seed file's lines broken inside a sentence by the web page it came from.
SEED_BROKEN_LINES = (14, 22, 24, 32)


def seed_speech_text() -> str:
    """The seed speech as one paragraph a line: lines 2 to the end of the file
    (line 1 is the web page's abstract, the last line a lone space), with the
    four lines the source broke inside a sentence joined to the next."""
    lines = SEED_TEXT.read_text(encoding="utf-8").split("\n")
    numbered = dict(enumerate(lines, start=1))
    last = max(n for n, text in numbered.items() if text.strip())
    out, n = [], 2
    while n <= last:
        if n in SEED_BROKEN_LINES:
            out.append(numbered[n] + numbered[n + 1])
            n += 2
        else:
            out.append(numbered[n])
            n += 1
    return "\n".join(out) + "\n"


@pytest.fixture
def write_yaml(tmp_path):
    def write(text: str, name: str = "speech.yaml", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


MINIMAL = """\
pack: half-year-speech
meeting:
  name: 测试会议
  year: 2025
parts:
  - heading: 第一部分
    points:
      - lead: 要点一。
        body:
          - 正文一。
"""


def word_file(lines, path: Path) -> Path:
    """A plain Word file holding one paragraph per line, as an office's old speech would."""
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    word.save(path)
    return path


def office_reference_docx(path, footer_text="某某县人民政府办公室", styles=True):
    """A small .docx as another office might keep: A4 with 30 mm margins, its
    own body style (宋体 15 pt) and a footer of its own."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("top", "bottom", "left", "right"):
        setattr(section, f"{side}_margin", Mm(30))
    if styles:
        body = word.styles.add_style("讲话正文", WD_STYLE_TYPE.PARAGRAPH)
        body.font.size = Pt(15)
        fonts = body.element.get_or_add_rPr().get_or_add_rFonts()
        for slot in ("ascii", "hAnsi", "eastAsia"):
            fonts.set(qn(f"w:{slot}"), "宋体")
    if footer_text:
        section.footer.paragraphs[0].text = footer_text
    word.add_paragraph("这段旧文字不应出现在生成的讲话稿中。")
    word.save(path)
    return path


def write_png(path: Path, width: int = 60, height: int = 30) -> Path:
    """A small real PNG (red bars on white), written without an imaging library."""
    import struct
    import zlib

    def pixel(x: int, y: int) -> bytes:
        return b"\xc8\x28\x28" if (x // 10) % 2 and y > height // 3 else b"\xff\xff\xff"

    raw = b"".join(b"\x00" + b"".join(pixel(x, y) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )
    return path


# MINIMAL with a table and a picture in part one's intro (write_png chart.png beside it).
WITH_FIGURES = MINIMAL.replace(
    "    points:",
    """\
    intro:
      - 主要经济指标如下表。
      - table:
          caption: 主要经济指标完成情况表
          header: [指标, 单位, 完成值, 同比（%）]
          rows:
            - [地区生产总值, 亿元, 12.3, 4.5]
            - [固定资产投资, 亿元, 5.6, -3]
            - [社会消费品零售总额, 亿元]
      - image:
          path: 图表/chart.png
          caption: 图1 增长情况
          width_mm: 100
    points:""",
)


# Property-based tests: "ci" (the default, what .ci/run uses) runs enough examples
# to mean something; HYPOTHESIS_PROFILE=dev runs a quick pass while editing.
import os  # noqa: E402

from hypothesis import settings  # noqa: E402

settings.register_profile("ci", max_examples=500, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile("soak", max_examples=5000, deadline=None, print_blob=True)  # by hand
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Tests never read or fill the user's cache folder, nor make its key (see drafting/cache.py)."""
    monkeypatch.setenv("DRAFT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "draft-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "draft-config"))


def headings(document, level: int) -> list:
    """The document's headings of one level, in order."""
    from drafting.model.document import BlockRole

    return [b for b in document.blocks if b.role is BlockRole.HEADING and b.level == level]

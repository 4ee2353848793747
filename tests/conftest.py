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

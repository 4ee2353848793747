"""A pack's style sheet is checked like the writer's data (issue 14): every
problem at its file and line, in Chinese, never a traceback or a silently
ignored typo."""

import shutil

import pytest
from click.testing import CliRunner

from drafting.cli import main
from drafting.packs.finder import builtin_root

from .conftest import MINIMAL

CASES = {
    "align: centre": ("styles:\n  title:\n    align: centre\n", 3, "对齐方式"),
    "page.top_m": ("page:\n  top_m: 30\n", 2, "top_m"),
    "styles.body.line_p": ("styles:\n  body:\n    line_p: 29\n", 3, "line_p"),
    ".nan": ("styles:\n  body:\n    size_pt: .nan\n", 3, "不是有效的数字"),
    "chars_per_line: 0": ("page:\n  chars_per_line: 0\n", 2, "每行字数"),
    "reading typo": ("reading:\n  styles:\n    heading1:\n      page_brake_before: true\n", 4, "page_brake_before"),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_bad_style_sheet_is_reported_at_its_line(tmp_path, case):
    text, line, words = case
    pack = tmp_path / "my-pack"
    shutil.copytree(builtin_root() / "half-year-speech", pack)
    (pack / "stylesheet.yaml").write_text(text, encoding="utf-8")
    speech = tmp_path / "speech.yaml"
    speech.write_text(MINIMAL.replace("pack: half-year-speech", "pack: ./my-pack"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(speech)], catch_exceptions=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"stylesheet.yaml:{line}:" in result.stderr and words in result.stderr
    assert not speech.with_suffix(".docx").exists()


def test_every_problem_is_listed_at_once(tmp_path):
    pack = tmp_path / "my-pack"
    shutil.copytree(builtin_root() / "half-year-speech", pack)
    (pack / "stylesheet.yaml").write_text("page:\n  top_m: 30\n  chars_per_line: 0\nstyles:\n  title:\n    align: centre\n")
    speech = tmp_path / "speech.yaml"
    speech.write_text(MINIMAL.replace("pack: half-year-speech", "pack: ./my-pack"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(speech)], catch_exceptions=False)
    assert all(f"stylesheet.yaml:{n}:" in result.stderr for n in (2, 3, 6)) and "共 3 处问题" in result.stderr


def test_the_bundled_sheets_fit_the_style_sheet_schema():
    import json

    import jsonschema
    import yaml

    from drafting.packs.finder import builtin_root as packs

    root = packs().parent / "drafting" / "styles"
    schema = json.loads((root / "stylesheet.schema.json").read_text(encoding="utf-8"))
    sheets = [root / "default.yaml", root / "reading.yaml", *packs().glob("*/stylesheet.yaml")]
    for sheet in sheets:
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(sheet.read_text("utf-8")))) == [], sheet

"""Each command imports only what it needs (the benchmark times it; this counts it)."""

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT, SEED_YAML

HEAVY = ("yaml", "jinja2", "lxml", "docx", "jsonschema", "jsonschema_rs", "openpyxl", "jieba", "drafting.readers.sheet",
         "drafting.source.messages")

PROBE = """
import json, sys
from drafting.cli import main
sys.argv = ["draft"] + sys.argv[1:]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m in {heavy})), file=sys.stderr)
"""


def imported(*args, cache) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFT_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=repr(set(HEAVY))), *map(str, args)],
        capture_output=True, text=True, env=env, cwd=ROOT, check=True,
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["templates"]])
def test_help_and_listing_import_no_engine(args, tmp_path):
    assert imported(*args, cache=tmp_path) == set()


def test_build_imports_python_docx_and_jsonschema_only_when_it_must(tmp_path):
    out = tmp_path / "seed.docx"
    first = imported("build", SEED_YAML, "-o", out, cache=tmp_path)
    assert "docx" in first and "jsonschema" not in first  # styles the package once, valid data
    again = imported("build", SEED_YAML, "-o", out, cache=tmp_path)
    assert "docx" not in again and "jsonschema" not in again  # styled package from the cache
    # the long title's words too: jieba's dictionary (a second or so) loads once per title
    assert "jieba" in first and "jieba" not in again
    assert {"yaml", "jinja2", "lxml", "jsonschema_rs"} <= again
    assert "openpyxl" not in first | again  # only a speech that names a workbook reads one
    assert "drafting.readers.sheet" not in first | again  # nor any sheet reader
    assert "drafting.source.messages" not in again  # the hints for mistakes: their patterns cost milliseconds


def test_invalid_data_brings_in_jsonschema_for_the_messages(tmp_path, write_yaml):
    bad = write_yaml("pack: half-year-speech\nmeeting: 1\n")
    assert {"jsonschema", "drafting.source.messages"} <= imported("build", bad, cache=tmp_path)

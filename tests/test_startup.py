"""Each command imports only what it needs (the benchmark times it; this counts it)."""

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT, SEED_YAML

HEAVY = ("yaml", "jinja2", "lxml", "docx", "jsonschema", "jsonschema_rs", "openpyxl", "jieba", "drafting.readers.sheet",
         "drafting.source.messages")
# what a speech without pictures, tables, readings or a reference file never needs;
# each costs a build milliseconds of records and patterns made at import
ONLY_WHEN_USED = ("drafting.source.statistics_sheets", "drafting.writers.docx.image", "drafting.writers.docx.ruby", "drafting.writers.docx.table",
                  "drafting.model.pinyin", "drafting.model.editions", "drafting.writers.docx.reference",
                  "drafting.safe_zip", "traceback")

# run draft's main with the given arguments, then print (as JSON) what REPORT computes
PROBE = """
import dataclasses, json, sys
from drafting.cli import main
sys.argv = ["draft"] + sys.argv[1:]
try:
    main()
except SystemExit:
    pass
print(json.dumps(REPORT), file=sys.stderr)
"""


def probed(report: str, *args, cache):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFT_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.replace("REPORT", report), *map(str, args)],
        capture_output=True, text=True, env=env, cwd=ROOT, check=True,
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


def imported(*args, cache) -> set[str]:
    watched = repr(set(HEAVY + ONLY_WHEN_USED))
    return set(probed(f"sorted(m for m in sys.modules if m in {watched})", *args, cache=cache))


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


def test_a_plain_speech_loads_no_module_for_pictures_tables_readings_or_references(tmp_path):
    out = tmp_path / "seed.docx"
    imported("build", SEED_YAML, "-o", out, cache=tmp_path)  # styles the package and checks the pack once
    assert imported("build", SEED_YAML, "-o", out, cache=tmp_path).isdisjoint(ONLY_WHEN_USED)


UNDOCUMENTED_RECORDS = """sorted(
    f"{name}.{value.__name__}" for name, module in list(sys.modules.items()) if name.startswith("drafting")
    for value in vars(module).values()
    if dataclasses.is_dataclass(value) and isinstance(value, type) and value.__module__ == name
    and (value.__doc__ or "").startswith(value.__name__ + "(")
)"""


def test_every_record_a_build_makes_has_its_own_docstring(tmp_path):
    """A dataclass without one gets a docstring made by inspect.signature when its
    module is imported: a millisecond of every build for a record of thirty fields."""
    out = tmp_path / "seed.docx"
    assert probed(UNDOCUMENTED_RECORDS, "build", SEED_YAML, "-o", out, cache=tmp_path) == []


def test_invalid_data_brings_in_jsonschema_for_the_messages(tmp_path, write_yaml):
    bad = write_yaml("pack: half-year-speech\nmeeting: 1\n")
    assert {"jsonschema", "drafting.source.messages"} <= imported("build", bad, cache=tmp_path)

"""A ``draft build`` process does no work a writer does not need.

The benchmark (benchmarks/processes.py) measures what this saves; these tests
check the mechanisms: the cyclic collector stays off from loading the data to
writing the file and comes back on afterwards; the process's own command line
freezes what is alive at exit so Python's shutdown does not rescan it; only the
writer's file waits for the disk, not the cache's entries.
"""

import gc
import os

from click.testing import CliRunner

import drafting.cli as cli
import drafting.writers.safe_write as safe_write

from .conftest import SEED_YAML


def test_the_collector_is_off_while_a_build_writes_and_back_on_after(monkeypatch, tmp_path):
    seen = []
    write = safe_write.write_outputs

    def watching(outputs, **kwargs):
        seen.append(gc.isenabled())
        return write(outputs, **kwargs)

    monkeypatch.setattr(safe_write, "write_outputs", watching)
    assert gc.isenabled()
    result = CliRunner().invoke(cli.main, ["build", str(SEED_YAML), "-o", str(tmp_path / "稿.docx")])
    assert result.exit_code == 0, result.output
    assert seen == [False]
    assert gc.isenabled()


def test_only_the_process_command_line_freezes_at_exit(monkeypatch):
    registered = []
    monkeypatch.setattr(cli.atexit, "register", registered.append)
    assert CliRunner().invoke(cli.main, ["templates"]).exit_code == 0  # a caller's own args: a library use
    assert registered == []
    monkeypatch.setattr(cli.sys, "argv", ["draft", "templates"])
    try:
        cli.main()
    except SystemExit as e:
        assert e.code == 0
    assert registered == [cli._skip_final_collections]


def test_only_the_writers_file_waits_for_the_disk(monkeypatch, tmp_path):
    monkeypatch.setenv("DRAFT_CACHE_DIR", str(tmp_path / "cache"))  # empty: every entry is written
    synced = []
    fsync = os.fsync

    def counting(fd):
        synced.append(fd)
        return fsync(fd)

    monkeypatch.setattr(safe_write.os, "fsync", counting)
    result = CliRunner().invoke(cli.main, ["build", str(SEED_YAML), "-o", str(tmp_path / "稿.docx")])
    assert result.exit_code == 0, result.output
    assert any((tmp_path / "cache").rglob("*"))  # the cache was written, without fsync
    assert len(synced) == 1


def _own_command_line(monkeypatch, *args) -> None:
    monkeypatch.setattr(cli.atexit, "register", lambda f: None)  # this test process goes on
    monkeypatch.setattr(cli.sys, "argv", ["draft", *map(str, args)])
    try:
        cli.main()
    except SystemExit as e:
        assert e.code == 0


def test_a_process_that_builds_one_file_leaves_the_collector_off_to_its_end(monkeypatch, tmp_path):
    try:
        _own_command_line(monkeypatch, "build", SEED_YAML, "-o", tmp_path / "稿.docx")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_batch_collects_between_files_as_a_long_run_should(monkeypatch, tmp_path):
    files = [tmp_path / f"{name}.yaml" for name in ("甲", "乙")]
    for file in files:
        file.write_bytes(SEED_YAML.read_bytes())
    try:
        _own_command_line(monkeypatch, "build", *files)
        assert gc.isenabled()
    finally:
        gc.enable()

"""A ``draft build`` process spends no time in the cyclic collector it does not need.

The benchmark (benchmarks/processes.py) measures what this saves; these tests
check the mechanism: the collector stays off from loading the data to writing
the file, comes back on afterwards, and the process's own command line freezes
what is alive at exit so Python's shutdown does not rescan it.
"""

import gc

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

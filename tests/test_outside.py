"""Tests needing a program outside Python skip on a machine without it, naming
the program and its Debian package, and fail instead under DRAFT_REQUIRE_ALL=1."""

import os
import subprocess
import sys

import pytest

from . import outside
from .conftest import ROOT

PDF_TEST = "tests/writers/test_table.py::test_header_row_repeats_on_every_page_in_libreoffice"


@pytest.fixture
def bare_path(tmp_path, monkeypatch):
    """A PATH holding no program at all."""
    monkeypatch.setenv("PATH", str(tmp_path))
    outside._font_families.cache_clear()
    yield
    outside._font_families.cache_clear()


def test_missing_program_names_itself_and_its_debian_package(bare_path):
    assert outside.missing(["soffice", "pdftotext"]) == [
        "缺少 LibreOffice（soffice 命令）：Debian/Ubuntu 上 sudo apt install libreoffice-writer-nogui",
        "缺少 pdftotext（poppler）：Debian/Ubuntu 上 sudo apt install poppler-utils",
    ]


def test_fonts_cannot_be_checked_without_fc_list(bare_path):
    assert outside.missing(["FandolFang", "Noto Sans CJK SC"]) == [
        "无法确认是否装有字体 FandolFang、Noto Sans CJK SC：缺少 fc-list 命令（Debian 软件包 fontconfig）"
    ]


def test_missing_font_names_the_package_it_comes_in(monkeypatch):
    monkeypatch.setattr(outside, "_font_families", lambda: frozenset({"FandolFang", "FandolFang R"}))
    reasons = outside.missing(["FandolFang", "AR PL UKai CN"])
    assert reasons == ["缺少字体 AR PL UKai CN：Debian/Ubuntu 上在软件包 fonts-arphic-ukai 中"]


def test_a_name_the_table_lacks_is_a_mistake_in_the_test():
    with pytest.raises(ValueError, match="soffic"):
        outside.missing(["soffic"])


def _run_without_programs(tmp_path, require_all):
    env = {k: v for k, v in os.environ.items() if k != outside.REQUIRE_ALL}
    env.update(PATH=str(tmp_path), HYPOTHESIS_PROFILE="dev", **({outside.REQUIRE_ALL: "1"} if require_all else {}))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", PDF_TEST],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )


def test_without_libreoffice_a_pdf_test_is_skipped_with_the_reason(tmp_path):
    done = _run_without_programs(tmp_path, require_all=False)
    assert done.returncode == 0, done.stdout
    assert "1 skipped" in done.stdout
    assert "test_table.py:" in done.stdout  # the skip names the test, not the helper
    assert "sudo apt install libreoffice-writer-nogui" in done.stdout


def test_ci_turns_that_skip_into_a_failure(tmp_path):
    done = _run_without_programs(tmp_path, require_all=True)
    assert done.returncode == 1, done.stdout
    assert "skipped" not in done.stdout
    assert "缺少 LibreOffice（soffice 命令）" in done.stdout and outside.REQUIRE_ALL in done.stdout

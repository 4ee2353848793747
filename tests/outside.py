"""Programs and fonts outside Python that some tests need, and what to say when
one is missing.

The README's test command must pass on a fresh machine that has only Python: a
test marked ``@pytest.mark.needs("soffice", ...)`` is skipped there, with a reason
naming the missing program and the Debian package that brings it. CI (.ci/run)
sets ``DRAFT_REQUIRE_ALL=1``, which turns the same absence into a failure, so a
missing install step there cannot hide behind a skip.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from dataclasses import dataclass

import pytest

from drafting.writers.pdf import SOFFICE_NAMES

REQUIRE_ALL = "DRAFT_REQUIRE_ALL"


@dataclass(frozen=True)
class Program:
    commands: tuple[str, ...]  # any one of them on PATH will do
    name: str
    debian: str  # the Debian/Ubuntu package that installs it


PROGRAMS = {
    "soffice": Program(SOFFICE_NAMES, "LibreOffice（soffice 命令）", "libreoffice-writer-nogui"),
    "pdftotext": Program(("pdftotext",), "pdftotext（poppler）", "poppler-utils"),
    "pdfinfo": Program(("pdfinfo",), "pdfinfo（poppler）", "poppler-utils"),
    "pdffonts": Program(("pdffonts",), "pdffonts（poppler）", "poppler-utils"),
    "pdftoppm": Program(("pdftoppm",), "pdftoppm（poppler）", "poppler-utils"),
    "chromium": Program(("chromium", "chromium-browser"), "Chromium 浏览器", "chromium"),
}

# The free faces drafting/fonts/fonts.conf maps Word's font names to, by family
# name as fontconfig knows it, with the Debian package that brings each.
FONTS = {
    "FandolFang": "texlive-lang-chinese",
    "AR PL UKai CN": "fonts-arphic-ukai",
    "Noto Sans CJK SC": "fonts-noto-cjk",
    "Noto Serif CJK SC": "fonts-noto-cjk",
}
FONT_NOTES = {"FandolFang": "（整个包连同依赖约 270 MB，.ci/run 只从中取出 FandolFang-Regular.otf 一个文件）"}
FONTCONFIG = "fontconfig"  # fc-list, to see which fonts there are

# What draft's PDF path and the tests reading its PDFs need.
PDF = ("soffice", "pdftotext", *FONTS)


def debian_packages() -> set[str]:
    """Every package a reason names (.ci/run must install each)."""
    return {p.debian for p in PROGRAMS.values()} | set(FONTS.values()) | {FONTCONFIG}


def missing(names) -> list[str]:
    """Why ``names`` (keys of PROGRAMS or FONTS) cannot all be used here, in Chinese."""
    names = list(dict.fromkeys(names))
    unknown = [n for n in names if n not in PROGRAMS and n not in FONTS]
    if unknown:
        raise ValueError(f"tests/outside.py knows no program or font {unknown}")
    reasons = []
    for program in (PROGRAMS[n] for n in names if n in PROGRAMS):
        if not any(shutil.which(command) for command in program.commands):
            reasons.append(f"缺少 {program.name}：Debian/Ubuntu 上 sudo apt install {program.debian}")
    fonts = [n for n in names if n in FONTS]
    installed = _font_families() if fonts else frozenset()
    if installed is None:
        reasons.append(f"无法确认是否装有字体 {'、'.join(fonts)}：缺少 fc-list 命令（Debian 软件包 {FONTCONFIG}）")
    else:
        for font in (f for f in fonts if f not in installed):
            reasons.append(f"缺少字体 {font}：Debian/Ubuntu 上在软件包 {FONTS[font]} 中{FONT_NOTES.get(font, '')}")
    return reasons


def required() -> bool:
    """Whether CI asked that nothing be skipped for want of a program."""
    return os.environ.get(REQUIRE_ALL, "") not in ("", "0")


def unavailable(reason: str) -> None:
    """Skip the running test, or fail it when CI demands everything be present."""
    if required():
        pytest.fail(f"{reason}（已设 {REQUIRE_ALL}：缺少它算失败，不算跳过）", pytrace=False)
    pytest.skip(reason)


@functools.cache
def _font_families() -> frozenset[str] | None:
    """Family names fontconfig knows (each font may carry several), or None without fc-list."""
    if not shutil.which("fc-list"):
        return None
    listing = subprocess.run(
        ["fc-list", "--format", "%{family}\n"], capture_output=True, check=True
    ).stdout.decode("utf-8", "replace")
    return frozenset(name.strip() for line in listing.splitlines() for name in line.split(","))

"""PDF through LibreOffice: the .docx converted by ``soffice --headless``.

Each conversion runs with its own temporary LibreOffice profile (parallel runs
would otherwise fight over one) and with ``FONTCONFIG_FILE`` pointing at the
alias file shipped in ``drafting/fonts``, so Word's font names (仿宋_GB2312,
楷体_GB2312, 黑体, 方正小标宋简体, 宋体) find free look-alikes. Nothing is
installed system-wide.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

from drafting.errors import WriteError, os_reason

SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_S = 300

INSTALL_HINT = (
    "生成 PDF 需要 LibreOffice，但没有找到 soffice 命令。请先安装 LibreOffice：\n"
    "  Debian、Ubuntu、统信 UOS、麒麟：sudo apt install libreoffice-writer\n"
    "  Windows、macOS：从 LibreOffice 官方网站下载安装，并把安装目录加入 PATH\n"
    "也可以先生成 Word 文件（--format docx），在 WPS 或 Word 中另存为 PDF。"
)


def find_soffice() -> str:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise WriteError(INSTALL_HINT)


def fonts_conf() -> Path:
    return Path(str(resources.files("drafting.fonts").joinpath("fonts.conf")))


def docx_to_pdf(docx: bytes, name: str = "speech") -> bytes:
    """The PDF LibreOffice makes of ``docx`` (bytes in, bytes out)."""
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="draft-pdf-") as work:
        folder = Path(work)
        source = folder / f"{name}.docx"
        source.write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless", "--norestore", "--nolockcheck",
            "--convert-to", "pdf", "--outdir", str(folder), str(source),
        ]
        env = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf()))
        try:
            result = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S,
                stdin=subprocess.DEVNULL, cwd=folder,
            )
        except subprocess.TimeoutExpired:
            raise WriteError(f"LibreOffice 转换 PDF 超过 {TIMEOUT_S} 秒未完成，已放弃") from None
        except OSError as e:
            raise WriteError(f"无法运行 LibreOffice（{soffice}）：{os_reason(e)}") from None
        target = folder / f"{name}.pdf"
        if result.returncode != 0 or not target.is_file():
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise WriteError(
                "LibreOffice 未能把文档转换为 PDF" + (f"：{detail[-1]}" if detail else "")
            )
        return target.read_bytes()

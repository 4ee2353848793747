"""Every output path, in every format, is protected as .docx is (issue 14):
a file draft did not write, or that was changed since, is never replaced
without --force, and --force keeps a numbered backup first."""

import io
import os
import time
import zipfile

import pytest
from click.testing import CliRunner

from drafting.cli import main

from .conftest import MINIMAL
from .test_output import edit_in_word


def build(*args):
    result = CliRunner().invoke(main, ["build", *map(str, args)], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def built(write_yaml):
    speech = write_yaml(MINIMAL)
    assert build(speech).exit_code == 0
    return speech, speech.with_suffix(".docx")


@pytest.mark.parametrize("fmt", ["txt", "pdf"])
def test_another_format_over_an_edited_docx_is_refused_then_backed_up(built, fmt, monkeypatch):
    from drafting.writers import pdf

    monkeypatch.setattr(pdf, "docx_to_pdf", lambda docx: b"%PDF-1.7 stand-in")
    speech, target = built
    edit_in_word(target)
    edited = target.read_bytes()
    result = build(speech, "--format", fmt, "-o", target)
    assert result.exit_code == 1 and "--force" in result.stderr
    assert target.read_bytes() == edited
    result = build(speech, "--format", fmt, "-o", target, "--force")
    assert result.exit_code == 0, result.stderr
    assert (target.parent / "speech.备份1.docx").read_bytes() == edited


def test_text_output_over_any_other_file_is_refused(write_yaml):
    speech = write_yaml(MINIMAL)
    other = write_yaml("别人的: 文件\n", "other.yaml")
    result = build(speech, "--format", "txt", "-o", other)
    assert result.exit_code == 1
    assert other.read_text(encoding="utf-8") == "别人的: 文件\n"


def test_draft_may_replace_its_own_text_output_but_not_an_edited_one(write_yaml):
    speech = write_yaml(MINIMAL)
    out = speech.with_name("稿.txt")
    assert build(speech, "-o", out).exit_code == 0
    assert build(speech, "-o", out).exit_code == 0  # its own, unchanged: rebuilt freely
    out.write_text(out.read_text(encoding="utf-8") + "写稿人加的一句。\n", encoding="utf-8")
    result = build(speech, "-o", out)
    assert result.exit_code == 1 and "写稿人加的一句" in out.read_text(encoding="utf-8")


def test_an_edit_only_to_custom_properties_is_noticed(built):
    speech, target = built
    with zipfile.ZipFile(target) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["docProps/custom.xml"] = parts["docProps/custom.xml"].replace(
        b"</Properties>",
        b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="\xe5\xaf\x86\xe7\xba\xa7">'
        b"<vt:lpwstr>\xe5\x86\x85\xe9\x83\xa8</vt:lpwstr></property></Properties>",
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    target.write_bytes(out.getvalue())
    result = build(speech)
    assert result.exit_code == 1 and "修改过" in result.stderr
    assert target.read_bytes() == out.getvalue()


def test_a_corrupt_zip_at_the_output_path_is_refused_and_forced_with_a_backup(built):
    speech, target = built
    raw = bytearray(target.read_bytes())
    at = raw.rfind(b"PK\x05\x06")  # the zip's directory no longer says where it starts
    raw[at + 16 : at + 20] = b"\xff\xff\xff\x7f"
    target.write_bytes(bytes(raw))
    result = build(speech)
    assert result.exit_code == 1 and "--force" in result.stderr
    result = build(speech, "--force")
    assert result.exit_code == 0, result.stderr
    assert (target.parent / "speech.备份1.docx").read_bytes() == bytes(raw)


def test_corrupt_deflate_data_at_the_output_path_is_no_traceback(built):
    speech, target = built
    raw = bytearray(target.read_bytes())
    raw[200:400] = bytes(range(200))  # the directory intact, a part no longer inflates
    target.write_bytes(bytes(raw))
    result = build(speech, "--force")
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(target) as z:
        assert z.testzip() is None


def test_stale_temp_files_of_a_killed_build_are_removed(write_yaml):
    speech = write_yaml(MINIMAL)
    stale = speech.with_name(".speech.docx.k1ll3d.tmp")
    fresh = speech.with_name(".speech.docx.runn1n.tmp")  # another build, still writing
    other = speech.with_name(".notes.txt.k1ll3d.tmp")  # not this output's
    for path in (stale, fresh, other):
        path.write_bytes(b"half")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    assert build(speech).exit_code == 0
    assert not stale.exists() and fresh.exists() and other.exists()


def test_the_input_bound_is_checked_before_the_whole_file_is_read(tmp_path, monkeypatch):
    import tracemalloc

    from drafting.errors import DataError
    from drafting.source import yaml_loader

    monkeypatch.setattr(yaml_loader, "MAX_INPUT_BYTES", 1024 * 1024)
    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: takes no disk, reads as 200 MB
    tracemalloc.start()
    try:
        with pytest.raises(DataError, match="文件过大"):
            yaml_loader.load_speech(huge)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_force_never_replaces_a_folder(write_yaml):
    speech = write_yaml(MINIMAL)
    folder = speech.with_suffix(".docx")
    folder.mkdir()
    (folder / "其他.txt").write_text("留着", encoding="utf-8")
    result = build(speech, "--force")
    assert result.exit_code == 1 and "是一个文件夹，不能写成输出文件" in result.stderr
    assert (folder / "其他.txt").read_text(encoding="utf-8") == "留着"
    assert not list(speech.parent.glob("*备份*"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="命名管道只在 POSIX 系统上有")
def test_force_over_a_pipe_is_refused_without_waiting_on_it(write_yaml):
    import subprocess
    import sys

    speech = write_yaml(MINIMAL)
    pipe = speech.with_suffix(".docx")
    os.mkfifo(pipe)
    # backing the pipe up would block on open() until a writer came: bounded here by a timeout
    result = subprocess.run([sys.executable, "-m", "drafting", "build", str(speech), "--force"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "特殊文件" in result.stderr and "Traceback" not in result.stderr


def test_the_command_line_names_its_flags(built):
    speech, target = built
    target.write_bytes(b"PK not draft's")
    result = build(speech)
    assert result.exit_code == 1
    assert "请换一个输出文件名（-o），或加 --force 覆盖" in result.stderr and "备份1.docx" in result.stderr

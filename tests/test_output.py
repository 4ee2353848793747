"""Nothing the writer has is lost: atomic writes, refusal to overwrite an edited or
open .docx, numbered backups with --force, exclusive creation for init."""


import os
import docx
import pytest
from click.testing import CliRunner

from drafting.writers import safe_write as output
from drafting.cli import main
from drafting.errors import WriteError
from drafting.writers.safe_write import check_overwrite, keep_backup, owner_file, write_atomic, write_new

from .conftest import MINIMAL


def build(*args):
    return CliRunner().invoke(main, ["build", *map(str, args)], catch_exceptions=False)


@pytest.fixture
def built(write_yaml):
    """A speech YAML and the .docx draft built from it."""
    speech = write_yaml(MINIMAL)
    assert build(speech).exit_code == 0
    return speech, speech.with_suffix(".docx")


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ---------------------------------------------------------------- atomic writes


def test_rebuilding_an_untouched_docx_is_allowed(built):
    speech, target = built
    result = build(speech)
    assert result.exit_code == 0, result.stderr
    assert not list(target.parent.glob("*备份*"))


def test_failed_build_leaves_previous_output_byte_identical(built):
    speech, target = built
    before = target.read_bytes()
    speech.write_text(MINIMAL.replace("year: 2025", "year: 二〇二五"), encoding="utf-8")
    result = build(speech)
    assert result.exit_code == 1 and "speech.yaml:4" in result.stderr
    assert target.read_bytes() == before
    assert leftovers(target.parent) == []


def test_write_error_midway_leaves_previous_output_and_no_temp_file(built, monkeypatch):
    speech, target = built
    before = target.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", disk_full)
    speech.write_text(MINIMAL.replace("测试会议", "另一个会议"), encoding="utf-8")
    result = build(speech)
    assert result.exit_code == 1 and "磁盘空间不足" in result.stderr  # errno 28 said in Chinese
    assert target.read_bytes() == before
    assert leftovers(target.parent) == []


def test_failed_rename_leaves_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.os, "replace", refuse)
    with pytest.raises(WriteError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_interrupt_while_writing_leaves_no_temp_file(tmp_path, monkeypatch):
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "a.docx", b"x")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- fingerprint


def edit_in_word(path):
    word = docx.Document(path)
    word.add_paragraph("写稿人在 Word 里加的一段。")
    word.save(path)


def test_edited_docx_is_refused_and_kept(built):
    speech, target = built
    edit_in_word(target)
    edited = target.read_bytes()
    result = build(speech)
    assert result.exit_code == 1
    assert "生成后被修改过" in result.stderr and "--force" in result.stderr
    assert "speech.docx" in result.stderr
    assert target.read_bytes() == edited


def test_docx_not_made_by_draft_is_refused(write_yaml, tmp_path):
    speech = write_yaml(MINIMAL)
    other = docx.Document()
    other.add_paragraph("别人的文件")
    other.save(tmp_path / "speech.docx")
    result = build(speech)
    assert result.exit_code == 1 and "不是 draft 生成的文件" in result.stderr


def test_any_other_file_in_the_way_is_refused(write_yaml, tmp_path):
    speech = write_yaml(MINIMAL)
    (tmp_path / "speech.docx").write_text("不是 zip", encoding="utf-8")
    assert build(speech).exit_code == 1
    assert (tmp_path / "speech.docx").read_text(encoding="utf-8") == "不是 zip"


def test_output_over_the_input_yaml_is_refused_even_with_force(write_yaml):
    speech = write_yaml(MINIMAL)
    for fmt in ("docx", "txt"):
        result = build(speech, "-o", speech, "--format", fmt, "--force")
        assert result.exit_code == 1 and "同一个文件" in result.stderr
    assert speech.read_text(encoding="utf-8") == MINIMAL


@pytest.mark.parametrize(
    "name, owner",
    [
        ("讲话.docx", "~$讲话.docx"),  # short names: prefixed
        ("abcdefg.docx", "~$bcdefg.docx"),  # seven characters: one dropped
        ("OfficeReport.docx", "~$ficeReport.docx"),  # eight or more: two dropped
        ("讲话.docx", ".~lock.讲话.docx#"),  # LibreOffice
    ],
)
def test_owner_file_names(tmp_path, name, owner):
    (tmp_path / owner).write_bytes(b"")
    assert owner_file(tmp_path / name) == tmp_path / owner


def test_open_docx_is_refused(built):
    speech, target = built
    before = target.read_bytes()
    (target.parent / "~$speech.docx").write_bytes(b"\x07user")
    result = build(speech)
    assert result.exit_code == 1 and "正在 Word 或 WPS 中打开" in result.stderr
    assert "~$speech.docx" in result.stderr
    assert target.read_bytes() == before


def test_force_keeps_numbered_backups(built):
    speech, target = built
    edit_in_word(target)
    first_edit = target.read_bytes()
    result = build(speech, "--force")
    assert result.exit_code == 0, result.stderr
    assert "speech.备份1.docx" in result.stderr
    assert (target.parent / "speech.备份1.docx").read_bytes() == first_edit
    assert docx.Document(target).paragraphs[-1].text != "写稿人在 Word 里加的一段。"

    edit_in_word(target)
    second_edit = target.read_bytes()
    assert build(speech, "--force").exit_code == 0
    assert (target.parent / "speech.备份1.docx").read_bytes() == first_edit
    assert (target.parent / "speech.备份2.docx").read_bytes() == second_edit
    assert check_overwrite(target) is None  # the new file is draft's again


def test_force_overrides_an_owner_file_after_a_backup(built):
    speech, target = built
    before = target.read_bytes()
    (target.parent / "~$speech.docx").write_bytes(b"")
    assert build(speech, "--force").exit_code == 0
    assert (target.parent / "speech.备份1.docx").read_bytes() == before


def test_backup_never_replaces_an_existing_backup(tmp_path):
    target = tmp_path / "a.docx"
    target.write_bytes(b"now")
    (tmp_path / "a.备份1.docx").write_bytes(b"older")
    assert keep_backup(target) == tmp_path / "a.备份2.docx"
    assert (tmp_path / "a.备份1.docx").read_bytes() == b"older"


def test_check_is_callable_from_the_library(built):
    _, target = built
    assert check_overwrite(target) is None
    edit_in_word(target)
    assert isinstance(check_overwrite(target), WriteError)


# ---------------------------------------------------------------- init


def test_init_refuses_a_file_created_between_check_and_write(tmp_path, monkeypatch):
    target = tmp_path / "讲话.yaml"
    real_write_temp = output._write_temp

    def someone_else_saves_first(path, content):
        temp = real_write_temp(path, content)
        target.write_text("别人刚保存的内容", encoding="utf-8")
        return temp

    monkeypatch.setattr(output, "_write_temp", someone_else_saves_first)
    result = CliRunner().invoke(main, ["init", "half-year-speech", str(target)], catch_exceptions=False)
    assert result.exit_code == 1 and "已存在" in result.stderr
    assert target.read_text(encoding="utf-8") == "别人刚保存的内容"
    assert leftovers(tmp_path) == []


def test_write_new_without_hard_links_still_refuses_to_clobber(tmp_path, monkeypatch):
    def no_links(src, dst):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(output.os, "link", no_links)
    write_new(tmp_path / "a.yaml", b"one")
    with pytest.raises(WriteError):
        write_new(tmp_path / "a.yaml", b"two")
    assert (tmp_path / "a.yaml").read_bytes() == b"one"
    assert leftovers(tmp_path) == []


def test_template_error_leaves_previous_output_byte_identical(tmp_path):
    import shutil

    from drafting.packs.finder import builtin_root

    pack = tmp_path / "my-pack"
    shutil.copytree(builtin_root() / "half-year-speech", pack)
    speech = tmp_path / "speech.yaml"
    speech.write_text(MINIMAL.replace("pack: half-year-speech", "pack: ./my-pack"), encoding="utf-8")
    assert build(speech).exit_code == 0
    target = speech.with_suffix(".docx")
    before = target.read_bytes()
    template = pack / "template.xml.j2"
    template.write_text("{% set broken = meeting.year / 0 %}\n" + template.read_text(encoding="utf-8"), encoding="utf-8")
    result = build(speech)
    assert result.exit_code == 1 and "template.xml.j2:" in result.stderr
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_one_edited_copy_stops_the_whole_set(write_yaml, tmp_path):
    speech = write_yaml(MINIMAL)
    assert build(speech, "--copy", "all").exit_code == 0
    files = {name: (tmp_path / name).read_bytes() for name in ("speech.docx", "speech.阅读版.docx", "speech.提纲.docx")}
    edit_in_word(tmp_path / "speech.提纲.docx")
    edited = (tmp_path / "speech.提纲.docx").read_bytes()
    speech.write_text(MINIMAL.replace("正文一。", "正文改了。"), encoding="utf-8")
    result = build(speech, "--copy", "all")
    assert result.exit_code == 1 and "speech.提纲.docx" in result.stderr
    assert (tmp_path / "speech.docx").read_bytes() == files["speech.docx"]  # none written
    assert (tmp_path / "speech.阅读版.docx").read_bytes() == files["speech.阅读版.docx"]
    assert build(speech, "--copy", "all", "--force").exit_code == 0
    assert (tmp_path / "speech.提纲.备份1.docx").read_bytes() == edited
    assert not (tmp_path / "speech.备份1.docx").exists()  # untouched copies need no backup


def test_writes_work_where_os_has_no_fchmod(tmp_path, monkeypatch):
    """Python before 3.13 on Windows has no os.fchmod: a build must still write its file."""
    monkeypatch.delattr(os, "fchmod")
    target = tmp_path / "讲话.txt"
    output.write_atomic(target, b"abc")
    output.write_new(tmp_path / "new.txt", b"xyz")
    assert target.read_bytes() == b"abc" and (tmp_path / "new.txt").read_bytes() == b"xyz"

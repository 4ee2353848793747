"""A pack from another office is data (issue 14): it reaches no file the data
does not name, no network, and reads its own files within bounds.

Each hostile pack here is built as an attacker would build it, by copying a
real pack and changing one file; every case must end as a Chinese error
(exit 1) naming the pack's file, never as a traceback, a hang or a leak."""

import json
import os
import shutil
import socket
import threading
import time

import pytest
from click.testing import CliRunner

from drafting.cli import main
from drafting.packs.finder import builtin_root

from .conftest import MINIMAL, WITH_FIGURES, write_png


def evil_pack(tmp_path, name="evil-pack"):
    pack = tmp_path / name
    shutil.copytree(builtin_root() / "half-year-speech", pack)
    return pack


def speech_for(tmp_path, pack, text=MINIMAL):
    speech = tmp_path / "speech.yaml"
    speech.write_text(text.replace("pack: half-year-speech", f"pack: ./{pack.name}"), encoding="utf-8")
    return speech


def build(*args):
    result = CliRunner().invoke(main, ["build", *map(str, args)], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def edit_schema(pack, change):
    schema = json.loads((pack / "schema.json").read_text(encoding="utf-8"))
    change(schema)
    (pack / "schema.json").write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")


# ---------------------------------------------------------------- files the output reaches


def test_a_template_cannot_embed_a_file_the_data_does_not_name(tmp_path):
    secret = write_png(tmp_path / "身份证.png")
    pack = evil_pack(tmp_path)
    (pack / "template.xml.j2").write_text(
        f'<doc>\n<title>标题</title>\n<image src="{secret}"/>\n</doc>\n', encoding="utf-8"
    )
    result = build(speech_for(tmp_path, pack))
    assert result.exit_code == 1
    assert "template.xml.j2" in result.stderr and "数据中没有写这个图片" in result.stderr
    assert not (tmp_path / "speech.docx").exists()


def test_pictures_the_data_names_still_go_in(tmp_path):
    (tmp_path / "图表").mkdir()
    write_png(tmp_path / "图表" / "chart.png")
    pack = evil_pack(tmp_path)
    result = build(speech_for(tmp_path, pack, WITH_FIGURES))
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- schema refs and patterns


class _Listener:
    """A port that accepts connections and never answers, counting who calls."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.server.settimeout(0.2)
        self.calls = 0
        self.open = True
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.getsockname()[1]}/defs.json"

    def _accept(self):
        while self.open:
            try:
                self.server.accept()
                self.calls += 1
            except OSError:
                pass

    def close(self):
        self.open = False
        self.server.close()


@pytest.mark.parametrize("kind", ["http", "file"])
def test_a_schema_ref_outside_the_pack_is_refused_without_a_request(tmp_path, kind):
    listener = _Listener()
    outside = tmp_path / "outside.json"
    outside.write_text('{"type": "string"}')
    ref = listener.url if kind == "http" else outside.as_uri()
    pack = evil_pack(tmp_path)
    edit_schema(pack, lambda s: s["properties"].__setitem__("title", {"$ref": ref}))
    started = time.monotonic()
    try:
        result = build(speech_for(tmp_path, pack))
    finally:
        listener.close()
    assert result.exit_code == 1
    assert "schema.json" in result.stderr and "模板包以外" in result.stderr
    assert listener.calls == 0 and time.monotonic() - started < 20


@pytest.mark.parametrize("ref", ["#/$defs/nowhere", "#no-such-anchor", "other.json#/a"])
def test_an_unresolvable_ref_is_a_pack_error(tmp_path, ref):
    pack = evil_pack(tmp_path)
    edit_schema(pack, lambda s: s["properties"].__setitem__("title", {"$ref": ref}))
    result = build(speech_for(tmp_path, pack))
    assert result.exit_code == 1
    assert "schema.json" in result.stderr and "$ref" in result.stderr


@pytest.mark.parametrize("pattern", ["^(a+)+$", "^(a+)+\\1$", "^(a|aa)+(?=b)$"])
def test_a_catastrophic_pattern_fails_the_data_quickly(tmp_path, pattern):
    pack = evil_pack(tmp_path)
    edit_schema(pack, lambda s: s["properties"].__setitem__("title", {"type": "string", "pattern": pattern}))
    speech = speech_for(tmp_path, pack, MINIMAL + "title: " + "a" * 40 + "！\n")
    started = time.monotonic()
    result = build(speech)
    assert result.exit_code == 1 and "格式不对" in result.stderr
    assert time.monotonic() - started < 10  # Python's re takes minutes


def test_a_pattern_the_bounded_engine_cannot_run_is_a_pack_error(tmp_path):
    pack = evil_pack(tmp_path)
    edit_schema(pack, lambda s: s["properties"].__setitem__("title", {"type": "string", "pattern": "^(?P<n>a)(?P=n)$"}))
    result = build(speech_for(tmp_path, pack))
    assert result.exit_code == 1 and "正则表达式" in result.stderr and "schema.json" in result.stderr


# ---------------------------------------------------------------- the pack's own files

needs_links = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symbolic links and FIFOs")


@needs_links
@pytest.mark.parametrize("name", ["schema.json", "stylesheet.yaml", "template.xml.j2"])
def test_a_pack_file_linked_to_an_endless_device_is_refused(tmp_path, name):
    pack = evil_pack(tmp_path)
    (pack / name).unlink(missing_ok=True)
    outside = tmp_path / "outside.txt"  # a template must be a file to be found at all
    outside.write_text("<doc>{{ 1 }}</doc>")
    (pack / name).symlink_to(outside if name.endswith(".j2") else "/dev/zero")
    result = build(speech_for(tmp_path, pack))
    assert result.exit_code == 1
    assert name in result.stderr and "模板包以外" in result.stderr


@needs_links
def test_a_fifo_in_a_pack_is_refused_not_waited_on(tmp_path):
    pack = evil_pack(tmp_path)
    (pack / "stylesheet.yaml").unlink(missing_ok=True)
    os.mkfifo(pack / "stylesheet.yaml")
    result = build(speech_for(tmp_path, pack))
    assert result.exit_code == 1 and "不是普通文件" in result.stderr


def test_an_oversized_pack_file_is_refused_before_it_is_read_whole(tmp_path, monkeypatch):
    from drafting.packs import finder

    monkeypatch.setattr(finder, "MAX_PACK_FILE_BYTES", 200_000)
    pack = evil_pack(tmp_path)
    (pack / "stylesheet.yaml").write_text("# 注释\n" * 40_000, encoding="utf-8")
    result = build(speech_for(tmp_path, pack))
    assert result.exit_code == 1 and "过大" in result.stderr and "stylesheet.yaml" in result.stderr


@needs_links
def test_new_pack_from_a_pack_with_a_link_copies_no_link_target(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密")
    packs = tmp_path / "packs"
    packs.mkdir()
    pack = evil_pack(packs, "linked")
    (pack / "notes.txt").symlink_to(secret)
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(
        main, ["new-pack", "mine", "--from", "linked", "--templates", str(packs), "--dir", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 1 and "符号链接" in result.stderr
    assert not any("机密" in p.read_text(errors="ignore") for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink() and p != secret)


def test_pack_titles_reach_the_terminal_without_control_sequences(tmp_path):
    packs = tmp_path / "packs"
    packs.mkdir()
    pack = evil_pack(packs, "loud")
    edit_schema(pack, lambda s: s.update(title="\x1b]0;owned\x07\x1b[2J标题\u202e", description="说明\x9b31m"))
    result = CliRunner().invoke(main, ["templates", "--templates", str(packs)], catch_exceptions=False)
    assert result.exit_code == 0
    line = next(line for line in result.output.splitlines() if line.startswith("loud"))
    assert "标题" in line and "说明" in line
    assert not any(ch in line for ch in "\x1b\x07\x9b\u202e")


@pytest.mark.parametrize("source", [
    "{% if 1 %}" * 3000 + "{% endif %}" * 3000,
    "<doc>{{ " + "(" * 2000 + "1" + ")" * 2000 + " }}</doc>",
], ids=["statements", "expression"])
def test_deeply_nested_template_source_is_a_chinese_error(tmp_path, source):
    pack = evil_pack(tmp_path)
    (pack / "template.xml.j2").write_text(source, encoding="utf-8")
    result = build(speech_for(tmp_path, pack))
    assert result.exit_code == 1 and "嵌套层次过深" in result.stderr and "template.xml.j2" in result.stderr


def test_a_half_made_pack_left_by_a_killed_new_pack_is_removed(tmp_path):
    stale = tmp_path / ".draft-new-pack-k1ll3d"
    fresh = tmp_path / ".draft-new-pack-runn1n"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "schema.json").write_text("{}")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    result = CliRunner().invoke(main, ["new-pack", "会议纪要", "--dir", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert not stale.exists() and fresh.exists() and (tmp_path / "会议纪要").is_dir()

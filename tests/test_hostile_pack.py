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


def test_a_catastrophic_pattern_fails_the_data_quickly(tmp_path):
    pack = evil_pack(tmp_path)
    edit_schema(pack, lambda s: s["properties"].__setitem__("title", {"type": "string", "pattern": "^(a+)+$"}))
    speech = speech_for(tmp_path, pack, MINIMAL + "title: " + "a" * 40 + "！\n")
    started = time.monotonic()
    result = build(speech)
    assert result.exit_code == 1 and "格式不对" in result.stderr
    assert time.monotonic() - started < 10  # Python's re takes minutes


def test_a_pattern_the_bounded_engine_cannot_run_is_a_pack_error(tmp_path):
    pack = evil_pack(tmp_path)
    edit_schema(pack, lambda s: s["properties"].__setitem__("title", {"type": "string", "pattern": "^(a)\\1$"}))
    result = build(speech_for(tmp_path, pack))
    assert result.exit_code == 1 and "正则表达式" in result.stderr and "schema.json" in result.stderr

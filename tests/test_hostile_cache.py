"""The cache folder is not trusted (issue 14): an entry this user's draft did
not write — a crafted compiled template above all — is never used, a damaged
one is made again silently, and the folder stays within its bound."""

import os

import pytest
from click.testing import CliRunner

from drafting import cache
from drafting.cli import main

from .conftest import MINIMAL


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRAFT_CACHE_DIR", str(folder))
    return folder


def build(speech):
    result = CliRunner().invoke(main, ["build", str(speech)], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def test_an_entry_reads_back_as_written(fresh_cache):
    cache.write("kind", "name", b"content")
    assert cache.read("kind", "name") == b"content"


@pytest.mark.parametrize("damage", ["flip", "truncate", "foreign"])
def test_a_damaged_or_foreign_entry_is_not_used_and_is_removed(fresh_cache, damage):
    cache.write("kind", "name", b"content " * 100)
    path = fresh_cache / "kind" / "name"
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[-10] ^= 1
    elif damage == "truncate":
        data = data[:20]
    else:  # written by someone without this user's key: the plain content
        data = bytearray(b"content " * 100)
    path.write_bytes(bytes(data))
    assert cache.read("kind", "name") is None
    assert not path.exists()


def test_a_crafted_compiled_template_in_the_cache_is_never_run(fresh_cache, write_yaml, tmp_path):
    speech = write_yaml(MINIMAL)
    assert build(speech).exit_code == 0
    compiled = list((fresh_cache / "jinja").iterdir())
    assert compiled
    marker = tmp_path / "pwned"
    import io
    import marshal
    import pickle

    from jinja2.bccache import bc_magic

    code = compile(f"open({str(marker)!r}, 'w').write('x')", "<evil>", "exec")
    for entry in compiled:
        real = entry.read_bytes()
        stream = io.BytesIO(real[cache._SEAL:])
        assert stream.read(len(bc_magic)) == bc_magic
        checksum = pickle.load(stream)  # what Jinja checks against the template's source
        # the seal kept, the code swapped: the best an attacker without the key can do
        entry.write_bytes(real[: cache._SEAL] + bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(code))
    os.remove(speech.with_suffix(".docx"))
    assert build(speech).exit_code == 0
    assert not marker.exists()


def test_a_flipped_byte_in_the_cached_base_package_is_rebuilt_not_shipped(fresh_cache, write_yaml):
    import docx

    import drafting.writers.docx.base as base

    base._MADE.clear()  # made in this test, so it goes to this cache folder
    speech = write_yaml(MINIMAL)
    assert build(speech).exit_code == 0
    good = speech.with_suffix(".docx").read_bytes()
    for entry in (fresh_cache / "docx-base").iterdir():
        data = bytearray(entry.read_bytes())
        data[len(data) // 2] ^= 0xFF
        entry.write_bytes(bytes(data))
    os.remove(speech.with_suffix(".docx"))
    base._MADE.clear()  # a new process would not have it in memory
    assert build(speech).exit_code == 0
    assert speech.with_suffix(".docx").read_bytes() == good  # builds are reproducible: the same bytes
    assert docx.Document(str(speech.with_suffix(".docx"))).paragraphs[0].text == "在2025年测试会议上的讲话"


def test_the_folder_is_bounded_and_evicts_the_oldest(fresh_cache):
    for n in range(10):
        cache.write("kind", f"e{n}", b"x" * 10_000)
        os.utime(fresh_cache / "kind" / f"e{n}", (1000 + n, 1000 + n))
    cache.evict(fresh_cache, limit=60_000)
    left = sorted(p.name for p in (fresh_cache / "kind").iterdir())
    assert "e9" in left and "e0" not in left
    assert sum(max(p.stat().st_size, 4096) for p in (fresh_cache / "kind").iterdir()) <= 60_000


def _folder_bytes(folder):
    return sum(max(p.stat().st_size, 4096) for p in folder.rglob("*") if p.is_file())


def test_writes_keep_the_folder_bounded_without_looking_through_it_each_time(fresh_cache, monkeypatch):
    """Eviction looks through the folder now and then, not on every write (a scan
    costs more than the write); the folder still stays near its bound."""
    limit, entry, writes = 200_000, 8_000, 320
    monkeypatch.setattr(cache, "MAX_BYTES", limit)
    looks = []
    real = cache.evict
    monkeypatch.setattr(cache, "evict", lambda folder, limit=None: looks.append(1) or real(folder, limit))
    for n in range(writes):
        cache.write("kind", cache.digest(f"entry {n}"), b"x" * entry)
    assert 0 < len(looks) <= writes // 4  # was a look at every one of the 320 writes
    # never more than the bound plus what was written since the last look
    assert _folder_bytes(fresh_cache) <= limit + 64 * (entry + 4096)  # 320 entries unevicted: 3.8 MB


def test_a_big_entry_is_followed_by_a_look_at_once(fresh_cache, monkeypatch):
    looks = []
    real = cache.evict
    monkeypatch.setattr(cache, "evict", lambda folder, limit=None: looks.append(1) or real(folder, limit))
    for n in range(3):
        cache.write("kind", f"big{n}", b"x" * (cache.BIG_ENTRY + 1))
    assert len(looks) == 3

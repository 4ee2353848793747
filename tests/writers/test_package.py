"""The same YAML and pack give a byte-identical .docx; SOURCE_DATE_EPOCH sets its
dates; the package carries a fingerprint of what draft wrote."""

import io
import zipfile

import docx
import pytest

from drafting.workflow.build import Builder, render_docx
from drafting.writers.docx.package import CUSTOM_PART, read_fingerprint

from ..conftest import MINIMAL, SEED_YAML


@pytest.fixture(scope="module")
def seed_draft():
    return Builder().draft(SEED_YAML)


def test_two_builds_are_byte_identical(seed_draft, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = render_docx(seed_draft)
    again = render_docx(Builder().draft(SEED_YAML))  # a fresh builder, a fresh pack load
    assert first == again


def test_entries_have_fixed_times_order_and_attributes(seed_draft, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with zipfile.ZipFile(io.BytesIO(render_docx(seed_draft))) as package:
        infos = package.infolist()
    assert [i.filename for i in infos[:2]] == ["[Content_Types].xml", "_rels/.rels"]
    assert [i.filename for i in infos[2:]] == sorted(i.filename for i in infos[2:])
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {(i.create_system, i.external_attr) for i in infos} == {(3, 0o644 << 16)}


def test_core_properties_are_fixed(seed_draft, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    props = docx.Document(io.BytesIO(render_docx(seed_draft))).core_properties
    assert props.created == props.modified
    assert props.created.year == 1980 and props.revision == 1


def test_source_date_epoch_sets_the_stamps(seed_draft, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    plain = render_docx(seed_draft)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1752537600")  # 2025-07-15 00:00 UTC
    stamped = render_docx(seed_draft)
    assert stamped != plain and stamped == render_docx(seed_draft)
    props = docx.Document(io.BytesIO(stamped)).core_properties
    assert (props.created.year, props.created.month, props.created.day) == (2025, 7, 15)
    assert props.modified == props.created
    with zipfile.ZipFile(io.BytesIO(stamped)) as package:
        assert {i.date_time for i in package.infolist()} == {(2025, 7, 15, 0, 0, 0)}


def test_unusable_source_date_epoch_is_ignored(seed_draft, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    plain = render_docx(seed_draft)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "下周一")
    assert render_docx(seed_draft) == plain


def test_fingerprint_matches_what_was_written_and_not_an_edit(seed_draft, tmp_path):
    blob = render_docx(seed_draft)
    assert read_fingerprint(blob).unchanged
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        assert b"draft-fingerprint" in package.read(CUSTOM_PART)
    path = tmp_path / "a.docx"
    path.write_bytes(blob)
    word = docx.Document(path)
    word.paragraphs[5].runs[0].text += "。"
    word.save(path)
    edited = read_fingerprint(path.read_bytes())
    assert edited.recorded is not None and not edited.unchanged  # Word keeps the property


def test_fingerprint_of_something_else(tmp_path):
    assert read_fingerprint(b"not a zip") == read_fingerprint(b"")
    assert not read_fingerprint(b"not a zip").unchanged
    plain = io.BytesIO()
    docx.Document().save(plain)
    assert read_fingerprint(plain.getvalue()).recorded is None


def test_python_docx_does_not_stamp_the_time(seed_draft, monkeypatch):
    """python-docx stamps datetime.now() only when a package lacks core
    properties; ours has them, and we fix their dates. Guard against a change."""
    import datetime as dt

    class Later(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2031, 1, 1, tzinfo=tz)

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = render_docx(seed_draft)
    monkeypatch.setattr(dt, "datetime", Later)
    assert render_docx(seed_draft) == before


def test_very_long_title_still_builds(write_yaml):
    """Found by the property tests: python-docx refuses core properties over 255
    characters, and a long meeting name made a traceback."""
    from ..conftest import MINIMAL

    draft = Builder().draft(write_yaml(MINIMAL.replace("测试会议", "长" * 1000)))
    word = docx.Document(io.BytesIO(render_docx(draft)))
    assert word.paragraphs[0].text.count("长") == 1000  # the body keeps every character
    assert len(word.core_properties.title) == 255


def test_document_dates_are_the_speech_date_unless_source_date_epoch(write_yaml, monkeypatch):
    """Word's 属性 shows the day of the speech, not 1980; still the same bytes every time."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    def core(path):
        return docx.Document(io.BytesIO(render_docx(Builder().draft(path)))).core_properties

    dated = write_yaml(MINIMAL.replace("parts:", "date: 2025-07-15\nparts:"))
    assert core(dated).created.date().isoformat() == core(dated).modified.date().isoformat() == "2025-07-15"
    assert core(write_yaml(MINIMAL, "undated.yaml")).created.year == 1980
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 wins over the speech's date
    assert core(dated).created.date().isoformat() == "2023-11-14"


def test_a_file_fingerprinted_the_older_way_is_still_recognised(seed_draft):
    """Files draft wrote before the fingerprint hashed part by part carry one
    hash over every part's content in turn; they are not taken for edited ones."""
    import hashlib

    with zipfile.ZipFile(io.BytesIO(render_docx(seed_draft))) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    digest = hashlib.sha256()
    for name in sorted(n for n in parts if n != CUSTOM_PART):
        digest.update(f"{name}\0{len(parts[name])}\0".encode() + parts[name])
    old = "sha256:" + digest.hexdigest()
    parts[CUSTOM_PART] = parts[CUSTOM_PART].replace(read_fingerprint(render_docx(seed_draft)).recorded.encode(), old.encode())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, content in parts.items():
            package.writestr(name, content)
    assert read_fingerprint(out.getvalue()).recorded == old
    assert read_fingerprint(out.getvalue()).unchanged
    parts["word/document.xml"] += b" "
    edited = io.BytesIO()
    with zipfile.ZipFile(edited, "w") as package:
        for name, content in parts.items():
            package.writestr(name, content)
    assert not read_fingerprint(edited.getvalue()).unchanged

"""Where the year of an old speech comes from when its text names none: the
Word file's own creation date, never today's (issue 11); a damaged or missing
date is no date."""

import datetime
import io
import re
import zipfile

import docx
import pytest

from drafting.readers.docx import read_docx
from drafting.workflow.extract import extract

TEXT = ["在全区经济工作会议上的讲话", "同志们：", "今天召开会议，主要任务是总结上半年工作。我讲两点意见。",
        "一、总结上半年工作", "上半年，全区经济稳中向好。", "二、部署下半年工作", "下半年要抓好项目建设。"]


def _docx(created=None, core_xml=None, without_core=False) -> bytes:
    word = docx.Document()
    for line in TEXT:
        word.add_paragraph(line)
    if created is not None:
        word.core_properties.created = created
        word.core_properties.modified = created
    buffer = io.BytesIO()
    word.save(buffer)
    if core_xml is None and not without_core:
        return buffer.getvalue()
    source, out = zipfile.ZipFile(buffer), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                if without_core:
                    continue
                data = core_xml
            if item.filename == "_rels/.rels" and without_core:
                data = re.sub(rb"<Relationship [^>]*core-properties[^>]*/>", b"", data)
            target.writestr(item, data)
    return out.getvalue()


def _year(raw: bytes) -> tuple[int, list[str]]:
    result = extract(read_docx(raw, "旧讲话.docx"), "旧讲话.docx", "half-year-speech")
    return result.data["meeting"]["year"], result.notes[("meeting",)]


def test_a_text_without_a_year_takes_the_year_the_file_was_written():
    year, notes = _year(_docx(created=datetime.datetime(2021, 7, 8, 9, 30)))
    assert year == 2021
    assert any("Word 文件的创建日期（2021-07-08）" in note for note in notes)


def test_a_year_in_the_text_wins_over_the_files_date():
    TEXT[0] = "在2023年全区经济工作会议上的讲话"
    try:
        year, _ = _year(_docx(created=datetime.datetime(2021, 7, 8)))
    finally:
        TEXT[0] = "在全区经济工作会议上的讲话"
    assert year == 2023


_CORE = ('<?xml version="1.0"?><cp:coreProperties '
         'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
         '<dcterms:created xsi:type="dcterms:W3CDTF">{}</dcterms:created></cp:coreProperties>')


@pytest.mark.parametrize("broken", [
    _CORE.format("昨天").encode("utf-8"),
    _CORE.format("0001-01-01T00:00:00Z").encode("utf-8"),
], ids=["not-a-date", "year-1"])
def test_a_damaged_date_is_no_date(broken):
    year, notes = _year(_docx(core_xml=broken))
    assert year == "X"  # never today's year: the placeholder the build flags
    assert any("原稿未写年份，请填写" in note for note in notes)


def test_a_file_without_properties_is_not_dated_today_by_python_docx():
    """python-docx makes up core properties dated now for a file that has none:
    that "now" would pass for the file's own date."""
    document = read_docx(_docx(without_core=True), "旧讲话.docx")
    assert document.meta.date == ""

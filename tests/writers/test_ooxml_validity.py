"""Every pack, every copy, with and without an office's reference document,
passes an OOXML validator (openxml-audit: schema plus the consistency checks
behind Word's "unreadable content" repair prompt)."""

import io

import docx
import pytest
from openxml_audit import OpenXmlValidator

from drafting.workflow.build import Builder, render_docx

from ..conftest import ROOT

PACKS = ("half-year-speech", "year-end-speech", "half-year-report")
COPIES = ("file", "reading", "outline")


@pytest.fixture(scope="module")
def plain_word_reference(tmp_path_factory):
    """An ordinary Word file: python-docx's default document (it has stylesWithEffects.xml)."""
    path = tmp_path_factory.mktemp("reference") / "本单位模板.docx"
    docx.Document().save(str(path))
    return path


@pytest.fixture(scope="module")
def drafts():
    return {pack: Builder().draft(ROOT / "templates" / pack / "example.yaml") for pack in PACKS}


@pytest.mark.parametrize("with_reference", [False, True], ids=["own-styles", "reference-doc"])
@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("pack", PACKS)
def test_output_passes_the_ooxml_validator(tmp_path, drafts, plain_word_reference, pack, copy, with_reference):
    reference = plain_word_reference if with_reference else None
    path = tmp_path / f"{pack}.{copy}.docx"
    path.write_bytes(render_docx(drafts[pack], reference, copy))
    result = OpenXmlValidator().validate(str(path))
    assert result.is_valid, [str(e) for e in result.errors[:10]]


def test_reference_without_styles_with_effects_keeps_the_part_out(tmp_path, drafts, plain_word_reference):
    import zipfile

    blob = render_docx(drafts["half-year-speech"], plain_word_reference)
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        assert "word/stylesWithEffects.xml" not in z.namelist()
        assert b"stylesWithEffects" not in z.read("word/_rels/document.xml.rels")

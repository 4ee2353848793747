"""The one emitter of the XML draft writes for each speech: WordprocessingML text.

Everything that differs from one speech to the next (paragraphs, runs, pinyin
guides, tables, pictures, document properties, the fingerprint, the picture
relationships) is written here as text, escaped as lxml escapes it, and never
parsed again. Text rather than elements: a book-length speech has hundreds of
thousands of runs, and building, holding and serialising a tree of them costs
several times the text itself. What is the same for every speech of one style
sheet (styles, page set-up, footers) is made once by python-docx
(``empty_package.py``) and kept deflated (``base.py``).
"""

from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
CUSTOM_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4
EMU_PER_TWIP = 635
ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both", "both": "both"}
XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

_TEXT_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
)


def twips_mm(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def text(value: str) -> str:
    """Character data escaped as lxml escapes it. Characters XML cannot hold never
    get here: the model's text was parsed by lxml (markup.py) from data that
    schema.py checked, so it is not checked again, character by character."""
    for char, escape in _TEXT_ESCAPES:
        if char in value:  # usually not: a test is much cheaper than a replace
            value = value.replace(char, escape)
    return value


def attribute(value: object) -> str:
    return str(value).translate(_ATTRIBUTE_ESCAPES)


def element(tag: str, **attributes: object) -> str:
    """An empty element with ``w:`` attributes, e.g. ``element("w:jc", val="center")``."""
    if not attributes:
        return f"<{tag}/>"
    spelled = " ".join(f'w:{name}="{attribute(value)}"' for name, value in attributes.items())
    return f"<{tag} {spelled}/>"


def run_text(value: str) -> str:
    return f'<w:t xml:space="preserve">{text(value)}</w:t>'


# ---------------------------------------------------------------- package parts

_CORE_OPEN = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
)


def core_properties(title: str, subject: str, author: str, keywords: str, stamp: str) -> bytes:
    """docProps/core.xml: what Word shows under 文件 → 属性, dated ``stamp``
    (created = modified, revision 1: Word counts its own saves)."""
    dated = f'xsi:type="dcterms:W3CDTF">{text(stamp)}'
    return (
        XML_DECLARATION + _CORE_OPEN
        + _optional("dc:title", title) + _optional("dc:subject", subject) + _optional("dc:creator", author)
        + _optional("cp:keywords", keywords) + "<dc:description/><cp:lastModifiedBy>draft</cp:lastModifiedBy>"
        + "<cp:revision>1</cp:revision>"
        + f"<dcterms:created {dated}</dcterms:created><dcterms:modified {dated}</dcterms:modified>"
        + "<cp:category/></cp:coreProperties>"
    ).encode("utf-8")


def _optional(tag: str, value: str) -> str:
    return f"<{tag}>{text(value)}</{tag}>" if value else f"<{tag}/>"


_PROPERTY_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # user-defined properties


def custom_properties(name: str, value: str) -> bytes:
    """docProps/custom.xml with one text property (Word and WPS keep it when they save)."""
    return (
        XML_DECLARATION
        + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f'<property fmtid="{_PROPERTY_FMTID}" pid="2" name="{attribute(name)}">'
        f"<vt:lpwstr>{text(value)}</vt:lpwstr></property></Properties>"
    ).encode("utf-8")


def relationship(rel_id: str, rel_type: str, target: str) -> str:
    return f'<Relationship Id="{attribute(rel_id)}" Type="{attribute(rel_type)}" Target="{attribute(target)}"/>'


def default_content_type(extension: str, content_type: str) -> str:
    return f'<Default Extension="{attribute(extension)}" ContentType="{attribute(content_type)}"/>'

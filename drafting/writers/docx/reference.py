"""Start from an office's own Word file, as pandoc's ``--reference-doc`` does.

The reference keeps its styles, page set-up (last section), headers, footers,
theme and settings; only its body text is removed. The writer then adds only
the styles the reference lacks by name.

A reference file comes from elsewhere and is copied into every speech, so it is
reduced on the way in (``_reduce``) to what draft takes from it: styles, page
set-up, headers and footers of text, page-number fields and pictures. Links to
anything outside the file (an attached template, OLE links, hyperlinks, linked
pictures), every other field (DDEAUTO, INCLUDETEXT, INCLUDEPICTURE…), macros,
customXml and the author's metadata are dropped; the zip itself is checked
first (``drafting.safe_zip``).
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from lxml import etree

from drafting.errors import DataError, Location, os_reason
from drafting.safe_zip import checked_zip

MAX_REFERENCE_BYTES = 64 * 1024 * 1024
_WHAT = "参考文档"

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_OFFICE_DOCUMENT, _SETTINGS = _RT + "officeDocument", _RT + "settings"
_STORIES = {_RT + "header", _RT + "footer", _RT + "footnotes", _RT + "endnotes"}  # settings name the note separators
_KEPT_FROM_DOCUMENT = _STORIES | {
    _RT + t for t in ("styles", "numbering", "settings", "fontTable", "webSettings", "theme")
} | {"http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}
_KEPT_FROM_STORIES = {_RT + "image"}  # headers, footers and notes may hold pictures
_PAGE_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES"}

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SETTINGS_DROPPED = ("attachedTemplate", "mailMerge", "docVars", "attachedSchema", "saveThroughXslt", "linkStyles")
_CONTAINERS = {f"{{{_W}}}{t}" for t in ("drawing", "pict", "object")}


def read_reference(path: Path) -> bytes:
    """The reference file's bytes: a regular file within a size bound."""
    where = Location(str(path))
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise DataError(f"{_WHAT}不是普通文件", where)
        if info.st_size > MAX_REFERENCE_BYTES:
            raise DataError(f"{_WHAT}过大（上限 {MAX_REFERENCE_BYTES // (1024 * 1024)} MB）", where)
        with open(path, "rb") as handle:
            raw = handle.read(MAX_REFERENCE_BYTES + 1)
    except OSError as e:
        raise DataError(f"{_WHAT}无法读取：{os_reason(e)}", where) from None
    if len(raw) > MAX_REFERENCE_BYTES:
        raise DataError(f"{_WHAT}过大（上限 {MAX_REFERENCE_BYTES // (1024 * 1024)} MB）", where)
    return raw


def open_reference(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    raw = read_reference(path)
    checked_zip(raw, str(path), _WHAT)
    try:
        word = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError, AttributeError, TypeError):
        raise DataError(
            "参考文档不是可读取的 Word 文件（.docx）；请在 Word 或 WPS 中另存为 .docx 后再试",
            Location(str(path)),
        ) from None
    body = word.element.body
    section = body.get_or_add_sectPr()
    for child in list(body):
        if child is not section:
            body.remove(child)
    _reduce(word)
    return word


def _reduce(word) -> None:
    """Keep only what draft takes from a reference file (see the module's docstring)."""
    package = word.part.package
    for rel in list(package.rels.values()):
        if rel.reltype != _OFFICE_DOCUMENT:  # core, app and custom properties: the author's
            del package.rels[rel.rId]
    _prune(word.part, _KEPT_FROM_DOCUMENT)
    _drop_dangling(word.part)
    for rel in list(word.part.rels.values()):
        part = rel.target_part
        _prune(part, _KEPT_FROM_STORIES if rel.reltype in _STORIES else set())
        element = getattr(part, "_element", None)
        if element is None:
            continue
        if rel.reltype in _STORIES:
            _drop_fields(element)
        elif rel.reltype == _SETTINGS:
            for name in _SETTINGS_DROPPED:
                for found in element.findall(f"{{{_W}}}{name}"):
                    element.remove(found)
        _drop_dangling(part)


def _prune(part, kept: set[str]) -> None:
    for rel in list(part.rels.values()):
        if rel.is_external or rel.reltype not in kept:
            del part.rels[rel.rId]


def _drop_dangling(part) -> None:
    """Elements that point at a relationship just dropped go too: a hyperlink
    keeps its text, a picture or object goes whole."""
    element = getattr(part, "_element", None)
    if element is None:
        return
    known = set(part.rels)
    for node in list(element.iter()):
        if not isinstance(node.tag, str):
            continue
        if any(name.startswith(f"{{{_R}}}") and value not in known for name, value in node.attrib.items()):
            _remove(_container(node), unwrap=node.tag == f"{{{_W}}}hyperlink")
    for binding in element.iter(f"{{{_W}}}dataBinding"):  # content bound to customXml
        binding.getparent().remove(binding)


def _container(node):
    found = node
    while found is not None and found.tag not in _CONTAINERS:
        found = found.getparent()
    return node if found is None else found


def _remove(node, unwrap: bool = False) -> None:
    parent = node.getparent()
    if parent is None:
        return
    if unwrap:
        for child in list(node):
            node.addprevious(child)
    parent.remove(node)


def _drop_fields(story) -> None:
    """Every field but page numbering goes, with its result: a DDEAUTO or
    INCLUDETEXT would reach outside the file when the document is opened."""
    for simple in list(story.iter(f"{{{_W}}}fldSimple")):
        if not _is_page_field(simple.get(f"{{{_W}}}instr", "")):
            _remove(simple)
    open_fields: list[dict] = []
    doomed = []
    for run in list(story.iter(f"{{{_W}}}r")):
        char = run.find(f"{{{_W}}}fldChar")
        kind = char.get(f"{{{_W}}}fldCharType") if char is not None else None
        if kind == "begin":
            open_fields.append({"runs": [], "instr": ""})
        for field in open_fields:
            field["runs"].append(run)
        if open_fields:
            open_fields[-1]["instr"] += "".join(t.text or "" for t in run.iter(f"{{{_W}}}instrText"))
        if kind == "end" and open_fields:
            field = open_fields.pop()
            if not _is_page_field(field["instr"]):
                doomed += field["runs"]
    for run in dict.fromkeys(doomed + [r for f in open_fields for r in f["runs"]]):  # an unclosed field too
        _remove(run)


def _is_page_field(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() in _PAGE_FIELDS

"""Start from an office's own Word file, as pandoc's ``--reference-doc`` does.

The reference keeps its styles, page set-up (last section), headers, footers,
theme and settings; only its body text is removed. The writer then adds only
the styles the reference lacks by name.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from drafting.errors import DataError, Location, os_reason


def open_reference(path: Path):
    try:
        word = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        raise DataError(
            "参考文档不是可读取的 Word 文件（.docx）；请在 Word 或 WPS 中另存为 .docx 后再试",
            Location(str(path)),
        ) from None
    except OSError as e:
        raise DataError(f"参考文档无法读取：{os_reason(e)}", Location(str(path))) from None
    body = word.element.body
    section = body.get_or_add_sectPr()
    for child in list(body):
        if child is not section:
            body.remove(child)
    return word

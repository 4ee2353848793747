"""Pictures in Word: centred, inline with the text, caption below; each file is
a part of the package (``word/media/``) that the body refers to by relationship.

The path is absolute and was checked when the data was validated; a file that
vanished or that Word cannot hold since then is a WriteError, not a traceback.
Pictures are placed before the body is written, so the parts and relationships
a speech adds are known from the start, not collected while writing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Mapping

from drafting.errors import Location, WriteError, os_reason
from drafting.model.document import BlockRole
from drafting.writers.docx import wordml

_EMU_PER_MM = 36000
_NAMESPACES = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
    f' xmlns:r="{wordml.R}"'
)


@dataclass(frozen=True, slots=True)
class Media:
    """One picture file as a package part."""

    part: str  # zip entry name, word/media/image1.png
    blob: bytes
    extension: str
    content_type: str
    rel_id: str


@dataclass(frozen=True, slots=True)
class Picture:
    """One placement of a picture: a file used twice is one part, two shapes."""

    media: Media
    shape_id: int  # unique in the document (wp:docPr id)
    name: str  # the file's own name, shown in Word's 选择窗格
    cx: int  # EMU
    cy: int


def place_pictures(blocks: list, sheet) -> dict[int, Picture]:
    """Every picture of ``blocks`` by block index; a file used twice is one part."""
    pictures: dict[int, Picture] = {}
    media: dict[str, Media] = {}
    for i, block in enumerate(blocks):
        if block.role is BlockRole.IMAGE:
            pictures[i] = _picture(block, sheet, media, len(pictures) + 1)
    return pictures


def media_parts(pictures: Mapping[int, Picture]) -> list[Media]:
    return list({picture.media.part: picture.media for picture in pictures.values()}.values())


def _picture(block, sheet, media: dict[str, Media], shape_id: int) -> Picture:
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image as ImageFile

    try:
        image = ImageFile.from_file(block.path)
    except OSError as e:
        raise WriteError(f"无法插入图片：{os_reason(e)}", Location(block.path)) from None
    except (UnrecognizedImageError, ValueError, IndexError):
        raise WriteError(
            "无法插入图片：不是能识别的图片（PNG、JPEG、GIF、BMP 或 TIFF）；请另存为 PNG 后再试",
            Location(block.path),
        ) from None
    found = media.get(image.sha1)
    if found is None:
        number = len(media) + 1
        found = Media(f"word/media/image{number}.{image.ext}", image.blob, image.ext, image.content_type,
                      f"rIdPicture{number}")
        media[image.sha1] = found
    width_mm = block.width_mm or sheet.image["width_mm"]
    cx = min(int(width_mm * _EMU_PER_MM), wordml.twips_mm(sheet.text_width_mm) * wordml.EMU_PER_TWIP)
    cy = round(image.height * cx / image.width)
    return Picture(found, shape_id, PurePath(block.path).name, cx, cy)


def picture_paragraph(paragraph_open: str, picture: Picture) -> str:
    """A paragraph holding the picture inline, as Word writes one (ISO/IEC 29500-1 §20.4)."""
    size = f'cx="{picture.cx}" cy="{picture.cy}"'
    name = wordml.attribute(picture.name)
    return (
        f'{paragraph_open}</w:pPr><w:r><w:drawing><wp:inline {_NAMESPACES} distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent {size}/><wp:docPr id="{picture.shape_id}" name="图片 {picture.shape_id}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{picture.media.rel_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext {size}/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )

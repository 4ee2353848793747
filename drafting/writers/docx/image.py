"""Pictures in Word: centred, inline with the text, caption below.

The path is absolute and was checked when the data was validated; a file that
vanished or that Word cannot hold since then is a WriteError, not a traceback.
"""

from __future__ import annotations

from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Emu, Mm
from lxml import etree

from drafting.errors import Location, WriteError
from drafting.model.document import Image
from drafting.writers.docx.figures import ensure_style, paragraph, text_width_twips, w

_EMU_PER_TWIP = 635


def image_elements(word, image: Image, sheet) -> list:
    spec = sheet.image
    picture_style = ensure_style(word, spec["picture"])
    width = Mm(image.width_mm or spec["width_mm"])
    width = Emu(min(width, text_width_twips(sheet) * _EMU_PER_TWIP))
    try:
        inline = word.part.new_pic_inline(image.path, width=width)
    except (OSError, UnrecognizedImageError) as e:
        raise WriteError(f"无法插入图片：{e}", Location(image.path)) from None
    p = paragraph(picture_style)
    run = etree.SubElement(p, w("r"))
    etree.SubElement(run, w("drawing")).append(inline)
    out = [p]
    if image.caption:
        out.append(paragraph(ensure_style(word, spec["caption"]), image.caption))
    return out

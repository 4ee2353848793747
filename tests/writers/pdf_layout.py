"""Lines of a LibreOffice PDF as pdftotext -bbox finds them, for layout tests:
which lines a page holds, where each starts and ends, and its characters."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

PT_PER_MM = 72 / 25.4
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&"))


@dataclass
class Line:
    x0: float
    x1: float
    y: float
    text: str

    @property
    def pure_cjk(self) -> bool:
        return all(is_cjk(ch) for ch in self.text)


def is_cjk(ch: str) -> bool:
    """A full-width character: ideographs, CJK and full-width punctuation, quotes, dashes."""
    o = ord(ch)
    return (
        0x3400 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
        or 0x2018 <= o <= 0x201F or o in (0x2014, 0x2026, 0x00B7)
    )


def pdf_lines(pdf: bytes, bottom_margin_mm: float) -> list[list[Line]]:
    """Each page's lines in the type area, top to bottom (the footer left out)."""
    out = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    pages = []
    for _w, height, body in _PAGE.findall(out.decode("utf-8")):
        limit = float(height) - bottom_margin_mm * PT_PER_MM + 2
        rows: list[list] = []
        words = sorted(
            (float(y1), float(x0), float(x1), _unescape(text))
            for x0, _y0, x1, y1, text in _WORD.findall(body)
            if float(y1) <= limit
        )
        for y, x0, x1, text in words:
            if rows and abs(rows[-1][0][0] - y) < 4:  # mixed faces shift a baseline a little
                rows[-1].append((y, x0, x1, text))
            else:
                rows.append([(y, x0, x1, text)])
        pages.append([
            Line(min(w[1] for w in row), max(w[2] for w in row), row[0][0],
                 "".join(w[3] for w in sorted(row, key=lambda w: w[1])))
            for row in rows
        ])
    return pages


def full_lines(page: list[Line], left_pt: float) -> list[Line]:
    """Lines a paragraph runs on from: the next line on the page starts at the
    margin (not a new, indented paragraph), so this one was filled."""
    return [
        line for line, after in zip(page, page[1:])
        if abs(after.x0 - left_pt) < 3 and line.x0 < left_pt + 40
    ]


def _unescape(text: str) -> str:
    for entity, ch in _ENTITIES:
        text = text.replace(entity, ch)
    return text

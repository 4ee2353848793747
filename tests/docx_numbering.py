"""Word files with automatic numbering, built with python-docx for the tests.

``numbered_word_file`` writes paragraphs whose numbers Word draws from
numbering.xml (开始 → 编号), not typed: each line given as (level, text) gets the
number of that level; levels 0–3 are 一、 （一） 1. （1） as Chinese offices
set them up, with the formats named as Word names them.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）"))


def abstract_num(abstract_id: int, levels=LEVELS, suffix: str = "nothing") -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:suff w:val="{suffix}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum {W} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'


def add_numbering(word, levels=LEVELS, suffix: str = "nothing") -> int:
    """A new list in the document's numbering part; returns its numId."""
    numbering = word.part.numbering_part.element
    abstract_id = 900 + len(numbering.findall(qn("w:abstractNum")))
    num_id = abstract_id
    numbering.insert(0, parse_xml(abstract_num(abstract_id, levels, suffix)))
    numbering.append(parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def numbered_paragraph(word, text: str, num_id: int, level: int):
    paragraph = word.add_paragraph(text)
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.insert(0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def restarted(word, num_id: int, level: int) -> int:
    """A new list continuing ``num_id``'s definition with ``level`` starting again at 1,
    as Word writes it for 编号 → 重新开始于 1 (a w:num with a startOverride)."""
    numbering = word.part.numbering_part.element
    abstract = numbering.xpath(f'w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')[0]
    new_id = 2000 + len(numbering.findall(qn("w:num")))
    numbering.append(parse_xml(
        f'<w:num {W} w:numId="{new_id}"><w:abstractNumId w:val="{abstract}"/>'
        f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    ))
    return new_id


def numbered_word_file(lines: list, path: Path, levels=LEVELS, suffix="nothing") -> Path:
    """Plain strings are typed paragraphs; (level, text) are numbered by Word;
    (level, text, "restart") starts that level at 1 again."""
    word = docx.Document()
    num_id = add_numbering(word, levels, suffix)
    for line in lines:
        if isinstance(line, tuple):
            if len(line) > 2 and line[2] == "restart":
                num_id = restarted(word, num_id, line[0])
            numbered_paragraph(word, line[1], num_id, line[0])
        else:
            word.add_paragraph(line)
    word.save(path)
    return path

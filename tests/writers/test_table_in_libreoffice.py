"""A long table starts where it stands and runs on to the next page, its header
row repeated there (LibreOffice PDF read back with pdftotext)."""

import re

from drafting.workflow.build import Builder, render_pdf

from ..conftest import ROOT
from .pdf_layout import pdf_lines

import pytest
from .. import outside

pytestmark = pytest.mark.needs(*outside.PDF, "pdftotext")

ROWS = 40


def test_long_table_starts_where_it_stands_and_repeats_its_header(tmp_path):
    example = (ROOT / "templates" / "half-year-report" / "example.yaml").read_text(encoding="utf-8")
    last = "                - {name: 社会消费品零售总额, value: X, unit: 亿元, change: 2.1}\n"
    assert last in example
    rows = "".join(
        f"                - {{name: 第{i}项重点指标, value: {i}.5, unit: 亿元, change: 2.1}}\n"
        for i in range(1, ROWS + 1)
    )
    path = tmp_path / "report.yaml"
    path.write_text(example.replace(last, last + rows), encoding="utf-8")
    pages = [[line.text for line in page] for page in pdf_lines(render_pdf(Builder().draft(path)), 35)]
    caption = "2025年上半年主要经济指标完成情况表"
    header = "指标单位完成值同比（%）"
    before = next(i for i, page in enumerate(pages) if any("同比下降3%。" in line for line in page))
    # the caption and header follow the paragraph before them on its page
    assert caption in pages[before] and header in pages[before], pages[before]
    on_next = pages[before + 1]
    assert on_next[0] == header, on_next[:2]  # repeated at the top of the next page
    names = [m.group(1) for page in pages for line in page for m in [re.match(r"第(\d+)项重点指标", line)] if m]
    assert names == [str(i) for i in range(1, ROWS + 1)]  # every row once, in order

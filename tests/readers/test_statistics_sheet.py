"""Reading a statistics office's table: the shapes real sheets come in, and the
sheets no one should be able to hurt draft with."""

import zipfile

import openpyxl
import pytest

from drafting.errors import DataError
from drafting.readers import sheet as sheet_module
from drafting.readers.sheet import read_sheets
from drafting.readers.statistics import normal_name, read_table

from ..sheets import HEADER, ROWS, statistics_csv, statistics_workbook


def figures(table, name):
    row = table.rows[normal_name(name)][0]
    return row.unit, row.value, row.change


def table_of(path, sheet=None):
    [one] = read_sheets(path, sheet)
    return read_table(one)


@pytest.mark.parametrize("make", ["xlsx", "gbk", "utf-8-sig", "utf-8"])
def test_every_shape_of_the_office_table_reads_the_same(tmp_path, make):
    if make == "xlsx":
        path = statistics_workbook(tmp_path / "指标.xlsx")
    else:
        path = statistics_csv(tmp_path / "指标.csv", encoding=make)
    table = table_of(path)
    assert figures(table, "地区生产总值") == ("亿元", 123.45, 5.2)
    assert figures(table, "第一产业") == ("亿元", 12.3, -1.5)  # 其中： and numbers typed as text
    assert figures(table, "第二产业") == ("亿元", 45.6, 6.1)  # full-width indent
    assert figures(table, "规模以上工业增加值") == ("亿元", None, 7.3)  # — is unknown
    assert figures(table, "固定资产投资（不含农户）") == ("亿元", 88, -3.4)  # full-width brackets, stray space
    assert figures(table, "社会消费品零售总额") == ("亿元", 1234.5, -2.1)  # 1,234.5 and a full-width minus
    assert figures(table, "一般公共预算收入") == ("万元", None, None)  # - and empty
    assert len(table.rows) == 7  # the title, the blank row and the notes are no indicators


def test_rows_are_numbered_as_excel_numbers_them(tmp_path):
    table = table_of(statistics_workbook(tmp_path / "指标.xlsx"))
    # title 1, header 2, 地区生产总值 3, 第一产业 4, 第二产业 5, blank 6, 规上工业 7
    assert table.rows["地区生产总值"][0].origin.row == 3
    assert table.rows["规模以上工业增加值"][0].origin.row == 7
    assert str(table.rows["第一产业"][0].origin) == "指标.xlsx 工作表“主要指标”第4行"


def test_csv_rows_are_its_lines(tmp_path):
    table = table_of(statistics_csv(tmp_path / "指标.csv"))
    assert str(table.rows["第一产业"][0].origin) == "指标.csv第4行"


def test_a_two_row_header_under_a_merged_period(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["主要经济指标"])
    sheet.append(["项目", "单位", "上半年", None])
    sheet.merge_cells("C2:D2")
    sheet.append([None, None, "绝对值", "比上年同期±%"])
    sheet.append(["城镇常住居民人均可支配收入", "元", 21345, 4.8])
    book.save(tmp_path / "收入.xlsx")
    table = table_of(tmp_path / "收入.xlsx")
    assert figures(table, "城镇常住居民人均可支配收入") == ("元", 21345, 4.8)


def test_the_cumulative_column_is_preferred_to_the_month(tmp_path):
    rows = [["指标", "单位", "6月", "增长%", "1-6月", "增速（%）"], ["出口总额", "亿元", 2.1, 9.9, 12.5, 3.3]]
    path = tmp_path / "月报.csv"
    path.write_text("\n".join(",".join(map(str, r)) for r in rows), encoding="utf-8")
    assert figures(table_of(path), "出口总额") == ("亿元", 12.5, 3.3)


def test_a_percentage_cell_is_read_as_excel_shows_it(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["规模以上工业增加值", "亿元", None, 0.073])
    sheet["D2"].number_format = "0.0%"
    book.save(tmp_path / "指标.xlsx")
    assert figures(table_of(tmp_path / "指标.xlsx"), "规模以上工业增加值") == ("亿元", None, 7.3)


def test_a_change_in_percentage_points_says_so(tmp_path):
    path = tmp_path / "指标.csv"
    path.write_text("指标名称,本期,比上年同期增减（百分点）\n城镇调查失业率,5.1,-0.2\n", encoding="utf-8")
    row = table_of(path).rows["城镇调查失业率"][0]
    assert (row.value, row.change, row.change_unit) == (5.1, -0.2, "个百分点")


def test_a_cell_that_is_no_number_is_kept_as_doubt_not_guessed(tmp_path):
    path = tmp_path / "指标.csv"
    path.write_text("指标名称,计量单位,本期,同比增长（%）\n地区生产总值,亿元,约12,5\n", encoding="utf-8")
    row = table_of(path).rows["地区生产总值"][0]
    assert row.value is None and row.unreadable == ("数值“约12”不是数字",)


def test_each_sheet_of_a_workbook_or_the_one_named(tmp_path):
    path = statistics_workbook(tmp_path / "指标.xlsx", {
        "说明": [], "工业": [["规模以上工业增加值", "亿元", 30, 7.3]], "投资": [["固定资产投资", "亿元", 88, -3.4]],
    })
    assert [s.name for s in read_sheets(path)] == ["说明", "工业", "投资"]
    assert figures(table_of(path, "投资"), "固定资产投资") == ("亿元", 88, -3.4)
    with pytest.raises(DataError) as e:
        read_sheets(path, "财政")
    assert "没有工作表“财政”" in e.value.message and "工业、投资" in e.value.message


def test_a_sheet_without_a_header_names_file_and_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.active.append(["地区生产总值", 123.45])
    book.save(tmp_path / "指标.xlsx")
    with pytest.raises(DataError) as e:
        table_of(tmp_path / "指标.xlsx")
    assert "指标.xlsx 工作表“Sheet1”中找不到表头" in e.value.message
    assert e.value.location.file.endswith("指标.xlsx")


def test_old_excel_files_are_refused_with_what_to_do(tmp_path):
    old = tmp_path / "指标.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(DataError) as e:
        read_sheets(old)
    assert "旧版 Excel" in e.value.message and "另存为" in e.value.message and ".xlsx" in e.value.message
    renamed = tmp_path / "指标.xlsx"  # the same file renamed, as happens
    renamed.write_bytes(old.read_bytes())
    with pytest.raises(DataError) as e:
        read_sheets(renamed)
    assert "旧版 Excel" in e.value.message


@pytest.mark.parametrize("content, words", [
    (b"not a zip at all", "不是有效的 Excel 工作簿"),
    (b"PK\x03\x04broken", "不是有效的 Excel 工作簿"),
])
def test_a_damaged_workbook_is_an_error_in_chinese(tmp_path, content, words):
    path = tmp_path / "指标.xlsx"
    path.write_bytes(content)
    with pytest.raises(DataError) as e:
        read_sheets(path)
    assert words in e.value.message


def test_a_csv_in_no_chinese_encoding_is_refused_not_garbled(tmp_path):
    path = tmp_path / "指标.csv"
    path.write_bytes("指标名称,本期\n地区生产总值,1\n".encode("utf-16"))
    with pytest.raises(DataError) as e:
        read_sheets(path)
    assert "编码无法识别" in e.value.message


def test_other_files_are_named_with_what_draft_reads(tmp_path):
    path = tmp_path / "指标.ods"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(DataError) as e:
        read_sheets(path)
    assert ".xlsx" in e.value.message and ".csv" in e.value.message


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path, monkeypatch):
    path = tmp_path / "指标.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/sharedStrings.xml", b"\0" * (8 * 1024 * 1024))  # 8 MB of nothing, a few kB packed
    assert path.stat().st_size < 64 * 1024
    monkeypatch.setattr(sheet_module, "MAX_UNPACKED_BYTES", 4 * 1024 * 1024)
    with pytest.raises(DataError) as e:
        read_sheets(path)
    assert "解压后有 8 MB，超过上限 4 MB" in e.value.message


def test_a_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_module, "MAX_FILE_BYTES", 100)
    path = statistics_csv(tmp_path / "指标.csv")
    with pytest.raises(DataError) as e:
        read_sheets(path)
    assert "超过上限" in e.value.message


@pytest.mark.parametrize("make", ["xlsx", "csv"])
def test_rows_past_the_bound_are_an_error_never_dropped(tmp_path, monkeypatch, make):
    monkeypatch.setattr(sheet_module, "MAX_ROWS", 5)
    path = statistics_workbook(tmp_path / "指标.xlsx") if make == "xlsx" else statistics_csv(tmp_path / "指标.csv")
    with pytest.raises(DataError) as e:
        read_sheets(path)
    assert "超过 5 行" in e.value.message


def test_a_row_far_below_costs_nothing_to_refuse(tmp_path, monkeypatch):
    """A cell at row 1,000,000 would make openpyxl's reader pad a million empty rows."""
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.cell(row=1_000_000, column=1, value="地区生产总值")
    book.save(tmp_path / "指标.xlsx")
    with pytest.raises(DataError) as e:
        read_sheets(tmp_path / "指标.xlsx")
    assert "超过 5000 行" in e.value.message


def test_columns_past_the_bound_are_an_error(tmp_path):
    path = tmp_path / "指标.csv"
    path.write_text(",".join(HEADER + ["x"] * 100) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        read_sheets(path)
    assert "超过 60 列" in e.value.message


def test_rows_keep_their_text_exactly(tmp_path):
    path = statistics_csv(tmp_path / "指标.csv", encoding="gbk")
    [one] = read_sheets(path)
    assert one.rows[2].cells[0] == ROWS[0][0]
    assert one.rows[3].cells[0] == "  其中：第一产业"


def test_an_entity_bomb_in_a_worksheet_is_refused(tmp_path):
    """A billion-laughs DOCTYPE in the sheet's XML: the XML parser's expansion
    limit stops it, and the writer reads a Chinese sentence, not a traceback."""
    source = statistics_workbook(tmp_path / "source.xlsx")
    entities = '<!ENTITY lol0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = tmp_path / "指标.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(bomb, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                body = text[text.index("<worksheet"):]
                start = body.index("<t>") + 3
                body = body[:start] + "&lol9;" + body[body.index("</t>", start):]
                data = f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]>{body}'.encode("utf-8")
            dst.writestr(info, data)
    with pytest.raises(DataError) as e:
        read_sheets(bomb)
    assert "指标.xlsx" in e.value.message and "损坏" in e.value.message


def test_under_two_merged_periods_the_cumulative_one_is_taken(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["指标名称", "计量单位", "6月", None, "1—6月", None])
    sheet.merge_cells("C1:D1")
    sheet.merge_cells("E1:F1")
    sheet.append([None, None, "绝对值", "增长（%）", "绝对值", "增长（%）"])
    sheet.append(["社会消费品零售总额", "亿元", 3.2, 1.1, 19.8, 4.4])
    book.save(tmp_path / "月报.xlsx")
    assert figures(table_of(tmp_path / "月报.xlsx"), "社会消费品零售总额") == ("亿元", 19.8, 4.4)


from decimal import Decimal  # noqa: E402

from hypothesis import given, strategies as st  # noqa: E402

from drafting.readers.sheet import Row, Sheet  # noqa: E402

FULL_WIDTH = str.maketrans("0123456789.-,", "０１２３４５６７８９．－，")


def typed_as_text(number: Decimal, style: str) -> str:
    text = f"{number:,f}" if style in ("thousands", "full-width") else f"{number:f}"
    return text.translate(FULL_WIDTH) if style == "full-width" else text


@given(
    cents=st.integers(min_value=-10**12, max_value=10**12),
    style=st.sampled_from(["plain", "thousands", "full-width"]),
    pad=st.sampled_from(["", " ", "\u3000"]),
)
def test_a_number_typed_as_text_reads_as_that_number(cents, style, pad):
    number = Decimal(cents) / 100
    cell = pad + typed_as_text(number, style) + pad
    sheet = Sheet("指标.csv", None, (Row(1, tuple(HEADER)), Row(2, ("地区生产总值", "亿元", cell, None))))
    [row] = read_table(sheet).rows["地区生产总值"]
    assert Decimal(str(row.value)) == number and row.unreadable == ()

"""The 对比 tab's targets table, exported as CSV (Excel-readable Chinese) and as a real .xlsx workbook."""
from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from config import load_config
from qa.engine import Engine
from ui.actions import AppContext, AppMessage
from ui.compare_view import export, target_records


@pytest.fixture(scope="module")
def records(built_seed_data) -> list[dict[str, str]]:
    config = load_config(built_seed_data, model="")
    return target_records(AppContext(Engine.open(config, progress=False), config), shared_only=True)


def _row_mentioning(rows: list[dict[str, str]], word: str) -> dict[str, str]:
    return next(row for row in rows if any(word in str(value) for value in row.values()))


def test_csv_export_keeps_the_chinese_and_every_row(records):
    path = export(records, "csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(records)
    assert "70%" in " ".join(_row_mentioning(rows, "绿色出行").values())


def test_xlsx_export_is_a_workbook_with_the_same_table(records):
    sheet = load_workbook(export(records, "xlsx")).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == list(records[0])
    assert len(values) == len(records) + 1
    assert any("绿色出行" in str(cell) for row in values for cell in row)


def test_an_empty_table_is_refused_with_a_message():
    with pytest.raises(AppMessage, match="对照表为空"):
        export([], "csv")


def test_xlsx_export_has_a_bold_frozen_header_and_fitted_widths(records):
    sheet = load_workbook(export(records, "xlsx")).active
    assert sheet.freeze_panes == "B2"
    assert all(cell.font.bold for cell in sheet[1])
    widths = [sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]]
    assert all(width and 8 <= width <= 40 for width in widths) and widths[0] > 13  # 13 is Excel's default


def test_table_values_keep_their_aim_and_empty_document_columns_are_left_out(records):
    assert any("力争" in str(value) for row in records for value in row.values())
    documents = [header for header in records[0] if header != "指标"]
    assert all(any(row[d] for row in records) for d in documents)


def test_xlsx_export_cites_every_value_on_a_second_sheet(built_seed_data):
    from ui.compare_view import export_table

    config = load_config(built_seed_data, model="")
    book = load_workbook(export_table(AppContext(Engine.open(config, progress=False), config), True, "xlsx"))
    assert book.sheetnames == ["量化目标", "出处"]
    sources = [[cell.value for cell in row] for row in book["出处"].iter_rows()]
    assert sources[0] == ["指标", "文件", "目标值", "目标年份", "出处", "原文"]
    assert all(str(row[4]).startswith("《") for row in sources[1:]) and book["出处"].freeze_panes == "B2"

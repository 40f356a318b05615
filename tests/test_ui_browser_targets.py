"""The targets table in a real Chromium: cited values that open in 阅读, a one-line header, numeric sort
with blanks last and units kept apart."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_ui_browser import CHROMIUM, app_page, browser, screenshots  # noqa: F401 (fixtures)
from tests.test_ui_helpers import copy_data, running_app

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (make install-dev)")

COLUMN = """col => [...document.querySelectorAll('#targets-table table.targets tbody tr')].map(row => ({
    kind: row.dataset.kind, num: row.cells[col].dataset.num === undefined ? null : +row.cells[col].dataset.num}))"""


@pytest.fixture(scope="module")
def app_url(built_seed_data, tmp_path_factory) -> str:
    data = copy_data(built_seed_data, tmp_path_factory.mktemp("ui-targets") / "data")
    with running_app(data) as url:
        yield url


@pytest.fixture
def page(browser, app_url):  # noqa: F811 (the browser fixture imported above)
    with app_page(browser, app_url) as page:
        yield page


def build_table(page, shared_only: bool = True) -> None:
    page.get_by_role("tab", name="对比").click()
    box = page.get_by_label("只看多份文件共有的指标")
    if box.is_checked() != shared_only:
        box.click()
    page.click("#targets-button")
    page.locator("#targets-table table.targets tbody tr").first.wait_for()


def test_each_value_cites_its_clause_and_opens_it_in_the_reader(page):
    build_table(page)
    values = page.locator("#targets-table a.target")
    assert values.count() >= 4
    texts = values.all_inner_texts()
    assert any("力争" in text for text in texts) and any("（20" in text for text in texts)
    tip, clause_id = values.first.get_attribute("title"), values.first.get_attribute("data-clause")
    assert tip.startswith("《") and "》" in tip
    values.first.click()
    page.locator("#document .clause.current").wait_for()
    assert page.locator("[role=tab][aria-selected=true]").inner_text() == "阅读"
    assert page.locator("#document .clause.current").get_attribute("data-clause") == clause_id
    assert tip[1:tip.index("》")] in page.locator("#document .doc-meta").inner_text()


def test_the_header_row_is_one_line_and_no_column_is_empty(page, screenshots):  # noqa: F811 (fixture)
    build_table(page)
    page.locator("#targets-table").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "targets.png"))
    assert page.locator("#targets-table thead").bounding_box()["height"] <= 60
    columns = page.evaluate("() => document.querySelectorAll('#targets-table thead th').length")
    for col in range(1, columns):
        assert any(cell["num"] is not None for cell in page.evaluate(COLUMN, col)), f"column {col} is empty"


def test_a_header_click_sorts_by_number_with_blanks_last_and_units_apart(page):
    build_table(page, shared_only=False)
    header = page.locator("#targets-table thead th").nth(1)
    for direction in (1, -1):
        header.click()
        cells = page.evaluate(COLUMN, 1)
        filled = [c for c in cells if c["num"] is not None]
        assert any(c["num"] is None for c in cells), "the full table should have blanks in a document column"
        assert cells[:len(filled)] == filled, "blanks must come last"
        kinds = [c["kind"] for c in filled]
        assert kinds == sorted(kinds, key=kinds.index) and len(set(kinds)) == len(dict.fromkeys(kinds))
        for kind in set(kinds):
            numbers = [c["num"] for c in filled if c["kind"] == kind]
            assert numbers == sorted(numbers, reverse=direction < 0), f"{kind} not sorted: {numbers}"


def test_the_excel_export_button_offers_the_workbook(page):
    build_table(page)
    page.get_by_role("button", name="导出 Excel").click()
    page.wait_for_function("() => /量化目标对照表\\s*\\.xlsx/.test(document.querySelector('#targets-file')?.innerText)")

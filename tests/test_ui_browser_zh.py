"""The page a Chinese civil servant sees, in a real Chromium (zh-CN): no English, a plain status line with
details behind 详情, titles in the document filter, a click on the answer that opens its clause, and a
删除 that asks first and removes the stored upload."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.test_ui_browser import CHROMIUM, WAIT_MS, ask, browser, library_files, upload  # noqa: F401 (fixture)
from tests.test_ui_helpers import copy_data, running_app

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (make install-dev)")

GRADIO_ENGLISH = ["Filter", "Clear filters", "Copy table data", "Fullscreen", "Use via API", "Drop File Here",
                  "Click to Upload", "Sort ascending", "Error"]
PLAN = """青石港新区节能办法

第一条 为推进青石港新区节能工作，制定本办法。

第二条 到2027年，青石港新区单位产值能耗比2024年下降12%。
"""


@pytest.fixture(scope="module")
def app(built_seed_data, tmp_path_factory) -> tuple[str, Path]:
    data = copy_data(built_seed_data, tmp_path_factory.mktemp("ui-zh") / "data")
    with running_app(data) as url:
        yield url, data


@pytest.fixture
def page(browser, app):  # noqa: F811 (the browser fixture imported above)
    page = browser.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(app[0])
    page.wait_for_selector("#question textarea")
    # the status line, like the pickers, is filled on page load
    page.wait_for_function("() => document.querySelector('#status')?.innerText.includes('语义模型')")
    yield page
    page.close()


def toasts(page) -> list[str]:
    return page.locator("[data-testid='toast-body']").all_inner_texts()


def visible_words(page) -> str:
    """The page's visible text and the tooltips (title attributes) of visible elements."""
    return page.evaluate("""() => document.body.innerText + '\\n' + [...document.querySelectorAll('[title]')]
        .filter(e => e.offsetParent !== null).map(e => e.getAttribute('title')).join('\\n')""")


def test_clicking_the_answer_or_its_quote_opens_the_clause_without_an_error(page):
    ask(page, "台山2030年森林覆盖率目标是多少？")
    page.locator("#answer .answer-summary").click()
    page.wait_for_timeout(1500)
    assert toasts(page) == []
    page.locator("#answer .quote").first.click()
    page.locator("#document .clause.current").wait_for()
    assert "《台山市碳达峰实施方案》" in page.locator("#answer .answer-cite").first.inner_text()
    assert page.locator("[role=tab][aria-selected=true]").inner_text() == "阅读"
    meta = page.locator("#document .doc-meta").inner_text()
    assert "台山市碳达峰实施方案" in meta
    assert re.search(r"成文日期\s*2024-08-05", meta) and re.search(r"发布日期\s*2024-08-12", meta), meta
    page.wait_for_timeout(1000)
    assert toasts(page) == []
    assert "错误" not in page.locator("#read-doc").inner_text()


def test_status_line_is_plain_and_details_hold_the_technical_words(page):
    status = page.locator("#status").inner_text()
    assert re.fullmatch(r"文库 \d+ 份文件 · \d+ 条条款 · 语义模型：未加载（按关键词检索）", status.strip()), status
    assert not re.search(r"tfidf|offline|python|POLICY_QA", page.locator("#status").inner_text())
    page.locator("#details").get_by_text("详情").click()
    details = page.locator("#details dl.details")
    expect(details).to_contain_text("offline:tfidf-svd")
    expect(details).to_contain_text("POLICY_QA_MODEL")


def test_gradio_own_words_are_chinese(page):
    for tab in ("问答", "阅读", "对比", "文库"):
        page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(300)
        words = visible_words(page)
        assert not [w for w in GRADIO_ENGLISH if w in words], (tab, [w for w in GRADIO_ENGLISH if w in words])
    page.locator("#library-table th").first.hover()
    page.locator("#library-table th .cell-menu-button").first.click(force=True)
    menu = page.locator(".cell-menu").inner_text()
    assert "筛选" in menu and "升序" in menu and "Filter" not in menu and "Clear" not in menu


def test_the_error_toast_is_titled_in_chinese(page):
    page.get_by_role("tab", name="阅读").click()
    page.click("#to-compare")  # no clause chosen yet: the app answers with an error toast
    title = page.locator("[data-testid='toast-body'] .toast-title").first
    title.wait_for()
    shown = title.evaluate("e => [getComputedStyle(e, '::before').content, getComputedStyle(e).fontSize]")
    assert shown == ['"出错了"', "0px"], shown


def test_the_document_filter_lists_titles_not_file_names(page):
    page.click("#doc-filter input")
    options = page.get_by_role("option").all_inner_texts()
    assert {"江门市江海区碳达峰实施方案", "台山市碳达峰实施方案"} <= set(options), options
    assert not [o for o in options if ".txt" in o]


def choose_for_removal(page, title: str) -> None:
    page.click("#remove-doc input")
    page.get_by_role("option", name=title).click()


def test_delete_asks_first_and_removes_the_stored_upload(page, app, tmp_path):
    stored = app[1] / "uploads" / "stored"
    plan = tmp_path / "青石港节能办法.txt"
    plan.write_text(PLAN, encoding="utf-8")
    assert "✔" in upload(page, [plan])
    kept = sorted(stored.glob("*.txt"))
    assert len(kept) == 1
    choose_for_removal(page, "青石港新区节能办法")
    page.click("#remove-button")
    expect(page.locator("#remove-confirm")).to_contain_text("确定从文库中删除《青石港新区节能办法》")
    page.click("#remove-cancel-button")
    page.locator("#remove-confirm").wait_for(state="hidden")
    assert "青石港节能办法.txt" in library_files(page) and kept[0].exists()
    choose_for_removal(page, "青石港新区节能办法")
    page.click("#remove-button")
    page.click("#remove-confirm-button")
    page.wait_for_function("() => document.querySelector('#upload-status')?.innerText.includes('已删除')")
    assert "青石港节能办法.txt" not in library_files(page)
    assert list(stored.iterdir()) == []

"""The app in a real browser (Debian's chromium via playwright): ask, read, upload."""
from __future__ import annotations

import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.test_ui_helpers import copy_data, running_app

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT_MS = 30_000

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (make install-dev)")

GBK_TEXT = """翡翠湾新区屋顶光伏推进办法

第一条 为推进翡翠湾新区分布式光伏建设，制定本办法。

第二条 到2027年，翡翠湾新区新建厂房屋顶光伏覆盖率达到60%以上。

第三条 本办法自发布之日起施行。
"""


@pytest.fixture(scope="module")
def app_url(built_seed_data, tmp_path_factory) -> str:
    data = copy_data(built_seed_data, tmp_path_factory.mktemp("ui-browser") / "data")
    with running_app(data) as url:
        yield url


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    """Where the screenshots go: UI_SCREENSHOTS if set, else the test run's temporary folder."""
    folder = Path(os.environ.get("UI_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        yield context
        context.close()


@contextmanager
def app_page(browser, url: str):
    """A fresh tab on the app, its question box ready; closed afterwards."""
    page = browser.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(url)
    page.wait_for_selector("#question textarea")
    try:
        yield page
    finally:
        page.close()


@pytest.fixture
def page(browser, app_url):
    with app_page(browser, app_url) as page:
        yield page


def ask(page, question: str) -> None:
    page.get_by_role("tab", name="问答").click()
    page.fill("#question textarea", question)
    page.click("#ask-button")
    page.wait_for_function("q => document.querySelector('#hits')?.innerText.includes(`“${q}”：`)", arg=question)


def hit_texts(page) -> list[str]:
    return page.locator("#hits .hit").all_inner_texts()


def test_ask_then_click_a_result_shows_the_clause_highlighted_in_its_document(page, screenshots):
    ask(page, "江海区到2030年光伏发电装机容量达到多少？")
    assert "80万千瓦以上" in page.locator("#answer mark.value").first.inner_text()
    assert "《江门市江海区碳达峰实施方案》 二、（一）1" in page.locator("#answer").inner_text()
    page.screenshot(path=str(screenshots / "ask.png"))
    first = page.locator("#hits .hit").first
    assert re.search(r"相关度 [高中低]", first.inner_text()) and not re.search(r"相关度 \d", first.inner_text())
    assert first.locator(".relevance .rel-bar i").count() == 3
    assert "匹配词语：" in first.locator(".hit-reason").inner_text() and "范围：问题指明的文件" in first.inner_text()
    assert first.locator("mark.term").count() > 0
    clause_text = first.locator(".hit-text").inner_text()
    first.click()
    current = page.locator("#document .clause.current")
    current.wait_for()
    assert current.inner_text().strip() == clause_text.strip()
    assert "江海府〔2024〕5号" in page.locator("#document .doc-meta").inner_text()
    assert page.locator("#document .outline a").count() >= 5
    page.wait_for_function("""() => { const c = document.querySelector('#document .clause.current');
        const r = c.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }""")
    page.screenshot(path=str(screenshots / "read-clause.png"))


def test_document_text_is_escaped_not_executed(page):
    ask(page, "老旧燃气管道怎么处理？")
    assert page.evaluate("() => document.querySelectorAll('#hits script, #document script').length") == 0


def make_docx(path: Path) -> Path:
    from docx import Document as Docx

    doc = Docx()
    doc.add_heading("琥珀岭园区储能设施管理规定", level=1)
    doc.add_paragraph("第一条 为规范琥珀岭园区新型储能设施建设，制定本规定。")
    doc.add_paragraph("第二条 琥珀岭园区新建储能电站的安全巡检每季度不少于一次。")
    doc.save(path)
    return path


def upload(page, paths: list[Path]) -> str:
    page.get_by_role("tab", name="文库").click()
    page.set_input_files("#upload input[type=file]", [str(p) for p in paths])
    page.wait_for_function("n => document.querySelectorAll('#upload .file-preview tr, #upload .file').length >= n "
                           "|| document.querySelector('#upload')?.innerText.includes('.')", arg=len(paths))
    page.click("#upload-button")
    status = page.locator("#upload-status .msg")
    status.wait_for()
    return status.inner_text()


def library_files(page) -> list[str]:
    """The file names the 文库 table lists."""
    page.get_by_role("tab", name="文库").click()
    page.wait_for_function("() => document.querySelector('#library-table')?.innerText.includes('碳达峰实施方案')")
    text = page.locator("#library-table").inner_text()
    return sorted(set(re.findall(r"[\w\u4e00-\u9fff-]+\.(?:txt|md|html?|docx|pdf)", text)))


def test_uploaded_gbk_text_and_docx_are_searchable_at_once(page, tmp_path):
    gbk = tmp_path / "翡翠湾光伏办法.txt"
    gbk.write_bytes(GBK_TEXT.encode("gbk"))
    status = upload(page, [gbk, make_docx(tmp_path / "琥珀岭储能规定.docx")])
    assert "✘" not in status and status.count("✔") == 2, status
    ask(page, "翡翠湾新区厂房屋顶光伏覆盖率要达到多少？")
    assert "翡翠湾新区屋顶光伏推进办法" in hit_texts(page)[0]
    assert "60%以上" in page.locator("#answer").inner_text()
    ask(page, "琥珀岭园区储能电站多久巡检一次？")
    assert "琥珀岭园区储能设施管理规定" in hit_texts(page)[0]
    assert {"翡翠湾光伏办法.txt", "琥珀岭储能规定.docx"} <= set(library_files(page))


def test_empty_and_binary_uploads_are_refused_and_nothing_is_lost(page, tmp_path):
    before = library_files(page)
    assert "jianghai_tandafeng_shishi_fangan.txt" in before
    empty = tmp_path / "空白.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "图片.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    status = upload(page, [empty, binary])
    assert "空文件" in status and "二进制" in status, status
    assert "Traceback" not in page.content()
    page.reload()
    page.wait_for_selector("#question textarea")
    assert library_files(page) == before
    ask(page, "老旧燃气管道怎么处理？")
    assert "江门市江海区碳达峰实施方案" in hit_texts(page)[0]

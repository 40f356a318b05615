"""The 阅读 tab's layout in a real Chromium: an outline jump shows its heading, opening a result keeps the
tab bar on screen, and a phone-width screen stacks the outline above the text."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_ui_browser import CHROMIUM, app_page, ask, browser  # noqa: F401 (fixture)
from tests.test_ui_helpers import copy_data, running_app

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (make install-dev)")

QUESTION = "台山2030年森林覆盖率目标是多少？"
HEADING_VISIBLE = """name => {
  const box = document.querySelector('#document .doc-text'), frame = box.getBoundingClientRect();
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.data.indexOf(name);
    if (at < 0) continue;
    const range = document.createRange(); range.setStart(n, at); range.setEnd(n, at + name.length);
    const r = range.getBoundingClientRect();
    if (r.height && r.top >= frame.top - 1 && r.bottom <= frame.bottom + 1 && r.top >= 0) return true;
  }
  return false; }"""
TAB_BAR_ON_SCREEN = """() => { const r = document.querySelector('[role=tablist]').getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight; }"""


@pytest.fixture(scope="module")
def app_url(built_seed_data, tmp_path_factory) -> str:
    data = copy_data(built_seed_data, tmp_path_factory.mktemp("ui-read") / "data")
    with running_app(data) as url:
        yield url


@pytest.fixture
def page(browser, app_url):  # noqa: F811 (the browser fixture imported above)
    with app_page(browser, app_url) as page:
        yield page


def open_hit(page, index: int = 0) -> None:
    ask(page, QUESTION)
    hit = page.locator("#hits .hit").nth(index)
    hit.scroll_into_view_if_needed()
    hit.click()
    page.locator("#document .clause.current").wait_for()
    page.wait_for_timeout(1200)  # the jump to the clause runs again shortly after the tab shows


def test_an_outline_jump_shows_the_heading_above_its_text(page):
    open_hit(page)
    links = page.locator("#document .outline a")
    names = links.all_inner_texts()
    for index in range(1, len(names), max(1, len(names) // 6)):
        links.nth(index).click()
        page.wait_for_timeout(900)
        assert page.evaluate(HEADING_VISIBLE, names[index]), f"heading {names[index]!r} not visible after its jump"
        assert page.evaluate(TAB_BAR_ON_SCREEN), f"the tab bar left the screen after jumping to {names[index]!r}"


def test_opening_a_result_keeps_the_tab_bar_on_screen(page):
    open_hit(page, index=4)
    assert page.evaluate(TAB_BAR_ON_SCREEN)
    assert page.evaluate("""() => { const c = document.querySelector('#document .clause.current').getBoundingClientRect();
        const box = document.querySelector('#document .doc-text').getBoundingClientRect();
        return c.top >= box.top - 1 && c.top < Math.min(box.bottom, window.innerHeight); }""")


def test_a_phone_width_screen_stacks_the_outline_above_the_text(page):
    page.set_viewport_size({"width": 414, "height": 896})
    open_hit(page)
    text = page.locator("#document .doc-text").bounding_box()
    outline = page.locator("#document .outline").bounding_box()
    assert text["width"] >= 0.7 * 414, f"the text is squeezed to {text['width']:.0f} px"
    assert outline["y"] + outline["height"] <= text["y"] + 1

"""WCAG 1.4.10 Reflow: at 320 CSS pixels wide no page scrolls sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .conftest import ContextFactory, open_page, open_search
from .pages import PAGES

pytestmark = pytest.mark.browser

WIDTH = 320


@pytest.mark.parametrize("path", [*PAGES.values(), "sök"], ids=[*PAGES.keys(), "sokning"])
def test_no_horizontal_scrolling_at_320_px(new_context: ContextFactory, site_url: str, path: str) -> None:
    page = new_context(width=WIDTH, height=640).new_page()
    if path == "sök":
        open_page(page, site_url)
        open_search(page)
    else:
        open_page(page, site_url + path)
    try:
        # Waiting, not reading once: opening the search animates a scaled overlay for a moment.
        page.wait_for_function(f"() => document.documentElement.scrollWidth <= {WIDTH}", timeout=3_000)
    except PlaywrightTimeoutError:
        width = page.evaluate("() => document.documentElement.scrollWidth")
        wide = page.evaluate(f"""() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > {WIDTH} + 1)
            .slice(0, 5).map(el => el.outerHTML.slice(0, 100))""")
        pytest.fail(f"/{path} is {width}px wide at {WIDTH}px; too wide:\n" + "\n".join(wide))

"""No script fails on any layout of the sample site, also when the palette is switched.

Material's scripts read their settings and texts from the page (`__config`, which overrides/main.html writes
with fewer texts than Material does), and ours run on every page: an error would leave a page half set up
without any test of its looks noticing.
"""

from __future__ import annotations

import pytest

from .conftest import ContextFactory, open_page
from .pages import PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_runs_its_scripts_without_errors(new_context: ContextFactory, site_url: str, path: str) -> None:
    page = new_context().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    open_page(page, site_url + path)
    page.locator("label[for='__palette_1']").click()
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
    assert not errors, f"/{path}: {errors}"

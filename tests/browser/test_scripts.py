"""No script fails on any layout of either sample (the main one and the region's), also when the palette is switched.

Material's scripts read their settings and texts from the page (`__config`, which overrides/main.html writes
with fewer texts than Material does), and ours run on every page: an error would leave a page half set up
without any test of its looks noticing.
"""

from __future__ import annotations

import pytest

from .conftest import ContextFactory, open_page, served
from .pages import PAGES, REGION_PAGES, both_ids, both_samples

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("sample", "path"), both_samples(PAGES, REGION_PAGES), ids=both_ids(PAGES, REGION_PAGES))
def test_page_runs_its_scripts_without_errors(
    new_context: ContextFactory, request: pytest.FixtureRequest, sample: str, path: str
) -> None:
    site_url = served(request, sample)
    page = new_context().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    open_page(page, site_url + path)
    page.locator("label[for='__palette_1']").click()
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
    assert not errors, f"/{path}: {errors}"

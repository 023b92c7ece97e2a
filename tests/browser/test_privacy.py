"""The site neither calls other servers nor stores anything in the visitor's browser."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Request

from .conftest import ContextFactory, open_page, open_search
from .pages import PAGES

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = {"data", "blob", "about"}
"""URLs that never leave the browser (inline icons)."""


@pytest.mark.parametrize("path", [*PAGES.values(), "sök"], ids=[*PAGES.keys(), "sokning"])
def test_no_request_leaves_the_site(new_context: ContextFactory, site_url: str, path: str) -> None:
    context = new_context()
    origin = urlsplit(site_url).netloc
    requests: list[str] = []

    def record(request: Request) -> None:
        requests.append(request.url)

    context.on("request", record)  # also sees requests from workers, which page.on("request") misses
    page = context.new_page()
    page.on("request", record)
    if path == "sök":
        open_page(page, site_url)
        open_search(page)
    else:
        open_page(page, site_url + path)
    elsewhere = sorted({url for url in requests
                        if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != origin})
    assert requests, "no request was recorded at all"
    assert not elsewhere, "requests to other servers:\n" + "\n".join(elsewhere)


def test_nothing_is_stored_in_the_browser(new_context: ContextFactory, site_url: str) -> None:
    # Material writes to localStorage/sessionStorage only for features this site does not use: the palette
    # toggle (__palette), dismissable banners, content tabs, cookie consent, and the repository facts
    # (__source), which overrides/partials/source.html removes. So nothing at all is expected.
    context = new_context()
    page = context.new_page()
    for path in PAGES.values():
        open_page(page, site_url + path)
    open_search(page)
    with page.expect_navigation():
        page.locator("#sg-sok-resultat a").first.click()  # follow the first result
    page.wait_for_load_state("networkidle")
    assert context.cookies() == []
    stored = page.evaluate("() => ({local: {...localStorage}, session: {...sessionStorage}})")
    assert stored == {"local": {}, "session": {}}

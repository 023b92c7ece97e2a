"""The site neither calls other servers nor stores anything in the visitor's browser."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from .conftest import ContextFactory, open_page, open_search
from .pages import PAGES

if TYPE_CHECKING:
    from playwright.sync_api import Request

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
    elsewhere = sorted(
        {url for url in requests if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != origin}
    )
    assert requests, "no request was recorded at all"
    assert not elsewhere, "requests to other servers:\n" + "\n".join(elsewhere)


def test_nothing_is_stored_in_the_browser(new_context: ContextFactory, site_url: str) -> None:
    # Material writes to localStorage/sessionStorage for the palette (__palette, which overrides/main.html
    # holds back until the visitor presses the palette button: see the next test), and for features this
    # site does not use: dismissable banners, content tabs, cookie consent, and the repository facts
    # (__source), which overrides/partials/source.html removes. So a visitor who only reads and
    # searches leaves nothing at all behind.
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


def test_only_a_palette_the_visitor_chose_is_remembered(new_context: ContextFactory, site_url: str) -> None:
    # Pressing the palette button is asking the site to remember the choice: storage that the visitor
    # explicitly requested, allowed without consent (lagen om elektronisk kommunikation, LEK 9 kap. 28 §).
    # It is the only thing stored, it is written only after the button is pressed, and no cookie is set.
    context = new_context()
    page = context.new_page()
    open_page(page, site_url)
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "default"
    assert page.evaluate("() => ({...localStorage})") == {}
    page.locator('label[title="Byt till mörkt läge"]').click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    stored = page.evaluate("() => ({local: {...localStorage}, session: {...sessionStorage}})")
    assert list(stored["local"]) == [urlsplit(site_url).path + ".__palette"]
    assert stored["session"] == {}
    assert '"scheme":"slate"' in stored["local"][urlsplit(site_url).path + ".__palette"]
    open_page(page, site_url + PAGES["erbjudande-med-omgangar"])  # the choice holds on the next page
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
    assert context.cookies() == []

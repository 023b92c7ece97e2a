"""The site in a subfolder of the municipality's website: every page, link and asset works there.

The sample site is built with `site_url: https://www.exempelby.se/foraldraskapsstod/` and served
under /foraldraskapsstod/ only (conftest.py); anything that points at the server's root or outside
the subfolder is a 404. The crawl opens every page reachable from the start page in Chromium,
records every request the page makes (stylesheets, scripts, images, icons, the search index and
worker) and checks every link, stylesheet, script and image named in the HTML.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page, Response

    from .conftest import ContextFactory

pytestmark = pytest.mark.browser

MISSING_PAGE = "finns/inte/"
"""A made-up address two folders deep, where a web server shows 404.html."""

_REFERENCES = """() => [
  ...[...document.querySelectorAll('a[href]')].map(a => ['link', a.href]),
  ...[...document.querySelectorAll('link[href]')].map(l => ['link-tag', l.href]),
  ...[...document.querySelectorAll('script[src]')].map(s => ['script', s.src]),
  ...[...document.querySelectorAll('img[src]')].map(i => ['image', i.src]),
]"""


class Crawl:
    """What one crawl found: pages visited, references checked, and what failed where."""

    def __init__(self, page: Page, root: str) -> None:
        self.page = page
        self.root = root
        self.origin = urlsplit(root).netloc
        self.visited: list[str] = []
        self.checked: dict[str, int] = {}
        self.failures: list[str] = []
        self.current = ""
        # On the context, not the page: that also sees the requests of workers (the search's).
        page.context.on("response", self._response)

    def _response(self, response: Response) -> None:
        if urlsplit(response.url).netloc == self.origin and response.status >= 400:
            self.failures.append(f"{self.current}: {response.request.resource_type} {response.url} → {response.status}")

    def inside(self, url: str) -> bool:
        return urlsplit(url).netloc == self.origin

    def status(self, url: str) -> int:
        if url not in self.checked:
            self.checked[url] = self.page.request.get(url, max_redirects=0).status
        return self.checked[url]

    def open(self, url: str) -> list[tuple[str, str]]:
        """Open a page; return the (kind, address) of everything its HTML refers to on this site."""
        self.current = url
        self.visited.append(url)
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        references: list[tuple[str, str]] = self.page.evaluate(_REFERENCES)
        return [(kind, urldefrag(address).url) for kind, address in references if self.inside(address)]

    def check(self, kind: str, address: str, where: str) -> None:
        if not address.startswith(self.root):
            self.failures.append(f"{where}: {kind} {address} leads outside {self.root}")
        elif self.status(address) != 200:
            self.failures.append(f"{where}: {kind} {address} → {self.status(address)}")


def is_page(address: str) -> bool:
    return address.endswith("/") or address.endswith(".html")


def test_every_page_link_and_asset_works_under_the_subfolder(new_context: ContextFactory, site_url: str) -> None:
    assert urlsplit(site_url).path == "/foraldraskapsstod/"
    page = new_context().new_page()
    crawl = Crawl(page, site_url)
    queue, seen = deque([site_url]), {site_url}
    while queue:
        url = queue.popleft()
        for kind, address in crawl.open(url):
            crawl.check(kind, address, url)
            if kind == "link" and is_page(address) and address.startswith(site_url) and address not in seen:
                seen.add(address)
                queue.append(address)
    paths = {urlsplit(url).path.removeprefix("/foraldraskapsstod/") for url in crawl.visited}
    # Every kind of page was reached by following links, so the crawl cannot pass by seeing too little.
    assert {
        "",
        "alder/",
        "alder/tonaringar/",
        "stod/",
        "stod/foraldrakurser/",
        "erbjudanden/komet/",
        "om-foraldraskapsstod/",
    } <= paths
    assert sum(p.startswith("erbjudanden/") for p in paths) >= 30
    assert crawl.failures == [], "\n".join(crawl.failures)


REGION_OWN = [
    "",
    "kommuner/",
    "kommuner/norrvik/",
    "kommuner/sjoby/",
    "kommuner/fjallsta/",
    "erbjudanden/foraldrakurs-i-norrvik-och-sjoby/",
    "hitta-stod/?kommun=9901&alder=4",
    "sok/?q=f%C3%B6r%C3%A4lder&kommun=9902",
]
"""The region sample's own kinds of page ("Var bor du?" on the start page, the municipalities, an offer that
names the municipalities it serves, the finder and the search with a municipality chosen); the rest of its
pages are the main sample's, which the full crawl above covers."""


def test_the_region_pages_links_and_assets_work_under_the_subfolder(
    new_context: ContextFactory, region_site_url: str
) -> None:
    # Not a full crawl (that takes long): the region's own pages, and every link, stylesheet, script and image
    # they name on the site, which takes in every municipality's and offer's page they link to.
    assert urlsplit(region_site_url).path == "/foraldraskapsstod/"
    page = new_context().new_page()
    crawl = Crawl(page, region_site_url)
    links: set[str] = set()
    for path in REGION_OWN:
        for kind, address in crawl.open(region_site_url + path):
            crawl.check(kind, address, path or "/")
            links.add(urlsplit(address).path.removeprefix("/foraldraskapsstod/"))
    # the start page's "Var bor du?" and the offer page lead to the municipalities
    assert {"kommuner/norrvik/", "kommuner/sjoby/", "kommuner/fjallsta/", "hitta-stod/"} <= links
    assert sum(link.startswith("erbjudanden/") for link in links) >= 7
    assert crawl.failures == [], "\n".join(crawl.failures)


def test_the_404_page_works_at_any_depth(new_context: ContextFactory, site_url: str) -> None:
    context = new_context()
    page = context.new_page()
    not_found = page.request.get(site_url + "404.html")
    assert not_found.status == 200
    body = not_found.text()
    # What a web server does for an address that does not exist: it answers with 404.html.
    page.route(
        site_url + MISSING_PAGE,
        lambda route: route.fulfill(status=404, body=body, content_type="text/html; charset=utf-8"),
    )
    crawl = Crawl(page, site_url)
    references = crawl.open(site_url + MISSING_PAGE)
    crawl.failures = [f for f in crawl.failures if not f.startswith(f"{site_url}{MISSING_PAGE}: document ")]
    kinds = {kind for kind, _ in references}
    assert {"link", "link-tag", "script"} <= kinds
    for kind, address in references:
        if address != site_url + MISSING_PAGE:
            crawl.check(kind, address, "404.html")
    assert crawl.failures == [], "\n".join(crawl.failures)
    assert page.locator("h1").first.is_visible()

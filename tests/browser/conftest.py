"""Browser fixtures: the sample site served over HTTP from this process, and headless Debian Chromium.

Chromium comes from Debian (`apt-get install chromium`), never from `playwright install`; axe-core comes
from npm, pinned in package.json and package-lock.json.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

from conftest import FIXTURE_SITES, SAMPLE, TODAY, make_project, run_build

from .pages import SAMPLES, SEARCH_WORD

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root in a container, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
TIMEOUT_MS = 15_000


def _missing(reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where a skipped accessibility suite would pass silently."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


def site_path() -> str:
    """The path part of mkdocs.yml's site_url, e.g. '/foraldraskapsstod/'.

    Pages link to each other relatively, but 404.html must use absolute links (it is shown at any
    address), so the site is served under the same path as on the real web server.
    """
    # BaseLoader: mkdocs.yml has a !!python tag (tyst_material) that safe_load refuses; only text is read here.
    config = yaml.load((SAMPLE / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return urlsplit(config["site_url"]).path.rstrip("/") + "/"


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under `prefix`; every other path is a 404."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "finns-inte" / "finns-inte")
        return super().translate_path("/" + path.removeprefix(self.prefix))

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep pytest's output readable


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """A built site at http://127.0.0.1:<port>/foraldraskapsstod/, served from a thread until the block ends."""
    prefix = site_path()
    handler_class = type("Handler", (_SiteHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@contextlib.contextmanager
def serve_minimal_site(
    tmp_path_factory: pytest.TempPathFactory, change: Callable[[Path], None], today: str = TODAY
) -> Iterator[tuple[str, Path]]:
    """The minimal fixture site with `change` applied to a copy of its data/, built with --strict and
    served: its root URL and the built folder."""
    data = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(FIXTURE_SITES / "minimal" / "data", data)
    change(data)
    build = run_build(make_project(tmp_path_factory.mktemp("projekt"), data), "--strict", today=today)
    assert build.ok, build.result.stderr
    with serve(build.site) as url:
        yield url, build.site


@pytest.fixture(scope="session")
def site_url(sample_build: Any) -> Iterator[str]:
    """The sample site, served during the session."""
    with serve(sample_build.site) as url:
        yield url


@pytest.fixture(scope="session")
def region_site_url(region_build: Any) -> Iterator[str]:
    """The region sample (exempel/region), served during the session under the same path."""
    with serve(region_build.site) as url:
        yield url


def served(request: pytest.FixtureRequest, sample: str) -> str:
    """The root URL of a sample ("huvud" or "region", pages.SAMPLES), served during the session; a test
    parametrised over both samples builds and serves only those it runs."""
    url: str = request.getfixturevalue(SAMPLES[sample])
    return url


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe.min.js from node_modules, installed with `npm ci` from the lock file when it is missing."""
    if not AXE.is_file():
        npm = shutil.which("npm")
        if npm is None:
            _missing("npm is missing, so axe-core cannot be installed (install Node.js and npm)")
        result = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, f"npm ci failed:\n{result.stdout}\n{result.stderr}"
        assert AXE.is_file(), f"npm ci did not install axe-core:\n{result.stdout}\n{result.stderr}"
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.is_file():
        _missing(f"{CHROMIUM} is missing: install Debian's Chromium with `apt-get install chromium`")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


ContextFactory = Callable[..., BrowserContext]


@pytest.fixture
def new_context(browser: Browser) -> Iterator[ContextFactory]:
    """Fresh contexts (no cookies or storage from other tests), closed after the test."""
    contexts: list[BrowserContext] = []

    def make(
        width: int = 1280, height: int = 900, color_scheme: str = "light", device_scale_factor: float = 1
    ) -> BrowserContext:
        # color_scheme is the visitor's system setting, which chooses the site's light or dark palette.
        context = browser.new_context(
            viewport={"width": width, "height": height},
            locale="sv-SE",
            color_scheme=color_scheme,  # type: ignore[arg-type]
            device_scale_factor=device_scale_factor,
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def open_page(page: Page, url: str) -> None:
    """Load a page and wait until the JavaScript has set it up and nothing more is loading.

    On the results page with a search (sok/?q=…), also wait until the results are shown.
    """
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    query = parse_qs(urlsplit(url).query).get("q")
    if "/sok/" in urlsplit(url).path and query:
        wait_for_results(page, query[0])


def open_search(page: Page, word: str = SEARCH_WORD) -> None:
    """Search from the header as a visitor does, and wait until the results page shows the results.

    Where the header has its text field, type there and press Enter. Below 60em it shows only the magnifier
    button: press it, and type into the field of sok/, which then has the focus.
    """
    field = page.locator("#sg-header-q")
    if field.is_visible():
        field.click()
        expect(field).to_be_focused()
        field.fill("")
        page.keyboard.type(word)
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:
        with page.expect_navigation():
            page.locator("button.sg-header-search__button").click()
        expect(page.locator("#sg-sok-q")).to_be_focused()
        page.keyboard.type(word)
        page.keyboard.press("Enter")
    wait_for_results(page, word)


def wait_for_results(page: Page, word: str) -> None:
    """Wait until sok.js has shown the results for `word` (it then marks the status line with the search)."""
    page.wait_for_function(
        "word => document.getElementById('sg-sok-status')?.getAttribute('data-sokt') === word", arg=word
    )


def run_axe(page: Page, axe_source: str) -> list[dict[str, Any]]:
    # Evaluated by the test tool, not added as a <script>: the pages' Content-Security-Policy allows no
    # inline script but its own (by hash), and the tool's own evaluation is not subject to it.
    page.evaluate(axe_source + "\n;undefined")
    return page.evaluate("options => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(t) if isinstance(t, list) else t for n in v["nodes"] for t in n["target"])
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}\n    {targets}")
    return "\n".join(lines)

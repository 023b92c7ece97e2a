"""A site built from hostile editor text: in a real browser, none of that text runs as code.

The build tests check the escaped HTML; this checks the outcome that matters to a visitor. Every payload
tries to set `window.__hostile`; the test visits every page the build wrote, and fails if any payload
ran, if a dialog opened, or if the text is not shown as the plain text the editor typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from conftest import REGION_SAMPLE, make_region_project, run_region_build

from .conftest import ContextFactory, open_page, serve, serve_minimal_site, wait_for_results

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PAYLOADS = {
    "titel": '<script>window.__hostile="titel"</script><img src=x onerror="window.__hostile=\'img\'">',
    "sammanfattning": '</script><script>window.__hostile="sammanfattning"</script> ]]> --> <!--',
    "anmälan.hur": '<svg onload="window.__hostile=\'svg\'"></svg> "citat" & </title>',
    "kontakt.namn": "<a href=\"javascript:window.__hostile='a'\">Kontakt</a>",
    "plats.namn": '<iframe srcdoc="<script>parent.__hostile=1</script>"></iframe>',
    "sökord": "</script><script>window.__hostile=6</script>",
}
"""Field → text. All of it is allowed text (the build shows it escaped); beskrivning's HTML is refused."""


def _write_hostile_data(data: Path) -> None:
    offer = data / "erbjudanden" / "komet.yml"
    text = offer.read_text(encoding="utf-8")
    replacements = {
        "titel: Komet": "titel: {titel}",
        "sammanfattning: En kurs för dig som vill ha mindre bråk hemma.": "sammanfattning: {sammanfattning}",
        "  hur: Ring socialtjänsten och säg att du vill gå Komet.": "  hur: {anmälan.hur}",
        "kontakt:\n": "kontakt:\n  namn: {kontakt.namn}\n",
        "  - namn: Familjecentralen": "  - namn: {plats.namn}",
        "    plats: Familjecentralen": "    plats: {plats.namn}",
        "sökord: [bråk, konflikter]": "sökord: [{sökord}, konflikter]",
    }
    for old, template in replacements.items():
        assert old in text, old
        field = template[template.index("{") + 1 : template.index("}")]
        quoted = "'" + PAYLOADS[field].replace("'", "''") + "'"
        text = text.replace(old, template.replace("{" + field + "}", quoted))
    offer.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The hostile site's root URL, and the built folder."""
    with serve_minimal_site(tmp_path_factory, _write_hostile_data) as served:
        yield served


def _page_paths(site: Path) -> list[str]:
    """Every page's URL path under the site root: '', 'alder/', 'erbjudanden/komet/', ..."""
    folders = (page.parent.relative_to(site).as_posix() for page in site.rglob("index.html"))
    return sorted("" if folder == "." else folder + "/" for folder in folders)


def _ran_as_code(page: Page, url: str, paths: list[str]) -> tuple[dict[str, object], list[str]]:
    """Visit each path: what the payloads set in `window.__hostile` on it, and every dialog they opened."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ran: dict[str, object] = {}
    for path in paths:
        open_page(page, url + path)
        value = page.evaluate("() => window.__hostile")
        if value is not None:
            ran[path] = value
    return ran, dialogs


def test_no_text_from_the_data_runs_in_the_browser(new_context: ContextFactory, hostile_site: tuple[str, Path]) -> None:
    hostile_url, site = hostile_site
    paths = _page_paths(site)
    assert "erbjudanden/komet/" in paths
    assert len(paths) > 10
    context = new_context()
    page = context.new_page()
    ran, dialogs = _ran_as_code(page, hostile_url, paths)
    assert not ran, f"text from the data ran as code: {ran}"
    assert not dialogs

    open_page(page, hostile_url + "erbjudanden/komet/")
    assert page.locator("h1").inner_text() == PAYLOADS["titel"]
    assert PAYLOADS["sammanfattning"] in page.locator("main").inner_text()
    assert PAYLOADS["anmälan.hur"] in page.locator("main").inner_text()
    assert page.locator('main a[href^="javascript:"]').count() == 0
    assert page.locator("main iframe, main svg[onload], main img[onerror]").count() == 0


def test_finder_and_search_results_show_hostile_text_as_text(
    new_context: ContextFactory, hostile_site: tuple[str, Path]
) -> None:
    # The finder and the search draw their results in the browser from data files the build wrote.
    hostile_url, _ = hostile_site
    page = new_context().new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    open_page(page, hostile_url + "hitta-stod/?alder=4")
    expect(page.locator("#sg-traffar .sg-card__title a").filter(has_text=PAYLOADS["titel"])).to_have_count(1)
    assert page.locator("#sg-traffar img, #sg-traffar script, #sg-traffar svg, #sg-traffar iframe").count() == 0
    assert page.evaluate("() => window.__hostile") is None

    open_page(page, hostile_url + "sok/?q=konflikter")
    wait_for_results(page, "konflikter")
    expect(page.locator("#sg-sok-resultat a").filter(has_text=PAYLOADS["titel"])).to_have_count(1)
    assert page.locator("#sg-sok-resultat img, #sg-sok-resultat script, #sg-sok-resultat svg").count() == 0
    assert page.evaluate("() => window.__hostile") is None
    assert not dialogs


# --- The region sample: what only a region's site shows (the municipalities' names, contacts and areas) ---

REGION_PAYLOADS = {
    "kommun.namn": '<script>window.__hostile="kommun"</script>Norrvik',
    "kontakt.namn": "<img src=x onerror=\"window.__hostile='kontakt'\">Föräldrastödet",
    "områden": "<svg onload=\"window.__hostile='område'\"></svg>Hamnen",
    "titel": '</script><script>window.__hostile="delad"</script>Föräldrakurs',
}


def _write_hostile_region(data: Path) -> None:
    def quoted(field: str) -> str:
        return "'" + REGION_PAYLOADS[field].replace("'", "''") + "'"

    norrvik = data / "kommuner" / "norrvik" / "kommun.yml"
    text = norrvik.read_text(encoding="utf-8")
    for old, new in {
        "namn: Norrviks kommun": f"namn: {quoted('kommun.namn')}",
        "  namn: Föräldrastödet i Norrvik": f"  namn: {quoted('kontakt.namn')}",
        "områden: [Centrum, Hamnen]": f"områden: [Centrum, {quoted('områden')}]",
    }.items():
        assert old in text, old
        text = text.replace(old, new)
    norrvik.write_text(text, encoding="utf-8")
    shared = data / "erbjudanden" / "foraldrakurs-i-norrvik-och-sjoby.yml"
    text = shared.read_text(encoding="utf-8")
    assert "titel: Föräldrakurs i Norrvik och Sjöby" in text
    shared.write_text(text.replace("titel: Föräldrakurs i Norrvik och Sjöby", f"titel: {quoted('titel')}"), "utf-8")


@pytest.fixture(scope="module")
def hostile_region(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The region sample with hostile text in a municipality's settings and a shared offer, built and served."""
    project = make_region_project(tmp_path_factory.mktemp("region"))
    _write_hostile_region(project / REGION_SAMPLE / "data")
    build = run_region_build(project, "--strict")
    assert build.ok, build.result.stderr
    with serve(build.site) as url:
        yield url, build.site


def test_no_text_from_a_region_runs_in_the_browser(
    new_context: ContextFactory, hostile_region: tuple[str, Path]
) -> None:
    url, site = hostile_region
    # Where the region's own text is shown (every page is too slow to visit here): "Var bor du?", the
    # municipalities, the municipality's page, the shared offer, and the finder and the
    # search with the municipality chosen, which draw its name and the shared offer in the browser.
    paths = [
        "",
        "kommuner/",
        "kommuner/norrvik/",
        "erbjudanden/foraldrakurs-i-norrvik-och-sjoby/",
        "hitta-stod/?kommun=9901&alder=4",
        "sok/?q=f%C3%B6r%C3%A4lder&kommun=9901",
    ]
    assert set(paths[:4]) <= set(_page_paths(site))
    page = new_context().new_page()
    ran, dialogs = _ran_as_code(page, url, paths)
    assert not ran, f"text from the data ran as code: {ran}"
    assert not dialogs
    # the text is shown as the editor typed it
    expect(page.locator("#sg-sok-status")).to_contain_text(REGION_PAYLOADS["kommun.namn"] + ": ")
    open_page(page, url + "kommuner/norrvik/")
    assert page.locator("h1").inner_text() == REGION_PAYLOADS["kommun.namn"]
    open_page(page, url + "hitta-stod/?kommun=9901&alder=4")
    expect(page.locator("#sg-kommun option:checked")).to_have_text(REGION_PAYLOADS["kommun.namn"])
    expect(page.locator("#sg-traffar .sg-card__title a").filter(has_text=REGION_PAYLOADS["titel"])).to_have_count(1)
    assert page.locator("#sg-traffar img, #sg-traffar script, #sg-traffar svg, #sg-traffar iframe").count() == 0
    open_page(page, url + "kommuner/norrvik/")
    assert REGION_PAYLOADS["kontakt.namn"] in page.locator("main").inner_text()

"""The region sample (exempel/region) in a real browser: axe on its own layouts on a phone and a computer in
both palettes, the finder with a municipality chosen in the address, and the search results by municipality."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import ContextFactory, describe, open_page, open_search, run_axe, wait_for_results
from .pages import PALETTES, REGION_PAGES, SCHEMES, VIEWPORTS

pytestmark = pytest.mark.browser


NAMES = {"9901": "Norrviks kommun", "9902": "Sjöby kommun", "9903": "Fjällsta kommun"}


@pytest.fixture(scope="module")
def region_offers(region_build: Any) -> list[dict[str, Any]]:
    data: dict[str, Any] = json.loads((Path(region_build.site) / "hitta-stod" / "erbjudanden.json").read_text("utf-8"))
    return data["o"]


@pytest.mark.parametrize("palette", PALETTES.values(), ids=PALETTES.keys())
@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
@pytest.mark.parametrize("path", REGION_PAGES.values(), ids=REGION_PAGES.keys())
def test_region_page_has_no_axe_violations(
    new_context: ContextFactory,
    region_site_url: str,
    axe_source: str,
    path: str,
    viewport: dict[str, int],
    palette: str,
) -> None:
    page = new_context(**viewport, color_scheme=palette).new_page()
    open_page(page, region_site_url + path)
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == SCHEMES[palette]
    violations = run_axe(page, axe_source)
    assert not violations, f"axe på /{path}:\n{describe(violations)}"


def _titles(offers: list[dict[str, Any]], code: str, age: int | None = None) -> list[str]:
    """The offers the finder shows for a municipality (and an age); without "m", an offer serves them all."""
    return [
        o["n"]
        for o in offers
        if code in o.get("m", [code]) and (age is None or ("a" in o and o["a"][0] <= age <= o["a"][1]))
    ]


def test_the_finder_opens_with_the_municipality_in_the_address_and_keeps_it(
    new_context: ContextFactory, region_site_url: str, region_offers: list[dict[str, Any]]
) -> None:
    page = new_context().new_page()
    open_page(page, region_site_url + "hitta-stod/?kommun=9901&alder=4")
    expect(page.locator("#sg-kommun")).to_have_value("9901")
    expected = _titles(region_offers, "9901", age=4)
    assert expected
    assert "Tonårskväll i Sjöby" not in expected
    expect(page.locator("#sg-traffar .sg-card__title")).to_have_text(expected)
    expect(page.locator("#sg-val")).to_contain_text("Kommun: Norrviks kommun")
    # another municipality: the address follows, and Back returns to the first choice
    page.locator("#sg-kommun").select_option("9902")
    expect(page.locator("#sg-traffar .sg-card__title")).to_have_text(_titles(region_offers, "9902", age=4))
    assert "kommun=9902" in page.url
    page.go_back()
    expect(page.locator("#sg-kommun")).to_have_value("9901")
    expect(page.locator("#sg-traffar .sg-card__title")).to_have_text(expected)
    # nothing about the choice is kept in the browser: it lives in the address only
    assert page.evaluate("() => localStorage.length + sessionStorage.length + document.cookie.length") == 0


def test_the_municipality_page_opens_the_finder_with_it_chosen(
    new_context: ContextFactory, region_site_url: str, region_offers: list[dict[str, Any]]
) -> None:
    page = new_context().new_page()
    open_page(page, region_site_url + "kommuner/fjallsta/")
    with page.expect_navigation():
        page.get_by_role("link", name="Hitta stöd i Fjällsta kommun").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#sg-kommun")).to_have_value("9903")
    expect(page.locator("#sg-traffar .sg-card__title")).to_have_text(_titles(region_offers, "9903"))


def test_the_search_results_keep_to_the_municipality_chosen(new_context: ContextFactory, region_site_url: str) -> None:
    page = new_context().new_page()
    open_page(page, region_site_url + "sok/?q=f%C3%B6r%C3%A4lder")
    every = page.locator("#sg-sok-resultat .sg-card__title, #sg-sok-nagra-lista .sg-card__title").all_text_contents()
    assert "Pappagrupp i Fjällsta" in every or "Samtal för föräldrar i Norrvik" in every
    page.locator("#sg-sok-kommun").select_option("9902")
    wait_for_results(page, "förälder")
    expect(page.locator("#sg-sok-status")).to_contain_text("Sjöby kommun: ")
    shown = page.locator("#sg-sok-resultat .sg-card__title, #sg-sok-nagra-lista .sg-card__title").all_text_contents()
    assert shown
    assert not [title for title in shown if ("Norrvik" in title and "Sjöby" not in title) or "Fjällsta" in title]
    assert "kommun=9902" in page.url
    page.reload()
    page.wait_for_load_state("networkidle")
    wait_for_results(page, "förälder")
    expect(page.locator("#sg-sok-kommun")).to_have_value("9902")


@pytest.mark.parametrize("path", REGION_PAGES.values(), ids=REGION_PAGES.keys())
def test_region_page_reflows_loads_under_its_policy_and_asks_no_other_server(
    new_context: ContextFactory, region_site_url: str, path: str
) -> None:
    """At 320 px no sideways scrolling (WCAG 1.4.10), no Content-Security-Policy violation, and every request
    goes to the site itself, as on the main sample (test_reflow.py, test_csp.py, test_privacy.py)."""
    context = new_context(width=320, height=640)
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => "
        "window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"
    )
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_page(page, region_site_url + path)
    page.wait_for_function("() => document.documentElement.scrollWidth <= 320", timeout=3_000)
    assert page.evaluate("() => window.__csp") == []
    origin = region_site_url.split("/foraldraskapsstod/", 1)[0]
    assert [url for url in requests if not url.startswith(origin)] == []
    assert page.context.cookies() == []


@pytest.mark.parametrize(
    ("path", "chosen", "viewport"),
    [
        ("hitta-stod/?kommun=9902&alder=4", "9902", VIEWPORTS["dator"]),
        ("kommuner/fjallsta/", "9903", VIEWPORTS["dator"]),
        ("kommuner/fjallsta/", "9903", VIEWPORTS["mobil"]),
        ("sok/?q=f%C3%B6r%C3%A4lder&kommun=9901", "9901", VIEWPORTS["dator"]),
        ("sok/?q=f%C3%B6r%C3%A4lder&kommun=9901", "9901", VIEWPORTS["mobil"]),
        ("erbjudanden/foraldrakurs-i-norrvik-och-sjoby/", None, VIEWPORTS["dator"]),
    ],
    ids=["hitta-stod", "kommunsida-dator", "kommunsida-mobil", "sok-dator", "sok-mobil", "utan-kommun"],
)
def test_the_header_search_keeps_the_municipality_chosen(
    new_context: ContextFactory, region_site_url: str, path: str, chosen: str | None, viewport: dict[str, int]
) -> None:
    """From the finder or the results page with ?kommun= in the address, or from a municipality's page, a
    search from the header (its field, or on a phone its magnifier button) keeps to that municipality.
    On a phone the button is sent by the same form as the field, so two pages are enough there."""
    page = new_context(**viewport).new_page()
    open_page(page, region_site_url + path)
    if path.startswith("sok/") and not page.locator("#sg-header-q").is_visible():
        # on a phone the results page has its own field; the magnifier button searches the same words again
        with page.expect_navigation():
            page.locator("button.sg-header-search__button").click()
        wait_for_results(page, "förälder")
    else:
        open_search(page, "tonåring")
    query = parse_qs(urlsplit(page.url).query)
    assert query.get("kommun") == ([chosen] if chosen else None), page.url
    expect(page.locator("#sg-sok-kommun")).to_have_value(chosen or "")
    if chosen:
        expect(page.locator("#sg-sok-status")).to_contain_text(NAMES[chosen] + ": ")
    assert page.evaluate("() => localStorage.length + sessionStorage.length + document.cookie.length") == 0


def test_the_header_search_follows_a_municipality_changed_on_the_page(
    new_context: ContextFactory, region_site_url: str
) -> None:
    # The finder changes the address when the parent picks another municipality; the header search reads it
    # when it is sent, so it keeps to the new one, and to none when the parent chooses every municipality.
    page = new_context().new_page()
    open_page(page, region_site_url + "hitta-stod/?kommun=9901")
    page.locator("#sg-kommun").select_option("9903")
    page.wait_for_function("() => location.search.includes('kommun=9903')")
    open_search(page, "tonåring")
    assert parse_qs(urlsplit(page.url).query).get("kommun") == ["9903"], page.url
    page.locator("#sg-sok-kommun").select_option("")
    wait_for_results(page, "tonåring")
    assert "kommun=" not in page.url
    open_search(page, "förälder")
    assert "kommun=" not in page.url
    expect(page.locator("#sg-sok-kommun")).to_have_value("")

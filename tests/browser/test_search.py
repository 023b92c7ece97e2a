"""Stödguiden's search in the real browser: the searches parents type, the stems sok.js gives, hostile text, no JS."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from conftest import SAMPLE_DATA

from .conftest import TIMEOUT_MS, ContextFactory, open_page, open_search, serve_minimal_site, wait_for_results

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CASES: list[dict[str, Any]] = yaml.safe_load((ROOT / "tests" / "sok" / "sokfragor.yml").read_text(encoding="utf-8"))
SHARED = yaml.safe_load((ROOT / "tests" / "sok" / "stammar.yml").read_text(encoding="utf-8"))
STEMS: dict[str, str] = SHARED["ord"]
HOSTILE = '</script><img src=x onerror="document.title=\'hackad\'"> <b>fet</b> & "citat"'


@pytest.fixture(scope="module")
def search_page(browser: Browser, site_url: str) -> Iterator[Page]:
    """One page for all the searches of this module, which each start from the header of the page before."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    open_page(page, site_url)
    yield page
    context.close()


def result_slugs(page: Page) -> list[str]:
    """The offers shown, in order: those with every word, then those under "some of the words"."""
    return page.eval_on_selector_all(
        ".sg-results > li .sg-card__title a",
        "links => links.map(a => new URL(a.href).pathname.split('/').filter(Boolean).pop())",
    )


def test_the_query_list_is_long_enough_and_names_real_offers() -> None:
    offers = {path.stem for path in (SAMPLE_DATA / "erbjudanden").glob("*.yml")}
    assert len(CASES) >= 40
    assert sum(1 for case in CASES if case.get("inget")) >= 3
    for case in CASES:
        assert set(case) <= {"fråga", "hittar", "topp", "först", "inget"}, case
        assert case.get("inget") or set(case["hittar"]) <= offers, case
        assert "först" not in case or case["först"] in case["hittar"], case
    assert sum(1 for case in CASES if "först" in case) >= 10


@pytest.mark.parametrize("case", CASES, ids=[case["fråga"] for case in CASES])
def test_search_finds_the_right_offers(search_page: Page, case: dict[str, Any]) -> None:
    query = case["fråga"]
    open_search(search_page, query)
    slugs = result_slugs(search_page)
    status = search_page.locator("#sg-sok-status").text_content() or ""
    if case.get("inget"):
        assert slugs == [], f"{query!r} should find nothing, found {slugs}"
        assert status == (
            f"Inga erbjudanden passar din sökning på ”{query}”. Prova ett annat ord, eller välj "
            "efter barnets ålder eller typ av stöd."
        )
        return
    top = case.get("topp", 5)
    missing = [slug for slug in case["hittar"] if slug not in slugs[:top]]
    assert not missing, f"{query!r}: {missing} not among the first {top}: {slugs[: top + 5]}"
    if "först" in case:
        assert slugs[0] == case["först"], f"{query!r}: {case['först']} should come first: {slugs[:5]}"


def test_results_page_announces_the_count_and_shows_facts(search_page: Page) -> None:
    open_search(search_page, "kurs")
    slugs = result_slugs(search_page)
    status = search_page.locator("#sg-sok-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text(f"{len(slugs)} erbjudanden passar din sökning på ”kurs”.")
    assert len(slugs) == len(set(slugs)) >= 5
    assert "?q=kurs" in search_page.url
    first = search_page.locator("#sg-sok-resultat > li").first
    expect(first.locator("dt")).to_have_text(["Ålder", "Typ av stöd"])
    expect(search_page.locator("#sg-sok-q")).to_have_value("kurs")

    # Searching again from the page's own field shows the new results without loading the page again.
    search_page.evaluate("() => { window.stillHere = true; }")
    field = search_page.locator("#sg-sok-q")
    field.fill("babymassage")
    field.press("Enter")
    wait_for_results(search_page, "babymassage")
    assert search_page.evaluate("() => window.stillHere") is True
    assert result_slugs(search_page)[0] == "babymassage"
    assert search_page.title().startswith("”babymassage” – ")


def test_partial_matches_come_after_a_message(search_page: Page) -> None:
    open_search(search_page, "babymassage xyzzyq")
    slugs = result_slugs(search_page)
    assert slugs[0] == "babymassage"
    expect(search_page.locator("#sg-sok-status")).to_have_text(
        f"Inget erbjudande passar alla orden i ”babymassage xyzzyq”. {len(slugs)} erbjudanden passar några av dem."
    )


def test_offers_with_some_of_the_words_follow_under_their_own_heading(search_page: Page) -> None:
    open_search(search_page, "öppen förskola norrby")
    full = search_page.eval_on_selector_all("#sg-sok-resultat > li h2 a", "links => links.length")
    some = search_page.eval_on_selector_all("#sg-sok-nagra-lista > li h3 a", "links => links.length")
    assert full >= 1
    assert some >= 1
    assert result_slugs(search_page)[0] == "oppna-forskolan-kotten"
    expect(search_page.locator("#sg-sok-nagra")).to_be_visible()
    expect(search_page.locator("#sg-sok-status")).to_have_text(
        f"{full} {'erbjudande' if full == 1 else 'erbjudanden'} passar din sökning på ”öppen förskola norrby”. "
        f"{some} {'erbjudande' if some == 1 else 'erbjudanden'} till passar några av orden."
    )
    open_search(search_page, "kurs")
    expect(search_page.locator("#sg-sok-nagra")).to_be_hidden()
    assert search_page.locator("#sg-sok-nagra-lista > li").count() == 0


def test_javascript_splits_and_stems_as_the_shared_list_says(search_page: Page, site_url: str) -> None:
    """The same list tests/test_search_index.py holds Python's wordforms.py to."""
    got = search_page.evaluate(
        """async ([url, words, texts]) => {
        const rules = (await (await fetch(url)).json()).regler;
        return {ord: Object.fromEntries(words.map(w => [w, stodguidenSok.stem(w, rules)])),
                texter: Object.fromEntries(texts.map(t => [t, stodguidenSok.words(t)]))};
    }""",
        [site_url + "sok/index.json", list(STEMS), list(SHARED["texter"])],
    )
    assert got == SHARED


def test_index_is_fetched_only_when_the_parent_starts_searching(new_context: ContextFactory, site_url: str) -> None:
    page = new_context().new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_page(page, site_url + "erbjudanden/komet/")
    open_page(page, site_url + "sok/")
    assert not [url for url in fetched if url.endswith("/sok/index.json")]
    with page.expect_request(lambda request: request.url.endswith("/sok/index.json")):
        page.locator("#sg-header-q").focus()


def test_only_the_results_page_loads_the_search_and_the_header_fetches_the_index_elsewhere(
    new_context: ContextFactory, site_url: str
) -> None:
    page = new_context().new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_page(page, site_url + "erbjudanden/komet/")
    assert [url for url in fetched if url.endswith("/assets/javascripts/stodguiden.js")]
    assert not [url for url in fetched if url.endswith("/sok.js") or url.endswith("/sok/index.json")]
    with page.expect_request(lambda request: request.url.endswith("/sok/index.json")):
        page.locator("#sg-header-q").focus()
    open_page(page, site_url + "sok/?q=kurs")
    assert [url for url in fetched if url.endswith("/assets/javascripts/sok.js")]


def test_a_site_that_still_lists_the_search_for_every_page_runs_it_once(
    new_context: ContextFactory, site_url: str
) -> None:
    """A site whose mkdocs.yml is from before sok.js moved to the results page loads it twice there."""
    page = new_context().new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))

    def twice(route: Any) -> None:
        response = route.fetch()
        html = response.text()
        script = '<script src="../assets/javascripts/sok.js" defer></script>'
        assert script in html
        route.fulfill(response=response, body=html.replace("</body>", script + "</body>"))

    page.route(lambda url: "/sok/?q=" in url, twice)
    open_page(page, site_url + "sok/?q=kurs")
    assert sum(1 for url in fetched if url.endswith("/sok/index.json")) == 1
    slugs = result_slugs(page)
    assert slugs
    assert len(slugs) == len(set(slugs))  # each offer once


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    def make_hostile(data: Path) -> None:
        offer = data / "erbjudanden" / "komet.yml"
        text = offer.read_text(encoding="utf-8").replace("titel: Komet", f"titel: {json.dumps(HOSTILE)}")
        offer.write_text(
            text.replace(
                "sammanfattning: En kurs för dig som vill ha mindre bråk hemma.",
                f"sammanfattning: {json.dumps('Bråk hemma? ' + HOSTILE)}",
            ),
            encoding="utf-8",
        )

    with serve_minimal_site(tmp_path_factory, make_hostile) as (url, _):
        yield url


def test_hostile_text_in_an_offer_stays_text_in_the_results(new_context: ContextFactory, hostile_site: str) -> None:
    page = new_context().new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_page(page, hostile_site + "sok/?q=bråk")
    link = page.locator("#sg-sok-resultat > li h2 a").first
    expect(link).to_have_text(HOSTILE)
    expect(page.locator("#sg-sok-resultat > li p").first).to_have_text(f"Bråk hemma? {HOSTILE}")
    assert page.locator("#sg-sok-resultat img, #sg-sok-resultat b, #sg-sok-resultat script").count() == 0
    assert dialogs == []
    assert "hackad" not in page.title()


def test_without_javascript_the_forms_still_lead_to_a_helpful_page(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto(site_url)
        page.locator("#sg-header-q").fill("bråk")
        with page.expect_navigation():
            page.locator("#sg-header-q").press("Enter")
        assert page.url == site_url + "sok/?q=br%C3%A5k"
        expect(page.get_by_text("Sökningen behöver JavaScript")).to_be_visible()
        for name, path in (("Barnets ålder", "alder/"), ("Typ av stöd", "stod/"), ("Hitta stöd", "hitta-stod/")):
            link = page.locator("article").get_by_role("link", name=name, exact=True)
            assert link.get_attribute("href") == f"../{path}"
    finally:
        context.close()


@pytest.fixture(scope="module")
def many_offers_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The minimal site with 55 copies of its course, more than the results page shows at once."""

    def copy_course(data: Path) -> None:
        course = (data / "erbjudanden" / "komet.yml").read_text(encoding="utf-8")
        for i in range(1, 55):
            (data / "erbjudanden" / f"komet-{i}.yml").write_text(
                course.replace("titel: Komet", f"titel: Komet {i}"), encoding="utf-8"
            )

    with serve_minimal_site(tmp_path_factory, copy_course) as (url, _):
        yield url


def test_long_result_lists_come_fifty_at_a_time(new_context: ContextFactory, many_offers_site: str) -> None:
    page = new_context().new_page()
    open_page(page, many_offers_site + "sok/?q=komet")
    expect(page.locator("#sg-sok-status")).to_have_text("55 erbjudanden passar din sökning på ”komet”.")
    links = page.locator("#sg-sok-resultat > li h2 a")
    expect(links).to_have_count(50)
    more = page.locator("#sg-sok-fler")
    expect(more).to_have_text("Visa 5 till")
    more.focus()
    page.keyboard.press("Enter")
    expect(links).to_have_count(55)
    expect(links.nth(50)).to_be_focused()
    expect(more).to_be_hidden()


def test_own_header_keeps_materials_menu_button_and_title(new_context: ContextFactory, site_url: str) -> None:
    page = new_context(width=375, height=800).new_page()
    open_page(page, site_url + "erbjudanden/komet/")
    expect(page.locator(".md-header__topic").first).to_have_text("Föräldraskapsstöd i Exempelby")
    drawer = page.locator("#__drawer")
    expect(drawer).not_to_be_checked()
    page.locator('label.md-header__button[for="__drawer"]').click()
    expect(drawer).to_be_checked()
    expect(page.locator(".md-sidebar--primary").get_by_role("link", name="Föräldrakurser")).to_be_visible()

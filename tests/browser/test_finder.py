""" "Hitta stöd" in a real browser: filters, count, address, Back, no JavaScript, axe in every state;
"Dela", print and "Lämna sidan snabbt"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from playwright.sync_api import Locator, Page, Route, expect

from conftest import SAMPLE

from .conftest import ContextFactory, describe, open_page, run_axe

pytestmark = pytest.mark.browser

FINDER = "hitta-stod/"
SENSITIVE = "erbjudanden/stodgrupp-barn-som-anhoriga/"
LEAVE_URL = "https://www.smhi.se/"
"""`lämna_sidan_till` in data/webbplats.yml; never loaded: the tests intercept it."""


@pytest.fixture(scope="module")
def offers(sample_build: Any) -> list[dict[str, Any]]:
    data: dict[str, Any] = json.loads((Path(sample_build.site) / "hitta-stod" / "erbjudanden.json").read_text("utf-8"))
    return data["o"]


def expected_titles(
    offers: list[dict[str, Any]],
    *,
    age: int | None = None,
    kinds: tuple[str, ...] = (),
    free: bool = False,
    language: str | None = None,
    areas: tuple[str, ...] = (),
    expecting: bool = False,
    participants: str | None = None,
) -> list[str]:
    """The filter rules written out once more in Python, to check the browser against."""
    result = []
    for offer in offers:
        if expecting and not offer.get("e"):
            continue
        if participants and participants not in offer.get("d", []):
            continue
        if age is not None and not ("a" in offer and offer["a"][0] <= age <= offer["a"][1]):
            continue
        if kinds and not set(kinds) & set(offer["k"]):
            continue
        if areas and not set(areas) & set(offer.get("r", [])):
            continue
        if language and language not in offer.get("l", ["sv"]):
            continue
        if free and not offer.get("f"):
            continue
        result.append(offer["n"])
    return result


def field(page: Page, label: str) -> Locator:
    """A control of the finder's form by its label (the navigation has a "Barnets ålder" too)."""
    return page.locator("#sg-filter").get_by_label(label, exact=True)


def shown_titles(page: Page) -> list[str]:
    return page.locator("#sg-traffar .sg-card__title a").all_text_contents()


def assert_no_axe_violations(page: Page, axe_source: str, state: str) -> None:
    violations = run_axe(page, axe_source)
    assert not violations, f"axe på Hitta stöd ({state}):\n{describe(violations)}"


def test_filters_count_address_reload_and_back(
    new_context: ContextFactory, site_url: str, axe_source: str, offers: list[dict[str, Any]]
) -> None:
    page = new_context().new_page()
    data_requests: list[str] = []
    page.on(
        "request",
        lambda request: (
            data_requests.append(request.url) if request.url.endswith("/hitta-stod/erbjudanden.json") else None
        ),
    )
    open_page(page, site_url + FINDER)
    expect(page.locator("#sg-filter")).to_be_visible()
    expect(page.locator("#sg-antal")).to_have_text(f"{len(offers)} erbjudanden.")
    assert data_requests == [], "the data file is loaded before the parent uses a filter"
    assert_no_axe_violations(page, axe_source, "utan val")

    field(page, "Barnets ålder").select_option(label="4 år")
    four = expected_titles(offers, age=4)
    expect(page.locator("#sg-traffar .sg-card")).to_have_count(len(four))
    assert shown_titles(page) == four
    expect(page.locator("#sg-antal")).to_have_text(f"{len(four)} erbjudanden passar dina val.")
    expect(page.locator("#sg-alla")).to_be_hidden()
    assert len(data_requests) == 1

    field(page, "Föräldrakurser").check()
    field(page, "Bara det som är kostnadsfritt").check()
    narrowed = expected_titles(offers, age=4, kinds=("foraldrakurser",), free=True)
    assert 0 < len(narrowed) < len(four)
    expect(page.locator("#sg-traffar .sg-card")).to_have_count(len(narrowed))
    assert shown_titles(page) == narrowed
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"alder": ["4"], "typ": ["foraldrakurser"], "gratis": ["ja"]}
    assert page.locator("#sg-antal").get_attribute("role") == "status"
    assert_no_axe_violations(page, axe_source, "med träffar")

    # a result shows the facts in the offer page's order, and its link leads to the offer
    first = page.locator("#sg-traffar .sg-card").first
    who = ["Vem deltar"] if "w" in next(o for o in offers if o["n"] == narrowed[0]) else []
    assert first.locator("dt").all_text_contents() == ["Ålder", *who, "Typ av stöd", "Var", "När", "Kostnad"]
    assert "Föräldrakurser" in first.locator("dd").nth(1 + len(who)).text_content()

    # the shared address restores the same choices and results in a new tab
    shared = page.url
    other = new_context().new_page()
    open_page(other, shared)
    expect(other.locator("#sg-traffar .sg-card")).to_have_count(len(narrowed))
    expect(field(other, "Föräldrakurser")).to_be_checked()
    expect(field(other, "Barnets ålder")).to_have_value("4")
    other.reload()
    expect(other.locator("#sg-traffar .sg-card")).to_have_count(len(narrowed))

    # Back undoes the last choice (kostnadsfritt), and once more the one before
    page.go_back()
    expect(field(page, "Bara det som är kostnadsfritt")).not_to_be_checked()
    with_kinds = expected_titles(offers, age=4, kinds=("foraldrakurser",))
    expect(page.locator("#sg-traffar .sg-card")).to_have_count(len(with_kinds))
    page.go_back()
    expect(field(page, "Föräldrakurser")).not_to_be_checked()
    expect(page.locator("#sg-traffar .sg-card")).to_have_count(len(four))

    # clearing everything brings the full list back in one step
    page.get_by_role("button", name="Rensa alla val").click()
    expect(page.locator("#sg-alla")).to_be_visible()
    expect(page.locator("#sg-resultat")).to_be_hidden()
    expect(page.locator("#sg-antal")).to_have_text(f"{len(offers)} erbjudanden.")
    expect(field(page, "Barnets ålder")).to_have_value("")
    assert urlsplit(page.url).query == ""


def test_language_area_and_no_match(
    new_context: ContextFactory, site_url: str, axe_source: str, offers: list[dict[str, Any]]
) -> None:
    page = new_context(width=320, height=700).new_page()
    open_page(page, site_url + FINDER + "?sprak=ar")
    arabic = expected_titles(offers, language="ar")
    assert arabic
    expect(page.locator("#sg-traffar .sg-card")).to_have_count(len(arabic))
    assert shown_titles(page) == arabic
    expect(field(page, "Språk")).to_have_value("ar")

    field(page, "Digitalt, på nätet").check()
    online_arabic = expected_titles(offers, language="ar", areas=("digitalt",))
    expect(page.locator("#sg-traffar .sg-card")).to_have_count(len(online_arabic))

    field(page, "Barnets ålder").select_option(label="Väntar barn")
    assert expected_titles(offers, language="ar", areas=("digitalt",), expecting=True) == []
    expect(page.locator("#sg-ingen")).to_be_visible()
    expect(page.locator("#sg-antal")).to_have_text("Inget erbjudande passar dina val.")
    expect(page.locator("#sg-ingen-text")).to_have_text(
        "Inget erbjudande passar alla dina val. Prova att välja en annan ålder, välja fler platser eller "
        "Digitalt eller välja Alla språk. Du kan också trycka på Rensa alla val."
    )
    expect(page.locator("#sg-ingen a[href^='tel:']")).to_have_text("Ring 031-390 06 25")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320, f"the finder needs {width} px at 320 px"
    assert_no_axe_violations(page, axe_source, "inga träffar, 320 px")


def test_who_takes_part(
    new_context: ContextFactory, site_url: str, axe_source: str, offers: list[dict[str, Any]]
) -> None:
    """ "Vem deltar": a group for the child, or support for the parent; the choice is in the address, the
    results say who takes part, and an offer that does not say who takes part is found by neither."""
    page = new_context().new_page()
    open_page(page, site_url + FINDER)
    who = field(page, "Vem deltar")
    assert who.locator("option").all_text_contents() == ["Alla erbjudanden", "Stöd för mig", "En grupp för mitt barn"]

    who.select_option(label="En grupp för mitt barn")
    for_the_child = expected_titles(offers, participants="barn")
    expect(page.locator("#sg-traffar .sg-card")).to_have_count(len(for_the_child))
    assert shown_titles(page) == for_the_child
    assert parse_qs(urlsplit(page.url).query) == {"deltar": ["barn"]}
    expect(page.locator("#sg-val")).to_have_text("Dina val: Vem deltar: En grupp för mitt barn.")
    # a group for the child alone, and a family activity, are both found; each result says who takes part
    assert "Syskongrupp för barn som har en bror eller syster med funktionsnedsättning" in for_the_child
    assert "Familjelördag i Söderby" in for_the_child
    syskon = page.locator("#sg-traffar .sg-card").filter(has_text="Syskongrupp")
    assert syskon.locator("dt").all_text_contents()[:2] == ["Ålder", "Vem deltar"]
    expect(syskon.locator("dd").nth(1)).to_have_text("Ditt barn")
    assert_no_axe_violations(page, axe_source, "en grupp för mitt barn")

    who.select_option(label="Stöd för mig")
    for_me = expected_titles(offers, participants="vuxen")
    expect(page.locator("#sg-antal")).to_have_text(f"{len(for_me)} erbjudanden passar dina val.")
    assert shown_titles(page) == for_me[:30]  # the first batch
    assert "Syskongrupp för barn som har en bror eller syster med funktionsnedsättning" not in for_me
    silent = [o["n"] for o in offers if "d" not in o]
    assert silent, "the sample data needs an offer that does not say who takes part"
    assert not set(silent) & (set(for_me) | set(for_the_child))

    # with an age too, and from the shared address in a new tab
    field(page, "Barnets ålder").select_option(label="8 år")
    both = expected_titles(offers, age=8, participants="vuxen")
    assert 0 < len(both) < min(len(for_me), 30)
    expect(page.locator("#sg-traffar .sg-card")).to_have_count(len(both))
    assert shown_titles(page) == both
    other = new_context().new_page()
    open_page(other, page.url)
    expect(field(other, "Vem deltar")).to_have_value("vuxen")
    expect(other.locator("#sg-traffar .sg-card")).to_have_count(len(both))

    # Back returns to the child's choice; the widening advice names the filter
    page.go_back()
    expect(field(page, "Barnets ålder")).to_have_value("")
    page.go_back()
    expect(who).to_have_value("barn")
    expect(page.locator("#sg-traffar .sg-card")).to_have_count(len(for_the_child))
    open_page(page, site_url + FINDER + "?deltar=barn&alder=17")
    assert expected_titles(offers, participants="barn", age=17) == []
    expect(page.locator("#sg-ingen-text")).to_have_text(
        "Inget erbjudande passar alla dina val. Prova att välja en annan ålder eller välja Alla erbjudanden under "
        "Vem deltar. Du kan också trycka på Rensa alla val."
    )


def test_keyboard_only(new_context: ContextFactory, site_url: str, offers: list[dict[str, Any]]) -> None:
    page = new_context().new_page()
    open_page(page, site_url + FINDER)
    field(page, "Barnets ålder").focus()
    page.keyboard.press("Tab")
    expect(field(page, "Vem deltar")).to_be_focused()
    page.keyboard.press("Tab")
    expect(field(page, "Samtal och rådgivning")).to_be_focused()
    page.keyboard.press("Space")
    talks = expected_titles(offers, kinds=("samtal",))
    expect(page.locator("#sg-traffar .sg-card")).to_have_count(len(talks))
    expect(page.locator("#sg-antal")).to_have_text(f"{len(talks)} erbjudanden passar dina val.")


def test_without_javascript_every_offer_is_listed(browser: Any, site_url: str, offers: list[dict[str, Any]]) -> None:
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    try:
        page = context.new_page()
        page.goto(site_url + FINDER + "?alder=4")
        expect(page.locator("#sg-filter")).to_be_hidden()
        links = page.locator("#sg-alla a")
        slugs = {
            unquote(href).split("/")[-2] for href in (links.nth(i).get_attribute("href") for i in range(links.count()))
        }
        assert slugs == {offer["u"] for offer in offers}
        assert page.locator("#sg-alla h2").first.text_content() == "Väntar barn"
        with page.expect_navigation():
            links.first.click()
        assert page.url.endswith("/erbjudanden/familjecentralen-solrosen/")
    finally:
        context.close()


def test_without_javascript_has_no_axe_violations(new_context: ContextFactory, site_url: str, axe_source: str) -> None:
    """The no-JavaScript state (form hidden, plain list) checked by axe in a context where axe can run."""
    context = new_context()
    context.route("**/hitta-stod.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + FINDER, wait_until="load")
    expect(page.locator("#sg-filter")).to_be_hidden()
    expect(page.locator("#sg-alla")).to_be_visible()
    assert_no_axe_violations(page, axe_source, "utan JavaScript")


# --- Dela ---


def test_share_uses_the_system_share_sheet(new_context: ContextFactory, site_url: str) -> None:
    context = new_context()
    context.add_init_script("""
        window.__shared = [];
        navigator.share = data => { window.__shared.push(data); return Promise.resolve(); };
    """)
    page = context.new_page()
    open_page(page, site_url + "erbjudanden/komet/")
    expect(page.locator(".sg-share__links")).to_be_hidden()
    page.get_by_role("button", name="Dela sidan").click()
    shared = page.evaluate("() => window.__shared")
    assert shared == [{"title": page.locator("h1").text_content(), "url": page.url}]


def test_share_falls_back_to_mail_and_sms(new_context: ContextFactory, site_url: str) -> None:
    page = new_context().new_page()
    open_page(page, site_url + FINDER + "?alder=4")
    expect(page.get_by_role("button", name="Dela resultatet")).to_be_hidden()
    mail = page.get_by_role("link", name="Dela resultatet med e-post")
    sms = page.get_by_role("link", name="Dela resultatet med sms")
    expect(mail).to_be_visible()
    assert unquote(mail.get_attribute("href") or "") == (
        "mailto:?subject=Hitta stöd – Föräldraskapsstöd i Exempelby&body=Hitta stöd – Föräldraskapsstöd i "
        f"Exempelby\n{page.url}"
    )
    field(page, "Föräldrakurser").check()
    expect(sms).to_have_attribute(
        "href",
        "sms:?&body="
        + page.evaluate("() => encodeURIComponent('Hitta stöd – Föräldraskapsstöd i Exempelby\\n' + location.href)"),
    )
    assert "typ=foraldrakurser" in unquote(sms.get_attribute("href") or "")


def test_share_links_work_without_javascript(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    try:
        page = context.new_page()
        page.goto(site_url + "erbjudanden/komet/")
        mail = page.get_by_role("link", name="Dela sidan med e-post")
        expect(mail).to_be_visible()
        title = "Komet för föräldrar till barn 3–11 år"
        address = "https://www.exempelby.se/foraldraskapsstod/erbjudanden/komet/"  # from site_url in mkdocs.yml
        assert unquote(mail.get_attribute("href") or "") == f"mailto:?subject={title}&body={title}\n{address}"
        sms = page.get_by_role("link", name="Dela sidan med sms")
        assert unquote(sms.get_attribute("href") or "") == f"sms:?&body={title}\n{address}"
    finally:
        context.close()


# --- Print ---


@pytest.mark.parametrize(
    ("path", "internal_link"),
    [("erbjudanden/komet/", ".md-content a[href^='../../stod/']"), (FINDER + "?alder=4", "#sg-traffar a")],
    ids=["erbjudande", "resultat"],
)
def test_print_shows_only_the_content_with_addresses(
    new_context: ContextFactory, site_url: str, path: str, internal_link: str
) -> None:
    page = new_context().new_page()
    open_page(page, site_url + path)
    if "?" in path:
        page.locator("#sg-traffar .sg-card").first.wait_for()
    page.emulate_media(media="print")
    for selector in (".md-header", ".sg-header-search", ".md-sidebar--primary", ".md-footer", ".sg-share"):
        display = page.locator(selector).first.evaluate("e => getComputedStyle(e).display")
        assert display == "none", f"{selector} is printed"
    after = page.locator(internal_link).first.evaluate("e => getComputedStyle(e, '::after').content")
    assert after.startswith(f'" ({site_url}erbjudanden/' if "?" in path else f'" ({site_url}stod/'), after
    outside = page.locator(".md-content__inner a[href^='https://']").first
    href = outside.get_attribute("href")
    assert outside.evaluate("e => getComputedStyle(e, '::after').content") == f'" ({href})"'
    for button in page.locator(".md-content button").all():
        assert button.evaluate("e => getComputedStyle(e).display") == "none"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


# --- Lämna sidan snabbt ---


def _intercept_leave(page: Page) -> list[str]:
    requested: list[str] = []

    def fulfil(route: Route) -> None:
        requested.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Väder</title><p>Väder")

    page.route(LEAVE_URL + "**", fulfil)
    return requested


@pytest.mark.parametrize("how", ["klick", "tangentbord", "esc"])
def test_leave_quickly_replaces_the_page(new_context: ContextFactory, site_url: str, how: str) -> None:
    page = new_context().new_page()
    requested = _intercept_leave(page)
    open_page(page, site_url)
    open_page(page, site_url + SENSITIVE)
    length = page.evaluate("() => history.length")
    button = page.get_by_role("link", name="Lämna sidan snabbt")
    expect(button).to_be_visible()
    assert button.evaluate("e => getComputedStyle(e).position") == "fixed"
    with page.expect_navigation(url=LEAVE_URL):
        if how == "klick":
            button.click()
        elif how == "tangentbord":
            page.keyboard.press("Tab")  # the skip link
            page.keyboard.press("Tab")
            expect(button).to_be_focused()
            page.keyboard.press("Enter")
        else:
            page.keyboard.press("Escape")
            page.keyboard.press("Escape")
    assert requested == [LEAVE_URL]
    assert page.evaluate("() => history.length") == length, "the sensitive page is still in the history"
    page.go_back()
    assert page.url == site_url, "Back leads to the sensitive page"


def test_sensitive_offer_shows_help_lines(new_context: ContextFactory, site_url: str, axe_source: str) -> None:
    page = new_context(width=375, height=800).new_page()
    _intercept_leave(page)
    open_page(page, site_url + SENSITIVE)
    box = page.locator(".sg-helplines")

    def line(name: str, number: str) -> Locator:
        """The link of one help line: its name in bold, then a link that says "Ring" and the number."""
        item = box.locator("li").filter(has=page.locator("strong", has_text=f"{name}:"))
        return item.get_by_role("link", name=f"Ring {number}", exact=True)

    expect(line("BRIS", "116 111")).to_have_attribute("href", "tel:116111")
    expect(line("Kvinnofridslinjen", "020-50 50 50")).to_be_visible()
    expect(line("Akut fara", "112")).to_have_attribute("href", "tel:112")
    assert_no_axe_violations(page, axe_source, "känsligt erbjudande")
    open_page(page, site_url + "erbjudanden/komet/")
    expect(page.locator(".sg-leave")).to_have_count(0)
    expect(page.locator(".sg-helplines")).to_have_count(0)


def _other_schemes() -> list[str]:
    """Colour schemes of the palettes in mkdocs.yml besides the default (a dark one, if the site has it)."""
    config = yaml.load((SAMPLE / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    palette = config["theme"].get("palette", {})
    palettes = palette if isinstance(palette, list) else [palette]
    return [p["scheme"] for p in palettes if p.get("scheme", "default") != "default"]


@pytest.mark.parametrize(
    "path", [FINDER + "?alder=99&sprak=ar", FINDER + "?alder=4", SENSITIVE], ids=["inga-traffar", "traffar", "kansligt"]
)
def test_other_palettes_have_no_axe_violations(
    new_context: ContextFactory, site_url: str, axe_source: str, path: str
) -> None:
    """Every further palette the site offers (e.g. a dark one): the parts use only Material's colour variables."""
    schemes = _other_schemes()
    if not schemes:
        pytest.skip("mkdocs.yml offers one palette only")
    page = new_context().new_page()
    _intercept_leave(page)
    open_page(page, site_url + path)
    for scheme in schemes:
        # Material fades colours (CSS transitions): axe must see the new palette, not a colour half-way there.
        page.evaluate(
            """scheme => {
            document.body.setAttribute('data-md-color-scheme', scheme);
            return Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
        }""",
            scheme,
        )
        assert_no_axe_violations(page, axe_source, f"färgschema {scheme}, {path}")


def test_long_result_lists_are_drawn_in_batches(
    new_context: ContextFactory, site_url: str, offers: list[dict[str, Any]]
) -> None:
    page = new_context().new_page()
    open_page(page, site_url + FINDER + "?sprak=sv")
    swedish = expected_titles(offers, language="sv")
    assert len(swedish) > 30, "the sample data needs more than one batch of Swedish offers for this test"
    expect(page.locator("#sg-traffar .sg-card")).to_have_count(30)
    expect(page.locator("#sg-antal")).to_have_text(f"{len(swedish)} erbjudanden passar dina val.")
    more = page.get_by_role("button", name=f"Visa fler ({len(swedish) - 30} till)")
    more.click()
    expect(page.locator("#sg-traffar .sg-card")).to_have_count(len(swedish))
    assert shown_titles(page) == swedish
    expect(page.locator("#sg-traffar .sg-card").nth(30).locator("a")).to_be_focused()
    expect(more).to_be_hidden()

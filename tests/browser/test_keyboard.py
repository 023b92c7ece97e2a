"""Keyboard users can skip the header and navigation, and always see where the focus is."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import ContextFactory, open_page, served, wait_for_results
from .pages import PAGES, REGION_PAGES, SEARCH_WORD

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

FOCUS_STYLE = """el => {
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {outline: outline ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : null,
            shadow: style.boxShadow === 'none' ? null : style.boxShadow};
}"""


def focus_is_visible(page: Page) -> dict[str, str | None]:
    return page.evaluate(f"({FOCUS_STYLE})(document.activeElement)")


@pytest.mark.parametrize(
    "viewport", [{"width": 375, "height": 800}, {"width": 1280, "height": 900}], ids=["mobil", "dator"]
)
@pytest.mark.parametrize(
    ("sample", "path"),
    [
        ("huvud", PAGES["start"]),
        ("huvud", PAGES["erbjudande-med-omgangar"]),
        ("region", REGION_PAGES["start"]),
        ("region", REGION_PAGES["kommun"]),
    ],
    ids=["huvud-start", "huvud-erbjudande-med-omgangar", "region-start", "region-kommun"],
)
def test_first_tab_reaches_a_visible_skip_link_to_the_content(
    new_context: ContextFactory, request: pytest.FixtureRequest, sample: str, path: str, viewport: dict[str, int]
) -> None:
    page = new_context(**viewport).new_page()
    open_page(page, served(request, sample) + path)

    page.keyboard.press("Tab")
    skip = page.evaluate(
        "() => ({skip: document.activeElement.classList.contains('md-skip'),"
        " text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert skip["skip"], skip
    assert skip["text"] == "Gå till innehållet", skip
    style = focus_is_visible(page)
    assert style["outline"] or style["shadow"], f"the focused skip link has no outline or shadow: {style}"
    assert page.locator("a.md-skip").is_visible()

    page.keyboard.press("Enter")
    page.wait_for_function("hash => location.hash === hash", arg=skip["href"])
    target = page.evaluate(
        """hash => {
        const el = document.querySelector(hash);
        const box = el.getBoundingClientRect();
        return {inContent: !!el.closest('article.md-content__inner'), top: box.top, height: innerHeight};
    }""",
        skip["href"],
    )
    assert target["inContent"], f"{skip['href']} is not in the main content"
    assert 0 <= target["top"] < target["height"], f"{skip['href']} was not scrolled into view: {target}"

    # The next Tab continues from the target, not from the header or the navigation before the content.
    page.keyboard.press("Tab")
    after = page.evaluate(
        """hash => {
        const target = document.querySelector(hash), el = document.activeElement;
        return {follows: !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
                html: el.outerHTML.slice(0, 120)};
    }""",
        skip["href"],
    )
    assert after["follows"], f"focus did not move to the content; it is on {after['html']}"
    style = focus_is_visible(page)
    assert style["outline"] or style["shadow"], f"no visible focus on {after['html']}: {style}"


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("sample", ["huvud", "region"])
def test_palette_toggle_is_reachable_visible_and_works_with_the_keyboard(
    new_context: ContextFactory, request: pytest.FixtureRequest, sample: str
) -> None:
    page = new_context().new_page()
    open_page(page, served(request, sample))
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == "__palette":
            break
    else:
        pytest.fail("Tab never reached the palette toggle")
    toggle = page.evaluate("""() => {
        const input = document.activeElement, label = input.nextElementSibling, style = getComputedStyle(label);
        return {name: input.getAttribute('aria-label'), outline: style.outlineStyle,
                width: parseFloat(style.outlineWidth), colour: style.outlineColor,
                header: getComputedStyle(document.querySelector('.md-header')).backgroundColor};
    }""")
    assert toggle["name"] == "Byt till mörkt läge"
    assert toggle["outline"] != "none", toggle
    assert toggle["width"] >= 2, toggle
    # WCAG 1.4.11: the focus outline stands out from the header it is drawn on by at least 3:1.
    assert _contrast(toggle["colour"], toggle["header"]) >= 3, toggle
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Byt till ljust läge"


@pytest.mark.parametrize(
    "viewport", [{"width": 375, "height": 800}, {"width": 1280, "height": 900}], ids=["mobil", "dator"]
)
@pytest.mark.parametrize(
    ("sample", "path"),
    [("huvud", PAGES["erbjudande-med-omgangar"]), ("region", REGION_PAGES["erbjudande-for-tva-kommuner"])],
    ids=["huvud", "region"],
)
def test_search_field_comes_right_after_the_skip_link(
    new_context: ContextFactory, request: pytest.FixtureRequest, sample: str, path: str, viewport: dict[str, int]
) -> None:
    # On wide screens the header's search field comes next; on narrow ones (below 60em) the header shows only
    # the magnifier button, which opens sok/ with the focus already in its search field.
    site_url = served(request, sample)
    page = new_context(**viewport).new_page()
    open_page(page, site_url + path)
    narrow = viewport["width"] < 960
    target = "button.sg-header-search__button" if narrow else "#sg-header-q"
    assert page.locator("#sg-header-q").is_visible() is not narrow
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    passed = []
    for _ in range(3):  # the logo link comes first where it is shown; nothing from the navigation may
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "target => ({search: document.activeElement.matches(target),"
            " html: document.activeElement.outerHTML.slice(0, 80),"
            " nav: !!document.activeElement.closest('.md-sidebar')})",
            target,
        )
        if focused["search"]:
            break
        assert not focused["nav"], f"the navigation comes before the search: {focused['html']}"
        passed.append(focused["html"])
    else:
        pytest.fail(f"the search was not reached in three Tabs after the skip link; focus went to {passed}")
    style = focus_is_visible(page)
    assert style["outline"] or style["shadow"], f"the focused search shows no focus: {style}"
    if narrow:
        assert page.evaluate("() => document.activeElement.textContent.trim()") == "Sök"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.id === 'sg-sok-q'")
        assert page.url == site_url + "sok/?q="
        style = focus_is_visible(page)
        assert style["outline"] or style["shadow"], f"the focused search field on sok/ shows no focus: {style}"
    page.keyboard.type(SEARCH_WORD)
    if narrow:
        page.keyboard.press("Enter")  # sok/ shows the results in place, without loading a new page
    else:
        with page.expect_navigation():
            page.keyboard.press("Enter")
    wait_for_results(page, SEARCH_WORD)
    assert page.locator("#sg-sok-resultat a").count() > 0

"""WCAG 1.4.4 Resize text: at 200 % zoom nothing is cut off, nothing overlaps and nothing scrolls sideways.

Zooming a 1280 px wide window to 200 % leaves 640 CSS pixels at twice the pixel density; that is
what the browser is given here (a 640 px viewport with device_scale_factor 2).
"""

from __future__ import annotations

import pytest

from .conftest import ContextFactory, open_page, served
from .pages import PAGES, REGION_PAGES, both_ids, both_samples

pytestmark = pytest.mark.browser

WIDTH, HEIGHT, ZOOM = 1280 // 2, 900 // 2, 2

CLIPPED = """() => [...document.querySelectorAll('body *')].filter(el => {
    const style = getComputedStyle(el);
    if (!el.offsetParent && style.position !== 'fixed') return false;           // not shown
    if (!['hidden', 'clip'].includes(style.overflowX) && !['hidden', 'clip'].includes(style.overflowY)) return false;
    if (!el.innerText || !el.innerText.trim()) return false;
    if (el.closest('.md-sidebar, .md-search, [hidden], .md-skip')) return false;  // off-screen until opened
    // Text for screen readers only (the visually hidden pattern, .sg-visually-hidden): a box of at most 1×1 px,
    // out of the flow and clipped away entirely. It is hidden on purpose, not cut off; text merely squeezed
    // into 1 px without the clip is still reported.
    const box = el.getBoundingClientRect();
    if (style.position === 'absolute' && box.width <= 1 && box.height <= 1
        && (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)')) return false;
    return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
}).map(el => el.outerHTML.slice(0, 120))"""

OVERLAPPING = """() => {
    // The boxes of the lines of text in the page's content; two of them covering each other is overlap.
    const boxes = [];
    const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!node.textContent.trim() || !node.parentElement.offsetParent) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
            if (r.width > 1 && r.height > 1) boxes.push({r, text: node.textContent.trim().slice(0, 40)});
        }
    }
    const found = [];
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].r, b = boxes[j].r;
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > 2 && h > 2) found.push(`${boxes[i].text} | ${boxes[j].text}`);
        }
    }
    return found.slice(0, 10);
}"""


@pytest.mark.parametrize(("sample", "path"), both_samples(PAGES, REGION_PAGES), ids=both_ids(PAGES, REGION_PAGES))
def test_text_at_200_percent_zoom(
    new_context: ContextFactory, request: pytest.FixtureRequest, sample: str, path: str
) -> None:
    page = new_context(width=WIDTH, height=HEIGHT, device_scale_factor=ZOOM).new_page()
    open_page(page, served(request, sample) + path)
    assert page.evaluate("() => devicePixelRatio") == ZOOM
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= WIDTH, f"/{path} scrolls sideways at 200 % zoom: {width}px"
    assert page.evaluate(CLIPPED) == [], f"/{path}: text is cut off at 200 % zoom"
    assert page.evaluate(OVERLAPPING) == [], f"/{path}: text overlaps at 200 % zoom"


def test_the_checks_find_clipped_and_overlapping_text(new_context: ContextFactory, site_url: str) -> None:
    # The checks above must be able to fail: break a page on purpose and look.
    page = new_context(width=WIDTH, height=HEIGHT, device_scale_factor=ZOOM).new_page()
    open_page(page, site_url + PAGES["erbjudande-med-omgangar"])
    # Styles set through the DOM (the page's Content-Security-Policy allows no inline <style> element).
    page.evaluate(
        """() => {
            for (const lead of document.querySelectorAll(".sg-lead")) {
                Object.assign(lead.style, {whiteSpace: "nowrap", overflow: "hidden", width: "10em"});
            }
            Object.assign(document.getElementById("rubrik").style, {position: "relative", top: "2.5em"});
        }"""
    )
    assert any("sg-lead" in html for html in page.evaluate(CLIPPED))
    assert page.evaluate(OVERLAPPING) != []


def test_only_text_hidden_on_purpose_is_let_through(new_context: ContextFactory, site_url: str) -> None:
    # The page has text for screen readers only (.sg-visually-hidden); the same 1 px box without the clip
    # is text cut off by mistake and must be reported.
    page = new_context(width=WIDTH, height=HEIGHT, device_scale_factor=ZOOM).new_page()
    open_page(page, site_url + PAGES["erbjudande-med-omgangar"])
    assert page.locator("article .sg-visually-hidden").count() > 0
    page.evaluate("""() => {
        const article = document.querySelector('article');
        for (const [id, style] of [['avsiktligt', ''], ['av-misstag', 'clip: auto; clip-path: none;']]) {
            const p = document.createElement('p');
            p.id = id;
            p.className = 'sg-visually-hidden';
            p.style.cssText = style;
            p.textContent = 'Den här texten är till för skärmläsare';
            article.append(p);
        }
    }""")
    clipped = page.evaluate(CLIPPED)
    assert not any('id="avsiktligt"' in html for html in clipped), clipped
    assert any('id="av-misstag"' in html for html in clipped), clipped

"""Nothing moves while the finder with a choice in the address and search with a query load.

A `PerformanceObserver` for `layout-shift` entries (the browser's own measure, which Lighthouse's CLS adds
up) records from before the page's first paint until the results are shown and a moment after. Shifts
right after the visitor's own input do not count, as in CLS. Not timed: only how far things moved.
"""

from __future__ import annotations

import pytest

from .conftest import ContextFactory, open_page, served
from .pages import VIEWPORTS

pytestmark = pytest.mark.browser

LIMIT = 0.02
RECORD = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) {
      window.__shifts.push({value: entry.value, nodes: entry.sources.map(s => s.node ? s.node.nodeName + "#" +
        (s.node.id || "") + "." + (s.node.className || "") : "?")});
    }
  }
}).observe({type: "layout-shift", buffered: true});
"""
LOADING = {
    "huvud-hitta-stod-med-alder": ("huvud", "hitta-stod/?alder=4", "#sg-traffar .sg-card"),
    "huvud-sok-med-fraga": ("huvud", "sok/?q=kurs", "#sg-sok-resultat li"),
    # the region sample: the municipality's filter in the address as well
    "region-hitta-stod-med-alder-och-kommun": ("region", "hitta-stod/?alder=4&kommun=9901", "#sg-traffar .sg-card"),
    "region-sok-med-fraga-och-kommun": ("region", "sok/?q=f%C3%B6r%C3%A4lder&kommun=9902", "#sg-sok-resultat li"),
}


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
@pytest.mark.parametrize(("sample", "path", "result"), LOADING.values(), ids=LOADING.keys())
def test_nothing_moves_while_the_results_load(
    new_context: ContextFactory,
    request: pytest.FixtureRequest,
    sample: str,
    path: str,
    result: str,
    viewport: dict[str, int],
) -> None:
    site_url = served(request, sample)
    context = new_context(**viewport)
    context.add_init_script(RECORD)
    page = context.new_page()
    open_page(page, site_url + path)
    page.locator(result).first.wait_for()
    page.wait_for_timeout(500)  # anything that still settles after the results are drawn
    shifts = page.evaluate("() => window.__shifts")
    total = sum(shift["value"] for shift in shifts)
    assert total <= LIMIT, f"/{path}: layout shift {total:.3f} > {LIMIT}: {shifts}"

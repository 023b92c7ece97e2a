"""axe-core finds no WCAG 2.1 A/AA problem on any layout of the sample site, on a phone and on a computer,
in the light and the dark palette."""

from __future__ import annotations

import pytest

from .conftest import ContextFactory, describe, open_page, open_search, run_axe
from .pages import PAGES, PALETTES, SCHEMES, VIEWPORTS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("palette", PALETTES.values(), ids=PALETTES.keys())
@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_axe_violations(
    new_context: ContextFactory, site_url: str, axe_source: str, path: str, viewport: dict[str, int], palette: str
) -> None:
    page = new_context(**viewport, color_scheme=palette).new_page()
    open_page(page, site_url + path)
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == SCHEMES[palette]
    violations = run_axe(page, axe_source)
    assert not violations, f"axe på /{path}:\n{describe(violations)}"


@pytest.mark.parametrize("palette", PALETTES.values(), ids=PALETTES.keys())
@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_search_with_results_has_no_axe_violations(
    new_context: ContextFactory, site_url: str, axe_source: str, viewport: dict[str, int], palette: str
) -> None:
    page = new_context(**viewport, color_scheme=palette).new_page()
    open_page(page, site_url)
    open_search(page)
    violations = run_axe(page, axe_source)
    assert not violations, f"axe på sökningen:\n{describe(violations)}"

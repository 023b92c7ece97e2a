"""A new site with no offers yet (as hooks/ny_webbplats.py leaves it): each page a parent may land on says so
and whom to ask, passes axe on a phone and a computer in both palettes, and runs its scripts without errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from .conftest import ContextFactory, describe, run_axe, serve_minimal_site
from .pages import PALETTES, VIEWPORTS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.browser

EMPTY_PAGES = {"start": "", "aldrar": "alder/", "aldersgrupp": "alder/skolbarn/", "hitta-stod": "hitta-stod/"}
EMPTY_PAGES |= {"hitta-stod-med-val": "hitta-stod/?alder=4", "sok": "sok/?q=kurs"}
NOTICE = "Här finns inga erbjudanden ännu."


def _without_offers(data: Path) -> None:
    for offer in (data / "erbjudanden").glob("*.yml"):
        offer.unlink()


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_minimal_site(tmp_path_factory, _without_offers) as (url, _):
        yield url


@pytest.mark.parametrize("palette", PALETTES.values(), ids=PALETTES.keys())
@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
@pytest.mark.parametrize("path", EMPTY_PAGES.values(), ids=EMPTY_PAGES.keys())
def test_a_site_without_offers_says_so_accessibly(
    new_context: ContextFactory, empty_site: str, axe_source: str, path: str, viewport: dict[str, int], palette: str
) -> None:
    page = new_context(**viewport, color_scheme=palette).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    # Not open_page: with nothing to search, sok/?q= shows no results for it to wait for.
    page.goto(empty_site + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    notice = page.locator(".sg-empty--site")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(NOTICE)
    expect(notice.get_by_role("link", name="Mejla stod@testby.se")).to_be_visible()
    assert errors == []
    violations = run_axe(page, axe_source)
    assert not violations, f"axe på /{path}:\n{describe(violations)}"

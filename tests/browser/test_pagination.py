"""The pages of a long age group: no axe problem on a phone or a computer in either palette, and a
visitor can walk from the first page to the last with "Nästa sida" and see every offer once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import add_komet_copies

from .conftest import ContextFactory, describe, open_page, run_axe, serve_minimal_site
from .pages import PALETTES, VIEWPORTS

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = pytest.mark.browser

COPIES = 70


@pytest.fixture(scope="module")
def many_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_minimal_site(tmp_path_factory, lambda data: add_komet_copies(data, COPIES)) as (url, _):
        yield url


@pytest.mark.parametrize("palette", PALETTES.values(), ids=PALETTES.keys())
@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_second_page_has_no_axe_violations(
    new_context: ContextFactory, many_url: str, axe_source: str, viewport: dict[str, int], palette: str
) -> None:
    page = new_context(**viewport, color_scheme=palette).new_page()
    open_page(page, many_url + "alder/skolbarn/sida-2/")
    violations = run_axe(page, axe_source)
    assert not violations, f"axe på alder/skolbarn/sida-2/:\n{describe(violations)}"


def test_next_page_links_lead_through_every_offer(new_context: ContextFactory, many_url: str) -> None:
    page = new_context(**VIEWPORTS["mobil"]).new_page()
    open_page(page, many_url + "alder/skolbarn/")
    seen: list[str] = []
    titles: list[str] = []
    while True:
        titles.append(page.title().split(" – ")[0])
        seen += page.locator(".sg-card__title a").all_inner_texts()
        following = page.get_by_role("link", name="Nästa sida")
        if following.count() == 0:
            break
        box = following.bounding_box()
        assert box is not None
        assert box["height"] >= 44, "the link should be easy to hit on a phone"
        following.click()
        page.wait_for_load_state()
    assert titles == ["Barn 6–12 år", "Barn 6–12 år, sida 2 av 3", "Barn 6–12 år, sida 3 av 3"]
    assert sorted(seen) == sorted(["Komet"] + [f"Komet grupp {n}" for n in range(1, COPIES + 1)])
    current = page.locator('.sg-pagination a[aria-current="page"]')
    assert current.inner_text() == "3"
    assert current.get_attribute("aria-label") == "Sida 3, den här sidan"

"""The coordinators' standalone HTML overview (`hooks/oversikt.py --html`) in a real browser: axe finds
nothing on a phone and a computer, and printed on A4 each matrix takes exactly one page; for one municipality
and for a region (the region as a whole, the municipalities side by side, and each municipality)."""

from __future__ import annotations

import re
import shutil
from datetime import date
from typing import TYPE_CHECKING

import pytest

from conftest import FIXTURE_SITES, REGION_SAMPLE, ROOT, SAMPLE, TODAY, make_project, run_build
from stodguiden.outputs import overview
from stodguiden.site import coordination
from stodguiden.source.catalog import load

from .conftest import ContextFactory, describe, open_page, run_axe, serve
from .pages import VIEWPORTS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.browser
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
A4_TEXT_WIDTH = round((210 - 2 * 12) / 25.4 * 96)
"""A4's width within the stylesheet's 12 mm margins, in CSS pixels (96 to the inch)."""


OVERVIEWS = {"kommun": (SAMPLE, 3), "region": (ROOT / REGION_SAMPLE, 4 + 3 * 3)}
"""Each overview tested: the data's folder and its number of matrices (a region: 4 for the region as a whole,
3 for each of its 3 municipalities)."""


@pytest.fixture(scope="module", params=OVERVIEWS, ids=OVERVIEWS.keys())
def overview_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    root, matrices = OVERVIEWS[request.param]
    catalog, _ = load(root, today=date.fromisoformat(TODAY))
    assert catalog is not None
    path = tmp_path_factory.mktemp("oversikt") / "oversikt.html"
    path.write_text(coordination.standalone(overview.of_catalog(catalog)), encoding="utf-8")
    return path, matrices


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_overview_has_no_axe_violations(
    new_context: ContextFactory, axe_source: str, overview_file: tuple[Path, int], viewport: dict[str, int]
) -> None:
    path, matrices = overview_file
    page = new_context(**viewport).new_page()
    page.goto(path.as_uri(), wait_until="load")
    assert page.locator("table caption").count() == matrices
    violations = run_axe(page, axe_source)
    assert not violations, f"axe på översikten:\n{describe(violations)}"


def test_each_matrix_prints_on_one_a4_page(new_context: ContextFactory, overview_file: tuple[Path, int]) -> None:
    path, matrices = overview_file
    page = new_context().new_page()
    page.goto(path.as_uri(), wait_until="load")
    assert page.locator(".sg-matris").count() == matrices
    # Only the coverage sections are printed here (the whole's, and each municipality's in a region): a
    # section's heading and text share its first matrix's page.
    page.evaluate(
        """() => {
            const sections = document.querySelectorAll('.sg-tackning');
            document.querySelector('.sg-oversikt').replaceChildren(...sections);  // kept: its styles apply
        }"""
    )
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(_PAGE_OBJECT.findall(pdf)) == matrices
    # A page's width is cut, not added to: each table must fit the width of A4 within its margins.
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    too_wide = page.evaluate(
        """() => {
            document.documentElement.style.overflow = 'hidden';  // paper has no scroll bar
            return [...document.querySelectorAll('.sg-tabell')]
                .filter(box => box.scrollWidth > box.clientWidth)
                .map(box => `${box.querySelector('caption').textContent}: ${box.scrollWidth} > ${box.clientWidth}`);
        }"""
    )
    assert not too_wide, too_wide


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The minimal site with `översikt: publicera: true`, served during these tests."""
    folder = tmp_path_factory.mktemp("publicerad")
    data = folder / "data"
    shutil.copytree(FIXTURE_SITES / "minimal" / "data", data)
    settings = data / "webbplats.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "översikt:\n  publicera: true\n", encoding="utf-8")
    build = run_build(make_project(folder / "projekt", data), "--strict")
    assert build.ok, build.result.stderr
    with serve(build.site) as url:
        yield url


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_the_published_overview_has_no_axe_violations(
    new_context: ContextFactory, axe_source: str, published_site: str, viewport: dict[str, int]
) -> None:
    page = new_context(**viewport).new_page()
    open_page(page, published_site + "oversikt/")
    assert page.locator("table caption").count() == 3
    violations = run_axe(page, axe_source)
    assert not violations, f"axe på oversikt/:\n{describe(violations)}"

"""The coordinators' standalone HTML overview (`hooks/oversikt.py --html`) in a real browser: axe finds
nothing on a phone and a computer, and printed on A4 each matrix takes exactly one page."""

from __future__ import annotations

import re
import shutil
from datetime import date
from typing import TYPE_CHECKING

import pytest

from conftest import FIXTURE_SITES, SAMPLE, TODAY, make_project, run_build
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


@pytest.fixture(scope="module")
def overview_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    catalog, _ = load(SAMPLE, today=date.fromisoformat(TODAY))
    assert catalog is not None
    path = tmp_path_factory.mktemp("oversikt") / "oversikt.html"
    path.write_text(coordination.standalone(overview.of_catalog(catalog)), encoding="utf-8")
    return path


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_overview_has_no_axe_violations(
    new_context: ContextFactory, axe_source: str, overview_file: Path, viewport: dict[str, int]
) -> None:
    page = new_context(**viewport).new_page()
    page.goto(overview_file.as_uri(), wait_until="load")
    assert page.locator("table caption").count() == 3
    violations = run_axe(page, axe_source)
    assert not violations, f"axe på översikten:\n{describe(violations)}"


def test_each_matrix_prints_on_one_a4_page(new_context: ContextFactory, overview_file: Path) -> None:
    page = new_context().new_page()
    page.goto(overview_file.as_uri(), wait_until="load")
    matrices = page.locator(".sg-matris").count()
    assert matrices == 3
    # Only the coverage section is printed here: its heading and text share the first matrix's page.
    page.evaluate(
        """() => {
            const section = document.querySelector('.sg-tackning');
            document.querySelector('main').replaceChildren(section);
        }"""
    )
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(_PAGE_OBJECT.findall(pdf)) == matrices


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

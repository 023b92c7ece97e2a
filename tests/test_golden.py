"""Generated HTML compared with reviewed golden files; `UPDATE_GOLDEN=1 pytest` rewrites them."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURE_SITES
from stodguiden.site import pages
from stodguiden.source.catalog import load

GOLDEN = Path(__file__).parent / "golden"


def _generated() -> dict[str, str]:
    catalog, problems = load(FIXTURE_SITES / "minimal", today=date(2027, 1, 18))
    assert catalog is not None, problems
    result = {page.src_uri.replace("/", "__").replace(".md", ".html"): page.html for page in pages.plan(catalog).pages}
    result["start.html"] = pages.start_entrances(catalog)
    return result


@pytest.mark.parametrize(
    "name",
    [
        "erbjudanden__komet.html",
        "erbjudanden__babysang.html",
        "alder__sma-barn.html",
        "alder__tonaringar.html",
        "stod__index.html",
        "start.html",
        "hitta-stod__index.html",
        "tillganglighet.html",
    ],
)
def test_generated_html_matches_golden(name: str) -> None:
    actual = _generated()[name]
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_relative_urls() -> None:
    assert pages.url_of("erbjudanden/komet.md") == "erbjudanden/komet/"
    assert pages.url_of("alder/index.md") == "alder/"
    assert pages.url_of("index.md") == ""
    assert pages.relative_url("erbjudanden/komet/", "stod/kurser/") == "../../stod/kurser/"
    assert pages.relative_url("", "alder/skolbarn/") == "alder/skolbarn/"
    assert pages.relative_url("alder/", "alder/skolbarn/") == "skolbarn/"

"""A long age group or kind of support is split over pages of GROUP_PAGE_SIZE offers, linked to each other."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_html_valid import is_ignored, validate

from conftest import FIXTURE_SITES, Build, add_komet_copies, make_project, run_build
from stodguiden.site.pages import GROUP_PAGE_SIZE, PageLink, Pagination

COPIES = 70
"""Komet and 70 copies: 71 offers for school children (3–11 years) and in 'kurser', so three pages."""


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Build:
    data = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(FIXTURE_SITES / "minimal" / "data", data)
    add_komet_copies(data, COPIES)
    build = run_build(make_project(tmp_path_factory.mktemp("projekt"), data), "--strict")
    assert build.ok, build.result.stderr
    return build


def offers_on(html: str) -> list[str]:
    return re.findall(r'<h2 class="sg-card__title"><a href="(?:\.\./)+erbjudanden/([^/]+)/">', html)


def test_page_links_show_first_last_and_neighbours() -> None:
    def links(number: int, count: int) -> list[int | None]:
        urls = tuple(f"s{n}/" for n in range(1, count + 1))
        return [link.number if link else None for link in Pagination(number, count, urls, 1).links]

    assert links(1, 1) == [1]
    assert links(2, 3) == [1, 2, 3]
    assert links(1, 5) == [1, 2, None, 5]
    assert links(5, 5) == [1, None, 4, 5]
    assert links(3, 21) == [1, 2, 3, 4, None, 21]
    assert links(10, 21) == [1, None, 9, 10, 11, None, 21]
    assert Pagination(2, 3, ("a/", "b/", "c/"), 31).links[1] == PageLink(2, "b/", current=True)


def test_every_offer_of_the_group_is_on_exactly_one_page(many: Build) -> None:
    pages = [many.html("alder/skolbarn/"), many.html("alder/skolbarn/sida-2/"), many.html("alder/skolbarn/sida-3/")]
    assert not (many.site / "alder" / "skolbarn" / "sida-4").exists()
    listed = [offers_on(html) for html in pages]
    assert [len(part) for part in listed] == [GROUP_PAGE_SIZE, GROUP_PAGE_SIZE, COPIES + 1 - 2 * GROUP_PAGE_SIZE]
    everything = [slug for part in listed for slug in part]
    assert sorted(everything) == sorted(["komet"] + [f"komet-{n:02}" for n in range(1, COPIES + 1)])


def test_second_page_says_where_it_is_and_links_its_neighbours(many: Build) -> None:
    html = many.html("alder/skolbarn/sida-2/")
    assert "<title>Barn 6–12 år, sida 2 av 3 – " in html
    assert '<p class="sg-count">71 erbjudanden. Sidan visar nummer 31–60.</p>' in html
    nav = html[html.index('<nav class="sg-pagination" aria-label="Sidor för Barn 6–12 år">') :]
    nav = nav[: nav.index("</nav>")]
    assert re.findall(r'<a [^>]*href="([^"]+)"[^>]*>([^<]+)</a>', nav) == [
        ("../", "Föregående sida"),
        ("../", "1"),
        ("./", "2"),
        ("../sida-3/", "3"),
        ("../sida-3/", "Nästa sida"),
    ]
    assert 'href="./" aria-current="page" aria-label="Sida 2, den här sidan"' in nav
    assert 'rel="prev"' in nav
    assert 'rel="next"' in nav


def test_first_page_has_no_previous_and_last_no_next(many: Build) -> None:
    first, last = many.html("alder/skolbarn/"), many.html("alder/skolbarn/sida-3/")
    assert "Föregående sida" not in first
    assert 'href="sida-2/" rel="next">Nästa sida' in first
    assert "Nästa sida" not in last
    assert 'href="../sida-2/" rel="prev">Föregående sida' in last
    assert "<title>Barn 6–12 år – " in first


def test_kind_of_support_pages_point_to_the_finder_with_that_kind_chosen(many: Build) -> None:
    assert '<a href="../../hitta-stod/?typ=kurser">Hitta stöd</a>' in many.html("stod/kurser/")
    assert '<a href="../../../hitta-stod/">Hitta stöd</a>' in many.html("alder/skolbarn/sida-2/")


def test_a_short_group_has_one_page_and_no_page_links(many: Build) -> None:
    html = many.html("alder/vantar-barn/")
    assert "sg-pagination" not in html
    assert "Sidan visar" not in html
    assert "Hitta stöd</a> kan du" not in html


def test_only_the_first_page_is_in_the_navigation_and_all_are_in_the_sitemap(many: Build) -> None:
    for page in ("", "alder/skolbarn/", "alder/skolbarn/sida-3/", "erbjudanden/komet/"):
        nav = many.html(page).split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
        assert "sida-2" not in nav
        assert "sida-3" not in nav
    sitemap = (many.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "alder/skolbarn/sida-2/</loc>" in sitemap
    assert "stod/kurser/sida-3/</loc>" in sitemap


def test_paged_group_pages_are_valid_html(many: Build) -> None:
    files = [
        many.site / path / "index.html" for path in ("alder/skolbarn", "alder/skolbarn/sida-2", "alder/skolbarn/sida-3")
    ]
    problems = [m for m in validate(files) if not is_ignored(m)]
    assert not problems, "\n".join(
        f"{Path(m.get('url', '')).parent.name}:{m.get('lastLine')}: {m['message']}" for m in problems
    )

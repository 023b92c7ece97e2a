"""The template components (site/templates/macros.html, entrances.html): each reads only its parameters."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import TYPE_CHECKING

import pytest

from conftest import FIXTURE_SITES
from stodguiden.base.siteurls import SECTIONS
from stodguiden.site import pages
from stodguiden.source.catalog import load

if TYPE_CHECKING:
    from stodguiden.model import Catalog

TODAY = date(2027, 1, 18)


@pytest.fixture(scope="module")
def minimal() -> Catalog:
    catalog, problems = load(FIXTURE_SITES / "minimal", today=TODAY)
    assert catalog is not None, problems
    return catalog


def components(name: str = "macros.html") -> object:
    """The template's macros without any page's context: a macro that read one would fail (StrictUndefined)."""
    return pages.environment().get_template(name).module


def test_offer_card_shows_its_parameters_at_the_heading_level_asked(minimal: Catalog) -> None:
    offer = dataclasses.replace(minimal.offers[0], title="Komet <script>", summary="A & B")
    card = str(components().offer_card(offer, "../../erbjudanden/komet/", ["Föräldragrupp"], TODAY, heading_level=3))
    assert '<h3 class="sg-card__title"><a href="../../erbjudanden/komet/">Komet &lt;script&gt;</a></h3>' in card
    assert '<p class="sg-card__summary">A &amp; B</p>' in card
    assert "<dd>Föräldragrupp</dd>" in card
    assert "Anmälan" not in card, "the card's facts are the brief ones"


def test_when_short_counts_from_the_day_it_is_given(minimal: Catalog) -> None:
    offer = next(o for o in minimal.offers if o.upcoming_rounds(TODAY))
    start = offer.upcoming_rounds(TODAY)[0].start
    assert str(components().when_short(offer, start)).startswith("Start ")
    later = date.fromordinal(start.toordinal() + 1)
    if offer.upcoming_rounds(later) and offer.upcoming_rounds(later)[0].start == start:
        assert str(components().when_short(offer, later)).startswith("Pågår, startade ")


def test_help_lines_and_empty_group_take_what_they_show(minimal: Catalog) -> None:
    contact = minimal.settings.contact
    empty = str(components().empty_group("Skolbarn", contact))
    assert "under skolbarn." in empty
    assert str(contact.name) in empty
    line = dataclasses.make_dataclass("Line", ["name", "phone", "description"])("BRIS <1>", "116 111", None)
    helplines = str(components().help_lines([line], heading_level=3))
    assert '<h3 id="stodlinjer">' in helplines
    assert "BRIS &lt;1&gt;" in helplines
    assert str(components().help_lines([])).strip() == ""


def test_entrances_link_through_the_page_links(minimal: Catalog) -> None:
    groups = list(minimal.age_groups.values())
    counts = {g.key: 1 for g in groups}
    html = str(components("entrances.html").entrance(groups, counts, SECTIONS.age, pages.PageLinks("stod/")))
    assert f'href="../alder/{groups[0].key}/"' in html
    assert "1 erbjudande<" in html


def test_page_links_are_relative_to_the_page() -> None:
    url = pages.PageLinks("erbjudanden/komet/")
    assert url("assets/x.js") == "../../assets/x.js"
    assert url.offer("sol") == "../sol/"
    assert url.section(SECTIONS.age) == "../../alder/"
    assert url.section(SECTIONS.type, "samtal") == "../../stod/samtal/"
    assert pages.PageLinks("").section(SECTIONS.finder) == "hitta-stod/"


def test_section_folders_are_named_in_python_only() -> None:
    folders = [SECTIONS.offers, SECTIONS.age, SECTIONS.type, SECTIONS.finder]
    for template in pages.TEMPLATES.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        for folder in folders:
            assert not re.search(rf"""['"]{folder}/""", text), f"{template.name} spells out {folder}/"

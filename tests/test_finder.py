"""The finder's data file and filter choices (hooks/stodguiden/outputs/finder.py), without a build."""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
from datetime import UTC, date, datetime

import pytest

from conftest import FIXTURE_SITES, SAMPLE
from stodguiden.base.siteurls import SiteUrls
from stodguiden.model import Ages, Catalog, Cost, Offer, Place
from stodguiden.outputs import finder, sitefiles
from stodguiden.site import pages
from stodguiden.source.catalog import load

TODAY = date(2027, 1, 18)


@pytest.fixture(scope="module")
def minimal() -> Catalog:
    catalog, problems = load(FIXTURE_SITES / "minimal", today=TODAY)
    assert catalog is not None, problems
    return catalog


@pytest.fixture(scope="module")
def sample() -> Catalog:
    catalog, problems = load(SAMPLE, today=TODAY)
    assert catalog is not None, problems
    return catalog


def _finder_json(catalog: Catalog) -> str:
    """The finder's data file, as the registry of data files makes it."""
    entry = next(e for e in sitefiles.DATA_FILES if e.paths(catalog) == [finder.DATA_PATH])
    ((_, text),) = entry.make(pages.data_inputs(catalog, None, datetime(2027, 1, 18, tzinfo=UTC)))
    assert isinstance(text, str)
    return text


def _data(catalog: Catalog) -> dict[str, object]:
    result: dict[str, object] = json.loads(_finder_json(catalog))
    return result


def test_record_of_an_offer(minimal: Catalog) -> None:
    komet = next(o for o in _data(minimal)["o"] if o["u"] == "komet")  # type: ignore[attr-defined]
    assert komet == {
        "u": "komet",
        "n": "Komet",
        "s": "En kurs för dig som vill ha mindre bråk hemma.",
        "a": [3, 11],
        "k": ["kurser"],
        "r": ["Centrum"],
        "l": ["sv", "ar"],
        "f": 1,
        "x": ["3–11 år", "Familjecentralen, Centrum", "Start 2 februari 2027", "Kostnadsfritt"],
    }


def test_kinds_of_support_are_named_once_by_key(minimal: Catalog) -> None:
    data = _data(minimal)
    assert data["t"] == {key: term.name for key, term in minimal.types.items()}


def test_optional_facts_are_left_out(minimal: Catalog) -> None:
    base = next(o for o in minimal.offers if o.slug == "komet")
    expecting = dataclasses.replace(
        base, ages=Ages(None, None, expecting=True), languages=(), cost=Cost(300), places=(Place(online=True),)
    )
    macros = pages.environment().get_template("macros.html").make_module({"url": str})
    record = finder.record(expecting, minimal, macros)
    assert "a" not in record
    assert record["e"] == 1
    assert "l" not in record, "Swedish is the default language and is not written"
    assert "f" not in record
    assert record["r"] == ["digitalt"]
    assert record["x"] == ["Väntar barn", "På nätet", "Start 2 februari 2027", "300 kronor"]


def test_strings_are_the_ones_the_offer_cards_show(sample: Catalog) -> None:
    """One wording for ages, places, dates and costs: the data file takes it from the card macros."""
    plan = pages.plan(sample)
    cards = "".join(page.html for page in plan.pages if page.src_uri.startswith(pages.AGE_SECTION + "/"))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cards)).replace("&#39;", "'").replace("&amp;", "&")
    for offer in _data(sample)["o"]:  # type: ignore[attr-defined]
        for value in offer["x"]:
            assert value in text, f"{offer['u']}: {value!r} is not worded as on the cards"


def test_every_published_offer_once_in_alphabetical_order(sample: Catalog) -> None:
    slugs = [o["u"] for o in _data(sample)["o"]]  # type: ignore[attr-defined]
    assert sorted(slugs) == sorted(o.slug for o in sample.offers)
    titles = [o["n"] for o in _data(sample)["o"]]  # type: ignore[attr-defined]
    assert titles[-1] == "Öppna förskolan Kotten i Norrby", "Swedish order: Ö comes after Z, not with O"


def test_json_is_safe_inside_a_script_element() -> None:
    text = finder.to_json({"n": "</script><b>&amp;"})
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert json.loads(text) == {"n": "</script><b>&amp;"}


@pytest.mark.parametrize(
    ("ages", "expected", "text"),
    [
        (Ages(4, None), [4, 17], "Från 4 år"),
        (Ages(12, 18), [12, 18], "12–18 år"),
        (Ages(0, 2, high_months=30), [0, 2], "Upp till 2½ år"),
        (Ages(0, 1, low_months=2, high_months=18), [0, 1], "2–18 månader"),
    ],
)
def test_ages_as_programmes_state_them_match_every_finder_age_they_cover(
    minimal: Catalog, ages: Ages, expected: list[int], text: str
) -> None:
    """An offer "från 4 år" matches the finder's ages 4..17, one for 12–18 år matches 12..17 (hitta-stod.js
    compares the chosen age with "a" as it is)."""
    komet = next(o for o in minimal.offers if o.slug == "komet")
    catalog = dataclasses.replace(minimal, offers=(dataclasses.replace(komet, ages=ages),))
    (record,) = _data(catalog)["o"]  # type: ignore[misc]
    assert record["a"] == expected
    assert record["x"][0] == text
    matched = [age for age in finder.AGES if record["a"][0] <= age <= record["a"][1]]
    assert matched == [age for age in finder.AGES if catalog.offers[0].ages.covers(age)]


def test_filter_choices(sample: Catalog) -> None:
    choices = finder.filters(sample)
    assert [c.value for c in choices.ages] == ["vantar", *map(str, range(18))]
    assert [c.label for c in choices.ages[:3]] == ["Väntar barn", "Under 1 år", "1 år"]
    assert [c.value for c in choices.types] == list(sample.types)
    assert [c.value for c in choices.areas] == [*sample.settings.areas, "digitalt"]
    # by Swedish name, in Swedish alphabetical order
    assert [c.label for c in choices.languages] == [
        "Arabiska",
        "Dari",
        "Engelska",
        "Persiska",
        "Somaliska",
        "Svenska",
        "Tigrinja",
        "Ukrainska",
    ]


def test_no_online_choice_without_online_offers(minimal: Catalog) -> None:
    offline = dataclasses.replace(minimal, offers=tuple(o for o in minimal.offers if not o.online))
    assert "digitalt" not in [c.value for c in finder.filters(offline).areas]


def test_size_per_offer(sample: Catalog) -> None:
    """Budget: under 1 KB per offer after gzip at any scale; the sample's long summaries give ~400 B raw."""
    raw = _finder_json(sample).encode()
    per_offer = len(raw) / len(sample.offers)
    per_offer_gzip = len(gzip.compress(raw)) / len(sample.offers)
    assert per_offer < 500, per_offer
    assert per_offer_gzip < 200, per_offer_gzip


def test_finder_page_lists_every_offer_by_age_group(sample: Catalog) -> None:
    page = pages.finder_page(sample, SiteUrls("https://www.exempelby.se/stod/"))
    for group in sample.age_groups.values():
        assert f'<h2 id="{group.key}">{group.name}</h2>' in page.html
    links = set(re.findall(r'href="\.\./erbjudanden/([a-z0-9-]+)/"', page.html))
    assert links == {offer.slug for offer in sample.offers}
    assert "https%3A//www.exempelby.se/stod/hitta-stod/" in page.html  # the share links' address
    assert [title for _, _, title in page.toc][:2] == ["Hitta stöd", "Väntar barn"]


def test_finder_page_of_a_large_catalog_links_the_age_groups_instead(sample: Catalog) -> None:
    page = pages.finder_page(sample, SiteUrls("https://www.exempelby.se/stod/"), list_limit=len(sample.offers) - 1)
    assert not re.findall(r'href="\.\./erbjudanden/', page.html)
    groups = re.findall(
        r'<li><a href="\.\./alder/([a-z0-9-]+)/">([^<]+)</a> '
        r'<span class="sg-finder__ages">\((\d+) erbjudanden?\)</span></li>',
        page.html,
    )
    assert groups == [(g.key, g.name, str(len(sample.offers_for_age_group(g.key)))) for g in sample.age_groups.values()]
    assert [title for _, _, title in page.toc][:2] == ["Hitta stöd", "Efter barnets ålder"]
    assert pages.finder_page(sample, list_limit=len(sample.offers)).html.count('href="../erbjudanden/') > 0


def test_sensitive_offer_page(sample: Catalog) -> None:
    offer = next(o for o in sample.offers if o.sensitive)
    page = pages.offer_page(offer, sample)
    assert page.leave_url == "https://www.smhi.se/"
    assert '<strong>BRIS:</strong> <a href="tel:116111">Ring 116 111</a>.' in page.html
    plain: Offer = next(o for o in sample.offers if not o.sensitive)
    assert pages.offer_page(plain, sample).leave_url is None
    assert "sg-helplines" not in pages.offer_page(plain, sample).html

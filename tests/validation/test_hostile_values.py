"""Values YAML would misread, and text that looks like code: kept exactly as the editor wrote it.

The invalid ones are fixture cases in tests/fixtures/invalid; here are the ones that must be accepted,
checked on the offer that comes out, plus the rules about dates that decide what is published.
"""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

import pytest
from validation_helpers import OFFER, TODAY, VALID_OFFER, check, lines, minimal_site

from stodguiden.source.catalog import load

if TYPE_CHECKING:
    from pathlib import Path

    from stodguiden.model import Catalog, Offer


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return minimal_site(tmp_path)


def offer_from(site: Path, text: str) -> tuple[Catalog, Offer]:
    (site / OFFER).write_text(text, encoding="utf-8")
    catalog, problems = check(site)
    assert lines(problems) == []
    assert catalog is not None
    return catalog, next(o for o in catalog.offers if o.slug == "oppen-forskola")


def test_yes_and_no_words_in_text_stay_text(site: Path) -> None:
    _, offer = offer_from(
        site,
        VALID_OFFER.replace("titel: Öppen förskola", "titel: Nej").replace(
            "  telefon: 0123-456 78", "  namn: on\n  telefon: 0123-456 78"
        )
        + "sökord: [ja, nej, on, off, yes, no, true, false]\nmålgrupp: [Off]\n",
    )
    assert offer.title == "Nej"
    assert offer.contact.name == "on"
    assert offer.keywords == ("ja", "nej", "on", "off", "yes", "no", "true", "false")
    assert offer.audiences == ("Off",)


def test_numbers_in_text_stay_as_written(site: Path) -> None:
    # YAML 1.1 reads 0701234567 as an octal number, 18:00 as 1080, 1e3 as 1000.0 and 0x1F as 31.
    _, offer = offer_from(
        site,
        VALID_OFFER.replace("0123-456 78", "0701234567")
        + "plats:\n  - namn: 12\n    adress: 12345\n"
        + "sökord: [007, '12', 1e3, 0x1F, 18:00, 2027-01-01, 1_000, .inf, ~x]\n",
    )
    assert offer.contact.phone == "0701234567"
    assert (offer.places[0].name, offer.places[0].address) == ("12", "12345")
    assert offer.keywords == ("007", "12", "1e3", "0x1F", "18:00", "2027-01-01", "1_000", ".inf", "~x")


def test_municipality_code_without_quotes_keeps_its_leading_zero(site: Path) -> None:
    settings = site / "data" / "webbplats.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace('kommunkod: "9998"', "kommunkod: 0180"), encoding="utf-8"
    )
    catalog, problems = check(site)
    assert lines(problems) == []
    assert catalog is not None
    assert catalog.settings.municipality_code == "0180"


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("18:00–20:00", time(18, 0), time(20, 0)),
        ("18.00-20.00", time(18, 0), time(20, 0)),
        ("18.00 – 20.00", time(18, 0), time(20, 0)),
        ("8.05–9.30", time(8, 5), time(9, 30)),
        ("00.00–23.59", time(0, 0), time(23, 59)),
    ],
)
def test_times_may_be_written_in_several_ways(site: Path, written: str, start: time, end: time) -> None:
    # YAML 1.1 would read 18:00 as the number 1080; here it is a time of day.
    _, offer = offer_from(site, VALID_OFFER + f"löpande:\n  - veckodag: tisdag\n    tid: {written}\n")
    assert (offer.recurring[0].time.start, offer.recurring[0].time.end) == (start, end)


@pytest.mark.parametrize(
    "text",
    ["<script>alert('hej')</script>", "Lek & fika <b>varje</b> dag", '"><img src=x onerror=alert(1)>'],
)
def test_html_in_plain_text_fields_is_kept_as_text(site: Path, text: str) -> None:
    # Only beskrivning is Markdown; other fields are plain text, escaped when the page is made.
    quoted = text.replace("'", "''")
    _, offer = offer_from(
        site, VALID_OFFER.replace("titel: Öppen förskola", f"titel: '{quoted}'") + f"målgrupp: ['{quoted}']\n"
    )
    assert offer.title == text
    assert offer.audiences == (text,)


def test_a_less_than_sign_in_beskrivning_is_not_taken_for_html(site: Path) -> None:
    _, offer = offer_from(site, VALID_OFFER + "beskrivning: Barn <3 år och 3 < 5 & mer.\n")
    assert offer.description_html == "<p>Barn &lt;3 år och 3 &lt; 5 &amp; mer.</p>"


def test_safe_links_in_beskrivning_are_kept(site: Path) -> None:
    _, offer = offer_from(
        site,
        VALID_OFFER + "beskrivning: Du kan [ringa familjecentralen](tel:+4612345678), "
        "[mejla familjecentralen](mailto:a@testby.se) eller läs [mer om kursen på Testbys "
        "webbplats](https://www.testby.se/a?b=1&c=2).\n",
    )
    for href in ('href="tel:+4612345678"', 'href="mailto:a@testby.se"', 'href="https://www.testby.se/a?b=1&amp;c=2"'):
        assert href in offer.description_html


# --- what is published, and warnings


@pytest.mark.parametrize(("last_day", "shown"), [("2027-01-17", False), ("2027-01-18", True)])
def test_offer_is_shown_up_to_and_including_publicera_till(site: Path, last_day: str, shown: bool) -> None:
    (site / OFFER).write_text(VALID_OFFER + f"publicera_till: {last_day}\n", encoding="utf-8")
    catalog, problems = check(site)
    assert catalog is not None, lines(problems)
    assert ("oppen-forskola" in [o.slug for o in catalog.offers]) is shown
    assert all(not p.is_error for p in problems)


def test_expired_offer_is_left_out_without_any_problem(site: Path) -> None:
    (site / OFFER).write_text(VALID_OFFER + "publicera_till: 2026-06-30\n", encoding="utf-8")
    catalog, problems = check(site)
    assert lines(problems) == []
    assert catalog is not None
    assert "oppen-forskola" not in [o.slug for o in catalog.offers]
    assert "komet" in [o.slug for o in catalog.offers]


@pytest.mark.parametrize(("last_day", "warned"), [("2027-02-17", True), ("2027-02-18", False)])
def test_publicera_till_warns_thirty_days_ahead(site: Path, last_day: str, warned: bool) -> None:
    (site / OFFER).write_text(VALID_OFFER + f"publicera_till: {last_day}\n", encoding="utf-8")
    catalog, problems = check(site)
    assert catalog is not None
    assert "oppen-forskola" in [o.slug for o in catalog.offers]
    assert [p.is_error for p in problems] == ([False] if warned else [])


@pytest.mark.parametrize(("reviewed", "warned"), [("2026-01-18", False), ("2026-01-17", True)])
def test_granskad_warns_after_a_year(site: Path, reviewed: str, warned: bool) -> None:
    (site / OFFER).write_text(VALID_OFFER + f"granskad: {reviewed}\n", encoding="utf-8")
    catalog, problems = check(site)
    assert catalog is not None
    assert "oppen-forskola" in [o.slug for o in catalog.offers]
    assert [p.is_error for p in problems] == ([False] if warned else [])


@pytest.mark.parametrize(("reviewed", "error"), [("2027-01-18", False), ("2027-01-19", True)])
def test_granskad_in_the_future_is_an_error(site: Path, reviewed: str, error: bool) -> None:
    (site / OFFER).write_text(VALID_OFFER + f"granskad: {reviewed}\n", encoding="utf-8")
    catalog, problems = check(site)
    assert (catalog is None) is error
    assert [p.is_error for p in problems] == ([True] if error else [])


def test_today_can_come_from_stodguiden_idag(site: Path) -> None:
    (site / OFFER).write_text(VALID_OFFER + "granskad: 2027-01-19\n", encoding="utf-8")
    day_before, _ = load(site, environ={"STODGUIDEN_IDAG": "2027-01-18"})
    day_of, _ = load(site, environ={"STODGUIDEN_IDAG": "2027-01-19"})
    assert day_before is None
    assert day_of is not None
    assert day_of.today != TODAY


def test_every_file_is_checked_even_when_the_first_has_errors(site: Path) -> None:
    (site / "data" / "erbjudanden" / "a.yml").write_text("typer: [kurser\n", encoding="utf-8")
    (site / "data" / "erbjudanden" / "b.yml").write_text(
        VALID_OFFER.replace("  till: 5", "  till: 50"), encoding="utf-8"
    )
    types = site / "data" / "typer.yml"
    types.write_text(types.read_text(encoding="utf-8").replace("namn: Föräldrakurser", "namn: K"), encoding="utf-8")
    _, problems = check(site)
    # A mistake in an entry of typer.yml is not repeated in the offers that use the type.
    assert lines(problems) == [
        "data/erbjudanden/a.yml:1: Listan inom hakparenteser som börjar här saknar ett ] på slutet, eller ett "
        "kommatecken mellan två värden. Skriv till exempel [grupper, kurser].",
        "data/erbjudanden/b.yml:5: Fältet till i ålder ska vara ett tal mellan 0 och 18, men här står 50.",
        "data/typer.yml:2: Fältet namn i kurser är för kort: ”K”. Skriv minst 2 tecken.",
    ]

"""When an offer happens and how its meetings are (offer contract v2, sections 4 and 5): weekday ranges,
closures, `tider`, `nästa_start`, a round's own languages, audience and format, and the offer's `format`,
on the page, in the finder's short text, in the calendar files and in the open data."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from icalendar import Calendar
from jsonschema import Draft202012Validator

from conftest import FIXTURE_SITES, ROOT
from stodguiden.base.siteurls import SiteUrls
from stodguiden.outputs import hsds, ics, jsonld, opendata
from stodguiden.site import pages
from stodguiden.source.catalog import load

if TYPE_CHECKING:
    from pathlib import Path

    from stodguiden.model import Catalog, Offer

TODAY = date(2027, 1, 18)
SITE_URL = "https://www.testby.se/stod/"
GENERATED = datetime(2027, 1, 18, 6, 30, tzinfo=UTC)
HEAD = """\
titel: {title}
sammanfattning: Ett erbjudande för dig och ditt barn.
ålder:
  från: 0
  till: 5
typer: [grupper]
arrangör: kyrkan
anmälan:
  behövs: false
kontakt:
  telefon: 0123-456 78
plats:
  - namn: Kyrkans barnrum
    område: Norrby
"""
OFFERS = {
    "oppen": """\
löpande:
  - veckodag: måndag–fredag
    tid: 09.00–12.00
    plats: Kyrkans barnrum
  - veckodag: lördag - söndag
    tid: 10.00–11.00
uppehåll:
  - från: 2027-06-28
    till: 2027-08-08
    info: Sommaruppehåll.
  - från: 2027-01-11
    till: 2027-01-24
""",
    "egen-takt": "tider: när_du_vill\n",
    "bokas": "tider: tidsbokning\n",
    "kurs": """\
format:
  träffar: 8
  träfflängd: 120
  gruppstorlek:
    till: 8
    vilka: föräldrar
  ledare: två utbildade gruppledare
omgångar:
  - start: 2027-02-02
    träffar: 8
    tid: 18.00–20.00
    språk: [ar]
    för: pappor
  - start: 2027-09-07
    träffar: 6–8
    slut: 2027-10-26
    träfflängd: 90
    gruppstorlek:
      från: 4
      till: 7
      vilka: barn
""",
    "nasta": """\
nästa_start:
  mönster: varje_termin
  info: Nästa grupp startar troligen i september.
  intresseanmälan: true
""",
    "nasta-med-omgang": """\
nästa_start:
  mönster: vår_och_höst
omgångar:
  - start: 2027-03-02
    träffar: 4
""",
    "inget": "",
}


def site(tmp_path: Path) -> Catalog:
    shutil.copytree(FIXTURE_SITES / "minimal" / "data", tmp_path / "data")
    for slug, body in OFFERS.items():
        text = HEAD.format(title=f"Erbjudande {slug}") + body
        (tmp_path / "data" / "erbjudanden" / f"{slug}.yml").write_text(text, encoding="utf-8")
    catalog, problems = load(tmp_path, today=TODAY)
    assert catalog is not None, problems
    assert [p for p in problems if p.is_error] == []
    return catalog


def offer(catalog: Catalog, slug: str) -> Offer:
    return next(o for o in catalog.offers if o.slug == slug)


def page(catalog: Catalog, slug: str) -> str:
    html = pages.offer_page(offer(catalog, slug), catalog, SiteUrls(SITE_URL)).html
    return re.sub(r"\s+", " ", html)


def when_short(catalog: Catalog, slug: str) -> str:
    macros = pages.environment().get_template("macros.html").module
    return re.sub(r"\s+", " ", str(macros.when_short(offer(catalog, slug), catalog.today))).strip()  # type: ignore[attr-defined]


NO_DEFAULT = "Ni bestämmer tid tillsammans"


def test_a_weekday_range_is_each_of_its_days_and_shown_once(tmp_path: Path) -> None:
    catalog = site(tmp_path)
    oppen = offer(catalog, "oppen")
    assert [s.weekday for s in oppen.recurring] == [
        "måndag",
        "tisdag",
        "onsdag",
        "torsdag",
        "fredag",
        "lördag",
        "söndag",
    ]
    html = page(catalog, "oppen")
    assert "<li>Måndag–fredag kl. 09.00–12.00, Kyrkans barnrum.</li>" in html
    assert "Tisdagar" not in html
    assert "<li>Lördag–söndag kl. 10.00–11.00.</li>" in html, "a hyphen, with spaces, is a range too"


def test_closures_are_on_the_page_in_the_finder_and_skipped_by_the_calendar(tmp_path: Path) -> None:
    catalog = site(tmp_path)
    html = page(catalog, "oppen")
    assert "<li>Stängt 11–24 januari 2027.</li>" in html
    assert "<li>Stängt 28 juni–8 augusti 2027. Sommaruppehåll.</li>" in html
    # closed today (18 January): the card and the finder say so instead of "every week"
    assert when_short(catalog, "oppen") == "Stängt till och med 24 januari 2027"
    later = load(tmp_path, today=date(2027, 2, 1))[0]
    assert later is not None
    assert when_short(later, "oppen") == "Varje vecka, se tider"
    assert "11–24 januari" not in page(later, "oppen"), "a closure that has ended is not shown"

    data = ics.offer_calendar(offer(catalog, "oppen"), catalog, SiteUrls(SITE_URL), GENERATED)
    calendar = Calendar.from_ical(data)
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    monday = events["oppen.lopande.1.0900"]
    excluded = {d.dt.date() for d in monday["EXDATE"].dts}
    assert excluded == {date(2027, 6, 28) + timedelta(weeks=w) for w in range(6)}
    assert all(day.weekday() == 0 for day in excluded)
    # closed today (18 January): the series starts on the first Monday it is open
    assert monday["DTSTART"].dt.date() == date(2027, 1, 25)
    saturday = events["oppen.lopande.6.1000"]
    assert saturday["DTSTART"].dt.date() == date(2027, 1, 30)
    assert {d.dt.date() for d in saturday["EXDATE"].dts} == {date(2027, 7, 3) + timedelta(weeks=w) for w in range(6)}
    assert str(saturday["EXDATE"].dts[0].dt.tzinfo) == "Europe/Stockholm"

    graph = jsonld.offer_graph(offer(catalog, "oppen"), catalog, SiteUrls(SITE_URL))
    service = next(node for node in graph["@graph"] if node["@type"] == "Service")
    closed = [h for h in service["hoursAvailable"] if "validFrom" in h]
    assert [(h["validFrom"], h["validThrough"], h["opens"], h["closes"]) for h in closed] == [
        ("2027-01-11", "2027-01-24", "00:00", "00:00"),
        ("2027-06-28", "2027-08-08", "00:00", "00:00"),
    ]

    record = opendata.offer_record(offer(catalog, "oppen"), catalog, SiteUrls(SITE_URL))
    assert record["uppehåll"] == [
        {"från": "2027-01-11", "till": "2027-01-24", "info": None},
        {"från": "2027-06-28", "till": "2027-08-08", "info": "Sommaruppehåll."},
    ]
    assert [s["veckodag"] for s in record["löpande"]][:5] == ["måndag", "tisdag", "onsdag", "torsdag", "fredag"]
    service = SiteUrls(SITE_URL).uuid("erbjudande", "oppen")
    schedules = [s for s in hsds.tables(catalog, SiteUrls(SITE_URL))["schedule"] if s["service_id"] == service]
    assert len(schedules) == 7
    assert all(s["notes"] == "Stängt 11–24 januari 2027. Stängt 28 juni–8 augusti 2027." for s in schedules)


def test_a_round_is_not_affected_by_closures(tmp_path: Path) -> None:
    catalog = site(tmp_path)
    kurs = offer(catalog, "kurs")
    closed = dataclasses.replace(kurs, closures=offer(catalog, "oppen").closures)
    data = ics.offer_calendar(closed, catalog, SiteUrls(SITE_URL), GENERATED)
    assert b"EXDATE" not in data


def test_tider_says_how_and_nothing_is_claimed_that_the_editor_did_not_say(tmp_path: Path) -> None:
    catalog = site(tmp_path)
    assert "Du börjar när du vill." in page(catalog, "egen-takt")
    assert when_short(catalog, "egen-takt") == "Börja när du vill"
    assert "Du bokar en tid som passar." in page(catalog, "bokas")
    assert NO_DEFAULT in page(catalog, "bokas")
    assert when_short(catalog, "bokas") == "Boka en tid"
    # a self-paced course and a course with fixed dates never say that you agree on a time together
    for slug in ("egen-takt", "kurs", "oppen", "nasta", "inget"):
        assert NO_DEFAULT not in page(catalog, slug), slug
    # with nothing said about when, the page says only that
    html = page(catalog, "inget")
    assert "<p>Kontakta oss för att få veta när.</p>" in html
    assert when_short(catalog, "inget") == "Fråga arrangören"
    assert "Efter överenskommelse" not in html


def test_next_start_shows_only_without_an_upcoming_round(tmp_path: Path) -> None:
    catalog = site(tmp_path)
    html = page(catalog, "nasta")
    assert (
        '<p class="sg-next-start">Ny grupp startar varje termin. Nästa grupp startar troligen i september. '
        "Anmäl intresse till nästa grupp.</p>"
    ) in html
    assert "Kontakta oss för att få veta när." not in html
    assert when_short(catalog, "nasta") == "Ny grupp varje termin"
    assert "sg-next-start" not in page(catalog, "nasta-med-omgang")
    after = load(tmp_path, today=date(2027, 4, 1))[0]
    assert after is not None
    assert "Nya grupper startar på våren och på hösten." in page(after, "nasta-med-omgang")
    record = opendata.offer_record(offer(catalog, "nasta"), catalog, SiteUrls(SITE_URL))
    assert record["nästa_start"] == {
        "mönster": "varje_termin",
        "info": "Nästa grupp startar troligen i september.",
        "intresseanmälan": True,
    }


def test_a_rounds_own_facts_come_before_its_status_and_win_over_the_format(tmp_path: Path) -> None:
    catalog = site(tmp_path)
    html = page(catalog, "kurs")
    first = (
        '<p class="sg-round__details">På arabiska. För pappor. Varje träff är 2 timmar. '
        'I gruppen: högst 8 föräldrar.</p> <p class="sg-status">'
    )
    assert first in html
    second = (
        '<p class="sg-round__details">Varje träff är 1 timme och 30 minuter. I gruppen: 4–7 barn.</p> '
        '<p class="sg-status">'
    )
    assert second in html
    assert "<p>6–8 träffar, sista träffen 26 oktober 2027.</p>" in html
    assert (
        "<dt>Upplägg</dt><dd>8 träffar, 2 timmar per träff, högst 8 föräldrar, leds av två utbildade gruppledare</dd>"
        in html
    )

    data = ics.offer_calendar(offer(catalog, "kurs"), catalog, SiteUrls(SITE_URL), GENERATED)
    calendar = Calendar.from_ical(data)
    descriptions = [str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT")]
    assert any("På arabiska. För pappor. Varje träff är 2 timmar." in d for d in descriptions)
    assert any("6–8 träffar mellan" in d for d in descriptions)

    graph = jsonld.offer_graph(offer(catalog, "kurs"), catalog, SiteUrls(SITE_URL))
    events = [node for node in graph["@graph"] if node["@type"] == "Event"]
    assert events[0]["inLanguage"] == ["ar"]
    assert events[0]["duration"] == "PT2H"
    assert events[0]["maximumAttendeeCapacity"] == 8
    assert events[1]["duration"] == "PT1H30M"


def test_open_data_carries_rounds_and_format_and_validates(tmp_path: Path) -> None:
    catalog = site(tmp_path)
    urls = SiteUrls(SITE_URL)
    document = opendata.offers_document(catalog, urls, GENERATED)
    schema = json.loads((ROOT / "schema" / "oppna-data" / "erbjudanden.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(document)
    kurs = next(r for r in document["erbjudanden"] if r["id"] == "kurs")
    assert kurs["format"] == {
        "träffar": 8,
        "träffar_till": None,
        "träfflängd": 120,
        "gruppstorlek": {"från": None, "till": 8, "vilka": "föräldrar"},
        "ledare": "två utbildade gruppledare",
    }
    first, second = kurs["omgångar"]
    assert first["språk"] == [{"kod": "ar", "namn": "arabiska"}]
    assert first["för"] == "pappor"
    assert first["träfflängd"] is None, "the open data says which value the round itself gives"
    assert (second["träffar"], second["träffar_till"]) == (6, 8)
    assert second["gruppstorlek"] == {"från": 4, "till": 7, "vilka": "barn"}
    assert next(r for r in document["erbjudanden"] if r["id"] == "bokas")["tider"] == "tidsbokning"

    text = opendata.offers_csv(catalog, urls).decode("utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text), delimiter=";")}
    assert rows["kurs"]["format_träffar"] == "8"
    assert rows["kurs"]["format_gruppstorlek"] == "högst 8 föräldrar"
    assert "6–8 träffar" in rows["kurs"]["omgångar"]
    assert rows["oppen"]["uppehåll"] == "2027-01-11–2027-01-24 | 2027-06-28–2027-08-08"
    assert rows["egen-takt"]["tider"] == "när_du_vill"

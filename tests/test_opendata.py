"""Open data: every published file is parsed by an independent library or checked against its schema."""

from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import json
import os
import re
import shutil
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar
from jsonschema import Draft202012Validator, FormatChecker

from conftest import FIXTURE_SITES, ROOT, Build, BuildFactory, make_project, run_build
from stodguiden.base.siteurls import SiteUrls, generated_at
from stodguiden.base.timezone import TIME_ZONE
from stodguiden.model import Ages
from stodguiden.outputs import hsds, ics, jsonld, opendata
from stodguiden.source.catalog import load

if TYPE_CHECKING:
    from stodguiden.model import Catalog

GOLDEN = Path(__file__).parent / "golden" / "oppna-data"
SITE_URL = "https://www.testby.se/stod/"
GENERATED = datetime(2027, 1, 18, 6, 30, tzinfo=UTC)
STOCKHOLM = TIME_ZONE
ATOM = "{http://www.w3.org/2005/Atom}"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def minimal_catalog() -> Catalog:
    catalog, problems = load(FIXTURE_SITES / "minimal", today=date(2027, 1, 18))
    assert catalog is not None, problems
    return catalog


def offer_slugs(build: Build) -> set[str]:
    return {p.parent.name for p in (build.site / "erbjudanden").glob("*/index.html")}


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


# ---- erbjudanden.json ---------------------------------------------------------------------------


def offers_validator(build: Build) -> Draft202012Validator:
    """The schema as the site ships it, with format checks on (uuid, date, date-time, email)."""
    schema = read_json(build.site / "oppna-data" / "erbjudanden.schema.json")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.mark.parametrize("which", ["sample", "minimal", "region"])
def test_offers_json_is_valid_against_the_shipped_schema(which: str, request: pytest.FixtureRequest) -> None:
    build: Build = request.getfixturevalue(f"{which}_build")
    document = read_json(build.site / "oppna-data" / "erbjudanden.json")
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in offers_validator(build).iter_errors(document)]
    assert errors == []
    assert {o["id"] for o in document["erbjudanden"]} == offer_slugs(build)
    assert document["antal"] == len(document["erbjudanden"])
    assert document["licens"] == {
        "id": "CC0-1.0",
        "namn": "CC0 1.0 Universell",
        "url": "https://creativecommons.org/publicdomain/zero/1.0/",
    }


def test_offers_json_names_the_municipality_and_leaves_out_expired_offers_and_rounds(minimal_build: Build) -> None:
    document = read_json(minimal_build.site / "oppna-data" / "erbjudanden.json")
    assert document["kommun"] == {"namn": "Testby kommun", "kommunkod": "9998"}
    assert document["gäller_datum"] == "2027-01-18"
    assert [o["id"] for o in document["erbjudanden"]] == ["babysang", "komet"]
    komet = document["erbjudanden"][1]
    assert [r["start"] for r in komet["omgångar"]] == ["2027-02-02"]  # the round of September 2026 has ended
    assert komet["url"] == "https://www.exempelby.se/foraldraskapsstod/erbjudanden/komet/"


def test_no_open_data_file_mentions_an_expired_offer(minimal_build: Build) -> None:
    files = [p for p in (minimal_build.site / "oppna-data").rglob("*") if p.is_file()]
    assert len(files) > 15
    for path in files:
        text = path.read_bytes().decode("utf-8")
        assert "Avslutad föreläsning" not in text, path
        assert "utgangen-forelasning" not in text, path


def test_the_schema_rejects_a_record_with_a_missing_or_extra_field(minimal_build: Build) -> None:
    validator = offers_validator(minimal_build)
    document = read_json(minimal_build.site / "oppna-data" / "erbjudanden.json")
    del document["erbjudanden"][0]["titel"]
    document["erbjudanden"][1]["okänt"] = 1
    messages = sorted(e.message for e in validator.iter_errors(document))
    assert messages == [
        "'titel' is a required property",
        "Additional properties are not allowed ('okänt' was unexpected)",
    ]


def test_license_comes_from_the_settings() -> None:
    catalog = minimal_catalog()
    catalog = dataclasses.replace(catalog, settings=dataclasses.replace(catalog.settings, license="CC-BY-4.0"))
    document = opendata.offers_document(catalog, SiteUrls(SITE_URL), GENERATED)
    assert document["licens"] == {
        "id": "CC-BY-4.0",
        "namn": "Creative Commons Erkännande 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }


def test_generated_time_follows_source_date_epoch() -> None:
    assert generated_at({"SOURCE_DATE_EPOCH": "1800000000"}) == datetime(2027, 1, 15, 8, 0, tzinfo=UTC)
    now = datetime(2027, 1, 18, 7, 1, 2, 345, tzinfo=UTC)
    assert generated_at({}, now=now) == datetime(2027, 1, 18, 7, 1, 2, tzinfo=UTC)


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    assert actual == path.read_bytes().decode("utf-8")


def test_offers_json_matches_golden() -> None:
    golden("erbjudanden.json", opendata.offers_json(minimal_catalog(), SiteUrls(SITE_URL), GENERATED))


def test_komet_calendar_matches_golden() -> None:
    catalog = minimal_catalog()
    komet = next(o for o in catalog.offers if o.slug == "komet")
    golden("komet.ics", ics.offer_calendar(komet, catalog, SiteUrls(SITE_URL), GENERATED).decode("utf-8"))


# ---- erbjudanden.csv ----------------------------------------------------------------------------


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))


def test_csv_has_one_row_per_offer_with_readable_lists(sample_build: Build, minimal_build: Build) -> None:
    rows = read_csv((sample_build.site / "oppna-data" / "erbjudanden.csv").read_bytes())
    assert {row["id"] for row in rows} == offer_slugs(sample_build)
    assert list(rows[0]) == list(opendata.CSV_COLUMNS)
    rows = read_csv((minimal_build.site / "oppna-data" / "erbjudanden.csv").read_bytes())
    komet = next(row for row in rows if row["id"] == "komet")
    assert komet["språk"] == "svenska, arabiska"
    assert komet["åldersgrupper"] == "Barn 0–5 år, Barn 6–12 år"
    assert komet["omgångar"] == "2027-02-02–2027-04-06, 10 träffar, 18:00–20:00, Familjecentralen, öppen"
    assert komet["beskrivning"] == "Komet är en kurs för föräldrar.\n\nSå går det till\n\nNi träffas tio gånger."
    babysang = next(row for row in rows if row["id"] == "babysang")
    assert babysang["platser"] == "Kyrkans barnrum | På nätet"
    assert babysang["löpande"] == "onsdagar 10:00–11:00, Kyrkans barnrum"
    assert babysang["väntar_barn"] == "ja"
    assert babysang["kostnad_kronor"] == ""


def test_csv_text_cannot_become_an_excel_formula() -> None:
    catalog = minimal_catalog()
    offers = tuple(
        dataclasses.replace(o, title='=HYPERLINK("http://x";"klicka")', summary="+1; -2\n@SUM") for o in catalog.offers
    )
    rows = read_csv(opendata.offers_csv(dataclasses.replace(catalog, offers=offers), SiteUrls(SITE_URL)))
    assert {row["titel"] for row in rows} == {'\'=HYPERLINK("http://x";"klicka")'}
    assert {row["sammanfattning"] for row in rows} == {"'+1; -2\n@SUM"}


# ---- HSDS 3.0 -----------------------------------------------------------------------------------

HSDS_DIR = ROOT.parent / "shared" / "hsds"


@pytest.fixture(scope="session")
def hsds_schemas() -> dict[str, dict[str, Any]]:
    """The official HSDS 3.0 table schemas, read where they are (never copied into the project)."""
    if not HSDS_DIR.is_dir():
        reason = (
            f"The official HSDS 3.0 schemas are not in {HSDS_DIR} (a checkout without ../shared/); "
            "the HSDS files cannot be validated here."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return {path.name: read_json(path) for path in HSDS_DIR.glob("*.json")}


def hsds_validator(schemas: dict[str, dict[str, Any]], table: str) -> Draft202012Validator:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry: Registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012)) for name, schema in schemas.items()
    )
    return Draft202012Validator({"$ref": f"{table}.json"}, registry=registry, format_checker=FormatChecker())


def load_hsds(build: Build) -> dict[str, list[dict[str, Any]]]:
    from stodguiden.outputs.hsds import TABLES

    folder = build.site / "oppna-data" / "hsds"
    assert sorted(p.name for p in folder.iterdir()) == sorted(TABLES.values())
    return {table: read_json(folder / name) for table, name in TABLES.items()}


@pytest.mark.parametrize("which", ["sample", "minimal", "region"])
def test_hsds_tables_are_valid_against_the_official_schemas(
    which: str, request: pytest.FixtureRequest, hsds_schemas: dict[str, dict[str, Any]]
) -> None:
    build: Build = request.getfixturevalue(f"{which}_build")
    tables = load_hsds(build)
    errors = []
    for table, rows in tables.items():
        schema = hsds_schemas[f"{table}.json"]
        validator = hsds_validator(hsds_schemas, table)
        for index, row in enumerate(rows):
            errors += [
                f"{table}[{index}].{'.'.join(map(str, e.absolute_path))}: {e.message}"
                for e in validator.iter_errors(row)
            ]
            # The tabular form (one file per table) also needs the fields that link the tables.
            errors += [
                f"{table}[{index}]: {field} is required in a table"
                for field in schema.get("tabular_required", [])
                if field not in row
            ]
            errors += [f"{table}[{index}].{key} is not an HSDS field" for key in row if key not in schema["properties"]]
    assert errors == []
    assert {s["url"].rstrip("/").rsplit("/", 1)[-1] for s in tables["service"]} == offer_slugs(build)


def test_hsds_ids_are_unique_and_every_link_points_at_a_row(minimal_build: Build) -> None:
    tables = load_hsds(minimal_build)
    ids = {table: {row["id"] for row in rows} for table, rows in tables.items()}
    everything = [row["id"] for rows in tables.values() for row in rows]
    assert len(everything) == len(set(everything))
    links = {
        "organization_id": "organization",
        "service_id": "service",
        "location_id": "location",
        "service_at_location_id": "service_at_location",
        "taxonomy_id": "taxonomy",
        "taxonomy_term_id": "taxonomy_term",
    }
    for table, rows in tables.items():
        for row in rows:
            for field, target in links.items():
                if field in row:
                    assert row[field] in ids[target], (table, row)
            if table == "attribute":
                assert row["link_id"] in ids["service"]
    komet = next(s for s in tables["service"] if s["name"] == "Komet")
    schedule = next(s for s in tables["schedule"] if s["service_id"] == komet["id"])
    assert {k: schedule[k] for k in ("dtstart", "until", "count", "freq", "byday", "opens_at", "closes_at")} == {
        "dtstart": "2027-02-02",
        "until": "2027-04-06",
        "count": 10,
        "freq": "WEEKLY",
        "byday": "TU",
        "opens_at": "18:00",
        "closes_at": "20:00",
    }
    assert {t["name"] for t in tables["taxonomy_term"]} >= {"Föräldrakurser", "Tonåringar 13–17 år"}
    assert [(c["currency"], c["amount"]) for c in tables["cost_option"]] == [("SEK", 0)]
    assert [a["city"] for a in tables["address"]] == ["Testby"]


def test_hsds_ids_are_uuid5_of_the_site_address_and_stable() -> None:
    urls = SiteUrls(SITE_URL)
    assert urls.uuid("erbjudande", "komet") == SiteUrls("https://www.testby.se/stod").uuid("erbjudande", "komet")
    assert urls.uuid("erbjudande", "komet") != SiteUrls("https://annan.se/").uuid("erbjudande", "komet")
    assert urls.uuid("erbjudande", "komet")[14] == "5"


@pytest.mark.parametrize(
    "parts",
    [
        ("erbjudande", "komet"),
        ("hsds", "plats", "Familjecentralen Äppelgården|Storgatan 1"),
        ("hsds", "erbjudande", "x", "sprak", "ar"),
        (),
    ],
)
def test_uuid_is_the_standard_uuid5_of_the_address(parts: tuple[str, ...]) -> None:
    urls = SiteUrls(SITE_URL)
    assert urls.uuid(*parts) == str(uuid.uuid5(uuid.NAMESPACE_URL, urls.base + "#" + "/".join(parts)))


# ---- JSON-LD ------------------------------------------------------------------------------------


def graph_of(html: str) -> list[dict[str, Any]]:
    scripts = JSON_LD.findall(html)
    assert len(scripts) == 1
    document = json.loads(scripts[0])
    assert document["@context"] == "https://schema.org"
    graph: list[dict[str, Any]] = document["@graph"]
    return graph


def service_and_events(graph: list[dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The Service node and the Event nodes, with references by @id (organiser, places) filled in."""
    nodes = {node["@id"]: node for node in graph if "@id" in node}

    def resolve(value: Any) -> Any:
        if isinstance(value, dict):
            if (
                set(value) == {"@id"}
                and value["@id"] in nodes
                and nodes[value["@id"]]["@type"] not in ("Service", "Event")
            ):
                return resolve(nodes[value["@id"]])
            return {key: resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [resolve(item) for item in value]
        return value

    assert all(
        set(v) != {"@id"} or v["@id"] in nodes for node in graph for v in node.values() if isinstance(v, dict)
    ), "a reference to a node that is not in the graph"
    service, *rest = (resolve(node) for node in graph)
    return service, [node for node in rest if node["@type"] == "Event"]


def test_every_offer_page_has_json_ld_for_the_service_and_its_rounds(sample_build: Build) -> None:
    catalog, _ = load(sample_build.root, today=date(2027, 1, 18))
    assert catalog is not None
    for offer in catalog.offers:
        service, events = service_and_events(graph_of(sample_build.html(f"erbjudanden/{offer.slug}/")))
        assert service["@type"] == "Service"
        assert service["name"] == offer.title
        assert service["url"] == f"https://www.exempelby.se/foraldraskapsstod/erbjudanden/{offer.slug}/"
        # one organiser, or a list of them with the lead first (arrangör: [a, b])
        providers = service["provider"] if isinstance(service["provider"], list) else [service["provider"]]
        assert all(provider["@type"] in ("Organization", "GovernmentOrganization") for provider in providers)
        assert [provider["name"] for provider in providers] == [catalog.organisers[k].name for k in offer.organisers]
        assert service["areaServed"]["name"] == "Exempelby kommun"
        assert service["audience"]["@type"] == "PeopleAudience"
        if offer.ages.low is not None:
            assert service["audience"]["suggestedMinAge"] == offer.ages.stated_years[0]
            assert service["audience"].get("suggestedMaxAge") == offer.ages.stated_years[1]
        assert len(events) == len(offer.upcoming_rounds(catalog.today))
        for event, round_ in zip(events, offer.upcoming_rounds(catalog.today), strict=True):
            assert event["@type"] == "Event"
            assert event["startDate"].startswith(round_.start.isoformat())
            assert event["endDate"].startswith(round_.last.isoformat())
            mode = event["eventAttendanceMode"].removeprefix("https://schema.org/")
            locations = event["location"] if isinstance(event["location"], list) else [event["location"]]
            kinds = {loc["@type"] for loc in locations}
            assert kinds <= {"Place", "VirtualLocation"}
            assert mode == {
                frozenset({"Place"}): "OfflineEventAttendanceMode",
                frozenset({"VirtualLocation"}): "OnlineEventAttendanceMode",
            }.get(frozenset(kinds), "MixedEventAttendanceMode")
            assert event["about"] == {"@id": service["@id"]}


def test_json_ld_of_a_weekly_round_has_times_in_swedish_time(minimal_build: Build) -> None:
    service, (event,) = service_and_events(graph_of(minimal_build.html("erbjudanden/komet/")))
    assert event["startDate"] == "2027-02-02T18:00:00+01:00"
    assert event["endDate"] == "2027-04-06T20:00:00+02:00"  # summer time has begun by April
    assert event["eventSchedule"]["repeatCount"] == 10
    assert event["eventSchedule"]["byDay"] == "https://schema.org/Tuesday"
    assert event["location"]["address"]["streetAddress"] == "Storgatan 1, 123 45 Testby"
    assert service["areaServed"]["identifier"]["value"] == "9998"
    babysang, events = service_and_events(graph_of(minimal_build.html("erbjudanden/babysang/")))
    assert events == []
    assert babysang["hoursAvailable"][0]["dayOfWeek"] == "https://schema.org/Wednesday"


def test_json_ld_names_its_nodes_by_fragments_of_the_page() -> None:
    """Relative @ids resolve against the page's address, so each node keeps the identifier it had as
    '<page address>#fragment', without that address repeated in every reference; links stay absolute."""
    catalog = minimal_catalog()
    offer = next(o for o in catalog.offers if o.slug == "komet")
    document = jsonld.offer_graph(offer, catalog, SiteUrls(SITE_URL))
    graph = document["@graph"]
    ids = [node["@id"] for node in graph]
    assert ids == ["#tjanst", "#sida", "#arrangor", "#plats-1", "#omgang-2027-02-02"]
    assert all(re.fullmatch(r"#[a-z0-9-]+", node_id) for node_id in ids)
    service, webpage, *_, event = graph
    assert service["url"] == f"{SITE_URL}erbjudanden/komet/"
    assert event["offers"]["url"].startswith("https://")
    # Each round says what is its own; the page's address and the languages are the service's, where
    # `about` leads. Only properties schema.org gives each type: the languages are the service channel's
    # and the keywords the page's, not the Service's.
    assert "url" not in event
    assert "inLanguage" not in event
    assert event["about"] == {"@id": "#tjanst"}
    channel = service["availableChannel"]
    assert [language["alternateName"] for language in channel["availableLanguage"]] == ["sv", "ar"]
    assert "availableLanguage" not in service
    assert "keywords" not in service
    assert webpage["about"] == {"@id": "#tjanst"}
    assert webpage["keywords"]
    assert set(event["eventSchedule"]) >= {"repeatCount", "byDay", "startTime", "endTime", "scheduleTimezone"}


def test_a_round_refers_to_the_page_for_signing_up_and_states_its_status_only_when_not_as_planned() -> None:
    # Signing up on the page itself: each round's offer refers to the page's node, which has the address,
    # instead of repeating it. schema.org assumes EventScheduled by default: only a cancelled round says so.
    catalog = minimal_catalog()
    komet = next(o for o in catalog.offers if o.slug == "komet")
    first = komet.rounds[0]
    cancelled = dataclasses.replace(first, status="inställd", start=first.start + timedelta(days=7))
    offer = dataclasses.replace(komet, signup=dataclasses.replace(komet.signup, web=None), rounds=(first, cancelled))
    graph = jsonld.offer_graph(offer, catalog, SiteUrls(SITE_URL))["@graph"]
    webpage = next(node for node in graph if node["@type"] == "WebPage")
    assert webpage["url"] == f"{SITE_URL}erbjudanden/komet/"
    scheduled, called_off = (node for node in graph if node["@type"] == "Event")
    assert scheduled["offers"]["url"] == called_off["offers"]["url"] == {"@id": webpage["@id"]}
    assert "eventStatus" not in scheduled
    assert called_off["eventStatus"] == "https://schema.org/EventCancelled"


@pytest.mark.parametrize(
    "hostile", ["</script><script>alert(1)</script>", "]]>", "-->", "<!--", "</SCRIPT >", "a & b < c > d", "\u2028"]
)
def test_editor_text_cannot_break_out_of_the_json_ld_script(hostile: str) -> None:
    catalog = minimal_catalog()
    offer = next(o for o in catalog.offers if o.slug == "komet")
    offer = dataclasses.replace(offer, title=f"Komet {hostile}", summary=hostile)
    element = str(jsonld.script_element(offer, catalog, SiteUrls(SITE_URL)))
    inner = element.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not re.search(r"[<>&]", inner)
    graph = json.loads(inner)["@graph"]
    assert graph[0]["name"] == f"Komet {hostile}"
    assert graph[0]["description"] == hostile


# ---- calendars ----------------------------------------------------------------------------------


def parse_calendar(data: bytes) -> Calendar:
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
    calendar = Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    (timezone,) = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Europe/Stockholm"
    return calendar


def test_every_calendar_parses_with_stockholm_time_and_stable_uids(sample_build: Build) -> None:
    folder = sample_build.site / "oppna-data"
    all_uids: set[str] = set()
    for path in sorted((folder / "kalender").glob("*.ics")):
        events = parse_calendar(path.read_bytes()).walk("VEVENT")
        assert events, path
        for event in events:
            for field in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL"):
                assert field in event, (path, field)
            start = event.decoded("DTSTART")
            assert isinstance(start, date)
            if isinstance(start, datetime):
                assert str(start.tzinfo) == "Europe/Stockholm"
            all_uids.add(str(event["UID"]))
    everything = parse_calendar((folder / "kalender.ics").read_bytes()).walk("VEVENT")
    assert sorted(str(e["UID"]) for e in everything) == sorted(all_uids)
    assert len(all_uids) == len(everything)


def test_weekly_round_repeats_until_its_last_meeting(minimal_build: Build) -> None:
    calendar = parse_calendar((minimal_build.site / "oppna-data" / "kalender" / "komet.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == "komet.omgang.20270202@www.exempelby.se"
    assert event.decoded("DTSTART") == datetime(2027, 2, 2, 18, 0, tzinfo=STOCKHOLM)
    assert event.decoded("DTEND") == datetime(2027, 2, 2, 20, 0, tzinfo=STOCKHOLM)
    rule = event["RRULE"]
    assert (rule["FREQ"], rule["COUNT"]) == (["WEEKLY"], [10])
    last = event.decoded("DTSTART") + timedelta(weeks=rule["COUNT"][0] - 1)
    assert last.date() == date(2027, 4, 6)
    assert str(event["LOCATION"]) == "Familjecentralen, Storgatan 1, 123 45 Testby"
    calendar = parse_calendar((minimal_build.site / "oppna-data" / "kalender" / "babysang.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2027, 1, 20, 10, 0, tzinfo=STOCKHOLM)  # the next Wednesday
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]


def test_round_with_its_own_last_date_gives_its_first_and_last_meeting_and_cancelled_is_cancelled() -> None:
    catalog = minimal_catalog()
    komet = next(o for o in catalog.offers if o.slug == "komet")
    round_ = dataclasses.replace(komet.rounds[0], last=date(2027, 3, 1), status="inställd", time=None)
    calendar = parse_calendar(
        ics.offer_calendar(dataclasses.replace(komet, rounds=(round_,)), catalog, SiteUrls(SITE_URL), GENERATED)
    )
    first, last = calendar.walk("VEVENT")
    assert (first.decoded("DTSTART"), last.decoded("DTSTART")) == (date(2027, 2, 2), date(2027, 3, 1))
    assert str(first["SUMMARY"]) == "Komet (första träffen)"
    assert {str(first["STATUS"]), str(last["STATUS"])} == {"CANCELLED"}
    assert "RRULE" not in first


def test_calendar_text_is_escaped_and_folded() -> None:
    catalog = minimal_catalog()
    komet = next(o for o in catalog.offers if o.slug == "komet")
    title = "Komet; för dig, och dig\\ också\nny rad " + "å" * 80
    calendar = parse_calendar(
        ics.offer_calendar(dataclasses.replace(komet, title=title), catalog, SiteUrls(SITE_URL), GENERATED)
    )
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == title


def test_calendar_link_only_on_offers_with_upcoming_meetings(sample_build: Build, minimal_build: Build) -> None:
    html = minimal_build.html("erbjudanden/komet/")
    assert (
        '<a href="../../oppna-data/kalender/komet.ics" download>Lägg till i kalendern<span '
        'class="sg-visually-hidden">: alla kommande träffar i Komet</span></a>'
    ) in html
    catalog, _ = load(sample_build.root, today=date(2027, 1, 18))
    assert catalog is not None
    without = [o for o in catalog.offers if not o.upcoming_rounds(catalog.today) and not o.recurring]
    assert without, "the sample data should have an offer without dates"
    for offer in catalog.offers:
        has_link = "Lägg till i kalendern" in sample_build.html(f"erbjudanden/{offer.slug}/")
        has_file = (sample_build.site / "oppna-data" / "kalender" / f"{offer.slug}.ics").is_file()
        assert has_link == has_file == (offer not in without), offer.slug


# ---- sitemap and feed ---------------------------------------------------------------------------

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_gives_each_offer_its_review_date(sample_build: Build) -> None:
    data = (sample_build.site / "sitemap.xml").read_bytes()
    assert gzip.decompress((sample_build.site / "sitemap.xml.gz").read_bytes()) == data
    entries = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in ET.fromstring(data).iter(f"{SITEMAP}url")
    }
    catalog, _ = load(sample_build.root, today=date(2027, 1, 18))
    assert catalog is not None
    for offer in catalog.offers:
        assert offer.reviewed is not None
        assert entries[f"https://www.exempelby.se/foraldraskapsstod/erbjudanden/{offer.slug}/"] == (
            offer.reviewed.isoformat()
        )
    assert "https://www.exempelby.se/foraldraskapsstod/oppna-data/" in entries


def test_atom_feed_is_valid_and_lists_reviewed_offers_newest_first(sample_build: Build) -> None:
    feed = ET.fromstring((sample_build.site / "oppna-data" / "nyheter.atom").read_bytes())
    assert feed.tag == f"{ATOM}feed"
    for field in ("id", "title", "updated", "author/" + ATOM + "name"):
        assert (feed.findtext(f"{ATOM}{field}") or "").strip(), field
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None
    assert self_link.get("href") == "https://www.exempelby.se/foraldraskapsstod/oppna-data/nyheter.atom"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(offer_slugs(sample_build))
    stamps = []
    for entry in entries:
        for field in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{field}") or "").strip(), field
        assert (entry.findtext(f"{ATOM}id") or "").startswith("urn:uuid:")
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        assert link is not None
        assert urlsplit(link.get("href", "")).path.startswith("/foraldraskapsstod/erbjudanden/")
        stamps.append(datetime.fromisoformat(entry.findtext(f"{ATOM}updated") or ""))
    assert stamps == sorted(stamps, reverse=True)
    assert datetime.fromisoformat(feed.findtext(f"{ATOM}updated") or "") == stamps[0]
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)


# ---- the page, and the build as a whole ---------------------------------------------------------


def test_open_data_page_is_in_the_nav_and_links_to_every_file(minimal_build: Build) -> None:
    html = minimal_build.html("oppna-data/")
    assert '<h1 id="rubrik">Öppna data</h1>' in html
    assert 'href="https://creativecommons.org/publicdomain/zero/1.0/">CC0 1.0 Universell</a>' in html
    assert "Uppgifterna gäller 18 januari 2027." in html
    start = minimal_build.html("")
    assert re.search(r'<a href="oppna-data/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Öppna data', start)
    content = html.split('<h1 id="rubrik">', 1)[1].split("</article>", 1)[0]
    targets = {href for href in re.findall(r'href="([^"#]+)"', content) if not urlsplit(href).scheme}
    assert len(targets) >= 20
    for href in targets:
        assert (minimal_build.site / "oppna-data" / href).resolve().is_file(), href


def test_files_are_the_same_in_two_builds_with_the_same_source_date(tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        project = make_project(tmp_path / name, FIXTURE_SITES / "minimal" / "data")
        build = run_build(project, env={"SOURCE_DATE_EPOCH": "1800000000"})
        assert build.ok, build.result.stderr
        folder = build.site / "oppna-data"
        outputs.append({p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()})
    assert outputs[0] == outputs[1]
    assert read_json(tmp_path / "a" / "site" / "oppna-data" / "erbjudanden.json")["skapad"] == "2027-01-15T08:00:00Z"


def test_hostile_editor_text_is_safe_in_every_open_data_file(build_fixture: BuildFactory, tmp_path: Path) -> None:
    hostile = '</script><!-- ]]> --> & <b>"x"</b>; a,b\\'
    data = tmp_path / "site" / "data"
    shutil.copytree(FIXTURE_SITES / "minimal" / "data", data)
    offer = data / "erbjudanden" / "komet.yml"
    offer.write_text(offer.read_text(encoding="utf-8").replace("titel: Komet", f"titel: '{hostile}'"), encoding="utf-8")
    build = build_fixture(tmp_path / "site", "--strict")
    assert build.ok, build.result.stderr
    folder = build.site / "oppna-data"
    service, (_event,) = service_and_events(graph_of(build.html("erbjudanden/komet/")))
    assert service["name"] == hostile
    assert hostile in [o["titel"] for o in read_json(folder / "erbjudanden.json")["erbjudanden"]]
    assert hostile in [row["titel"] for row in read_csv((folder / "erbjudanden.csv").read_bytes())]
    feed = ET.fromstring((folder / "nyheter.atom").read_bytes())
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert hostile in titles
    (event,) = parse_calendar((folder / "kalender" / "komet.ics").read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == hostile
    assert hostile in [s["name"] for s in read_json(folder / "hsds" / "services.json")]


@pytest.mark.parametrize(
    "line",
    [
        "DESCRIPTION:" + "å" * 100,
        "SUMMARY:" + "a" * 66 + "😀" * 5,
        "X:" + "a" * 73,
        "X:" + "a" * 74,
        "LOCATION:" + "Ö,; " * 60,
    ],
)
def test_long_calendar_lines_fold_at_75_octets_between_characters(line: str) -> None:
    folded = ics.fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join([parts[0], *(part[1:] for part in parts[1:])]) == line  # unfolding gives the line back
    assert (len(parts) == 1) == (len(line.encode("utf-8")) <= 75)


def test_the_open_data_schema_describes_the_field_table() -> None:
    """The record's keys and CSV columns come from one table (opendata.FIELDS); the committed JSON Schema
    must describe exactly those keys, in the same order, all required."""
    schema = json.loads(opendata.SCHEMA_FILE.read_text(encoding="utf-8"))
    record = schema["$defs"]["erbjudande"]
    names = [field.name for field in opendata.FIELDS]
    hint = "describe the table's fields in schema/oppna-data/erbjudanden.schema.json, in the table's order"
    assert list(record["properties"]) == names, hint
    assert record["required"] == names, hint
    assert len(set(opendata.CSV_COLUMNS)) == len(opendata.CSV_COLUMNS)


@pytest.mark.parametrize(
    ("ages", "record", "stated", "audience"),
    [
        (
            Ages(4, None),
            {"från": 4, "till": None, "från_månader": None, "till_månader": None, "text": "Från 4 år"},
            (4, None),
            "Föräldrar till barn från 4 år",
        ),
        (
            Ages(0, 1, low_months=2, high_months=18),
            {"från": 0, "till": 1, "från_månader": 2, "till_månader": 18, "text": "2–18 månader"},
            (0.17, 1.5),
            "Föräldrar till barn som är 2–18 månader",
        ),
        (
            Ages(13, 18),
            {"från": 13, "till": 18, "från_månader": None, "till_månader": None, "text": "13–18 år"},
            (13, 18),
            "Föräldrar till barn som är 13–18 år",
        ),
    ],
)
def test_ages_as_programmes_state_them_in_json_csv_hsds_and_json_ld(
    ages: Ages, record: dict[str, Any], stated: tuple[float, float | None], audience: str
) -> None:
    catalog = minimal_catalog()
    komet = next(o for o in catalog.offers if o.slug == "komet")
    offer = dataclasses.replace(komet, ages=ages)
    catalog = dataclasses.replace(catalog, offers=(offer,))
    urls = SiteUrls(SITE_URL)
    written = opendata.offer_record(offer, catalog, urls)["ålder"]
    assert {key: written[key] for key in record} == record
    assert written["väntar_barn"] is False
    assert written["från_graviditetsvecka"] is None
    (row,) = read_csv(opendata.offers_csv(catalog, urls))
    assert row["ålder_text"] == record["text"]
    assert row["ålder_till"] == ("" if record["till"] is None else str(record["till"]))
    (service,) = hsds.tables(catalog, urls)["service"]
    assert (service["minimum_age"], service.get("maximum_age")) == stated  # no highest age: left out
    graph = jsonld.offer_graph(offer, catalog, urls)
    node = next(n for n in graph["@graph"] if n.get("@type") == "Service")
    assert node["audience"]["description"] == audience
    assert node["audience"]["suggestedMinAge"] == stated[0]
    assert node["audience"].get("suggestedMaxAge") == stated[1]


def test_pregnancy_week_in_the_open_data() -> None:
    catalog = minimal_catalog()
    komet = next(o for o in catalog.offers if o.slug == "komet")
    offer = dataclasses.replace(komet, ages=Ages(None, None, expecting=True, pregnancy_week=23))
    written = opendata.offer_record(offer, catalog, SiteUrls(SITE_URL))["ålder"]
    assert written["från_graviditetsvecka"] == 23
    assert written["text"] == "Väntar barn från graviditetsvecka 23"

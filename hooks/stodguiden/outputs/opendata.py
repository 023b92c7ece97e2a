"""The offers as open data: one JSON file with its JSON Schema, and one CSV file.

Everything here is a plain function from a `Catalog` (plus the site's address and the time the files
were made) to text or bytes; the MkDocs hook only writes the result. Only published offers are in the
catalog, so the files hold exactly what the pages show, and rounds that have ended are left out as on
the pages.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from stodguiden.base.richtext import plain_text
from stodguiden.base.siteurls import OPEN_DATA, SiteUrls, calendar_path, iso_utc, readable_json
from stodguiden.language.swedish import language_name
from stodguiden.model import Catalog, Offer, Place, Round, file_order

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "schema" / "oppna-data" / "erbjudanden.schema.json"
JSON_PATH = f"{OPEN_DATA}/erbjudanden.json"
SCHEMA_PATH = f"{OPEN_DATA}/erbjudanden.schema.json"
CSV_PATH = f"{OPEN_DATA}/erbjudanden.csv"
FORMAT_VERSION = "1.0"
"""Raised when a field is renamed or removed; new fields do not change it."""


@dataclass(frozen=True)
class License:
    key: str
    name: str
    url: str
    sentence: str
    """What a reuser may do, in plain Swedish, for the Öppna data page."""


# `licens` in data/webbplats.yml picks one of these (SPDX identifiers); CC0 when it is not set.
LICENSES = {
    "CC0-1.0": License(
        "CC0-1.0",
        "CC0 1.0 Universell",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "Du får använda, ändra och dela uppgifterna fritt, utan att fråga och utan att ange källan.",
    ),
    "CC-BY-4.0": License(
        "CC-BY-4.0",
        "Creative Commons Erkännande 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
        "Du får använda, ändra och dela uppgifterna fritt, om du anger varifrån de kommer.",
    ),
}
DEFAULT_LICENSE = "CC0-1.0"


def license_of(catalog: Catalog) -> License:
    return LICENSES[catalog.settings.license or DEFAULT_LICENSE]


def _time(value: Any) -> str | None:
    return f"{value:%H:%M}" if value is not None else None


def _place(place: Place) -> dict[str, Any]:
    return {
        "namn": place.name,
        "adress": place.address,
        "område": place.area,
        "digitalt": place.online,
        "tillgänglighet": place.accessibility,
    }


def _round(round_: Round) -> dict[str, Any]:
    return {
        "start": round_.start.isoformat(),
        "slut": round_.last.isoformat(),
        "träffar": round_.meetings,
        "varje_vecka": round_.weekly,
        "tid": {"start": _time(round_.time.start), "slut": _time(round_.time.end)} if round_.time else None,
        "plats": round_.place.reference if round_.place else None,
        "sista_anmälan": round_.signup_by.isoformat() if round_.signup_by else None,
        "status": round_.status,
        "info": round_.info,
    }


def offer_record(offer: Offer, catalog: Catalog, urls: SiteUrls) -> dict[str, Any]:
    """One offer with all its public fields; every key is always there (null when not given)."""
    organiser = catalog.organisers[offer.organiser]
    return {
        "id": offer.slug,
        "uuid": urls.uuid("erbjudande", offer.slug),
        "url": urls.offer(offer.slug),
        "titel": offer.title,
        "sammanfattning": offer.summary,
        "beskrivning": plain_text(offer.description_html, blocks=True) or None,
        "beskrivning_html": offer.description_html or None,
        "ålder": {"från": offer.ages.low, "till": offer.ages.high, "väntar_barn": offer.ages.expecting},
        "åldersgrupper": [{"id": g.key, "namn": g.name} for g in catalog.age_groups_of(offer)],
        "typer": [{"id": key, "namn": catalog.types[key].name} for key in offer.types],
        "nivå": offer.level,
        "målgrupp": list(offer.audiences),
        "arrangör": {"id": organiser.key, "namn": organiser.name, "sektor": organiser.sector},
        "plats": [_place(p) for p in offer.places],
        "omgångar": [_round(r) for r in offer.upcoming_rounds(catalog.today)],
        "löpande": [
            {
                "veckodag": s.weekday,
                "tid": {"start": _time(s.time.start), "slut": _time(s.time.end)},
                "plats": s.place.reference if s.place else None,
                "info": s.info,
            }
            for s in offer.recurring
        ],
        "anmälan": {"behövs": offer.signup.needed, "hur": offer.signup.how, "webb": offer.signup.web},
        "kontakt": {
            "namn": offer.contact.name,
            "telefon": offer.contact.phone,
            "e-post": offer.contact.email,
            "webb": offer.contact.web,
        },
        "kostnad": {"belopp": offer.cost.amount, "valuta": "SEK", "info": offer.cost.info} if offer.cost else None,
        "språk": [{"kod": code, "namn": language_name(code) or code} for code in offer.languages],
        "tolk": offer.interpreter,
        "kunskapsgrund": (
            {"namn": offer.basis.name, "beskrivning": offer.basis.description, "webb": offer.basis.web}
            if offer.basis
            else None
        ),
        "sökord": list(offer.keywords),
        "publicera_till": offer.publish_until.isoformat() if offer.publish_until else None,
        "granskad": offer.reviewed.isoformat() if offer.reviewed else None,
        "kalender": urls.to(calendar_path(offer.slug)) if offer.has_upcoming_times(catalog.today) else None,
    }


def sorted_offers(catalog: Catalog) -> list[Offer]:
    """Offers in a fixed order (by file name), so that the files only change when the data does."""
    return sorted(catalog.offers, key=file_order)


def offers_document(
    catalog: Catalog, urls: SiteUrls, generated: datetime, records: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The whole JSON file; `records` are the offers' records when the caller has made them already."""
    settings = catalog.settings
    license = license_of(catalog)
    return {
        "$schema": urls.to(SCHEMA_PATH),
        "version": FORMAT_VERSION,
        "webbplats": {"namn": settings.name, "url": urls.to("")},
        "kommun": {"namn": settings.municipality, "kommunkod": settings.municipality_code},
        "skapad": iso_utc(generated),
        "gäller_datum": catalog.today.isoformat(),
        "licens": {"id": license.key, "namn": license.name, "url": license.url},
        "antal": len(catalog.offers),
        "erbjudanden": records if records is not None else records_of(catalog, urls),
    }


def records_of(catalog: Catalog, urls: SiteUrls) -> list[dict[str, Any]]:
    """Every offer's record, in file order: made once for both the JSON and the CSV file."""
    return [offer_record(o, catalog, urls) for o in sorted_offers(catalog)]


def offers_json(
    catalog: Catalog, urls: SiteUrls, generated: datetime, records: list[dict[str, Any]] | None = None
) -> str:
    return readable_json(offers_document(catalog, urls, generated, records))


def schema_json() -> str:
    return SCHEMA_FILE.read_text(encoding="utf-8")


# ---- CSV ----------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "id",
    "titel",
    "sammanfattning",
    "url",
    "ålder_från",
    "ålder_till",
    "väntar_barn",
    "åldersgrupper",
    "typer",
    "nivå",
    "målgrupp",
    "arrangör",
    "platser",
    "områden",
    "digitalt",
    "omgångar",
    "löpande",
    "anmälan_behövs",
    "anmälan_hur",
    "anmälan_webb",
    "kontakt_namn",
    "kontakt_telefon",
    "kontakt_e-post",
    "kontakt_webb",
    "kostnad_kronor",
    "kostnad_info",
    "språk",
    "tolk",
    "kunskapsgrund",
    "sökord",
    "beskrivning",
    "publicera_till",
    "granskad",
    "kalender",
)
LIST_SEPARATOR = ", "
"""Between simple values in a cell: 'svenska, arabiska'."""
ITEM_SEPARATOR = " | "
"""Between longer items (places, rounds), which may themselves contain commas."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """Text for one cell. Text that Excel would run as a formula gets a leading apostrophe (OWASP)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _yes_no(value: bool) -> str:
    return "ja" if value else "nej"


def _csv_round(item: dict[str, Any]) -> str:
    parts = [f"{item['start']}–{item['slut']}", f"{item['träffar']} {'träff' if item['träffar'] == 1 else 'träffar'}"]
    if item["tid"]:
        parts.append(f"{item['tid']['start']}–{item['tid']['slut']}")
    if item["plats"]:
        parts.append(item["plats"])
    parts.append(item["status"])
    return ", ".join(parts)


def _csv_place(item: dict[str, Any]) -> str:
    if item["digitalt"]:
        return "På nätet" + (f" ({item['namn']})" if item["namn"] else "")
    return ", ".join(part for part in (item["namn"], item["adress"]) if part)


def csv_row(record: dict[str, Any]) -> dict[str, str]:
    ages, signup, contact, cost = record["ålder"], record["anmälan"], record["kontakt"], record["kostnad"]
    row: dict[str, Any] = {
        "id": record["id"],
        "titel": record["titel"],
        "sammanfattning": record["sammanfattning"],
        "url": record["url"],
        "ålder_från": ages["från"],
        "ålder_till": ages["till"],
        "väntar_barn": _yes_no(ages["väntar_barn"]),
        "åldersgrupper": LIST_SEPARATOR.join(g["namn"] for g in record["åldersgrupper"]),
        "typer": LIST_SEPARATOR.join(t["namn"] for t in record["typer"]),
        "nivå": record["nivå"],
        "målgrupp": LIST_SEPARATOR.join(record["målgrupp"]),
        "arrangör": record["arrangör"]["namn"],
        "platser": ITEM_SEPARATOR.join(_csv_place(p) for p in record["plats"]),
        "områden": LIST_SEPARATOR.join(dict.fromkeys(p["område"] for p in record["plats"] if p["område"])),
        "digitalt": _yes_no(any(p["digitalt"] for p in record["plats"])),
        "omgångar": ITEM_SEPARATOR.join(_csv_round(r) for r in record["omgångar"]),
        "löpande": ITEM_SEPARATOR.join(
            f"{s['veckodag']}ar {s['tid']['start']}–{s['tid']['slut']}" + (f", {s['plats']}" if s["plats"] else "")
            for s in record["löpande"]
        ),
        "anmälan_behövs": _yes_no(signup["behövs"]),
        "anmälan_hur": signup["hur"],
        "anmälan_webb": signup["webb"],
        "kontakt_namn": contact["namn"],
        "kontakt_telefon": contact["telefon"],
        "kontakt_e-post": contact["e-post"],
        "kontakt_webb": contact["webb"],
        "kostnad_kronor": cost["belopp"] if cost else None,
        "kostnad_info": cost["info"] if cost else None,
        "språk": LIST_SEPARATOR.join(s["namn"] for s in record["språk"]),
        "tolk": _yes_no(record["tolk"]),
        "kunskapsgrund": record["kunskapsgrund"]["namn"] if record["kunskapsgrund"] else None,
        "sökord": LIST_SEPARATOR.join(record["sökord"]),
        "beskrivning": record["beskrivning"],
        "publicera_till": record["publicera_till"],
        "granskad": record["granskad"],
        "kalender": record["kalender"],
    }
    return {key: _cell(row[key]) for key in CSV_COLUMNS}


def offers_csv(catalog: Catalog, urls: SiteUrls, records: list[dict[str, Any]] | None = None) -> bytes:
    """UTF-8 with a byte-order mark and semicolons, as Excel with Swedish settings opens it directly."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for record in records if records is not None else records_of(catalog, urls):
        writer.writerow(csv_row(record))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# ---- the files ---------------------------------------------------------------------------------


def paths() -> list[str]:
    """The files `publish` writes, in the same order."""
    return [JSON_PATH, SCHEMA_PATH, CSV_PATH]


def publish(catalog: Catalog, urls: SiteUrls, generated: datetime) -> Iterator[tuple[str, bytes]]:
    """The JSON file, its schema and the CSV file as (path in the site, content), one at a time; the
    records are made once for both (about 200 MB in all with the other files for 10,000 offers)."""
    records = records_of(catalog, urls)
    yield JSON_PATH, offers_json(catalog, urls, generated, records).encode("utf-8")
    yield SCHEMA_PATH, schema_json().encode("utf-8")
    yield CSV_PATH, offers_csv(catalog, urls, records)

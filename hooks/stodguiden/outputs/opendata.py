"""The offers as open data: one JSON file with its JSON Schema, and one CSV file.

Everything here is a plain function from a `Catalog` (plus the site's address and the time the files
were made) to text or bytes; the MkDocs hook only writes the result. Only published offers are in the
catalog, so the files hold exactly what the pages show, and rounds that have ended are left out as on
the pages.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stodguiden.base.richtext import plain_text
from stodguiden.base.siteurls import OPEN_DATA, SiteUrls, calendar_path, iso_utc, readable_json
from stodguiden.language import swedish
from stodguiden.language.swedish import ages as ages_text
from stodguiden.language.swedish import language_name
from stodguiden.model import Catalog, Format, GroupSize, Offer, Place, Round, Signup, file_order, plain_fields

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from datetime import date, datetime

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
        **_round_format(round_),
    }


def _group_size(size: GroupSize | None) -> dict[str, Any] | None:
    return {"från": size.low, "till": size.high, "vilka": size.who} if size else None


def _round_format(round_: Round) -> dict[str, Any]:
    """A round's own languages, audience and format (contract v2): only what the round itself says; the
    offer's `format` is its own field, so a re-user sees which value came from where."""
    return {
        "träffar_till": round_.meetings_max,
        "språk": [{"kod": code, "namn": language_name(code) or code} for code in round_.languages],
        "för": round_.for_whom,
        "träfflängd": round_.duration,
        "gruppstorlek": _group_size(round_.group_size),
    }


def _format(value: Format | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "träffar": value.meetings,
        "träffar_till": value.meetings_max,
        "träfflängd": value.duration,
        "gruppstorlek": _group_size(value.group_size),
        "ledare": value.leaders,
    }


def _csv_meetings(value: dict[str, Any]) -> str | None:
    if value is None or value["träffar"] is None:
        return None
    high = value["träffar_till"]
    return f"{value['träffar']}–{high}" if high is not None else str(value["träffar"])


def _csv_group_size(size: dict[str, Any] | None) -> str | None:
    return swedish.group_size(size["från"], size["till"], size["vilka"]) if size else None


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
    parts = [f"{item['start']}–{item['slut']}", swedish.meetings(item["träffar"], item.get("träffar_till"))]
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


@dataclass(frozen=True)
class Column:
    """One CSV column of a field: its title and its cell, made from the field's JSON value."""

    title: str
    cell: Callable[[Any], Any]
    after: str | None = None
    """Where the column stands in the CSV when not in the table's order: after this column."""


@dataclass(frozen=True)
class Field:
    """One key of an offer's JSON record, its value, and the CSV columns made from that value."""

    name: str
    value: Callable[[Offer, Catalog, SiteUrls], Any]
    columns: tuple[Column, ...] = ()


def _same(name: str, after: str | None = None) -> tuple[Column, ...]:
    """One CSV column with the field's own name and value."""
    return (Column(name, lambda value: value, after),)


def _names(value: list[dict[str, Any]]) -> str:
    return LIST_SEPARATOR.join(item["namn"] for item in value)


def _weekly(item: dict[str, Any]) -> str:
    where = f", {item['plats']}" if item["plats"] else ""
    return f"{item['veckodag']}ar {item['tid']['start']}–{item['tid']['slut']}" + where


def _item(key: str) -> Callable[[Any], Any]:
    return lambda value: value[key]


def _attribute(name: str) -> Callable[[Offer, Catalog, SiteUrls], Any]:
    return lambda offer, catalog, urls: getattr(offer, name)


def _date_text(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _organiser(catalog: Catalog, key: str) -> dict[str, str]:
    organiser = catalog.organisers[key]
    return {"id": organiser.key, "namn": organiser.name, "sektor": organiser.sector}


def _served(offer: Offer, catalog: Catalog) -> list[str]:
    """SCB codes of the municipalities the offer serves: on one municipality's site, its own code."""
    own = catalog.settings.municipality_code
    return list(offer.municipalities) or ([own] if own else [])


def _signup(signup: Signup) -> dict[str, Any]:
    """`anmälan` as the offer file says it, with `sätt` written out (also for the older `behövs`) and `behövs`
    kept for those who read the files before `sätt` came (false only for sätt: ingen)."""
    return {
        "behövs": signup.needed,
        "hur": signup.how,
        "webb": signup.web,
        "sätt": signup.way,
        "telefon": signup.phone,
        "e-post": signup.email,
        "sedan": signup.then,
        "av": signup.invited_by,
        "båda_vårdnadshavarna": signup.both_guardians,
        "kö": signup.queue,
        "sista_dag": _date_text(signup.last_day),
    }


FIELDS: tuple[Field, ...] = (
    Field("id", lambda o, c, u: o.slug, _same("id")),
    Field("uuid", lambda o, c, u: u.uuid("erbjudande", o.slug)),
    Field("url", lambda o, c, u: u.offer(o.slug), _same("url", after="sammanfattning")),
    Field("titel", lambda o, c, u: o.title, _same("titel")),
    Field("sammanfattning", lambda o, c, u: o.summary, _same("sammanfattning")),
    Field(
        "beskrivning",
        lambda o, c, u: plain_text(o.description_html, blocks=True) or None,
        _same("beskrivning", after="sökord"),
    ),
    Field("beskrivning_html", lambda o, c, u: o.description_html or None),
    Field(
        "ålder",
        lambda o, c, u: {
            "från": o.ages.low,
            "till": o.ages.high,
            "väntar_barn": o.ages.expecting,
            "från_månader": o.ages.low_months,
            "till_månader": o.ages.high_months,
            "från_graviditetsvecka": o.ages.pregnancy_week,
            "text": ages_text(o.ages),
        },
        (
            Column("ålder_från", lambda v: v["från"]),
            Column("ålder_till", lambda v: v["till"]),
            Column("väntar_barn", lambda v: _yes_no(v["väntar_barn"])),
            Column("ålder_från_månader", lambda v: v["från_månader"]),
            Column("ålder_till_månader", lambda v: v["till_månader"]),
            Column("från_graviditetsvecka", lambda v: v["från_graviditetsvecka"]),
            Column("ålder_text", lambda v: v["text"]),
        ),
    ),
    Field(
        "åldersgrupper",
        lambda o, c, u: [{"id": g.key, "namn": g.name} for g in c.age_groups_of(o)],
        (Column("åldersgrupper", _names),),
    ),
    Field(
        "typer",
        lambda o, c, u: [{"id": key, "namn": c.types[key].name} for key in o.types],
        (Column("typer", _names),),
    ),
    Field("nivå", lambda o, c, u: o.level, _same("nivå")),
    Field("målgrupp", lambda o, c, u: list(o.audiences), (Column("målgrupp", LIST_SEPARATOR.join),)),
    Field("deltar", lambda o, c, u: list(o.participants), (Column("deltar", LIST_SEPARATOR.join),)),
    Field("arrangör", lambda o, c, u: _organiser(c, o.organiser), (Column("arrangör", lambda v: v["namn"]),)),
    Field(
        "arrangörer",
        lambda o, c, u: [_organiser(c, key) for key in o.organisers],
        (Column("arrangörer", _names),),
    ),
    Field(
        "plats",
        lambda o, c, u: [_place(p) for p in o.places],
        (
            Column("platser", lambda v: ITEM_SEPARATOR.join(_csv_place(p) for p in v)),
            Column("områden", lambda v: LIST_SEPARATOR.join(dict.fromkeys(p["område"] for p in v if p["område"]))),
            Column("digitalt", lambda v: _yes_no(any(p["digitalt"] for p in v))),
        ),
    ),
    Field(
        "omgångar",
        lambda o, c, u: [_round(r) for r in o.upcoming_rounds(c.today)],
        (Column("omgångar", lambda v: ITEM_SEPARATOR.join(_csv_round(r) for r in v)),),
    ),
    Field(
        "löpande",
        lambda o, c, u: [
            {
                "veckodag": s.weekday,
                "tid": {"start": _time(s.time.start), "slut": _time(s.time.end)},
                "plats": s.place.reference if s.place else None,
                "info": s.info,
            }
            for s in o.recurring
        ],
        (Column("löpande", lambda v: ITEM_SEPARATOR.join(_weekly(s) for s in v)),),
    ),
    # when and how the meetings are (contract v2, sections 4 and 5)
    Field(
        "uppehåll",
        lambda o, c, u: [
            {"från": k.start.isoformat(), "till": k.end.isoformat(), "info": k.info}
            for k in o.current_closures(c.today)
        ],
        (Column("uppehåll", lambda v: ITEM_SEPARATOR.join(f"{k['från']}–{k['till']}" for k in v)),),
    ),
    Field("tider", lambda o, c, u: o.times, _same("tider")),
    Field(
        "nästa_start",
        lambda o, c, u: (
            {"mönster": o.next_start.pattern, "info": o.next_start.info, "intresseanmälan": o.next_start.interest}
            if o.next_start
            else None
        ),
        (Column("nästa_start", lambda v: v["mönster"] if v else None),),
    ),
    Field(
        "format",
        lambda o, c, u: _format(o.format),
        (
            Column("format_träffar", _csv_meetings),
            Column("format_träfflängd", lambda v: v["träfflängd"] if v else None),
            Column("format_gruppstorlek", lambda v: _csv_group_size(v["gruppstorlek"]) if v else None),
            Column("format_ledare", lambda v: v["ledare"] if v else None),
        ),
    ),
    Field(
        "anmälan",
        lambda o, c, u: _signup(o.signup),
        (
            Column("anmälan_behövs", lambda v: _yes_no(v["behövs"])),
            Column("anmälan_hur", lambda v: v["hur"]),
            Column("anmälan_webb", lambda v: v["webb"]),
            Column("anmälan_sätt", lambda v: v["sätt"]),
            Column("anmälan_telefon", lambda v: v["telefon"]),
            Column("anmälan_e-post", lambda v: v["e-post"]),
            Column("anmälan_sedan", lambda v: v["sedan"]),
            Column("anmälan_av", lambda v: v["av"]),
            Column("anmälan_båda_vårdnadshavarna", lambda v: _yes_no(v["båda_vårdnadshavarna"])),
            Column("anmälan_kö", lambda v: v["kö"]),
            Column("anmälan_sista_dag", lambda v: v["sista_dag"]),
        ),
    ),
    Field(
        "kontakt",
        lambda o, c, u: {
            "namn": o.contact.name,
            "telefon": o.contact.phone,
            "e-post": o.contact.email,
            "webb": o.contact.web,
        },
        tuple(Column(f"kontakt_{key}", _item(key)) for key in ("namn", "telefon", "e-post", "webb")),
    ),
    Field(
        "kostnad",
        lambda o, c, u: {"belopp": o.cost.amount, "valuta": "SEK", "info": o.cost.info} if o.cost else None,
        (
            Column("kostnad_kronor", lambda v: v["belopp"] if v else None),
            Column("kostnad_info", lambda v: v["info"] if v else None),
        ),
    ),
    Field(
        "språk",
        lambda o, c, u: [{"kod": code, "namn": language_name(code) or code} for code in o.languages],
        (Column("språk", _names),),
    ),
    Field("tolk", lambda o, c, u: o.interpreter, (Column("tolk", _yes_no),)),
    Field(
        "kunskapsgrund",
        lambda o, c, u: (
            {"namn": o.basis.name, "beskrivning": o.basis.description, "webb": o.basis.web} if o.basis else None
        ),
        (Column("kunskapsgrund", lambda v: v["namn"] if v else None),),
    ),
    Field("sökord", lambda o, c, u: list(o.keywords), (Column("sökord", LIST_SEPARATOR.join),)),
    Field("publicera_till", lambda o, c, u: _date_text(o.publish_until), _same("publicera_till")),
    Field("granskad", lambda o, c, u: _date_text(o.reviewed), _same("granskad")),
    Field(
        "kalender",
        lambda o, c, u: u.to(calendar_path(o.slug)) if o.has_upcoming_times(c.today) else None,
        _same("kalender"),
    ),
    Field("kommuner", lambda o, c, u: _served(o, c), (Column("kommuner", LIST_SEPARATOR.join),)),
    # Plain fields: optional text that offer files, the JSON and the CSV all name alike (model.PUBLIC_NAME).
    *(Field(name, _attribute(attribute), _same(name)) for attribute, name in plain_fields(Offer).items()),
)
"""The offer's record in the JSON file and its columns in the CSV file: a field is added here once. Its
key is described in schema/oppna-data/erbjudanden.schema.json (a test checks that they agree)."""


def _csv_columns(fields: tuple[Field, ...]) -> tuple[Column, ...]:
    columns = [column for field in fields for column in field.columns if column.after is None]
    for field in fields:
        for column in field.columns:
            if column.after is not None:
                columns.insert([c.title for c in columns].index(column.after) + 1, column)
    return tuple(columns)


CSV_ORDER = _csv_columns(FIELDS)
CSV_COLUMNS = tuple(column.title for column in CSV_ORDER)
_CSV_CELLS = [(column, field.name) for field in FIELDS for column in field.columns]


def offer_record(offer: Offer, catalog: Catalog, urls: SiteUrls) -> dict[str, Any]:
    """One offer with all its public fields; every key is always there (null when not given)."""
    return {field.name: field.value(offer, catalog, urls) for field in FIELDS}


def csv_row(record: dict[str, Any]) -> dict[str, str]:
    cells = {column.title: _cell(column.cell(record[name])) for column, name in _CSV_CELLS}
    return {title: cells[title] for title in CSV_COLUMNS}


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

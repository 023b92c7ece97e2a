"""The offers as Open Referral HSDS 3.0 (Human Services Data Specification) tables, one JSON file per table.

Each file is a JSON array of rows that follow the table's official schema, named after the table's file
in HSDS (`services.csv` -> `services.json`). An offer is a service; its organiser an organization; its
places locations (online places are virtual locations); its rounds and weekly times schedules; kinds of
support and age groups are taxonomy terms linked to services by attributes. Ids are UUID 5 from the
site's address, so they stay the same between builds.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from stodguiden.base.siteurls import OPEN_DATA, SiteUrls, readable_json
from stodguiden.language import swedish
from stodguiden.language.participation import participant_sentences, signup_plain
from stodguiden.language.swedish import WEEKDAYS, clock, day, for_whom, kronor, language_name
from stodguiden.model import ONLINE_PLACE, Catalog, Offer, Place, Recurring, Round, file_order

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date

DIRECTORY = f"{OPEN_DATA}/hsds/"
"""The folder in the site that holds one file per table."""
# HSDS table name -> the file it is published as
TABLES = {
    "organization": "organizations.json",
    "service": "services.json",
    "location": "locations.json",
    "address": "addresses.json",
    "accessibility": "accessibility.json",
    "phone": "phones.json",
    "contact": "contacts.json",
    "service_at_location": "service_at_location.json",
    "schedule": "schedules.json",
    "language": "languages.json",
    "cost_option": "cost_options.json",
    "service_area": "service_areas.json",
    "taxonomy": "taxonomies.json",
    "taxonomy_term": "taxonomy_terms.json",
    "attribute": "attributes.json",
}
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# "Storgatan 12, 123 45 Exempelby": street, postcode and town, as Swedish addresses are written.
SWEDISH_ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<postcode>\d{3} ?\d{2})\s+(?P<city>\S.*)$")
# The first two digits of SCB's municipality code are the county (län), HSDS's state_province.
COUNTIES = {
    "01": "Stockholms län",
    "03": "Uppsala län",
    "04": "Södermanlands län",
    "05": "Östergötlands län",
    "06": "Jönköpings län",
    "07": "Kronobergs län",
    "08": "Kalmar län",
    "09": "Gotlands län",
    "10": "Blekinge län",
    "12": "Skåne län",
    "13": "Hallands län",
    "14": "Västra Götalands län",
    "17": "Värmlands län",
    "18": "Örebro län",
    "19": "Västmanlands län",
    "20": "Dalarnas län",
    "21": "Gävleborgs län",
    "22": "Västernorrlands län",
    "23": "Jämtlands län",
    "24": "Västerbottens län",
    "25": "Norrbottens län",
}
TAXONOMIES = {
    "typer": ("Stödguiden: typ av stöd", "Vad för slags stöd ett erbjudande är, enligt data/typer.yml."),
    "aldersgrupper": ("Stödguiden: barnets ålder", "Åldersgrupper för barnet, enligt data/aldersgrupper.yml."),
}


def _row(**fields: Any) -> dict[str, Any]:
    """A table row without the fields that have no value (HSDS leaves unknown fields out)."""
    return {key: value for key, value in fields.items() if value is not None}


def _place_key(place: Place) -> str:
    """What a location's ids are made from (so changing it changes the ids)."""
    return ONLINE_PLACE if place.online and not place.name else f"{place.name}|{place.address or ''}"


class _Tables:
    def __init__(self, catalog: Catalog, urls: SiteUrls) -> None:
        self.catalog, self.urls = catalog, urls
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self.locations: dict[str, str] = {}

    def id(self, *parts: str) -> str:
        return self.urls.uuid("hsds", *parts)

    def add(self, table: str, **fields: Any) -> str:
        row = _row(**fields)
        self.rows[table].append(row)
        return str(row["id"])

    def taxonomies(self) -> None:
        for key, (name, description) in TAXONOMIES.items():
            self.add("taxonomy", id=self.id("taxonomy", key), name=name, description=description, version="1")
        vocabularies = (("typ", "typer", self.catalog.types), ("aldersgrupp", "aldersgrupper", self.catalog.age_groups))
        for prefix, taxonomy, terms in vocabularies:
            for term in terms.values():
                self.add(
                    "taxonomy_term",
                    id=self.id(prefix, term.key),
                    code=term.key,
                    name=term.name,
                    description=term.description,
                    taxonomy=TAXONOMIES[taxonomy][0],
                    taxonomy_id=self.id("taxonomy", taxonomy),
                    language="sv",
                )

    def organizations(self) -> None:
        used = {offer.organiser for offer in self.catalog.offers}
        for organiser in (o for o in self.catalog.organisers.values() if o.key in used):
            org_id = self.add(
                "organization",
                id=self.id("arrangor", organiser.key),
                name=organiser.name,
                description=organiser.description,
                email=organiser.contact.email,
                website=organiser.contact.web,
            )
            if organiser.contact.phone:
                self.add(
                    "phone",
                    id=self.id("arrangor", organiser.key, "telefon"),
                    organization_id=org_id,
                    number=organiser.contact.phone,
                    type="voice",
                )

    def location(self, offer: Offer, place: Place) -> str:
        """A location per distinct place (name and address); the same place in two offers is one location."""
        key = _place_key(place)
        if key in self.locations:
            return self.locations[key]
        loc_id = self.id("plats", key)
        self.locations[key] = loc_id
        if place.online:
            self.add(
                "location",
                id=loc_id,
                location_type="virtual",
                name=place.name or "På nätet",
                url=offer.signup.web or self.urls.offer(offer.slug),
            )
            return loc_id
        self.add("location", id=loc_id, location_type="physical", name=place.name, description=place.area)
        match = SWEDISH_ADDRESS.match(place.address or "")
        if match:
            # HSDS requires state_province: the county from the municipality code, else empty (not guessed).
            code = self.catalog.settings.municipality_code or ""
            self.add(
                "address",
                id=self.id("plats", key, "adress"),
                location_id=loc_id,
                address_1=match["street"],
                city=match["city"],
                state_province=COUNTIES.get(code[:2], ""),
                postal_code=match["postcode"],
                country="SE",
                address_type="physical",
            )
        if place.accessibility:
            self.add(
                "accessibility",
                id=self.id("plats", key, "tillganglighet"),
                location_id=loc_id,
                description=place.accessibility,
            )
        return loc_id

    def service(self, offer: Offer) -> None:
        catalog, urls = self.catalog, self.urls
        service_id = urls.uuid("erbjudande", offer.slug)
        self.add(
            "service",
            id=service_id,
            organization_id=self.id("arrangor", offer.organiser),
            name=offer.title,
            description=offer.summary,
            url=urls.offer(offer.slug),
            email=offer.contact.email,
            status="active",
            interpretation_services="Du kan få tolk." if offer.interpreter else None,
            application_process=signup_plain(offer, catalog.today),
            fees_description=(
                kronor(offer.cost.amount) + (f". {offer.cost.info}" if offer.cost.info else "") if offer.cost else None
            ),
            eligibility_description=" ".join([for_whom(offer.ages), *participant_sentences(offer)]),
            minimum_age=offer.ages.stated_years[0],
            maximum_age=offer.ages.stated_years[1],
            assured_date=offer.reviewed.isoformat() if offer.reviewed else None,
        )
        if offer.contact.phone:
            self.add(
                "phone",
                id=self.id("erbjudande", offer.slug, "telefon"),
                service_id=service_id,
                number=offer.contact.phone,
                type="voice",
            )
        if offer.contact.name or offer.contact.email:
            self.add(
                "contact",
                id=self.id("erbjudande", offer.slug, "kontakt"),
                service_id=service_id,
                name=offer.contact.name,
                email=offer.contact.email,
            )
        # on a region's site, one area per municipality the offer serves (`kommuner`), named by its SCB code
        for member in catalog.municipalities_of(offer):
            self.add(
                "service_area",
                id=self.id("erbjudande", offer.slug, "omrade", member.code),
                service_id=service_id,
                name=member.name,
                description=f"SCB kommunkod {member.code}",
            )
        if not catalog.settings.region:
            self.add(
                "service_area",
                id=self.id("erbjudande", offer.slug, "omrade"),
                service_id=service_id,
                name=catalog.settings.municipality,
                description=f"SCB kommunkod {catalog.settings.municipality_code}"
                if catalog.settings.municipality_code
                else None,
            )
        at_location: dict[Place, str] = {}
        for place in offer.places:
            loc_id = self.location(offer, place)
            sal_id = self.add(
                "service_at_location",
                id=self.id("erbjudande", offer.slug, "plats", _place_key(place)),
                service_id=service_id,
                location_id=loc_id,
            )
            at_location[place] = sal_id
        for round_ in offer.upcoming_rounds(catalog.today):
            self.round_schedule(offer, round_, service_id, at_location)
        for slot in offer.recurring:
            self.recurring_schedule(offer, slot, service_id, at_location)
        for code in offer.languages:
            self.add(
                "language",
                id=self.id("erbjudande", offer.slug, "sprak", code),
                service_id=service_id,
                name=language_name(code) or code,
                code=code,
            )
        if offer.cost:
            self.add(
                "cost_option",
                id=self.id("erbjudande", offer.slug, "kostnad"),
                service_id=service_id,
                option=kronor(offer.cost.amount),
                currency="SEK",
                amount=offer.cost.amount,
                amount_description=offer.cost.info,
            )
        for key in offer.types:
            self.add(
                "attribute",
                id=self.id("erbjudande", offer.slug, "typ", key),
                link_id=service_id,
                taxonomy_term_id=self.id("typ", key),
                link_type="service_type",
                link_entity="service",
            )
        for group in catalog.age_groups_of(offer):
            self.add(
                "attribute",
                id=self.id("erbjudande", offer.slug, "aldersgrupp", group.key),
                link_id=service_id,
                taxonomy_term_id=self.id("aldersgrupp", group.key),
                link_type="eligibility",
                link_entity="service",
            )

    def round_schedule(self, offer: Offer, round_: Round, service_id: str, at_location: dict[Place, str]) -> None:
        weekly = round_.weekly and round_.meetings > 1
        text = f"{swedish.meetings(round_.meetings, round_.meetings_max)} från {day(round_.start)}"
        text += f", en gång i veckan till {day(round_.last)}" if weekly else f" till {day(round_.last)}"
        if round_.time:
            text += f", {clock(round_.time)}"
        self.add(
            "schedule",
            id=self.id("erbjudande", offer.slug, "omgang", round_.start.isoformat()),
            service_id=service_id,
            service_at_location_id=at_location.get(round_.place) if round_.place else None,
            valid_from=round_.start.isoformat(),
            valid_to=round_.last.isoformat(),
            dtstart=round_.start.isoformat(),
            until=round_.last.isoformat() if weekly else None,
            count=round_.meetings if weekly else None,
            freq="WEEKLY" if weekly else None,
            interval=1 if weekly else None,
            byday=BYDAY[round_.start.weekday()] if weekly else None,
            opens_at=f"{round_.time.start:%H:%M}" if round_.time else None,
            closes_at=f"{round_.time.end:%H:%M}" if round_.time else None,
            description=text + ". Tiderna är svensk tid.",
            attending_type="På nätet" if round_.place and round_.place.online else None,
            notes=" ".join(
                part
                for part in (f"Status: {round_.status}.", round_.info, swedish.round_details(offer, round_))
                if part
            ),
        )

    def recurring_schedule(self, offer: Offer, slot: Recurring, service_id: str, at_location: dict[Place, str]) -> None:
        index = WEEKDAYS.index(slot.weekday)
        self.add(
            "schedule",
            id=self.id("erbjudande", offer.slug, "lopande", slot.weekday, f"{slot.time.start:%H%M}"),
            service_id=service_id,
            service_at_location_id=at_location.get(slot.place) if slot.place else None,
            freq="WEEKLY",
            interval=1,
            byday=BYDAY[index],
            valid_to=offer.publish_until.isoformat() if offer.publish_until else None,
            opens_at=f"{slot.time.start:%H:%M}",
            closes_at=f"{slot.time.end:%H:%M}",
            description=f"Varje {slot.weekday} {clock(slot.time)}. Tiderna är svensk tid.",
            attending_type="På nätet" if slot.place and slot.place.online else None,
            notes=" ".join(part for part in (slot.info, _closures(offer, self.catalog.today)) if part) or None,
        )


def _closures(offer: Offer, today: date) -> str:
    """The offer's closures (`uppehåll`), for a weekly schedule's notes: HSDS 3.0 has no exception dates."""
    return " ".join(f"Stängt {swedish.period(c.start, c.end)}." for c in offer.current_closures(today))


def tables(catalog: Catalog, urls: SiteUrls) -> dict[str, list[dict[str, Any]]]:
    """All HSDS rows by table name; offers in the order of their file names."""
    result = _Tables(catalog, urls)
    result.taxonomies()
    result.organizations()
    for offer in sorted(catalog.offers, key=file_order):
        result.service(offer)
    return result.rows


def files(catalog: Catalog, urls: SiteUrls) -> Iterator[tuple[str, str]]:
    """One JSON file per table: (file name, text), made one at a time."""
    for name, rows in tables(catalog, urls).items():
        yield TABLES[name], readable_json(rows)


def paths() -> list[str]:
    """The files `publish` writes, in the same order."""
    return [DIRECTORY + name for name in TABLES.values()]


def publish(catalog: Catalog, urls: SiteUrls) -> Iterator[tuple[str, bytes]]:
    """Every table's file: (path in the site, content), made one at a time."""
    for name, text in files(catalog, urls):
        yield DIRECTORY + name, text.encode("utf-8")

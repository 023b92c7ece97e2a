"""schema.org JSON-LD for an offer page: the service, who provides it, for which ages and where, and each
upcoming round as an Event with its place or online attendance.

The JSON goes inside a `<script>` element, where `</script>` or `<!--` in editor text would end or
confuse the element: `script_element` escapes <, > and & as JSON \\u escapes, which parse to the same text.

The nodes' `@id`s are fragments ("#tjanst", "#plats-1"): a relative IRI in JSON-LD resolves against the
document's address, so they name the same nodes as the page's full address with the fragment would, without
repeating that address in every reference (it is the largest part of a page's JSON-LD otherwise). Values
that people and programs follow as links (`url`) stay absolute, except a round's offer when signing up is on
this page: it refers to the page's own node (`#sida`), which has the address, instead of repeating it.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from stodguiden.base.jsontext import inert_json
from stodguiden.base.timezone import TIME_ZONE, TIME_ZONE_NAME
from stodguiden.language.participation import audience_types
from stodguiden.language.swedish import WEEKDAYS, age_span, language_name

if TYPE_CHECKING:
    from stodguiden.base.siteurls import SiteUrls
    from stodguiden.model import Catalog, Offer, Place, Round

SCHEMA_ORG = "https://schema.org"
PUBLIC_SECTORS = frozenset({"kommun", "region"})
WEEKDAY_URIS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
STATUS = {"inställd": "EventCancelled"}
SERVICE_ID = "#tjanst"
PROVIDER_ID = "#arrangor"
PAGE_ID = "#sida"
AVAILABILITY = {
    "öppen": "InStock",
    "fullbokad": "SoldOut",
    "reservlista": "LimitedAvailability",
    "inställd": "Discontinued",
}


_EMPTY: tuple[object, ...] = (None, "", [], {})


def _clean(value: Any) -> Any:
    """Drop empty values, so that no property is present without content.

    A mapping loses the properties that are empty once cleaned; a list loses the items that are empty
    before cleaning. Only mappings and lists are visited (a page's graph has hundreds of plain values).
    """
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                item = _clean(item)
            if item not in _EMPTY:
                result[key] = item
        return result
    if isinstance(value, list):
        return [_clean(item) if isinstance(item, (dict, list)) else item for item in value if item not in _EMPTY]
    return value


def _moment(day: date, clock: time | None) -> str:
    if clock is None:
        return day.isoformat()
    return datetime.combine(day, clock, TIME_ZONE).isoformat()


def _place(place: Place, urls: SiteUrls, offer: Offer) -> dict[str, Any]:
    if place.online:
        return {"@type": "VirtualLocation", "name": place.name, "url": offer.signup.web or urls.offer(offer.slug)}
    address = None
    if place.address:
        address = {"@type": "PostalAddress", "streetAddress": place.address, "addressCountry": "SE"}
    return {
        "@type": "Place",
        "name": place.name,
        "address": address,
        "containedInPlace": {"@type": "Place", "name": place.area} if place.area else None,
    }


def provider(catalog: Catalog, key: str) -> dict[str, Any]:
    organiser = catalog.organisers[key]
    kind = "GovernmentOrganization" if organiser.sector in PUBLIC_SECTORS else "Organization"
    contact = organiser.contact
    return {
        "@type": kind,
        "name": organiser.name,
        "description": organiser.description,
        "email": contact.email,
        "telephone": contact.phone,
        "url": contact.web,
    }


def area_served(catalog: Catalog, offer: Offer | None = None) -> dict[str, Any] | list[dict[str, Any]]:
    """The municipality the site is for; on a region's site, each municipality the offer serves."""
    settings = catalog.settings
    if offer is not None and settings.region:
        return [
            {
                "@type": "AdministrativeArea",
                "name": member.name,
                "identifier": {"@type": "PropertyValue", "propertyID": "SCB kommunkod", "value": member.code},
            }
            for member in catalog.municipalities_of(offer)
        ]
    code = settings.municipality_code
    identifier = {"@type": "PropertyValue", "propertyID": "SCB kommunkod", "value": code} if code else None
    return {"@type": "AdministrativeArea", "name": settings.municipality, "identifier": identifier}


def round_event(offer: Offer, round_: Round, catalog: Catalog) -> dict[str, Any]:
    places = offer.places_of(round_.place)
    online = [p for p in places if p.online]
    offline = [p for p in places if not p.online]
    if online and offline:
        mode = "MixedEventAttendanceMode"
    elif online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    # Places and the organiser are nodes of their own in the page's graph, referred to by @id, so a
    # course with many rounds does not repeat them (an offer page's HTML stays small).
    locations = [{"@id": place_id(offer, p)} for p in places] or [
        {"@type": "Place", "name": catalog.settings.municipality, "address": catalog.settings.municipality}
    ]
    clock = round_.time
    event: dict[str, Any] = {
        "@type": "Event",
        "@id": f"#omgang-{round_.start.isoformat()}",
        # Required by search engines for an event, so it is repeated; the page's address and the languages
        # are not: they are the service's `url` and its channel's `availableLanguage`, and `about` points at
        # the service.
        "name": offer.title,
        "about": {"@id": SERVICE_ID},
        "startDate": _moment(round_.start, clock.start if clock else None),
        "endDate": _moment(round_.last, clock.end if clock else None),
        # Only when it is not as planned: schema.org's EventScheduled "is assumed by default", so saying it on
        # every round would only lengthen the page.
        "eventStatus": f"{SCHEMA_ORG}/{STATUS[round_.status]}" if round_.status in STATUS else None,
        "eventAttendanceMode": f"{SCHEMA_ORG}/{mode}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": _one_or_list([{"@id": organiser_id(offer, key)} for key in offer.organisers]),
        "offers": {
            "@type": "Offer",
            # Where to sign up: the sign-up page, else this page, by reference to its node (which has the
            # address) rather than the address again in every round.
            "url": offer.signup.web or {"@id": PAGE_ID},
            "price": offer.cost.amount if offer.cost else None,
            "priceCurrency": "SEK" if offer.cost else None,
            "availability": f"{SCHEMA_ORG}/{AVAILABILITY[round_.status]}",
            "validThrough": round_.signup_by.isoformat() if round_.signup_by else None,
        },
    }
    if round_.weekly and round_.meetings > 1:
        # The first and last day are the event's own startDate and endDate; the schedule adds the rest.
        event["eventSchedule"] = {
            "@type": "Schedule",
            "repeatFrequency": "P1W",
            "repeatCount": round_.meetings,
            "byDay": f"{SCHEMA_ORG}/{WEEKDAY_URIS[round_.start.weekday()]}",
            "startTime": f"{clock.start:%H:%M}" if clock else None,
            "endTime": f"{clock.end:%H:%M}" if clock else None,
            "scheduleTimezone": TIME_ZONE_NAME,
        }
    event.update(_round_format(offer, round_))
    return event


def _round_format(offer: Offer, round_: Round) -> dict[str, Any]:
    """A round's languages, audience, meeting length and group size (its own, else the offer's `format`)."""
    result: dict[str, Any] = {}
    if round_.languages:
        result["inLanguage"] = list(round_.languages)
    if round_.for_whom:
        result["audience"] = {"@type": "PeopleAudience", "audienceType": round_.for_whom}
    minutes = offer.round_duration(round_)
    if minutes:
        hours, rest = divmod(minutes, 60)
        result["duration"] = "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest else "")
    size = offer.round_group_size(round_)
    if size:
        result["maximumAttendeeCapacity"] = size.high
    return result


def offer_graph(offer: Offer, catalog: Catalog, urls: SiteUrls) -> dict[str, Any]:
    """The JSON-LD document for one offer page."""
    page = urls.offer(offer.slug)
    # who takes part (`deltar`); an offer that does not say is for parents, as the site is
    types = audience_types(offer.participants) or ["Föräldrar"]
    audience: dict[str, Any] = {"@type": "PeopleAudience", "audienceType": _one_or_list(types)}
    span = age_span(offer.ages)
    if span is not None:
        # The ages are the children's; schema.org has no property for that, so the text says so.
        audience["description"] = "Föräldrar till barn " + ("som är " + span if span[0].isdigit() else span)
        low, high = offer.ages.stated_years
        audience["suggestedMinAge"] = low
        if high is not None:  # "från 4 år": no highest age
            audience["suggestedMaxAge"] = high
    if offer.ages.expecting:
        audience["description"] = ", ".join(filter(None, ["Blivande föräldrar", audience.get("description")]))
    service: dict[str, Any] = {
        "@type": "Service",
        "@id": SERVICE_ID,
        "name": offer.title,
        "description": offer.summary,
        "url": page,
        "serviceType": [catalog.types[key].name for key in offer.types],
        "provider": _one_or_list([{"@id": organiser_id(offer, key)} for key in offer.organisers]),
        "audience": audience,
        "areaServed": area_served(catalog, offer),
        # availableLanguage and keywords are not properties of Service: the languages belong to the channel
        # (schema.org: ServiceChannel, ContactPoint), the keywords to the page about it (a CreativeWork).
        "availableChannel": {
            "@type": "ServiceChannel",
            "availableLanguage": [
                {"@type": "Language", "name": language_name(code) or code, "alternateName": code}
                for code in offer.languages
            ],
            "serviceUrl": offer.signup.web or offer.contact.web,
            "servicePhone": (
                {"@type": "ContactPoint", "telephone": offer.contact.phone} if offer.contact.phone else None
            ),
        },
        "offers": (
            {"@type": "Offer", "price": offer.cost.amount, "priceCurrency": "SEK", "description": offer.cost.info}
            if offer.cost
            else None
        ),
    }
    webpage = {
        "@type": "WebPage",
        "@id": PAGE_ID,
        "url": page,
        "about": {"@id": SERVICE_ID},
        "keywords": ", ".join(offer.keywords),
    }
    if offer.recurring:
        service["hoursAvailable"] = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"{SCHEMA_ORG}/{WEEKDAY_URIS[WEEKDAYS.index(s.weekday)]}",
                "opens": f"{s.time.start:%H:%M}",
                "closes": f"{s.time.end:%H:%M}",
            }
            for s in offer.recurring
        ]
        # schema.org's way to say closed all day: opens and closes at 00:00, for the days of the period
        service["hoursAvailable"] += [
            {
                "@type": "OpeningHoursSpecification",
                "opens": "00:00",
                "closes": "00:00",
                "validFrom": c.start.isoformat(),
                "validThrough": c.end.isoformat(),
                "description": c.info,
            }
            for c in offer.current_closures(catalog.today)
        ]
    events = [round_event(offer, r, catalog) for r in offer.upcoming_rounds(catalog.today)]
    organisers = [{"@id": organiser_id(offer, key), **provider(catalog, key)} for key in offer.organisers]
    places = [{"@id": place_id(offer, place), **_place(place, urls, offer)} for place in offer.places]
    graph: dict[str, Any] = _clean(
        {"@context": SCHEMA_ORG, "@graph": [service, webpage, *organisers, *places, *events]}
    )
    return graph


def place_id(offer: Offer, place: Place) -> str:
    return f"#plats-{offer.places.index(place) + 1}"


def organiser_id(offer: Offer, key: str) -> str:
    """The lead organiser is #arrangor, the others #arrangor-2, #arrangor-3 … in the offer's order."""
    index = offer.organisers.index(key)
    return PROVIDER_ID if index == 0 else f"{PROVIDER_ID}-{index + 1}"


def _one_or_list(items: list[Any]) -> Any:
    """A value schema.org allows once or many times: the value itself when there is one."""
    return items[0] if len(items) == 1 else items


def script_element(offer: Offer, catalog: Catalog, urls: SiteUrls) -> Markup:
    return Markup('<script type="application/ld+json">' + inert_json(offer_graph(offer, catalog, urls)) + "</script>")

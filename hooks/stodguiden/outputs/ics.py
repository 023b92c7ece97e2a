"""Calendar files (iCalendar, RFC 5545): one per offer with upcoming rounds or weekly meetings, and one for all.

A weekly round is one event with `RRULE:FREQ=WEEKLY;COUNT=n`. A round with its own last date (not
weekly) has only its first and last meeting as events, since the dates in between are not in the data.
Weekly drop-in times (`löpande`) repeat from the next such weekday, until `publicera_till` if it is set;
the days the offer is closed (`uppehåll`) are left out with EXDATE (rounds keep their own dates).
Times are local Swedish time with a VTIMEZONE for Europe/Stockholm; UIDs stay the same between builds.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from stodguiden.base.siteurls import OPEN_DATA, SiteUrls, calendar_path
from stodguiden.base.timezone import TIME_ZONE, TIME_ZONE_NAME
from stodguiden.language import swedish
from stodguiden.language.swedish import WEEKDAYS, day
from stodguiden.model import Catalog, Offer, Place, Recurring, Round, TimeRange, file_order

if TYPE_CHECKING:
    from collections.abc import Iterator

TZID = TIME_ZONE_NAME
PRODID = "-//Stodguiden//Stodguiden//SV"
# Sweden's rules since 1996 (EU summer time): the last Sunday of March and of October.
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)
MAX_OCTETS = 75
ALL_PATH = f"{OPEN_DATA}/kalender.ics"
"""The calendar of all offers; each offer with upcoming times also has its own (`calendar_path`)."""


_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f]")
"""Control characters other than the line break, which a TEXT value cannot hold."""


def text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character (3.1)."""
    data = line.encode("utf-8")
    if len(data) <= MAX_OCTETS:
        return line
    parts: list[bytes] = []
    start, limit = 0, MAX_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: the character began before `end`
            end -= 1
        parts.append(data[start:end])
        start, limit = end, MAX_OCTETS - 1  # a continuation line starts with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")


def _local(moment: date, clock: time) -> str:
    return f"{moment:%Y%m%d}T{clock:%H%M%S}"


def _utc(moment: datetime) -> str:
    return f"{moment:%Y%m%dT%H%M%SZ}"


def _when(start: date, clock: TimeRange | None) -> list[str]:
    if clock is None:
        return [f"DTSTART;VALUE=DATE:{start:%Y%m%d}", f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}"]
    return [f"DTSTART;TZID={TZID}:{_local(start, clock.start)}", f"DTEND;TZID={TZID}:{_local(start, clock.end)}"]


def _location(offer: Offer, named: Place | None) -> str | None:
    """The LOCATION of an event: the place it names, or the offer's only place."""
    places = offer.places_of(named)
    if len(places) != 1:
        return None
    place = places[0]
    if place.online:
        return "På nätet"
    return ", ".join(part for part in (place.name, place.address) if part) or None


class _Writer:
    def __init__(self, catalog: Catalog, urls: SiteUrls, generated: datetime) -> None:
        self.catalog, self.urls = catalog, urls
        self.stamp = _utc(generated.astimezone(UTC))

    def event(
        self,
        offer: Offer,
        uid: str,
        start: date,
        clock: TimeRange | None,
        summary: str,
        notes: list[str],
        place: Place | None,
        *,
        rule: str | None = None,
        cancelled: bool = False,
        skipped: tuple[date, ...] = (),
    ) -> list[str]:
        url = self.urls.offer(offer.slug)
        description = "\n\n".join([offer.summary, *notes, f"Läs mer och anmäl dig: {url}"])
        lines = ["BEGIN:VEVENT", f"UID:{uid}@{self.urls.host}", f"DTSTAMP:{self.stamp}", *_when(start, clock)]
        if rule:
            lines.append(f"RRULE:{rule}")
        if skipped and clock is not None:
            lines.append(f"EXDATE;TZID={TZID}:" + ",".join(_local(moment, clock.start) for moment in skipped))
        lines += [f"SUMMARY:{text(summary)}", f"DESCRIPTION:{text(description)}"]
        location = _location(offer, place)
        if location:
            lines.append(f"LOCATION:{text(location)}")
        if url.startswith(("http://", "https://")):
            lines.append(f"URL:{url}")
        lines += [f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}", "TRANSP:OPAQUE", "END:VEVENT"]
        return lines

    def round_events(self, offer: Offer, round_: Round) -> Iterator[list[str]]:
        uid = f"{offer.slug}.omgang.{round_.start:%Y%m%d}"
        cancelled = round_.status == "inställd"
        notes = [note for note in (round_.info, "Omgången är inställd." if cancelled else None) if note]
        details = swedish.round_details(offer, round_)
        if details:
            notes.insert(0, details)
        if round_.meetings == 1:
            yield self.event(
                offer, uid, round_.start, round_.time, offer.title, notes, round_.place, cancelled=cancelled
            )
        elif round_.weekly:
            notes.insert(
                0,
                f"{swedish.meetings(round_.meetings, round_.meetings_max)}, en gång i veckan. "
                f"Sista träffen är {day(round_.last)}.",
            )
            yield self.event(
                offer,
                uid,
                round_.start,
                round_.time,
                offer.title,
                notes,
                round_.place,
                rule=f"FREQ=WEEKLY;COUNT={round_.meetings}",
                cancelled=cancelled,
            )
        else:
            notes.insert(
                0,
                f"{swedish.meetings(round_.meetings, round_.meetings_max)} mellan {day(round_.start)} och "
                f"{day(round_.last)}. "
                "Fråga arrangören om datumen för de andra träffarna.",
            )
            yield self.event(
                offer,
                uid + ".forsta",
                round_.start,
                round_.time,
                f"{offer.title} (första träffen)",
                notes,
                round_.place,
                cancelled=cancelled,
            )
            yield self.event(
                offer,
                uid + ".sista",
                round_.last,
                round_.time,
                f"{offer.title} (sista träffen)",
                notes,
                round_.place,
                cancelled=cancelled,
            )

    def recurring_event(self, offer: Offer, slot: Recurring) -> list[str]:
        today = self.catalog.today
        first = today + timedelta(days=(WEEKDAYS.index(slot.weekday) - today.weekday()) % 7)
        while offer.closed_on(first):  # closed today: the series starts on the first day it is open
            first += timedelta(weeks=1)
        rule = "FREQ=WEEKLY"
        if offer.publish_until:
            last = datetime.combine(offer.publish_until, time(23, 59, 59), TIME_ZONE)
            rule += f";UNTIL={_utc(last.astimezone(UTC))}"
        uid = f"{offer.slug}.lopande.{WEEKDAYS.index(slot.weekday) + 1}.{slot.time.start:%H%M}"
        notes = [note for note in (slot.info,) if note]
        skipped = _closed_days(offer, first)
        return self.event(offer, uid, first, slot.time, offer.title, notes, slot.place, rule=rule, skipped=skipped)

    def offer_events(self, offer: Offer) -> Iterator[list[str]]:
        for round_ in offer.upcoming_rounds(self.catalog.today):
            yield from self.round_events(offer, round_)
        for slot in offer.recurring:
            yield self.recurring_event(offer, slot)

    def folded_events(self, offer: Offer) -> list[str]:
        """The offer's events as folded content lines, each event one string ending in CRLF."""
        return ["".join(_folded(line) for line in event) for event in self.offer_events(offer)]

    def calendar(self, name: str, events: list[str]) -> bytes:
        """A calendar around events from `folded_events`."""
        head = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{PRODID}",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            f"NAME:{text(name)}",
            f"X-WR-CALNAME:{text(name)}",
            f"X-WR-TIMEZONE:{TZID}",
            *VTIMEZONE,
        ]
        return ("".join(_folded(line) for line in head) + "".join(events) + "END:VCALENDAR\r\n").encode("utf-8")


def _closed_days(offer: Offer, first: date) -> tuple[date, ...]:
    """The weekly dates from `first` (every 7 days) that fall in one of the offer's closures, up to
    `publicera_till`: the EXDATEs of a weekly time."""
    days: list[date] = []
    for closure in offer.closures:
        moment = max(first, closure.start)
        moment += timedelta(days=(first.weekday() - moment.weekday()) % 7)
        while moment <= closure.end and (offer.publish_until is None or moment <= offer.publish_until):
            days.append(moment)
            moment += timedelta(weeks=1)
    return tuple(sorted(set(days)))


def _folded(line: str) -> str:
    return fold(line) + "\r\n"


def offer_calendar(offer: Offer, catalog: Catalog, urls: SiteUrls, generated: datetime) -> bytes:
    writer = _Writer(catalog, urls, generated)
    return writer.calendar(offer.title, writer.folded_events(offer))


def calendars(catalog: Catalog, urls: SiteUrls, generated: datetime) -> tuple[bytes, dict[str, bytes]]:
    """The calendar of all offers, and each offer's own calendar by slug (only offers that have one).

    Each event is written and folded once and used in both files.
    """
    writer = _Writer(catalog, urls, generated)
    everything: list[str] = []
    own: dict[str, bytes] = {}
    for offer in sorted(catalog.offers, key=file_order):
        events = writer.folded_events(offer)
        everything += events
        if offer.has_upcoming_times(catalog.today):
            own[offer.slug] = writer.calendar(offer.title, events)
    return writer.calendar(catalog.settings.name, everything), own


def paths(catalog: Catalog) -> list[str]:
    """The files `publish` writes, in the same order, without making them."""
    own = [calendar_path(o.slug) for o in sorted(catalog.offers, key=file_order) if o.has_upcoming_times(catalog.today)]
    return [ALL_PATH, *own]


def publish(catalog: Catalog, urls: SiteUrls, generated: datetime) -> Iterator[tuple[str, bytes]]:
    """The calendar of all offers, then each offer's own: (path in the site, content)."""
    everything, own = calendars(catalog, urls, generated)
    yield ALL_PATH, everything
    del everything
    for slug, calendar in own.items():
        yield calendar_path(slug), calendar

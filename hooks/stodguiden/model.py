"""The validated data of a Stödguiden site as plain, immutable objects (English names, Swedish content)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, time, timedelta
from typing import Any

from stodguiden.base.collation import sort_key

PUBLIC_NAME = "public_name"
"""Field metadata of a plain field: its name in offer files, in the open data's JSON record and CSV alike."""


def plain(name: str) -> Any:
    """An optional text field that is published as it is written (`leader: str | None = plain("ledare")`):
    source/offers reads it and the open data's field table writes it, with no code of their own."""
    return field(default=None, metadata={PUBLIC_NAME: name})


def plain_fields(cls: type) -> dict[str, str]:
    """The plain fields of a model class: attribute name -> public name, in declaration order."""
    return {f.name: f.metadata[PUBLIC_NAME] for f in fields(cls) if PUBLIC_NAME in f.metadata}


@dataclass(frozen=True)
class TimeRange:
    start: time
    end: time


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    web: str | None = None


@dataclass(frozen=True)
class Term:
    """An entry of a vocabulary: a kind of support, or an age group."""

    key: str
    name: str
    description: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgeGroup(Term):
    low: int | None = None
    high: int | None = None
    expecting: bool = False


@dataclass(frozen=True)
class Organiser:
    key: str
    name: str
    description: str
    sector: str
    contact: Contact = Contact()


@dataclass(frozen=True)
class Ages:
    low: int | None
    high: int | None
    expecting: bool = False

    def overlaps(self, group: AgeGroup) -> bool:
        if group.expecting:
            return self.expecting
        if self.low is None or self.high is None or group.low is None or group.high is None:
            return False
        return self.low <= group.high and group.low <= self.high

    def covers(self, age: int) -> bool:
        return self.low is not None and self.high is not None and self.low <= age <= self.high


ONLINE_PLACE = "digitalt"
"""What a round or weekly time writes in `plats` for the offer's place on the internet, in offer files
and in the open data; `source.offers` resolves it, and outputs read the resolved `Place`."""


@dataclass(frozen=True)
class Place:
    """Where an offer is: a named place, or the internet (`online`, the name then optional)."""

    name: str | None = None
    address: str | None = None
    area: str | None = None
    online: bool = False
    accessibility: str | None = None

    @property
    def reference(self) -> str | None:
        """How the open data names this place for a round or weekly time: the online marker or the name."""
        return ONLINE_PLACE if self.online else self.name


@dataclass(frozen=True)
class Round:
    """A course round: weekly meetings from `start`, unless an explicit last date is given."""

    start: date
    meetings: int
    last: date
    time: TimeRange | None = None
    place: Place | None = None
    """The offer's place that the round names in `plats`, resolved; None when it names none."""
    signup_by: date | None = None
    status: str = "öppen"
    info: str | None = None

    def has_ended(self, today: date) -> bool:
        return self.last < today

    @property
    def weekly(self) -> bool:
        return self.last == weekly_last_date(self.start, self.meetings)

    def signup_closed(self, today: date) -> bool:
        return self.signup_by is not None and self.signup_by < today


def weekly_last_date(start: date, meetings: int) -> date:
    return start + timedelta(weeks=meetings - 1)


@dataclass(frozen=True)
class Recurring:
    weekday: str
    time: TimeRange
    place: Place | None = None
    """The offer's place that the weekly time names in `plats`, resolved; None when it names none."""
    info: str | None = None


NO_SIGNUP = "ingen"
"""The `sätt` of an offer a parent just comes to; `behövs: false` is read as this, `behövs: true` as anmälan."""


@dataclass(frozen=True)
class Signup:
    """How to take part (`anmälan`): the way (`sätt`) and what goes with it."""

    way: str
    """ingen, anmälan, ansökan, inbjudan or konto (the schema's enum)."""
    how: str | None = None
    web: str | None = None
    phone: str | None = None
    email: str | None = None
    then: str | None = None
    """What happens after applying (`sedan`, with ansökan)."""
    invited_by: str | None = None
    """Who invites (`av`, with inbjudan)."""
    both_guardians: bool = False
    """Both guardians must say yes to the child taking part (`båda_vårdnadshavarna`)."""
    queue: str | None = None
    """väntelista or reservlista (`kö`)."""
    last_day: date | None = None
    """The last day to sign up (`sista_dag`); a round has its own `sista_anmälan`."""

    @property
    def needed(self) -> bool:
        """A parent has to do something before taking part (anything but `ingen`)."""
        return self.way != NO_SIGNUP


@dataclass(frozen=True)
class Cost:
    amount: int
    info: str | None = None

    @property
    def free(self) -> bool:
        return self.amount == 0


@dataclass(frozen=True)
class Basis:
    name: str
    description: str | None = None
    web: str | None = None


@dataclass(frozen=True)
class OtherLanguageText:
    """A short text about an offer in another language than Swedish (`på_andra_språk`)."""

    language: str
    """A BCP 47 tag: ar, ckb, ku-Arab."""
    text: str
    title: str | None = None


@dataclass(frozen=True)
class Offer:
    slug: str
    source: str
    """The file it came from, relative to the project root: data/erbjudanden/<slug>.yml."""
    title: str
    summary: str
    ages: Ages
    types: tuple[str, ...]
    organisers: tuple[str, ...]
    """Keys of data/arrangorer.yml; the first leads (`arrangör: a` or `arrangör: [a, b]`)."""
    signup: Signup
    contact: Contact
    description_html: str = ""
    places: tuple[Place, ...] = ()
    rounds: tuple[Round, ...] = ()
    recurring: tuple[Recurring, ...] = ()
    cost: Cost | None = None
    languages: tuple[str, ...] = ()
    interpreter: bool = False
    other_languages: tuple[OtherLanguageText, ...] = ()
    audiences: tuple[str, ...] = ()
    basis: Basis | None = None
    keywords: tuple[str, ...] = ()
    level: str | None = None
    sensitive: bool = False
    """Pages get a quick-exit button and the national help lines (`känsligt: true`)."""
    publish_until: date | None = None
    reviewed: date | None = None
    participants: tuple[str, ...] = ()
    """Who takes part (`deltar`): föräldrar, barn, förälder_och_barn …; empty when the file does not say."""

    @property
    def organiser(self) -> str:
        """The organiser that leads: the first of `organisers`."""
        return self.organisers[0]

    def is_published(self, today: date) -> bool:
        return self.publish_until is None or self.publish_until >= today

    def upcoming_rounds(self, today: date) -> tuple[Round, ...]:
        return tuple(sorted((r for r in self.rounds if not r.has_ended(today)), key=lambda r: r.start))

    def has_upcoming_times(self, today: date) -> bool:
        """Rounds that have not ended, or weekly times: what the offer's own calendar file holds."""
        return bool(self.upcoming_rounds(today) or self.recurring)

    @property
    def online(self) -> bool:
        return any(p.online for p in self.places)

    def places_of(self, place: Place | None) -> tuple[Place, ...]:
        """Where a round or weekly time is: the place it names, else any of the offer's places."""
        return (place,) if place is not None else self.places


@dataclass(frozen=True)
class HelpLine:
    """A national help line, shown on sensitive offers."""

    name: str
    phone: str
    description: str | None = None


DEFAULT_LEAVE_URL = "https://www.google.se/"
"""Where "Lämna sidan snabbt" goes when data/webbplats.yml does not say: a page that raises no questions."""


@dataclass(frozen=True)
class Shortcoming:
    """Content of the site that is not accessible, and why (the statement's "brister")."""

    content: str
    reason: str


@dataclass(frozen=True)
class AccessibilityStatement:
    """What the accessibility statement required by lag (2018:1937) says about the site."""

    status: str
    """helt, delvis or inte (förenlig)."""
    assessed: date
    method: str
    """självskattning or extern."""
    updated: date
    contact: Contact
    shortcomings: tuple[Shortcoming, ...] = ()


@dataclass(frozen=True)
class Settings:
    name: str
    municipality: str
    contact: Contact
    municipality_code: str | None = None
    description: str | None = None
    primary_colour: str | None = None
    accent_colour: str | None = None
    dark_link_colour: str | None = None
    dark_accent_colour: str | None = None
    areas: tuple[str, ...] = ()
    logo: str | None = None
    """A path inside docs/, checked to exist."""
    fixed_today: date | None = None
    example: bool = False
    license: str | None = None
    """The open data's license as an SPDX identifier (`licens`); None means CC0-1.0."""
    help_lines: tuple[HelpLine, ...] = ()
    leave_url: str = DEFAULT_LEAVE_URL
    accessibility: AccessibilityStatement | None = None


@dataclass(frozen=True)
class Catalog:
    """Everything a site is generated from, for one `today`: only published offers are in it."""

    today: date
    settings: Settings
    types: dict[str, Term]
    organisers: dict[str, Organiser]
    age_groups: dict[str, AgeGroup]
    offers: tuple[Offer, ...] = field(default=())

    def offers_for_age_group(self, key: str) -> list[Offer]:
        group = self.age_groups[key]
        return sorted((o for o in self.offers if o.ages.overlaps(group)), key=offer_order)

    def offers_for_type(self, key: str) -> list[Offer]:
        return sorted((o for o in self.offers if key in o.types), key=offer_order)

    def age_groups_of(self, offer: Offer) -> list[AgeGroup]:
        return [g for g in self.age_groups.values() if offer.ages.overlaps(g)]


def offer_order(offer: Offer) -> tuple[str, str]:
    """The order offers are listed in for people: by title as Swedish sorts it, then by file name."""
    return (sort_key(offer.title), offer.slug)


def file_order(offer: Offer) -> str:
    """The order of the machine-readable files (by file name), so that they change only when the data does."""
    return offer.slug

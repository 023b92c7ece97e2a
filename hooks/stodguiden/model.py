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


OLDEST_CHILD = 17
"""The highest age of the site's age groups and the finder: an offer with no upper age (`från` alone) is for
every age from its lowest up to this one, and one up to 18 is listed under the groups its 0–17 part touches."""


@dataclass(frozen=True)
class Ages:
    """The ages an offer is for. `low` and `high` are whole years (0–18), for grouping and filters; months
    for the youngest count as the years they fall in. `high` is None when no upper age is given."""

    low: int | None
    high: int | None
    expecting: bool = False
    low_months: int | None = None
    """`från_månader` as written (0–35), instead of `från`."""
    high_months: int | None = None
    """`till_månader` as written (0–35), instead of `till`."""
    pregnancy_week: int | None = None
    """`från_graviditetsvecka` (1–42), with `expecting`."""

    @property
    def open_ended(self) -> bool:
        """A lowest age and no highest one: "från 4 år"."""
        return self.low is not None and self.high is None

    @property
    def years(self) -> tuple[int, int] | None:
        """The whole years the offer is for, an open upper age counted as OLDEST_CHILD; None without ages."""
        if self.low is None:
            return None
        return (self.low, self.high if self.high is not None else max(self.low, OLDEST_CHILD))

    @property
    def stated_years(self) -> tuple[float | None, float | None]:
        """The lowest and highest age as stated, in years, for machine-readable data: months as a part of a
        year (30 months is 2.5), the highest None when there is none."""

        def exact(years: int | None, months: int | None) -> float | None:
            return years if months is None else round(months / 12, 2) if months % 12 else months // 12

        return exact(self.low, self.low_months), exact(self.high, self.high_months)

    def overlaps(self, group: AgeGroup) -> bool:
        if group.expecting:
            return self.expecting
        years = self.years
        if years is None or group.low is None or group.high is None:
            return False
        return years[0] <= group.high and group.low <= years[1]

    def covers(self, age: int) -> bool:
        years = self.years
        return years is not None and years[0] <= age <= years[1]


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
class GroupSize:
    """How many take part in a group (`gruppstorlek`): at most `high`, at least `low` when given."""

    high: int
    who: str
    """barn, föräldrar or familjer."""
    low: int | None = None


@dataclass(frozen=True)
class Format:
    """How an offer's meetings usually are (`format`); a round's own values win over these."""

    meetings: int | None = None
    meetings_max: int | None = None
    """The upper end when the number varies (`träffar: 6–8`); None when it is exact."""
    duration: int | None = None
    """Minutes per meeting (`träfflängd`)."""
    group_size: GroupSize | None = None
    leaders: str | None = None


@dataclass(frozen=True)
class Closure:
    """A period the offer is closed (`uppehåll`): its weekly times do not happen from `start` to `end`."""

    start: date
    end: date
    info: str | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class NextStart:
    """When new groups usually start, before there are dates (`nästa_start`)."""

    pattern: str
    """varje_termin, vår_och_höst, varje_år or löpande_intag."""
    info: str | None = None
    interest: bool = False
    """Parents can sign up their interest in the next group (`intresseanmälan: true`)."""


@dataclass(frozen=True)
class FollowUp:
    """A round's counts for the coordinators' follow-up (`uppföljning`): numbers only, never names."""

    places: int | None = None
    signed_up: int | None = None
    started: int | None = None
    completed: int | None = None
    reason: str | None = None
    """Why the round was cancelled (`orsak`, with status inställd)."""


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
    meetings_max: int | None = None
    """The upper end when the number of meetings varies (`träffar: 6–8`, with `slut`); None when exact."""
    languages: tuple[str, ...] = ()
    """The round's own languages (`språk`), when it is held in other languages than the offer says."""
    for_whom: str | None = None
    """Whom this round is for (`för`): mammor, pappor."""
    duration: int | None = None
    """Minutes per meeting (`träfflängd`)."""
    group_size: GroupSize | None = None
    follow_up: FollowUp | None = None

    def has_ended(self, today: date) -> bool:
        return self.last < today

    @property
    def weekly(self) -> bool:
        # a varying number of meetings (6–8) is never known to be weekly: only its first and last date are
        return self.meetings_max is None and self.last == weekly_last_date(self.start, self.meetings)

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
    days: tuple[str, ...] = ()
    """All days of the entry when the editor wrote a range (`måndag–fredag`): the entry becomes one weekly
    time per day, each with the whole range here, so the page can show the range once."""


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
    closures: tuple[Closure, ...] = ()
    times: str | None = None
    """när_du_vill or tidsbokning (`tider`), for offers without fixed times."""
    next_start: NextStart | None = None
    format: Format | None = None
    participants: tuple[str, ...] = ()
    """Who takes part (`deltar`): föräldrar, barn, förälder_och_barn …; empty when the file does not say."""
    programme: str | None = plain("program")
    """The key of the programme or method the offer runs, in the shared list (`Programme`)."""
    municipalities: tuple[str, ...] = ()
    """On a region site, the SCB codes of the municipalities the offer serves (`kommuner`, `alla` written
    out; a municipality folder's own offer serves that one); empty on a single municipality's site."""
    home: str | None = None
    """The SCB code of the municipality whose folder the offer is in; None for a shared offer."""

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

    def current_closures(self, today: date) -> tuple[Closure, ...]:
        """Closures that have not ended, the first first."""
        return tuple(sorted((c for c in self.closures if c.end >= today), key=lambda c: c.start))

    def closed_on(self, day: date) -> Closure | None:
        return next((c for c in self.closures if c.covers(day)), None)

    def round_duration(self, round_: Round) -> int | None:
        """Minutes per meeting of a round: its own, else the offer's `format`."""
        return round_.duration or (self.format.duration if self.format else None)

    def round_group_size(self, round_: Round) -> GroupSize | None:
        """A round's group size: its own, else the offer's `format`."""
        return round_.group_size or (self.format.group_size if self.format else None)

    def places_of(self, place: Place | None) -> tuple[Place, ...]:
        """Where a round or weekly time is: the place it names, else any of the offer's places."""
        return (place,) if place is not None else self.places


@dataclass(frozen=True)
class Programme:
    """A parenting programme or method in the shared list that ships with Stödguiden (source/program.yml)."""

    key: str
    name: str
    for_whom: str
    evidence: str
    """A short note, in our own words, on what is known about its effect."""
    source: str
    """Where the note comes from (an address)."""
    checked: date
    """When the source was read."""
    aliases: tuple[str, ...] = ()


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
class OverviewSettings:
    """The coordinators' overview (`översikt` in data/webbplats.yml); off the site unless `publish`."""

    publish: bool = False
    review_months: int | None = None
    """`granska_efter_månader`: an offer is due for review this long after `granskad`; None: the check's limit."""
    needed_languages: tuple[str, ...] = ()
    """`språk_som_behövs`: language codes the municipality says parents need offers in."""


@dataclass(frozen=True)
class Municipality:
    """One municipality of a region site: `data/kommuner/<slug>/kommun.yml`."""

    slug: str
    code: str
    """SCB's municipality code, four digits."""
    name: str
    """As parents read it: "Krokoms kommun"."""
    contact: Contact
    source: str
    areas: tuple[str, ...] = ()
    primary_colour: str | None = None
    accent_colour: str | None = None
    logo: str | None = None
    owner: str | None = None
    """The GitHub team that reviews the folder (`ägare`), for .github/CODEOWNERS."""


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
    overview: OverviewSettings = OverviewSettings()
    counties: tuple[str, ...] = ()
    """A region site's SCB county codes (`län`)."""
    municipalities: tuple[Municipality, ...] = ()
    """A region site's municipalities, in name order; empty on a single municipality's site."""
    owner: str | None = None
    """Who reviews the content (`ägare`), for .github/CODEOWNERS."""
    web_team: str | None = None
    """Who reviews code and publishing (`webbteam`), for .github/CODEOWNERS."""
    areas_file: str = "data/webbplats.yml"
    """Where `areas` are written: a municipality's kommun.yml when its own offers are checked in a region."""

    @property
    def region(self) -> bool:
        """True for a site of several municipalities (`data/kommuner/`)."""
        return bool(self.municipalities)

    def member(self, code: str) -> Municipality | None:
        """The region's municipality with this SCB code."""
        return next((m for m in self.municipalities if m.code == code), None)


@dataclass(frozen=True)
class Catalog:
    """Everything a site is generated from, for one `today`: only published offers are in it."""

    today: date
    settings: Settings
    types: dict[str, Term]
    organisers: dict[str, Organiser]
    age_groups: dict[str, AgeGroup]
    offers: tuple[Offer, ...] = field(default=())
    programmes: dict[str, Programme] = field(default_factory=dict)
    """The shared list of programmes, by key."""

    def offers_for_age_group(self, key: str) -> list[Offer]:
        group = self.age_groups[key]
        return sorted((o for o in self.offers if o.ages.overlaps(group)), key=offer_order)

    def offers_for_type(self, key: str) -> list[Offer]:
        return sorted((o for o in self.offers if key in o.types), key=offer_order)

    def offers_for_municipality(self, code: str) -> list[Offer]:
        return sorted((o for o in self.offers if code in o.municipalities), key=offer_order)

    def serves_some(self, offer: Offer) -> bool:
        """On a region's site: the offer serves some of its municipalities, not all (finder and search data
        then name them; an offer for all, perhaps hundreds, is told by leaving them out)."""
        return self.settings.region and len(offer.municipalities) < len(self.settings.municipalities)

    def municipalities_of(self, offer: Offer) -> list[Municipality]:
        """The municipalities of a region site the offer serves, in name order; none on a single site."""
        return [m for m in self.settings.municipalities if m.code in offer.municipalities]

    def age_groups_of(self, offer: Offer) -> list[AgeGroup]:
        return [g for g in self.age_groups.values() if offer.ages.overlaps(g)]


def offer_order(offer: Offer) -> tuple[str, str]:
    """The order offers are listed in for people: by title as Swedish sorts it, then by file name."""
    return (sort_key(offer.title), offer.slug)


def file_order(offer: Offer) -> str:
    """The order of the machine-readable files (by file name), so that they change only when the data does."""
    return offer.slug

"""The coordinators' overview: coverage, gaps, freshness and completeness of a set of offers, as plain data.

`build(offers, label, context)` works on any list of offers, so an overview per municipality, or for
each district side by side, is a loop over subsets with their own labels. On a region's site `of_catalog`
adds one part per municipality (its own offers and the shared ones that serve it, its own areas) and puts
the municipalities side by side. `markdown` writes it as text; the HTML page is `site/coordination`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from stodguiden.language.swedish import day, language_name, listing
from stodguiden.model import OLDEST_CHILD

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from stodguiden.model import AgeGroup, Catalog, Municipality, Offer, Organiser, Programme, Term

LEVELS = {"universell": "Universell", "selektiv": "Selektiv", "indikerad": "Indikerad"}
"""The columns of the age matrix: `nivå` as the schema writes it, and its heading."""
EXPECTING = "Väntar barn"
ONLINE = "Digitalt"
ONLINE_WORDS = "på nätet"
"""How a sentence says where an online offer runs: "i Norrby och på nätet"."""
EMPTY = "Inget"
"""What an empty cell says, besides its pattern: an empty cell never relies on colour."""
COMPLETENESS = {
    "kostnad": "kostnad",
    "anmälan": "hur man deltar",
    "språk": "språk",
    "kunskapsgrund": "kunskapsgrund",
    "nästa_tillfälle": "nästa tillfälle",
    "plats": "plats",
}
"""What makes an offer complete: the field (as an editor writes it), and how the overview names it."""
UNIVERSAL_RULE = "universell-ålder"
COVERAGE_RULES = frozenset({UNIVERSAL_RULE, "område", "område-ålder", "språk", "typ", "en-arrangör"})
"""The gaps in what is offered (not in how the data is kept): the pull request summary says when one opens."""
DEFAULT_REVIEW_DAYS = 365
"""When `granska_efter_månader` is not set: the same limit as the check's warning (offers.REVIEW_MAX_AGE)."""


@dataclass(frozen=True)
class Context:
    """What the overview reads besides the offers: the vocabularies and the settings of one site."""

    today: date
    age_groups: tuple[AgeGroup, ...]
    kinds: tuple[Term, ...]
    organisers: dict[str, Organiser]
    areas: tuple[str, ...]
    review_months: int | None = None
    needed_languages: tuple[str, ...] = ()
    programmes: tuple[Programme, ...] = ()
    municipalities: tuple[Municipality, ...] = ()
    """On a region's site, its municipalities in name order; empty on a single municipality's site."""

    @cached_property
    def kind_names(self) -> dict[str, str]:
        return {kind.key: kind.name for kind in self.kinds}

    @cached_property
    def programme_names(self) -> dict[str, str]:
        return {programme.key: programme.name for programme in self.programmes}

    def due_date(self, reviewed: date) -> date:
        """When an offer reviewed on `reviewed` should be reviewed again."""
        if self.review_months is None:
            return reviewed + timedelta(days=DEFAULT_REVIEW_DAYS)
        month = reviewed.month - 1 + self.review_months
        year, month = reviewed.year + month // 12, month % 12 + 1
        for last_day in (reviewed.day, 30, 29, 28):  # 31 August + 6 months is the last day of February
            try:
                return date(year, month, last_day)
            except ValueError:
                continue
        raise AssertionError("every month has 28 days")


def context_of(catalog: Catalog) -> Context:
    """The overview's context for a whole site."""
    overview = catalog.settings.overview
    return Context(
        today=catalog.today,
        age_groups=tuple(catalog.age_groups.values()),
        kinds=tuple(catalog.types.values()),
        organisers=catalog.organisers,
        areas=catalog.settings.areas,
        review_months=overview.review_months,
        needed_languages=overview.needed_languages,
        programmes=tuple(catalog.programmes.values()),
        municipalities=catalog.settings.municipalities,
    )


@dataclass(frozen=True)
class Matrix:
    """A table of counts: each cell the number of offers for its row and column."""

    key: str
    caption: str
    corner: str
    """The heading of the rows' column."""
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    note: str | None = None

    @property
    def empty_cells(self) -> int:
        return sum(count == 0 for row in self.counts for count in row)


@dataclass(frozen=True)
class Gap:
    """Something missing, in words: `what` fits both "Det finns {what}" and "Efter ändringen finns {what}"."""

    rule: str
    what: str
    fix: str
    where: str | None = None
    """On a region's site, the municipality the gap is in; None for the whole site."""
    subject: str | None = None
    """The kind of support a `typ` or `en-arrangör` gap is about (its key)."""

    @property
    def text(self) -> str:
        return f"I {self.where} finns {self.what}." if self.where else f"Det finns {self.what}."


@dataclass(frozen=True)
class DueOffer:
    title: str
    source: str
    reviewed: date | None
    due: date
    responsible: str


@dataclass(frozen=True)
class OrganiserReview:
    """An organiser's offers that are due for review, the longest overdue first."""

    key: str
    name: str
    offers: tuple[DueOffer, ...]


@dataclass(frozen=True)
class Completeness:
    title: str
    source: str
    missing: tuple[str, ...]
    """Names from COMPLETENESS that the offer does not say."""

    @property
    def percent(self) -> int:
        return round(100 * (len(COMPLETENESS) - len(self.missing)) / len(COMPLETENESS))


@dataclass(frozen=True)
class ProgrammeUse:
    key: str
    name: str
    offers: int
    where: tuple[str, ...]
    """The areas where it runs in person."""
    online: bool = False

    @property
    def where_words(self) -> str:
        """Where it runs as a sentence says it: "i Norrby och Söderby och på nätet", "på nätet", ""."""
        parts = [f"i {listing(list(self.where))}"] if self.where else []
        return " och ".join([*parts, ONLINE_WORDS] if self.online else parts)


@dataclass(frozen=True)
class Part:
    """One municipality of a region: its coverage and gaps, counting the shared offers that serve it."""

    code: str
    name: str
    offer_count: int
    shared_count: int
    """Of `offer_count`, the offers shared with other municipalities."""
    areas: tuple[str, ...]
    matrices: tuple[Matrix, ...]
    gaps: tuple[Gap, ...]
    """Gaps in what is offered here that are not gaps of the whole region too (those are said once)."""

    @property
    def anchor(self) -> str:
        return f"kommun-{self.code}"

    @property
    def intro(self) -> str:
        """Its offers, the shared ones among them, and its areas."""
        shared = f", varav {self.shared_count} delade med andra kommuner" if self.shared_count else ""
        areas = (
            f"Områden: {listing(list(self.areas))}." if self.areas else "Kommunen har inga områden i sin kommun.yml."
        )
        return f"{_number(self.offer_count).capitalize()}{shared}. {areas}"


@dataclass(frozen=True)
class Overview:
    label: str
    today: date
    offer_count: int
    matrices: tuple[Matrix, ...]
    gaps: tuple[Gap, ...]
    reviews: tuple[OrganiserReview, ...]
    completeness: tuple[Completeness, ...]
    """Every offer, the least complete first."""
    programmes: tuple[ProgrammeUse, ...]
    parts: tuple[Part, ...] = ()
    """On a region's site, each municipality; `matrices` and `gaps` are then the region's as a whole."""

    @property
    def whole(self) -> str:
        """The heading of the gaps of a region as a whole."""
        return f"{self.label} som helhet"

    @property
    def intro(self) -> str:
        """The first lines: how many offers (in how many municipalities), on what day, how complete."""
        where = f" i {len(self.parts)} kommuner" if self.parts else ""
        shared = " Ett erbjudande som flera kommuner delar räknas i varje kommun det är till för." if self.parts else ""
        return (
            f"{_number(self.offer_count).capitalize()}{where}, räknat den {day(self.today)}. "
            f"Uppgifterna är {self.site_percent} procent kompletta.{shared}"
        )

    def no_gaps(self, heading: str) -> str:
        """What a section of gaps says when it has none."""
        if self.parts and heading != self.whole:
            return f"Inga luckor utöver dem för {self.whole}."
        return "Översikten hittar inga luckor."

    @property
    def gap_sections(self) -> tuple[tuple[str, tuple[Gap, ...]], ...]:
        """The gaps under headings: the whole region's, then each municipality's; one untitled list otherwise."""
        if not self.parts:
            return (("", self.gaps),)
        return ((self.whole, self.gaps), *((part.name, part.gaps) for part in self.parts))

    @property
    def site_percent(self) -> int:
        """How complete the offers are together: the share of every offer's COMPLETENESS fields given."""
        if not self.completeness:
            return 100
        given = sum(len(COMPLETENESS) - len(c.missing) for c in self.completeness)
        return round(100 * given / (len(COMPLETENESS) * len(self.completeness)))

    @property
    def due_count(self) -> int:
        return sum(len(r.offers) for r in self.reviews)


def age_label(age: int | None) -> str:
    return EXPECTING if age is None else f"{age} år"


AGES: tuple[int | None, ...] = (None, *range(OLDEST_CHILD + 1))
"""The rows of the age matrix: expecting (None), then every year 0–17."""


def _for_age(offer: Offer, age: int | None) -> bool:
    return offer.ages.expecting if age is None else offer.ages.covers(age)


def in_person_areas(offer: Offer) -> set[str]:
    return {p.area for p in offer.places if not p.online and p.area}


def _zeros(rows: int, columns: int) -> list[list[int]]:
    return [[0] * columns for _ in range(rows)]


def _frozen(table: list[list[int]]) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(row) for row in table)


def age_levels(offers: Sequence[Offer]) -> Matrix:
    # One pass over the offers, each adding to the rows of its ages: 10,000 offers take milliseconds.
    levels = {level: index for index, level in enumerate(LEVELS)}
    table = _zeros(len(AGES), len(LEVELS))
    for offer in offers:
        column = levels.get(offer.level or "")
        if column is None:
            continue
        if offer.ages.expecting:
            table[0][column] += 1
        years = offer.ages.years
        if years is not None:
            for age in range(max(years[0], 0), min(years[1], OLDEST_CHILD) + 1):
                table[age + 1][column] += 1
    return Matrix(
        "alder-niva",
        "Antal erbjudanden per ålder och nivå",
        "Barnets ålder",
        tuple(age_label(a) for a in AGES),
        tuple(LEVELS.values()),
        _frozen(table),
        "Ett erbjudande räknas för varje ålder det är till för. Erbjudanden utan nivå räknas inte här.",
    )


def _group_rows(offer: Offer, context: Context) -> list[int]:
    return [index for index, group in enumerate(context.age_groups) if offer.ages.overlaps(group)]


def age_kinds(offers: Sequence[Offer], context: Context) -> Matrix:
    kinds = {kind.key: index for index, kind in enumerate(context.kinds)}
    table = _zeros(len(context.age_groups), len(kinds))
    for offer in offers:
        columns = [kinds[key] for key in offer.types if key in kinds]
        for row in _group_rows(offer, context):
            for column in columns:
                table[row][column] += 1
    return Matrix(
        "alder-typ",
        "Antal erbjudanden per åldersgrupp och typ av stöd",
        "Åldersgrupp",
        tuple(g.name for g in context.age_groups),
        tuple(k.name for k in context.kinds),
        _frozen(table),
    )


def age_areas(offers: Sequence[Offer], context: Context) -> Matrix:
    areas = {area: index for index, area in enumerate(context.areas)}
    table = _zeros(len(context.age_groups), len(areas) + 1)
    for offer in offers:
        columns = [areas[area] for area in in_person_areas(offer) if area in areas]
        if offer.online:
            columns.append(len(areas))
        for row in _group_rows(offer, context):
            for column in columns:
                table[row][column] += 1
    return Matrix(
        "alder-omrade",
        "Antal erbjudanden på plats per åldersgrupp och område, och digitala för sig",
        "Åldersgrupp",
        tuple(g.name for g in context.age_groups),
        (*context.areas, ONLINE),
        _frozen(table),
        "Ett erbjudande på plats räknas i varje område där det har en plats. Digitala erbjudanden räknas i "
        "en egen kolumn.",
    )


def _spans(ages: list[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for age in ages:
        if spans and spans[-1][1] == age - 1:
            spans[-1] = (spans[-1][0], age)
        else:
            spans.append((age, age))
    return spans


def age_words(low: int, high: int) -> str:
    """'14-åringar', '14–17-åringar'; 0 is 'bebisar under 1 år'."""
    if low == high == 0:
        return "bebisar under 1 år"
    return f"{low}-åringar" if low == high else f"{low}–{high}-åringar"


def missing_universal(offers: Sequence[Offer]) -> set[int | None]:
    """The ages (None: expecting) that no universal offer is for."""
    universal = [o for o in offers if o.level == "universell"]
    return {age for age in AGES if not any(_for_age(o, age) for o in universal)}


def age_phrases(ages: set[int | None]) -> list[tuple[str, int | None, int | None]]:
    """Ages as the words the gaps use, each with its first and last year: 'blivande föräldrar', '14–17-åringar'."""
    result: list[tuple[str, int | None, int | None]] = [("blivande föräldrar", None, None)] if None in ages else []
    years = sorted(age for age in ages if age is not None)
    return result + [(age_words(low, high), low, high) for low, high in _spans(years)]


def _age_gaps(offers: Sequence[Offer]) -> list[Gap]:
    gaps = []
    for words, low, high in age_phrases(missing_universal(offers)):
        if low is None:
            fix = "Ett erbjudande för alla som väntar barn (nivå: universell, väntar_barn: true) skulle täcka det."
        elif low == high:
            fix = f"Ett erbjudande för alla föräldrar (nivå: universell) till barn som är {low} år skulle täcka det."
        else:
            fix = f"Ett erbjudande för alla föräldrar (nivå: universell) till barn {low}–{high} år skulle täcka det."
        gaps.append(Gap(UNIVERSAL_RULE, f"inget universellt stöd för {words}", fix))
    return gaps


def _area_gaps(offers: Sequence[Offer], context: Context) -> list[Gap]:
    found = [(o, in_person_areas(o)) for o in offers]
    gaps = []
    for area in context.areas:
        here = [o for o, areas in found if area in areas]
        if not here:
            gaps.append(
                Gap(
                    "område",
                    f"inget stöd på plats i {area}",
                    f"Ett erbjudande med en plats i området {area} skulle täcka det.",
                )
            )
            continue
        for group in context.age_groups:
            if not any(o.ages.overlaps(group) for o in here):
                gaps.append(
                    Gap(
                        "område-ålder",
                        f"inget stöd på plats i {area} för gruppen {group.name.lower()}",
                        f"Ett erbjudande för gruppen {group.name.lower()} med en plats i {area} skulle täcka det.",
                    )
                )
    return gaps


def offer_languages(offer: Offer) -> set[str]:
    return {*offer.languages, *(code for r in offer.rounds for code in r.languages)}


def _language_gaps(offers: Sequence[Offer], context: Context) -> list[Gap]:
    spoken = set().union(*(offer_languages(o) for o in offers)) if offers else set()
    return [
        Gap(
            "språk",
            f"inget erbjudande på {language_name(code) or code}",
            f"Kommunen säger att föräldrar behöver stöd på {language_name(code) or code}. Ett erbjudande med "
            f"{code} under språk skulle täcka det; tolk räknas inte.",
        )
        for code in context.needed_languages
        if code not in spoken
    ]


def _organiser_name(key: str, context: Context) -> str:
    organiser = context.organisers.get(key)
    return organiser.name if organiser else key


def _kind_gaps(offers: Sequence[Offer], context: Context) -> list[Gap]:
    gaps = []
    for kind in context.kinds:
        organisers = {key for o in offers if kind.key in o.types for key in o.organisers}
        if not organisers:
            gaps.append(
                Gap(
                    "typ",
                    f"inget erbjudande av typen {kind.name.lower()}",
                    "Ett erbjudande av den typen skulle täcka det.",
                    subject=kind.key,
                )
            )
        elif len(organisers) == 1:
            (only,) = organisers
            gaps.append(
                Gap(
                    "en-arrangör",
                    f"bara en arrangör av typen {kind.name.lower()}: {_organiser_name(only, context)}",
                    "Det är sårbart: slutar de finns inget sådant stöd kvar. En arrangör till skulle göra det säkrare.",
                    subject=kind.key,
                )
            )
    return gaps


def _programme_gaps(offers: Sequence[Offer], context: Context) -> list[Gap]:
    used = {o.programme for o in offers}
    unused = [p.name for p in context.programmes if p.key not in used]
    if not unused:
        return []
    return [
        Gap(
            "program",
            f"{len(unused)} program i den gemensamma listan som ingen erbjuder: {listing(unused)}",
            "Se efter om något av dem passar en grupp som saknar stöd. Ett erbjudande som kör programmet "
            "skriver det under program.",
        )
    ]


def _planning_gaps(offers: Sequence[Offer], context: Context) -> list[Gap]:
    unplanned = [o for o in offers if not planned(o, context.today) and o.times is None]
    if not unplanned:
        return []
    return [
        Gap(
            "ingen-omgång",
            f"{_number(len(unplanned))} utan någon planerad omgång eller tid framåt: "
            f"{_some(sorted(o.title for o in unplanned))}",
            "Lägg in nästa omgång under omgångar, eller löpande tider, eller skriv tider: när_du_vill.",
        )
    ]


LISTED = 10
"""At most this many titles are named in a gap; the rest are counted."""


def _some(titles: list[str]) -> str:
    """'A, B och C', or the first LISTED titles and how many more: 'A, B … och 990 till'."""
    if len(titles) <= LISTED:
        return listing(titles)
    return listing([*titles[:LISTED], f"{len(titles) - LISTED} till"])


def planned(offer: Offer, today: date) -> bool:
    """A round that has not ended, or a weekly time (as `Offer.has_upcoming_times`, without sorting)."""
    return bool(offer.recurring) or any(not r.has_ended(today) for r in offer.rounds)


def _number(count: int) -> str:
    return "ett erbjudande" if count == 1 else f"{count} erbjudanden"


def due(offer: Offer, context: Context) -> date:
    """When the offer is due for review: never reviewed is due today."""
    return context.due_date(offer.reviewed) if offer.reviewed else context.today


def responsible(offer: Offer, context: Context) -> str:
    """Who should review the offer: the offer's contact, else its organiser's, else the organiser."""
    if offer.contact.name:
        return offer.contact.name
    organiser = context.organisers.get(offer.organiser)
    if organiser is None:
        return offer.organiser
    return organiser.contact.name or organiser.name


def reviews(offers: Sequence[Offer], context: Context) -> tuple[OrganiserReview, ...]:
    by_organiser: dict[str, list[DueOffer]] = {}
    for offer in offers:
        when = due(offer, context)
        if when <= context.today:
            by_organiser.setdefault(offer.organiser, []).append(
                DueOffer(offer.title, offer.source, offer.reviewed, when, responsible(offer, context))
            )
    return tuple(
        OrganiserReview(key, _organiser_name(key, context), tuple(sorted(found, key=lambda d: (d.due, d.title))))
        for key, found in sorted(by_organiser.items(), key=lambda item: _organiser_name(item[0], context))
    )


def _review_gaps(found: tuple[OrganiserReview, ...]) -> list[Gap]:
    count = sum(len(r.offers) for r in found)
    if not count:
        return []
    return [
        Gap(
            "granskning",
            f"{_number(count)} som borde ha granskats igen: {listing([d.title for r in found for d in r.offers])}",
            "Den som är ansvarig kontrollerar uppgifterna och skriver dagens datum i granskad.",
        )
    ]


def completeness(offer: Offer, today: date) -> Completeness:
    signup = offer.signup
    given = {
        "kostnad": offer.cost is not None,
        "anmälan": not signup.needed or bool(signup.how or signup.web or signup.phone or signup.email),
        "språk": bool(offer.languages),
        "kunskapsgrund": offer.basis is not None or offer.programme is not None,
        "nästa_tillfälle": planned(offer, today) or offer.times is not None or offer.next_start is not None,
        "plats": bool(offer.places),
    }
    return Completeness(
        offer.title, offer.source, tuple(name for field, name in COMPLETENESS.items() if not given[field])
    )


def programme_uses(offers: Sequence[Offer], context: Context) -> tuple[ProgrammeUse, ...]:
    result = []
    for programme in context.programmes:
        running = [o for o in offers if o.programme == programme.key]
        if not running:
            continue
        where = set().union(*(in_person_areas(o) for o in running))
        ordered = [a for a in context.areas if a in where] + sorted(where - set(context.areas))
        online = any(o.online for o in running)
        result.append(ProgrammeUse(programme.key, programme.name, len(running), tuple(ordered), online))
    return tuple(result)


def coverage_gaps(offers: Sequence[Offer], context: Context) -> list[Gap]:
    """The gaps in what is offered (COVERAGE_RULES): ages, areas, languages, kinds and fragile kinds."""
    return [
        *_age_gaps(offers),
        *_area_gaps(offers, context),
        *_language_gaps(offers, context),
        *_kind_gaps(offers, context),
    ]


def gaps(offers: Sequence[Offer], context: Context, found_reviews: tuple[OrganiserReview, ...]) -> tuple[Gap, ...]:
    return (
        *coverage_gaps(offers, context),
        *_programme_gaps(offers, context),
        *_planning_gaps(offers, context),
        *_review_gaps(found_reviews),
    )


def build(offers: Sequence[Offer], label: str, context: Context) -> Overview:
    """The overview of `offers` (all of a site's, or one municipality's, or one area's) under `label`."""
    found_reviews = reviews(offers, context)
    return Overview(
        label=label,
        today=context.today,
        offer_count=len(offers),
        matrices=(age_levels(offers), age_kinds(offers, context), age_areas(offers, context)),
        gaps=gaps(offers, context, found_reviews),
        reviews=found_reviews,
        completeness=tuple(
            sorted((completeness(o, context.today) for o in offers), key=lambda c: (-len(c.missing), c.title))
        ),
        programmes=programme_uses(offers, context),
    )


def side_by_side(
    groups: Mapping[str, Sequence[Offer]], context: Context, caption: str, corner: str, key: str = "sida-vid-sida"
) -> Matrix:
    """Parts of a site next to each other (the municipalities of a region, or a municipality's areas): for each
    part, the number of offers for each age group, and of universal offers for each age group."""
    columns = [g.name for g in context.age_groups] + [f"Universellt, {g.name.lower()}" for g in context.age_groups]
    counts = tuple(
        (
            *(sum(1 for o in offers if o.ages.overlaps(g)) for g in context.age_groups),
            *(sum(1 for o in offers if o.level == "universell" and o.ages.overlaps(g)) for g in context.age_groups),
        )
        for offers in groups.values()
    )
    return Matrix(key, caption, corner, tuple(groups), tuple(columns), counts)


def universal_side_by_side(groups: Mapping[str, Sequence[Offer]], caption: str, key: str) -> Matrix:
    """Each year of a child's age (rows) in each part (columns): the number of universal offers for it."""
    table = _zeros(len(AGES), len(groups))
    for column, offers in enumerate(groups.values()):
        for row, count in enumerate(age_levels(offers).counts):
            table[row][column] = count[0]  # the first of LEVELS: universal
    return Matrix(
        key,
        caption,
        "Barnets ålder",
        tuple(age_label(a) for a in AGES),
        tuple(groups),
        _frozen(table),
        "Ett erbjudande som flera kommuner delar räknas i varje kommun det är till för.",
    )


def by_area(offers: Sequence[Offer], context: Context) -> dict[str, list[Offer]]:
    """The offers in person in each of the site's areas (an offer with places in two areas is in both)."""
    return {area: [o for o in offers if area in in_person_areas(o)] for area in context.areas}


MAX_COLUMNS = 6
"""At most this many municipalities side by side as columns, so that a matrix prints whole on one A4 page."""
MAX_ROWS = 25
"""At most this many municipalities as rows of one matrix, for the same reason."""


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[start : start + size] for start in range(0, len(items), size)] or [[]]


def _numbered(caption: str, index: int, count: int) -> str:
    return caption if count == 1 else f"{caption} (del {index} av {count})"


def by_municipality(offers: Sequence[Offer], context: Context) -> dict[str, list[Offer]]:
    """Each municipality's offers, by name: its own and the shared ones that serve it."""
    return {m.name: [o for o in offers if m.code in o.municipalities] for m in context.municipalities}


def region_matrices(groups: Mapping[str, Sequence[Offer]], context: Context) -> list[Matrix]:
    """The municipalities side by side, split so that each matrix prints on one A4 page."""
    names = list(groups)
    matrices = []
    columns = _chunks(names, MAX_COLUMNS)
    for index, chunk in enumerate(columns, 1):
        matrices.append(
            universal_side_by_side(
                {name: groups[name] for name in chunk},
                _numbered("Antal universella erbjudanden per ålder och kommun", index, len(columns)),
                f"kommun-universell-{index}",
            )
        )
    rows = _chunks(names, MAX_ROWS)
    for index, chunk in enumerate(rows, 1):
        matrices.append(
            side_by_side(
                {name: groups[name] for name in chunk},
                context,
                _numbered("Antal erbjudanden per kommun och åldersgrupp, alla och universella", index, len(rows)),
                "Kommun",
                f"kommun-aldersgrupp-{index}",
            )
        )
    return matrices


def _in_part(matrix: Matrix, part: Municipality) -> Matrix:
    """A municipality's matrix: its caption names the municipality, its key is unique on the page."""
    caption = f"{part.name}: {matrix.caption[:1].lower()}{matrix.caption[1:]}"
    return replace(matrix, key=f"{part.code}-{matrix.key}", caption=caption)


def part(offers: Sequence[Offer], member: Municipality, context: Context, whole: set[str]) -> Part:
    """One municipality of a region; `whole` holds the gaps (their `what`) of the region as a whole."""
    local = replace(context, areas=member.areas, municipalities=())
    return Part(
        code=member.code,
        name=member.name,
        offer_count=len(offers),
        shared_count=sum(1 for o in offers if o.home != member.code),
        areas=member.areas,
        matrices=tuple(
            _in_part(m, member) for m in (age_levels(offers), age_kinds(offers, local), age_areas(offers, local))
        ),
        gaps=tuple(replace(g, where=member.name) for g in coverage_gaps(offers, local) if g.what not in whole),
    )


def build_region(offers: Sequence[Offer], label: str, context: Context) -> Overview:
    """A region's overview: the region as a whole, the municipalities side by side, and each on its own."""
    whole = build(offers, label, replace(context, areas=()))  # areas belong to each municipality
    said = {g.what for g in whole.gaps}
    groups = by_municipality(offers, context)
    return replace(
        whole,
        matrices=(*region_matrices(groups, context), *whole.matrices[:2]),
        parts=tuple(part(groups[m.name], m, context, said) for m in context.municipalities),
    )


def of_catalog(catalog: Catalog) -> Overview:
    """The overview of a whole site, under the municipality's name; on a region's site, with each municipality."""
    context = context_of(catalog)
    if catalog.settings.region:
        return build_region(catalog.offers, catalog.settings.municipality, context)
    return build(catalog.offers, catalog.settings.municipality, context)


def _cell(count: int) -> str:
    return f"**{EMPTY}**" if count == 0 else str(count)


def _table(matrix: Matrix) -> list[str]:
    lines = [
        f"### {matrix.caption}",
        "",
        f"| {matrix.corner} | {' | '.join(matrix.columns)} |",
        f"| --- |{' ---: |' * len(matrix.columns)}",
    ]
    lines += [
        f"| {row} | {' | '.join(_cell(c) for c in counts)} |"
        for row, counts in zip(matrix.rows, matrix.counts, strict=True)
    ]
    if matrix.note:
        lines += ["", matrix.note]
    return [*lines, ""]


def markdown(overview: Overview) -> str:
    """The overview as Markdown, in Swedish, for a terminal, an issue or a report."""
    lines = [f"# Översikt för samordnare: {overview.label}", "", overview.intro, "", "## Luckor", ""]
    for heading, found in overview.gap_sections:
        lines += [f"### {heading}", ""] if heading else []
        lines += [f"- {gap.text} {gap.fix}" for gap in found] or [overview.no_gaps(heading)]
        lines.append("")
    lines += ["## Täckning", ""]
    for matrix in overview.matrices:
        lines += _table(matrix)
    for part in overview.parts:
        lines += [f"## {part.name}", "", part.intro, ""]
        for matrix in part.matrices:
            lines += _table(matrix)
    lines += ["## Att granska", ""]
    if not overview.reviews:
        lines.append("Inga erbjudanden behöver granskas.")
    for review in overview.reviews:
        lines += [f"### {review.name}", ""]
        lines += [
            f"- {d.title} (`{d.source}`): "
            + (f"granskad {day(d.reviewed)}, " if d.reviewed else "aldrig granskad, ")
            + f"skulle granskas senast {day(d.due)}. Ansvarig: {d.responsible}."
            for d in review.offers
        ]
        lines.append("")
    if overview.programmes:
        lines += ["", "## Program", ""]
        lines += [
            f"- {p.name}: {_number(p.offers)}" + (f", {p.where_words}." if p.where_words else ".")
            for p in overview.programmes
        ]
    lines += ["", "## Hur kompletta erbjudandena är", ""]
    lines.append("Varje erbjudande bör säga " + listing(list(COMPLETENESS.values())) + ". Här är de som saknar något:")
    lines.append("")
    incomplete = [c for c in overview.completeness if c.missing]
    lines += [f"- {c.title} ({c.percent} procent): saknar {listing(list(c.missing))}." for c in incomplete] or [
        "Alla erbjudanden säger allt."
    ]
    return "\n".join(lines).rstrip("\n") + "\n"

"""The "Hitta stöd" finder: its filter choices and the compact data file its script filters in the browser.

The data file holds one short record per offer with the facts the filters need (ages as numbers, keys of
kinds of support, areas, languages, who takes part) and the ready Swedish strings a result shows. The strings come from
the same template macros as the offer cards (`macros.html`), so dates, ages and costs are worded in one
place only; the browser never formats anything itself.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from stodguiden.base import collation
from stodguiden.base.jsontext import inert_json
from stodguiden.base.siteurls import FINDER_PAGE
from stodguiden.language import participation, swedish
from stodguiden.model import Catalog, Offer, offer_order

DATA_FILE = "erbjudanden.json"
"""Written next to the finder page: hitta-stod/erbjudanden.json."""
DATA_PATH = posixpath.join(posixpath.dirname(FINDER_PAGE), DATA_FILE)
DEFAULT_LANGUAGE = "sv"
"""An offer that names no language is held in Swedish, the site's own language."""
ONLINE_AREA = "digitalt"
"""The area filter's value for offers on the internet, in the finder's address (?omrade=digitalt) and data
file. It is the finder's own value, not the `plats: digitalt` of offer files; no area in data/webbplats.yml
can be called that (lower case)."""
AGES = tuple(range(18))

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Choice:
    """One option of a filter: the value in the address and the label the parent reads."""

    value: str
    label: str


@dataclass(frozen=True)
class Filters:
    """The options of each filter, built from the site's vocabularies and the published offers."""

    ages: tuple[Choice, ...]
    types: tuple[Choice, ...]
    areas: tuple[Choice, ...]
    languages: tuple[Choice, ...]
    participants: tuple[Choice, ...] = ()
    """Who takes part (?deltar=vuxen or barn); none when no offer says (every choice would find nothing)."""
    municipalities: tuple[Choice, ...] = ()
    """On a region's site, its municipalities by SCB code (?kommun=2309); none on one municipality's site."""


PARTICIPANT_CHOICES = (
    Choice(participation.ADULT, "Stöd för mig"),
    Choice(participation.CHILD_GROUP, "En grupp för mitt barn"),
)
"""The choices of the `deltar` filter; participation.PARTICIPANTS says which offers each one finds. An offer
that does not say who takes part is found by neither."""


def age_label(age: int) -> str:
    return "Under 1 år" if age == 0 else f"{age} år"


def filters(catalog: Catalog) -> Filters:
    ages = (Choice("vantar", "Väntar barn"), *(Choice(str(age), age_label(age)) for age in AGES))
    types = tuple(Choice(term.key, term.name) for term in catalog.types.values())
    areas = [Choice(area, area) for area in catalog.settings.areas]
    known = set(catalog.settings.areas)
    # areas used by offers but not listed in the settings (a site without `områden`) still get a choice
    extra = sorted(
        {p.area for o in catalog.offers for p in o.places if p.area and p.area not in known}, key=collation.sort_key
    )
    areas += [Choice(area, area) for area in extra]
    if any(offer.online for offer in catalog.offers):
        areas.append(Choice(ONLINE_AREA, "Digitalt, på nätet"))
    codes = {code for offer in catalog.offers for code in languages_of(offer)}
    names = {code: swedish.language_name(code) or code for code in codes}
    languages = tuple(
        Choice(code, names[code].capitalize())
        for code in sorted(codes, key=lambda code: collation.sort_key(names[code]))
    )
    used = {value for offer in catalog.offers for value in participation.finder_choices(offer.participants)}
    participants = tuple(choice for choice in PARTICIPANT_CHOICES if choice.value in used)
    municipalities = tuple(Choice(m.code, m.name) for m in catalog.settings.municipalities)
    return Filters(ages, types, tuple(areas), languages, participants, municipalities)


def languages_of(offer: Offer) -> tuple[str, ...]:
    own = offer.languages or (DEFAULT_LANGUAGE,)
    # a round held in another language (contract v2) is found under that language too
    return tuple(dict.fromkeys((*own, *(code for r in offer.rounds for code in r.languages))))


def _text(markup: object) -> str:
    """A macro's output as plain text: tags stripped, entities decoded, whitespace collapsed."""
    return _SPACES.sub(" ", Markup(str(markup)).striptags()).strip()


def record(offer: Offer, catalog: Catalog, macros: Any) -> dict[str, Any]:
    """One offer in the data file. Keys are one letter to keep the file small (see `DATA_FILE` docs)."""
    result: dict[str, Any] = {
        "u": offer.slug,  # the page is ../erbjudanden/<slug>/ from the finder
        "n": offer.title,
        "s": offer.summary,
    }
    years = offer.ages.years  # an open upper age counts up to the oldest child: "från 4 år" is [4, 17]
    if years is not None:
        result["a"] = list(years)
    if offer.ages.expecting:
        result["e"] = 1
    result["k"] = list(offer.types)
    if catalog.serves_some(offer):  # without "m", an offer serves every municipality
        result["m"] = list(offer.municipalities)
    areas = list(dict.fromkeys(p.area for p in offer.places if p.area))
    if offer.online:
        areas.append(ONLINE_AREA)
    if areas:
        result["r"] = areas
    languages = languages_of(offer)
    if languages != (DEFAULT_LANGUAGE,):
        result["l"] = list(languages)
    if offer.cost is not None and offer.cost.free:
        result["f"] = 1
    if offer.participants:
        result["d"] = participation.finder_choices(offer.participants)
        result["w"] = participation.participants_label(offer.participants)
    # ready strings, in the order of the offer page's facts: ages, (kinds from "t"), where, when, cost
    result["x"] = [
        swedish.ages(offer.ages),
        _text(macros.where(offer)),
        _text(macros.when_short(offer, catalog.today)),
        _text(macros.cost_text(offer)),
    ]
    return result


def data(catalog: Catalog, macros: Any) -> dict[str, Any]:
    """The whole data file: kinds of support by key ("t") and the offers in alphabetical order ("o")."""
    offers = sorted(catalog.offers, key=offer_order)
    return {
        "t": {term.key: term.name for term in catalog.types.values()},
        "o": [record(offer, catalog, macros) for offer in offers],
    }


def to_json(value: dict[str, Any]) -> str:
    """Compact JSON, safe even inside a <script> element."""
    return inert_json(value)

"""The generated pages of a site, as plain HTML fragments with their titles and metadata.

Templates live in `templates/` and are rendered with autoescaping on, so every value from YAML
is escaped unless it is explicitly marked safe (only `richtext` output is).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import swedish
from .model import Catalog, Offer, Round, Term

TEMPLATES = Path(__file__).parent / "templates"
AGE_SECTION = "alder"
TYPE_SECTION = "stod"
OFFER_SECTION = "erbjudanden"
LEVELS = {
    "universell": "För alla föräldrar.",
    "selektiv": "För föräldrar i en särskild situation.",
    "indikerad": "För familjer där det redan är svårt och som behöver mer stöd.",
}
ROUND_STATUS = {
    "öppen": "Öppen för anmälan",
    "fullbokad": "Fullbokad",
    "reservlista": "Fullbokad, men du kan stå på reservlistan",
    "inställd": "Inställd",
}


@dataclass(frozen=True)
class GeneratedPage:
    """One page: `src_uri` as a Markdown path (alder/skolbarn.md), HTML body, plain-text title."""

    src_uri: str
    title: str
    html: str
    description: str | None = None
    toc: tuple[tuple[int, str, str], ...] = ()
    """(level, id, title) of the h1 and each h2 on the page, in order."""
    keywords: tuple[str, ...] = ()
    source: str | None = None
    """The data file the page comes from, for the edit link."""
    in_nav: bool = True


@dataclass
class SitePlan:
    """Everything to generate for a catalog, and the navigation sections that list it."""

    pages: list[GeneratedPage] = field(default_factory=list)
    age_nav: list[tuple[str, str]] = field(default_factory=list)
    type_nav: list[tuple[str, str]] = field(default_factory=list)


def url_of(src_uri: str) -> str:
    """The directory URL of a page, as MkDocs writes it with use_directory_urls: 'alder/x/'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@lru_cache(maxsize=65536)
def relative_url(from_url: str, to_url: str) -> str:
    rel = posixpath.relpath(to_url or ".", start=from_url or ".")
    return "./" if rel == "." else rel + ("/" if to_url.endswith("/") and not rel.endswith("/") else "")


def _round_status(round_: Round, today: date) -> str:
    if round_.status == "öppen" and round_.start <= today:
        return "Gruppen har startat"
    if round_.status == "öppen" and round_.signup_closed(today):
        return "Anmälan har stängt"
    return ROUND_STATUS[round_.status]


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters.update(
        day=swedish.day,
        day_with_weekday=swedish.day_with_weekday,
        clock=swedish.clock,
        ages=swedish.ages,
        kronor=swedish.kronor,
        listing=lambda items: swedish.listing([str(i) for i in items]),
        phone=swedish.phone_display,
        phone_uri=swedish.phone_uri,
        weekday_plural=swedish.weekday_plural,
        language=lambda code: swedish.language_name(code) or code,
        level=LEVELS.__getitem__,
        type_name=lambda key, catalog: catalog.types[key].name,
        for_whom=swedish.for_whom,
        sentence=swedish.sentence,
        capitalize_first=lambda text: text[:1].upper() + text[1:],
        lower_first=lambda text: text[:1].lower() + text[1:] if text[1:2].islower() else text,
        safe_html=Markup,
    )
    env.globals["round_status"] = _round_status
    return env


def _render(template: str, page_url: str, **context: object) -> str:
    url: Callable[[str], str] = lambda target: relative_url(page_url, target)
    return environment().get_template(template).render(url=url, **context)


_HEADING = re.compile(r'<h([12]) id="([^"]+)">(.*?)</h\1>')


def _toc(html: str) -> tuple[tuple[int, str, str], ...]:
    """The page's h1 and h2 headings; the h1 comes first, so Material's skip link points at it."""
    return tuple((int(level), anchor, Markup(title).striptags()) for level, anchor, title in _HEADING.findall(html))


def offer_page(offer: Offer, catalog: Catalog) -> GeneratedPage:
    src = f"{OFFER_SECTION}/{offer.slug}.md"
    html = _render("offer.html", url_of(src), offer=offer, catalog=catalog)
    groups = catalog.age_groups_of(offer)
    keywords = (
        *offer.keywords,
        *(word for group in groups for word in group.keywords),
        *(word for key in offer.types for word in catalog.types[key].keywords),
        *offer.audiences,
    )
    return GeneratedPage(src, offer.title, html, offer.summary, _toc(html), tuple(dict.fromkeys(keywords)),
                         offer.source, in_nav=False)


class OfferCards:
    """Offer cards for group pages, each rendered once per folder depth and then reused.

    An offer is listed on several group pages; they all lie as deep in the site, so a card's relative
    links, computed from the page to the site's root and down again, are the same on each of them.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._cards: dict[tuple[str, str], Markup] = {}
        self._macros: dict[str, object] = {}

    def __call__(self, offer: Offer, page_url: str) -> Markup:
        to_root = relative_url(page_url, "")
        key = (offer.slug, to_root)
        if key not in self._cards:
            if to_root not in self._macros:
                url: Callable[[str], str] = lambda target: relative_url(page_url, target)
                self._macros[to_root] = environment().get_template("macros.html").make_module({"url": url})
            card = self._macros[to_root].offer_card(offer, self.catalog, heading_level=2)  # type: ignore[attr-defined]
            self._cards[key] = Markup(card)
        return self._cards[key]


def group_page(term: Term, offers: list[Offer], catalog: Catalog, section: str, others: list[Term],
               others_heading: str, source: str, cards: OfferCards | None = None) -> GeneratedPage:
    src = f"{section}/{term.key}.md"
    page_url = url_of(src)
    cards = cards or OfferCards(catalog)
    html = _render("group.html", page_url, term=term, offers=offers, catalog=catalog, section=section,
                   others=others, others_heading=others_heading, card=lambda offer: cards(offer, page_url))
    return GeneratedPage(src, term.name, html, term.description, _toc(html), term.keywords, source)


def overview_page(src: str, heading: str, lead: str, terms: list[Term], counts: dict[str, int],
                  section: str, source: str) -> GeneratedPage:
    html = _render("overview.html", url_of(src), heading=heading, lead=lead, terms=terms, counts=counts,
                   section=section)
    return GeneratedPage(src, heading, html, lead, _toc(html), (), source)


def start_entrances(catalog: Catalog, page_url: str = "") -> str:
    """The entrances by age and by kind of support, added below the hand-written start page."""
    ages = list(catalog.age_groups.values())
    kinds = list(catalog.types.values())
    return _render("start.html", page_url, settings=catalog.settings, age_groups=ages, types=kinds,
                   age_counts={g.key: len(catalog.offers_for_age_group(g.key)) for g in ages},
                   type_counts={t.key: len(catalog.offers_for_type(t.key)) for t in kinds})


def plan(catalog: Catalog) -> SitePlan:
    result = SitePlan()
    result.pages.extend(_pages(catalog))
    result.age_nav = [(g.name, f"{AGE_SECTION}/{g.key}.md") for g in catalog.age_groups.values()]
    result.type_nav = [(t.name, f"{TYPE_SECTION}/{t.key}.md") for t in catalog.types.values()]
    return result


def _pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    ages = list(catalog.age_groups.values())
    kinds = list(catalog.types.values())
    by_age = {g.key: catalog.offers_for_age_group(g.key) for g in ages}
    by_type = {t.key: catalog.offers_for_type(t.key) for t in kinds}
    yield overview_page(f"{AGE_SECTION}/index.md", "Barnets ålder",
                        "Välj hur gammalt ditt barn är, eller om du väntar barn. Du ser då stödet som passar.",
                        ages, {k: len(v) for k, v in by_age.items()}, AGE_SECTION, "data/aldersgrupper.yml")
    yield overview_page(f"{TYPE_SECTION}/index.md", "Typ av stöd",
                        "Välj vad för slags stöd du söker. Allt stöd är frivilligt.",
                        kinds, {k: len(v) for k, v in by_type.items()}, TYPE_SECTION, "data/typer.yml")
    cards = OfferCards(catalog)
    for group in ages:
        yield group_page(group, by_age[group.key], catalog, AGE_SECTION, ages, "Andra åldrar",
                         "data/aldersgrupper.yml", cards)
    for kind in kinds:
        yield group_page(kind, by_type[kind.key], catalog, TYPE_SECTION, kinds, "Andra typer av stöd",
                         "data/typer.yml", cards)
    for offer in catalog.offers:
        yield offer_page(offer, catalog)

"""The generated pages of a site, as plain HTML fragments with their titles and metadata.

Templates live in `templates/` and are rendered with autoescaping on, so every value from YAML
is escaped unless it is explicitly marked safe (only `richtext` output is).
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from stodguiden.base import parallel
from stodguiden.base.fingerprint import fingerprint
from stodguiden.base.siteurls import (
    AGE_SECTION,
    FINDER_PAGE,
    MUNICIPALITY_SECTION,
    OFFER_SECTION,
    OPEN_DATA,
    SECTIONS,
    TYPE_SECTION,
    SiteUrls,
    calendar_path,
    offer_path,
    section_path,
)
from stodguiden.language import languages, participation, swedish
from stodguiden.outputs import finder, jsonld, sitefiles
from stodguiden.site.whitespace import fold_line_breaks
from stodguiden.source import statement as statement_rules

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from datetime import date, datetime

    from stodguiden.model import Catalog, Contact, Municipality, Offer, Round, Term

TEMPLATES = Path(__file__).parent / "templates"
STATEMENT_PAGE = "tillganglighet.md"
"""The accessibility statement, linked from every page's footer (overrides/partials/copyright.html)."""
SEARCH_PAGE = "sok.md"
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
    source: str | None = None
    """The data file the page comes from, for the edit link."""
    in_nav: bool = True
    updated: date | None = None
    """When the page's content was last checked (an offer's `granskad`), for the sitemap."""
    leave_url: str | None = None
    """Set on sensitive offers: where the "Lämna sidan snabbt" button goes."""
    hide_toc: bool = False
    """True where the page's contents list would only repeat what the page shows another way."""
    noindex: bool = False
    """Search engines are asked to leave the page out (the coordinators' overview)."""


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


class PageLinks:
    """`url` in the templates: links from one page to the others, relative to it, so the site works in any
    folder. `url(path)` links a path from the site's root; `url.section(sections.age, key)` and
    `url.offer(slug)` a section's pages, whose folders are named in base/siteurls.py only."""

    __slots__ = ("page_url",)

    def __init__(self, page_url: str) -> None:
        self.page_url = page_url

    def __call__(self, path: str) -> str:
        return relative_url(self.page_url, path)

    def section(self, section: str, key: str | None = None) -> str:
        return self(section_path(section, key))

    def offer(self, slug: str) -> str:
        return self(offer_path(slug))


def share_links(title: str, address: str | None) -> tuple[str, str]:
    """mailto: and sms: links that send the page's title and address (no recipient: the parent picks one)."""
    text = f"{title}\n{address}" if address else title
    return (f"mailto:?subject={quote(title)}&body={quote(text)}", f"sms:?&body={quote(text)}")


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
        # text in other languages (languages.py): name in Swedish, name in itself, writing direction
        language_sv=languages.swedish_name,
        language_own=languages.own_name,
        direction=languages.direction,
        isolate_ltr=languages.isolate_ltr,
        languages_marked=languages.names_marked,
        paragraphs=lambda text: [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()],
        # who takes part and how (participation.py)
        participants_label=participation.participants_label,
        participant_sentences=participation.participant_sentences,
        signup_fact=participation.signup_fact,
    )
    # when and how the meetings are (contract v2, sections 4 and 5)
    env.filters.update(
        day_span=swedish.day_span,
        period=lambda closure: swedish.period(closure.start, closure.end),
        meetings=swedish.meetings,
        duration=swedish.duration,
        group_size=lambda size: swedish.group_size(size.low, size.high, size.who),
        next_start=swedish.NEXT_START.__getitem__,
        next_start_short=swedish.NEXT_START_SHORT.__getitem__,
        times=swedish.TIMES.__getitem__,
        times_short=swedish.TIMES_SHORT.__getitem__,
    )
    env.globals["round_status"] = _round_status
    env.globals["signup_text"] = participation.signup_text
    env.globals["share_links"] = share_links
    return env


def _render(template: str, page_url: str, urls: SiteUrls | None = None, **context: object) -> str:
    """A template with `url` (links relative to this page, `PageLinks`), `sections` (the section folders)
    and `address` (the page's own absolute address, None without site_url) for sharing."""
    address = urls.to(page_url) if urls is not None and urls.base else None
    html = (
        environment()
        .get_template(template)
        .render(url=PageLinks(page_url), sections=SECTIONS, address=address, **context)
    )
    return fold_line_breaks(html)


_HEADING = re.compile(r'<h([12]) id="([^"]+)">(.*?)</h\1>')


def _toc(html: str) -> tuple[tuple[int, str, str], ...]:
    """The page's h1 and h2 headings; the h1 comes first, so Material's skip link points at it."""
    return tuple((int(level), anchor, Markup(title).striptags()) for level, anchor, title in _HEADING.findall(html))


def report_link(offer: Offer, catalog: Catalog, address: str) -> str | None:
    """A mailto: link for telling the organiser that something on the offer's page is wrong.

    To the organiser's e-mail, else the offer's contact, else the site's; subject and body are
    filled in with the offer's title and page address, so a parent only writes what is wrong.
    """
    organiser = catalog.organisers.get(offer.organiser)
    to = (organiser.contact.email if organiser else None) or offer.contact.email or catalog.settings.contact.email
    if not to:
        return None
    subject = f"Fel på sidan {offer.title}"
    body = f"Hej!\n\nJag har sett något som inte stämmer på sidan om {offer.title}:\n{address}\n\nDet här är fel:\n\n"
    # RFC 6068: every character that is not plainly safe is percent-encoded, line breaks as CRLF.
    return (
        f"mailto:{quote(to, safe='@')}?subject={quote(subject, safe='')}"
        f"&body={quote(body.replace(chr(10), chr(13) + chr(10)), safe='')}"
    )


def offer_page(offer: Offer, catalog: Catalog, urls: SiteUrls | None = None) -> GeneratedPage:
    src = f"{OFFER_SECTION}/{offer.slug}.md"
    page_url = url_of(src)
    site = urls if urls is not None and urls.base else None
    # Without site_url, the report e-mail names the path, and the JSON-LD's addresses are relative to the page.
    address = site.to(page_url) if site else "/" + page_url
    calendar = calendar_path(offer.slug) if offer.has_upcoming_times(catalog.today) else None
    html = _render(
        "offer.html",
        page_url,
        site,
        offer=offer,
        catalog=catalog,
        calendar=calendar,
        jsonld=jsonld.script_element(offer, catalog, site or SiteUrls(relative_url(page_url, ""))),
        report_href=report_link(offer, catalog, address),
    )
    return GeneratedPage(
        src,
        offer.title,
        html,
        offer.summary,
        _toc(html),
        offer.source,
        in_nav=False,
        updated=offer.reviewed,
        leave_url=catalog.settings.leave_url if offer.sensitive else None,
    )


FINDER_LIST_LIMIT = 300
"""Up to this many offers, the finder lists every one of them for visitors without JavaScript. With more
(a county, the whole country) it links each age group's pages instead: listing 10,000 offers would make
the page 4 MB of HTML, which every visitor's phone would download and lay out before filtering."""


def finder_page(catalog: Catalog, urls: SiteUrls | None = None, list_limit: int = FINDER_LIST_LIMIT) -> GeneratedPage:
    """The finder: the offers by age group (works without JavaScript) and the filters on top."""
    ages = list(catalog.age_groups.values())
    html = _render(
        "finder.html",
        url_of(FINDER_PAGE),
        urls,
        catalog=catalog,
        filters=finder.filters(catalog),
        groups=[(group, catalog.offers_for_age_group(group.key)) for group in ages],
        data_file=finder.DATA_FILE,
        list_offers=len(catalog.offers) <= list_limit,
    )
    # The filters hide the age groups that a contents list would name.
    return GeneratedPage(FINDER_PAGE, "Hitta stöd", html, FINDER_LEAD, _toc(html), None, hide_toc=True)


FINDER_LEAD = "Välj hur gammalt ditt barn är och vad du söker, så ser du stödet som passar."


def text_macros() -> object:
    """The templates' macros with links left as they are, for text outside the pages (the finder's data)."""
    return environment().get_template("macros.html").make_module({"url": lambda target: target})


def data_inputs(
    catalog: Catalog, site_url: str | None, generated: datetime, project: Path | None = None
) -> sitefiles.Inputs:
    """What the registry of data files (`sitefiles.DATA_FILES`) makes the files from."""
    from stodguiden.site import coordination  # it renders with this module's templates

    overview_css = coordination.css() if catalog.settings.overview.publish else ""
    return sitefiles.Inputs(catalog, site_url, generated, text_macros(), overview_css, project)


class OfferCards:
    """Offer cards for group pages, each rendered once per folder depth and then reused.

    An offer is listed on several group pages; they all lie as deep in the site, so a card's relative
    links, computed from the page to the site's root and down again, are the same on each of them.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._cards: dict[tuple[str, str], Markup] = {}

    def __call__(self, offer: Offer, page_url: str) -> Markup:
        to_root = relative_url(page_url, "")
        key = (offer.slug, to_root)
        if key not in self._cards:
            macros = environment().get_template("macros.html").module
            type_names = [self.catalog.types[kind].name for kind in offer.types]
            card = macros.offer_card(  # type: ignore[attr-defined]
                offer, PageLinks(page_url).offer(offer.slug), type_names, self.catalog.today, heading_level=2
            )
            self._cards[key] = Markup(card)
        return self._cards[key]


GROUP_PAGE_SIZE = 30
"""Offers on one page for an age group or kind of support; more go on further pages (sida-2/, sida-3/ …),
so that a group page stays light on a phone even when a whole county's or country's offers are listed."""


@dataclass(frozen=True)
class PageLink:
    number: int
    url: str
    current: bool = False


@dataclass(frozen=True)
class Pagination:
    """Where a group page lies among its group's pages, for the links between them."""

    number: int
    count: int
    urls: tuple[str, ...]
    first: int
    """The number (1, 31, 61 …) of the first offer on this page."""

    @property
    def previous(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None

    @property
    def links(self) -> list[PageLink | None]:
        """The first page, the last, and the pages next to this one; None where pages are left out."""
        shown = sorted({1, self.count, self.number - 1, self.number, self.number + 1} & set(range(1, self.count + 1)))
        result: list[PageLink | None] = []
        for index, number in enumerate(shown):
            if index and number - shown[index - 1] > 1:
                result.append(None)
            result.append(PageLink(number, self.urls[number - 1], number == self.number))
        return result


def group_pages(
    term: Term,
    offers: list[Offer],
    catalog: Catalog,
    section: str,
    others: Sequence[Term],
    others_heading: str,
    source: str,
    cards: OfferCards | None = None,
) -> Iterator[GeneratedPage]:
    """The pages for one age group or kind of support: the first is in the navigation, the others follow it."""
    cards = cards or OfferCards(catalog)
    parts = [offers[start : start + GROUP_PAGE_SIZE] for start in range(0, len(offers), GROUP_PAGE_SIZE)] or [[]]
    sources = [f"{section}/{term.key}.md"] + [f"{section}/{term.key}/sida-{n}.md" for n in range(2, len(parts) + 1)]
    urls = tuple(url_of(src) for src in sources)
    # the finder opens with this kind of support chosen (it filters by age in years, not by age group)
    finder_query = f"?typ={quote(term.key)}" if section == TYPE_SECTION else ""
    for index, part in enumerate(parts):
        page_url = urls[index]
        pagination = Pagination(index + 1, len(parts), urls, index * GROUP_PAGE_SIZE + 1)
        html = _render(
            "group.html",
            page_url,
            term=term,
            offers=part,
            total=len(offers),
            pagination=pagination,
            catalog=catalog,
            section=section,
            others=others,
            others_heading=others_heading,
            finder=url_of(FINDER_PAGE),
            finder_query=finder_query,
            card=lambda offer, page_url=page_url: cards(offer, page_url),
        )
        title = term.name if index == 0 else f"{term.name}, sida {index + 1} av {len(parts)}"
        yield GeneratedPage(sources[index], title, html, term.description, _toc(html), source, in_nav=index == 0)


def overview_page(
    src: str,
    heading: str,
    lead: str,
    terms: Sequence[Term],
    counts: dict[str, int],
    section: str,
    source: str,
    contact: Contact | None = None,
) -> GeneratedPage:
    """An age group's or kind's overview; `contact` is given on a site with no offers yet, to say whom to ask."""
    html = _render(
        "overview.html",
        url_of(src),
        heading=heading,
        lead=lead,
        terms=terms,
        counts=counts,
        section=section,
        contact=contact,
    )
    return GeneratedPage(src, heading, html, lead, _toc(html), source)


def search_page(catalog: Catalog) -> GeneratedPage:
    """The results page sok/: its search field, and results for ?q= filled in by sok.js (or, on a site with
    no offers yet, only whom to ask); on a region's site, a choice of municipality (?kommun=)."""
    html = _render(
        "search.html",
        url_of(SEARCH_PAGE),
        offers=len(catalog.offers),
        contact=catalog.settings.contact,
        municipalities=catalog.settings.municipalities,
    )
    return GeneratedPage(
        SEARCH_PAGE, "Sök stöd", html, "Sök bland alla erbjudanden om föräldraskapsstöd.", _toc(html), in_nav=False
    )


def opendata_page(catalog: Catalog) -> GeneratedPage:
    """The page that lists the open-data files, what each holds, the license and when they are made."""
    src = f"{OPEN_DATA}/index.md"
    html = _render(
        "opendata.html",
        url_of(src),
        catalog=catalog,
        settings=catalog.settings,
        license=sitefiles.license_of(catalog),
        paths=sitefiles.OPEN_DATA_LINKS,
        hsds_files=list(sitefiles.HSDS_FILES),
    )
    return GeneratedPage(
        src,
        "Öppna data",
        html,
        "Alla erbjudanden som öppna data: JSON, CSV, HSDS, kalender och nyhetsflöde, fria att använda.",
        _toc(html),
    )


def statement_page(catalog: Catalog) -> GeneratedPage | None:
    """The accessibility statement, when data/webbplats.yml has `tillgänglighet`."""
    statement = catalog.settings.accessibility
    if statement is None:
        return None
    html = _render(
        "statement.html",
        url_of(STATEMENT_PAGE),
        settings=catalog.settings,
        statement=statement,
        status_text=statement_rules.STATUS_TEXT[statement.status],
        law=statement_rules.LAW,
        method_text=statement_rules.METHOD_TEXT[statement.method],
        complaint_url=statement_rules.COMPLAINT_URL,
    )
    return GeneratedPage(
        STATEMENT_PAGE,
        "Tillgänglighetsredogörelse",
        html,
        f"Hur tillgänglig {catalog.settings.name} är och hur du rapporterar brister.",
        _toc(html),
        source="data/webbplats.yml",
        in_nav=False,
    )


def start_entrances(catalog: Catalog, page_url: str = "") -> str:
    """The entrances by age and by kind of support, added below the hand-written start page."""
    ages = list(catalog.age_groups.values())
    kinds = list(catalog.types.values())
    return _render(
        "start.html",
        page_url,
        municipalities=municipality_counts(catalog),
        settings=catalog.settings,
        total=len(catalog.offers),
        age_groups=ages,
        types=kinds,
        age_counts={g.key: len(catalog.offers_for_age_group(g.key)) for g in ages},
        type_counts={t.key: len(catalog.offers_for_type(t.key)) for t in kinds},
    )


def municipality_counts(catalog: Catalog) -> list[tuple[Municipality, int]]:
    """A region's municipalities with how many offers serve each; empty on one municipality's site."""
    counts = Counter(code for offer in catalog.offers for code in offer.municipalities)
    return [(member, counts[member.code]) for member in catalog.settings.municipalities]


def municipality_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    """On a region's site: "Var bor du?" (kommuner/) and one page per municipality with its offers."""
    if not catalog.settings.region:
        return
    src = f"{MUNICIPALITY_SECTION}/index.md"
    heading = "Var bor du?"
    lead = "Välj din kommun. Du ser då stödet som finns där."
    html = _render(
        "municipalities.html", url_of(src), heading=heading, lead=lead, municipalities=municipality_counts(catalog)
    )
    yield GeneratedPage(src, heading, html, lead, _toc(html), "data/webbplats.yml", in_nav=False)
    ages = list(catalog.age_groups.values())
    kinds = list(catalog.types.values())
    for member in catalog.settings.municipalities:
        offers = catalog.offers_for_municipality(member.code)
        src = f"{MUNICIPALITY_SECTION}/{member.slug}.md"
        html = _render(
            "municipality.html",
            url_of(src),
            member=member,
            total=len(offers),
            by_age=[(group, [o for o in offers if o.ages.overlaps(group)]) for group in ages],
            by_type=[(kind, [o for o in offers if kind.key in o.types]) for kind in kinds],
        )
        description = f"Föräldraskapsstöd för dig som bor i {member.name}."
        yield GeneratedPage(src, member.name, html, description, _toc(html), member.source, in_nav=False)


class RenderedPages:
    """Offer pages rendered by earlier builds in this process (`mkdocs serve`).

    An offer's page depends on the offer, on the catalog's settings, vocabularies and day, on the site's
    address and on the templates; it is rendered again when any of them changed, never on other offers.
    Only the last build's pages are kept.
    """

    def __init__(self) -> None:
        self._pages: dict[str, tuple[Offer, bytes, GeneratedPage]] = {}

    def render(self, catalog: Catalog, urls: SiteUrls, workers: int) -> list[GeneratedPage]:
        """Every offer's page, as `offer_page` gives it; only pages that may have changed are rendered."""
        templates = sorted((p.name, p.stat().st_mtime_ns) for p in TEMPLATES.iterdir())
        context = (
            catalog.today,
            catalog.settings,
            catalog.types,
            catalog.organisers,
            catalog.age_groups,
            urls,
            templates,
        )
        render: Callable[[Offer], GeneratedPage] = lambda offer: offer_page(offer, catalog, urls)
        key = fingerprint(context)
        if key is None:
            self._pages = {}
            return parallel.fork_map(render, catalog.offers, workers)

        def reusable(offer: Offer) -> GeneratedPage | None:
            found = self._pages.get(offer.slug)
            if found is not None and found[1] == key and (found[0] is offer or found[0] == offer):
                return found[2]
            return None

        kept = [reusable(offer) for offer in catalog.offers]
        fresh = iter(
            parallel.fork_map(
                render, [o for o, page in zip(catalog.offers, kept, strict=True) if page is None], workers
            )
        )
        result = [page if page is not None else next(fresh) for page in kept]
        self._pages = {offer.slug: (offer, key, page) for offer, page in zip(catalog.offers, result, strict=True)}
        return result


def plan(
    catalog: Catalog, site_url: str | None = None, workers: int = 1, rendered: RenderedPages | None = None
) -> SitePlan:
    """Every page of the site; `site_url` makes the addresses in the pages' JSON-LD absolute.

    With `workers` above 1, the offer pages are rendered in that many processes (`parallel.fork_map`);
    with `rendered`, an offer page that cannot have changed since the last build is not rendered again.
    """
    result = SitePlan()
    result.pages.extend(_pages(catalog, SiteUrls(site_url or ""), workers, rendered))
    result.age_nav = [(g.name, f"{AGE_SECTION}/{g.key}.md") for g in catalog.age_groups.values()]
    result.type_nav = [(t.name, f"{TYPE_SECTION}/{t.key}.md") for t in catalog.types.values()]
    return result


def _pages(
    catalog: Catalog, urls: SiteUrls, workers: int = 1, rendered: RenderedPages | None = None
) -> Iterator[GeneratedPage]:
    ages = list(catalog.age_groups.values())
    kinds = list(catalog.types.values())
    by_age = {g.key: catalog.offers_for_age_group(g.key) for g in ages}
    by_type = {t.key: catalog.offers_for_type(t.key) for t in kinds}
    yield overview_page(
        f"{AGE_SECTION}/index.md",
        "Barnets ålder",
        "Välj hur gammalt ditt barn är, eller om du väntar barn. Du ser då stödet som passar.",
        ages,
        {k: len(v) for k, v in by_age.items()},
        AGE_SECTION,
        "data/aldersgrupper.yml",
        None if catalog.offers else catalog.settings.contact,
    )
    yield overview_page(
        f"{TYPE_SECTION}/index.md",
        "Typ av stöd",
        "Välj vad för slags stöd du söker. Allt stöd är frivilligt.",
        kinds,
        {k: len(v) for k, v in by_type.items()},
        TYPE_SECTION,
        "data/typer.yml",
        None if catalog.offers else catalog.settings.contact,
    )
    cards = OfferCards(catalog)
    for group in ages:
        yield from group_pages(
            group, by_age[group.key], catalog, AGE_SECTION, ages, "Andra åldrar", "data/aldersgrupper.yml", cards
        )
    for kind in kinds:
        yield from group_pages(
            kind, by_type[kind.key], catalog, TYPE_SECTION, kinds, "Andra typer av stöd", "data/typer.yml", cards
        )
    yield finder_page(catalog, urls)
    yield from municipality_pages(catalog)
    if rendered is not None:
        yield from rendered.render(catalog, urls, workers)
    else:
        yield from parallel.fork_map(lambda offer: offer_page(offer, catalog, urls), catalog.offers, workers)
    yield opendata_page(catalog)
    statement = statement_page(catalog)
    if statement is not None:
        yield statement
    yield search_page(catalog)
    # imported here: site/coordination renders with this module's templates
    from stodguiden.site import coordination

    published = coordination.page(catalog)
    if published is not None:
        yield published

"""The search index of a site: a compact JSON file the browser fetches only when the parent starts searching.

Each offer carries what the results page shows (title, summary, ages, kinds) and, per field, the stems of its
words (see wordforms.py): title, search words (its own `sökord`, audiences, areas, languages …), summary and
description. Kinds of support, age groups and organisers are listed once and referred to by number: those are the
words an offer inherits, which sok.js weighs less than its own. Synonyms come in two tables: groups (`synonymer`)
and one-way entries (`narliggande`), which weigh less. How rare a word is among the offers (its weight in a
search) is counted in the browser from the index itself, so it costs no bytes here. Stems already in an earlier
field are not repeated, and the description keeps at most MAX_DESCRIPTION_STEMS stems, so an offer costs well
under 1 KB gzip-compressed however long its text is.
"""

from __future__ import annotations

import gzip
from typing import TYPE_CHECKING, Any

from stodguiden.base.jsontext import inert_json
from stodguiden.base.richtext import plain_text
from stodguiden.language import participation, swedish, wordforms

if TYPE_CHECKING:
    from collections.abc import Iterable

    from stodguiden.model import Catalog, Offer

INDEX_PATH = "sok/index.json"
"""Where the index is written in the site, next to the results page sok/."""
FORMAT = 1
MAX_DESCRIPTION_STEMS = 120
"""Enough for the words of a long description; the first ones are kept, where the text says what it is about."""
MIN_DESCRIPTION_STEM = 3


def _stems(texts: Iterable[str], already: set[str], limit: int | None = None, min_length: int = 1) -> str:
    """Space-separated stems of `texts` that are not in `already` (which is updated)."""
    found: list[str] = []
    for text in texts:
        for stem in wordforms.iter_stems(text):
            if stem in already or len(stem) < min_length:
                continue
            already.add(stem)
            found.append(stem)
            if limit is not None and len(found) >= limit:
                return " ".join(found)
    return " ".join(found)


def _offer_entry(
    offer: Offer,
    catalog: Catalog,
    type_index: dict[str, int],
    group_index: dict[str, int],
    organiser_index: dict[str, int],
) -> dict[str, Any]:
    seen: set[str] = set()
    title = _stems([offer.title], seen)
    search_words = [*offer.keywords, *offer.audiences]
    if offer.basis:
        search_words.append(offer.basis.name)
    search_words += [place.area for place in offer.places if place.area]
    search_words += [name for code in offer.languages if (name := swedish.language_name(code))]
    # a round's own languages and audience (contract v2): a parent searching "arabiska" or "pappor" finds it
    search_words += [name for r in offer.rounds for code in r.languages if (name := swedish.language_name(code))]
    search_words += [r.for_whom for r in offer.rounds if r.for_whom]
    if offer.online:
        search_words += ["på nätet", "digitalt"]
    if offer.cost and offer.cost.free:
        search_words += ["kostnadsfritt", "gratis"]
    search_words += participation.search_words(offer)
    keywords = _stems(search_words, seen)
    summary = _stems([offer.summary], seen)
    description_texts = [plain_text(offer.description_html)]
    if offer.basis and offer.basis.description:
        description_texts.append(offer.basis.description)
    description = _stems(description_texts, seen, MAX_DESCRIPTION_STEMS, MIN_DESCRIPTION_STEM)
    ages = offer.ages
    low, high = ages.years or (None, None)  # as the finder: "från 4 år" is 4–17, months count as their years
    return {
        "u": offer.slug,
        "t": offer.title,
        "s": offer.summary,
        "a": swedish.ages(ages),
        "al": [low, high, int(ages.expecting)],
        "y": [type_index[key] for key in offer.types],
        "g": [group_index[group.key] for group in catalog.age_groups_of(offer)],
        "o": [organiser_index[key] for key in offer.organisers if key in organiser_index],
        "f": [title, keywords, summary, description],
        **({"m": list(offer.municipalities)} if catalog.serves_some(offer) else {}),  # none: all of them
    }


def build(catalog: Catalog) -> dict[str, Any]:
    """The index as a JSON-ready dict: rules, synonyms, shared vocabularies and one entry per offer."""
    types = list(catalog.types.values())
    groups = list(catalog.age_groups.values())
    organisers = list(catalog.organisers.values())
    type_index = {t.key: i for i, t in enumerate(types)}
    group_index = {g.key: i for i, g in enumerate(groups)}
    organiser_index = {o.key: i for i, o in enumerate(organisers)}
    synonyms, related = wordforms.synonym_tables()
    return {
        "format": FORMAT,
        "regler": wordforms.rules().as_json(),
        "synonymer": synonyms,
        "narliggande": related,
        "typer": [{"n": t.name, "f": _stems([t.name, *t.keywords], set())} for t in types],
        "grupper": [{"n": g.name, "f": _stems([g.name, *g.keywords], set())} for g in groups],
        "arrangorer": [_stems([o.name], set()) for o in organisers],
        "erbjudanden": [_offer_entry(o, catalog, type_index, group_index, organiser_index) for o in catalog.offers],
    }


def to_json(index: dict[str, Any]) -> str:
    """Compact JSON; <, > and & are escaped too, so the text stays inert wherever the file ends up."""
    return inert_json(index)


def gzip_size(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))

"""The yearly follow-up for a municipality's annual report: counts of offers, rounds and participants by age
group, kind, level, organiser, area, language and programme (and municipality, on a region's site), with the
year before alongside.

Counts of people below SMALL are written as "färre än 5" in every published form (CSV, JSON, Markdown), so no
one can be singled out. A dimension is one entry in `DIMENSIONS`.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, fields
from functools import cache
from typing import TYPE_CHECKING

from stodguiden.base.collation import sort_key
from stodguiden.language.swedish import language_name
from stodguiden.outputs.overview import LEVELS, ONLINE, Context, in_person_areas, offer_languages

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from stodguiden.model import Offer

SMALL = 5
FEW = "färre än 5"
"""How a count of people from 1 to SMALL - 1 is written; 0 is written as 0, since it tells nothing of anyone."""
TOTAL = "Alla erbjudanden"


@dataclass(frozen=True)
class Counts:
    """One row's figures for one year. Offers and rounds are not people; the rest are (`PEOPLE`)."""

    erbjudanden: int = 0
    omgångar: int = 0
    inställda: int = 0
    platser: int = 0
    anmälda: int = 0
    startade: int = 0
    fullföljde: int = 0


PEOPLE = ("anmälda", "startade", "fullföljde")
COLUMNS = tuple(f.name for f in fields(Counts))


def shown(name: str, value: int) -> int | str:
    """A count as it may be published: people counted 1–4 become "färre än 5"."""
    return FEW if name in PEOPLE and 0 < value < SMALL else value


def _of_offer(offer: Offer, year: int) -> Counts:
    """One offer's figures for the year: its rounds that start in `year`."""
    rounds = [r for r in offer.rounds if r.start.year == year]
    held = [r for r in rounds if r.status != "inställd"]
    follow = [r.follow_up for r in held if r.follow_up is not None]
    return Counts(
        erbjudanden=1,
        omgångar=len(held),
        inställda=len(rounds) - len(held),
        platser=sum(f.places or 0 for f in follow),
        anmälda=sum(f.signed_up or 0 for f in follow),
        startade=sum(f.started or 0 for f in follow),
        fullföljde=sum(f.completed or 0 for f in follow),
    )


def _sum(parts: Sequence[Counts]) -> Counts:
    return Counts(*(sum(getattr(part, name) for part in parts) for name in COLUMNS))


def counts(offers: Sequence[Offer], year: int) -> Counts:
    """The year's figures for these offers: each offer once, each of its rounds that starts in `year`."""
    return _sum([_of_offer(o, year) for o in offers])


Dimension = tuple[str, "Callable[[Offer, Context], list[str]]"]


def _municipalities(offer: Offer, context: Context) -> list[str]:
    """On a region's site, each municipality the offer serves (a shared offer counts in each); none otherwise."""
    return [m.name for m in context.municipalities if m.code in offer.municipalities]


def _age_groups(offer: Offer, context: Context) -> list[str]:
    return [g.name for g in context.age_groups if offer.ages.overlaps(g)]


def _kinds(offer: Offer, context: Context) -> list[str]:
    names = context.kind_names
    return [names.get(key, key) for key in offer.types]


def _level(offer: Offer, context: Context) -> list[str]:
    return [LEVELS[offer.level]] if offer.level else ["Ingen nivå angiven"]


def _organisers(offer: Offer, context: Context) -> list[str]:
    return [context.organisers[key].name if key in context.organisers else key for key in offer.organisers]


def _areas(offer: Offer, context: Context) -> list[str]:
    found = in_person_areas(offer)
    ordered = [a for a in context.areas if a in found] + sorted(found - set(context.areas))
    return ordered + ([ONLINE] if offer.online else [])


@cache
def _language(code: str) -> str:
    return language_name(code) or code


def _languages(offer: Offer, context: Context) -> list[str]:
    return sorted(_language(code) for code in offer_languages(offer))


def _programme(offer: Offer, context: Context) -> list[str]:
    names = context.programme_names
    return [names.get(offer.programme, offer.programme)] if offer.programme else []


DIMENSIONS: tuple[Dimension, ...] = (
    ("Kommun", _municipalities),
    ("Åldersgrupp", _age_groups),
    ("Typ av stöd", _kinds),
    ("Nivå", _level),
    ("Arrangör", _organisers),
    ("Område", _areas),
    ("Språk", _languages),
    ("Program", _programme),
)
"""Each dimension of the export and the values an offer counts under (an offer can count under several)."""


@dataclass(frozen=True)
class Row:
    dimension: str
    value: str
    year: Counts
    before: Counts | None
    """The same row the year before, from the repository's history; None when there is none."""


@dataclass(frozen=True)
class Report:
    label: str
    year: int
    rows: tuple[Row, ...]
    has_before: bool


def _groups(offers: Sequence[Offer], context: Context, year: int) -> dict[tuple[str, str], list[Counts]]:
    """Each row's offers' figures, each offer's figures made once."""
    groups: dict[tuple[str, str], list[Counts]] = {("Totalt", TOTAL): []}
    for offer in offers:
        figures = _of_offer(offer, year)
        groups[("Totalt", TOTAL)].append(figures)
        for dimension, values in DIMENSIONS:
            for value in values(offer, context):
                groups.setdefault((dimension, value), []).append(figures)
    return groups


def report(
    offers: Sequence[Offer],
    context: Context,
    year: int,
    label: str,
    before: tuple[Sequence[Offer], Context] | None = None,
) -> Report:
    """The year's rows; with `before` (the offers and context of the year before), its figures alongside.

    Rows come in the order of DIMENSIONS, each dimension's values in Swedish alphabetical order."""
    now = _groups(offers, context, year)
    then = _groups(before[0], before[1], year - 1) if before else {}
    keys = list(now) + [key for key in then if key not in now]
    order = {name: index for index, name in enumerate(["Totalt", *(d for d, _ in DIMENSIONS)])}
    keys.sort(key=lambda key: (order[key[0]], sort_key(key[1])))
    rows = tuple(
        Row(
            dimension,
            value,
            _sum(now.get((dimension, value), [])),
            _sum(then.get((dimension, value), [])) if before else None,
        )
        for dimension, value in keys
    )
    return Report(label, year, rows, before is not None)


def _headers(result: Report) -> list[str]:
    titles = {"erbjudanden": "Erbjudanden", "omgångar": "Omgångar", "inställda": "Inställda omgångar"}
    names = [titles.get(c, c.capitalize()) for c in COLUMNS]
    headers = ["Indelning", "Värde", *(f"{n} {result.year}" for n in names)]
    if result.has_before:
        headers += [f"{n} {result.year - 1}" for n in names]
    return headers


def _cells(counts_: Counts | None) -> list[int | str]:
    if counts_ is None:
        return []
    return [shown(c, getattr(counts_, c)) for c in COLUMNS]


def to_csv(result: Report) -> bytes:
    """CSV that Swedish Excel opens as it is: UTF-8 with a byte order mark, semicolons between columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(_headers(result))
    for row in result.rows:
        writer.writerow([row.dimension, row.value, *_cells(row.year), *_cells(row.before)])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def to_json(result: Report) -> str:
    def figures(counts_: Counts | None) -> dict[str, int | str] | None:
        return None if counts_ is None else dict(zip(COLUMNS, _cells(counts_), strict=True))

    data = {
        "kommun": result.label,
        "år": result.year,
        "om": f"Antal personer under {SMALL} står som {FEW!r}. Förra årets siffror kommer ur git-historiken.",
        "rader": [
            {
                "indelning": row.dimension,
                "värde": row.value,
                str(result.year): figures(row.year),
                str(result.year - 1): figures(row.before),
            }
            for row in result.rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def markdown(result: Report) -> str:
    headers = _headers(result)
    lines = [
        f"## Uppföljning {result.year}: {result.label}",
        "",
        f"Antal personer under {SMALL} står som {FEW}."
        + ("" if result.has_before else " Det finns inga uppgifter om året innan i historiken."),
        "",
        "| " + " | ".join(headers) + " |",
        "| --- | --- |" + " ---: |" * (len(headers) - 2),
    ]
    lines += [
        "| " + " | ".join(str(c) for c in [row.dimension, row.value, *_cells(row.year), *_cells(row.before)]) + " |"
        for row in result.rows
    ]
    return "\n".join(lines) + "\n"

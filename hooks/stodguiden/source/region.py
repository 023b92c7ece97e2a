"""A site for several municipalities (a county or region): each municipality's settings, which municipalities
an offer serves, the rules across them, and one municipality's own site cut from the whole."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from stodguiden.base import municipalities
from stodguiden.base.collation import sort_key
from stodguiden.base.problems import Problem
from stodguiden.language.swedish import listing
from stodguiden.model import Catalog, Municipality, Settings
from stodguiden.source.datafiles import MUNICIPALITY_DIR, OFFER_DIR
from stodguiden.source.vocabularies import colour_problems, contact_from, contact_problems, counties_of, logo_of

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from stodguiden.source.schemawalk import Document

MUNICIPALITY_VARIABLE = "STODGUIDEN_KOMMUN"
"""Set to a municipality's SCB code to build that municipality's own site from a region's data."""
ALL = "alla"
"""`kommuner: alla`: the offer serves every municipality of the region."""


class MunicipalityError(ValueError):
    """The municipality to build for, from the environment, is not one of the region's."""


def municipality(
    doc: Document, slug: str, docs_dir: Path | None = None, example: bool = False
) -> tuple[Municipality | None, list[Problem]]:
    """One municipality of a region site, from its `data/kommuner/<slug>/kommun.yml`."""
    data = doc.data
    problems: list[Problem] = []
    if not isinstance(data, dict) or not {"namn", "kommunkod", "kontakt"} <= data.keys():
        return None, problems
    code = data["kommunkod"]
    message = municipalities.code_problem(code, example=example) if doc.clean("kommunkod") else None
    if message:
        problems.append(Problem(doc.path, doc.line("kommunkod"), message))
    problems += contact_problems(doc, data["kontakt"], "kontakt")
    colours = data.get("färger", {})
    problems += colour_problems(doc, colours)
    result = Municipality(
        slug=slug,
        code=code,
        name=data["namn"],
        contact=contact_from(data["kontakt"]),
        source=doc.path,
        areas=tuple(data.get("områden", ())),
        primary_colour=colours.get("primär"),
        accent_colour=colours.get("accent"),
        logo=logo_of(doc, data.get("logotyp"), docs_dir, problems),
        owner=data.get("ägare"),
    )
    return result, problems


REGION_ONLY_ELSEWHERE = ("kommunkod", "områden")
"""Settings of one municipality, which a region's data/webbplats.yml leaves to each data/kommuner/*/kommun.yml."""


def region_problems(doc: Document, members: list[tuple[Municipality, Document]], example: bool) -> list[Problem]:
    """What is wrong with a region's settings and its municipalities taken together."""
    data = doc.data if isinstance(doc.data, dict) else {}
    problems: list[Problem] = []
    for key in REGION_ONLY_ELSEWHERE:
        if key in data:
            problems.append(
                Problem(
                    doc.path,
                    doc.line(key),
                    f"Fältet {key} hör till en kommun. På en webbplats för flera kommuner står det i varje "
                    f"kommuns data/kommuner/<mapp>/kommun.yml. Ta bort fältet här.",
                )
            )
    counties = counties_of(data.get("län", ()))
    if "län" not in data:
        problems.append(
            Problem(
                doc.path,
                1,
                "En webbplats för flera kommuner (med mappen data/kommuner) behöver fältet län: SCB:s länskod, "
                'till exempel län: "23".',
            )
        )
    for index, code in enumerate(counties):
        message = municipalities.county_problem(code, example=example)
        if message:
            pointer: tuple[str | int, ...] = ("län",) if isinstance(data.get("län"), str) else ("län", index)
            problems.append(Problem(doc.path, doc.line(*pointer), message))
    first: dict[str, Municipality] = {}
    for member, member_doc in members:
        if member.code in first:
            problems.append(
                Problem(
                    member.source,
                    member_doc.line("kommunkod"),
                    f"Kommunkoden {member.code} finns redan i {first[member.code].source}. Varje kommun har en "
                    "mapp: flytta erbjudandena dit och ta bort den här mappen, eller rätta koden.",
                )
            )
            continue
        first[member.code] = member
        if counties and member.code[:2] not in counties:
            problems.append(
                Problem(
                    member.source,
                    member_doc.line("kommunkod"),
                    _other_county(member.code, counties),
                )
            )
    return problems


def _other_county(code: str, counties: tuple[str, ...]) -> str:
    known = municipalities.municipalities().get(code)
    where = f" ({known.name}) ligger i {known.county.name}, men" if known else " hör inte till länen i"
    return (
        f"Kommunkoden {code}{where} data/webbplats.yml har län: {listing(list(counties))}. Rätta koden, "
        f"eller lägg till länet {code[:2]} i fältet län."
    )


def served(doc: Document, settings: Settings | None, home: str | None) -> tuple[tuple[str, ...], list[Problem]]:
    """The codes of the municipalities an offer serves (`kommuner`), and what is wrong with the field.

    On a region site, an offer in a municipality's folder (`home`, the folder's name) serves that one, and a
    shared offer in data/erbjudanden names its municipalities or `alla`. On a single municipality's site the
    field is optional, and may only name the site's own municipality: the result is then empty.
    """
    data = doc.data if isinstance(doc.data, dict) else {}
    value: Any = data.get("kommuner")
    if settings is None or not doc.clean("kommuner"):
        return (), []
    if isinstance(value, list) and ALL in value:
        if len(value) > 1:
            return (), [
                Problem(
                    doc.path,
                    doc.line("kommuner"),
                    "Skriv antingen kommuner: alla eller kommunernas koder, inte båda. Alla betyder hela regionen.",
                )
            ]
        value = ALL  # [alla], as the form writes it, is alla
    if not settings.region:
        return (), _single_problems(doc, settings, value)
    if home is not None:
        member = next((m for m in settings.municipalities if m.slug == home), None)
        if member is None:
            return (), []
        if value is None:
            return (member.code,), []
        folder = f"data/{MUNICIPALITY_DIR}/{home}/{OFFER_DIR}"
        return (member.code,), [
            Problem(
                doc.path,
                doc.line("kommuner"),
                f"Ett erbjudande i {folder} gäller bara {member.name}. Ta bort fältet kommuner, eller flytta "
                f"filen till data/{OFFER_DIR} om erbjudandet finns i flera kommuner.",
            )
        ]
    if value is None:
        example = ", ".join(f'"{m.code}"' for m in settings.municipalities[:2])
        return (), [
            Problem(
                doc.path,
                1,
                "Fältet kommuner saknas. Ett gemensamt erbjudande i data/erbjudanden ska säga vilka kommuner det "
                f"finns för, till exempel kommuner: [{example}], eller kommuner: alla för hela regionen.",
            )
        ]
    codes = {m.code for m in settings.municipalities}
    if value == ALL:
        return tuple(m.code for m in settings.municipalities), []
    problems = []
    for index, code in enumerate(value):
        message = municipalities.code_problem(code, example=settings.example)
        if message is None and code not in codes:
            message = (
                f"Kommunkoden {code} finns inte på webbplatsen: det finns ingen kommun med den koden i "
                f"data/{MUNICIPALITY_DIR}. {_choose(settings)}"
            )
        if message:
            problems.append(Problem(doc.path, doc.line("kommuner", index), message))
    return tuple(code for code in value if code in codes), problems


CHOICES_NAMED = 8
"""Up to this many municipalities, a message about a code names them all."""


def _choose(settings: Settings) -> str:
    if len(settings.municipalities) > CHOICES_NAMED:
        return f"Skriv en kod som står i en data/{MUNICIPALITY_DIR}/<mapp>/kommun.yml, eller skriv alla."
    chosen = ", ".join(f"{m.code} ({m.name})" for m in settings.municipalities)
    return f"Välj bland {chosen}, eller skriv alla."


def _single_problems(doc: Document, settings: Settings, value: Any) -> list[Problem]:
    own = settings.municipality_code
    if value is None or value == ALL or (own is not None and list(value) == [own]):
        return []
    fix = f'skriv bara kommuner: ["{own}"]' if own else "skriv kommuner: alla"
    return [
        Problem(
            doc.path,
            doc.line("kommuner"),
            f"Webbplatsen är för en kommun, {settings.municipality}. Ta bort fältet kommuner, eller {fix}.",
        )
    ]


def with_municipalities(settings: Settings, members: list[Municipality]) -> Settings:
    """The region's settings with its municipalities, in name order."""
    ordered = sorted(members, key=lambda m: (sort_key(m.name), m.code))
    return replace(settings, municipalities=tuple(ordered))


def narrow(catalog: Catalog, environ: Mapping[str, str] = os.environ) -> Catalog:
    """The catalog as it is, or, with STODGUIDEN_KOMMUN set, one municipality's own site cut from a region:
    its offers and the shared offers that serve it, its name, contact, areas, colours and logo."""
    code = environ.get(MUNICIPALITY_VARIABLE, "").strip()
    if not code:
        return catalog
    settings = catalog.settings
    if not settings.region:
        raise MunicipalityError(
            f"{MUNICIPALITY_VARIABLE}={code}: variabeln gäller bara en webbplats för flera kommuner (med mappen "
            f"data/{MUNICIPALITY_DIR}). Bygg utan den."
        )
    member = settings.member(code)
    if member is None:
        known = ", ".join(f"{m.code} ({m.name})" for m in settings.municipalities)
        raise MunicipalityError(
            f"{MUNICIPALITY_VARIABLE}={code}: kommunen finns inte på webbplatsen. Välj en av: {known}."
        )
    own = replace(
        settings,
        name=f"Föräldraskapsstöd i {member.name}",
        municipality=member.name,
        municipality_code=member.code,
        contact=member.contact,
        description=f"Kurser, grupper, samtal och mötesplatser för dig som är förälder i {member.name}.",
        areas=member.areas,
        primary_colour=member.primary_colour or settings.primary_colour,
        accent_colour=member.accent_colour or settings.accent_colour,
        logo=member.logo or settings.logo,
        municipalities=(),
        counties=(),
    )
    offers = tuple(offer for offer in catalog.offers if code in offer.municipalities)
    return replace(catalog, settings=own, offers=offers)

"""Sweden's 21 counties and 290 municipalities with their SCB codes, from the shipped list `kommuner.yml`.

Codes and names in editors' files are checked against it, and a site's municipality is found by name.
Codes starting with 99 are not in the list: they are fictional, for example data only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from stodguiden.base import shipped

if TYPE_CHECKING:
    from collections.abc import Mapping

LIST = Path(__file__).with_name("kommuner.yml")
EXAMPLE_PREFIX = "99"
"""Codes for fictional counties and municipalities in example data (`exempel: true`); SCB uses none of them."""
_SUFFIXES = ("kommun", "stad")


@dataclass(frozen=True)
class County:
    code: str
    """Two digits, "23"."""
    name: str
    """"Jämtlands län"."""


@dataclass(frozen=True)
class Municipality:
    code: str
    """Four digits, the first two the county's: "2309"."""
    name: str
    """The short name, as in SCB's list: "Krokom"."""
    official_name: str
    """The name the municipality uses for itself: "Krokoms kommun", "Falu kommun", "Malmö stad"."""
    county: County
    other_names: tuple[str, ...] = ()
    """Further names to find it by: "Region Gotland"."""


@cache
def _load() -> tuple[Mapping[str, County], Mapping[str, Municipality]]:
    data = shipped.load(LIST)
    counties: dict[str, County] = {}
    municipalities: dict[str, Municipality] = {}
    for entry in data["län"]:
        county = County(entry["kod"], entry["namn"])
        counties[county.code] = county
        for item in entry["kommuner"]:
            municipality = Municipality(
                item["kod"], item["namn"], item["officiellt"], county, tuple(item.get("även", ()))
            )
            municipalities[municipality.code] = municipality
    return MappingProxyType(counties), MappingProxyType(municipalities)


def municipalities() -> Mapping[str, Municipality]:
    """Every municipality by its code, in the list's order (by county, then code)."""
    return _load()[1]


def counties() -> Mapping[str, County]:
    """Every county by its code."""
    return _load()[0]


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def _names(municipality: Municipality) -> set[str]:
    """Every spelling `find` accepts: the short and official names, the genitive alone ("Krokoms") and with
    "kommun" or "stad" (the legal name of a municipality that calls itself stad ends in kommun)."""
    genitive = municipality.official_name.rsplit(" ", 1)[0]
    names = {municipality.name, municipality.official_name, genitive, *municipality.other_names}
    names |= {f"{form} {suffix}" for form in (municipality.name, genitive) for suffix in _SUFFIXES}
    return {_key(name) for name in names}


@cache
def _index() -> Mapping[str, Municipality]:
    index: dict[str, Municipality] = {}
    for municipality in municipalities().values():
        for name in _names(municipality):
            index.setdefault(name, municipality)
    return MappingProxyType(index)


def find(name: str) -> Municipality | None:
    """The municipality called `name` ("Krokom", "krokoms kommun", "Krokoms", "Region Gotland"), or None."""
    return _index().get(_key(name))


def code_problem(code: str, *, example: bool = False) -> str | None:
    """Why `code` is not a municipality's SCB code, in Swedish with the likely right one; None when it is.

    With `example`, codes starting with 99 (fictional, for example data) are accepted too.
    """
    if not re.fullmatch(r"[0-9]{4}", code):
        return f'Kommunkoden "{code}" ska vara fyra siffror, till exempel "2309" för Krokom.'
    if code in municipalities() or (example and code.startswith(EXAMPLE_PREFIX)):
        return None
    county = counties().get(code[:2])
    if county is None:
        return (
            f"Kommunkoden {code} finns inte: inget län har koden {code[:2]}.{_example_note(code)} "
            "Alla kommunkoder finns i hooks/stodguiden/base/kommuner.yml."
        )
    same_county = [m for m in municipalities().values() if m.county == county]
    nearest = min(same_county, key=lambda m: (abs(int(m.code) - int(code)), m.code))
    return f"Kommunkoden {code} finns inte. Menade du {nearest.code} ({nearest.name})?"


def county_problem(code: str, *, example: bool = False) -> str | None:
    """Why `code` is not a county's SCB code (län), in Swedish; None when it is (or, with `example`, is 99)."""
    if not re.fullmatch(r"[0-9]{2}", code):
        return f'Länskoden "{code}" ska vara två siffror, till exempel "23" för Jämtlands län.'
    if code in counties() or (example and code == EXAMPLE_PREFIX):
        return None
    nearest = min(counties().values(), key=lambda c: (abs(int(c.code) - int(code)), c.code))
    guess = "" if code == EXAMPLE_PREFIX else f" Menade du {nearest.code} ({nearest.name})?"
    return (
        f"Länskoden {code} finns inte.{_example_note(code)}{guess} "
        "Alla länskoder finns i hooks/stodguiden/base/kommuner.yml."
    )


def _example_note(code: str) -> str:
    if code.startswith(EXAMPLE_PREFIX):
        return " Koder som börjar med 99 går bara i exempeldata (exempel: true)."
    return ""

"""Sweden's municipalities and counties with their SCB codes, from the shipped list `kommuner.yml`.

TEMPORARY stand-in with the agreed API: helper `starta` ships the real module and list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from collections.abc import Mapping

LIST_FILE = Path(__file__).with_name("kommuner.yml")
EXAMPLE_PREFIX = "99"
"""Codes of fictional counties and municipalities, accepted in sample data (`exempel: true`)."""


@dataclass(frozen=True)
class County:
    code: str
    name: str


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    official_name: str
    county: County


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(LIST_FILE.read_text(encoding="utf-8"))
    return data


@cache
def counties() -> Mapping[str, County]:
    return {code: County(code, name) for code, name in _data()["län"].items()}


def _official(name: str) -> str:
    return f"{name} kommun" if name.endswith("s") else f"{name}s kommun"


@cache
def municipalities() -> Mapping[str, Municipality]:
    return {
        code: Municipality(code, name, _official(name), counties()[code[:2]])
        for code, name in _data()["kommuner"].items()
    }


def find(name: str) -> Municipality | None:
    wanted = name.strip().casefold()
    return next(
        (m for m in municipalities().values() if wanted in (m.name.casefold(), m.official_name.casefold())), None
    )


def code_problem(code: str, *, example: bool = False) -> str | None:
    if (example and code.startswith(EXAMPLE_PREFIX)) or code in municipalities():
        return None
    near = sorted(municipalities().values(), key=lambda m: abs(int(m.code) - int(code)) if code.isdigit() else 0)
    if near and code.isdigit():
        return f"Kommunkoden {code} finns inte. Menade du {near[0].code} ({near[0].name})?"
    return f"Kommunkoden {code} finns inte. Skriv SCB:s kommunkod med fyra siffror."


def county_problem(code: str, *, example: bool = False) -> str | None:
    if (example and code.startswith(EXAMPLE_PREFIX)) or code in counties():
        return None
    return f"Länskoden {code} finns inte. Skriv SCB:s länskod med två siffror, till exempel 23 för Jämtlands län."

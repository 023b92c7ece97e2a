"""Shared by the validation tests: the minimal fixture site copied to a temporary folder, and checked."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from stodguiden.base.problems import Problem, sort_key
from stodguiden.source.catalog import load

if TYPE_CHECKING:
    from stodguiden.model import Catalog

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "sites" / "minimal"
INVALID = ROOT / "tests" / "fixtures" / "invalid"
TODAY = date(2027, 1, 18)
"""Every check runs as on this day, never on the real calendar."""
OFFER = "data/erbjudanden/oppen-forskola.yml"
VALID_OFFER = """\
titel: Öppen förskola
sammanfattning: Lek och fika för dig och ditt barn.
ålder:
  från: 0
  till: 5
typer: [grupper]
arrangör: kyrkan
anmälan:
  behövs: false
kontakt:
  telefon: 0123-456 78
"""
"""The same valid offer the fixture cases in tests/fixtures/invalid start from."""


def minimal_site(target: Path) -> Path:
    """A copy of the minimal fixture site's data/ in `target`, which is returned."""
    shutil.copytree(MINIMAL / "data", target / "data")
    return target


def check(
    root: Path, changed: frozenset[str] = frozenset(), pages: bool = True
) -> tuple[Catalog | None, list[Problem]]:
    """Load `root` as on TODAY, with no STODGUIDEN_IDAG from the environment; problems sorted.

    `changed`: the files a pull request changes, as `hooks/check.py --base` finds them.
    `pages`: false to load as `hooks/check.py` does, making nothing that only pages need."""
    catalog, problems = load(root, today=TODAY, environ={}, changed=changed, pages=pages)
    return catalog, sorted(problems, key=sort_key)


def lines(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]

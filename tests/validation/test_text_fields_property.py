"""Any Unicode text in any free-text field gives either clean Swedish problems or a valid catalog."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from validation_helpers import OFFER, check, minimal_site

Offer = dict[str, Any]
# The words our messages start with; anything else would be a message nobody wrote.
SWEDISH_START = re.compile(r"^(Fältet|Filen|Raden|Telefonnumret|Det finns|Området|Ett fältnamn|Här|Texten)\b")
# Arbitrary text is mostly refused for its control characters; this reaches the other rules more often.
PRINTABLE_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=2)
NOT_FOR_EDITORS = ("Traceback", "Error", "<class", "None", "tag:yaml.org", "\\u", "object at 0x")


def base_offer() -> Offer:
    return {
        "titel": "Öppen förskola",
        "sammanfattning": "Lek och fika för dig och ditt barn.",
        "ålder": {"från": 0, "till": 5},
        "typer": ["grupper"],
        "arrangör": "kyrkan",
        "anmälan": {"behövs": True, "hur": "Ring förskolan och säg att du vill komma."},
        "kontakt": {"namn": "Förskolans reception", "telefon": "0123-456 78"},
        "beskrivning": "Vi leker och fikar.",
        "plats": [{"namn": "Kyrkans barnrum"}],
        "målgrupp": ["föräldrar"],
        "sökord": ["lek"],
    }


def setter(*path: str | int) -> Callable[[Offer, str], None]:
    def put(offer: Offer, text: str) -> None:
        target: Any = offer
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = text

    return put


FIELDS = {
    "titel": setter("titel"),
    "sammanfattning": setter("sammanfattning"),
    "beskrivning": setter("beskrivning"),
    "anmälan.hur": setter("anmälan", "hur"),
    "kontakt.namn": setter("kontakt", "namn"),
    "plats.namn": setter("plats", 0, "namn"),
    "målgrupp": setter("målgrupp", 0),
    "sökord": setter("sökord", 0),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Module-scoped: hypothesis runs many examples in one test, and rewrites only the offer file.
    return minimal_site(tmp_path_factory.mktemp("egenskap"))


def test_the_base_offer_is_valid(site: Path) -> None:
    (site / OFFER).write_text(yaml.safe_dump(base_offer(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalog, problems = check(site)
    assert [str(p) for p in problems] == []
    assert catalog is not None and "oppen-forskola" in [o.slug for o in catalog.offers]


@pytest.mark.parametrize("field", FIELDS)
@settings(max_examples=50, deadline=None)
@given(text=st.one_of(st.text(), PRINTABLE_TEXT))
def test_any_text_gives_clean_problems_or_a_catalog(site: Path, field: str, text: str) -> None:
    offer = base_offer()
    FIELDS[field](offer, text)
    (site / OFFER).write_text(yaml.safe_dump(offer, allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalog, problems = check(site)  # must not raise
    errors = [p for p in problems if p.is_error]
    assert (catalog is None) == bool(errors)
    if catalog is not None:
        assert "oppen-forskola" in [o.slug for o in catalog.offers]
    line_count = (site / OFFER).read_text(encoding="utf-8").count("\n")
    for problem in problems:
        assert problem.path == OFFER, str(problem)
        assert 1 <= problem.line <= line_count
        assert SWEDISH_START.match(problem.message), problem.message
        ours = problem.message
        for editors_text in (text, text.strip(), text.strip()[:59]):  # quoted whole, or cut short
            ours = ours.replace(editors_text, "") if editors_text else ours
        assert not any(word in ours for word in NOT_FOR_EDITORS), problem.message

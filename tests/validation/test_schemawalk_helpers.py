"""The small helpers every message is built from: field names, suggestions and file names."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from stodguiden.source.schemawalk import field_name, slugify, suggest

OFFER_FIELDS = list(json.loads((ROOT / "schema" / "erbjudande.schema.json").read_text(encoding="utf-8"))["properties"])
"""The top-level fields of an offer file, as the schema declares them."""


@pytest.mark.parametrize(
    ("pointer", "name"),
    [
        ((), "filen"),
        (("titel",), "titel"),
        (("kontakt", "e-post"), "e-post i kontakt"),
        (("typer", 0), "typer nr 1"),
        (("omgångar", 1, "start"), "start i omgångar nr 2"),
        (("plats", 0, "område"), "område i plats nr 1"),
        (("sma-barn", "till"), "till i sma-barn"),
    ],
)
def test_field_name(pointer: tuple[str | int, ...], name: str) -> None:
    assert field_name(pointer) == name


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("sammanfatning", "sammanfattning"),
        ("alder", "ålder"),
        ("Ålder", "ålder"),
        ("arrangor", "arrangör"),
        ("anmalan", "anmälan"),
        ("sokord", "sökord"),
        ("omgangar", "omgångar"),
        ("publicera-till", "publicera_till"),
        ("titl", "titel"),
        ("granskat", "granskad"),
    ],
)
def test_suggest_finds_the_field_that_was_meant(typed: str, meant: str) -> None:
    assert suggest(typed, OFFER_FIELDS) == meant


@pytest.mark.parametrize("typed", ["pris", "x", "hemsida", ""])
def test_suggest_gives_nothing_when_nothing_is_close(typed: str) -> None:
    assert suggest(typed, OFFER_FIELDS) is None


def test_suggest_with_no_choices() -> None:
    assert suggest("grupper", []) is None


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Öppna förskolan", "oppna-forskolan"),
        ("Komet", "komet"),
        ("Babysång i kyrkan", "babysang-i-kyrkan"),
        ("ICDP – Vägledande samspel", "icdp-vagledande-samspel"),
        ("  --Föräldrakurs 2027!!  ", "foraldrakurs-2027"),
        ("mitt_erbjudande.v2", "mitt-erbjudande-v2"),
        ("Ærø Ølstue", "aero-olstue"),
        ("Ça va", "ca-va"),
        ("!!!", ""),
        ("", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug

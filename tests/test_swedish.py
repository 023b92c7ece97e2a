"""Dates, times, ages, money and order as Swedes write them."""

from __future__ import annotations

from datetime import date, time

import pytest

from stodguiden.base.collation import sort_key
from stodguiden.language import swedish
from stodguiden.model import Ages, TimeRange


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2027, 1, 15), "15 januari 2027"),
        (date(2027, 10, 1), "1 oktober 2027"),
        (date(2028, 2, 29), "29 februari 2028"),
    ],
)
def test_day(value: date, expected: str) -> None:
    assert swedish.day(value) == expected


def test_day_with_weekday_and_clock() -> None:
    assert swedish.day_with_weekday(date(2027, 1, 15)) == "fredag 15 januari 2027"
    assert swedish.clock(TimeRange(time(18), time(20, 30))) == "kl. 18.00–20.30"
    assert swedish.weekday_plural(date(2027, 2, 2)) == "tisdagar"
    assert swedish.weekday_plural("lördag") == "lördagar"


@pytest.mark.parametrize(
    ("ages", "expected"),
    [
        (Ages(3, 11), "3–11 år"),
        (Ages(0, 0), "Under 1 år"),
        (Ages(5, 5), "5 år"),
        (Ages(None, None, expecting=True), "Väntar barn"),
        (Ages(0, 1, expecting=True), "Väntar barn och 0–1 år"),
    ],
)
def test_ages(ages: Ages, expected: str) -> None:
    assert swedish.ages(ages) == expected


def test_kronor_and_listing() -> None:
    assert swedish.kronor(0) == "Kostnadsfritt"
    assert swedish.kronor(1200) == "1 200 kronor"
    assert swedish.listing(["svenska"]) == "svenska"
    assert swedish.listing(["svenska", "arabiska", "somaliska"]) == "svenska, arabiska och somaliska"


def test_phone_numbers() -> None:
    assert swedish.phone_display("0123-45678") == "0123-456 78"
    assert swedish.phone_uri("0123-456 78") == "tel:+4612345678"
    assert swedish.parse_phone("0123") is None


def test_language_names() -> None:
    assert swedish.language_name("ar") == "arabiska"
    assert swedish.language_name("so") == "somaliska"
    assert swedish.language_name("xx") is None


def test_swedish_alphabetical_order() -> None:
    words = ["Öppen förskola", "Ågrupp", "Ängla", "Zebra", "Éclair", "abc"]
    assert sorted(words, key=sort_key) == ["abc", "Éclair", "Zebra", "Ågrupp", "Ängla", "Öppen förskola"]

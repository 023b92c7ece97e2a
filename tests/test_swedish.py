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
        (Ages(12, 18), "12–18 år"),
        (Ages(4, None), "Från 4 år"),
        (Ages(0, 2, high_months=30), "Upp till 2½ år"),
        (Ages(0, 1, low_months=2, high_months=18), "2–18 månader"),
        (Ages(0, 2, low_months=6), "6 månader–2 år"),
        (Ages(1, 2, high_months=30), "1–2½ år"),
        (Ages(0, None, low_months=6), "Från 6 månader"),
        (Ages(None, None, expecting=True, pregnancy_week=23), "Väntar barn från graviditetsvecka 23"),
    ],
)
def test_ages(ages: Ages, expected: str) -> None:
    assert swedish.ages(ages) == expected


@pytest.mark.parametrize(
    ("ages", "expected"),
    [
        (Ages(3, 11), "För dig som har barn som är 3–11 år."),
        (Ages(0, 0, expecting=True), "För dig som väntar barn eller har en bebis under 1 år."),
        (Ages(4, None), "För dig som har barn som är 4 år eller äldre."),
        (Ages(0, 2, high_months=30), "För dig som har barn upp till 2½ år."),
        (Ages(0, 1, low_months=2, high_months=18), "För dig som har barn som är 2–18 månader."),
        (
            Ages(None, None, expecting=True, pregnancy_week=23),
            "För dig som väntar barn och är i graviditetsvecka 23 eller senare.",
        ),
    ],
)
def test_for_whom(ages: Ages, expected: str) -> None:
    assert swedish.for_whom(ages) == expected


def test_ages_group_and_filter_as_whole_years_up_to_17() -> None:
    assert Ages(4, None).years == (4, 17)
    assert Ages(12, 18).years == (12, 18)
    assert Ages(0, 2, high_months=30).covers(2)
    assert not Ages(0, 2, high_months=30).covers(3)
    assert Ages(4, None).covers(17)
    assert Ages(None, None, expecting=True).years is None


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
    # the two-letter code where one exists, else the three-letter one
    assert swedish.language_name("fa") == "persiska"
    assert swedish.language_name("fas") is None
    assert swedish.language_name("prs") == "dari"
    assert swedish.language_name("kmr") == "kurmanji"
    assert swedish.language_name("ckb") == "centralkurdiska"


def test_swedish_alphabetical_order() -> None:
    words = ["Öppen förskola", "Ågrupp", "Ängla", "Zebra", "Éclair", "abc"]
    assert sorted(words, key=sort_key) == ["abc", "Éclair", "Zebra", "Ågrupp", "Ängla", "Öppen förskola"]

"""Swedish formatting: dates, times, ages, money, lists, phone numbers and alphabetical order."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

import phonenumbers
from babel.core import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

if TYPE_CHECKING:
    from stodguiden.model import Ages, TimeRange

_SV = Locale("sv")
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


# The caches below are bounded: the same dates and numbers come back on many pages.
@lru_cache(maxsize=4096)
def day(value: date) -> str:
    """'15 januari 2027'."""
    return format_date(value, "d MMMM y", locale=_SV)


def day_with_weekday(value: date) -> str:
    """'fredag 15 januari 2027'."""
    return f"{WEEKDAYS[value.weekday()]} {day(value)}"


def clock(value: TimeRange) -> str:
    """'kl. 18.00–20.00'."""
    return f"kl. {value.start:%H.%M}–{value.end:%H.%M}"


def weekday_plural(value: date | str) -> str:
    """'tisdagar', from a date or a weekday name."""
    name = WEEKDAYS[value.weekday()] if isinstance(value, date) else value
    return name + "ar"


def age_span(value: Ages) -> str | None:
    """'3–11 år', '5 år', 'under 1 år', or None when the offer gives no ages."""
    if value.low is None or value.high is None:
        return None
    if value.low == value.high == 0:
        return "under 1 år"
    return f"{value.low} år" if value.low == value.high else f"{value.low}–{value.high} år"


def ages(value: Ages) -> str:
    """'3–11 år', 'Under 1 år', 'Väntar barn', 'Väntar barn och 0–1 år'."""
    span = age_span(value)
    text = " och ".join(part for part in ("väntar barn" if value.expecting else None, span) if part)
    return text[:1].upper() + text[1:]


def kronor(amount: int) -> str:
    """'Kostnadsfritt' or '1 200 kronor'."""
    if amount == 0:
        return "Kostnadsfritt"
    return f"{format_decimal(amount, locale=_SV)} kronor".replace("\xa0", " ")


def listing(items: list[str]) -> str:
    """'a, b och c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def language_name(code: str) -> str | None:
    """'arabiska' for 'ar', or None when the code is not a language babel knows."""
    name = _SV.languages.get(code)
    return name if name and len(code) == 2 else None


@lru_cache(maxsize=4096)  # an organiser's number comes back in its offers, and on pages again
def parse_phone(text: str) -> phonenumbers.PhoneNumber | None:
    """The number, or None if it is not a valid one. Shared between callers: do not change it."""
    try:
        number = phonenumbers.parse(text, "SE")
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


@lru_cache(maxsize=4096)
def phone_display(text: str) -> str:
    """As Swedes write it: '0123-456 78'; numbers abroad keep the international form."""
    number = parse_phone(text)
    if number is None:
        return text
    national = number.country_code == 46
    fmt = phonenumbers.PhoneNumberFormat.NATIONAL if national else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, fmt)


@lru_cache(maxsize=4096)
def phone_uri(text: str) -> str:
    number = parse_phone(text)
    if number is None:
        return "tel:" + "".join(c for c in text if c.isdigit() or c == "+")
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def for_whom(value: Ages) -> str:
    """A sentence on who an offer is for: 'För dig som väntar barn eller har barn som är 0–1 år.'"""
    span = age_span(value)
    having = None
    if span is not None:
        having = "har en bebis " + span if span.startswith("under") else "har barn som är " + span
    parts = [part for part in ("väntar barn" if value.expecting else None, having) if part]
    return "För dig som " + " eller ".join(parts) + "."


def sentence(text: str) -> str:
    """Text ending with a full stop, whether or not the editor wrote one."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."

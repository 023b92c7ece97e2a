"""Swedish formatting: dates, times, ages, money, lists, phone numbers and alphabetical order."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

import phonenumbers

from stodguiden.language import languages

if TYPE_CHECKING:
    from babel.core import Locale

    from stodguiden.model import Ages, Offer, Round, TimeRange

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


@lru_cache(maxsize=1)
def _swedish() -> Locale:
    """Babel's Swedish locale. Babel's date and number formatting is imported when a date or an amount is
    first written, not with this module: `hooks/check.py` seldom writes one, and importing them (with their
    time-zone data) costs it 7 ms of start-up."""
    from babel.core import Locale

    return Locale("sv")


def _date_in_words(value: date, pattern: str) -> str:
    from babel.dates import format_date

    return format_date(value, pattern, locale=_swedish())


# The caches below are bounded: the same dates and numbers come back on many pages.
@lru_cache(maxsize=4096)
def day(value: date) -> str:
    """'15 januari 2027'."""
    return _date_in_words(value, "d MMMM y")


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
    """'3–11 år', '5 år', 'under 1 år', 'från 4 år', '2–18 månader', 'upp till 2½ år', or None when the offer
    gives no ages."""
    if value.low is None:
        return None
    if value.low_months is not None or value.high_months is not None:
        return _month_span(value)
    if value.high is None:
        return f"från {value.low} år"
    if value.low == value.high == 0:
        return "under 1 år"
    return f"{value.low} år" if value.low == value.high else f"{value.low}–{value.high} år"


def _in_years(months: int) -> str | None:
    """'2' for 24 months, '2½' for 30, None when months are not whole or half years (from one year)."""
    if months % 12 == 0:
        return str(months // 12)
    if months % 12 == 6 and months > 12:
        return f"{months // 12}½"
    return None


def _age_in(months: int) -> str:
    """'2½ år', '18 månader': in years where that is exact, else in months."""
    years = _in_years(months)
    return f"{years} år" if years is not None else f"{months} månader"


def _month_span(value: Ages) -> str:
    """An age span with months at one end or both (`från_månader`, `till_månader`)."""
    assert value.low is not None
    first = value.low_months if value.low_months is not None else value.low * 12
    if value.high_months is None and value.high is None:
        return f"från {_age_in(first)}"
    if value.high_months is None:  # the upper age in whole years: through that year, never as months
        low_years = _in_years(first)
        return f"{low_years}–{value.high} år" if low_years is not None else f"{first} månader–{value.high} år"
    last = value.high_months
    if first == 0:
        return f"upp till {_age_in(last)}"
    if first == last:
        return _age_in(first)
    low_years, high_years = _in_years(first), _in_years(last)
    if low_years is not None and high_years is not None:
        return f"{low_years}–{high_years} år"
    if last < 36:
        return f"{first}–{last} månader"
    return f"{_age_in(first)}–{_age_in(last)}"


def _expecting(value: Ages) -> str | None:
    if not value.expecting:
        return None
    week = value.pregnancy_week
    return "väntar barn" if week is None else f"väntar barn från graviditetsvecka {week}"


def ages(value: Ages) -> str:
    """'3–11 år', 'Under 1 år', 'Väntar barn', 'Väntar barn och 0–1 år', 'Från 4 år', 'Upp till 2½ år'."""
    span = age_span(value)
    text = " och ".join(part for part in (_expecting(value), span) if part)
    return text[:1].upper() + text[1:]


def kronor(amount: int) -> str:
    """'Kostnadsfritt' or '1 200 kronor'."""
    if amount == 0:
        return "Kostnadsfritt"
    from babel.numbers import format_decimal  # see _swedish

    return f"{format_decimal(amount, locale=_swedish())} kronor".replace("\xa0", " ")


def listing(items: list[str]) -> str:
    """'a, b och c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def language_name(code: str) -> str | None:
    """'arabiska' for 'ar', 'dari' for 'prs', or None when the code is not a language as offers write it
    (languages.py: babel's names, else the shipped table; `fas` is not, `fa` is)."""
    return languages.swedish_name(code) if languages.is_language(code) else None


_PHONE_WRITTEN = re.compile(r"\+?[0-9][0-9 \-–]*")
"""What a phone number may be written with: digits, spaces and hyphens, and + first for a country code.

phonenumbers itself reads letters as the digits on a keypad (031-FAMILJ) and skips what it does not
understand, so a letter O for a zero made a shorter, different number. Only digits are read here.
"""
_FOUR_DIGIT_PREFIXES = ("77", "200")
"""Non-geographic numbers (077x-, 0200-) whose prefix phonenumbers groups as 077-, 020-."""


@lru_cache(maxsize=4096)  # an organiser's number comes back in its offers, and on pages again
def parse_phone(text: str) -> phonenumbers.PhoneNumber | None:
    """The number, or None if it is not a valid one written with digits only. Shared between callers: do
    not change it."""
    if not _PHONE_WRITTEN.fullmatch(text.strip()):
        return None
    try:
        number = phonenumbers.parse(text, "SE")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number) or number.extension:
        return None
    # Never a number whose digits differ from those written (phonenumbers can drop or add some).
    return number if written_digits(text) == shown_digits(_display(number)) else None


def phone_fault(text: str) -> str | None:
    """Why `text` cannot be a phone number as written, in Swedish words, or None when only the digits are
    wrong. Ends without a full stop: 'har bokstaven O där det ska stå siffran 0'."""
    stripped = text.strip()
    letters = " ".join(re.findall(r"[^\W\d_]+", stripped))
    if letters and set(letters) <= {"O", "o", " "} and re.search(r"\d", stripped):
        return "har bokstaven O där det ska stå siffran 0 (noll)"
    if letters:
        return f"innehåller bokstäver ({letters})"
    odd = next((c for c in stripped if not (c.isdigit() or c in " -–+")), None)
    if odd is not None:
        return f"innehåller tecknet {odd}"
    if "+" in stripped[1:]:
        return "har ett + mitt i numret"
    return None


def written_digits(text: str) -> str:
    """The digits an editor wrote, with a country code written as Swedes dial it: +46 and 0046 as 0,
    another country's 00 as +."""
    digits = "".join(c for c in text if c.isdigit())
    if text.strip().startswith("+"):
        digits = "+" + digits
    if digits.startswith(("+46", "0046")):
        return "0" + digits.removeprefix("+46").removeprefix("0046")
    if digits.startswith("00"):
        return "+" + digits[2:]
    return digits


def shown_digits(shown: str) -> str:
    """The digits of a number as shown, with + for one abroad."""
    return ("+" if shown.startswith("+") else "") + "".join(c for c in shown if c.isdigit())


def _groups(digits: str) -> str:
    """A Swedish subscriber number in groups: pairs from the end, three first when the count is odd."""
    head = 3 if len(digits) % 2 else 2
    parts = [digits[:head]] + [digits[i : i + 2] for i in range(head, len(digits), 2)]
    return " ".join(part for part in parts if part)


def _display(number: phonenumbers.PhoneNumber) -> str:
    if number.country_code != 46:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    significant = phonenumbers.national_significant_number(number)
    prefix = next((p for p in _FOUR_DIGIT_PREFIXES if significant.startswith(p)), None)
    if prefix is not None:
        # 0771-12 34 56, 0200-12 34 56: phonenumbers would show 077-112 34 56.
        cut = len(prefix) + (1 if prefix == "77" else 0)
        return f"0{significant[:cut]}-{_groups(significant[cut:])}"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


@lru_cache(maxsize=4096)
def phone_display(text: str) -> str:
    """As Swedes write it: '0123-456 78', '0771-12 34 56'; numbers abroad keep the international form."""
    number = parse_phone(text)
    return text if number is None else _display(number)


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
    if span is not None and span.startswith("under"):
        having = "har en bebis " + span
    elif span is not None and span.startswith("upp till"):
        having = "har barn " + span
    elif span is not None and value.open_ended and value.low_months is None:
        having = "har barn" if value.low == 0 else f"har barn som är {value.low} år eller äldre"
    elif span is not None and value.open_ended:
        having = "har barn som är " + span.removeprefix("från ") + " eller äldre"
    elif span is not None:
        having = "har barn som är " + span
    expecting = None
    if value.expecting:
        week = value.pregnancy_week
        expecting = "väntar barn" if week is None else f"väntar barn och är i graviditetsvecka {week} eller senare"
    parts = [part for part in (expecting, having) if part]
    return "För dig som " + " eller ".join(parts) + "."


def sentence(text: str) -> str:
    """Text ending with a full stop, whether or not the editor wrote one."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


# ---- when and how the meetings are (contract v2, sections 4 and 5) ----

NEXT_START = {
    "varje_termin": "Ny grupp startar varje termin.",
    "vår_och_höst": "Nya grupper startar på våren och på hösten.",
    "varje_år": "Ny grupp startar en gång om året.",
    "löpande_intag": "Nya deltagare kan börja under hela året.",
}
"""What the page says for `nästa_start.mönster`."""
NEXT_START_SHORT = {
    "varje_termin": "Ny grupp varje termin",
    "vår_och_höst": "Nya grupper vår och höst",
    "varje_år": "Ny grupp en gång om året",
    "löpande_intag": "Börja under hela året",
}
"""The same in a card or the finder's results."""
TIMES = {
    "när_du_vill": "Du börjar när du vill.",
    "tidsbokning": "Du bokar en tid som passar. Ni bestämmer tid tillsammans när du kontaktar oss.",
}
"""What the page says for `tider`."""
TIMES_SHORT = {"när_du_vill": "Börja när du vill", "tidsbokning": "Boka en tid"}
GROUP_MEMBERS = {"barn": ("barn", "barn"), "föräldrar": ("förälder", "föräldrar"), "familjer": ("familj", "familjer")}
"""`vilka` of a group size: the word for one and for more."""


def day_span(days: tuple[str, ...]) -> str:
    """'måndag–fredag' for each day from Monday to Friday."""
    return f"{days[0]}–{days[-1]}" if len(days) > 1 else "".join(days)


def period(start: date, end: date) -> str:
    """'11–24 januari 2027', '29 juni–9 augusti 2027', '20 december 2027–2 januari 2028', '1 maj 2027'."""
    if start == end:
        return day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day(end)}"
    if start.year == end.year:
        return f"{_date_in_words(start, 'd MMMM')}–{day(end)}"
    return f"{day(start)}–{day(end)}"


def meetings(low: int, high: int | None = None) -> str:
    """'1 träff', '8 träffar', '6–8 träffar'."""
    if high is not None:
        return f"{low}–{high} träffar"
    return f"{low} {'träff' if low == 1 else 'träffar'}"


def duration(minutes: int) -> str:
    """'45 minuter', '1 timme', '2 timmar', '1 timme och 30 minuter'."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} {'timme' if hours == 1 else 'timmar'}")
    if rest:
        parts.append(f"{rest} {'minut' if rest == 1 else 'minuter'}")
    return " och ".join(parts)


def group_size(low: int | None, high: int, who: str) -> str:
    """'4–7 barn', 'högst 8 föräldrar', '6 familjer'."""
    one, more = GROUP_MEMBERS[who]
    if low is None:
        return f"högst {high} {one if high == 1 else more}"
    if low == high:
        return f"{high} {one if high == 1 else more}"
    return f"{low}–{high} {more}"


def round_details(offer: Offer, round_: Round) -> str:
    """A round's languages, whom it is for, how long each meeting is and its group size, as sentences
    for the notes of a calendar event or an HSDS schedule."""
    parts = []
    if round_.languages:
        parts.append(f"På {listing([language_name(code) or code for code in round_.languages])}.")
    if round_.for_whom:
        parts.append(f"För {round_.for_whom}.")
    minutes = offer.round_duration(round_)
    if minutes:
        parts.append(f"Varje träff är {duration(minutes)}.")
    size = offer.round_group_size(round_)
    if size:
        parts.append(f"I gruppen: {group_size(size.low, size.high, size.who)}.")
    return " ".join(parts)

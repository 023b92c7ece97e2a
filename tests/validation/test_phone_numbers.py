"""Phone numbers: refused when written with anything but digits, and shown with exactly the digits written."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from stodguiden.language import swedish
from stodguiden.source.vocabularies import phone_message


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("0771-123456", "0771-12 34 56"),
        ("0771-12 34 56", "0771-12 34 56"),
        ("0200-123456", "0200-12 34 56"),
        ("020-50 50 50", "020-50 50 50"),
        ("020-123456", "020-12 34 56"),
        ("08-12345678", "08-123 456 78"),
        ("031-3900600", "031-390 06 00"),
        ("0480-12345", "0480-123 45"),
        ("0480-123456", "0480-12 34 56"),
        ("0123-45678", "0123-456 78"),
        ("070-1234567", "070-123 45 67"),
        ("+46 8 123 456 78", "08-123 456 78"),
        ("0046 31 3900600", "031-390 06 00"),
        ("+47 22 12 34 56", "+47 22 12 34 56"),
    ],
)
def test_numbers_are_grouped_as_swedish_numbers_are(written: str, shown: str) -> None:
    assert phone_message(written) is None
    assert swedish.phone_display(written) == shown


def test_the_link_calls_the_same_number() -> None:
    assert swedish.phone_uri("0771-12 34 56") == "tel:+46771123456"
    assert swedish.phone_uri("08-123 456 78") == "tel:+46812345678"


@pytest.mark.parametrize(
    "written", ["031-FAMILJ", "031-390 O6 19", "0771-CALL-US", "(031) 390 06 00", "031-390 06 00 ankn 12"]
)
def test_letters_and_other_signs_are_refused(written: str) -> None:
    assert swedish.parse_phone(written) is None
    assert phone_message(written) is not None


def _dialled(text: str) -> str:
    """The digits written, with the Swedish country code as a leading 0 (an oracle written apart from the code)."""
    digits = re.sub(r"\D", "", text)
    plus = text.lstrip().startswith("+")
    if plus and digits.startswith("46"):
        return "0" + digits[2:]
    if not plus and digits.startswith("0046"):
        return "0" + digits[4:]
    if plus:
        return "+" + digits
    return "+" + digits[2:] if digits.startswith("00") else digits


PHONE_LIKE = st.text(alphabet="0123456789 -–+()/.OolIBSZ”“’", min_size=1, max_size=18) | st.from_regex(
    r"\A(\+46 ?|0)[1-9][0-9]{0,3}[- ]?[0-9 OoIl]{4,10}\Z", fullmatch=True
)


@settings(max_examples=400, deadline=None)
@given(PHONE_LIKE)
@example("031-390 O6 19")
@example("031-FAMILJ")
@example("0771-123456")
def test_a_number_is_refused_or_shown_with_exactly_the_digits_written(text: str) -> None:
    if phone_message(text) is not None:
        return
    assert not re.search(r"[^\d\s+\-–]", text), "only digits, spaces, hyphens and + are ever accepted"
    shown = swedish.phone_display(text)
    shown_digits = ("+" if shown.startswith("+") else "") + re.sub(r"\D", "", shown)
    assert shown_digits == _dialled(text)
    uri = swedish.phone_uri(text)
    assert uri.startswith("tel:+")
    if not shown.startswith("+"):
        assert uri == "tel:+46" + shown_digits[1:]

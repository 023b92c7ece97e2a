"""Text in another language is marked with its language, and right-to-left text is shown right to left."""

from __future__ import annotations

import pytest

from .conftest import ContextFactory, open_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [
        ("erbjudanden/icdp-pa-arabiska/", "ar", "rtl"),
        ("erbjudanden/foraldragrupp-pa-persiska/", "fa", "rtl"),
        ("erbjudanden/icdp-pa-somaliska/", "so", "ltr"),
    ],
)
def test_other_language_text_has_its_lang_and_direction(
    new_context: ContextFactory, site_url: str, path: str, lang: str, direction: str
) -> None:
    page = new_context().new_page()
    open_page(page, site_url + path)
    assert page.evaluate("() => document.documentElement.lang") == "sv"
    found = page.evaluate("""() => [...document.querySelectorAll('.sg-other-language__text')].map(el => ({
        lang: el.lang, direction: getComputedStyle(el).direction, align: getComputedStyle(el).textAlign,
        heading: el.closest('section').querySelector('h3 span').lang}))""")
    assert found == [
        {"lang": lang, "direction": direction, "align": "right" if direction == "rtl" else "start", "heading": lang}
    ]


def test_phone_number_in_right_to_left_text_reads_left_to_right(new_context: ContextFactory, site_url: str) -> None:
    page = new_context().new_page()
    open_page(page, site_url + "erbjudanden/icdp-pa-arabiska/")
    # Where the browser draws the first and the last digit group of "031-390 06 24".
    boxes = page.evaluate("""() => {
        const bdi = [...document.querySelectorAll('.sg-other-language__text bdi')]
            .find(el => el.textContent === '031-390 06 24');
        const text = bdi.firstChild, range = document.createRange();
        range.setStart(text, 0); range.setEnd(text, 3);
        const first = range.getBoundingClientRect().left;
        range.setStart(text, 11); range.setEnd(text, 13);
        return {first, last: range.getBoundingClientRect().left};
    }""")
    assert boxes["first"] < boxes["last"], boxes

"""Text in other languages: language tags, their names and writing direction (stodguiden/language/languages.py)."""

from __future__ import annotations

import pytest

from stodguiden.language import languages


@pytest.mark.parametrize("tag", ["ar", "fa", "he", "ur", "ps", "ckb", "ku-Arab", "dv", "syr"])
def test_right_to_left(tag: str) -> None:
    assert languages.is_known(tag)
    assert languages.direction(tag) == "rtl"


@pytest.mark.parametrize("tag", ["sv", "en", "so", "ti", "ku", "ku-Latn", "sr-Cyrl"])
def test_left_to_right(tag: str) -> None:
    assert languages.is_known(tag)
    assert languages.direction(tag) == "ltr"


@pytest.mark.parametrize("tag", ["xyz", "AR", "ar-arab", "ku-Xxxx", "arabiska", "", "ar-SE"])
def test_unknown_or_malformed(tag: str) -> None:
    assert not languages.is_known(tag)


def test_names() -> None:
    assert languages.swedish_name("ar") == "arabiska"
    assert languages.own_name("ar") == "العربية"
    assert languages.own_name("fa") == "فارسی"
    assert languages.own_name("so") == "Soomaali"
    assert languages.swedish_name("ku-Arab") == "kurdiska (skrift: arabiska)"
    assert languages.own_name("ku-Arab") == "kurdiska (skrift: arabiska)"


def test_latin_runs_are_isolated_and_everything_is_escaped() -> None:
    assert str(languages.isolate_ltr("اتصل بنا على 031-390 06 24.")) == (
        'اتصل بنا على <bdi dir="ltr">031-390 06 24</bdi>.'
    )
    assert str(languages.isolate_ltr("في Norrby <b>&")) == (
        'في <bdi dir="ltr">Norrby</bdi> &lt;<bdi dir="ltr">b</bdi>&gt;&amp;'
    )
    assert str(languages.isolate_ltr("بالعربية")) == "بالعربية"


def test_language_names_are_shown_in_swedish_and_in_their_own_language() -> None:
    assert str(languages.names_marked(["sv", "ar"])) == (
        'Svenska och arabiska (<span lang="ar" dir="rtl">العربية</span>)'
    )
    assert str(languages.names_marked(["so"])) == 'Somaliska (<span lang="so" dir="ltr">Soomaali</span>)'
    assert str(languages.names_marked(["en", "sv", "fa"])) == (
        'Engelska (<span lang="en" dir="ltr">English</span>), svenska och persiska '
        '(<span lang="fa" dir="rtl">فارسی</span>)'
    )

"""Text in other languages: language tags, their names and writing direction (stodguiden/language/languages.py)."""

from __future__ import annotations

import pytest
import yaml

from stodguiden.language import languages


@pytest.mark.parametrize("tag", ["ar", "fa", "he", "ur", "ps", "ckb", "ku-Arab", "dv", "syr", "prs"])
def test_right_to_left(tag: str) -> None:
    assert languages.is_known(tag)
    assert languages.direction(tag) == "rtl"


@pytest.mark.parametrize("tag", ["sv", "en", "so", "ti", "ku", "ku-Latn", "sr-Cyrl", "kmr"])
def test_left_to_right(tag: str) -> None:
    assert languages.is_known(tag)
    assert languages.direction(tag) == "ltr"


@pytest.mark.parametrize("tag", ["xyz", "AR", "ar-arab", "ku-Xxxx", "arabiska", "", "ar-SE", "fas", "ara", "fas-Arab"])
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


@pytest.mark.parametrize(
    ("code", "shorter"), [("fas", "fa"), ("per", "fa"), ("ara", "ar"), ("swe", "sv"), ("som", "so")]
)
def test_a_three_letter_code_where_a_two_letter_one_exists_points_to_it(code: str, shorter: str) -> None:
    assert languages.two_letter_code(code) == shorter


@pytest.mark.parametrize("code", ["fa", "prs", "kmr", "ckb", "sdh"])
def test_the_code_to_write_has_no_shorter_form(code: str) -> None:
    assert languages.two_letter_code(code) is None
    assert languages.is_language(code)


def test_languages_babel_does_not_name_come_from_the_shipped_table() -> None:
    assert languages.swedish_name("prs") == "dari"
    assert languages.own_name("prs") == "دری"
    assert languages.swedish_name("kmr") == "kurmanji"
    assert languages.own_name("kmr") == "kurmancî"
    assert str(languages.names_marked(["sv", "prs", "kmr"])) == (
        'Svenska, dari (<span lang="prs" dir="rtl">دری</span>) och kurmanji '
        '(<span lang="kmr" dir="ltr">kurmancî</span>)'
    )


def test_every_table_entry_says_where_its_names_come_from() -> None:
    entries = yaml.safe_load(languages.TABLE.read_text(encoding="utf-8"))
    for code, entry in entries.items():
        assert sorted(entry) == ["eget_namn", "källa", "riktning", "svenska"], code
        assert entry["riktning"] in ("ltr", "rtl")
        assert code not in languages.table() or languages.two_letter_code(code) is None

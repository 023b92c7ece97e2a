"""Plain-language measures: LIX by hand, sentences in Markdown, lines inside a `|` block, the word list."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stodguiden.source import plainlanguage, yamlsource
from stodguiden.source.catalog import schema
from stodguiden.source.schemawalk import Document, walk

if TYPE_CHECKING:
    from pathlib import Path

HEAD = "titel: Test\n"


def document(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "x.yml"
    path.write_text(HEAD + text, encoding="utf-8")
    source, problems = yamlsource.read(path, "x.yml")
    assert source is not None
    assert problems == []
    doc, _ = walk(source, schema("erbjudande"))
    return doc


def test_lix_is_words_per_sentence_plus_percentage_of_long_words(tmp_path: Path) -> None:
    # 30 words in 3 sentences, 7 of them longer than six letters: 30/3 + 100*7/30 = 10 + 23.3 = 33.
    sentence = "Barnen leker tillsammans och föräldrarna fikar med varandra i lokalen idag."
    short = "Vi ses på måndag klockan tio och dricker kaffe."
    text = f"sammanfattning: {sentence} {short} Du är välkommen hit med ditt lilla barn i dag."
    readability = plainlanguage.measure(document(tmp_path, text))
    words = readability.words
    assert len(words) == 30
    assert len(readability.sentences) == 3
    long_words = [w for w in words if len(w) > 6]
    assert long_words == ["tillsammans", "föräldrarna", "varandra", "lokalen", "klockan", "dricker", "välkommen"]
    assert readability.lix == round(30 / 3 + 100 * 7 / 30) == 33


def test_too_few_words_give_no_lix(tmp_path: Path) -> None:
    doc = document(tmp_path, "sammanfattning: Föräldrastödsverksamhet för vårdnadshavare.")
    readability = plainlanguage.measure(doc)
    assert readability.lix is None
    assert readability.hardest_words() == ["Föräldrastödsverksamhet", "vårdnadshavare"]


def test_sentences_in_markdown_with_the_line_of_each_in_a_block(tmp_path: Path) -> None:
    doc = document(
        tmp_path,
        (
            "sammanfattning: Kom hit när du vill.\n"
            "beskrivning: |\n"
            "  Vi ses kl. 18 och pratar om t.ex. sömn. Sedan fikar vi\n"
            "  tillsammans! Läs mer på [vår sida](https://www.exempelby.se/a) eller https://x.se.\n"
            "\n"
            "  ## Så går det till\n"
            "  - **Första** punkten\n"
            "  - Andra punkten\n"
            "    fortsätter här.\n"
        ),
    )
    found = [(s.line, s.field, s.text) for s in plainlanguage.measure(doc).sentences]
    assert found == [
        (2, "sammanfattning", "Kom hit när du vill."),
        (4, "beskrivning", "Vi ses kl. 18 och pratar om t.ex. sömn."),
        (4, "beskrivning", "Sedan fikar vi tillsammans!"),
        (5, "beskrivning", "Läs mer på vår sida eller."),
        (7, "beskrivning", "Så går det till"),
        (8, "beskrivning", "Första punkten"),
        (9, "beskrivning", "Andra punkten fortsätter här."),
    ]


@pytest.mark.parametrize("style", ["beskrivning: >\n  ", "beskrivning:\n  ", 'beskrivning: "'])
def test_a_text_not_written_as_a_block_is_named_at_its_key(tmp_path: Path, style: str) -> None:
    end = '"' if style.endswith('"') else ""
    doc = document(tmp_path, f"sammanfattning: Kom hit när du vill.\n{style}Vi erhåller stöd.{end}\n")
    problems = plainlanguage.check(doc, plainlanguage.officialese())
    assert [str(p) for p in problems] == [
        "x.yml:3: varning: Ordet ”erhåller” (av ”erhålla”) i beskrivning är krångligt. Skriv hellre en form av ”få”."
    ]


def test_words_are_found_whole_in_any_case_and_across_spaces(tmp_path: Path) -> None:
    words = plainlanguage.officialese()
    hits = [(written, base) for _, written, base, _ in words.find("Samtal SAMT samtliga; I  syfte att. Inneha-")]
    assert hits == [("SAMT", "samt"), ("I  syfte att", "i syfte att")]


def test_the_municipality_list_adds_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "ordlista.yml"
    path.write_text("samt:\n  enklare: och även\nbarnavårdscentral:\n  enklare: BVC\n", encoding="utf-8")
    doc, problems = plainlanguage.read_wordlist(path, "data/ordlista.yml")
    assert problems == []
    words = plainlanguage.officialese(doc)
    assert words.forms["samt"] == ("samt", "och även")
    assert words.forms["barnavårdscentral"] == ("barnavårdscentral", "BVC")
    assert words.forms["erhöll"] == ("erhålla", "få")


def test_the_default_list_has_about_thirty_words_each_with_a_plainer_one() -> None:
    entries = plainlanguage.default_entries()
    assert len(entries) >= 30
    assert entries["erhålla"][0] == "få"
    assert entries["tillhandahålla"][0] == "ge"
    assert all(plainer and plainer != base for base, (plainer, _) in entries.items())


def test_an_expression_over_two_lines_is_found_at_its_first_line(tmp_path: Path) -> None:
    doc = document(
        tmp_path,
        (
            "sammanfattning: Kom hit när du vill.\n"
            "beskrivning: |\n"
            "  Vi ses i syfte\n"
            "  att leka. Vi ses i syfte att fika.\n"
        ),
    )
    assert [str(p) for p in plainlanguage.check(doc, plainlanguage.officialese())] == [
        "x.yml:4: varning: Uttrycket ”i syfte att” i beskrivning är krångligt. Skriv hellre ”för att”.",
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("ab ö.*(", max_size=4), max_size=5), st.text("ab ö.*(\n", max_size=12))
def test_the_quick_test_for_any_word_is_the_same_as_looking_for_each(words: list[str], text: str) -> None:
    # Words as the word list holds them (single spaces); in the text, any run of spaces and line breaks is a space.
    words = [" ".join(word.split()) for word in words]
    spaced = " ".join(text.split())
    assert (plainlanguage._any_of(words).search(text) is not None) == any(word in spaced for word in words)


def _longest_first(forms: list[str]) -> re.Pattern[str]:
    """The word list's pattern as it was first written: every form, longest first."""
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abö -", min_size=1, max_size=5), min_size=1, max_size=6), st.text("abAÖö -.\n", max_size=24))
def test_the_tree_of_forms_finds_what_every_form_longest_first_finds(forms: list[str], text: str) -> None:
    entries = {form: ("enklare", ()) for form in forms if plainlanguage._WORD.search(form)}
    officialese = plainlanguage.Officialese.of(entries)
    normal = list(officialese.forms)
    expected = [(m.start(), m.group(0)) for m in _longest_first(normal).finditer(text)] if normal else []
    assert [(offset, written) for offset, written, _, _ in officialese.find(text)] == expected

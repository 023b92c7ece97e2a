"""The search index builder and the Swedish word forms it uses, without a browser."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from conftest import ROOT, SAMPLE, Build
from stodguiden.base.richtext import plain_text
from stodguiden.language import wordforms
from stodguiden.outputs import search
from stodguiden.source import catalog as catalog_module

if TYPE_CHECKING:
    from pathlib import Path

    from stodguiden.model import Catalog

SHARED = yaml.safe_load((ROOT / "tests" / "sok" / "stammar.yml").read_text(encoding="utf-8"))
STEMS: dict[str, str] = SHARED["ord"]
TEXTS: dict[str, list[str]] = SHARED["texter"]
MAX_GZIP_PER_OFFER = 1024
"""Issue 7: what a phone downloads for search is at most 1 KB per offer, gzip-compressed."""


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_sok", ROOT / "bench" / "sok.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample() -> Catalog:
    catalog, problems = catalog_module.load(SAMPLE, today=date(2027, 1, 18))
    assert catalog is not None, problems
    return catalog


@pytest.mark.parametrize(("word", "expected"), STEMS.items(), ids=STEMS.keys())
def test_stem_matches_the_shared_list(word: str, expected: str) -> None:
    assert wordforms.stem(word) == expected


def test_inflected_forms_meet() -> None:
    for forms in (
        ["föräldrarna", "föräldrar", "förälder", "föräldern", "foraldrarna"],
        ["barnen", "barn", "barns", "barnets"],
        ["kursen", "kurs", "kurser"],
        ["tonåring", "tonåringar", "tonaringarna"],
        ["skärm", "skärmar", "skarmarna"],
    ):
        assert len({wordforms.stem(word) for word in forms}) == 1, forms


@pytest.mark.parametrize(("text", "expected"), TEXTS.items(), ids=range(len(TEXTS)))
def test_words_are_lower_case_and_split_at_everything_but_letters_and_digits(text: str, expected: list[str]) -> None:
    assert wordforms.words(text) == expected


def test_fold_removes_accents_only() -> None:
    assert [wordforms.fold(w) for w in ("tonåring", "idé", "ærø", "straße", "kurs")] == [
        "tonaring",
        "ide",
        "aro",
        "strasse",
        "kurs",
    ]


def test_stems_leave_out_stopwords_and_repeats() -> None:
    assert wordforms.stems("Kurs för föräldrar och för föräldrarna i kursen") == ["kurs", "forald"]


def test_synonyms_go_both_ways_in_groups_and_one_way_in_ord() -> None:
    synonyms = wordforms.synonyms()
    assert "separation" in synonyms["skilsmass"]
    assert "skilsmass" in synonyms["separation"]
    assert "spadbarn" in synonyms["bebis"]
    assert "bebis" in synonyms["spadbarn"]
    assert "forald" in synonyms["papp"]
    assert "papp" not in synonyms.get("forald", [])


def test_one_way_synonyms_are_kept_apart_for_a_lower_weight() -> None:
    groups, one_way = wordforms.synonym_tables()
    assert "forald" in one_way["papp"]
    assert "forald" not in groups.get("papp", [])
    assert "separation" in groups["skilsmass"]
    assert "skilsmass" not in one_way
    for form, others in one_way.items():
        assert not set(others) & set(groups.get(form, [])), form


@pytest.mark.parametrize(
    ("word", "finds"),
    [
        ("fosterförälder", "familjehem"),
        ("jourhem", "familjehem"),
        ("internet", "digitalt"),
        ("webbkurs", "nätet"),
        ("online", "digitalt"),
        ("slår", "våld"),
        ("kvinnofrid", "våld"),
        ("misshandel", "våld"),
        ("utlandsfödd", "nyanländ"),
        ("mvc", "barnmorskemottagning"),
        ("skiljas", "separation"),
    ],
)
def test_words_from_real_offers_find_what_offers_say(word: str, finds: str) -> None:
    """The synonym groups tests/korpus/KALLOR.md showed were missing."""
    assert wordforms.stem(finds) in wordforms.synonyms()[wordforms.stem(word)]


def test_synonym_file_must_hold_single_words(tmp_path: Path) -> None:
    bad = tmp_path / "synonymer.yml"
    bad.write_text("grupper:\n  - [skilsmässa, ny i sverige]\n", encoding="utf-8")
    with pytest.raises(wordforms.RulesError, match="'ny i sverige' ska vara ett enda ord"):
        wordforms.synonyms(bad)
    bad.write_text("ord:\n  pappa: förälder\n", encoding="utf-8")
    with pytest.raises(wordforms.RulesError, match="'pappa' ska följas av en lista med ord"):
        wordforms.synonyms(bad)
    bad.write_text("synonymer: []\n", encoding="utf-8")
    with pytest.raises(wordforms.RulesError, match="bara grupper och ord får finnas"):
        wordforms.synonyms(bad)


def test_index_has_every_offer_once_with_what_the_results_show(sample: Catalog) -> None:
    index = search.build(sample)
    entries = {entry["u"]: entry for entry in index["erbjudanden"]}
    assert len(entries) == len(index["erbjudanden"]) == len(sample.offers)
    komet = entries["komet"]
    assert komet["t"] == "Komet för föräldrar till barn 3–11 år"
    assert komet["s"].startswith("En föräldrakurs för dig som ofta hamnar i bråk")
    assert komet["a"] == "3–11 år"
    assert komet["al"] == [3, 11, 0]
    # "barn 4 år" finds an offer "från 4 år" (open upper age: up to 17) and "18 år" one for 13–18 år
    assert entries["foraldrachatt-med-elevhalsan"]["al"] == [6, 17, 0]
    assert entries["foraldrachatt-med-elevhalsan"]["a"] == "Från 6 år"
    assert entries["connect-for-tonarsforaldrar"]["al"] == [13, 18, 0]
    assert entries["babysang-i-kyrkan"]["al"] == [0, 1, 0]
    assert entries["babysang-i-kyrkan"]["a"] == "2–18 månader"
    assert [index["typer"][t]["n"] for t in komet["y"]] == ["Föräldrakurser"]
    assert [index["grupper"][g]["n"] for g in komet["g"]] == ["Barn 1–5 år", "Barn 6–12 år"]
    title, keywords, summary, description = (field.split() for field in komet["f"])
    assert title == ["kom", "forald", "barn", "3", "11"]  # "Komet" loses -et like "barnet"; so does the query
    assert {"brak", "tjat", "konflikt", "lyssn", "centrum", "svensk", "kostnadsfritt"} <= set(keywords)
    assert "forald" not in summary + description  # already in the title: never repeated
    assert "tjatar" not in description
    assert "tjat" not in description
    all_stems = title + keywords + summary + description
    assert len(all_stems) == len(set(all_stems))
    assert not {"och", "att", "du", "som"} & set(all_stems)
    assert index["regler"] == wordforms.rules().as_json()
    assert index["synonymer"]["skilsmass"]
    assert "forald" in index["narliggande"]["papp"]


def test_description_keeps_at_most_the_limit_of_stems(sample: Catalog) -> None:
    long_text = " ".join(f"ord{i}ning" for i in range(1000))
    offer = replace(sample.offers[0], description_html=f"<p>{long_text}</p>")
    entry = search.build(replace(sample, offers=(offer,)))["erbjudanden"][0]
    stems = entry["f"][3].split()
    assert len(stems) == search.MAX_DESCRIPTION_STEMS
    assert stems[0] == "ord0ning"


def test_json_keeps_markup_characters_escaped(sample: Catalog) -> None:
    hostile = '</script><img src=x onerror=alert(1)> & "x"'
    offer = replace(sample.offers[0], title=hostile, summary=hostile)
    text = search.to_json(search.build(replace(sample, offers=(offer,))))
    assert not {"<", ">", "&"} & set(text)
    assert json.loads(text)["erbjudanden"][0]["t"] == hostile


def test_sample_index_is_small(sample: Catalog) -> None:
    text = search.to_json(search.build(sample))
    assert search.gzip_size(text) <= MAX_GZIP_PER_OFFER * len(sample.offers)


def test_long_synthetic_offers_stay_under_one_kilobyte_each() -> None:
    bench = _bench()
    catalog = bench.synthetic_catalog(300)
    text = search.to_json(search.build(catalog))
    assert len(catalog.offers) == 300
    assert min(len(plain_text(o.description_html).split()) for o in catalog.offers) >= 500
    assert search.gzip_size(text) / len(catalog.offers) <= MAX_GZIP_PER_OFFER


def test_build_writes_the_index_and_the_results_page_but_no_other_search(sample_build: Build) -> None:
    index = json.loads((sample_build.site / "sok" / "index.json").read_text(encoding="utf-8"))
    offer_dirs = {p.name for p in (sample_build.site / "erbjudanden").iterdir() if p.is_dir()}
    assert {entry["u"] for entry in index["erbjudanden"]} == offer_dirs
    html = sample_build.html("sok/")
    assert '<form class="sg-search" role="search"' in html
    assert 'name="q"' in html
    assert "Sökningen behöver JavaScript" in html
    for page in sample_build.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "index.json" not in text, f"{page}: the index must be fetched only when the parent searches"
        assert 'data-md-component="search"' not in text, f"{page}: Material's search should be off"
    assert not (sample_build.site / "search").exists()
    start = sample_build.html("")
    assert '<form class="sg-header-search" role="search" aria-label="Sök på webbplatsen" action="sok/"' in start
    assert '<label class="md-header__button md-icon" for="__drawer">' in start

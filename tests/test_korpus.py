"""The real-offer regression suite (issue 14): 35 real Swedish offers, in our own words, in a corpus fixture site.

Every offer file in tests/fixtures/sites/korpus/data/erbjudanden/ names its public source in its first line.
tests/korpus/forvantningar.yml lists, for each file, the facts a parent needs and the contract field each
comes from (contract version 2, tests/korpus/KONTRAKT.md). The corpus site is built once, with --strict, and
every fact must be on the offer's page outside the description (`div.sg-beskrivning` in offer.html), so a
fact that only the editor's free text says does not count; the same fields must be in the open data.

The checks that read only the files pass on their own; the built-page checks need contract version 2.

While contract v2 is merged in parts, `KORPUS_UTAN_1_3=1` builds a copy of the corpus without the keys of
sections 1 and 3 (`deltar`, `anmälan.sätt` and the keys beside it, `arrangör` as a list) and checks only the
facts of sections 2, 4, 5 and 6. Without it (as in CI), every fact is checked against the real corpus.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date, timedelta
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from conftest import FIXTURE_SITES, ROOT, Build, make_project, run_build
from stodguiden.base.siteurls import calendar_path

if TYPE_CHECKING:
    from pathlib import Path

KORPUS = FIXTURE_SITES / "korpus" / "data"
OFFER_DIR = KORPUS / "erbjudanden"
EXPECTATIONS = ROOT / "tests" / "korpus" / "forvantningar.yml"
SOURCE_LINE = re.compile(r"^# Källa: https?://\S+ \(.+\), läst \d{4}-\d{2}-\d{2}\. Fakta med egna ord\.$")
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
LEVELS = {"universell", "selektiv", "indikerad"}
DELTAR = {"föräldrar", "barn", "förälder_och_barn", "familj", "par", "blivande_föräldrar", "andra_vuxna"}
TIMING_FIELDS = ("omgångar", "löpande", "tider", "nästa_start")
NO_TIME_GIVEN = "Kontakta oss för att få veta när."
MAX_DESCRIPTION = 250
WITHOUT_1_3 = os.environ.get("KORPUS_UTAN_1_3") == "1"
SECTION_1_3_SIGNUP_KEYS = ("sätt", "av", "sedan", "kö", "båda_vårdnadshavarna", "telefon", "e-post", "sista_dag")
SECTIONS_2_4_5_6 = ("ålder", "löpande", "uppehåll", "tider", "nästa_start", "omgångar", "format", "språk", "när")
AGE_SPAN = re.compile(r"(\d{1,2})–(\d{1,2})(?: år|-åringar)")
BESKRIVNING_CLASS = "sg-beskrivning"
BLOCKS = {"p", "li", "ul", "ol", "div", "section", "h1", "h2", "h3", "h4", "br", "td", "th", "tr", "dt", "dd", "table"}
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area"}


def _read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _offers() -> dict[str, dict[str, Any]]:
    return {path.stem: _read_yaml(path) for path in sorted(OFFER_DIR.glob("*.yml"))}


OFFERS = _offers()
EXPECTED: dict[str, list[dict[str, Any]]] = _read_yaml(EXPECTATIONS)
SLUGS = sorted(OFFERS)


# --- reading the built page ------------------------------------------------------------------------------------


class _PageText(HTMLParser):
    """The visible text of a page's <article>, by h2 section; with and without the description's element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.all: list[str] = []
        self.outside: list[str] = []
        self.sections: dict[str, list[str]] = {}
        self._article = 0
        self._skip_tag: str | None = None
        self._skip_depth = 0
        self._hidden = 0
        self._section = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "article":
            self._article += 1
        if tag in ("script", "style", "template"):
            self._hidden += 1
        if tag == "h2" and self._article and self._skip_tag is None:
            self._section = values.get("id", "")
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth += 1
        elif BESKRIVNING_CLASS in values.get("class", "").split() and tag not in VOID:
            self._skip_tag, self._skip_depth = tag, 1
        if tag in BLOCKS:
            self._add(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._add(" ")
        if tag == "article":
            self._article = max(0, self._article - 1)
        if tag in ("script", "style", "template"):
            self._hidden = max(0, self._hidden - 1)
        if self._skip_tag == tag:
            self._skip_depth -= 1
            if self._skip_depth == 0:
                self._skip_tag = None

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._add(data)

    def _add(self, text: str) -> None:
        if not self._article:
            return
        self.all.append(text)
        if self._skip_tag is None:
            self.outside.append(text)
            self.sections.setdefault(self._section, []).append(text)


def _normal(parts: list[str]) -> str:
    return " ".join("".join(parts).replace("\xa0", " ").replace("\u202f", " ").split())


class Page:
    def __init__(self, html: str) -> None:
        parser = _PageText()
        parser.feed(html)
        parser.close()
        self.all = _normal(parser.all)
        self.outside = _normal(parser.outside)
        self.sections = {key: _normal(value) for key, value in parser.sections.items()}

    def section(self, anchor: str) -> str:
        return self.sections.get(anchor, "")


def shows(text: str, where: str) -> bool:
    """`text` is in `where`, exactly but for its first letter, which may start a sentence or not."""
    text = " ".join(text.split())
    return any(variant in where for variant in {text, text[:1].upper() + text[1:], text[:1].lower() + text[1:]})


def values_at(value: Any, path: list[str]) -> list[Any]:
    """The values at a dotted path; through a list, the values of each of its items."""
    if not path:
        return [value]
    if isinstance(value, list):
        return [found for item in value for found in values_at(item, path)]
    if isinstance(value, dict) and path[0] in value:
        return values_at(value[path[0]], path[1:])
    return []


def filled(value: Any) -> bool:
    return value is not None and value is not False and value not in ("", [], {})


def _signup_way(offer: dict[str, Any]) -> str:
    signup = offer.get("anmälan", {})
    if "sätt" in signup:
        return str(signup["sätt"])
    return "anmälan" if signup.get("behövs") else "ingen"


def _weekdays(text: str) -> set[int]:
    """The weekdays of `löpande[].veckodag`: one day, or a range such as måndag–fredag."""
    first, _, last = text.replace("-", "–").partition("–")
    start = WEEKDAYS.index(first.strip())
    end = WEEKDAYS.index(last.strip()) if last.strip() else start
    return set(range(start, end + 1))


def _facts() -> list[Any]:
    """One parameter per expected fact: (slug, the fact), named slug-number."""
    return [
        pytest.param(slug, fact, id=f"{slug}-{number}")
        for slug in SLUGS
        for number, fact in enumerate(EXPECTED.get(slug, []), start=1)
    ]


def _checked(fact: dict[str, Any]) -> bool:
    """Every fact; with KORPUS_UTAN_1_3=1, only those of sections 2, 4, 5 and 6."""
    return not WITHOUT_1_3 or fact["fält"].split(".")[0] in SECTIONS_2_4_5_6


def _strip_sections_1_and_3(text: str) -> str:
    """An offer file without `deltar`, `anmälan.sätt` and the keys beside it, and with one `arrangör`.

    Line by line, so the file stays as the editor wrote it. `sätt` goes back to `behövs`, with a `hur` where
    only the keys of section 3 said how (`av`, `sedan`, `telefon`, `e-post`).
    """
    lines: list[str] = []
    in_signup = False
    for line in text.splitlines():
        if line.startswith("deltar:"):
            continue
        if line.startswith("arrangör: ["):
            line = "arrangör: " + line.removeprefix("arrangör: [").split(",")[0].rstrip("]").strip()
        if not line.startswith(" "):
            in_signup = line.startswith("anmälan:")
        elif in_signup:
            key, _, value = line.strip().partition(":")
            if key == "sätt":
                needed = value.strip() != "ingen"
                line = f"  behövs: {'true' if needed else 'false'}"
                if needed and not re.search(r"^anmälan:\n(  .*\n)*  (hur|webb):", text, re.MULTILINE):
                    line += "\n  hur: Kontakta oss."
            elif key in SECTION_1_3_SIGNUP_KEYS:
                continue
        lines.append(line)
    return "\n".join(lines) + "\n"


# --- the corpus files themselves (these pass without a build) ------------------------------------------------------


def test_corpus_has_at_least_25_offers_each_with_expectations() -> None:
    assert len(OFFERS) >= 25
    assert set(EXPECTED) == set(OFFERS), "forvantningar.yml and the offer files must list the same offers"
    thin = [slug for slug, facts in EXPECTED.items() if len(facts) < 5]
    assert not thin, f"offers with fewer than five expected facts: {thin}"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_offer_says_who_takes_part_ages_how_and_when(slug: str) -> None:
    """Each offer's facts come from `deltar`, `ålder`, `anmälan` and a field that says when (or the lack of one)."""
    fields = {fact["fält"].split(".")[0] for fact in EXPECTED[slug]}
    assert {"deltar", "ålder", "anmälan"} <= fields, f"{slug}: {sorted(fields)}"
    assert fields & {*TIMING_FIELDS, "uppehåll", "när"}, f"{slug}: no fact says when"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_description_is_short_and_holds_no_key_fact(slug: str) -> None:
    description = OFFERS[slug].get("beskrivning", "")
    assert len(description) <= MAX_DESCRIPTION, f"{slug}: the key facts belong in fields, not a long description"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_offer_file_starts_with_its_public_source(slug: str) -> None:
    first = (OFFER_DIR / f"{slug}.yml").read_text(encoding="utf-8").splitlines()[0]
    assert SOURCE_LINE.match(first), f"{slug}.yml must start with '# Källa: <URL> (<titel>), läst …': {first!r}"


def test_corpus_covers_every_kind_level_and_who_takes_part() -> None:
    kinds = set(_read_yaml(KORPUS / "typer.yml"))
    assert {kind for offer in OFFERS.values() for kind in offer["typer"]} == kinds
    assert {offer.get("nivå") for offer in OFFERS.values()} >= LEVELS
    assert {who for offer in OFFERS.values() for who in offer.get("deltar", [])} == DELTAR
    ways = {_signup_way(offer) for offer in OFFERS.values()}
    assert ways >= {"ingen", "anmälan", "ansökan", "inbjudan"}
    assert {offer.get("tider") for offer in OFFERS.values()} >= {"när_du_vill", "tidsbokning"}


def test_corpus_covers_expecting_parents_to_17_year_olds() -> None:
    ages = [offer["ålder"] for offer in OFFERS.values()]
    assert any(age.get("väntar_barn") for age in ages)
    assert any("från_graviditetsvecka" in age for age in ages)
    assert any("till_månader" in age or "från_månader" in age for age in ages)
    assert any(age.get("från") == 0 or "till_månader" in age for age in ages)
    assert any(age.get("till", -1) >= 17 or ("från" in age and "till" not in age) for age in ages)
    assert any(age.get("till") == 18 for age in ages)


def test_corpus_covers_online_and_in_person() -> None:
    places = [place for offer in OFFERS.values() for place in offer.get("plats", [])]
    assert any(place.get("digitalt") for place in places)
    assert any(not place.get("digitalt") for place in places)


def test_corpus_covers_at_least_four_languages_besides_swedish() -> None:
    codes = {
        code
        for offer in OFFERS.values()
        for code in [*offer.get("språk", []), *(c for r in offer.get("omgångar", []) for c in r.get("språk", []))]
    }
    assert len(codes - {"sv"}) >= 4, codes
    assert {"prs", "ckb", "kmr"} <= codes, "languages without a two-letter code must be in the corpus"


@pytest.mark.parametrize(("slug", "fact"), _facts())
def test_every_expected_fact_names_a_field_the_offer_fills(slug: str, fact: dict[str, Any]) -> None:
    field, text, offer = fact["fält"], fact["text"], OFFERS[slug]
    if fact.get("utan_fält"):
        assert not any(key in offer for key in TIMING_FIELDS), f"{slug}: '{text}' is only for offers without times"
        return
    assert any(filled(v) for v in values_at(offer, field.split("."))), f"{slug}: no {field} for '{text}'"
    assert text not in offer.get("beskrivning", ""), f"{slug}: '{text}' must come from {field}, not the description"


# --- the built corpus site -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def korpus_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("korpus"), KORPUS)
    if WITHOUT_1_3:
        for path in (project / "data" / "erbjudanden").glob("*.yml"):
            path.write_text(_strip_sections_1_and_3(path.read_text(encoding="utf-8")), encoding="utf-8")
    build = run_build(project, "--strict")
    assert build.ok, build.result.stderr
    return build


@pytest.fixture(scope="session")
def korpus_pages(korpus_build: Build) -> dict[str, Page]:
    return {slug: Page(korpus_build.html(f"erbjudanden/{slug}/")) for slug in SLUGS}


@pytest.fixture(scope="session")
def korpus_records(korpus_build: Build) -> dict[str, dict[str, Any]]:
    data = json.loads((korpus_build.site / "oppna-data" / "erbjudanden.json").read_text(encoding="utf-8"))
    return {record["id"]: record for record in data["erbjudanden"]}


def test_every_offer_has_a_page(korpus_build: Build) -> None:
    missing = [slug for slug in SLUGS if not (korpus_build.site / "erbjudanden" / slug / "index.html").is_file()]
    assert not missing


@pytest.mark.parametrize("slug", SLUGS)
def test_every_fact_is_on_the_page_outside_the_description(slug: str, korpus_pages: dict[str, Page]) -> None:
    page = korpus_pages[slug]
    missing = [
        f"{fact['fält']}: {fact['text']}" + (" (ungefär: align with the wording chosen)" if fact.get("ungefär") else "")
        for fact in EXPECTED[slug]
        if _checked(fact) and not shows(fact["text"], page.outside)
    ]
    assert not missing, f"{slug}: not on the page outside the description:\n" + "\n".join(missing)


@pytest.mark.parametrize("slug", SLUGS)
def test_open_data_carries_the_fields_the_facts_come_from(slug: str, korpus_records: dict[str, dict[str, Any]]) -> None:
    record = korpus_records[slug]
    fields = sorted({fact["fält"] for fact in EXPECTED[slug] if _checked(fact) and not fact.get("utan_fält")})
    missing = [field for field in fields if not any(filled(v) for v in values_at(record, field.split(".")))]
    assert not missing, f"{slug}: missing or empty in oppna-data/erbjudanden.json: {missing}"


# --- the false statements the issue found never appear where they would be false -------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_no_time_agreed_together_unless_by_appointment(slug: str, korpus_pages: dict[str, Page]) -> None:
    """'Ni bestämmer tid tillsammans' only for `tider: tidsbokning`: never on a fixed-date or self-paced offer."""
    if OFFERS[slug].get("tider") != "tidsbokning":
        assert "Ni bestämmer tid tillsammans" not in korpus_pages[slug].all


@pytest.mark.parametrize("slug", SLUGS)
def test_signup_statements_match_the_way_in(slug: str, korpus_pages: dict[str, Page]) -> None:
    text, way = korpus_pages[slug].all, _signup_way(OFFERS[slug])
    if way == "ansökan":
        assert "utan att du behöver ansöka" not in text
    if way != "ingen":
        for false in ("Du behöver inte anmäla dig", "Nej, du kan bara komma", "Kom när det passar dig"):
            assert false not in text, f"{slug} ({way}) says '{false}'"
    else:
        assert "Ja, anmäl dig i förväg" not in text


@pytest.mark.parametrize("slug", SLUGS)
def test_no_time_given_only_when_there_is_none(slug: str, korpus_pages: dict[str, Page]) -> None:
    has_times = any(key in OFFERS[slug] for key in TIMING_FIELDS)
    assert (NO_TIME_GIVEN in korpus_pages[slug].all) is not has_times


@pytest.mark.parametrize("slug", SLUGS)
def test_the_ages_on_the_page_are_the_ages_of_the_title_and_the_offer(slug: str, korpus_pages: dict[str, Page]) -> None:
    offer = OFFERS[slug]
    shown = {f"{low}–{high} år" for low, high in AGE_SPAN.findall(korpus_pages[slug].section("for-vem"))}
    titled = {f"{low}–{high} år" for low, high in AGE_SPAN.findall(offer["titel"])}
    if titled:
        assert shown == titled, f"{slug}: the title says {titled}, the page says {shown}"
    age = offer["ålder"]
    if isinstance(age.get("från"), int) and isinstance(age.get("till"), int) and age["från"] != age["till"]:
        assert shown == {f"{age['från']}–{age['till']} år"}, f"{slug}: ålder is {age}, the page says {shown}"


def _closed_weekly_days(offer: dict[str, Any]) -> list[date]:
    weekdays = {day for slot in offer.get("löpande", []) for day in _weekdays(slot["veckodag"])}
    days = []
    for closure in offer.get("uppehåll", []):
        day, last = closure["från"], closure["till"]
        while day <= last:
            if day.weekday() in weekdays:
                days.append(day)
            day += timedelta(days=1)
    return days


CLOSED = [slug for slug in SLUGS if _closed_weekly_days(OFFERS[slug])]


def test_the_corpus_has_weekly_times_with_a_closure() -> None:
    assert CLOSED


@pytest.mark.parametrize("slug", CLOSED)
def test_no_weekly_time_inside_a_closure(slug: str, korpus_build: Build) -> None:
    """The calendar file skips every weekly time that falls in an `uppehåll` (EXDATE)."""
    calendar = (korpus_build.site / calendar_path(slug)).read_text(encoding="utf-8")
    unfolded = re.sub(r"\r?\n[ \t]", "", calendar)
    excluded = " ".join(line for line in unfolded.splitlines() if line.startswith("EXDATE"))
    missing = [day.isoformat() for day in _closed_weekly_days(OFFERS[slug]) if f"{day:%Y%m%d}" not in excluded]
    assert not missing, f"{slug}: weekly times inside a closure: {missing}"

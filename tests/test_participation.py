"""Who takes part (`deltar`), how to take part (`anmälan.sätt`) and several organisers (`arrangör: [a, b]`):
the offer page speaks to the right person, and the finder, the search, the open data, HSDS and JSON-LD carry
the same facts. Mistakes and their messages are fixture cases in tests/fixtures/invalid (anmalan-*,
deltar-*, organisers-*, organiser-description-says-how-to-sign-up)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import FIXTURE_SITES, ROOT, SAMPLE, SAMPLE_DATA
from stodguiden.base.siteurls import SiteUrls
from stodguiden.language import participation
from stodguiden.language.participation import CHILD, YOU, YOU_ALL, YOU_AND_CHILD, signup_text, speaks_to
from stodguiden.outputs import finder, hsds, jsonld, opendata, search
from stodguiden.site import pages
from stodguiden.source import vocabularies
from stodguiden.source.catalog import load

if TYPE_CHECKING:
    from pathlib import Path

    from stodguiden.model import Catalog, Offer

TODAY = date(2027, 1, 18)
SCHEMA = json.loads((ROOT / "schema" / "erbjudande.schema.json").read_text(encoding="utf-8"))
OFFER = """\
titel: Barngruppen
sammanfattning: En grupp för barn vars föräldrar har separerat.
ålder:
  från: 7
  till: 12
typer: [grupper]
arrangör: socialtjansten
kontakt:
  telefon: 0123-456 78
"""


def offer_from(tmp_path: Path, extra: str, base: str = OFFER) -> tuple[Offer, Catalog]:
    """The offer `base` + `extra` (YAML) loaded in a copy of the minimal site, as on TODAY."""
    shutil.copytree(FIXTURE_SITES / "minimal" / "data", tmp_path / "data", dirs_exist_ok=True)
    (tmp_path / "data" / "erbjudanden" / "barngruppen.yml").write_text(base + extra, encoding="utf-8")
    catalog, problems = load(tmp_path, today=TODAY, environ={})
    assert catalog is not None, [str(p) for p in problems]
    assert [str(p) for p in problems] == []
    return next(o for o in catalog.offers if o.slug == "barngruppen"), catalog


def page_text(offer: Offer, catalog: Catalog) -> str:
    """The offer page as text on one line, tags and entities gone."""
    html = pages.offer_page(offer, catalog).html
    text = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).replace("&#39;", "'").replace("&amp;", "&")


def section(offer: Offer, catalog: Catalog, anchor: str) -> str:
    """The text of one h2 section of the offer page, its heading first."""
    html = pages.offer_page(offer, catalog).html
    part = html.split(f'<h2 id="{anchor}">', 1)[1].split("<h2 ", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part)).strip()


# --- the tables and the schema name the same values ---


def test_the_tables_have_every_value_of_the_schema_and_no_other() -> None:
    signup = SCHEMA["properties"]["anmälan"]["properties"]
    assert list(participation.PARTICIPANTS) == SCHEMA["properties"]["deltar"]["items"]["enum"]
    assert list(participation.WAYS) == signup["sätt"]["enum"]
    assert list(participation.QUEUE) == signup["kö"]["enum"] == list(participation.QUEUE_WORDS)
    for name, way in participation.WAYS.items():
        assert set(way.fits) | set(way.needs) <= set(signup) - {"sätt", "behövs"}, name
        assert set(way.needs) <= way.fits, name
        assert set(way.answer) == set(participation.ADDRESSEES), name
        assert way.link is None or set(way.link) == set(participation.ADDRESSEES), name
        assert way.last_day is None or "sista_dag" in way.fits, name
    for choice in finder.PARTICIPANT_CHOICES:
        assert any(choice.value in p.finder for p in participation.PARTICIPANTS.values())


@pytest.mark.parametrize(
    ("participants", "addressee"),
    [
        ((), YOU),
        (("föräldrar",), YOU),
        (("föräldrar", "andra_vuxna"), YOU),
        (("barn",), CHILD),
        (("förälder_och_barn",), YOU_AND_CHILD),
        (("föräldrar", "barn"), YOU_AND_CHILD),
        (("familj",), YOU_ALL),
        (("par",), YOU_ALL),
        (("familj", "par"), YOU_ALL),
        (("familj", "barn"), YOU_AND_CHILD),
        (("par", "föräldrar"), YOU),
    ],
)
def test_whom_the_page_speaks_to(participants: tuple[str, ...], addressee: str) -> None:
    assert speaks_to(participants) == addressee


def test_the_finder_counts_an_offer_as_adult_support_or_a_group_for_the_child() -> None:
    choices = participation.finder_choices
    assert choices(["barn"]) == ["barn"]
    assert choices(["föräldrar", "par"]) == ["vuxen"]
    assert choices(["familj"]) == ["vuxen", "barn"]
    assert choices(["förälder_och_barn"]) == ["vuxen", "barn"]
    assert choices([]) == [], "an offer that does not say is counted under neither"


# --- the offer page ---


def test_a_group_for_the_child_speaks_about_the_child(tmp_path: Path) -> None:
    offer, catalog = offer_from(
        tmp_path,
        "deltar: [barn]\nanmälan:\n  sätt: anmälan\n  hur: Ring familjeenheten.\n  webb: https://www.testby.se/barn\n"
        "  båda_vårdnadshavarna: true\n  kö: reservlista\n  sista_dag: 2027-02-05\n",
    )
    assert section(offer, catalog, "for-vem").startswith(
        "För vem? För dig som har barn som är 7–12 år. Ditt barn går i gruppen."
    )
    assert section(offer, catalog, "anmalan") == (
        "Behöver jag anmäla mitt barn? Ja, anmäl ditt barn i förväg. Ring familjeenheten. "
        "Anmäl ditt barn till Barngruppen "
        "Det är fullt, men ditt barn kan stå på reservlistan. "
        "Båda vårdnadshavarna behöver säga ja till att barnet deltar. "
        "Sista dag att anmäla ditt barn är 5 februari 2027."
    )
    html = pages.offer_page(offer, catalog).html
    assert "<dt>Vem deltar</dt><dd>Ditt barn</dd>" in html
    assert "<dt>Anmälan</dt><dd>Ja, anmäl ditt barn i förväg</dd>" in html
    assert '<a class="md-button md-button--primary" href="https://www.testby.se/barn">' in html


def test_the_last_day_once_passed_is_told_in_the_past(tmp_path: Path) -> None:
    offer, _ = offer_from(tmp_path, "anmälan:\n  sätt: anmälan\n  hur: Ring oss.\n  sista_dag: 2027-01-10\n")
    assert signup_text(offer, TODAY).notes == ("Sista dag att anmäla dig var 10 januari 2027.",)
    assert signup_text(offer, date(2027, 1, 10)).notes == ("Sista dag att anmäla dig är 10 januari 2027.",)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "deltar: [förälder_och_barn]\nanmälan:\n  sätt: ingen\n",
            "Behöver vi anmäla oss? Nej, du och ditt barn kan bara komma.",
        ),
        ("deltar: [familj]\nanmälan:\n  behövs: false\n", "Behöver vi anmäla oss? Nej, ni kan bara komma."),
        (
            "deltar: [par]\nanmälan:\n  behövs: true\n  telefon: 0123-456 99\n  e-post: par@testby.se\n",
            "Behöver vi anmäla oss? Ja, anmäl er i förväg. Ring 0123-456 99 Mejla par@testby.se",
        ),
        (
            "anmälan:\n  sätt: ansökan\n  sedan: Du får ett brev med en tid för ett första samtal\n  kö: väntelista\n",
            "Behöver jag anmäla mig? Du ansöker hos socialtjänsten. Du får ett brev med en tid för ett första "
            "samtal. Det finns en väntelista, så det kan dröja innan du får en plats.",
        ),
        (
            "deltar: [barn]\nanmälan:\n  sätt: ansökan\n  sedan: Vi ringer dig inom en vecka.\n",
            "Behöver jag anmäla mitt barn? Du ansöker om en plats för ditt barn hos socialtjänsten. Vi ringer "
            "dig inom en vecka.",
        ),
        (
            "deltar: [blivande_föräldrar]\nanmälan:\n  sätt: inbjudan\n  av: din barnmorska\n"
            "  hur: Du kan också ringa och fråga.\n",
            "Behöver jag anmäla mig? Du blir inbjuden av din barnmorska. Du kan också ringa och fråga.",
        ),
        (
            "anmälan:\n  sätt: konto\n  webb: https://www.testby.se/konto\n",
            "Behöver jag anmäla mig? Du skapar ett konto och börjar när du vill. Skapa ett konto för Barngruppen",
        ),
    ],
    ids=["ingen", "behövs-false", "behövs-true", "ansökan", "ansökan-barn", "inbjudan", "konto"],
)
def test_the_answer_to_do_i_need_to_sign_up(tmp_path: Path, extra: str, expected: str) -> None:
    offer, catalog = offer_from(tmp_path, extra)
    assert section(offer, catalog, "anmalan") == expected
    answer = signup_text(offer, TODAY).answer
    assert f"<dt>Anmälan</dt><dd>{answer.removesuffix('.')}</dd>" in pages.offer_page(offer, catalog).html


def test_the_answer_for_old_files_and_new_ones_is_the_same(tmp_path: Path) -> None:
    old, _ = offer_from(tmp_path / "old", "anmälan:\n  behövs: true\n  hur: Ring oss.\n")
    new, _ = offer_from(tmp_path / "new", "anmälan:\n  sätt: anmälan\n  hur: Ring oss.\n")
    assert old.signup == new.signup
    assert old.signup.way == "anmälan"
    assert old.signup.needed


def test_without_deltar_the_page_says_nothing_about_who_takes_part(tmp_path: Path) -> None:
    offer, catalog = offer_from(tmp_path, "anmälan:\n  sätt: anmälan\n  hur: Ring oss.\n")
    assert section(offer, catalog, "for-vem") == "För vem? För dig som har barn som är 7–12 år."
    assert "Vem deltar" not in pages.offer_page(offer, catalog).html
    assert jsonld.offer_graph(offer, catalog, SiteUrls(""))["@graph"][0]["audience"]["audienceType"] == "Föräldrar"


def test_expecting_parents_are_told_once(tmp_path: Path) -> None:
    base = OFFER.replace("  från: 7\n  till: 12\n", "  väntar_barn: true\n")
    offer, catalog = offer_from(tmp_path, "deltar: [blivande_föräldrar, par]\nanmälan:\n  sätt: ingen\n", base)
    assert section(offer, catalog, "for-vem") == "För vem? För dig som väntar barn. För er två som föräldrar."


def test_every_organiser_is_listed_and_the_first_leads(tmp_path: Path) -> None:
    offer, catalog = offer_from(
        tmp_path,
        "anmälan:\n  sätt: ingen\n",
        OFFER.replace("arrangör: socialtjansten", "arrangör: [kyrkan, socialtjansten]"),
    )
    assert offer.organisers == ("kyrkan", "socialtjansten")
    assert offer.organiser == "kyrkan"
    assert section(offer, catalog, "arrangor") == (
        "Vem ordnar det? Kyrkan i Testby ordnar det tillsammans med Socialtjänsten i Testby. "
        "Kyrkan i Testby. Församlingen har öppna verksamheter för familjer. "
        "Socialtjänsten i Testby. Kommunens socialtjänst ger stöd till barn och familjer."
    )
    # the report link goes to the lead (kyrkan has no e-post: the offer's, then the site's), never to another
    report = pages.report_link(offer, catalog, "x")
    assert report is not None
    assert "socialtjansten@testby.se" not in report
    graph = jsonld.offer_graph(offer, catalog, SiteUrls(""))["@graph"]
    assert graph[0]["provider"] == [{"@id": "#arrangor"}, {"@id": "#arrangor-2"}]
    assert [(node["@id"], node["name"]) for node in graph if node["@id"].startswith("#arrangor")] == [
        ("#arrangor", "Kyrkan i Testby"),
        ("#arrangor-2", "Socialtjänsten i Testby"),
    ]


# --- the finder, the search and the open data ---


@pytest.fixture(scope="module")
def sample() -> Catalog:
    catalog, problems = load(SAMPLE, today=TODAY)
    assert catalog is not None, problems
    return catalog


def test_finder_record_and_choices(tmp_path: Path) -> None:
    offer, catalog = offer_from(tmp_path, "deltar: [föräldrar, barn]\nanmälan:\n  sätt: ingen\n")
    record = finder.record(offer, catalog, pages.text_macros())
    assert record["d"] == ["vuxen", "barn"]
    assert record["w"] == "Du som förälder och ditt barn"
    assert [c.label for c in finder.filters(catalog).participants] == ["Stöd för mig", "En grupp för mitt barn"]
    without = dataclasses.replace(catalog, offers=tuple(o for o in catalog.offers if not o.participants))
    assert finder.filters(without).participants == (), "a choice that could find nothing is not offered"
    komet = next(o for o in catalog.offers if o.slug == "komet")
    assert "d" not in finder.record(komet, catalog, pages.text_macros())


def test_the_finder_says_who_takes_part_as_the_cards_do(sample: Catalog) -> None:
    cards = "".join(page.html for page in pages.plan(sample).pages if page.src_uri.startswith(pages.AGE_SECTION))
    macros = pages.text_macros()
    for offer in sample.offers:
        record = finder.record(offer, sample, macros)
        if offer.participants:
            assert f"<dt>Vem deltar</dt><dd>{record['w']}</dd>" in cards


def test_search_finds_who_takes_part_and_how(tmp_path: Path) -> None:
    _, catalog = offer_from(
        tmp_path,
        "deltar: [barn]\nanmälan:\n  sätt: ingen\n",
        OFFER.replace("arrangör: socialtjansten", "arrangör: [socialtjansten, kyrkan]"),
    )
    index = search.build(catalog)
    entry = next(e for e in index["erbjudanden"] if e["u"] == "barngruppen")
    # the search words of deltar: [barn] and sätt: ingen ("barngrupp" is the title's already)
    assert {"grupp", "barn", "drop", "ing", "anmal"} <= set(entry["f"][1].split())
    names = [o.key for o in catalog.organisers.values()]
    assert entry["o"] == [names.index("socialtjansten"), names.index("kyrkan")]


def test_open_data_json_csv_hsds(tmp_path: Path) -> None:
    offer, catalog = offer_from(
        tmp_path,
        "deltar: [barn, föräldrar]\nanmälan:\n  sätt: ansökan\n  sedan: Vi ringer dig inom en vecka.\n"
        "  telefon: 0123-456 99\n  båda_vårdnadshavarna: true\n",
        OFFER.replace("arrangör: socialtjansten", "arrangör: [socialtjansten, kyrkan]"),
    )
    urls = SiteUrls("https://www.testby.se/")
    record = opendata.offer_record(offer, catalog, urls)
    assert record["deltar"] == ["barn", "föräldrar"]
    assert record["arrangör"]["id"] == "socialtjansten"
    assert [o["id"] for o in record["arrangörer"]] == ["socialtjansten", "kyrkan"]
    assert record["anmälan"] == {
        "behövs": True,
        "hur": None,
        "webb": None,
        "sätt": "ansökan",
        "telefon": "0123-456 99",
        "e-post": None,
        "sedan": "Vi ringer dig inom en vecka.",
        "av": None,
        "båda_vårdnadshavarna": True,
        "kö": None,
        "sista_dag": None,
    }
    document = json.loads(opendata.offers_json(catalog, urls, datetime(2027, 1, 18, tzinfo=UTC)))
    schema = json.loads(opendata.schema_json())
    assert list(Draft202012Validator(schema).iter_errors(document)) == []
    rows = list(csv.DictReader(io.StringIO(opendata.offers_csv(catalog, urls).decode("utf-8-sig")), delimiter=";"))
    row = next(r for r in rows if r["id"] == "barngruppen")
    assert row["deltar"] == "barn, föräldrar"
    assert row["arrangörer"] == "Socialtjänsten i Testby, Kyrkan i Testby"
    assert row["anmälan_sätt"] == "ansökan"
    assert row["anmälan_båda_vårdnadshavarna"] == "ja"
    service = next(s for s in hsds.tables(catalog, urls)["service"] if s["name"] == "Barngruppen")
    assert service["eligibility_description"] == (
        "För dig som har barn som är 7–12 år. Ditt barn går i gruppen. För dig som förälder."
    )
    assert service["application_process"] == (
        "Du ansöker hos socialtjänsten. Ring 0123-456 99. Vi ringer dig inom en vecka. "
        "Båda vårdnadshavarna behöver säga ja till att barnet deltar."
    )
    assert service["organization_id"] == urls.uuid("hsds", "arrangor", "socialtjansten")
    audience = jsonld.offer_graph(offer, catalog, urls)["@graph"][0]["audience"]
    assert audience["audienceType"] == ["Barn", "Föräldrar"]


# --- the organisers' shared texts ---


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Anmäl dig på vår webbplats.", "Anmäl"),
        ("Du behöver inte ansöka om stöd.", "ansöka"),
        ("Gör en intresseanmälan.", "intresseanmälan"),
        ("Det är kö till grupperna.", "kö"),
        ("Kom på drop in varje tisdag.", "drop in"),
        ("Du kan bara komma.", "bara komma"),
        ("Boka tid hos oss.", "Boka"),
        ("Barnmorskan bjuder in till föräldragrupp.", "bjuder in"),
        ("Vi har anmälningsplikt när barn far illa.", None),
        ("Socialtjänsten tar emot en orosanmälan.", None),
        ("Biblioteket lånar ut böcker och köper nya varje månad.", None),
        ("Kommunens familjeenhet ger råd, stödsamtal och föräldrakurser.", None),
    ],
)
def test_sign_up_words_in_an_organisers_description(text: str, found: str | None) -> None:
    match = vocabularies.signup_words().search(text)
    assert (match.group(0) if match else None) == found


def test_no_organiser_of_the_sample_data_says_how_to_sign_up() -> None:
    data: dict[str, Any] = yaml.safe_load((SAMPLE_DATA / "arrangorer.yml").read_text(encoding="utf-8"))
    for key, entry in data.items():
        assert vocabularies.signup_words().search(entry["beskrivning"]) is None, key

"""Real `mkdocs build` runs, asserting on the produced site."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_SITES, TODAY, Build, BuildFactory, make_project, run_build
from stodguiden.outputs import sitefiles
from stodguiden.site import pages
from stodguiden.source.catalog import load

OFFER_LINK = re.compile(r'href="[^"]*erbjudanden/([a-z0-9-]+)/"')


def offers_linked(html: str) -> set[str]:
    return set(OFFER_LINK.findall(html))


def test_minimal_site_has_every_generated_page(minimal_build: Build) -> None:
    for path in (
        "",
        "alder/",
        "stod/",
        "om-foraldraskapsstod/",
        "erbjudanden/komet/",
        "erbjudanden/babysang/",
        "alder/vantar-barn/",
        "alder/sma-barn/",
        "alder/skolbarn/",
        "alder/tonaringar/",
        "stod/kurser/",
        "stod/samtal/",
        "stod/grupper/",
    ):
        assert (minimal_build.site / path / "index.html").is_file(), path
    assert (minimal_build.site / "404.html").is_file()


def test_offer_is_listed_under_every_overlapping_age_group(minimal_build: Build) -> None:
    assert offers_linked(minimal_build.html("alder/vantar-barn/")) == {"babysang"}
    assert offers_linked(minimal_build.html("alder/sma-barn/")) == {"babysang", "komet"}
    assert offers_linked(minimal_build.html("alder/skolbarn/")) == {"komet"}
    assert offers_linked(minimal_build.html("stod/kurser/")) == {"komet"}
    assert offers_linked(minimal_build.html("stod/grupper/")) == {"babysang"}


def test_empty_group_says_so_and_points_to_a_contact(minimal_build: Build) -> None:
    html = minimal_build.html("alder/tonaringar/")
    assert offers_linked(html) == set()
    assert "Just nu finns inga erbjudanden under tonåringar 13–17 år." in html
    assert 'href="mailto:stod@testby.se"' in html
    assert 'href="tel:+4612345678"' in html


def test_expired_offer_is_absent_everywhere(minimal_build: Build) -> None:
    assert not (minimal_build.site / "erbjudanden" / "utgangen-forelasning").exists()
    for page in minimal_build.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Avslutad föreläsning" not in text, page
    index = (minimal_build.site / "sok" / "index.json").read_text(encoding="utf-8")
    assert "Avslutad föreläsning" not in index
    assert "utgangen-forelasning" not in index
    assert "utgangen-forelasning" not in (minimal_build.site / "sitemap.xml").read_text(encoding="utf-8")


def test_pages_are_swedish(minimal_build: Build) -> None:
    for page in minimal_build.site.rglob("*.html"):
        assert '<html lang="sv"' in page.read_text(encoding="utf-8"), page


def test_offer_page_shows_facts_in_order_with_upcoming_rounds_only(minimal_build: Build) -> None:
    html = minimal_build.html("erbjudanden/komet/")
    headings = re.findall(r'<h2 id="([a-z-]+)"', html)
    assert headings == [
        "andra-sprak",
        "for-vem",
        "vad",
        "nar",
        "var",
        "kostnad",
        "anmalan",
        "kontakt",
        "arrangor",
        "mer",
    ]
    assert "Första träffen: tisdag 2 februari 2027, kl. 18.00–20.00." in html
    assert "2026" not in re.sub(r"<(script|footer)[\s\S]*?</\1>", "", html.split('id="nar"')[1].split('id="var"')[0])
    assert "Sista dag att anmäla dig: 26 januari 2027." in html
    assert "<dt>Ålder</dt><dd>3–11 år</dd>" in html
    assert "<dt>Kostnad</dt><dd>Kostnadsfritt</dd>" in html
    assert "På svenska och arabiska." in html
    assert "Anmäl dig till Komet</a>" in html
    assert '<a href="tel:+4612345678">Ring 0123-456 78</a>' in html
    assert '<a href="mailto:komet@testby.se">Mejla komet@testby.se</a>' in html
    assert "<h3>Så går det till</h3>" in html  # the editor's ## is shifted below the page's h2
    assert html.count("<h1") == 1


def test_recurring_offer_shows_weekly_times_and_online(minimal_build: Build) -> None:
    html = minimal_build.html("erbjudanden/babysang/")
    assert "Onsdagar kl. 10.00–11.00, Kyrkans barnrum." in html
    assert "På nätet. Du behöver en telefon eller dator med internet." in html
    # behövs: false, and deltar: [förälder_och_barn]
    assert '<h2 id="anmalan">Behöver vi anmäla oss?</h2>\n<p>Nej, du och ditt barn kan bara komma.</p>' in html
    assert "<dt>Ålder</dt><dd>Väntar barn och 0–1 år</dd>" in html


def test_edit_link_points_at_the_yaml_file(minimal_build: Build) -> None:
    html = minimal_build.html("erbjudanden/komet/")
    assert 'href="https://github.com/exempelby/stodguiden/edit/main/data/erbjudanden/komet.yml"' in html
    assert 'href="https://github.com/exempelby/stodguiden/edit/main/data/aldersgrupper.yml"' in minimal_build.html(
        "alder/skolbarn/"
    )


def test_navigation_lists_groups_but_no_offers(minimal_build: Build) -> None:
    html = minimal_build.html("erbjudanden/komet/")
    nav = html.split("md-sidebar--primary")[1].split("md-sidebar--secondary")[0]
    assert "Barn 6–12 år" in nav
    assert "Föräldrakurser" in nav
    assert offers_linked(nav) == set()


def test_start_page_has_entrances_by_age_and_kind(minimal_build: Build) -> None:
    html = minimal_build.html("")
    assert "Hur gammalt är ditt barn?" in html
    assert "Vad för slags stöd söker du?" in html
    assert 'href="alder/skolbarn/"' in html
    assert 'href="stod/kurser/"' in html
    assert "<title>Föräldrastöd i Testby</title>" in html


def test_search_index_holds_offers_and_their_keywords(minimal_build: Build) -> None:
    index = json.loads((minimal_build.site / "sok" / "index.json").read_text(encoding="utf-8"))
    komet = [entry for entry in index["erbjudanden"] if entry["u"] == "komet"]
    assert komet
    assert komet[0]["t"] == "Komet"
    search_words = komet[0]["f"][1].split() + [stem for t in komet[0]["y"] for stem in index["typer"][t]["f"].split()]
    assert {"brak", "konflikt", "kurs"} <= set(search_words)
    assert not (minimal_build.site / "search").exists(), "Material's search plugin should be off"


def test_sample_data_builds_strict_and_teen_keyword_finds_teen_offers(sample_build: Build) -> None:
    data = Path(sample_build.root, "data")
    groups = yaml.safe_load((data / "aldersgrupper.yml").read_text(encoding="utf-8"))
    assert "tonåring" in groups["tonaringar"]["sökord"]
    index = json.loads((sample_build.site / "sok" / "index.json").read_text(encoding="utf-8"))
    teen_group = [group["n"] for group in index["grupper"]].index("Tonåringar 13–17 år")
    assert "tonaring" in index["grupper"][teen_group]["f"].split()
    with_teen_group = {entry["u"] for entry in index["erbjudanden"] if teen_group in entry["g"]}
    teen_offers = offers_linked(sample_build.html("alder/tonaringar/"))
    assert len(teen_offers) >= 3
    assert teen_offers == with_teen_group


def test_sample_data_covers_every_group(sample_build: Build) -> None:
    data = Path(sample_build.root, "data")
    for file, section in (("aldersgrupper.yml", "alder"), ("typer.yml", "stod")):
        for key in yaml.safe_load((data / file).read_text(encoding="utf-8")):
            assert offers_linked(sample_build.html(f"{section}/{key}/")), f"{section}/{key}"
    assert len(list((sample_build.site / "erbjudanden").iterdir())) >= 30


def test_broken_data_fails_before_anything_is_written(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURE_SITES / "minimal" / "data")
    (project / "data" / "erbjudanden" / "trasig.yml").write_text(
        "titel: Trasig\nsammanfattning: Saknar det mesta.\nålder: {från: 9, till: 3}\n", encoding="utf-8"
    )
    (project / "site").mkdir()
    (project / "site" / "tidigare.html").write_text("förra bygget", encoding="utf-8")
    build = run_build(project)
    assert build.result.returncode == 1
    assert "Webbplatsen byggdes inte: 5 fel i data/." in build.result.stderr
    assert (
        "data/erbjudanden/trasig.yml:3: Åldern slutar (3 år) innan den börjar (9 år). Byt plats på från och till."
    ) in build.result.stderr
    assert "Traceback" not in build.result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["tidigare.html"]


@pytest.mark.parametrize(
    ("docs_file", "message"),
    [
        ("erbjudanden/komet.md", "docs/erbjudanden/komet.md krockar med en sida som byggs från data/."),
        ("oppna-data/erbjudanden.csv", "docs/oppna-data/erbjudanden.csv krockar med en fil som byggs från data/."),
        (
            "oppna-data/kalender/komet.ics",
            "docs/oppna-data/kalender/komet.ics krockar med en fil som byggs från data/.",
        ),
    ],
)
def test_docs_file_in_the_way_of_a_generated_one_fails_before_writing(
    tmp_path: Path, docs_file: str, message: str
) -> None:
    project = make_project(tmp_path / "p", FIXTURE_SITES / "minimal" / "data")
    (project / "docs" / docs_file).parent.mkdir(parents=True, exist_ok=True)
    (project / "docs" / docs_file).write_text("egen fil", encoding="utf-8")
    build = run_build(project)
    assert build.result.returncode == 1
    assert f"{message} Ta bort eller byt namn på filen i docs/." in build.result.stderr
    assert "Traceback" not in build.result.stderr
    assert not (project / "site" / "erbjudanden").exists()


def test_every_data_file_is_known_before_it_is_made(minimal_build: Build, sample_build: Build, tmp_path: Path) -> None:
    """The hook checks the registry's paths for clashes with docs/ before the files exist: the registry's
    writer must write exactly those files, and a real build must have every one of them."""
    for build in (minimal_build, sample_build):
        loaded, _ = load(build.root, today=date.fromisoformat(TODAY))
        assert loaded is not None
        declared = sitefiles.data_paths(loaded)
        assert len(set(declared)) == len(declared)
        target = tmp_path / build.root.name
        inputs = pages.data_inputs(loaded, "https://www.exempelby.se/", datetime(2027, 1, 18, tzinfo=UTC))
        count = sitefiles.write_data_files(inputs, target)
        written = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
        assert written == sorted(declared)
        assert count == len(declared)
        assert all((build.site / path).is_file() for path in declared)


def test_strict_build_fails_on_warnings_before_writing(build_fixture: BuildFactory) -> None:
    # 2028-01-01: komet.yml was reviewed 2026-12-01, more than a year before.
    plain = build_fixture("minimal", today="2028-01-01")
    assert plain.ok
    assert "varning: Uppgifterna granskades senast 1 december 2026" in plain.result.stderr
    strict = build_fixture("minimal", "--strict", today="2028-01-01")
    assert strict.result.returncode == 1
    assert "1 varning (strikt läge)" in strict.result.stderr


def test_build_date_moves_rounds(build_fixture: BuildFactory) -> None:
    build = build_fixture("minimal", today="2027-03-01")
    html = build.html("erbjudanden/komet/")
    assert "Pågår. Första träffen var tisdag 2 februari 2027" in html
    assert "Gruppen har startat." in html
    later = build_fixture("minimal", today="2027-05-01")
    assert "Det finns inga nya datum just nu." in later.html("erbjudanden/komet/")


def test_invalid_build_date_is_reported(build_fixture: BuildFactory) -> None:
    build = build_fixture("minimal", today="15/1")
    assert build.result.returncode == 1
    assert "STODGUIDEN_IDAG=15/1 är inte ett datum. Skriv det som ÅÅÅÅ-MM-DD" in build.result.stderr


def test_logo_from_settings_is_in_the_header(sample_build: Build) -> None:
    html = sample_build.html("erbjudanden/komet/")
    assert 'src="../../bilder/exempelby-logotyp.svg"' in html
    assert (sample_build.site / "bilder" / "exempelby-logotyp.svg").is_file()


def test_missing_logo_is_an_error_naming_the_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURE_SITES / "minimal" / "data")
    settings = project / "data" / "webbplats.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text + "logotyp: bilder/saknas.svg\n", encoding="utf-8")
    build = run_build(project)
    assert build.result.returncode == 1
    assert (
        f"data/webbplats.yml:{len(text.splitlines()) + 1}: Logotypen ”bilder/saknas.svg” finns inte i "
        "mappen docs/. Lägg bildfilen "
        "där, eller rätta sökvägen."
    ) in build.result.stderr


def test_material_config_names_files_that_exist(sample_build: Build) -> None:
    """overrides/main.html copies Material's `config` block, with the search worker's hashed file name:
    after an upgrade of Material that name must still be a file of the built site."""
    html = sample_build.html("erbjudanden/komet/")
    found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    assert found is not None
    config = json.loads(found.group(1))
    assert (sample_build.site / "erbjudanden" / "komet" / config["search"]).resolve().is_file(), config["search"]
    assert config["translations"] == {
        "clipboard.copy": "Kopiera till urklipp",
        "clipboard.copied": "Kopierat till urklipp",
    }

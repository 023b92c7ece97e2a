"""A site for several municipalities: the region sample (exempel/region) built whole and for one municipality.

Which offer is listed where is compared as page lists: a shared offer is on the page of each municipality
it serves and on no other, and a municipality's own build holds no other municipality's offers.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import REGION_SAMPLE, ROOT, Build, make_region_project, run_region_build
from stodguiden.site import pages
from stodguiden.source import region
from stodguiden.source.catalog import load

if TYPE_CHECKING:
    from stodguiden.model import Catalog

GOLDEN = Path(__file__).parent / "golden" / "region"
TODAY = date(2027, 1, 18)
SAMPLE = ROOT / REGION_SAMPLE
_OFFER_LINK = re.compile(r'href="(?:\.\./)+erbjudanden/([a-z0-9-]+)/"')


def _catalog(environ: dict[str, str] | None = None) -> Catalog:
    catalog, problems = load(SAMPLE, today=TODAY, environ=environ or {})
    assert catalog is not None, problems
    return catalog


def _offer_files() -> dict[str, str | None]:
    """Every offer of the sample by its address, with the folder of the municipality that owns it (None: shared)."""
    found: dict[str, str | None] = {p.stem: None for p in (SAMPLE / "data" / "erbjudanden").glob("*.yml")}
    for path in (SAMPLE / "data" / "kommuner").glob("*/erbjudanden/*.yml"):
        found[path.stem] = path.parent.parent.name
    return found


def _listed(build: Build, url: str) -> set[str]:
    article = build.html(url).split("<article", 1)[1].split("</article>", 1)[0]
    return set(_OFFER_LINK.findall(article))


@pytest.fixture(scope="module")
def sjoby_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_region_project(tmp_path_factory.mktemp("sjoby"))
    build = run_region_build(project, "--strict", env={region.MUNICIPALITY_VARIABLE: "9902"})
    assert build.ok, build.result.stderr
    return build


def test_the_sample_has_a_county_with_three_municipalities_and_shared_offers() -> None:
    catalog = _catalog()
    settings = catalog.settings
    assert settings.counties == ("99",)
    assert [m.name for m in settings.municipalities] == ["Fjällsta kommun", "Norrviks kommun", "Sjöby kommun"]
    shared = {o.slug: o.municipalities for o in catalog.offers if o.home is None}
    assert shared == {
        "bvc-foraldragrupp": ("9903", "9901", "9902"),
        "foraldrachatt": ("9903", "9901", "9902"),
        "foraldrakurs-i-norrvik-och-sjoby": ("9901", "9902"),
    }
    assert any(o.online for o in catalog.offers if o.home is None)
    for offer in catalog.offers:
        if offer.home is not None:
            assert offer.municipalities == (offer.home,)


def test_a_shared_offer_is_on_the_page_of_each_municipality_it_serves_and_nowhere_else(region_build: Build) -> None:
    catalog = _catalog()
    listed = {m.code: _listed(region_build, f"kommuner/{m.slug}/") for m in catalog.settings.municipalities}
    folders = {m.slug: m.code for m in catalog.settings.municipalities}
    for slug, home in _offer_files().items():
        offer = next(o for o in catalog.offers if o.slug == slug)
        expected = {folders[home]} if home else set(offer.municipalities)
        assert {code for code, offers in listed.items() if slug in offers} == expected, slug
    # and every offer's own page exists
    built = {p.parent.name for p in (region_build.site / "erbjudanden").glob("*/index.html")}
    assert built == set(_offer_files())


def test_a_municipalitys_own_build_holds_its_offers_and_the_shared_ones_that_serve_it(sjoby_build: Build) -> None:
    built = {p.parent.name for p in (sjoby_build.site / "erbjudanden").glob("*/index.html")}
    files = _offer_files()
    serving = {o.slug for o in _catalog().offers if "9902" in o.municipalities}
    assert built == serving
    shared = {"bvc-foraldragrupp", "foraldrachatt", "foraldrakurs-i-norrvik-och-sjoby"}
    assert built == {slug for slug, home in files.items() if home == "sjoby"} | shared
    assert not built & {slug for slug, home in files.items() if home not in (None, "sjoby")}
    # everything that lists offers lists only these
    finder = json.loads((sjoby_build.site / "hitta-stod" / "erbjudanden.json").read_text(encoding="utf-8"))
    assert {record["u"] for record in finder["o"]} == serving
    opendata = json.loads((sjoby_build.site / "oppna-data" / "erbjudanden.json").read_text(encoding="utf-8"))
    assert {record["id"] for record in opendata["erbjudanden"]} == serving
    start = sjoby_build.html("")
    assert "Föräldraskapsstöd i Sjöby kommun" in start
    assert "Familjecentralen i Sjöby" in start  # the municipality's contact
    assert "Var bor du?" not in start
    assert not (sjoby_build.site / "kommuner").exists()


def test_building_for_a_municipality_that_is_not_in_the_region_stops_with_a_message(tmp_path: Path) -> None:
    build = run_region_build(make_region_project(tmp_path), env={region.MUNICIPALITY_VARIABLE: "9909"})
    assert not build.ok
    assert build.result.stderr.strip() == (
        "STODGUIDEN_KOMMUN=9909: kommunen finns inte på webbplatsen. "
        "Välj en av: 9903 (Fjällsta kommun), 9901 (Norrviks kommun), 9902 (Sjöby kommun)."
    )


def test_the_start_page_asks_where_the_parent_lives(region_build: Build) -> None:
    html = region_build.html("")
    assert '<h2 id="kommun">Var bor du?</h2>' in html
    for slug in ("fjallsta", "norrvik", "sjoby"):
        assert f'href="kommuner/{slug}/"' in html
    assert "Var bor du?" in region_build.html("kommuner/")


def test_each_offer_page_says_which_municipalities_it_serves(region_build: Build) -> None:
    two = region_build.html("erbjudanden/foraldrakurs-i-norrvik-och-sjoby/")
    assert (
        '<li>För dig som bor i <a href="../../kommuner/norrvik/">Norrviks kommun</a> och '
        '<a href="../../kommuner/sjoby/">Sjöby kommun</a>.</li>'
    ) in two
    everyone = region_build.html("erbjudanden/foraldrachatt/")
    assert "<li>För dig som bor i någon av kommunerna: " in everyone
    own = region_build.html("erbjudanden/pappagrupp-i-fjallsta/")
    assert '<li>För dig som bor i <a href="../../kommuner/fjallsta/">Fjällsta kommun</a>.</li>' in own


def test_the_finder_and_the_search_filter_by_municipality(region_build: Build) -> None:
    finder = region_build.html("hitta-stod/")
    assert '<select id="sg-kommun" name="kommun">' in finder
    assert '<option value="9901">Norrviks kommun</option>' in finder
    data = json.loads((region_build.site / "hitta-stod" / "erbjudanden.json").read_text(encoding="utf-8"))
    by_slug = {record["u"]: record for record in data["o"]}
    assert by_slug["foraldrakurs-i-norrvik-och-sjoby"]["m"] == ["9901", "9902"]
    assert by_slug["babyrytmik-i-norrvik"]["m"] == ["9901"]
    assert "m" not in by_slug["foraldrachatt"]  # kommuner: alla
    search = region_build.html("sok/")
    assert '<select id="sg-sok-kommun" name="kommun">' in search
    index = json.loads((region_build.site / "sok" / "index.json").read_text(encoding="utf-8"))
    served = {entry["u"]: entry.get("m") for entry in index["erbjudanden"]}
    assert served["tonarskvall-i-sjoby"] == ["9902"]
    assert served["bvc-foraldragrupp"] is None  # kommuner: alla


def test_the_open_data_carries_the_municipality_codes(region_build: Build) -> None:
    site = region_build.site / "oppna-data"
    records = {r["id"]: r for r in json.loads((site / "erbjudanden.json").read_text(encoding="utf-8"))["erbjudanden"]}
    assert records["foraldrakurs-i-norrvik-och-sjoby"]["kommuner"] == ["9901", "9902"]
    rows = {
        row["id"]: row
        for row in csv.DictReader(
            io.StringIO((site / "erbjudanden.csv").read_text(encoding="utf-8-sig")), delimiter=";"
        )
    }
    assert rows["bvc-foraldragrupp"]["kommuner"] == "9903, 9901, 9902"
    areas = json.loads((site / "hsds" / "service_areas.json").read_text(encoding="utf-8"))
    services = {s["name"]: s["id"] for s in json.loads((site / "hsds" / "services.json").read_text(encoding="utf-8"))}
    course = services["Föräldrakurs i Norrvik och Sjöby"]
    assert sorted((a["name"], a["description"]) for a in areas if a["service_id"] == course) == [
        ("Norrviks kommun", "SCB kommunkod 9901"),
        ("Sjöby kommun", "SCB kommunkod 9902"),
    ]


def _generated() -> dict[str, str]:
    catalog = _catalog()
    result = {page.src_uri.replace("/", "__").replace(".md", ".html"): page.html for page in pages.plan(catalog).pages}
    result["start.html"] = pages.start_entrances(catalog)
    return result


@pytest.mark.parametrize(
    "name",
    [
        "start.html",
        "kommuner__index.html",
        "kommuner__norrvik.html",
        "erbjudanden__foraldrakurs-i-norrvik-och-sjoby.html",
        "hitta-stod__index.html",
        "sok.html",
    ],
)
def test_region_pages_match_golden(name: str) -> None:
    actual = _generated()[name]
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_the_offer_pages_json_ld_names_each_municipality_served(region_build: Build) -> None:
    html = region_build.html("erbjudanden/foraldrakurs-i-norrvik-och-sjoby/")
    graph = json.loads(html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    service = next(node for node in graph["@graph"] if node["@type"] == "Service")
    assert [(area["name"], area["identifier"]["value"]) for area in service["areaServed"]] == [
        ("Norrviks kommun", "9901"),
        ("Sjöby kommun", "9902"),
    ]


def test_a_single_municipalitys_site_has_no_municipality_to_build_alone() -> None:
    with pytest.raises(region.MunicipalityError) as caught:
        load(
            ROOT / "tests" / "fixtures" / "sites" / "minimal",
            today=TODAY,
            environ={region.MUNICIPALITY_VARIABLE: "9998"},
        )
    assert str(caught.value) == (
        "STODGUIDEN_KOMMUN=9998: variabeln gäller bara en webbplats för flera kommuner (med mappen "
        "data/kommuner). Bygg utan den."
    )


def test_a_municipalitys_own_site_has_its_name_contact_areas_and_colours() -> None:
    norrvik = _catalog({region.MUNICIPALITY_VARIABLE: "9901"}).settings
    assert (norrvik.name, norrvik.municipality, norrvik.municipality_code) == (
        "Föräldraskapsstöd i Norrviks kommun",
        "Norrviks kommun",
        "9901",
    )
    assert norrvik.contact.name == "Föräldrastödet i Norrvik"
    assert norrvik.areas == ("Centrum", "Hamnen")
    assert (norrvik.primary_colour, norrvik.accent_colour) == ("#5b2a6e", "#8a3b12")  # its own, else the region's
    assert not norrvik.region

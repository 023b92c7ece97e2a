"""The coordinators' overview on a region's site (the region sample `exempel/region/` and copies of it): the
region as a whole, the municipalities side by side, each municipality's coverage and gaps by name, `--kommun`,
the yearly export by municipality and the pull request summary naming the municipality."""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import pytest
from oversikt import find_member
from summary import region_gap_changes

from conftest import REGION_SAMPLE, ROOT, TODAY, run_hook, summary_of_change
from stodguiden.model import Contact, Municipality, OverviewSettings, Settings
from stodguiden.outputs import followup, overview
from stodguiden.site import coordination
from stodguiden.source.catalog import load

if TYPE_CHECKING:
    import subprocess
    from pathlib import Path

    from stodguiden.model import Catalog

DAY = date.fromisoformat(TODAY)
REGION = ROOT / REGION_SAMPLE
TEEN_EVENING = "data/kommuner/sjoby/erbjudanden/tonarskvall-i-sjoby.yml"
COURSE = "data/erbjudanden/foraldrakurs-i-norrvik-och-sjoby.yml"


def catalog_of(root: Path) -> Catalog:
    catalog, problems = load(root, today=DAY)
    assert catalog is not None, [str(p) for p in problems if p.is_error]
    return catalog


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return catalog_of(REGION)


@pytest.fixture(scope="module")
def result(catalog: Catalog) -> overview.Overview:
    return overview.of_catalog(catalog)


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_hook("oversikt.py", root, *args)


def copy_of_region(tmp_path: Path) -> Path:
    root = tmp_path / "region"
    shutil.copytree(REGION / "data", root / "data")
    return root


def test_each_municipality_has_its_part_with_the_shared_offers_that_serve_it(
    catalog: Catalog, result: overview.Overview
) -> None:
    assert [p.name for p in result.parts] == ["Fjällsta kommun", "Norrviks kommun", "Sjöby kommun"]
    assert result.offer_count == len(catalog.offers) == 9
    for part in result.parts:
        served = catalog.offers_for_municipality(part.code)
        assert part.offer_count == len(served)
        assert part.shared_count == sum(1 for o in served if o.home is None)
    norrvik = result.parts[1]
    assert (norrvik.offer_count, norrvik.shared_count) == (5, 3)  # the course, the chat and the BVC group
    assert norrvik.intro == "5 erbjudanden, varav 3 delade med andra kommuner. Områden: Centrum och Hamnen."


def test_the_municipalities_side_by_side_count_universal_offers_for_each_age(
    catalog: Catalog, result: overview.Overview
) -> None:
    universal = result.matrices[0]
    assert universal.caption == "Antal universella erbjudanden per ålder och kommun"
    assert universal.columns == ("Fjällsta kommun", "Norrviks kommun", "Sjöby kommun")
    for column, member in enumerate(catalog.settings.municipalities):
        for row, age in enumerate(overview.AGES):
            expected = sum(
                1
                for o in catalog.offers_for_municipality(member.code)
                if o.level == "universell" and (o.ages.expecting if age is None else o.ages.covers(age))
            )
            assert universal.counts[row][column] == expected
    # The course for Norrvik and Sjöby (3–12 years) counts in both, not in Fjällsta.
    eight = universal.rows.index("8 år")
    assert universal.counts[eight] == (1, 1, 1)  # Fjällsta: its family Sunday; the others: the course
    fifteen = universal.rows.index("15 år")
    assert universal.counts[fifteen] == (0, 0, 1)
    groups = result.matrices[1]
    assert groups.rows == universal.columns
    assert groups.corner == "Kommun"
    assert [m.key for m in result.matrices] == [
        "kommun-universell-1",
        "kommun-aldersgrupp-1",
        "alder-niva",
        "alder-typ",
    ]


def test_areas_are_each_municipalitys_own(result: overview.Overview) -> None:
    fjallsta, norrvik, sjoby = result.parts
    norrvik_areas = norrvik.matrices[2]
    assert norrvik_areas.columns == ("Centrum", "Hamnen", "Digitalt")
    assert norrvik_areas.caption == (
        "Norrviks kommun: antal erbjudanden på plats per åldersgrupp och område, och digitala för sig"
    )
    assert sjoby.matrices[2].columns == ("Sjöby centrum", "Lillsjö", "Digitalt")
    assert fjallsta.matrices[2].columns == ("Digitalt",)
    # The shared course has a place in Norrvik's Centrum and in Sjöby centrum: it counts in each, where it is.
    school_age = norrvik_areas.rows.index("Barn 6–12 år")
    assert norrvik_areas.counts[school_age] == (1, 0, 1)
    assert sjoby.matrices[2].counts[school_age] == (1, 0, 1)
    keys = [m.key for part in result.parts for m in part.matrices]
    assert len(set(keys)) == len(keys) == 9


def test_gaps_name_the_municipality_and_are_said_once(result: overview.Overview) -> None:
    text = overview.markdown(result)
    assert (
        "### Fjällsta kommun\n\n"
        "- I Fjällsta kommun finns inget universellt stöd för 11–17-åringar. Ett erbjudande för alla föräldrar "
        "(nivå: universell) till barn 11–17 år skulle täcka det.\n"
    ) in text
    assert "- I Norrviks kommun finns inget universellt stöd för 13–17-åringar." in text
    assert "- I Norrviks kommun finns inget stöd på plats i Hamnen. " in text
    assert "- I Sjöby kommun finns inget stöd på plats i Lillsjö. " in text
    # Expecting parents lack universal support in every municipality: said once, for the region as a whole.
    assert "### Region Exempellän som helhet\n\n- Det finns inget universellt stöd för blivande föräldrar." in text
    assert not any("blivande föräldrar" in g.what for part in result.parts for g in part.gaps)
    assert not any("universellt" in g.what for g in result.parts[2].gaps)  # Sjöby covers 0–17
    assert text.startswith(
        "# Översikt för samordnare: Region Exempellän\n\n9 erbjudanden i 3 kommuner, räknat den 18 januari 2027."
    )


def test_a_municipality_without_gaps_of_its_own_says_so() -> None:
    empty = overview.Part("9999", "Tomby kommun", 0, 0, (), (), ())
    whole = overview.Overview("Region X", DAY, 0, (), (), (), (), (), parts=(empty,))
    assert "### Tomby kommun\n\nInga luckor utöver dem för Region X som helhet.\n" in overview.markdown(whole)


def test_many_municipalities_are_split_so_each_matrix_fits_a_page(catalog: Catalog) -> None:
    context = overview.context_of(catalog)
    offers = catalog.offers_for_municipality("9901")
    groups = {f"Kommun {number}": offers for number in range(1, 9)}
    matrices = overview.region_matrices(groups, context)
    universal = [m for m in matrices if m.key.startswith("kommun-universell")]
    assert [len(m.columns) for m in universal] == [overview.MAX_COLUMNS, 2]
    assert universal[1].caption == "Antal universella erbjudanden per ålder och kommun (del 2 av 2)"
    many = {f"Kommun {number}": offers for number in range(1, 31)}
    by_rows = [m for m in overview.region_matrices(many, context) if m.key.startswith("kommun-aldersgrupp")]
    assert [len(m.rows) for m in by_rows] == [overview.MAX_ROWS, 5]


def test_the_html_has_a_section_and_real_tables_for_each_municipality(result: overview.Overview) -> None:
    page = coordination.standalone(result)
    assert page.count("<caption") == 4 + 3 * 3
    assert '<h2 id="kommun-9901">Norrviks kommun</h2>' in page
    assert '<th scope="col">Norrviks kommun</th>' in page
    assert '<th scope="row">Sjöby kommun</th>' in page
    assert '<caption id="9902-alder-omrade">Sjöby kommun: antal erbjudanden på plats' in page
    assert '<td class="sg-tom">Inget</td>' in page
    assert "<li><strong>I Fjällsta kommun finns inget universellt stöd för 11–17-åringar.</strong>" in page


def test_kommun_narrows_to_one_municipality_by_code_or_name(tmp_path: Path) -> None:
    by_name = run(REGION, "--kommun", "Norrvik")
    assert by_name.returncode == 0, by_name.stderr
    assert by_name.stdout.startswith(
        "# Översikt för samordnare: Norrviks kommun\n\n5 erbjudanden, räknat den 18 januari 2027."
    )
    assert "- Det finns inget stöd på plats i Hamnen. " in by_name.stdout
    assert "Fjällsta" not in by_name.stdout
    assert "| Åldersgrupp | Centrum | Hamnen | Digitalt |" in by_name.stdout
    by_code = run(REGION, "--kommun", "9901", "--html", str(tmp_path / "n.html"))
    assert by_code.stdout == by_name.stdout
    assert (tmp_path / "n.html").read_text(encoding="utf-8").count("<caption") == 3
    unknown = run(REGION, "--kommun", "Gävle")
    assert unknown.returncode == 1
    assert unknown.stderr == (
        "fel: --kommun Gävle: kommunen finns inte på webbplatsen. Välj en av: 9903 (Fjällsta kommun), "
        "9901 (Norrviks kommun), 9902 (Sjöby kommun).\n"
    )
    single = run(ROOT, "--kommun", "Norrvik")
    assert single.returncode == 1
    assert single.stderr == (
        "fel: --kommun gäller bara en webbplats för flera kommuner. Exempelby kommun är en kommun.\n"
    )


def _with_follow_up(root: Path) -> None:
    """A January round of the shared course with 3 who started, and 4 who started Sjöby's teen evening."""
    course = root / COURSE
    course.write_text(
        course.read_text(encoding="utf-8").replace(
            "omgångar:\n",
            'omgångar:\n  - start: 2027-01-04\n    träffar: 1\n    tid: "18.00–20.00"\n'
            "    uppföljning:\n      startade: 3\n",
            1,
        ),
        encoding="utf-8",
    )
    evening = root / TEEN_EVENING
    evening.write_text(
        evening.read_text(encoding="utf-8").replace(
            "    tid: 18.30–20.00\n", "    tid: 18.30–20.00\n    uppföljning:\n      startade: 4\n", 1
        ),
        encoding="utf-8",
    )


def test_the_yearly_export_counts_each_municipality_and_hides_small_counts(tmp_path: Path) -> None:
    root = copy_of_region(tmp_path)
    _with_follow_up(root)
    written = run(root, "--ar", "2027", "--csv", str(tmp_path / "u.csv"))
    assert written.returncode == 0, written.stderr
    data = (tmp_path / "u.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data[3:].decode("utf-8")), delimiter=";"))
    by_value = {(r["Indelning"], r["Värde"]): r for r in rows}
    municipalities = [r["Värde"] for r in rows if r["Indelning"] == "Kommun"]
    assert municipalities == ["Fjällsta kommun", "Norrviks kommun", "Sjöby kommun"]
    assert [rows.index(by_value[("Kommun", m)]) for m in municipalities] == [1, 2, 3]  # right after the total
    fjallsta, norrvik, sjoby = (by_value[("Kommun", m)] for m in municipalities)
    assert (fjallsta["Erbjudanden 2027"], norrvik["Erbjudanden 2027"], sjoby["Erbjudanden 2027"]) == ("4", "5", "5")
    assert (fjallsta["Startade 2027"], norrvik["Startade 2027"], sjoby["Startade 2027"]) == ("0", "färre än 5", "7")
    assert by_value[("Totalt", followup.TOTAL)]["Startade 2027"] == "7"
    narrowed = run(root, "--ar", "2027", "--kommun", "Sjöby", "--csv", str(tmp_path / "s.csv"))
    assert narrowed.returncode == 0, narrowed.stderr
    text = (tmp_path / "s.csv").read_bytes()[3:].decode("utf-8")
    assert "Totalt;Alla erbjudanden;5;" in text
    assert "Kommun;" not in text  # one municipality's export has no municipality rows
    assert "## Uppföljning 2027: Sjöby kommun" in narrowed.stdout


def test_a_single_municipalitys_export_has_no_municipality_rows() -> None:
    catalog = catalog_of(ROOT)
    report = followup.report(catalog.offers, overview.context_of(catalog), 2027, "Exempelby kommun")
    assert not any(row.dimension == "Kommun" for row in report.rows)


def test_the_pull_request_summary_names_the_municipality_of_a_gap(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is missing")
    repo = copy_of_region(tmp_path)
    result = summary_of_change(repo, lambda: (repo / TEEN_EVENING).unlink())  # Sjöby's only universal offer for 13–17
    assert result.returncode == 0, result.stderr
    assert (
        "## Luckor i utbudet\n\n"
        "- Efter ändringen finns inget universellt stöd för 13–17-åringar i Sjöby kommun.\n"
        "- I Sjöby kommun finns efter ändringen inget stöd på plats i Sjöby centrum för gruppen tonåringar 13–17 år.\n"
    ) in result.stdout
    assert "Norrviks kommun" not in result.stdout.split("## Luckor i utbudet")[1]


def test_a_gap_in_several_municipalities_is_one_line_naming_them(tmp_path: Path) -> None:
    root = copy_of_region(tmp_path)
    before = catalog_of(root)
    (root / COURSE).unlink()  # the course for Norrvik and Sjöby, the only universal offer for 3–12 in Norrvik
    lines = region_gap_changes(before, catalog_of(root))
    assert "- I Norrviks kommun och Sjöby kommun finns efter ändringen inget erbjudande av typen föräldrakurser." in (
        lines
    )
    assert "- Efter ändringen finns inget universellt stöd för 3–12-åringar i Norrviks kommun." in lines


def test_programmes_say_online_in_words() -> None:
    use = overview.ProgrammeUse("icdp", "ICDP", 3, ("Norrby", "Söderby"), online=True)
    assert use.where_words == "i Norrby och Söderby och på nätet"
    assert overview.ProgrammeUse("x", "X", 1, (), online=True).where_words == "på nätet"
    assert overview.ProgrammeUse("x", "X", 1, ("Norrby",)).where_words == "i Norrby"
    text = overview.markdown(overview.of_catalog(catalog_of(ROOT)))
    assert "- ICDP – Vägledande samspel: 3 erbjudanden, i Norrby och Söderby och på nätet.\n" in text
    assert "Digitalt." not in text


def test_a_municipality_is_found_by_the_names_people_use(catalog: Catalog) -> None:
    norrvik = catalog.settings.municipalities[1]
    for written in ("9901", "Norrvik", "norrviks", "Norrviks kommun", " NORRVIKS  KOMMUN "):
        assert find_member(catalog.settings, written) == norrvik, written
    assert find_member(catalog.settings, "Norr") is None
    real = Municipality("krokom", "2309", "Krokoms kommun", Contact("Krokom"), "data/kommuner/krokom/kommun.yml")
    settings = Settings(name="X", municipality="Region Jämtland", contact=Contact("X"), municipalities=(real,))
    assert find_member(settings, "Krokom") == real
    assert find_member(settings, "2309") == real


def test_the_published_page_of_a_region_has_each_municipality(catalog: Catalog) -> None:
    published = replace(catalog, settings=replace(catalog.settings, overview=OverviewSettings(publish=True)))
    page = coordination.page(published)
    assert page is not None
    assert page.title == "Översikt för samordnare: Region Exempellän"
    assert [(level, anchor) for level, anchor, _ in page.toc if anchor.startswith("kommun-")] == [
        (2, "kommun-9903"),
        (2, "kommun-9901"),
        (2, "kommun-9902"),
    ]
    assert page.html.count("<caption") == 4 + 3 * 3


def test_a_kinds_only_organiser_leaving_is_not_called_a_closed_gap() -> None:
    """When the one organiser of a kind stops, the kind is not offered at all: that gap is new, and the
    fragile one that went with it did not close."""
    from summary import _closed, _opened

    fragile = overview.Gap("en-arrangör", "bara en arrangör av typen parstöd: Kyrkan", "", subject="par")
    missing = overview.Gap("typ", "inget erbjudande av typen parstöd", "", subject="par")
    other = overview.Gap("en-arrangör", "bara en arrangör av typen föreläsningar: Biblioteket", "", subject="fore")
    assert _opened([fragile, other], [missing]) == [missing]
    assert _closed([fragile, other], [missing]) == [other]
    assert _closed([fragile], []) == [fragile]  # a second organiser came: the gap did close

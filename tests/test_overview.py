"""The coordinators' overview (`outputs/overview.py`, `hooks/oversikt.py`) on real data files."""

from __future__ import annotations

import shutil
from datetime import date
from typing import TYPE_CHECKING

import pytest

from conftest import FIXTURE_SITES, ROOT, SAMPLE, TODAY, make_project, run_build, run_hook, summary_of_change
from stodguiden.outputs import overview, reminder
from stodguiden.site import coordination
from stodguiden.source import programmes
from stodguiden.source.catalog import load

if TYPE_CHECKING:
    from pathlib import Path

DAY = date.fromisoformat(TODAY)
TEEN_OFFER = """\
titel: Tonårskväll
sammanfattning: En kväll för alla föräldrar till tonåringar, med fika och samtal.
ålder: {från: 13, till: 17}
typer: [kurser]
arrangör: socialtjansten
nivå: universell
anmälan:
  sätt: ingen
kontakt:
  e-post: tonar@testby.se
plats:
  - namn: Fritidsgården
    adress: Norrvägen 2, 123 46 Testby
    område: Norrby
löpande:
  - veckodag: torsdag
    tid: 18.00–20.00
kostnad:
  belopp: 0
språk: [sv]
granskad: 2026-12-01
"""


def copy_of(tmp_path: Path, source: Path) -> Path:
    root = tmp_path / "projekt"
    shutil.copytree(source / "data", root / "data")
    if (source / "docs").is_dir():
        shutil.copytree(source / "docs", root / "docs")  # the logo the settings name
    return root


def overview_of(root: Path) -> overview.Overview:
    catalog, problems = load(root, today=DAY)
    assert catalog is not None, [str(p) for p in problems if p.is_error]
    return overview.of_catalog(catalog)


@pytest.fixture(scope="module")
def sample() -> overview.Overview:
    return overview_of(SAMPLE)


def test_the_age_matrix_counts_each_year_and_level(sample: overview.Overview) -> None:
    matrix = sample.matrices[0]
    assert matrix.rows[:3] == ("Väntar barn", "0 år", "1 år")
    assert matrix.rows[-1] == "17 år"
    assert matrix.columns == ("Universell", "Selektiv", "Indikerad")
    catalog, _ = load(SAMPLE, today=DAY)
    assert catalog is not None
    universal_at_14 = [o for o in catalog.offers if o.level == "universell" and o.ages.covers(14)]
    assert matrix.counts[matrix.rows.index("14 år")][0] == len(universal_at_14)


def test_online_offers_are_counted_apart_from_areas(sample: overview.Overview) -> None:
    matrix = sample.matrices[2]
    assert matrix.columns[-1] == "Digitalt"
    catalog, _ = load(SAMPLE, today=DAY)
    assert catalog is not None
    teens = catalog.age_groups["tonaringar"]
    online = [o for o in catalog.offers if o.online and o.ages.overlaps(teens)]
    assert matrix.counts[matrix.rows.index(teens.name)][-1] == len(online)


def test_removing_the_only_universal_offer_for_teenagers_names_the_gap(tmp_path: Path) -> None:
    root = copy_of(tmp_path, FIXTURE_SITES / "minimal")
    offer = root / "data" / "erbjudanden" / "tonarskvall.yml"
    offer.write_text(TEEN_OFFER, encoding="utf-8")
    before = [g.text for g in overview_of(root).gaps]
    assert not any("13–17-åringar" in text for text in before), before
    offer.unlink()
    after = overview_of(root)
    assert "Det finns inget universellt stöd för 12–17-åringar." in [g.text for g in after.gaps]
    assert "- Det finns inget universellt stöd för 12–17-åringar. Ett erbjudande för alla föräldrar (nivå: " in (
        overview.markdown(after)
    )


def test_an_offer_reviewed_two_years_ago_is_listed_under_its_organiser(tmp_path: Path) -> None:
    root = copy_of(tmp_path, SAMPLE)
    komet = root / "data" / "erbjudanden" / "komet.yml"
    komet.write_text(komet.read_text(encoding="utf-8").replace("granskad: 2026-11-23", "granskad: 2025-01-18"))
    result = overview_of(root)
    (review,) = [r for r in result.reviews if r.key == "socialtjansten"]
    (due,) = [d for d in review.offers if d.source == "data/erbjudanden/komet.yml"]
    assert (due.reviewed, due.due, due.responsible) == (
        date(2025, 1, 18),
        date(2025, 7, 18),  # the sample reviews every six months
        "Familjeenhetens föräldrastöd",
    )
    assert (
        "### Socialtjänsten, Exempelby kommun\n\n"
        "- Komet för föräldrar till barn 3–11 år (`data/erbjudanden/komet.yml`): granskad 18 januari 2025, "
        "skulle granskas senast 18 juli 2025. Ansvarig: Familjeenhetens föräldrastöd."
    ) in overview.markdown(result)


def test_review_months_from_the_settings() -> None:
    context = overview.Context(DAY, (), (), {}, (), review_months=6)
    assert context.due_date(date(2026, 8, 31)) == date(2027, 2, 28)
    assert context.due_date(date(2026, 7, 18)) == date(2027, 1, 18)
    assert overview.Context(DAY, (), (), {}, ()).due_date(date(2026, 1, 18)) == date(2027, 1, 18)


def test_needed_languages_and_kinds_with_one_organiser(tmp_path: Path) -> None:
    root = copy_of(tmp_path, FIXTURE_SITES / "minimal")
    settings = root / "data" / "webbplats.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "översikt:\n  granska_efter_månader: 1\n  språk_som_behövs: [ar, so]\n",
        encoding="utf-8",
    )
    result = overview_of(root)
    texts = [g.text for g in result.gaps]
    assert "Det finns inget erbjudande på somaliska." in texts
    assert not any("arabiska" in t for t in texts)
    assert any(t.startswith("Det finns bara en arrangör av typen ") for t in texts), texts
    assert result.due_count >= 1


def test_completeness_names_what_is_missing(sample: overview.Overview) -> None:
    assert 0 < sample.site_percent <= 100
    for item in sample.completeness:
        assert set(item.missing) <= set(overview.COMPLETENESS.values())
        assert item.percent == round(100 * (6 - len(item.missing)) / 6)


def test_the_command_prints_markdown_and_writes_html(tmp_path: Path) -> None:
    html = tmp_path / "oversikt.html"
    result = run_hook("oversikt.py", SAMPLE, "--html", str(html))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Översikt för samordnare: Exempelby kommun\n")
    page = html.read_text(encoding="utf-8")
    assert page.count("<caption") == 3
    assert '<th scope="col">Universell</th>' in page
    assert '<td class="sg-tom">Inget</td>' in page


def test_the_html_escapes_the_data(sample: overview.Overview) -> None:
    hostile = overview.Overview("<b>Kommun</b>", DAY, 0, (), (), (), (), ())
    page = coordination.standalone(hostile)
    assert "&lt;b&gt;Kommun&lt;/b&gt;" in page
    assert "<b>Kommun" not in page


def test_the_site_publishes_the_overview_only_when_the_settings_say_so(tmp_path: Path) -> None:
    data = copy_of(tmp_path / "data", FIXTURE_SITES / "minimal") / "data"
    settings = data / "webbplats.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "översikt:\n  publicera: true\n", encoding="utf-8")
    build = run_build(make_project(tmp_path / "site", data))
    assert build.ok, build.result.stderr
    page = (build.site / "oversikt" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    assert '<link rel="stylesheet" href="../assets/stylesheets/stodguiden-oversikt.css">' in page
    assert "<caption" in page
    assert (build.site / "assets" / "stylesheets" / "stodguiden-oversikt.css").is_file()
    start = (build.site / "index.html").read_text(encoding="utf-8")
    assert "oversikt/" not in start  # in no menu


def test_the_overview_is_off_the_site_by_default() -> None:
    catalog, _ = load(SAMPLE, today=DAY)
    assert catalog is not None
    assert not catalog.settings.overview.publish
    assert coordination.page(catalog) is None


def test_the_overview_counts_where_each_programme_runs(sample: overview.Overview) -> None:
    uses = {use.key: use for use in sample.programmes}
    assert uses["icdp"].offers == 3
    assert uses["komet"].where == ("Centrum",)
    unused = [g for g in sample.gaps if g.rule == "program"]
    assert len(unused) == 1
    assert "Triple P" in unused[0].what
    assert "- ICDP – Vägledande samspel: 3 erbjudanden, i " in overview.markdown(sample)


def test_the_editor_guide_lists_every_programme() -> None:
    guide = (ROOT / "REDAKTÖRSGUIDE.md").read_text(encoding="utf-8")
    for programme in programmes.shared().values():
        assert f"| `{programme.key}` | {programme.name} | {programme.for_whom} |" in guide


def test_the_pull_request_summary_names_the_gap_a_change_opens(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is missing")
    repo = copy_of(tmp_path, FIXTURE_SITES / "minimal")
    offer = repo / "data" / "erbjudanden" / "tonarskvall.yml"
    offer.write_text(TEEN_OFFER, encoding="utf-8")
    result = summary_of_change(repo, lambda: offer.unlink())
    assert result.returncode == 0, result.stderr
    assert (
        "## Luckor i utbudet\n\n"
        "- Efter ändringen finns inget universellt stöd för 13–17-åringar.\n"
        "- Efter ändringen finns inget stöd på plats i Norrby för gruppen tonåringar 13–17 år.\n"
    ) in result.stdout


def test_the_nightly_issue_lists_due_offers_by_organiser_with_their_owners(tmp_path: Path) -> None:
    root = copy_of(tmp_path, SAMPLE)
    komet = root / "data" / "erbjudanden" / "komet.yml"
    komet.write_text(komet.read_text(encoding="utf-8").replace("granskad: 2026-11-23", "granskad: 2025-01-18"))
    rules = reminder.codeowners((SAMPLE / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))
    found = reminder.issue(overview_of(root), rules)
    assert found is not None
    assert found.title == "Att granska 18 januari 2027"
    assert (
        "### Socialtjänsten, Exempelby kommun\n\n"
        "Ansvariga för filerna: @exempelby/foraldrastod-samordnare\n\n"
        "- [ ] **Komet för föräldrar till barn 3–11 år** (`data/erbjudanden/komet.yml`): granskad 18 januari 2025, "
        "skulle granskas senast 18 juli 2025. Ansvarig: Familjeenhetens föräldrastöd."
    ) in found.body


def test_no_issue_when_nothing_is_due(tmp_path: Path) -> None:
    root = copy_of(tmp_path, FIXTURE_SITES / "minimal")
    result = overview_of(root)
    assert result.reviews  # babysång has never been reviewed
    for path in (root / "data" / "erbjudanden").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        if "granskad:" not in text:
            path.write_text(text + "granskad: 2027-01-10\n", encoding="utf-8")
    assert reminder.issue(overview_of(root), []) is None


def test_codeowners_last_matching_line_wins() -> None:
    rules = reminder.codeowners(
        "# kommentar\n*  @alla\n/data/  @data  # innehåll\n/data/erbjudanden/komet.yml @komet\n"
    )
    assert reminder.owners_of("data/erbjudanden/komet.yml", rules) == ("@komet",)
    assert reminder.owners_of("data/erbjudanden/cope.yml", rules) == ("@data",)
    assert reminder.owners_of("hooks/check.py", rules) == ("@alla",)


def test_the_sample_is_honest_it_has_a_real_gap_and_an_offer_due_for_review(
    sample: overview.Overview, tmp_path: Path
) -> None:
    texts = [g.text for g in sample.gaps if g.rule in overview.COVERAGE_RULES]
    assert "Det finns inget stöd på plats i Österåsen för gruppen barn 6–12 år." in texts
    assert "Det finns inget erbjudande på centralkurdiska." in texts
    due = {d.source: r.name for r in sample.reviews for d in r.offers}
    assert due["data/erbjudanden/samarbetssamtal.yml"] == "Socialtjänsten, Exempelby kommun"
    result = run_hook("oversikt.py", SAMPLE, "--granskning", str(tmp_path / "g"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "g" / "titel.txt").read_text(encoding="utf-8") == "Att granska 18 januari 2027\n"
    assert "Samarbetssamtal för föräldrar som har separerat" in (tmp_path / "g" / "arende.md").read_text()


def test_parts_side_by_side_count_per_part() -> None:
    catalog, _ = load(SAMPLE, today=DAY)
    assert catalog is not None
    context = overview.context_of(catalog)
    matrix = overview.side_by_side(
        overview.by_area(catalog.offers, context), context, "Områdena sida vid sida", "Område"
    )
    assert matrix.rows == catalog.settings.areas
    area_matrix = overview.age_areas(catalog.offers, context)
    for row, counts in zip(matrix.rows, matrix.counts, strict=True):
        column = area_matrix.columns.index(row)
        assert counts[: len(context.age_groups)] == tuple(r[column] for r in area_matrix.counts)
    assert matrix.counts[matrix.rows.index("Österåsen")][context.age_groups.index(catalog.age_groups["skolbarn"])] == 0

"""A municipality's own repository runs the whole test suite on every pull request (.ci/run). After
hooks/ny_webbplats.py, an editor's hand-written offer and an update with hooks/uppdatera.py, the tests that use
the sample still pass there, on the sample the site keeps; the editor's style only earns a note in the summary."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from test_ny_webbplats import KROKOM, copy_repository, git, run

from conftest import ROOT, SAMPLE_COPY

if TYPE_CHECKING:
    from pathlib import Path

KEPT = SAMPLE_COPY.relative_to(ROOT)
SUBSET = (
    "tests/test_formular.py::test_every_sample_offer_is_in_the_canonical_form",
    "tests/test_formular.py::test_the_command_prints_what_the_build_serves",
    "tests/test_build.py::test_logo_from_settings_is_in_the_header",
    "tests/test_catalog.py::test_sample_settings_fix_the_day_the_example_site_shows",
    "tests/test_kodagare.py::test_the_repositorys_codeowners_is_what_the_settings_give",
    "tests/test_editor_guide.py::test_vscode_maps_every_data_file_to_its_schema",
    "tests/validation/test_check_command.py::test_the_repository_sample_data_passes_strict",
)
"""Tests that read or build the sample (the conftest sample build among them) and the canonical-form check."""
OWN_OFFER = """titel: ABC – Alla barn i centrum
sammanfattning: En kurs i fyra träffar för dig som har barn mellan 3 och 12 år och vill ha färre bråk hemma.
ålder: {från: 3, till: 12}
typer: [foraldrakurser]
arrangör: kommunen
anmälan:
  sätt: anmälan
  hur: 'Ring eller mejla oss och berätta att du vill vara med.'
kontakt:
  namn: Familjecentralen i Krokom
  telefon: "0640-161 00"
  e-post: foraldrastod@krokom.se
plats:
  - namn: Familjecentralen i Krokom
    adress: Offerdalsvägen 7, 835 31 Krokom
kostnad: {belopp: 0}
språk: [sv]
nivå: universell
granskad: 2027-01-10
"""
"""Valid YAML as an editor writes it by hand in GitHub's web editor: flow style and quotes the form would not use."""
CHANGED = "och vill ha en lugnare vardag hemma."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Krokom's repository after its first offer and an update from upstream; and the commit before the offer."""
    folder = tmp_path_factory.mktemp("kommunrepo")
    upstream = copy_repository(folder / "upstream")
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "Stödguiden")
    site = folder / "site"
    git(folder, "clone", "-q", "-o", "upstream", str(upstream), str(site))
    made = run(site, *KROKOM)
    assert made.returncode == 0, made.stderr
    assert "sparade exemplet i tests/fixtures/sites/exempel/, där testerna bygger det" in made.stdout
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "Egen webbplats för Krokoms kommun")
    before = git(site, "rev-parse", "HEAD").strip()
    (site / "data" / "erbjudanden" / "abc.yml").write_text(OWN_OFFER, encoding="utf-8")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "Nytt erbjudande")
    # Upstream changes a sample offer; the update brings it into the sample the site keeps.
    komet = upstream / "data" / "erbjudanden" / "komet.yml"
    komet.write_text(komet.read_text(encoding="utf-8").replace(CHANGED, CHANGED + " Nu även på kvällen."))
    git(upstream, "commit", "-q", "-am", "Ändrat exempel")
    git(site, "fetch", "-q", "upstream")
    updated = subprocess.run(
        [sys.executable, str(site / "hooks" / "uppdatera.py")], cwd=site, capture_output=True, text=True, check=False
    )
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert (site / KEPT / "data" / "erbjudanden" / "komet.yml").read_bytes() == komet.read_bytes()
    assert sorted(p.name for p in (site / "data" / "erbjudanden").iterdir()) == [".gitkeep", "abc.yml"]
    return site, before


def test_the_tests_that_use_the_sample_pass_in_a_sites_repository(site: tuple[Path, str]) -> None:
    root, _ = site
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", *SUBSET],
        cwd=root,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert f"{len(SUBSET)} passed" in result.stdout


def test_an_editors_own_style_is_a_note_in_the_summary_never_an_error(site: tuple[Path, str]) -> None:
    root, before = site
    normalise = subprocess.run(
        [sys.executable, str(root / "hooks" / "normalisera.py"), "--check"], cwd=root, capture_output=True, text=True
    )
    assert (normalise.returncode, normalise.stdout) == (
        1,
        "data/erbjudanden/abc.yml:1: Filen är inte skriven som formuläret skriver den. "
        "Kör python hooks/normalisera.py.\n",
    )
    summary = subprocess.run(
        [sys.executable, str(root / "hooks" / "summary.py"), "--base", before],
        cwd=root,
        env={**os.environ, "STODGUIDEN_IDAG": "2027-01-18"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert summary.returncode == 0, summary.stderr
    assert (
        "### Filer som formuläret skriver på sitt sätt\n\n"
        "De här filerna är inte skrivna som formuläret skriver dem. Det är inget fel. Men om någon senare sparar "
        "dem i formuläret, ändras då också rader som ingen har rört. Vill du slippa det, kör "
        "`python hooks/normalisera.py` och lägg med ändringen:\n\n"
        "- **ABC – Alla barn i centrum** (`data/erbjudanden/abc.yml`)\n"
    ) in summary.stdout

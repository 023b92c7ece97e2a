"""`python hooks/check.py`: what an editor or CI sees, its exit codes, and GitHub annotations."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from check import annotation
from validation_helpers import OFFER, ROOT, VALID_OFFER, minimal_site

from conftest import SAMPLE
from stodguiden.base.problems import Level, Problem

if TYPE_CHECKING:
    from pathlib import Path

CHECK = ROOT / "hooks" / "check.py"
OLD_REVIEW = (
    "varning: Uppgifterna granskades senast 1 december 2025, för mer än ett år sedan. Kontrollera att "
    "allt stämmer och skriv dagens datum i granskad."
)
TOO_OLD = "Fältet till i ålder ska vara ett tal mellan 0 och 18, men här står 19."


def run(root: Path, *args: str, github: bool = False, today: str = "2027-01-18") -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("GITHUB_ACTIONS", "STODGUIDEN_IDAG")}
    env["STODGUIDEN_IDAG"] = today
    env["PYTHONIOENCODING"] = "utf-8"
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run(
        [sys.executable, str(CHECK), "--root", str(root), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return minimal_site(tmp_path)


def with_warning(site: Path) -> Path:
    (site / OFFER).write_text(VALID_OFFER + "granskad: 2025-12-01\n", encoding="utf-8")
    return site


def with_error_and_warning(site: Path) -> Path:
    (site / OFFER).write_text(
        VALID_OFFER.replace("  till: 5", "  till: 19") + "granskad: 2025-12-01\n", encoding="utf-8"
    )
    return site


def test_valid_data_exits_0_and_says_so(site: Path) -> None:
    result = run(site)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "Allt ser bra ut: 2 erbjudanden visas på webbplatsen.\n"


def test_errors_are_printed_as_file_line_message_and_exit_1(site: Path) -> None:
    result = run(with_error_and_warning(site))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"{OFFER}:5: {TOO_OLD}", f"{OFFER}:12: {OLD_REVIEW}"]
    assert result.stderr == "\n1 fel och 1 varning. Rätta felen och kör kontrollen igen.\n"


def test_warnings_alone_exit_0(site: Path) -> None:
    result = run(with_warning(site))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [f"{OFFER}:12: {OLD_REVIEW}"]
    assert result.stderr == "Allt ser bra ut: 3 erbjudanden visas på webbplatsen, 1 varning.\n"


def test_strict_turns_warnings_into_exit_1(site: Path) -> None:
    result = run(with_warning(site), "--strict")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"{OFFER}:12: {OLD_REVIEW}"]
    assert result.stderr == (
        "\n0 fel och 1 varning. Med --strict räknas varningar som fel: rätta dem och kör kontrollen igen.\n"
    )


def test_strict_without_warnings_exits_0(site: Path) -> None:
    assert run(site, "--strict").returncode == 0


def test_github_actions_get_an_annotation_after_each_line(site: Path) -> None:
    result = run(with_error_and_warning(site), github=True)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{OFFER}:5: {TOO_OLD}",
        f"::error file={OFFER},line=5::{TOO_OLD}",
        f"{OFFER}:12: {OLD_REVIEW}",
        f"::warning file={OFFER},line=12::{OLD_REVIEW.removeprefix('varning: ')}",
    ]


def test_no_annotations_outside_github_actions(site: Path) -> None:
    assert "::" not in run(with_error_and_warning(site)).stdout


def test_annotation_escapes_what_github_would_misread() -> None:
    problem = Problem("data/erbjudanden/a,b:c.yml", 3, "100 % fel\r\nrad två", Level.WARNING)
    assert annotation(problem) == "::warning file=data/erbjudanden/a%2Cb%3Ac.yml,line=3::100 %25 fel%0D%0Arad två"


def test_file_name_with_a_comma_is_escaped_in_the_annotation(site: Path) -> None:
    (site / "data" / "erbjudanden" / "a,b.yml").write_text(VALID_OFFER, encoding="utf-8")
    result = run(site, github=True)
    assert result.returncode == 1
    assert result.stdout.splitlines()[1].startswith("::error file=data/erbjudanden/a%2Cb.yml,line=1::Filnamnet ”a,b”")


def test_a_date_that_is_not_a_date_in_stodguiden_idag_exits_1(site: Path) -> None:
    result = run(site, today="igår")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "fel: STODGUIDEN_IDAG=igår är inte ett datum. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2027-01-15.\n"
    )


def test_missing_data_folder_exits_1(tmp_path: Path) -> None:
    result = run(tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        "data:1: Mappen data saknas. Den ska innehålla webbplats.yml, typer.yml, arrangorer.yml, "
        "aldersgrupper.yml och mappen erbjudanden.\n"
    )


def test_the_repository_sample_data_passes_strict() -> None:
    result = run(SAMPLE, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr


def test_help_and_usage_errors_are_swedish(site: Path) -> None:
    result = run(site, "--help")
    assert result.returncode == 0
    assert (
        result.stdout.splitlines()[0] == "användning: python hooks/check.py [-h] [--strict] [--root MAPP] [--base GREN]"
    )
    assert "  -h, --help   visa den här hjälpen och avsluta" in result.stdout.splitlines()
    assert "  --strict     räkna varningar som fel" in result.stdout.splitlines()
    wrong = run(site, "--stric")
    assert wrong.returncode == 2
    assert wrong.stderr.splitlines()[-1] == "python hooks/check.py: fel: okända argument: --stric"


PAST_ROUND = (
    "plats:\n  - namn: Kyrkans barnrum\nomgångar:\n  - start: 2026-09-01\n    träffar: 6\n    plats: Kyrkans barnrum\n"
)


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@testby.se", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_base_gives_date_warnings_for_changed_files_only(site: Path) -> None:
    old = site / "data" / "erbjudanden" / "gammal.yml"
    old.write_text(VALID_OFFER.replace("Öppen förskola", "Gammal förskola") + PAST_ROUND, encoding="utf-8")
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", "data")
    _git(site, "commit", "-q", "-m", "start")
    (site / OFFER).write_text(VALID_OFFER + PAST_ROUND, encoding="utf-8")
    result = run(site, "--base", "main")
    assert result.stdout.splitlines() == [
        f"{OFFER}:15: varning: Omgång nr 1 (1 september 2026–6 oktober 2026) har redan varit. Kontrollera datumen "
        "(kanske årtalet), eller ta bort omgången om den är över."
    ]
    assert result.returncode == 0
    # Without --base (as in the build) no file gets them: old data never fails as the calendar moves.
    assert run(site).stdout == ""


def test_base_that_git_cannot_read_is_told_in_swedish(site: Path) -> None:
    _git(site, "init", "-q")
    result = run(site, "--base", "origin/finns-inte")
    assert result.returncode == 1
    assert (
        result.stderr
        == "fel: git kunde inte läsa grenen origin/finns-inte. Kontrollera namnet, till exempel origin/main.\n"
    )


def test_without_the_projects_packages_it_says_what_to_run(tmp_path: Path) -> None:
    # `python3 hooks/check.py` with a Python that lacks the packages (-S: no site-packages) and no .venv.
    project = tmp_path / "projekt"
    (project / "hooks").mkdir(parents=True)
    (project / "hooks" / "check.py").write_text(CHECK.read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-S", str(project / "hooks" / "check.py")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("fel: Kontrollen behöver paketen i projektets virtuella miljö (.venv)")
    assert result.stderr.endswith("  .venv/bin/python hooks/check.py\n")

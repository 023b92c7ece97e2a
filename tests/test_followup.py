"""The yearly follow-up (`outputs/followup.py`, `hooks/oversikt.py --ar --csv --json`): counts per round,
small counts of people hidden, the year before read from a real git history, and CSV for Swedish Excel."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from datetime import date
from typing import TYPE_CHECKING

import pytest

from conftest import SAMPLE, SAMPLE_DATA, SAMPLE_DOCS, TODAY, run_hook
from stodguiden.outputs import followup, overview
from stodguiden.source.catalog import load

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Build


def git(repo: Path, *args: str, when: str = "2026-12-20T12:00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_hook("oversikt.py", repo, *args)


def rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the byte order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8")), delimiter=";"))


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample committed in December 2026, then a change in 2027: a new round of Komet with its counts."""
    if shutil.which("git") is None:
        pytest.skip("git is missing")
    repo = tmp_path_factory.mktemp("historik")
    shutil.copytree(SAMPLE_DATA, repo / "data")
    shutil.copytree(SAMPLE_DOCS, repo / "docs")
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "data", "docs")
    git(repo, "commit", "--quiet", "-m", "2026")
    komet = repo / "data" / "erbjudanden" / "komet.yml"
    text = komet.read_text(encoding="utf-8")
    komet.write_text(
        text.replace(
            "omgångar:\n",
            "omgångar:\n  - start: 2027-01-05\n    träffar: 2\n"
            "    uppföljning:\n      startade: 3\n      fullföljde: 2\n",
            1,
        ),
        encoding="utf-8",
    )
    git(repo, "commit", "--quiet", "-am", "2027", when="2027-01-10T12:00:00")
    return repo


def test_the_year_and_the_year_before_from_git(history: Path, tmp_path: Path) -> None:
    result = run(history, "--ar", "2027", "--csv", str(tmp_path / "u.csv"), "--json", str(tmp_path / "u.json"))
    assert result.returncode == 0, result.stderr
    by_value = {(r["Indelning"], r["Värde"]): r for r in rows((tmp_path / "u.csv").read_bytes())}
    komet = by_value[("Program", "Komet")]
    assert (komet["Startade 2027"], komet["Fullföljde 2027"]) == ("färre än 5", "färre än 5")
    assert (komet["Startade 2026"], komet["Fullföljde 2026"]) == ("10", "8")
    connect = by_value[("Program", "Connect")]
    assert (connect["Startade 2026"], connect["Fullföljde 2026"]) == ("5", "färre än 5")
    icdp = by_value[("Program", "ICDP – Vägledande samspel")]
    assert icdp["Inställda omgångar 2026"] == "1"
    written = json.loads((tmp_path / "u.json").read_text(encoding="utf-8"))
    total = written["rader"][0]
    assert (total["indelning"], total["värde"]) == ("Totalt", "Alla erbjudanden")
    assert total["2026"]["startade"] == 10 + 19 + 5


def test_without_history_there_is_no_year_before(tmp_path: Path) -> None:
    repo = tmp_path / "utan-git"
    shutil.copytree(SAMPLE_DATA, repo / "data")
    shutil.copytree(SAMPLE_DOCS, repo / "docs")
    result = run(repo, "--csv", str(tmp_path / "u.csv"))
    assert result.returncode == 0, result.stderr
    header = rows((tmp_path / "u.csv").read_bytes())[0]
    assert "Erbjudanden 2027" in header
    assert "Erbjudanden 2026" not in header
    assert "Det finns inga uppgifter om året innan i historiken." in result.stdout


def test_csv_totals_match_the_sites_offer_count(sample_build: Build) -> None:
    catalog, _ = load(SAMPLE, today=date.fromisoformat(TODAY))
    assert catalog is not None
    report = followup.report(catalog.offers, overview.context_of(catalog), 2027, "Exempelby kommun")
    (total,) = [r for r in rows(followup.to_csv(report)) if r["Indelning"] == "Totalt"]
    pages = [p for p in (sample_build.site / "erbjudanden").iterdir() if (p / "index.html").is_file()]
    assert int(total["Erbjudanden 2027"]) == len(pages) == len(catalog.offers)


@pytest.mark.parametrize(
    ("name", "value", "written"),
    [("startade", 4, "färre än 5"), ("startade", 5, 5), ("startade", 0, 0), ("omgångar", 2, 2)],
)
def test_only_small_counts_of_people_are_hidden(name: str, value: int, written: int | str) -> None:
    assert followup.shown(name, value) == written

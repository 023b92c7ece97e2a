"""`hooks/kodagare.py` writes .github/CODEOWNERS from the settings; a file out of date fails here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

from conftest import REGION_SAMPLE, ROOT, SAMPLE
from stodguiden.outputs import codeowners
from stodguiden.source.catalog import load_settings

if TYPE_CHECKING:
    from pathlib import Path

COMMAND = ROOT / "hooks" / "kodagare.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(COMMAND), *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_the_repositorys_codeowners_is_what_the_settings_give() -> None:
    settings, problems = load_settings(SAMPLE)
    assert settings is not None, problems
    assert codeowners.render(settings).encode("utf-8") == (SAMPLE / ".github" / "CODEOWNERS").read_bytes()
    own, problems = load_settings(ROOT)
    assert own is not None, problems
    if not (own.web_team and own.owner):
        return  # a new site whose settings name no teams yet keeps the file by hand (README, Starta en egen webbplats)
    result = _run("--kontrollera")
    assert (result.returncode, result.stdout) == (0, ".github/CODEOWNERS stämmer med inställningarna.\n")


def test_the_region_samples_codeowners_gives_each_municipality_its_folder() -> None:
    result = _run("--kontrollera", "--projekt", str(ROOT / REGION_SAMPLE))
    assert result.returncode == 0, result.stderr
    text = (ROOT / REGION_SAMPLE / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    lines = [line.split() for line in text.splitlines() if line and not line.startswith("#")]
    assert ["/data/", "@exempellan/foraldrastod"] in lines
    assert ["/data/kommuner/norrvik/", "@exempellan/norrvik"] in lines
    # the last matching line wins: each municipality's folder comes after data/
    assert lines.index(["/data/kommuner/sjoby/", "@exempellan/sjoby"]) > lines.index(
        ["/data/", "@exempellan/foraldrastod"]
    )


def test_a_file_out_of_date_is_found_and_written_again(tmp_path: Path) -> None:
    shutil.copytree(ROOT / REGION_SAMPLE / "data", tmp_path / "data")
    shutil.copytree(ROOT / REGION_SAMPLE / ".github", tmp_path / ".github")
    member = tmp_path / "data" / "kommuner" / "sjoby" / "kommun.yml"
    member.write_text(
        member.read_text(encoding="utf-8").replace("@exempellan/sjoby", "@sjoby/familj"), encoding="utf-8"
    )
    result = _run("--kontrollera", "--projekt", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == (
        "fel: .github/CODEOWNERS stämmer inte med inställningarna. Kör python hooks/kodagare.py "
        "och lägg med den nya filen i ändringen.\n"
    )
    assert _run("--projekt", str(tmp_path)).stdout == ".github/CODEOWNERS skrevs.\n"
    assert "/data/kommuner/sjoby/     @sjoby/familj\n" in (tmp_path / ".github" / "CODEOWNERS").read_text("utf-8")
    assert _run("--kontrollera", "--projekt", str(tmp_path)).returncode == 0


def test_settings_without_teams_are_told_what_to_add(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "tests" / "fixtures" / "sites" / "minimal" / "data", tmp_path / "data")
    result = _run("--projekt", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == (
        "fel: data/webbplats.yml saknar webbteam och ägare: GitHub-teamen som granskar ändringar, till exempel "
        'webbteam: "@kommunen/webbteamet" och ägare: "@kommunen/foraldrastod". Lägg till dem och kör kommandot igen.\n'
    )
    assert not (tmp_path / ".github").exists()

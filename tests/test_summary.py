"""The pull-request summary (`hooks/summary.py`) on a real temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE_SITES, ROOT, run_hook

SUMMARY = ROOT / "hooks" / "summary.py"
OFFERS = Path("data") / "erbjudanden"


def git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_hook("summary.py", repo, *args)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The minimal site committed on main, then a branch that adds, changes and removes one offer each."""
    if shutil.which("git") is None:
        pytest.skip("git is missing")
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE_SITES / "minimal" / "data", repo / "data")
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "data")
    git(repo, "commit", "--quiet", "-m", "base")
    git(repo, "checkout", "--quiet", "-b", "andring")
    (repo / OFFERS / "utgangen-forelasning.yml").unlink()
    komet = repo / OFFERS / "komet.yml"
    text = komet.read_text(encoding="utf-8").replace("sammanfattning: ", "sammanfattning: Du kan erhålla stöd. ")
    komet.write_text(text.replace("granskad: 2026-12-01", "granskad: 2025-12-01"), encoding="utf-8")
    (repo / OFFERS / "pappagrupp.yml").write_text(
        "titel: Pappagrupp <b>*ny*</b>\n"
        "sammanfattning: Träffa andra pappor och prata om livet med barn.\n"
        "ålder:\n  från: 0\n  till: 5\n"
        "typer: [kurser]\n"
        "arrangör: kyrkan\n"
        "anmälan:\n  behövs: false\n"
        "kontakt:\n  telefon: 0123-456 78\n",
        encoding="utf-8",
    )
    # A kind of support renamed: the unchanged offer that uses it is now wrong, and the summary shows it.
    types = repo / "data" / "typer.yml"
    types.write_text(types.read_text(encoding="utf-8").replace("grupper:", "barngrupper:"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "change")
    return repo


def test_summary_lists_added_changed_removed_other_files_and_what_to_look_over(repo: Path) -> None:
    result = run(repo, "--base", "main")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "## Erbjudanden i den här ändringen\n"
        "\n"
        "Jämfört med `main`: 1 nytt, 1 ändrat, 1 borttaget. Kontrollen hittade 1 fel och 2 varningar i hela data/.\n"
        "\n"
        "### Nya erbjudanden\n"
        "\n"
        "- **Pappagrupp &lt;b&gt;\\*ny\\*&lt;/b&gt;** (`data/erbjudanden/pappagrupp.yml`). "
        "LIX: för lite text för att räkna (under 30 ord).\n"
        "  - Inga fel eller varningar.\n"
        "\n"
        "### Ändrade erbjudanden\n"
        "\n"
        "- **Komet** (`data/erbjudanden/komet.yml`). LIX: för lite text för att räkna (under 30 ord).\n"
        "  - Rad 2: varning: Ordet ”erhålla” i sammanfattning är krångligt. Skriv hellre ”få”.\n"
        "  - Rad 39: varning: Uppgifterna granskades senast 1 december 2025, för mer än ett år sedan. Kontrollera "
        "att allt stämmer och skriv dagens datum i granskad.\n"
        "\n"
        "### Borttagna erbjudanden\n"
        "\n"
        "- **Avslutad föreläsning** (`data/erbjudanden/utgangen-forelasning.yml`)\n"
        "\n"
        "### Andra filer\n"
        "\n"
        "- `data/erbjudanden/babysang.yml` (inte ändrad)\n"
        "  - Rad 8: fel: Det finns ingen typ av stöd som heter ”grupper” i data/typer.yml. Menade du barngrupper? "
        "Är det en ny typ av stöd, lägg först till den i data/typer.yml.\n"
        "- `data/typer.yml` (ändrad)\n"
        "  - Inga fel eller varningar.\n"
        "\n"
        "### Filer som formuläret skriver på sitt sätt\n"
        "\n"
        "De här filerna är inte skrivna som formuläret skriver dem. Det är inget fel. Men om någon senare sparar "
        "dem i formuläret, ändras då också rader som ingen har rört. Vill du slippa det, kör "
        "`python hooks/normalisera.py` och lägg med ändringen:\n"
        "\n"
        "- **Pappagrupp &lt;b&gt;\\*ny\\*&lt;/b&gt;** (`data/erbjudanden/pappagrupp.yml`)\n"
        "- **Komet** (`data/erbjudanden/komet.yml`)\n"
        "\n"
        "## Att se över\n"
        "\n"
        "Granskades för mer än ett år sedan (räknat från 18 januari 2027). Kontrollera uppgifterna och skriv ett nytt "
        "datum i granskad:\n"
        "\n"
        "- **Komet** (`data/erbjudanden/komet.yml`): granskad 1 december 2025.\n"
        "\n"
        "Omgångar som har slutat. De syns inte längre på webbplatsen; ta gärna bort dem ur filen:\n"
        "\n"
        "- **Komet** (`data/erbjudanden/komet.yml`): 1 september 2026–22 september 2026.\n"
    )


def test_an_unknown_base_is_a_swedish_error(repo: Path) -> None:
    result = run(repo, "--base", "finns-inte")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("fel: git kunde inte läsa finns-inte: ")


def test_help_is_swedish() -> None:
    result = subprocess.run(
        [sys.executable, str(SUMMARY), "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("användning: python hooks/summary.py [-h] --base GREN [--root MAPP]")
    assert "visa den här hjälpen och avsluta" in result.stdout


def test_a_municipalitys_own_offer_is_an_offer_on_a_regions_site() -> None:
    from summary import is_offer

    assert is_offer("data/kommuner/krokom/erbjudanden/babysang.yml")
    assert is_offer("data/erbjudanden/babysang.yml")
    assert not is_offer("data/kommuner/krokom/kommun.yml")
    assert not is_offer("data/kommuner/krokom/erbjudanden/anteckningar.txt")

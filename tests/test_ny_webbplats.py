"""Starting a new site: hooks/ny_webbplats.py run in a copy of the repository, and the result built strictly;
and hooks/uppdatera.py taking a later upstream version into such a site in a real git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import ny_webbplats
import pytest
import uppdatera
import yaml

from conftest import ROOT, SAMPLE, SAMPLE_COPY, SAMPLE_DATA, SAMPLE_PARTS, TODAY, run_build

if TYPE_CHECKING:
    from pathlib import Path

KROKOM = [
    "--namn",
    "Krokom",
    "--adress",
    "https://www.krokom.se/foraldraskapsstod",
    "--epost",
    "foraldrastod@krokom.se",
    "--telefon",
    "0640-161 00",
]
MISSING = """fel: Det här saknas, så ingenting ändrades:
  --adress: webbplatsens adress, till exempel https://www.krokom.se/foraldraskapsstod/
  --epost: e-post dit föräldrar kan skriva, till exempel foraldrastod@krokom.se
  --telefon: telefon dit föräldrar kan ringa, till exempel "0640-161 00"
Kör kommandot igen med allt som saknas, till exempel:
  python hooks/ny_webbplats.py --namn "Krokoms kommun" --adress https://www.krokom.se/foraldraskapsstod/ \
--epost foraldrastod@krokom.se --telefon "0640-161 00"
"""


def copy_repository(target: Path) -> Path:
    """The repository's files as a fresh clone has them (tracked, plus new files not yet committed); in a
    site's own repository, with the sample it keeps put back, as in Stödguiden itself."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    if SAMPLE != ROOT:
        for part in SAMPLE_PARTS:
            if (target / part).is_dir():
                shutil.rmtree(target / part)
            else:
                (target / part).unlink()
        shutil.copytree(SAMPLE, target, dirs_exist_ok=True)
        shutil.rmtree(target / SAMPLE.relative_to(ROOT))
    return target


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command as an editor runs it, without a terminal (standard input is not one)."""
    return subprocess.run(
        [sys.executable, str(root / "hooks" / "ny_webbplats.py"), *args],
        cwd=root,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "hooks" / "check.py"), "--strict"],
        cwd=root,
        env={**os.environ, "STODGUIDEN_IDAG": TODAY},
        capture_output=True,
        text=True,
        check=False,
    )


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the copy, except the bytecode Python writes when it runs the command."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def krokom(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    root = copy_repository(tmp_path_factory.mktemp("krokom"))
    return root, run(root, *KROKOM)


def test_the_command_makes_a_site_that_passes_the_check(krokom: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, result = krokom
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Klart: nu är det här webbplatsen Föräldraskapsstöd i Krokom.\n")
    assert "Nästa steg:" in result.stdout
    settings = yaml.safe_load((root / "data" / "webbplats.yml").read_text(encoding="utf-8"))
    assert settings["kommun"] == "Krokoms kommun"
    assert settings["kommunkod"] == "2309"
    assert settings["kontakt"] == {
        "namn": "Krokoms kommun",
        "telefon": "0640-161 00",
        "e-post": "foraldrastod@krokom.se",
    }
    assert "idag" not in settings
    assert "exempel" not in settings
    assert [line["namn"] for line in settings["stödlinjer"]] == ["Akut fara", "BRIS", "Kvinnofridslinjen", "Polisen"]
    assert sorted(p.name for p in (root / "data" / "erbjudanden").iterdir()) == [".gitkeep"]
    assert list(yaml.safe_load((root / "data" / "arrangorer.yml").read_text(encoding="utf-8"))) == ["kommunen"]
    assert not (root / "docs" / "bilder" / "exempelby-logotyp.svg").exists()
    for shared in ("typer.yml", "aldersgrupper.yml", "ordlista.yml"):
        assert (root / "data" / shared).read_bytes() == (SAMPLE_DATA / shared).read_bytes()
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nsite_url: https://www.krokom.se/foraldraskapsstod/\n" in config
    assert "\n# repo_url: https://github.com/ORGANISATION/FÖRRÅD\n" in config
    # Only those three lines changed (edit_uri is commented out with repo_url): the comments stay.
    before = (SAMPLE / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert [a for a, b in zip(before, config.splitlines(), strict=True) if a != b] == [
        "site_url: https://www.exempelby.se/foraldraskapsstod/",
        "repo_url: https://github.com/exempelby/stodguiden",
        "edit_uri: edit/main/docs/",
    ]
    checked = check(root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Allt ser bra ut: 0 erbjudanden visas på webbplatsen." in checked.stderr


def test_the_new_site_builds_strictly_and_says_there_are_no_offers_yet(
    krokom: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    root, _ = krokom
    build = run_build(root, "--strict")  # not -q: it hides the warnings that --strict fails on
    assert build.ok, build.result.stderr
    notice = "Här finns inga erbjudanden ännu."
    for page in ("", "alder/", "alder/spadbarn/", "stod/", "stod/samtal/", "hitta-stod/", "sok/"):
        html = build.html(page)
        assert notice in html, page
        assert "Kontakta Krokoms kommun, så hjälper vi dig." in html, page
        assert 'href="mailto:foraldrastod@krokom.se"' in html, page
    assert "Exempelby" not in build.html("")
    # No empty finder form and no search form on a site with nothing to find.
    assert 'id="sg-filter"' not in build.html("hitta-stod/")
    assert "data-sg-search-page" not in build.html("sok/")


def test_a_second_run_changes_nothing(krokom: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, _ = krokom
    before = snapshot(root)
    result = run(root, *KROKOM)
    assert result.returncode == 1
    assert result.stderr == (
        "fel: data/webbplats.yml har inte exempel: true, så det här är redan en egen webbplats. Ingenting ändrades. "
        "Kommandot gör om exemplet i en ny kopia av Stödguiden.\n"
    )
    assert snapshot(root) == before


def test_without_a_terminal_it_says_what_is_missing_and_changes_nothing(tmp_path: Path) -> None:
    root = copy_repository(tmp_path)
    before = snapshot(root)
    result = run(root, "--namn", "Krokoms kommun")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == MISSING
    assert snapshot(root) == before


def test_unknown_names_and_codes_are_refused_with_the_likely_right_one(tmp_path: Path) -> None:
    root = copy_repository(tmp_path)
    before = snapshot(root)
    result = run(root, *KROKOM[2:], "--namn", "Krokomm")
    assert result.returncode == 2
    assert result.stderr == (
        'fel: Kommunen "Krokomm" finns inte i listan över Sveriges kommuner. Skriv namnet som till exempel '
        '"Krokoms kommun", eller ange SCB:s kommunkod med --kommunkod.\nIngenting ändrades.\n'
    )
    result = run(root, *KROKOM[2:], "--kommunkod", "2310", "--epost", "foraldrastod@krokom")
    assert result.returncode == 2
    assert result.stderr == (
        "fel: E-postadressen foraldrastod@krokom går inte att använda. Skriv den som foraldrastod@krokom.se.\n"
        "Kommunkoden 2310 finns inte. Menade du 2309 (Krokom)?\nIngenting ändrades.\n"
    )
    result = run(root, *KROKOM[2:], "--namn", "Åre", "--kommunkod", "2309")
    assert result.stderr == (
        "fel: Åre kommun har kommunkoden 2321, inte 2309. Rätta --namn eller --kommunkod.\nIngenting ändrades.\n"
    )
    assert snapshot(root) == before


def test_in_a_terminal_it_asks_for_what_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import ny_webbplats

    root = copy_repository(tmp_path)
    answers = iter(["www.krokom.se", "https://www.krokom.se/stod/", "stod@krokom.se", "0640-161 00", "ja"])
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        return next(answers)

    code = ny_webbplats.main(["--namn", "Krokoms kommun", "--root", str(root)], ask=ask, terminal=True)
    assert code == 0
    assert asked == [
        "Webbplatsens adress, till exempel https://www.krokom.se/foraldraskapsstod/: ",
        "Webbplatsens adress, till exempel https://www.krokom.se/foraldraskapsstod/: ",
        "E-post dit föräldrar kan skriva, till exempel foraldrastod@krokom.se: ",
        'Telefon dit föräldrar kan ringa, till exempel "0640-161 00": ',
        "Fortsätt? Skriv ja: ",
    ]
    out = capsys.readouterr().out
    assert out.startswith(
        "Adressen www.krokom.se går inte att använda. Skriv hela adressen med https://, till exempel "
        "https://www.krokom.se/foraldraskapsstod/.\n"
        "Webbplatsen blir Föräldraskapsstöd i Krokom, på https://www.krokom.se/stod/.\n"
    )
    assert "site_url: https://www.krokom.se/stod/\n" in (root / "mkdocs.yml").read_text(encoding="utf-8")


def kodagare(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "hooks" / "kodagare.py"), "--kontrollera"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_teams_are_placeholders_until_given_and_codeowners_matches_them(
    krokom: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    # No --webbteam, --agare or --repo: teams in the organisation ORGANISATION, to be replaced, and the
    # CODEOWNERS written from them, so kodagare.py --kontrollera (a test and CI run it) passes right away.
    root, result = krokom
    settings = yaml.safe_load((root / "data" / "webbplats.yml").read_text(encoding="utf-8"))
    assert (settings["webbteam"], settings["ägare"]) == ("@ORGANISATION/webbteamet", "@ORGANISATION/foraldrastod")
    assert "  - skrev .github/CODEOWNERS: webbteam @ORGANISATION/webbteamet, ägare @ORGANISATION/foraldrastod\n" in (
        result.stdout
    )
    assert "Byt teamen webbteam och ägare i data/webbplats.yml till era egna och kör python hooks/kodagare.py" in (
        result.stdout
    )
    owners = (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "*                       @ORGANISATION/webbteamet\n" in owners
    assert "/data/                  @ORGANISATION/foraldrastod\n" in owners
    assert "exempelby" not in owners
    checked = kodagare(root)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout == ".github/CODEOWNERS stämmer med inställningarna.\n"


def test_a_team_that_is_not_a_github_team_is_refused(tmp_path: Path) -> None:
    root = copy_repository(tmp_path)
    before = snapshot(root)
    result = run(root, *KROKOM, "--webbteam", "krokom webbteam")
    assert result.returncode == 2
    assert result.stderr == (
        "fel: Teamet krokom webbteam går inte att använda. Skriv ett GitHub-team som @organisation/team, "
        "till exempel @krokom/foraldrastod.\nIngenting ändrades.\n"
    )
    assert snapshot(root) == before


def test_region_mode_writes_the_region_layout(tmp_path: Path) -> None:
    root = copy_repository(tmp_path)
    # A clone, so that what the command changes can be compared with what hooks/uppdatera.py keeps as the
    # site's own (SITE_OWNED) when it takes a later version of Stödguiden.
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Stödguiden")
    result = run(
        root,
        "--region",
        "--lan",
        "Jämtlands län",
        "--namn",
        "Region Jämtland Härjedalen",
        "--adress",
        "https://www.regionjh.se/foraldraskapsstod/",
        "--epost",
        "foraldrastod@regionjh.se",
        "--telefon",
        "063-14 75 00",
        "--kommuner",
        "Krokom, Åre kommun",
        "--agare",
        "@regionjh/foraldrastod",
        "--repo",
        "https://github.com/regionjh/stodguiden",
    )
    assert result.returncode == 0, result.stderr
    assert "skapade data/kommuner/ med data/kommuner/krokom/, data/kommuner/are/" in result.stdout
    settings = yaml.safe_load((root / "data" / "webbplats.yml").read_text(encoding="utf-8"))
    assert settings["namn"] == "Föräldraskapsstöd i Jämtlands län"
    assert settings["kommun"] == "Region Jämtland Härjedalen"
    assert settings["län"] == "23"
    assert settings["ägare"] == "@regionjh/foraldrastod"
    assert "kommunkod" not in settings
    assert "områden" not in settings
    folders = sorted(p.name for p in (root / "data" / "kommuner").iterdir())
    assert folders == [".gitkeep", "are", "krokom"]
    krokom = yaml.safe_load((root / "data" / "kommuner" / "krokom" / "kommun.yml").read_text(encoding="utf-8"))
    assert krokom["namn"] == "Krokoms kommun"
    assert krokom["kommunkod"] == "2309"
    assert krokom["kontakt"]["e-post"] == "foraldrastod@regionjh.se"
    are = yaml.safe_load((root / "data" / "kommuner" / "are" / "kommun.yml").read_text(encoding="utf-8"))
    assert (are["namn"], are["kommunkod"]) == ("Åre kommun", "2321")
    assert (root / "data" / "kommuner" / "are" / "erbjudanden" / ".gitkeep").is_file()
    organisers = yaml.safe_load((root / "data" / "arrangorer.yml").read_text(encoding="utf-8"))
    assert organisers["regionen"]["sektor"] == "region"
    assert "\nrepo_url: https://github.com/regionjh/stodguiden\n" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    # The teams: --agare as given, the web team in the organisation of --repo; CODEOWNERS written from them.
    assert settings["webbteam"] == "@regionjh/webbteamet"
    owners = (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "*                       @regionjh/webbteamet\n" in owners
    assert "/data/                  @regionjh/foraldrastod\n" in owners
    checked = kodagare(root)
    assert checked.returncode == 0, checked.stderr
    # The .gitkeep files that keep the empty folders in git are not offers, municipalities or stray files.
    for kept in ("data/kommuner", "data/erbjudanden", "data/kommuner/krokom/erbjudanden"):
        assert (root / kept / ".gitkeep").is_file(), kept
    checked = check(root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    build = run_build(root, "--strict", "-q")
    assert build.ok, build.result.stderr
    assert "Krokoms kommun" in build.html("kommuner/krokom/")
    assert "Här finns inga erbjudanden ännu." in build.html("")
    # Everything the command replaced, removed or added is the site's own for hooks/uppdatera.py, or the kept
    # sample, which hooks/uppdatera.py makes upstream's again on every update (SAMPLE_COPY).
    changed = [line[3:] for line in git(root, "status", "--porcelain", "--untracked-files=all").splitlines()]
    assert "data/kommuner/krokom/kommun.yml" in changed
    assert ".github/CODEOWNERS" in changed
    not_kept = [
        path
        for path in changed
        if path != uppdatera.CONFIG
        and not path.startswith(uppdatera.SAMPLE_COPY + "/")
        and not any(path == own or path.startswith(own + "/") for own in uppdatera.SITE_OWNED)
    ]
    assert not_kept == []


def test_region_mode_refuses_a_municipality_in_another_county(tmp_path: Path) -> None:
    root = copy_repository(tmp_path)
    result = run(root, "--region", "--lan", "23", *KROKOM[2:], "--namn", "Region X", "--kommuner", "Krokom,Ale")
    assert result.returncode == 2
    assert (
        result.stderr == "fel: Ale kommun ligger i Västra Götalands län, inte i Jämtlands län.\nIngenting ändrades.\n"
    )


# --- Taking a later version of Stödguiden into the site (README: Starta en egen webbplats) ---


def git(root: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    return subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True).stdout


def test_an_upstream_update_merges_into_the_site_and_keeps_its_data(tmp_path: Path) -> None:
    # Upstream: Stödguiden with its sample.
    upstream = copy_repository(tmp_path / "upstream")
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "Stödguiden")
    # The site: a clone that ran ny_webbplats.py and added an offer of its own.
    site = tmp_path / "site"
    git(tmp_path, "clone", "-q", "-o", "upstream", str(upstream), str(site))
    assert run(site, *KROKOM).returncode == 0
    own = (ROOT / "tests" / "fixtures" / "sites" / "minimal" / "data" / "erbjudanden" / "komet.yml").read_text(
        encoding="utf-8"
    )
    (site / "data" / "erbjudanden" / "vara-barn.yml").write_text(
        own.replace("arrangör: socialtjansten", "arrangör: kommunen")
        .replace("    område: Centrum\n", "")
        .replace("typer: [kurser]", "typer: [foraldrakurser]"),
        encoding="utf-8",
    )
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "Egen webbplats för Krokoms kommun")
    # Upstream moves on: code, a changed and a new sample offer, the sample's settings and logo.
    (upstream / "hooks" / "stodguiden" / "base" / "timezone.py").write_text(
        (upstream / "hooks" / "stodguiden" / "base" / "timezone.py").read_text(encoding="utf-8") + "\n# upstream\n",
        encoding="utf-8",
    )
    komet = upstream / "data" / "erbjudanden" / "komet.yml"
    komet.write_text(komet.read_text(encoding="utf-8") + "# ändrad i exemplet\n", encoding="utf-8")
    shutil.copy(komet, upstream / "data" / "erbjudanden" / "nytt-exempel.yml")
    settings = upstream / "data" / "webbplats.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("Exempelby", "Exempelstad"), encoding="utf-8")
    (upstream / "docs" / "bilder" / "exempelby-logotyp.svg").write_text("<svg/>\n", encoding="utf-8")
    config = upstream / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("site_url: https://www.exempelby.se/foraldraskapsstod/", "site_url: https://exempelby.se/stod/")
        .replace("use_directory_urls: true", "use_directory_urls: true  # upstream"),
        encoding="utf-8",
    )
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "Stödguiden 2")
    git(site, "fetch", "-q", "upstream")

    # A plain merge stops on the sample's settings the site replaced, and would bring the sample's new offer
    # into the site's data: this is why the command exists.
    plain = subprocess.run(["git", "merge", "--no-commit", "upstream/main"], cwd=site, capture_output=True, text=True)
    assert plain.returncode != 0
    assert "CONFLICT (content): Merge conflict in data/webbplats.yml" in plain.stdout
    assert (site / "data" / "erbjudanden" / "nytt-exempel.yml").is_file()
    git(site, "merge", "--abort")

    kept = {p: (site / p).read_bytes() for p in ("data/webbplats.yml", "data/arrangorer.yml")}
    result = subprocess.run(
        [sys.executable, str(site / "hooks" / "uppdatera.py")], cwd=site, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Klart: upstream/main är hämtad, och era uppgifter i data/ är kvar som de var.\n")
    assert git(site, "status", "--porcelain") == ""
    assert git(site, "log", "-1", "--format=%P").count(" ") == 1  # a merge commit, with both parents
    assert (site / "hooks" / "stodguiden" / "base" / "timezone.py").read_text(encoding="utf-8").endswith("# upstream\n")
    assert sorted(p.name for p in (site / "data" / "erbjudanden").iterdir()) == [".gitkeep", "vara-barn.yml"]
    assert not (site / "docs" / "bilder" / "exempelby-logotyp.svg").exists()
    assert {p: (site / p).read_bytes() for p in kept} == kept
    # The sample the site keeps for its tests is upstream's new sample, every file of it.
    sample = site / SAMPLE_COPY.relative_to(ROOT)
    assert sorted(p.relative_to(sample).as_posix() for p in sample.rglob("*") if p.is_file()) == sorted(
        git(upstream, "ls-files", *SAMPLE_PARTS).split()
    )
    for name in ("data/erbjudanden/komet.yml", "data/erbjudanden/nytt-exempel.yml", "mkdocs.yml"):
        assert (sample / name).read_bytes() == (upstream / name).read_bytes(), name
    assert (sample / "docs" / "bilder" / "exempelby-logotyp.svg").read_text(encoding="utf-8") == "<svg/>\n"
    # mkdocs.yml: upstream's other change arrives, the site's address stays.
    config_text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nsite_url: https://www.krokom.se/foraldraskapsstod/\n" in config_text
    assert "use_directory_urls: true  # upstream\n" in config_text
    checked = check(site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Allt ser bra ut: 1 erbjudande visas på webbplatsen." in checked.stderr
    build = run_build(site, "--strict")
    assert build.ok, build.result.stderr
    # Nothing new the next time.
    again = subprocess.run(
        [sys.executable, str(site / "hooks" / "uppdatera.py")], cwd=site, capture_output=True, text=True, check=False
    )
    assert (again.returncode, again.stdout) == (0, "Ingenting nytt: ni har redan allt från upstream/main.\n")


def test_a_repository_without_upstream_history_is_told_how_to_link_it(tmp_path: Path) -> None:
    # "Use this template" gives a repository whose history shares nothing with Stödguiden's.
    upstream = copy_repository(tmp_path / "upstream")
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "Stödguiden")
    site = copy_repository(tmp_path / "site")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "Initial commit")
    git(site, "remote", "add", "upstream", str(upstream))
    git(site, "fetch", "-q", "upstream")
    result = subprocess.run(
        [sys.executable, str(site / "hooks" / "uppdatera.py")], cwd=site, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr == (
        "fel: Ert förråd och upstream/main har ingen gemensam historik (förrådet skapades kanske med Use this "
        "template). Koppla ihop dem en gång, med den version av Stödguiden som ni utgick från: git merge "
        '--allow-unrelated-histories -s ours upstream/main -m "Koppla till Stödguiden". Läs mer i README.md, '
        "Starta en egen webbplats.\n"
    )
    # The documented step links them; from then on an update merges as in a clone.
    git(site, "merge", "--allow-unrelated-histories", "-s", "ours", "upstream/main", "-m", "Koppla till Stödguiden")
    again = subprocess.run(
        [sys.executable, str(site / "hooks" / "uppdatera.py")], cwd=site, capture_output=True, text=True, check=False
    )
    assert (again.returncode, again.stdout) == (0, "Ingenting nytt: ni har redan allt från upstream/main.\n")


def test_only_conflicts_in_the_site_address_are_settled_in_mkdocs_yml() -> None:
    import uppdatera

    address = (
        "site_name: x\n<<<<<<< HEAD\nsite_url: https://www.krokom.se/stod/\n# repo_url: https://github.com/O/F\n"
        "||||||| base\nsite_url: https://www.exempelby.se/\n=======\nsite_url: https://exempelby.se/\n"
        ">>>>>>> upstream/main\ndocs_dir: docs\n"
    )
    assert uppdatera.keep_site_address(address) == (
        "site_name: x\nsite_url: https://www.krokom.se/stod/\n# repo_url: https://github.com/O/F\ndocs_dir: docs\n"
    )
    other = "<<<<<<< HEAD\nnav: []\n=======\nnav: [a]\n>>>>>>> upstream/main\n"
    assert uppdatera.keep_site_address(address + other) is None


def test_a_python_without_the_packages_is_told_what_to_run(tmp_path: Path) -> None:
    root = copy_repository(tmp_path)  # without .venv: nothing to start again with
    result = subprocess.run(
        [sys.executable, "-S", str(root / "hooks" / "ny_webbplats.py"), *KROKOM],
        cwd=root,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == (
        "fel: Kommandot behöver paketen i projektets virtuella miljö (.venv), men den här Pythonen saknar yaml. "
        "Skapa miljön en gång (se README.md) och kör sedan kommandot med den:\n"
        "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
        "  .venv/bin/python hooks/ny_webbplats.py\n"
    )


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, ("@ORGANISATION/webbteamet", "@ORGANISATION/foraldrastod")),
        ({"repo": "https://github.com/krokom/stodguiden"}, ("@krokom/webbteamet", "@krokom/foraldrastod")),
        ({"agare": "@krokom/samordnare"}, ("@krokom/webbteamet", "@krokom/samordnare")),
        ({"webbteam": "@krokom-it/webb"}, ("@krokom-it/webb", "@krokom-it/foraldrastod")),
        (
            {"repo": "https://github.com/regionjh/stodguiden", "webbteam": "@regionjh-it/webb"},
            ("@regionjh-it/webb", "@regionjh/foraldrastod"),
        ),
        ({"webbteam": "@anna", "agare": "@krokom/stod"}, ("@anna", "@krokom/stod")),
    ],
)
def test_the_teams_not_given_are_named_in_the_organisation_known(
    options: dict[str, str], expected: tuple[str, str]
) -> None:
    chosen = ny_webbplats.teams(dict(options))
    assert (chosen["web_team"], chosen["owner"]) == expected

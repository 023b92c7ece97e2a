"""What an editor sees from a real `mkdocs build`: Swedish only, apart from three INFO lines of MkDocs' own.

MkDocs' own lines cannot be translated or left out without `-q`, and the README's commands must work as
written. Only these are allowed: "Cleaning site directory", "Building documentation to directory: …" and
"Documentation built in … seconds" (progress, no advice an editor needs). Editors read the logs of the
workflows in .github/workflows/ and .gitlab-ci.yml, which set NO_MKDOCS_2_WARNING so that Material's English
end-of-life notice is left out (it prints before any hook could stop it); the builds here use exactly the
environment those files set. A failed build ends with our Swedish message, not MkDocs' "Aborted with a
BuildError!".
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import TYPE_CHECKING

import yaml

from conftest import FIXTURE_SITES, ROOT, TODAY, make_project

if TYPE_CHECKING:
    from pathlib import Path

MKDOCS_OWN = re.compile(
    r"INFO    -  (Cleaning site directory|Building documentation to directory: .+"
    r"|Documentation built in [0-9.]+ seconds)"
)


def workflow_environments() -> dict[str, dict[str, str]]:
    """The environment each CI file sets for all its jobs, by file name."""
    found = {
        path.name: {
            str(k): str(v) for k, v in (yaml.safe_load(path.read_text(encoding="utf-8")).get("env") or {}).items()
        }
        for path in sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    }
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    found[".gitlab-ci.yml"] = {str(k): str(v) for k, v in (gitlab.get("variables") or {}).items()}
    return found


def test_every_ci_file_leaves_out_materials_english_notice() -> None:
    assert {name: env.get("NO_MKDOCS_2_WARNING") for name, env in workflow_environments().items()} == {
        "andring.yml": "1",
        "granskning.yml": "1",
        "publicera-ssh.yml": "1",
        "publicera.yml": "1",
        ".gitlab-ci.yml": "1",
    }


def build_as_an_editor(root: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` as the pull-request workflow runs it: its environment, nothing of this machine's."""
    env = {key: value for key, value in os.environ.items() if key not in ("NO_MKDOCS_2_WARNING", "STODGUIDEN_IDAG")}
    env.update(workflow_environments()["andring.yml"])
    env["STODGUIDEN_IDAG"] = TODAY
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


def english(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip() and not MKDOCS_OWN.fullmatch(line)]


def test_a_build_that_works_prints_no_english_of_its_own(tmp_path: Path) -> None:
    result = build_as_an_editor(make_project(tmp_path / "p", FIXTURE_SITES / "minimal" / "data"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert [line for line in english(lines) if not line.startswith("INFO    -  Stödguiden: ")] == []


def test_a_build_that_fails_prints_only_swedish(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURE_SITES / "minimal" / "data")
    (project / "data" / "erbjudanden" / "trasig.yml").write_text(
        "titel: Trasig\n\tsammanfattning: Saknar det mesta.\nålder: {från: 9, till: 3}\ntyper: [kurser]\n"
        "arrangör: kyrkan\nanmälan: {behövs: false}\nkontakt: {telefon: 0123-456 78}\n",
        encoding="utf-8",
    )
    result = build_as_an_editor(project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Webbplatsen byggdes inte: 2 fel i data/. Rätta och bygg igen.",
        "data/erbjudanden/trasig.yml:2: Här finns ett tabbtecken. Använd mellanslag, inte tabb, för att dra in rader.",
        "data/erbjudanden/trasig.yml:3: Åldern slutar (3 år) innan den börjar (9 år). Byt plats på från och till.",
    ]

"""Shared fixtures: real `mkdocs build` runs on the sample data and on fixture sites, one per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import ny_webbplats
import pytest
import uppdatera

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_SITES = ROOT / "tests" / "fixtures" / "sites"
TODAY = "2027-01-18"
"""Every test builds as on this day, so nothing depends on the real calendar."""
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "schema", "docs", "redigera")
REGION_SAMPLE = Path("exempel") / "region"
"""The region sample, with its own mkdocs.yml: a fictional county of three municipalities."""
SAMPLE_COPY = ROOT / uppdatera.SAMPLE_COPY
"""Where a municipality's own site keeps the sample: hooks/ny_webbplats.py puts it there, and
hooks/uppdatera.py makes it upstream's sample again with every update."""
SAMPLE_PARTS = uppdatera.SAMPLE_PARTS
IS_SAMPLE = ny_webbplats.is_sample(ROOT)
"""True in Stödguiden itself; False in a site made with hooks/ny_webbplats.py, whose data/ is its own."""
SAMPLE = ROOT if IS_SAMPLE else SAMPLE_COPY
"""The folder holding the sample: data/, docs/, mkdocs.yml and .github/CODEOWNERS (uppdatera.SAMPLE_PARTS)."""
SAMPLE_DATA = SAMPLE / "data"
"""The sample's data: every test that means the sample uses this (or SAMPLE), never ROOT / "data", so the
whole suite also passes in a site's own repository, whose CI runs it on every pull request."""
SAMPLE_DOCS = SAMPLE / "docs"


@dataclass
class Build:
    root: Path
    result: subprocess.CompletedProcess[str]

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    def html(self, url_path: str) -> str:
        """The HTML of a page by its URL path, e.g. 'erbjudanden/komet/'."""
        return (self.site / url_path / "index.html").read_text(encoding="utf-8")


def make_project(target: Path, data: Path, docs: Path | None = None) -> Path:
    """A copy of the project with another data/ (and optionally docs/) folder."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = (SAMPLE if part in SAMPLE_PARTS else ROOT) / part  # in a site too: the sample's pages and settings
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    shutil.copytree(data, target / "data")
    if docs is not None:
        shutil.rmtree(target / "docs")
        shutil.copytree(docs, target / "docs")
    return target


def add_komet_copies(data: Path, copies: int) -> None:
    """Copies of the minimal site's Komet (3–11 years, kurser) titled "Komet grupp 1" … under `data`."""
    komet = (data / "erbjudanden" / "komet.yml").read_text(encoding="utf-8")
    for number in range(1, copies + 1):
        (data / "erbjudanden" / f"komet-{number:02}.yml").write_text(
            komet.replace("titel: Komet\n", f"titel: Komet grupp {number}\n", 1), encoding="utf-8"
        )


def run_build(root: Path, *args: str, today: str = TODAY, env: dict[str, str] | None = None) -> Build:
    environ = {**os.environ, "STODGUIDEN_IDAG": today, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=root,
        env=environ,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Build(root, result)


BuildFactory = Callable[..., Build]


@pytest.fixture
def build_fixture(tmp_path: Path) -> BuildFactory:
    """Build a fixture site (a folder under tests/fixtures/sites, or any folder holding data/)."""

    count = 0

    def build(name_or_path: str | Path, *args: str, today: str = TODAY) -> Build:
        nonlocal count
        count += 1
        source = Path(name_or_path) if isinstance(name_or_path, Path) else FIXTURE_SITES / name_or_path
        project = make_project(tmp_path / f"project{count}", source / "data")
        return run_build(project, *args, today=today)

    return build


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The sample data (SAMPLE_DATA), built once with --strict."""
    project = make_project(tmp_path_factory.mktemp("sample"), SAMPLE_DATA)
    build = run_build(project, "--strict")
    assert build.ok, build.result.stderr
    return build


@pytest.fixture(scope="session")
def minimal_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("minimal"), FIXTURE_SITES / "minimal" / "data")
    build = run_build(project, "--strict")
    assert build.ok, build.result.stderr
    return build


def make_region_project(target: Path) -> Path:
    """A copy of the project with the region sample in exempel/region, as in the repository."""
    make_project(target, SAMPLE_DATA)
    shutil.copytree(ROOT / REGION_SAMPLE, target / REGION_SAMPLE, ignore=shutil.ignore_patterns("site"))
    return target


def run_region_build(root: Path, *args: str, env: dict[str, str] | None = None) -> Build:
    """`mkdocs build -f exempel/region/mkdocs.yml`, into root/site."""
    return run_build(root, "-f", str(REGION_SAMPLE / "mkdocs.yml"), "-d", str(root / "site"), *args, env=env)


@pytest.fixture(scope="session")
def region_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The region sample, built once with --strict."""
    project = make_region_project(tmp_path_factory.mktemp("region"))
    build = run_region_build(project, "--strict")
    assert build.ok, build.result.stderr
    return build


def run_hook(script: str, root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python hooks/<script> --root <root> <args>` as a command, on the tests' day, its output as UTF-8 text."""
    return subprocess.run(
        [sys.executable, str(ROOT / "hooks" / script), "--root", str(root), *args],
        env={**os.environ, "STODGUIDEN_IDAG": TODAY, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def summary_of_change(repo: Path, change: Callable[[], None]) -> subprocess.CompletedProcess[str]:
    """`hooks/summary.py` for a pull request that makes `change` to the data/ of `repo`, committed first."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["init", "-q", "-b", "main"], ["add", "data"], ["commit", "-qm", "base"], ["checkout", "-qb", "x"]):
        subprocess.run(["git", *command], cwd=repo, env=env, check=True, capture_output=True)
    change()
    return run_hook("summary.py", repo, "--base", "main")

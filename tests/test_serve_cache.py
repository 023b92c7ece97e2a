"""Under `mkdocs serve`, what the last build checked and rendered is reused only where nothing it depends
on has changed: the result is always what a fresh build gives."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest

from conftest import FIXTURE_SITES
from stodguiden.site import pages
from stodguiden.source import catalog

if TYPE_CHECKING:
    from pathlib import Path

TODAY = date(2027, 1, 18)
SITE_URL = "https://www.testby.se/stod/"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_SITES / "minimal" / "data", tmp_path / "data")
    return tmp_path


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The offer files that `load` really checks (not answered from the cache), by name."""
    checked: list[str] = []
    original = catalog._check_offer

    def counting(*args: Any) -> Any:
        checked.append(args[-1][0].name)
        return original(*args)

    monkeypatch.setattr(catalog, "_check_offer", counting)
    return checked


def test_unchanged_files_are_not_checked_again(project: Path, checks: list[str]) -> None:
    cache = catalog.CheckedFiles()
    first = catalog.load(project, today=TODAY, checked_files=cache)
    assert sorted(checks) == ["babysang.yml", "komet.yml", "utgangen-forelasning.yml"]
    checks.clear()
    assert catalog.load(project, today=TODAY, checked_files=cache) == first
    assert checks == []


def test_a_changed_file_is_checked_again_and_only_it(project: Path, checks: list[str]) -> None:
    cache = catalog.CheckedFiles()
    catalog.load(project, today=TODAY, checked_files=cache)
    komet = project / "data" / "erbjudanden" / "komet.yml"
    komet.write_text(
        komet.read_text(encoding="utf-8").replace("titel: Komet\n", "titel: Komet för föräldrar\n"), encoding="utf-8"
    )
    checks.clear()
    cached = catalog.load(project, today=TODAY, checked_files=cache)
    assert checks == ["komet.yml"]
    assert cached == catalog.load(project, today=TODAY)
    assert cached[0] is not None
    assert "Komet för föräldrar" in [o.title for o in cached[0].offers]


def test_everything_is_checked_again_when_what_it_is_checked_against_changes(project: Path, checks: list[str]) -> None:
    cache = catalog.CheckedFiles()
    catalog.load(project, today=TODAY, checked_files=cache)
    checks.clear()
    later = catalog.load(project, today=date(2027, 6, 1), checked_files=cache)
    assert len(checks) == 3
    assert later == catalog.load(project, today=date(2027, 6, 1))
    checks.clear()
    types = project / "data" / "typer.yml"
    added = "\nny-typ:\n  namn: Ny typ\n  beskrivning: En ny typ av stöd.\n"
    types.write_text(types.read_text(encoding="utf-8") + added, encoding="utf-8")
    catalog.load(project, today=date(2027, 6, 1), checked_files=cache)
    assert len(checks) == 3


def test_a_broken_file_stays_reported(project: Path) -> None:
    cache = catalog.CheckedFiles()
    komet = project / "data" / "erbjudanden" / "komet.yml"
    komet.write_text(
        komet.read_text(encoding="utf-8").replace("typer: [kurser]", "typer: [finns-inte]"), encoding="utf-8"
    )
    first = catalog.load(project, today=TODAY, checked_files=cache)
    assert first[0] is None
    assert first[1]
    assert catalog.load(project, today=TODAY, checked_files=cache) == first


def test_offer_pages_are_reused_only_while_nothing_on_them_changed(project: Path) -> None:
    rendered = pages.RenderedPages()
    loaded, _ = catalog.load(project, today=TODAY)
    assert loaded is not None
    first = {p.src_uri: p for p in pages.plan(loaded, SITE_URL, rendered=rendered).pages}
    again = {p.src_uri: p for p in pages.plan(loaded, SITE_URL, rendered=rendered).pages}
    assert again["erbjudanden/komet.md"] is first["erbjudanden/komet.md"]

    # another organiser name: every page that names it is rendered again, and equals a fresh render
    organisers = {key: dataclasses.replace(o, name=o.name + " i Testby") for key, o in loaded.organisers.items()}
    renamed = dataclasses.replace(loaded, organisers=organisers)
    changed = {p.src_uri: p for p in pages.plan(renamed, SITE_URL, rendered=rendered).pages}
    fresh = {p.src_uri: p for p in pages.plan(renamed, SITE_URL).pages}
    assert changed["erbjudanden/komet.md"] is not first["erbjudanden/komet.md"]
    assert changed == fresh

    # one offer changed: only its page is new
    komet = next(o for o in renamed.offers if o.slug == "komet")
    offers = tuple(dataclasses.replace(o, title="Komet för föräldrar") if o is komet else o for o in renamed.offers)
    retitled = dataclasses.replace(renamed, offers=offers)
    after = {p.src_uri: p for p in pages.plan(retitled, SITE_URL, rendered=rendered).pages}
    assert after["erbjudanden/komet.md"].title == "Komet för föräldrar"
    assert after["erbjudanden/babysang.md"] is changed["erbjudanden/babysang.md"]
    assert after == {p.src_uri: p for p in pages.plan(retitled, SITE_URL).pages}

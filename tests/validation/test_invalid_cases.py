"""One folder per mistake in tests/fixtures/invalid: the minimal site with that folder laid over it
must give exactly the lines in the folder's expected.txt. Adding a folder adds a test."""

from __future__ import annotations

import filecmp
import shutil
from typing import TYPE_CHECKING

import pytest
from validation_helpers import INVALID, MINIMAL, check, lines, minimal_site

if TYPE_CHECKING:
    from pathlib import Path

CASES = sorted(path for path in INVALID.iterdir() if path.is_dir())


def expected_lines(case: Path) -> list[str]:
    return (case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_the_minimal_site_itself_has_no_problems(tmp_path: Path) -> None:
    catalog, problems = check(minimal_site(tmp_path))
    assert lines(problems) == []
    assert catalog is not None


def changed_files(case: Path) -> frozenset[str]:
    """A `changed-*` case is checked as a pull request that changes every file in its data/ folder."""
    if not case.name.startswith("changed-"):
        return frozenset()
    return frozenset(file.relative_to(case).as_posix() for file in (case / "data").rglob("*.yml"))


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_case_gives_exactly_the_expected_problems(case: Path, tmp_path: Path) -> None:
    site = minimal_site(tmp_path)
    shutil.copytree(case / "data", site / "data", dirs_exist_ok=True)
    catalog, problems = check(site, changed=changed_files(case))
    assert lines(problems) == expected_lines(case)
    # Any error, and only an error, stops the site from being built.
    assert (catalog is None) == any(p.is_error for p in problems)
    # hooks/check.py loads without making what only pages need: the same problems, every one.
    _, problems_of_check = check(site, changed=changed_files(case), pages=False)
    assert lines(problems_of_check) == lines(problems)


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_case_folder_is_well_formed(case: Path) -> None:
    assert sorted(p.name for p in case.iterdir()) == ["data", "expected.txt"]
    assert expected_lines(case), "a case without any problem belongs in the tests of valid data"
    for file in (case / "data").rglob("*"):
        original = MINIMAL / file.relative_to(case)
        if file.is_file() and original.is_file():
            assert not filecmp.cmp(file, original, shallow=False), f"{file} is the same as in the minimal site"


def test_there_is_a_case_with_many_mistakes_at_once() -> None:
    # One file with everything wrong: all problems are collected and reported together.
    assert len(expected_lines(INVALID / "everything-wrong")) >= 20

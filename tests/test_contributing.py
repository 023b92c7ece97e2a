"""CONTRIBUTING.md stays a true map: its module list names exactly the modules in hooks/stodguiden/."""

from __future__ import annotations

import re

from conftest import ROOT

PACKAGE = ROOT / "hooks" / "stodguiden"


def listed_modules() -> list[str]:
    """The paths in CONTRIBUTING.md's "Modules" section, one list item per module: - `base/problems.py` — …"""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("\n## Modules\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^- `([\w/]+\.py)` — \S", section, flags=re.M)


def test_every_module_is_listed_once_with_what_it_owns() -> None:
    actual = sorted(str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py") if path.name != "__init__.py")
    listed = listed_modules()
    assert len(listed) == len(set(listed)), "a module is listed twice"
    assert sorted(listed) == actual


def test_the_checklists_name_files_that_exist() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for section in ("## Checklist: add a field to offers", "## Checklist: add an output file"):
        body = text.split(f"\n{section}\n", 1)[1].split("\n## ", 1)[0]
        paths = re.findall(r"`((?:hooks|schema|tests|data|mallar)/[^`\s]+)`", body)
        assert paths, section
        missing = [p for p in paths if not (ROOT / p).exists()]
        assert missing == [], f"{section}: {missing}"

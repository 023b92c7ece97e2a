"""The nightly reminder: the text of the one open issue that lists the offers due for review, grouped by
organiser, mentioning the owners of their files from CODEOWNERS (`.github/workflows/granskning.yml`)."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stodguiden.language.swedish import day

if TYPE_CHECKING:
    from stodguiden.outputs.overview import Overview

Rule = tuple[str, tuple[str, ...]]
_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]#|~@"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def _md(text: str) -> str:
    """Text from a data file, inert in the issue: no links, formatting, HTML or mentions of its own."""
    return " ".join(text.translate(_MARKDOWN_SPECIAL).split())


@dataclass(frozen=True)
class Issue:
    title: str
    body: str


def codeowners(text: str) -> list[Rule]:
    """The rules of a CODEOWNERS file, in order: (pattern, owners). Comments and blank lines are skipped."""
    rules = []
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if words:
            rules.append((words[0], tuple(words[1:])))
    return rules


def _matches(pattern: str, path: str) -> bool:
    """GitHub's CODEOWNERS patterns, as far as a data file needs: `*`, `/folder/`, `folder/`, globs."""
    anchored = pattern.startswith("/")
    pattern = pattern.lstrip("/")
    if pattern.endswith("/"):
        return path.startswith(pattern) if anchored else f"/{pattern}" in f"/{path}"
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in path.split("/"))
    return fnmatch.fnmatchcase(path, pattern) or path.startswith(pattern + "/")


def owners_of(path: str, rules: list[Rule]) -> tuple[str, ...]:
    """The owners of a file: the last rule that matches it wins, as on GitHub."""
    found: tuple[str, ...] = ()
    for pattern, owners in rules:
        if _matches(pattern, path):
            found = owners
    return found


def issue(overview: Overview, rules: list[Rule]) -> Issue | None:
    """The issue's title and text, or None when nothing is due (the workflow then closes the issue)."""
    if not overview.reviews:
        return None
    count = overview.due_count
    lines = [
        f"{count} {'erbjudande' if count == 1 else 'erbjudanden'} i {_md(overview.label)} behöver granskas. "
        "Kontrollera att uppgifterna stämmer och skriv "
        "dagens datum i granskad. Ärendet stängs av sig självt när inget längre behöver granskas.",
    ]
    for review in overview.reviews:
        owners = sorted({owner for due in review.offers for owner in owners_of(due.source, rules)})
        lines += ["", f"### {_md(review.name)}", ""]
        if owners:
            lines += [f"Ansvariga för filerna: {' '.join(owners)}", ""]
        lines += [
            f"- [ ] **{_md(due.title)}** (`{due.source}`): "
            + (f"granskad {day(due.reviewed)}" if due.reviewed else "aldrig granskad")
            + f", skulle granskas senast {day(due.due)}. Ansvarig: {_md(due.responsible)}."
            for due in review.offers
        ]
    return Issue(f"Att granska {day(overview.today)}", "\n".join(lines) + "\n")

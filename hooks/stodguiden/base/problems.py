"""Problems found in editor data, collected and reported together as `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    ERROR = "fel"
    WARNING = "varning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place of one file; `message` is a whole Swedish sentence or two."""

    path: str
    line: int
    message: str
    level: Level = Level.ERROR
    rule: str | None = None
    """For a warning an editor may accept in the file (`godkända_varningar`): its rule, as written there."""
    word: str | None = None
    """For the rule about officialese: the word, in its base form."""

    def __str__(self) -> str:
        prefix = "varning: " if self.level is Level.WARNING else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR


def sort_key(problem: Problem) -> tuple[str, int, str]:
    return (problem.path, problem.line, problem.message)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.is_error]


def format_all(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in sorted(problems, key=sort_key))


@dataclass(frozen=True)
class Verdict:
    """Whether the problems found stop the build (or fail the check), and the Swedish summary of them.

    Errors always do; warnings only in strict mode (`mkdocs build --strict`, `check.py --strict`).
    """

    problems: tuple[Problem, ...]
    strict: bool

    @property
    def errors(self) -> int:
        return sum(p.is_error for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    @property
    def failed(self) -> bool:
        return bool(self.errors or (self.strict and self.warnings))

    def build_text(self) -> str:
        """Why the site was not built, with every problem: for the build's error."""
        what = f"{self.errors} fel" if self.errors else f"{_count(self.warnings, 'varning', 'varningar')} (strikt läge)"
        return f"Webbplatsen byggdes inte: {what} i data/. Rätta och bygg igen.\n" + format_all(list(self.problems))

    def check_text(self, offers: int) -> str:
        """The last line of the data check (`hooks/check.py`), which shows `offers` offers when it passes."""
        counted = f"{self.errors} fel och {_count(self.warnings, 'varning', 'varningar')}"
        if self.errors:
            return f"\n{counted}. Rätta felen och kör kontrollen igen."
        if self.failed:
            return f"\n{counted}. Med --strict räknas varningar som fel: rätta dem och kör kontrollen igen."
        return f"Allt ser bra ut: {_count(offers, 'erbjudande', 'erbjudanden')} visas på webbplatsen" + (
            f", {_count(self.warnings, 'varning', 'varningar')}." if self.warnings else "."
        )


def verdict(problems: list[Problem], strict: bool) -> Verdict:
    return Verdict(tuple(problems), strict)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"

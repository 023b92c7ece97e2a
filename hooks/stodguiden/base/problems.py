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

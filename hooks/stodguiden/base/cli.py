"""An argument parser that speaks Swedish: the editors' command-line tools use it for --help and errors."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

# argparse's own English messages (Python 3.11–3.13), as patterns, with the Swedish to show instead.
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (.*)"), r"de här argumenten saknas: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"okända argument: \1"),
    (re.compile(r"argument (.*): expected one argument"), r"argumentet \1 behöver ett värde"),
    (re.compile(r"argument (.*): ignored explicit argument (.*)"), r"argumentet \1 tar inget värde, men fick \2"),
    (re.compile(r"argument (.*): invalid choice: (.*) \(choose from (.*)\)"), r"argumentet \1: \2 går inte, välj \3"),
    (re.compile(r"argument (.*): invalid (.*) value: (.*)"), r"argumentet \1: \3 går inte att använda"),
    (re.compile(r"ambiguous option: (.*) could match (.*)"), r"flaggan \1 är tvetydig, den kan vara \2"),
)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class SwedishArgumentParser(argparse.ArgumentParser):
    """`argparse.ArgumentParser` with Swedish usage, help and error messages."""

    def __init__(self, **kwargs: Any) -> None:
        # No abbreviated flags: a mistyped --stric must not silently mean --strict in someone's script.
        super().__init__(add_help=False, formatter_class=_Formatter, allow_abbrev=False, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help="visa den här hjälpen och avsluta"
        )

    def error(self, message: str) -> NoReturn:
        for pattern, swedish in _MESSAGES:
            message = pattern.sub(swedish, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n")

"""Check all data in data/ without building the site: `python hooks/check.py [--strict]`.

Prints every problem as `file:line: message` and exits with 1 if there is any error (or, with
--strict, any warning). Inside GitHub Actions it also prints annotations for the pull request.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Imported after the line above, which makes them importable when this file is run as a script.
from stodguiden.base.cli import SwedishArgumentParser
from stodguiden.base.problems import Problem, sort_key, verdict
from stodguiden.source.catalog import TodayError, load


def annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command, so the problem shows on the changed line."""
    kind = "error" if problem.is_error else "warning"
    return f"::{kind} file={_property(problem.path)},line={problem.line}::{_data(problem.message)}"


def _data(text: str) -> str:
    """Escaped as GitHub's workflow commands require for the message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escaped as a property value: a comma or colon in a file name would otherwise end it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def main(argv: list[str] | None = None) -> int:
    parser = SwedishArgumentParser(
        prog="python hooks/check.py",
        description="Kontrollera uppgifterna i data/ utan att bygga webbplatsen. Skriver varje fel och varning "
        "som fil:rad: meddelande.",
        epilog="Slutar med 0 om allt är bra och med 1 om det finns fel (eller varningar, med --strict).",
    )
    parser.add_argument("--strict", action="store_true", help="räkna varningar som fel")
    parser.add_argument(
        "--root",
        type=Path,
        default=Path(__file__).resolve().parents[1],
        metavar="MAPP",
        help="projektets mapp (den som innehåller data/)",
    )
    args = parser.parse_args(argv)
    try:
        catalog, problems = load(args.root, workers=os.cpu_count() or 1)
    except TodayError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return 1
    problems.sort(key=sort_key)
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem)
        if github:
            print(annotation(problem))
    result = verdict(problems, args.strict)
    print(result.check_text(len(catalog.offers) if catalog else 0), file=sys.stderr)
    return 1 if result.failed else 0


if __name__ == "__main__":
    sys.exit(main())

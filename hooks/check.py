"""Check all data in data/ without building the site: `python hooks/check.py [--strict] [--base REV]`.

Prints every problem as `file:line: message` and exits with 1 if there is any error (or, with
--strict, any warning). Inside GitHub Actions it also prints annotations for the pull request.
With --base, the files changed since that git revision also get the warnings about dates already
passed (a pull request's own mistakes); the build never gives them, so old data does not start
failing as the calendar moves.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parent
VENV_PYTHON = HOOKS.parent / ".venv" / "bin" / "python"
sys.path.insert(0, str(HOOKS))


def _without_packages(missing: str | None) -> int:
    """Run by a Python without the project's packages (`python3 hooks/check.py`): the project's own
    Python if it is there, else a Swedish message with the commands that work."""
    if VENV_PYTHON.is_file() and os.environ.get("STODGUIDEN_OMSTART") != "1":
        os.environ["STODGUIDEN_OMSTART"] = "1"  # never twice, should that Python lack them too
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), __file__, *sys.argv[1:]])
    print(
        f"fel: Kontrollen behöver paketen i projektets virtuella miljö (.venv), men den här Pythonen saknar "
        f"{missing or 'dem'}. Skapa miljön en gång (se README.md) och kör sedan kontrollen med den:\n"
        "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
        "  .venv/bin/python hooks/check.py",
        file=sys.stderr,
    )
    return 1


try:  # imported after the path above, which makes them importable when this file is run as a script
    from stodguiden.base.cli import SwedishArgumentParser
    from stodguiden.base.problems import Problem, sort_key, verdict
    from stodguiden.source.catalog import TodayError, load
    from stodguiden.source.region import MunicipalityError
except ModuleNotFoundError as exc:
    sys.exit(_without_packages(exc.name))


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


def changed_files(root: Path, base: str) -> frozenset[str] | None:
    """The files in data/ that differ from (or are not in) the git revision `base`, as data/… paths; None
    when git cannot read that revision."""
    import subprocess  # only with --base, like summary: the check starts quicker without them

    from summary import git_data, local_data

    try:
        before = git_data(root, base)
    except subprocess.CalledProcessError:
        return None
    return frozenset(path for path, content in local_data(root).items() if before.get(path) != content)


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
    parser.add_argument(
        "--base",
        metavar="GREN",
        help="grenen (eller git-versionen) som en pull request jämförs med, till exempel origin/main: "
        "ändrade filer får också varningar om datum som redan har passerat",
    )
    args = parser.parse_args(argv)
    changed = changed_files(args.root, args.base) if args.base else frozenset()
    if changed is None:
        print(
            f"fel: git kunde inte läsa grenen {args.base}. Kontrollera namnet, till exempel origin/main.",
            file=sys.stderr,
        )
        return 1
    try:
        # A short run that makes many objects and few reference cycles: the cycle collector would only
        # walk them again and again (about 5 % of the check's time at 1,000 offers). Memory stays flat.
        gc.disable()
        catalog, problems = load(args.root, workers=os.cpu_count() or 1, changed=changed, pages=False)
        gc.enable()
    except (TodayError, MunicipalityError) as exc:
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


def _exit(status: int) -> None:
    """Leave at once, as mypy does: freeing the thousands of objects the check made one by one takes
    longer than some of the check itself (40 ms at 1,000 offers), and the system frees them all at once."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    _exit(main())

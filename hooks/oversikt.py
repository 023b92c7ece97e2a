"""The coordinators' overview: `python hooks/oversikt.py` prints it as Markdown.

`--html FILE` also writes it as an accessible HTML page that prints on A4. The data is checked first, as
the build checks it; with an error nothing is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Imported after the line above, which makes them importable when this file is run as a script.
from stodguiden.base.cli import SwedishArgumentParser
from stodguiden.base.problems import sort_key
from stodguiden.outputs import overview
from stodguiden.site import coordination
from stodguiden.source.catalog import TodayError, load


def main(argv: list[str] | None = None) -> int:
    parser = SwedishArgumentParser(
        prog="python hooks/oversikt.py",
        description="Skriv översikten för samordnare: täckning, luckor, vad som ska granskas och hur "
        "kompletta erbjudandena är.",
    )
    parser.add_argument("--html", type=Path, metavar="FIL", help="skriv också översikten som en HTML-sida")
    parser.add_argument(
        "--root",
        type=Path,
        default=Path(__file__).resolve().parents[1],
        metavar="MAPP",
        help="projektets mapp (den som innehåller data/)",
    )
    args = parser.parse_args(argv)
    try:
        catalog, problems = load(args.root)
    except TodayError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return 1
    if catalog is None:
        for problem in sorted((p for p in problems if p.is_error), key=sort_key):
            print(problem, file=sys.stderr)
        print("fel: rätta felen ovan först, sedan går det att göra översikten.", file=sys.stderr)
        return 1
    result = overview.of_catalog(catalog)
    sys.stdout.write(overview.markdown(result))
    if args.html:
        args.html.write_text(coordination.standalone(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

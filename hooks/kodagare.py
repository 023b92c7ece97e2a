"""Write `.github/CODEOWNERS` from the settings: `python hooks/kodagare.py [--kontrollera] [--projekt MAPP]`.

The teams come from data/webbplats.yml (`webbteam`, `ägare`) and, on a region's site, from each
data/kommuner/<mapp>/kommun.yml (`ägare`). With --kontrollera nothing is written: the command exits with 1
when the file is not what the settings give (a test and CI run it so).
"""

from __future__ import annotations

import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parent
sys.path.insert(0, str(HOOKS))

from stodguiden.base.cli import SwedishArgumentParser  # noqa: E402  (after the path above)
from stodguiden.outputs import codeowners  # noqa: E402
from stodguiden.source.catalog import load_settings  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = SwedishArgumentParser(
        prog="kodagare.py",
        description="Skriv .github/CODEOWNERS från data/webbplats.yml och kommunernas kommun.yml.",
    )
    parser.add_argument(
        "--kontrollera", action="store_true", help="skriv inget, säg bara om filen stämmer med inställningarna"
    )
    parser.add_argument(
        "--projekt", type=Path, default=HOOKS.parent, help="projektets mapp (där data/ finns), annars den här"
    )
    args = parser.parse_args(argv)
    root: Path = args.projekt
    settings, problems = load_settings(root)
    errors = [p for p in problems if p.is_error]
    for problem in errors:
        print(problem, file=sys.stderr)
    if settings is None or errors:
        print("fel: Rätta inställningarna först, sedan kan kodägarna skrivas.", file=sys.stderr)
        return 1
    try:
        text = codeowners.render(settings)
    except codeowners.MissingOwnerError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return 1
    path = root / codeowners.PATH
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if args.kontrollera:
        if current == text:
            print(f"{codeowners.PATH} stämmer med inställningarna.")
            return 0
        print(
            f"fel: {codeowners.PATH} stämmer inte med inställningarna. Kör python hooks/kodagare.py "
            "och lägg med den nya filen i ändringen.",
            file=sys.stderr,
        )
        return 1
    if current == text:
        print(f"{codeowners.PATH} stämmer redan.")
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"{codeowners.PATH} skrevs.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

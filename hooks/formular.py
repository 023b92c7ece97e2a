"""The form editor's configuration: `python hooks/formular.py` writes redigera/config.yml.

Made from schema/erbjudande.schema.json and the vocabularies in data/ (see stodguiden.outputs.formular).
Run it after changing the schema or adding a type, organiser or age group; `--check` only tells whether
the committed file is current (the tests run it).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Imported after the line above, which makes them importable when this file is run as a script.
from stodguiden.base.cli import SwedishArgumentParser
from stodguiden.outputs import formular
from stodguiden.source.catalog import schema

ROOT = Path(__file__).resolve().parent.parent
CONFIG = Path("redigera") / "config.yml"


def main(argv: list[str] | None = None) -> int:
    parser = SwedishArgumentParser(description="Skriv formulärets inställningar (redigera/config.yml) från schemat.")
    parser.add_argument("--check", action="store_true", help="ändra inget, säg bara om filen behöver göras om")
    parser.add_argument("--root", type=Path, default=ROOT, help="projektets mapp (standard: den här)")
    args = parser.parse_args(argv)
    wanted = formular.text(args.root, schema("erbjudande"))
    target = args.root / CONFIG
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if args.check:
        if current != wanted:
            print(f"{CONFIG}: Formulärets inställningar är inte aktuella. Kör python hooks/formular.py.")
            return 1
        return 0
    if current != wanted:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(wanted, encoding="utf-8")
        print(f"{CONFIG}: skriven.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

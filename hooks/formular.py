"""The form editor's configuration: `python hooks/formular.py` prints the redigera/config.yml a build writes.

The build makes it from schema/erbjudande.schema.json, the vocabularies in data/ and mkdocs.yml (see
stodguiden.outputs.formular) every time, so it is never out of date and nobody has to run this to add an
organiser or a kind of support. Use it to see what the form will offer, or `--till FILE` to save it.
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


def main(argv: list[str] | None = None) -> int:
    parser = SwedishArgumentParser(
        description="Visa formulärets inställningar (redigera/config.yml), som bygget gör dem från schemat och data/."
    )
    parser.add_argument("--till", type=Path, help="skriv inställningarna till den här filen i stället")
    parser.add_argument("--root", type=Path, default=ROOT, help="projektets mapp (standard: den här)")
    args = parser.parse_args(argv)
    text = formular.text(args.root, schema("erbjudande"))
    if args.till is None:
        sys.stdout.write(text)
    else:
        args.till.write_text(text, encoding="utf-8")
        print(f"{args.till}: skriven.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

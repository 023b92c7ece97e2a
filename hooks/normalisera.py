"""Write every offer file in the one canonical form the form editor writes: `python hooks/normalisera.py`.

Key order from the schema, block style, quotes only where needed (see stodguiden.source.canonical).
`--check` changes nothing and lists the files that differ (the tests run it), so a form's first save
never shows a diff of lines nobody changed.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Imported after the line above, which makes them importable when this file is run as a script.
from stodguiden.base.cli import SwedishArgumentParser
from stodguiden.source import canonical
from stodguiden.source.catalog import schema
from stodguiden.source.datafiles import discover

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = Path("schema") / "erbjudande.schema.json"
SCHEMA_LINE = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")


def _schema_file(root: Path) -> Path:
    """The offer schema that the files' first line points to: the project's own, or the nearest one above
    (the region sample in exempel/region uses the repository's)."""
    for folder in (root, *root.parents):
        if (folder / SCHEMA_FILE).is_file():
            return folder / SCHEMA_FILE
    return root / SCHEMA_FILE


def main(argv: list[str] | None = None) -> int:
    parser = SwedishArgumentParser(description="Skriv erbjudandena i data/ på det sätt som formuläret skriver dem.")
    parser.add_argument("--check", action="store_true", help="ändra inget, visa bara vilka filer som skulle ändras")
    parser.add_argument("--root", type=Path, default=ROOT, help="projektets mapp (standard: den här)")
    args = parser.parse_args(argv)
    offer_schema = schema("erbjudande")
    schema_file = _schema_file(args.root.resolve())
    differing = 0
    # Every offer the site reads: data/erbjudanden and, on a region's site, each municipality's folder.
    offer_files, _ = discover(args.root)
    for file in offer_files:
        text = file.path.read_text(encoding="utf-8")
        # A schema line the file has is kept (the kept sample in tests/fixtures points where data/ did);
        # without one, the path from the file's folder to the schema.
        first = SCHEMA_LINE.match(text)
        schema_path = first.group(1) if first else Path(os.path.relpath(schema_file, file.path.parent)).as_posix()
        wanted = canonical.normalised(text, offer_schema, schema_path)
        if wanted is None or wanted == text:
            continue  # a file that is not YAML is left as it is: hooks/check.py says what is wrong
        differing += 1
        shown = file.display
        if args.check:
            print(f"{shown}:1: Filen är inte skriven som formuläret skriver den. Kör python hooks/normalisera.py.")
        else:
            file.path.write_text(wanted, encoding="utf-8")
            print(f"{shown}: omskriven.")
    return 1 if args.check and differing else 0


if __name__ == "__main__":
    sys.exit(main())

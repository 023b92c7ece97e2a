"""The coordinators' overview: `python hooks/oversikt.py` prints it as Markdown.

`--html FILE` also writes it as an accessible HTML page that prints on A4. `--csv FILE` and `--json FILE`
write the yearly follow-up (`--ar`, this year unless given), with the year before alongside when the
repository's git history has it. On a region's site the overview shows the region as a whole and each
municipality; `--kommun` narrows it (and the follow-up) to one municipality: its own offers and the shared
ones that serve it. The data is checked first, as the build checks it; with an error nothing is written.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Imported after the line above, which makes them importable when this file is run as a script.
from summary import catalog_from, git_data

from stodguiden.base import municipalities
from stodguiden.base.cli import SwedishArgumentParser
from stodguiden.base.problems import sort_key
from stodguiden.outputs import followup, overview, reminder
from stodguiden.site import coordination
from stodguiden.source import region
from stodguiden.source.catalog import TodayError, load

if TYPE_CHECKING:
    from stodguiden.model import Catalog, Municipality, Settings

Narrowing = Callable[["Catalog"], "Catalog"]


def _names(member: Municipality) -> set[str]:
    """How `--kommun` may name a municipality of the region: "Norrviks kommun", "Norrviks", "Norrvik"."""
    name = " ".join(member.name.casefold().split())
    short = name.removesuffix(" kommun").removesuffix(" stad")
    return {name, short, short.removesuffix("s")}


def find_member(settings: Settings, wanted: str) -> Municipality | None:
    """The region's municipality named by its SCB code or its name, written as people write it."""
    key = " ".join(wanted.casefold().split())
    known = municipalities.find(wanted)
    for member in settings.municipalities:
        if key == member.code or key in _names(member) or (known is not None and known.code == member.code):
            return member
    return None


def narrowing(catalog: Catalog, wanted: str | None) -> tuple[Narrowing | None, str | None]:
    """How to cut one municipality out of the region's catalogs (this year's and the year before's), or why not."""
    if wanted is None:
        return (lambda c: c), None
    settings = catalog.settings
    if not settings.region:
        return None, f"--kommun gäller bara en webbplats för flera kommuner. {settings.municipality} är en kommun."
    member = find_member(settings, wanted)
    if member is None:
        known = ", ".join(f"{m.code} ({m.name})" for m in settings.municipalities)
        return None, f"--kommun {wanted}: kommunen finns inte på webbplatsen. Välj en av: {known}."
    code = member.code
    return (lambda c: region.narrow(c, {region.MUNICIPALITY_VARIABLE: code})), None


def commit_before(root: Path, day: date) -> str | None:
    """The last commit before `day` (00:00) on the checked-out branch, or None when history has none."""
    found = subprocess.run(
        ["git", "rev-list", "-1", f"--before={day.isoformat()}T00:00:00", "HEAD"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.strip() or None if found.returncode == 0 else None


def catalog_at(root: Path, revision: str, days: tuple[date, ...]) -> Catalog | None:
    """The catalog of data/ as it was in `revision`, as on the first of `days` it loads on without errors
    (a file reviewed later than the year's last day, as example data is, loads only as on a later day)."""
    try:
        files = git_data(root, revision)
    except subprocess.CalledProcessError:
        return None
    return catalog_from(root, files, days)


def year_catalog(root: Path, current: Catalog, year: int) -> Catalog | None:
    """The data for `year`: the files as they are for this year, else the history's last commit of that year."""
    if year >= current.today.year:
        return current
    revision = commit_before(root, date(year + 1, 1, 1))
    return catalog_at(root, revision, (date(year, 12, 31), current.today)) if revision else None


def yearly(root: Path, current: Catalog, year: int, narrow: Narrowing) -> followup.Report | None:
    """The follow-up of `year`; `current` is the whole site's catalog, `narrow` cuts out one municipality."""
    found = year_catalog(root, current, year)
    if found is None:
        return None
    catalog = narrow(found)
    earlier = year_catalog(root, current, year - 1)
    before = narrow(earlier) if earlier else None
    return followup.report(
        catalog.offers,
        overview.context_of(catalog),
        year,
        catalog.settings.municipality,
        (before.offers, overview.context_of(before)) if before else None,
    )


def write_issue(root: Path, result: overview.Overview, folder: Path) -> None:
    """The nightly workflow's issue: titel.txt and arende.md in `folder`, or neither when nothing is due."""
    owners = root / ".github" / "CODEOWNERS"
    rules = reminder.codeowners(owners.read_text(encoding="utf-8")) if owners.is_file() else []
    found = reminder.issue(result, rules)
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("titel.txt", "arende.md"):
        (folder / name).unlink(missing_ok=True)
    if found is not None:
        (folder / "titel.txt").write_text(found.title + "\n", encoding="utf-8")
        (folder / "arende.md").write_text(found.body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = SwedishArgumentParser(
        prog="python hooks/oversikt.py",
        description="Skriv översikten för samordnare: täckning, luckor, vad som ska granskas och hur "
        "kompletta erbjudandena är. Med --csv eller --json också uppföljningen för ett år.",
    )
    parser.add_argument("--html", type=Path, metavar="FIL", help="skriv också översikten som en HTML-sida")
    parser.add_argument("--csv", type=Path, metavar="FIL", help="skriv årets uppföljning som CSV (för Excel)")
    parser.add_argument("--json", type=Path, metavar="FIL", help="skriv årets uppföljning som JSON")
    parser.add_argument(
        "--granskning",
        type=Path,
        metavar="MAPP",
        help="skriv ärendet om granskning (titel.txt och arende.md) i mappen, om något behöver granskas",
    )
    parser.add_argument("--ar", type=int, metavar="ÅR", help="året för uppföljningen, till exempel 2027")
    parser.add_argument(
        "--kommun",
        metavar="KOMMUN",
        help="bara en kommun i en region: kommunkoden eller namnet, till exempel 2309 eller Krokom",
    )
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
    narrow, why = narrowing(catalog, args.kommun)
    if narrow is None:
        print(f"fel: {why}", file=sys.stderr)
        return 1
    result = overview.of_catalog(narrow(catalog))
    sys.stdout.write(overview.markdown(result))
    if args.html:
        args.html.write_text(coordination.standalone(result), encoding="utf-8")
    if args.granskning:
        write_issue(args.root, result, args.granskning)
    if args.csv or args.json or args.ar:
        year = args.ar or catalog.today.year
        report = yearly(args.root, catalog, year, narrow)
        if report is None:
            print(f"fel: git-historiken har inga uppgifter från {year}.", file=sys.stderr)
            return 1
        sys.stdout.write("\n" + followup.markdown(report))
        if args.csv:
            args.csv.write_bytes(followup.to_csv(report))
        if args.json:
            args.json.write_text(followup.to_json(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

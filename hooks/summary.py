"""A pull request's summary for reviewers: `python hooks/summary.py --base origin/main`.

Compares the offers in data/ with those on the base branch (read with git) and prints Markdown:
offers added, changed and removed, each one's warnings and LIX, offers whose review date has
passed and rounds that have ended. CI appends it to $GITHUB_STEP_SUMMARY (the job summary).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Imported after the line above, which makes them importable when this file is run as a script.
from stodguiden.base.cli import SwedishArgumentParser
from stodguiden.base.problems import Problem, sort_key
from stodguiden.language.swedish import day, listing
from stodguiden.model import Catalog, weekly_last_date
from stodguiden.outputs import overview
from stodguiden.source import canonical, plainlanguage, yamlsource
from stodguiden.source.catalog import TodayError, load, resolve_today, schema
from stodguiden.source.datafiles import OFFER_DIR, OFFER_SUFFIXES, home_folder
from stodguiden.source.offers import REVIEW_MAX_AGE
from stodguiden.source.schemawalk import Document, walk

OFFERS = f"data/{OFFER_DIR}"
_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]#|~"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


@dataclass
class OfferFile:
    path: str
    content: bytes
    doc: Document | None = None

    @property
    def title(self) -> str:
        data = self.doc.data if self.doc is not None else None
        title = data.get("titel") if isinstance(data, dict) else None
        return title if isinstance(title, str) else PurePosixPath(self.path).stem


@dataclass
class Comparison:
    added: list[OfferFile] = field(default_factory=list)
    changed: list[OfferFile] = field(default_factory=list)
    removed: list[OfferFile] = field(default_factory=list)


def git_data(root: Path, base: str) -> dict[str, bytes]:
    """Every file under data/ on `base`, by path."""
    listing = subprocess.run(
        ["git", "ls-tree", "-r", "-z", "--name-only", base, "--", "data/"], cwd=root, capture_output=True, check=True
    )
    result = {}
    for name in filter(None, listing.stdout.decode("utf-8").split("\0")):
        shown = subprocess.run(["git", "show", f"{base}:{name}"], cwd=root, capture_output=True, check=True)
        result[name] = shown.stdout
    return result


def local_data(root: Path) -> dict[str, bytes]:
    folder = root / "data"
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def is_offer(path: str) -> bool:
    """An offer file: in data/erbjudanden, or on a region's site in a municipality's own folder."""
    name = PurePosixPath(path)
    own = home_folder(path) is not None and name.parent.name == OFFER_DIR
    return (name.parent == PurePosixPath(OFFERS) or own) and name.suffix in OFFER_SUFFIXES


def document(path: str, content: bytes) -> Document | None:
    """The offer's data as far as it can be read; None if the file is not readable YAML at all."""
    text, problem = yamlsource.decode(content, path)
    if text is None or problem is not None:
        return None
    try:
        node = yamlsource.compose(text)
    except Exception:  # any YAML mistake: the check reports it, the summary only needs the title
        return None
    if node is None:
        return None
    doc, _ = walk(yamlsource.Source(path, node), schema("erbjudande"))
    return doc


def compare(base: dict[str, bytes], head: dict[str, bytes]) -> Comparison:
    result = Comparison()
    for path in sorted(head.keys() | base.keys()):
        if path not in base:
            result.added.append(OfferFile(path, head[path], document(path, head[path])))
        elif path not in head:
            result.removed.append(OfferFile(path, base[path], document(path, base[path])))
        elif base[path] != head[path]:
            result.changed.append(OfferFile(path, head[path], document(path, head[path])))
    return result


def md(text: str) -> str:
    """Text from a data file, safe inside Markdown: it cannot add links, HTML or formatting."""
    return " ".join(text.translate(_MARKDOWN_SPECIAL).split())


def _offer_line(offer: OfferFile) -> str:
    return f"**{md(offer.title)}** (`{offer.path}`)"


def _readability(offer: OfferFile) -> str:
    if offer.doc is None:
        return "LIX går inte att räkna ut förrän filen kan läsas."
    lix = plainlanguage.measure(offer.doc).lix
    if lix is None:
        return f"LIX: för lite text för att räkna (under {plainlanguage.MIN_WORDS_FOR_LIX} ord)."
    verdict = (
        "lätt att läsa"
        if lix <= plainlanguage.LIX_WARNING
        else "svår att läsa"
        if lix <= plainlanguage.LIX_STRONG_WARNING
        else "mycket svår att läsa"
    )
    return f"LIX {lix}: {verdict}."


def _problems_of(offer: OfferFile, problems: list[Problem]) -> list[str]:
    found = [p for p in problems if p.path == offer.path]
    if not found:
        return ["Inga fel eller varningar."]
    return [f"Rad {p.line}: {'varning' if not p.is_error else 'fel'}: {md(p.message)}" for p in found]


def _other_files(base: dict[str, bytes], head: dict[str, bytes], problems: list[Problem], shown: set[str]) -> list[str]:
    """Changed files that are not offers, and every file with a problem not shown above.

    A change in arrangorer.yml can make an offer that nobody touched wrong: the reviewer sees it here.
    """
    changed = {path for path in base.keys() | head.keys() if not is_offer(path) and base.get(path) != head.get(path)}
    paths = sorted(changed | ({p.path for p in problems} - shown))
    if not paths:
        return []
    lines = ["", "### Andra filer", ""]
    for path in paths:
        state = (
            "ny"
            if path not in base
            else "borttagen"
            if path not in head
            else "ändrad"
            if path in changed
            else "inte ändrad"
        )
        lines.append(f"- `{path}` ({state})")
        lines += [f"  - {text}" for text in _problems_of(OfferFile(path, b""), problems)]
    return lines


def _form_notes(offers: list[OfferFile]) -> list[str]:
    """The changed offers that the form would rewrite (hooks/normalisera.py): a note, never an error, since an
    editor may write valid YAML by hand in any style."""
    offer_schema = schema("erbjudande")
    other = []
    for offer in offers:
        text, problem = yamlsource.decode(offer.content, offer.path)
        in_folder = PurePosixPath(offer.path).parent == PurePosixPath(OFFERS)  # the folder normalisera.py writes
        if (
            in_folder
            and text is not None
            and problem is None
            and canonical.normalised(text, offer_schema) not in (None, text)
        ):
            other.append(offer)
    if not other:
        return []
    lines = [
        "",
        "### Filer som formuläret skriver på sitt sätt",
        "",
        "De här filerna är inte skrivna som formuläret skriver dem. Det är inget fel. Men om någon senare sparar "
        "dem i formuläret, ändras då också rader som ingen har rört. Vill du slippa det, kör "
        "`python hooks/normalisera.py` och lägg med ändringen:",
        "",
    ]
    return lines + [f"- {_offer_line(offer)}" for offer in other]


def ended_rounds(doc: Document | None, today: date) -> list[tuple[date, date]]:
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    result = []
    for item in data.get("omgångar", []):
        if isinstance(item, dict) and "uppföljning" in item:
            continue  # kept on purpose: the yearly follow-up counts it
        try:
            start = date.fromisoformat(item["start"])
            last = date.fromisoformat(item["slut"]) if "slut" in item else weekly_last_date(start, item["träffar"])
        except (KeyError, TypeError, ValueError):
            continue  # an invalid round has its own error in the check
        if last < today:
            result.append((start, last))
    return result


def review_date(doc: Document | None) -> date | None:
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    try:
        return date.fromisoformat(data["granskad"])
    except (KeyError, TypeError, ValueError):
        return None


def summary(root: Path, base: str, base_name: str | None = None) -> str:
    """The Markdown summary of the data in `root` compared with the git revision `base`."""
    catalog, problems = load(root)
    problems.sort(key=sort_key)
    today = catalog.today if catalog is not None else resolve_today(None)
    head_data, base_data = local_data(root), git_data(root, base)
    head = {path: content for path, content in head_data.items() if is_offer(path)}
    comparison = compare({path: content for path, content in base_data.items() if is_offer(path)}, head)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    lines = ["## Erbjudanden i den här ändringen", ""]
    counts = [
        _count(len(comparison.added), "nytt", "nya"),
        _count(len(comparison.changed), "ändrat", "ändrade"),
        _count(len(comparison.removed), "borttaget", "borttagna"),
    ]
    shown = (base_name or base).replace("`", "")
    lines.append(
        f"Jämfört med `{shown}`: {', '.join(counts)}. "
        f"Kontrollen hittade {errors} fel och {_count(warnings, 'varning', 'varningar')} "
        "i hela data/."
    )
    for heading, offers in (("Nya erbjudanden", comparison.added), ("Ändrade erbjudanden", comparison.changed)):
        if not offers:
            continue
        lines += ["", f"### {heading}", ""]
        for offer in offers:
            lines.append(f"- {_offer_line(offer)}. {_readability(offer)}")
            lines += [f"  - {text}" for text in _problems_of(offer, problems)]
    if comparison.removed:
        lines += ["", "### Borttagna erbjudanden", ""]
        lines += [f"- {_offer_line(offer)}" for offer in comparison.removed]
    lines += _other_files(base_data, head_data, problems, {o.path for o in comparison.added + comparison.changed})
    lines += _form_notes(comparison.added + comparison.changed)
    before = catalog_from(root, base_data, (today,)) if catalog is not None else None
    changes = gap_changes(before, catalog) if before is not None and catalog is not None else []
    if changes:
        lines += ["", "## Luckor i utbudet", "", *changes]

    everything = [OfferFile(path, content, document(path, content)) for path, content in head.items()]
    old = [(o, r) for o in everything if (r := review_date(o.doc)) and today - r > REVIEW_MAX_AGE]
    ended = [(o, rounds) for o in everything if (rounds := ended_rounds(o.doc, today))]
    lines += ["", "## Att se över", ""]
    if not old and not ended:
        lines.append(f"Inga erbjudanden behöver ses över {day(today)}.")
    if old:
        lines += [
            f"Granskades för mer än ett år sedan (räknat från {day(today)}). Kontrollera uppgifterna och "
            "skriv ett nytt datum i granskad:",
            "",
        ]
        lines += [f"- {_offer_line(o)}: granskad {day(r)}." for o, r in old]
        lines.append("")
    if ended:
        lines += ["Omgångar som har slutat. De syns inte längre på webbplatsen; ta gärna bort dem ur filen:", ""]
        for offer, rounds in ended:
            spans = ", ".join(f"{day(start)}–{day(last)}" for start, last in rounds)
            lines.append(f"- {_offer_line(offer)}: {spans}.")
    return "\n".join(lines).rstrip("\n") + "\n"


def catalog_from(root: Path, files: dict[str, bytes], days: tuple[date, ...]) -> Catalog | None:
    """The catalog of `files` (data/ as `git_data` gives it), as on the first of `days` it loads on without
    errors; None when it has errors on every day. `root`'s docs/ stands in for the logo the settings name."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder)
        for name, content in files.items():
            target = copy / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        if (root / "docs").is_dir():
            (copy / "docs").symlink_to((root / "docs").resolve())
        for when in days:
            catalog, _ = load(copy, today=when)
            if catalog is not None:
                return catalog
    return None


def gap_changes(before: Catalog, after: Catalog) -> list[str]:
    """Lines on the gaps in what is offered that the change opens or closes (overview.COVERAGE_RULES); on a
    region's site, for each municipality, naming it."""
    if after.settings.region:
        return region_gap_changes(before, after)
    old_ages, new_ages = overview.missing_universal(before.offers), overview.missing_universal(after.offers)
    lines = [
        f"- Efter ändringen finns inget universellt stöd för {words}."
        for words, _, _ in overview.age_phrases(new_ages - old_ages)
    ]
    lines += [
        f"- Efter ändringen finns universellt stöd för {words} igen."
        for words, _, _ in overview.age_phrases(old_ages - new_ages)
    ]

    def others(catalog: Catalog) -> list[overview.Gap]:
        gaps = overview.of_catalog(catalog).gaps
        return [g for g in gaps if g.rule in overview.COVERAGE_RULES and g.rule != overview.UNIVERSAL_RULE]

    old, new = others(before), others(after)
    lines += [f"- Efter ändringen finns {md(g.what)}." for g in _opened(old, new)]
    lines += [f"- Ändringen täcker en lucka: förut fanns {md(g.what)}." for g in _closed(old, new)]
    return lines


def _opened(old: list[overview.Gap], new: list[overview.Gap]) -> list[overview.Gap]:
    before = {g.what for g in old}
    return [g for g in new if g.what not in before]


def _closed(old: list[overview.Gap], new: list[overview.Gap]) -> list[overview.Gap]:
    """The gaps that are gone, except a kind's only organiser when the kind is now not offered at all: that
    gap did not close, it got worse (and the new gap says so)."""
    after = {g.what for g in new}
    missing_kinds = {g.subject for g in new if g.rule == "typ"}
    return [g for g in old if g.what not in after and not (g.rule == "en-arrangör" and g.subject in missing_kinds)]


Found = tuple[set[int | None], list[overview.Gap]]
"""A municipality's gaps: the ages with no universal offer, and its other coverage gaps."""


def municipality_gaps(catalog: Catalog) -> dict[str, Found]:
    """Each municipality's gaps by its code, counting the shared offers that serve it."""
    context = overview.context_of(catalog)
    result = {}
    for member in catalog.settings.municipalities:
        offers = catalog.offers_for_municipality(member.code)
        part = overview.part(offers, member, context, set())
        others = [g for g in part.gaps if g.rule != overview.UNIVERSAL_RULE]
        result[member.code] = (overview.missing_universal(offers), others)
    return result


def region_gap_changes(before: Catalog, after: Catalog) -> list[str]:
    """The gaps the change opens or closes in each municipality of a region; one line for a gap that opens or
    closes in several municipalities, naming them all."""
    old, new = municipality_gaps(before), municipality_gaps(after)
    grouped: dict[tuple[str, str], list[str]] = {}
    for member in after.settings.municipalities:
        if member.code not in old:
            continue  # a new municipality: its gaps are in the overview, not a change
        (old_ages, old_others), (new_ages, new_others) = old[member.code], new[member.code]
        changes = [("öppnar-ålder", words) for words, _, _ in overview.age_phrases(new_ages - old_ages)]
        changes += [("stänger-ålder", words) for words, _, _ in overview.age_phrases(old_ages - new_ages)]
        changes += [("öppnar", g.what) for g in _opened(old_others, new_others)]
        changes += [("stänger", g.what) for g in _closed(old_others, new_others)]
        for change in changes:
            grouped.setdefault(change, []).append(md(member.name))
    texts = {
        "öppnar-ålder": "- Efter ändringen finns inget universellt stöd för {what} i {where}.",
        "stänger-ålder": "- Efter ändringen finns universellt stöd för {what} igen i {where}.",
        "öppnar": "- I {where} finns efter ändringen {what}.",
        "stänger": "- Ändringen täcker en lucka i {where}: förut fanns {what}.",
    }
    return [
        texts[kind].format(what=md(what), where=listing(names))
        for kind in texts
        for (found, what), names in grouped.items()
        if found == kind
    ]


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def main(argv: list[str] | None = None) -> int:
    parser = SwedishArgumentParser(
        prog="python hooks/summary.py",
        description="Skriv en sammanfattning i Markdown av ändringarna i data/ jämfört med en annan gren.",
    )
    parser.add_argument(
        "--base",
        required=True,
        metavar="GREN",
        help="grenen (eller git-versionen) att jämföra med, till exempel origin/main",
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
        text = summary(args.root, args.base, args.base.removeprefix("origin/"))
    except TodayError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(f"fel: git kunde inte läsa {args.base}: {exc.stderr.decode('utf-8', 'replace').strip()}", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

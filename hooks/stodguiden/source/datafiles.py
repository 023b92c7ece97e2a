"""Which files in `data/` are read, and which are refused: discovery and link safety, apart from loading.

Nothing here reads a file's content. A file or folder that is a link leading out of the project (or a
link that cannot be followed) is never read, so a data folder cannot be used to publish other files.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from stodguiden.base.problems import Problem
from stodguiden.source import offers as offer_rules
from stodguiden.source import plainlanguage
from stodguiden.source.schemawalk import quoted, slugify

if TYPE_CHECKING:
    from pathlib import Path

OFFER_DIR = "erbjudanden"
MUNICIPALITY_DIR = "kommuner"
"""On a region site, data/kommuner/<folder>/ holds one municipality: kommun.yml and its own erbjudanden/."""
MUNICIPALITY_FILE = "kommun.yml"
OFFER_SUFFIXES = (".yml", ".yaml")
RESERVED_SLUGS = frozenset({"index"})
# file name in data/ -> schema name
VOCABULARY_FILES = {
    "webbplats.yml": "webbplats",
    "typer.yml": "typer",
    "arrangorer.yml": "arrangorer",
    "aldersgrupper.yml": "aldersgrupper",
}
OPTIONAL_FILES = {plainlanguage.WORDLIST_FILE: "ordlista"}
"""Files in data/ that may be left out; schema name as for VOCABULARY_FILES."""
IGNORED_NAMES = frozenset({"README.md", ".gitkeep", ".DS_Store", "Thumbs.db"})


class OfferFile(NamedTuple):
    """An offer file to read: its address on the site, where it is, and its path as editors see it."""

    slug: str
    path: Path
    display: str


class MunicipalityFolder(NamedTuple):
    """One municipality's folder on a region site: its name, and its kommun.yml as a path and as editors see it."""

    slug: str
    path: Path
    display: str


def municipality_folders(root: Path) -> list[MunicipalityFolder]:
    """The folders in data/kommuner, in name order; empty on a single municipality's site."""
    folder = root / "data" / MUNICIPALITY_DIR
    if not folder.is_dir() or outside(root, folder):
        return []
    return [
        MunicipalityFolder(
            entry.name, entry / MUNICIPALITY_FILE, f"data/{MUNICIPALITY_DIR}/{entry.name}/{MUNICIPALITY_FILE}"
        )
        for entry in sorted(folder.iterdir(), key=lambda p: p.name)
        if entry.is_dir() and not outside(root, entry)
    ]


def home_folder(display: str) -> str | None:
    """The municipality folder an offer file is in (data/kommuner/<folder>/erbjudanden/x.yml), else None."""
    parts = display.split("/")
    return parts[2] if len(parts) == 5 and parts[1] == MUNICIPALITY_DIR else None


def no_data_folder() -> Problem:
    return Problem(
        "data",
        1,
        "Mappen data saknas. Den ska innehålla webbplats.yml, typer.yml, "
        "arrangorer.yml, aldersgrupper.yml och mappen erbjudanden.",
    )


def discover(root: Path) -> tuple[list[OfferFile], list[Problem]]:
    """The offer files in `root/data/erbjudanden` to read, in name order, and what is wrong in data/.

    Reported: anything in data/ that is neither a known file nor the offer folder, an offer folder that is
    missing or leads out of the project, and entries in it that are not offer files with a usable name.
    Two files with the same address (`a.yml`, `a.yaml`) are both returned: that is for the loader to report.
    """
    data_dir = root / "data"
    if not data_dir.is_dir():
        return [], [no_data_folder()]
    problems = _stray_entries(data_dir)
    region = municipality_folders(root)
    found = _offer_folder(root, data_dir / OFFER_DIR, f"data/{OFFER_DIR}", problems, required=not region)
    for folder in region:
        problems += _stray_in_municipality(folder)
        display = f"data/{MUNICIPALITY_DIR}/{folder.slug}/{OFFER_DIR}"
        found += _offer_folder(root, folder.path.parent / OFFER_DIR, display, problems, required=False)
    return found, problems


def _offer_folder(root: Path, offer_dir: Path, shown: str, problems: list[Problem], required: bool) -> list[OfferFile]:
    """The offer files in one folder; what is wrong with the folder or its entries is added to `problems`."""
    if outside(root, offer_dir):
        problems.append(
            Problem(
                shown,
                1,
                "Mappen är en länk till något utanför projektet och läses inte. Lägg erbjudandena i en riktig mapp.",
            )
        )
        return []
    if not offer_dir.is_dir():
        if required:
            problems.append(
                Problem(shown, 1, f"Mappen {shown} saknas. Skapa den och lägg ett erbjudande per fil i den.")
            )
        return []
    found: list[OfferFile] = []
    for entry in sorted(offer_dir.iterdir(), key=lambda p: p.name):
        if entry.name in IGNORED_NAMES:
            continue
        display = f"{shown}/{entry.name}"
        problem = _offer_entry_problem(entry, display)
        if problem is not None:
            problems.append(problem)
        else:
            found.append(OfferFile(entry.stem, entry, display))
    return found


def _stray_in_municipality(folder: MunicipalityFolder) -> list[Problem]:
    """A problem for each entry of a municipality's folder that is neither kommun.yml nor erbjudanden/."""
    problems = []
    shown = f"data/{MUNICIPALITY_DIR}/{folder.slug}"
    for entry in sorted(folder.path.parent.iterdir()):
        if (
            entry.name in IGNORED_NAMES
            or entry.name == MUNICIPALITY_FILE
            or (entry.name == OFFER_DIR and entry.is_dir())
        ):
            continue
        problems.append(
            Problem(
                f"{shown}/{entry.name}",
                1,
                f"{'Mappen' if entry.is_dir() else 'Filen'} {quoted(entry.name)} används inte. I {shown} finns bara "
                f"{MUNICIPALITY_FILE} och mappen {OFFER_DIR} med kommunens egna erbjudanden.",
            )
        )
    return problems


def _stray_entries(data_dir: Path) -> list[Problem]:
    """A problem for each entry in data/ that is neither a known file nor the offer folder."""
    problems: list[Problem] = []
    for entry in sorted(data_dir.iterdir()):
        if entry.name in VOCABULARY_FILES or entry.name in OPTIONAL_FILES or entry.name in IGNORED_NAMES:
            continue
        if entry.name in (OFFER_DIR, MUNICIPALITY_DIR) and entry.is_dir():
            continue
        problems.append(Problem(f"data/{entry.name}", 1, _stray_message(entry.name, is_dir=entry.is_dir())))
    return problems


def _offer_entry_problem(entry: Path, display: str) -> Problem | None:
    """Why an entry in data/erbjudanden is not read as an offer; None if it is an offer file."""
    if entry.is_dir():
        folder = display.rsplit("/", 1)[0]
        return Problem(display, 1, f"Mappar inne i {folder} läses inte. Lägg filerna direkt i {folder}.")
    if entry.suffix not in OFFER_SUFFIXES:
        fix = "Byt namn på filen eller ta bort den."
        if entry.suffix.lower() in OFFER_SUFFIXES:
            fix = f"Döp om filen till {slugify(entry.stem) or 'erbjudande'}.yml."
        return Problem(
            display,
            1,
            f"Filen {quoted(entry.name)} läses inte: ett erbjudande ska vara en fil som slutar på .yml. {fix}",
        )
    slug = entry.stem
    bad_name = offer_rules.slug_problem(display, slug)
    if bad_name:
        return bad_name
    if slug in RESERVED_SLUGS:
        return Problem(display, 1, f"Filnamnet {slug}.yml är reserverat. Välj ett annat namn.")
    return None


def _stray_message(name: str, is_dir: bool) -> str:
    if is_dir:
        return (
            f"Mappen {quoted(name)} i data används inte. Erbjudanden ska ligga i data/{OFFER_DIR}. "
            "Flytta det som ska finnas kvar och ta bort mappen."
        )
    stem = name.rsplit(".", 1)[0]
    known = ", ".join(VOCABULARY_FILES)
    if f"{stem}.yml" in VOCABULARY_FILES:
        return (
            f"Filen {quoted(name)} läses inte: den ska heta {stem}.yml. Byt namn på den, eller ta bort den "
            f"om {stem}.yml redan finns."
        )
    return (
        f"Filen {quoted(name)} används inte. I data finns bara {known} och mappen {OFFER_DIR}; "
        f"ett erbjudande ska ligga i data/{OFFER_DIR}."
    )


@cache
def _resolved(root: Path) -> Path:
    """The project folder with links resolved: asked once per file, so resolved once."""
    return root.resolve()


def outside(root: Path, path: Path) -> bool:
    """True for a link that leads out of the project, or that cannot be followed (a loop)."""
    if not path.is_symlink() and path.parent != path and not _folder_outside(root, path.parent):
        return False  # a plain file in a folder inside: no need to resolve it (fast with many offers)
    return _resolves_outside(root, path)


_FOLDERS_CHECKED: dict[tuple[Path, Path], bool] = {}
"""Folders found inside or outside the project since `forget_folders` (called when a load starts)."""


def forget_folders() -> None:
    """Resolve folders afresh from now on: a folder may have been replaced by a link since the last load."""
    _FOLDERS_CHECKED.clear()


def _folder_outside(root: Path, folder: Path) -> bool:
    if (root, folder) not in _FOLDERS_CHECKED:
        _FOLDERS_CHECKED[(root, folder)] = _resolves_outside(root, folder)
    return _FOLDERS_CHECKED[(root, folder)]


def _resolves_outside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(_resolved(root))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return True
    return False

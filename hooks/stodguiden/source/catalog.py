"""Load and check everything in `data/` at once: the entry point that builds and checks share."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stodguiden.base import parallel
from stodguiden.base.fingerprint import fingerprint
from stodguiden.base.problems import Level, Problem
from stodguiden.base.timezone import TIME_ZONE
from stodguiden.model import Catalog, Municipality, Offer, Settings
from stodguiden.source import datafiles, plainlanguage, programmes, region, vocabularies, yamlsource
from stodguiden.source import offers as offer_rules
from stodguiden.source.datafiles import VOCABULARY_FILES, OfferFile, outside
from stodguiden.source.schemawalk import Document, quoted, walk

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schema"
TODAY_VARIABLE = "STODGUIDEN_IDAG"
"""Set to ÅÅÅÅ-MM-DD to build the site as it will look on that day (tests, previews)."""
PARALLEL_FROM = 200
"""From this many offer files, `load(..., workers=2)` and more checks them in several processes."""


_Checked = tuple[Offer | None, list[Problem]]


class TodayError(ValueError):
    """The date to build for, from the environment, is not a date."""


@cache
def schema(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return result


def resolve_today(fixed: date | None, environ: Mapping[str, str] = os.environ) -> date:
    """The date the build treats as today: the variable, else the setting, else today in Sweden."""
    text = environ.get(TODAY_VARIABLE, "").strip()
    if text:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise TodayError(
                f"{TODAY_VARIABLE}={text} är inte ett datum. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2027-01-15."
            ) from None
    return fixed or datetime.now(TIME_ZONE).date()


class CheckedFiles:
    """Offer files checked by earlier loads in this process (`mkdocs serve`), by their content.

    A file is checked again when its bytes change, or when anything it is checked against changes
    (the settings, the vocabularies' keys, the word list, the day). Only the last load's files are kept.
    """

    def __init__(self) -> None:
        self._results: dict[tuple[object, ...], _Checked] = {}

    def map(
        self,
        check: Callable[[tuple[Path, str, str]], _Checked],
        jobs: list[tuple[Path, str, str]],
        context: tuple[object, ...],
        workers: int,
    ) -> list[_Checked]:
        """`_map(check, jobs, workers)`, with the unchanged files answered from the last load."""
        context_key = fingerprint(context)
        if context_key is None:
            return _map(check, jobs, workers)
        keys = [self._key(job, context_key) for job in jobs]
        missing = [job for job, key in zip(jobs, keys, strict=True) if key is None or key not in self._results]
        fresh = iter(_map(check, missing, workers))
        results: list[_Checked] = []
        kept: dict[tuple[object, ...], _Checked] = {}
        for key in keys:
            result = self._results[key] if key is not None and key in self._results else next(fresh)
            if key is not None:
                kept[key] = result
            results.append(result)
        self._results = kept
        return results

    @staticmethod
    def _key(job: tuple[Path, str, str], context_key: bytes) -> tuple[object, ...] | None:
        path = job[0]
        try:
            if path.is_symlink():  # where a link leads can change without its target's bytes changing
                return None
            import hashlib  # only under mkdocs serve: loading it is a noticeable part of the check's start-up

            return (job, context_key, hashlib.blake2b(path.read_bytes()).digest())
        except OSError:
            return None


@dataclass(frozen=True)
class _Vocabularies:
    """What the vocabulary files give: the settings, the entries, and the keys offers are checked against."""

    settings: Settings | None
    types: dict[str, Any]
    organisers: dict[str, Any]
    age_groups: dict[str, Any]
    # Offers are checked against every key written in a vocabulary file, even one whose entry has
    # an error of its own, so that one mistake there is not repeated in every offer that uses it.
    type_keys: list[str] | None
    organiser_keys: list[str] | None


def load(
    root: Path,
    today: date | None = None,
    environ: Mapping[str, str] = os.environ,
    workers: int = 1,
    checked_files: CheckedFiles | None = None,
    changed: frozenset[str] = frozenset(),
    docs_dir: Path | None = None,
    pages: bool = True,
) -> tuple[Catalog | None, list[Problem]]:
    """Read and check all files in `root/data`; the catalog is None if there is any error.

    `changed` names the files (as `data/erbjudanden/x.yml`) a pull request changes: their dates are also
    checked against today (`offers.build`). The build passes none, so old data never fails as time passes.

    With `workers` above 1, many offer files are checked in that many processes (see `_map`).
    With `checked_files`, an offer file whose content is unchanged since the last load is not checked again.
    `docs_dir` is where logos are looked for (`root/docs` unless the site's configuration says otherwise).
    With STODGUIDEN_KOMMUN in `environ`, the catalog is that municipality's own site (`region.narrow`).
    With `pages` false (`hooks/check.py`, which builds no pages) what only pages need is not made: the
    offers' `description_html` is empty. The problems are the same.
    """
    datafiles.forget_folders()
    data_dir = root / "data"
    if not data_dir.is_dir():
        return None, [datafiles.no_data_folder()]
    problems: list[Problem] = []
    docs = _read_vocabulary_files(root, data_dir, problems)
    offer_files, found = datafiles.discover(root)
    problems += found
    words = plainlanguage.officialese(_wordlist(root, data_dir, problems))
    vocab = _vocabularies(root, docs, problems, docs_dir or root / "docs")
    if today is None:
        today = resolve_today(vocab.settings.fixed_today if vocab.settings else None, environ)
    context = (vocab.settings, vocab.type_keys, vocab.organiser_keys, today, words, changed, pages)
    check = partial(_check_offer, root, *context)
    offers = _check_offers(check, offer_files, (str(root), *context), workers, checked_files, problems)
    problems += _same_titles(root, offers)
    if any(p.is_error for p in problems) or vocab.settings is None:
        return None, problems
    published = tuple(offer for offer in offers if offer.is_published(today))
    catalog = Catalog(
        today, vocab.settings, vocab.types, vocab.organisers, vocab.age_groups, published, programmes.shared()
    )
    return region.narrow(catalog, environ), problems


def load_settings(root: Path) -> tuple[Settings | None, list[Problem]]:
    """Only the site's settings (with a region's municipalities), for tools that need nothing else."""
    problems: list[Problem] = []
    path = root / "data" / "webbplats.yml"
    if not path.is_file():
        return None, [Problem("data/webbplats.yml", 1, "Filen data/webbplats.yml saknas.")]
    doc = _read(root, path, "data/webbplats.yml", "webbplats", problems)
    if doc is None:
        return None, problems
    settings, found = vocabularies.settings(doc)
    problems += found
    folders = datafiles.municipality_folders(root)
    if settings is not None and folders:
        settings = _region(root, settings, doc, folders, root / "docs", problems)
    return settings, problems


def _read_vocabulary_files(root: Path, data_dir: Path, problems: list[Problem]) -> dict[str, Document]:
    """The vocabulary files that could be read, by file name; a missing one is reported."""
    docs: dict[str, Document] = {}
    for name, schema_name in VOCABULARY_FILES.items():
        path = data_dir / name
        display = f"data/{name}"
        if not path.is_file():
            problems.append(Problem(display, 1, f"Filen {display} saknas. Den behövs för att bygga webbplatsen."))
            continue
        doc = _read(root, path, display, schema_name, problems)
        if doc is not None:
            docs[name] = doc
    return docs


def _vocabularies(root: Path, docs: dict[str, Document], problems: list[Problem], docs_dir: Path) -> _Vocabularies:
    settings = None
    if "webbplats.yml" in docs:
        settings, found = vocabularies.settings(docs["webbplats.yml"], docs_dir)
        problems += found
        folders = datafiles.municipality_folders(root)
        if settings is not None and folders:
            settings = _region(root, settings, docs["webbplats.yml"], folders, docs_dir, problems)
    types = vocabularies.types(docs["typer.yml"]) if "typer.yml" in docs else {}
    organisers: dict[str, Any] = {}
    if "arrangorer.yml" in docs:
        organisers, found = vocabularies.organisers(docs["arrangorer.yml"])
        problems += found
    age_groups: dict[str, Any] = {}
    if "aldersgrupper.yml" in docs:
        age_groups, found = vocabularies.age_groups(docs["aldersgrupper.yml"])
        problems += found
    type_keys = _keys(docs.get("typer.yml"), "typer")
    organiser_keys = _keys(docs.get("arrangorer.yml"), "arrangorer")
    return _Vocabularies(settings, types, organisers, age_groups, type_keys, organiser_keys)


def _region(
    root: Path,
    settings: Settings,
    doc: Document,
    folders: list[datafiles.MunicipalityFolder],
    docs_dir: Path,
    problems: list[Problem],
) -> Settings:
    """A region's settings with its municipalities, each read from its kommun.yml."""
    members: list[tuple[Municipality, Document]] = []
    for folder in folders:
        if not folder.path.exists() and not folder.path.is_symlink():
            problems.append(
                Problem(
                    folder.display,
                    1,
                    f"Filen {folder.display} saknas. Varje kommuns mapp behöver en kommun.yml med namn, "
                    "kommunkod och kontakt.",
                )
            )
            continue
        member_doc = _read(root, folder.path, folder.display, "kommun", problems)
        if member_doc is None:
            continue
        member, found = region.municipality(member_doc, folder.slug, docs_dir, settings.example)
        problems += found
        if member is not None:
            members.append((member, member_doc))
    problems += region.region_problems(doc, members, settings.example)
    return region.with_municipalities(settings, [member for member, _ in members])


def _check_offers(
    check: Callable[[tuple[Path, str, str]], _Checked],
    offer_files: list[OfferFile],
    context: tuple[object, ...],
    workers: int,
    checked_files: CheckedFiles | None,
    problems: list[Problem],
) -> list[Offer]:
    """The offers that are made from their files without an error, in file order; problems are added.

    A second file with the same address as an earlier one is reported, in its place, and not checked.
    """
    seen: dict[str, str] = {}
    # In file order: a Problem for a second file with the same address, else the file to check.
    order: list[Problem | tuple[Path, str, str]] = []
    for slug, path, display in offer_files:
        if slug in seen:
            order.append(
                Problem(
                    display,
                    1,
                    f"Två filer ger samma adress /erbjudanden/{slug}/: {seen[slug]} "
                    f"och {display}. Döp om eller ta bort den ena.",
                )
            )
            continue
        seen[slug] = display
        order.append((path, display, slug))
    jobs = [item for item in order if not isinstance(item, Problem)]
    if checked_files is not None:
        checked = iter(checked_files.map(check, jobs, context, workers))
    else:
        checked = iter(_map(check, jobs, workers))
    offers: list[Offer] = []
    for item in order:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        offer, found = next(checked)
        problems += found
        if offer is not None:
            offers.append(offer)
    return offers


def _wordlist(root: Path, data_dir: Path, problems: list[Problem]) -> Document | None:
    """The municipality's own officialese, if it has a data/ordlista.yml; None if absent or broken."""
    path = data_dir / plainlanguage.WORDLIST_FILE
    display = f"data/{plainlanguage.WORDLIST_FILE}"
    if not path.exists() and not path.is_symlink():
        return None
    if outside(root, path) or not path.is_file():
        _read(root, path, display, "ordlista", problems)  # reports what kind of file it is
        return None
    doc, found = plainlanguage.read_wordlist(path, display)
    problems += found
    return doc if doc is not None and not found else None


def _check_offer(
    root: Path,
    settings: Settings | None,
    type_keys: list[str] | None,
    organiser_keys: list[str] | None,
    today: date,
    words: plainlanguage.Officialese,
    changed: frozenset[str],
    pages: bool,
    job: tuple[Path, str, str],
) -> _Checked:
    """One offer file read, checked against the schema and the rules, and made into an Offer."""
    path, display, slug = job
    problems: list[Problem] = []
    doc = _read(root, path, display, "erbjudande", problems)
    if doc is None:
        return None, problems
    home = datafiles.home_folder(display)
    own = settings and next((m for m in settings.municipalities if m.slug == home), None)
    # a municipality's own offer names the areas of its kommun.yml
    local = replace(settings, areas=own.areas, areas_file=own.source) if settings and own else settings
    offer, found = offer_rules.build(doc, slug, local, type_keys, organiser_keys, today, display in changed, pages)
    codes, served_problems = region.served(doc, settings, home)
    found += served_problems
    if offer is not None and served_problems:
        offer = None
    elif offer is not None and settings is not None and settings.region:
        member = next((m for m in settings.municipalities if m.slug == home), None)
        offer = replace(offer, municipalities=codes, home=member.code if member else None)
    return offer, problems + offer_rules.accepted(doc, found + plainlanguage.check(doc, words))


def _same_titles(root: Path, offers: list[Offer]) -> list[Problem]:
    """A warning for each offer with the title of one before it: parents could not tell them apart."""
    first: dict[str, Offer] = {}
    problems = []
    for offer in offers:
        key = " ".join(offer.title.casefold().split())
        if key not in first:
            first[key] = offer
            continue
        problems.append(
            Problem(
                offer.source,
                _title_line(root / offer.source),
                f"Titeln {quoted(offer.title)} finns också i {first[key].source}. Föräldrar kan inte "
                "skilja på två erbjudanden med samma titel i listor och sökträffar: skriv det som skiljer dem i "
                "titeln, till exempel plats, tid eller ålder.",
                Level.WARNING,
                "samma-titel",
            )
        )
    return problems


def _title_line(path: Path) -> int:
    """The line of `titel:` in a file already checked (the Offer keeps no lines); 1 if not found."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeError):
        return 1
    return next((number for number, line in enumerate(lines, start=1) if line.startswith("titel:")), 1)


def _map(
    check: Callable[[tuple[Path, str, str]], _Checked], jobs: list[tuple[Path, str, str]], workers: int
) -> list[_Checked]:
    """`check` over the jobs in order; in `workers` processes when that is safe and worth it.

    `parallel.fork_map` forks only in a process with one thread (not under `mkdocs serve`, whose server
    and file watcher run in threads); below PARALLEL_FROM files, starting a process costs more than it
    saves. This process checks the first share of the files itself.
    """
    return parallel.fork_map(check, jobs, workers, minimum=PARALLEL_FROM)


def _keys(doc: Document | None, schema_name: str) -> list[str] | None:
    """The valid keys written in a vocabulary file; None if the file could not be read at all."""
    if doc is None or not isinstance(doc.data, dict):
        return None
    pattern = re.compile(schema(schema_name).get("propertyNames", {}).get("pattern", ""))
    # A top-level pointer has one part, the key: always text, since a file's top level is a mapping.
    keys = [ptr[0] for ptr in doc.lines if len(ptr) == 1]
    return [key for key in keys if isinstance(key, str) and pattern.search(key)]


def _read(root: Path, path: Path, display: str, schema_name: str, problems: list[Problem]) -> Document | None:
    if outside(root, path):
        problems.append(
            Problem(
                display,
                1,
                "Filen är en länk till något utanför projektet och läses inte. "
                "Lägg in en riktig fil i stället för länken.",
            )
        )
        return None
    if not path.is_file():
        problems.append(
            Problem(display, 1, "Det här är ingen vanlig fil och den läses inte. Lägg in en riktig textfil i stället.")
        )
        return None
    source, found = yamlsource.read(path, display)
    problems += found
    if source is None:
        return None
    doc, found = walk(source, schema(schema_name))
    problems += found
    return doc

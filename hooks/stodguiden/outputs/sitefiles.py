"""Every file a build writes besides the pages, declared once: open data, calendars, the feed, HSDS, the
finder's and the search's data, colours.

`DATA_FILES` is the registry. Each entry says which paths it writes (known without making anything, so
the MkDocs hook finds clashes with docs/ before anything is written) and how their contents are made, one
file at a time. The hook, the tests and the Öppna data page all read it, so adding an output format is one
module plus one entry here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from stodguiden.base.siteurls import SiteUrls
from stodguiden.outputs import feeds, finder, hsds, ics, opendata, redigera, search
from stodguiden.source.theme import colour_css

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from datetime import datetime
    from pathlib import Path

    from stodguiden.model import Catalog

COLOUR_CSS = "assets/stylesheets/stodguiden-farger.css"
OVERVIEW_CSS = "assets/stylesheets/stodguiden-oversikt.css"
"""The coordinators' overview's stylesheet, written only when `översikt: publicera: true`."""

Content = str | bytes


@dataclass(frozen=True)
class Inputs:
    """What the data files are made from."""

    catalog: Catalog
    site_url: str | None
    generated: datetime
    """When the files were made (`siteurls.generated_at`)."""
    macros: Any
    """The templates' macros (site/templates/macros.html) with links left as they are: the finder's data
    file words dates, ages and costs as the offer cards do. The site layer provides them."""
    overview_css: str = ""
    project: Path | None = None
    """The folder of the site's mkdocs.yml (and its data/): the form editor's configuration is made from it."""
    """The stylesheet of the coordinators' overview (site/coordination.py), when the site publishes it."""

    @property
    def urls(self) -> SiteUrls:
        return SiteUrls(self.site_url or "")


@dataclass(frozen=True)
class DataFile:
    """One kind of generated file: the paths it writes, and how their contents are made."""

    name: str
    paths: Callable[[Catalog], list[str]]
    """The paths inside the site, in the order `make` gives them, known without making the files."""
    make: Callable[[Inputs], Iterator[tuple[str, Content]]]
    """(path, content) for each path, made one at a time so that they are never all in memory at once."""


def _one(name: str, path: str, make: Callable[[Inputs], Content]) -> DataFile:
    """An entry that writes a single file."""
    return DataFile(name, lambda catalog: [path], lambda inputs: iter([(path, make(inputs))]))


DATA_FILES: tuple[DataFile, ...] = (
    DataFile("open data", lambda c: opendata.paths(), lambda i: opendata.publish(i.catalog, i.urls, i.generated)),
    DataFile("calendars", ics.paths, lambda i: ics.publish(i.catalog, i.urls, i.generated)),
    _one("news feed", feeds.FEED_PATH, lambda i: feeds.atom(i.catalog, i.urls, i.generated)),
    DataFile("HSDS", lambda c: hsds.paths(), lambda i: hsds.publish(i.catalog, i.urls)),
    _one("colours", COLOUR_CSS, lambda i: colour_css(i.catalog.settings)),
    _one("finder data", finder.DATA_PATH, lambda i: finder.to_json(finder.data(i.catalog, i.macros))),
    _one("search index", search.INDEX_PATH, lambda i: search.to_json(search.build(i.catalog))),
    DataFile(
        "overview styles",
        lambda c: [OVERVIEW_CSS] if c.settings.overview.publish else [],
        lambda i: iter([(OVERVIEW_CSS, i.overview_css)] if i.catalog.settings.overview.publish else []),
    ),
    DataFile("form editor", lambda c: redigera.paths(), lambda i: redigera.publish(i.project)),
)

OPEN_DATA_LINKS = {
    "json": opendata.JSON_PATH,
    "schema": opendata.SCHEMA_PATH,
    "csv": opendata.CSV_PATH,
    "calendar": ics.ALL_PATH,
    "feed": feeds.FEED_PATH,
    "hsds": hsds.DIRECTORY,
}
"""Where the Öppna data page links each format."""
HSDS_FILES = tuple(hsds.TABLES.values())
"""The HSDS tables' files, listed on the Öppna data page."""


def license_of(catalog: Catalog) -> opendata.License:
    """The open data's license, for the Öppna data page."""
    return opendata.license_of(catalog)


def data_paths(catalog: Catalog) -> list[str]:
    """Every path `iter_data_files` writes, in the same order, without making the files."""
    return [path for entry in DATA_FILES for path in entry.paths(catalog)]


def iter_data_files(inputs: Inputs) -> Iterator[tuple[str, Content]]:
    """(path inside the site, content) for every generated file that is not a page, made one at a time.

    Each entry's files must come at the paths it declares: the hook checked those for clashes.
    """
    for entry in DATA_FILES:
        declared = entry.paths(inputs.catalog)
        made = 0
        for path, content in entry.make(inputs):
            if made >= len(declared) or path != declared[made]:
                raise AssertionError(f"{entry.name} wrote {path}, which its paths do not declare there")
            made += 1
            yield path, content
        if made != len(declared):
            raise AssertionError(f"{entry.name} wrote {made} of its {len(declared)} declared files")


def data_files(inputs: Inputs) -> dict[str, Content]:
    """Path inside the site → content, for every generated file that is not a page."""
    return dict(iter_data_files(inputs))


def write_data_files(inputs: Inputs, site_dir: Path) -> int:
    """Write every generated file that is not a page into `site_dir`, each as soon as it is made, so that
    they are never all in memory at once; returns how many were written."""
    count = 0
    for path, content in iter_data_files(inputs):
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        count += 1
    return count

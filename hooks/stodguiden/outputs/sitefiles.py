"""Every file a build writes besides the pages: open data, the finder's and the search's data, colours.

One function lists them all, so the MkDocs hook writes exactly what the tests check (for example that
hostile editor text stays inert in every format).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from stodguiden.model import Catalog
from stodguiden.outputs import finder, opendata, search
from stodguiden.site.pages import FINDER_PAGE, SitePlan
from stodguiden.source.theme import colour_css

COLOUR_CSS = "assets/stylesheets/stodguiden-farger.css"
FINDER_DATA = posixpath.join(posixpath.dirname(FINDER_PAGE), finder.DATA_FILE)


def data_paths(catalog: Catalog) -> list[str]:
    """The paths `data_files` writes, in the same order, without making the files."""
    return [*opendata.paths(catalog), COLOUR_CSS, FINDER_DATA, search.INDEX_PATH]


def iter_data_files(
    catalog: Catalog, plan: SitePlan, site_url: str | None, generated: datetime
) -> Iterator[tuple[str, str | bytes]]:
    """(path inside the site, content) for every generated file that is not a page, made one at a time."""
    yield from opendata.publish(catalog, site_url, generated)
    yield COLOUR_CSS, colour_css(catalog.settings)
    yield FINDER_DATA, plan.finder_data
    yield search.INDEX_PATH, search.to_json(search.build(catalog))


def data_files(catalog: Catalog, plan: SitePlan, site_url: str | None, generated: datetime) -> dict[str, str | bytes]:
    """Path inside the site → content, for every generated file that is not a page."""
    return dict(iter_data_files(catalog, plan, site_url, generated))


def write_data_files(
    catalog: Catalog, plan: SitePlan, site_url: str | None, generated: datetime, site_dir: Path
) -> int:
    """Write every generated file that is not a page into `site_dir`, each as soon as it is made, so that
    they are never all in memory at once; returns how many were written."""
    count = 0
    for path, content in iter_data_files(catalog, plan, site_url, generated):
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        count += 1
    return count

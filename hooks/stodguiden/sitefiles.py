"""Every file a build writes besides the pages: open data, the finder's and the search's data, colours.

One function lists them all, so the MkDocs hook writes exactly what the tests check (for example that
hostile editor text stays inert in every format).
"""

from __future__ import annotations

import posixpath
from datetime import datetime

from . import finder, opendata, search
from .model import Catalog
from .pages import FINDER_PAGE, SitePlan
from .theme import colour_css

COLOUR_CSS = "assets/stylesheets/stodguiden-farger.css"
FINDER_DATA = posixpath.join(posixpath.dirname(FINDER_PAGE), finder.DATA_FILE)


def data_paths(catalog: Catalog) -> list[str]:
    """The paths `data_files` writes, in the same order, without making the files."""
    return [*opendata.paths(catalog), COLOUR_CSS, FINDER_DATA, search.INDEX_PATH]


def data_files(catalog: Catalog, plan: SitePlan, site_url: str | None, generated: datetime) -> dict[str, str | bytes]:
    """Path inside the site → content, for every generated file that is not a page."""
    files: dict[str, str | bytes] = dict(opendata.publish(catalog, site_url, generated))
    files[COLOUR_CSS] = colour_css(catalog.settings)
    files[FINDER_DATA] = plan.finder_data
    files[search.INDEX_PATH] = search.to_json(search.build(catalog))
    return files

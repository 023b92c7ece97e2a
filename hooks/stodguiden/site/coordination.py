"""The coordinators' overview as HTML: a standalone page (`hooks/oversikt.py --html`) and, when the settings
publish it, a page of the site at oversikt/ that is in no menu and asks search engines to leave it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from stodguiden.outputs import overview as overview_data
from stodguiden.outputs import sitefiles
from stodguiden.site import pages

if TYPE_CHECKING:
    from stodguiden.model import Catalog

PAGE = "oversikt.md"
CSS_FILE = pages.TEMPLATES / "oversikt.css"


def css() -> str:
    return CSS_FILE.read_text(encoding="utf-8")


def _render(template: str, overview: overview_data.Overview, page_url: str = "", css: str = "") -> str:
    return pages._render(
        template,
        page_url,
        None,
        overview=overview,
        empty=overview_data.EMPTY,
        fields=list(overview_data.COMPLETENESS.values()),
        incomplete=[c for c in overview.completeness if c.missing],
        css=Markup(css),  # our own stylesheet, not data
    )


def fragment(overview: overview_data.Overview, page_url: str = "") -> str:
    """The overview's content, for a page of the site."""
    return _render("oversikt.html", overview, page_url)


def standalone(overview: overview_data.Overview) -> str:
    """A complete HTML page with its own styles, to open, send or print on A4."""
    return _render("oversikt-sida.html", overview, css=css())


def page(catalog: Catalog) -> pages.GeneratedPage | None:
    """The site's page oversikt/, when `översikt: publicera: true`; None otherwise."""
    if not catalog.settings.overview.publish:
        return None
    result = overview_data.of_catalog(catalog)
    url = pages.url_of(PAGE)
    stylesheet = Markup('<link rel="stylesheet" href="{}">').format(pages.relative_url(url, sitefiles.OVERVIEW_CSS))
    html = str(stylesheet + Markup(fragment(result, url)))  # the fragment is rendered HTML
    return pages.GeneratedPage(
        PAGE,
        f"Översikt för samordnare: {result.label}",
        html,
        description="Täckning, luckor och vad som ska granskas, för den som samordnar föräldraskapsstödet.",
        toc=pages._toc(html),
        in_nav=False,
        noindex=True,
    )

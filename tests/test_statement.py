"""The accessibility statement page (lag (2018:1937), DIGG's required content) and its link in every footer."""

from __future__ import annotations

import re
import shutil
from datetime import date
from typing import TYPE_CHECKING

from conftest import FIXTURE_SITES, Build
from stodguiden.site import pages
from stodguiden.source.catalog import load

if TYPE_CHECKING:
    from pathlib import Path

STATEMENT = "tillganglighet/"
LINK = re.compile(
    r'<p class="sg-footer__statement"><a href="([^"]+)"( aria-current="page")?>'
    r"Tillgänglighetsredogörelse</a></p>"
)


def test_statement_says_what_digg_requires(sample_build: Build) -> None:
    html = sample_build.html(STATEMENT)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "<title>Tillgänglighetsredogörelse – Föräldraskapsstöd i Exempelby</title>" in html
    # the organisation and the site
    assert "Exempelby kommun står bakom webbplatsen Föräldraskapsstöd i Exempelby." in text
    # the compliance status in the law's words
    assert (
        "Webbplatsen är delvis förenlig med lagen (2018:1937) om tillgänglighet till digital offentlig service." in text
    )
    # the content that is not accessible, and why
    assert "Anmälningsblanketter från arrangörer. Några arrangörer har blanketter som PDF-filer" in text
    # how to report a problem or ask for another format
    assert '<a href="mailto:foraldrastod@exempelby.se">Mejla foraldrastod@exempelby.se</a>' in html
    assert '<a href="tel:+46313900625">Ring 031-390 06 25</a>' in html
    # the enforcement procedure
    assert '<a href="https://www.digg.se/tdosanmalan">Anmäl till DIGG att en webbplats inte är tillgänglig</a>' in html
    # how and when it was assessed, and when the statement was updated
    assert "Vi har själva granskat webbplatsen (självskattning) den 20 november 2026." in text
    assert "Redogörelsen uppdaterades senast den 24 november 2026." in text


def test_every_page_links_to_the_statement(sample_build: Build) -> None:
    pages_found = sorted(sample_build.site.rglob("*.html"))
    assert len(pages_found) > 40
    for page in pages_found:
        relative = page.relative_to(sample_build.site).as_posix()
        links = LINK.findall(page.read_text(encoding="utf-8"))
        if relative.startswith("redigera/"):  # the editors' form (Decap CMS), not a page for parents
            continue
        if relative == "404.html":  # shown at any address, so its links are absolute
            assert links == [("/foraldraskapsstod/tillganglighet/", "")], relative
        elif relative == STATEMENT + "index.html":
            assert links == [("./", ' aria-current="page"')], relative
        else:
            assert links == [("../" * relative.count("/") + STATEMENT, "")], relative


def test_minimal_site_says_fully_compliant_and_no_known_shortcomings(minimal_build: Build) -> None:
    html = minimal_build.html(STATEMENT)
    assert (
        "<p>Webbplatsen är helt förenlig med lagen (2018:1937) om tillgänglighet till digital offentlig service.</p>"
    ) in html
    assert "<p>Vi känner inte till något innehåll på webbplatsen som inte är tillgängligt.</p>" in html
    assert "En extern granskare har granskat webbplatsen den 20 november 2026." in html


def test_without_the_setting_there_is_no_statement_page(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE_SITES / "minimal", tmp_path / "site")
    settings = tmp_path / "site" / "data" / "webbplats.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text[: text.index("tillgänglighet:")], encoding="utf-8")
    catalog, problems = load(tmp_path / "site", today=date(2027, 1, 18))
    assert catalog is not None
    assert problems == []
    assert catalog.settings.accessibility is None
    assert pages.statement_page(catalog) is None
    assert "tillganglighet.md" not in {page.src_uri for page in pages.plan(catalog).pages}

"""Every link on every built page says where it goes: no empty link text, no "klicka här" or "läs mer"."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import TYPE_CHECKING

from stodguiden.base.richtext import is_vague_link_text as is_vague

if TYPE_CHECKING:
    from conftest import Build


class _Links(HTMLParser):
    """Each <a href>'s accessible name: aria-label, else its text and image alt texts, else its title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str, str]] = []
        self._open: list[dict[str, str]] = []
        self._text: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and "href" in values:
            self._open.append(values)
            self._text.append([])
        elif tag == "img" and self._text:
            self._text[-1].append(values.get("alt", ""))

    def handle_data(self, data: str) -> None:
        if self._text:
            self._text[-1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            attrs, text = self._open.pop(), " ".join(self._text.pop())
            name = attrs.get("aria-label") or " ".join(text.split()) or attrs.get("title", "")
            self.links.append((self.getpos()[0], attrs["href"], name.strip()))


def links_of(html: str) -> list[tuple[int, str, str]]:
    parser = _Links()
    parser.feed(html)
    return parser.links


def test_no_link_is_empty_or_vague(sample_build: Build) -> None:
    found = []
    pages = sorted(sample_build.site.rglob("*.html"))
    assert len(pages) > 40
    count = 0
    for page in pages:
        for line, href, name in links_of(page.read_text(encoding="utf-8")):
            count += 1
            if not name or is_vague(name):
                found.append(f"{page.relative_to(sample_build.site)}:{line}: {href} ”{name}”")
    assert count > 1000, "the pages should have many links"
    assert not found, "links that do not say where they go:\n" + "\n".join(found)


def test_phone_and_email_links_say_what_they_do(sample_build: Build) -> None:
    for page in sorted(sample_build.site.rglob("*.html")):
        for _, href, name in links_of(page.read_text(encoding="utf-8")):
            if href.startswith("tel:"):
                assert name.startswith("Ring "), (page, href, name)
            if href.startswith("mailto:"):  # "Mejla Komet", "Dela sidan med e-post"
                assert name.startswith("Mejla ") or "e-post" in name, (page, href, name)
            if href.startswith("sms:"):
                assert "sms" in name, (page, href, name)


def test_the_check_finds_vague_and_empty_links() -> None:
    html = (
        '<p><a href="/a">Klicka här!</a> <a href="/b"> </a> <a href="/c"><img src="x.svg" alt=""></a> '
        '<a href="/d">Läs mer</a> <a href="/e">Läs mer om Komet</a> <a href="/f" aria-label="Start">'
        '<svg></svg></a> <a href="/g" title="Redigera sidan"><svg></svg></a></p>'
    )
    names = [(href, name) for _, href, name in links_of(html)]
    assert names == [
        ("/a", "Klicka här!"),
        ("/b", ""),
        ("/c", ""),
        ("/d", "Läs mer"),
        ("/e", "Läs mer om Komet"),
        ("/f", "Start"),
        ("/g", "Redigera sidan"),
    ]
    assert [href for href, name in names if not name or is_vague(name)] == ["/a", "/b", "/c", "/d"]


def test_the_region_samples_links_say_where_they_go(region_build: Build) -> None:
    found = []
    for page in [*sorted((region_build.site / "kommuner").rglob("*.html")), region_build.site / "index.html"]:
        for line, href, name in links_of(page.read_text(encoding="utf-8")):
            if not name or is_vague(name):
                found.append(f"{page.relative_to(region_build.site)}:{line}: {href} ”{name}”")
            if href.startswith("tel:"):
                assert name.startswith("Ring "), (page, href, name)
    assert not found, "links that do not say where they go:\n" + "\n".join(found)

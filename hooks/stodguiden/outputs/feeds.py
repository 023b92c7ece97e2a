"""An Atom feed (RFC 4287) of the offers, newest review first, so that others can follow new and changed offers.

An offer's date in the feed is its `granskad` date: the data has no other record of when it changed.
Offers without `granskad` are left out of the feed; they are still in every other file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from stodguiden.base.siteurls import OPEN_DATA, SiteUrls, iso_utc
from stodguiden.base.timezone import TIME_ZONE

if TYPE_CHECKING:
    from stodguiden.model import Catalog, Offer

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = f"{OPEN_DATA}/nyheter.atom"
MAX_ENTRIES = 100


def _stamp(day: date) -> str:
    """Midnight in Sweden that day, as RFC 3339: '2026-12-01T00:00:00+01:00'."""
    return datetime.combine(day, time(0), TIME_ZONE).isoformat()


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def feed_offers(catalog: Catalog) -> list[Offer]:
    dated = [o for o in catalog.offers if o.reviewed is not None]
    return sorted(dated, key=lambda o: (o.reviewed, o.slug), reverse=True)[:MAX_ENTRIES]


def atom(catalog: Catalog, urls: SiteUrls, generated: datetime) -> str:
    settings = catalog.settings
    offers = feed_offers(catalog)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "sv"})
    _sub(feed, "id", f"urn:uuid:{urls.uuid('nyheter')}")
    _sub(feed, "title", f"{settings.name}: nya och ändrade erbjudanden")
    _sub(feed, "subtitle", f"Föräldraskapsstöd i {settings.municipality}. Senast granskade erbjudanden först.")
    newest = offers[0].reviewed if offers else None
    _sub(feed, "updated", _stamp(newest) if newest else iso_utc(generated))
    if urls.base:
        _sub(feed, "link", rel="self", type="application/atom+xml", href=urls.to(FEED_PATH))
        _sub(feed, "link", rel="alternate", type="text/html", href=urls.to(""))
    author = _sub(feed, "author")
    _sub(author, "name", settings.contact.name or settings.municipality)
    if settings.contact.email:
        _sub(author, "email", settings.contact.email)
    if settings.contact.web:
        _sub(author, "uri", settings.contact.web)
    _sub(feed, "generator", "Stödguiden")
    for offer in offers:
        assert offer.reviewed is not None
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"urn:uuid:{urls.uuid('erbjudande', offer.slug)}")
        _sub(entry, "title", offer.title)
        _sub(entry, "updated", _stamp(offer.reviewed))
        _sub(entry, "link", rel="alternate", type="text/html", href=urls.offer(offer.slug))
        for key in offer.types:
            _sub(entry, "category", term=key, label=catalog.types[key].name)
        _sub(entry, "summary", offer.summary)
        if offer.description_html:
            _sub(entry, "content", offer.description_html, type="html")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"

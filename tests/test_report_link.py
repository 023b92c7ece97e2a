""" "Fel på sidan?": a mailto link on every offer page, to the right address, with the page filled in."""

from __future__ import annotations

import dataclasses
from datetime import date
from urllib.parse import parse_qs, urlsplit

from conftest import FIXTURE_SITES, Build
from stodguiden.model import Catalog, Contact
from stodguiden.site.pages import report_link
from stodguiden.source.catalog import load

KOMET_LINK = (
    '<p class="sg-report"><a href="mailto:familjeenheten@exempelby.se'
    "?subject=Fel%20p%C3%A5%20sidan%20Komet%20f%C3%B6r%20f%C3%B6r%C3%A4ldrar%20till%20barn%203%E2%80%9311%20%C3%A5r"
    "&amp;body=Hej%21%0D%0A%0D%0AJag%20har%20sett%20n%C3%A5got%20som%20inte%20st%C3%A4mmer%20p%C3%A5%20sidan%20om"
    "%20Komet%20f%C3%B6r%20f%C3%B6r%C3%A4ldrar%20till%20barn%203%E2%80%9311%20%C3%A5r%3A%0D%0A"
    "https%3A%2F%2Fwww.exempelby.se%2Fforaldraskapsstod%2Ferbjudanden%2Fkomet%2F%0D%0A%0D%0A"
    'Det%20h%C3%A4r%20%C3%A4r%20fel%3A%0D%0A%0D%0A">Fel på sidan? Mejla och berätta (öppnar ditt e-postprogram)</a></p>'
)


def minimal() -> Catalog:
    catalog, problems = load(FIXTURE_SITES / "minimal", today=date(2027, 1, 18))
    assert catalog is not None
    assert problems == []
    return catalog


def test_every_offer_page_has_the_link_with_title_and_whole_address(sample_build: Build) -> None:
    assert KOMET_LINK in sample_build.html("erbjudanden/komet/")
    for page in (sample_build.site / "erbjudanden").glob("*/index.html"):
        assert page.read_text(encoding="utf-8").count('class="sg-report"') == 1, page


def test_the_link_decodes_to_the_subject_and_body_a_parent_sees() -> None:
    catalog = minimal()
    komet = next(o for o in catalog.offers if o.slug == "komet")
    offer = dataclasses.replace(komet, title="Barn & föräldrar? 100% #1")
    href = report_link(offer, catalog, "https://www.testby.se/stod/erbjudanden/x/")
    assert href is not None
    parts = urlsplit(href)
    assert (parts.scheme, parts.path) == ("mailto", "socialtjansten@testby.se")
    query = parse_qs(parts.query, strict_parsing=True)
    assert query == {
        "subject": ["Fel på sidan Barn & föräldrar? 100% #1"],
        "body": [
            "Hej!\r\n\r\nJag har sett något som inte stämmer på sidan om Barn & föräldrar? 100% #1:\r\n"
            "https://www.testby.se/stod/erbjudanden/x/\r\n\r\nDet här är fel:\r\n\r\n"
        ],
    }


def test_the_address_falls_back_from_organiser_to_offer_contact_to_the_site() -> None:
    catalog = minimal()
    offer = next(o for o in catalog.offers if o.slug == "komet")
    assert report_link(offer, catalog, "x").startswith("mailto:socialtjansten@testby.se?")  # type: ignore[union-attr]
    organisers = {key: dataclasses.replace(value, contact=Contact()) for key, value in catalog.organisers.items()}
    without_organiser = dataclasses.replace(catalog, organisers=organisers)
    with_own = dataclasses.replace(offer, contact=Contact(email="komet@testby.se"))
    assert report_link(with_own, without_organiser, "x").startswith("mailto:komet@testby.se?")  # type: ignore[union-attr]
    without_own = dataclasses.replace(offer, contact=Contact(phone="0123-456 78"))
    assert report_link(without_own, without_organiser, "x").startswith("mailto:stod@testby.se?")  # type: ignore[union-attr]
    settings = dataclasses.replace(catalog.settings, contact=Contact(phone="0123-456 78"))
    assert report_link(without_own, dataclasses.replace(without_organiser, settings=settings), "x") is None

"""The pages the browser tests visit: one per layout of the sample site, as URL paths under the site root."""

from __future__ import annotations

PAGES: dict[str, str] = {
    "start": "",
    "erbjudande-med-omgangar": "erbjudanden/komet/",
    "erbjudande-digitalt": "erbjudanden/foraldrachatt-med-elevhalsan/",
    "erbjudande-pa-arabiska": "erbjudanden/icdp-pa-arabiska/",
    "erbjudande-med-veckotider": "erbjudanden/oppna-forskolan-kotten/",
    "erbjudande-kansligt": "erbjudanden/stodgrupp-barn-som-anhoriga/",
    "hitta-stod": "hitta-stod/",
    "hitta-stod-med-val": "hitta-stod/?alder=4&typ=foraldrakurser",
    "aldersgrupp": "alder/tonaringar/",
    "aldrar": "alder/",
    "typ-av-stod": "stod/foraldrakurser/",
    "om-foraldraskapsstod": "om-foraldraskapsstod/",
    "oppna-data": "oppna-data/",
    "tillganglighetsredogorelse": "tillganglighet/",
    "sok-med-resultat": "sok/?q=kurs",
    "sok-utan-resultat": "sok/?q=xyzzyq",
    "sok-med-delvisa-traffar": "sok/?q=öppen+förskola+norrby",
    "404": "404.html",
}
"""Name (the test id) → path. `open_page` waits until the results of sok/?q= are shown."""

REGION_PAGES: dict[str, str] = {
    "start": "",
    "kommuner": "kommuner/",
    "kommun": "kommuner/norrvik/",
    "erbjudande-for-tva-kommuner": "erbjudanden/foraldrakurs-i-norrvik-och-sjoby/",
    "hitta-stod-med-kommun": "hitta-stod/?kommun=9901&alder=4",
    "sok-med-kommun": "sok/?q=f%C3%B6r%C3%A4lder&kommun=9902",
}
"""The region sample's own layouts (exempel/region); every other page is the main sample's."""

SAMPLES = {"huvud": "site_url", "region": "region_site_url"}
"""The two samples: the test id → the fixture that serves it (tests/browser/conftest.py)."""


def both_samples(main: dict[str, str], region: dict[str, str]) -> list[tuple[str, str]]:
    """(sample, path) pairs for parametrising a test over pages of both samples, with ids 'huvud-start'."""
    return [("huvud", path) for path in main.values()] + [("region", path) for path in region.values()]


def both_ids(main: dict[str, str], region: dict[str, str]) -> list[str]:
    return [f"huvud-{name}" for name in main] + [f"region-{name}" for name in region]


VIEWPORTS: dict[str, dict[str, int]] = {
    "mobil": {"width": 375, "height": 800},
    "dator": {"width": 1280, "height": 900},
}

PALETTES: dict[str, str] = {"ljust": "light", "morkt": "dark"}
"""The site's palettes (mkdocs.yml), by the system setting that chooses each: name → color_scheme."""
SCHEMES = {"light": "default", "dark": "slate"}
"""color_scheme → Material's scheme, which the page must then show."""

SEARCH_WORD = "tonåring"
"""What the tests that go through the header search type (tests/sok/sokfragor.yml has the many others)."""

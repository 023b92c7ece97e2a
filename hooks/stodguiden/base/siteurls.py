"""Absolute addresses and stable identifiers for what a site publishes, from its `site_url`."""

from __future__ import annotations

import functools
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

OFFER_SECTION = "erbjudanden"
AGE_SECTION = "alder"
TYPE_SECTION = "stod"
FINDER_SECTION = "hitta-stod"
MUNICIPALITY_SECTION = "kommuner"
"""On a region's site: one page per municipality, and the list of them ("Var bor du?")."""
"""The site's folders for the offers, the age groups, the kinds of support and the finder: named here only."""
OPEN_DATA = "oppna-data"
"""The folder of the site that holds the machine-readable files."""
CALENDAR_DIR = f"{OPEN_DATA}/kalender"
FINDER_PAGE = f"{FINDER_SECTION}/index.md"
"""The "Hitta stöd" page; its data file is written next to it."""


@dataclass(frozen=True)
class Sections:
    """The section folders, as templates see them (`sections.age` …)."""

    offers: str = OFFER_SECTION
    age: str = AGE_SECTION
    type: str = TYPE_SECTION
    finder: str = FINDER_SECTION
    municipality: str = MUNICIPALITY_SECTION


SECTIONS = Sections()


@dataclass(frozen=True)
class SiteUrls:
    """`site_url` as in mkdocs.yml ('https://www.exempelby.se/foraldraskapsstod/'); empty gives relative links."""

    site_url: str = ""

    @property
    def base(self) -> str:
        if not self.site_url:
            return ""
        return self.site_url if self.site_url.endswith("/") else self.site_url + "/"

    @property
    def host(self) -> str:
        """For calendar UIDs, which must be unique worldwide: the site's host name."""
        return urlsplit(self.base).hostname or "stodguiden.invalid"

    def to(self, path: str) -> str:
        """The address of a path inside the site: 'erbjudanden/komet/' -> 'https://…/erbjudanden/komet/'."""
        return self.base + path

    def offer(self, slug: str) -> str:
        return self.to(offer_path(slug))

    def calendar(self, slug: str) -> str:
        return self.to(calendar_path(slug))

    def uuid(self, *parts: str) -> str:
        """A UUID that stays the same between builds for the same site and the same thing."""
        return _uuid5(self.base + "#" + "/".join(parts))


_URL_NAMESPACE = uuid.NAMESPACE_URL.bytes


@functools.lru_cache(maxsize=1 << 16)
def _uuid5(name: str) -> str:
    """`str(uuid.uuid5(uuid.NAMESPACE_URL, name))` (RFC 9562, 5.5), without building a UUID object:
    the open data of thousands of offers asks for tens of thousands of these."""
    digest = bytearray(hashlib.sha1(_URL_NAMESPACE + name.encode("utf-8"), usedforsecurity=False).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC's variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def section_path(section: str, key: str | None = None) -> str:
    """The path of a section's index ('alder/') or of one of its pages ('alder/skolbarn/')."""
    return f"{section}/{key}/" if key is not None else f"{section}/"


def offer_path(slug: str) -> str:
    return section_path(OFFER_SECTION, slug)


def calendar_path(slug: str) -> str:
    return f"{CALENDAR_DIR}/{slug}.ics"


def generated_at(environ: dict[str, str] | None = None, now: datetime | None = None) -> datetime:
    """When the files were made, in UTC to the second; SOURCE_DATE_EPOCH (reproducible builds) wins."""
    epoch = (environ or {}).get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)


def iso_utc(moment: datetime) -> str:
    """'2027-01-18T07:30:00Z'."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def readable_json(value: Any) -> str:
    """JSON for people and machines alike: a list of records, or a mapping whose lists of records are
    written one record per line (easy to read and to compare line by line).

    `json.dumps` with `indent` runs in pure Python and took a large share of writing the open data for
    thousands of offers; without `indent` it runs in C, record by record.
    """

    def dumps(item: Any) -> str:
        return json.dumps(item, ensure_ascii=False, separators=(", ", ": "))

    def records(items: list[Any], pad: str) -> str:
        if not items:
            return "[]"
        return "[\n" + ",\n".join(f"{pad}  {dumps(item)}" for item in items) + f"\n{pad}]"

    if isinstance(value, list):
        return records(value, "") + "\n"
    lines = [
        f"  {dumps(key)}: {records(item, '  ') if isinstance(item, list) and item else dumps(item)}"
        for key, item in value.items()
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"

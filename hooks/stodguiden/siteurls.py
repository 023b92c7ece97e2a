"""Absolute addresses and stable identifiers for what a site publishes, from its `site_url`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

OFFER_SECTION = "erbjudanden"
OPEN_DATA = "oppna-data"
"""The folder of the site that holds the machine-readable files."""
CALENDAR_DIR = f"{OPEN_DATA}/kalender"


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
        return self.to(f"{OFFER_SECTION}/{slug}/")

    def calendar(self, slug: str) -> str:
        return self.to(calendar_path(slug))

    def uuid(self, *parts: str) -> str:
        """A UUID that stays the same between builds for the same site and the same thing."""
        name = self.base + "#" + "/".join(parts)
        return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


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

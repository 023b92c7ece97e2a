"""The site's time zone: "today", meeting times, calendar events and feed dates are Swedish local time."""

from __future__ import annotations

from zoneinfo import ZoneInfo

TIME_ZONE_NAME = "Europe/Stockholm"
"""The IANA name, as calendars (TZID) and schema.org schedules write it."""
TIME_ZONE = ZoneInfo(TIME_ZONE_NAME)

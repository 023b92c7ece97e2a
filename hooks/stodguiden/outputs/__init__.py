"""Data files made from the catalog: open data, HSDS, JSON-LD, calendars, feeds, search and finder data."""

"""The shared list of parenting programmes and methods (`program.yml` next to this file), and the rule for
an offer's `program`: a key of the list, with the right key suggested for a misspelling or a name."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from stodguiden.base import shipped
from stodguiden.model import Programme
from stodguiden.source.schemawalk import quoted, suggest

LIST_FILE = Path(__file__).with_name("program.yml")


@cache
def shared() -> dict[str, Programme]:
    """The programmes by key, in the list's order."""
    entries = shipped.load(LIST_FILE)
    return {
        key: Programme(
            key,
            entry["namn"],
            entry["för"],
            entry["kunskap"],
            entry["källa"],
            entry["läst"] if isinstance(entry["läst"], date) else date.fromisoformat(entry["läst"]),
            tuple(entry.get("andra_namn", ())),
        )
        for key, entry in entries.items()
    }


@cache
def _words() -> dict[str, str]:
    """Every way of writing a programme that the hint knows (key, name, other names), folded: its key."""
    words: dict[str, str] = {}
    for programme in shared().values():
        for word in (programme.key, programme.name, *programme.aliases):
            words.setdefault(word.casefold(), programme.key)
    return words


def unknown(key: str) -> str | None:
    """The message for a `program` that is not in the list; None when it is."""
    programmes = shared()
    if key in programmes:
        return None
    hint = suggest(key.casefold(), list(_words()))
    start = f"Det finns inget program som heter {quoted(key)} i den gemensamma listan över program."
    end = "Finns programmet inte i listan, ta bort program och skriv det under kunskapsgrund i stället."
    if hint:
        return f"{start} Menade du program: {_words()[hint]}? {end}"
    return f"{start} Skriv en av: {', '.join(programmes)}. {end}"

"""Swedish alphabetical order: the one sort key for titles, names and everything listed for a reader."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# a–z, then å, ä, ö; other accents sort with their base letter.
_LAST_LETTERS = {"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"}  # the three code points after z


# Bounded: the same titles come back on many pages.
@lru_cache(maxsize=65536)
def sort_key(text: str) -> str:
    """A key that sorts `text` in Swedish alphabetical order, ignoring case."""
    out = []
    for char in text.casefold():
        if char in _LAST_LETTERS:
            out.append(_LAST_LETTERS[char])
        else:
            out.append("".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)))
    return "".join(out)

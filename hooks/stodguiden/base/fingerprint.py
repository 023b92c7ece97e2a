"""A short digest of plain data, for caches that must notice when anything in it changed."""

from __future__ import annotations

import pickle


def fingerprint(value: object) -> bytes | None:
    """The same bytes for equal data; None when the data cannot be pickled (then nothing is cached).

    Two equal values may in rare cases pickle differently (a set built in another order): that only
    costs a cache miss, never a wrong answer.
    """
    import hashlib  # here: loading it is a noticeable part of hooks/check.py's start-up, which never needs it

    try:
        return hashlib.blake2b(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)).digest()
    except (pickle.PicklingError, TypeError, AttributeError):
        return None

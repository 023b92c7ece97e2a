"""Language tags of text in other languages than Swedish: their names and their writing direction.

A tag is a BCP 47 language (two or three letters, `ar`, `ckb`) with an optional script (`ku-Arab`).
A language is written with one rule: its two-letter code (ISO 639-1) where it has one (`fa`, not `fas`),
else its three-letter one (ISO 639-3: `prs` dari, `kmr` kurmanji, `ckb` sorani). Names come from CLDR
through babel where it knows the language, else from the shipped table `sprak.yml`.
The direction of a language comes from CLDR through babel (`Locale.character_order`) or the table; a
script subtag overrides it, from the list of right-to-left scripts below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from markupsafe import Markup, escape

from stodguiden.base import shipped

TAG = re.compile(r"^(?P<language>[a-z]{2,3})(?:-(?P<script>[A-Z][a-z]{3}))?$")
RTL_SCRIPTS = frozenset({"Adlm", "Arab", "Hebr", "Mand", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi"})
"""ISO 15924 scripts written from right to left that are in use for living languages (Unicode's
bidirectional class R/AL): Arabic, Hebrew, Adlam, Mandaic, N'Ko, Hanifi Rohingya, Samaritan, Syriac,
Thaana and Yezidi."""
_SV = Locale("sv")
_LTR_RUN = re.compile(r"[0-9A-Za-zÀ-ɏ+][0-9A-Za-zÀ-ɏ .,:@+/–-]*[0-9A-Za-zÀ-ɏ]|[0-9A-Za-zÀ-ɏ]")
"""A run of Latin letters and digits, with the spaces and signs inside names, phone numbers and addresses."""


TABLE = Path(__file__).with_name("sprak.yml")


@dataclass(frozen=True)
class TableLanguage:
    """A language babel has no name for, from `sprak.yml`."""

    swedish: str
    own: str
    direction: str


@cache
def table() -> dict[str, TableLanguage]:
    entries = shipped.load(TABLE)
    return {
        code: TableLanguage(entry["svenska"], entry["eget_namn"], entry["riktning"]) for code, entry in entries.items()
    }


@cache
def two_letter_code(code: str) -> str | None:
    """'fa' for 'fas' or 'per': the ISO 639-1 code to write instead of a three-letter code for the same
    language; None when `code` is the one to write. A three-letter code babel names itself (`ckb`) or the
    table holds (`prs`, `kmr`) is the one to write, even where CLDR counts it under a two-letter one."""
    if len(code) != 3 or code in table() or code in _SV.languages:
        return None
    alias = get_global("language_aliases").get(code)
    return alias if isinstance(alias, str) and len(alias) == 2 and alias in _SV.languages else None


@lru_cache(maxsize=1024)  # a few languages, asked for in every offer
def is_language(code: str) -> bool:
    """True for a language code (no script) as offers write it: one babel names, or one in the table."""
    if code in table():
        return True
    return bool(re.fullmatch(r"[a-z]{2,3}", code)) and code in _SV.languages and two_letter_code(code) is None


@cache
def _locale(language: str) -> Locale | None:
    try:
        return Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return None


def is_known(tag: str) -> bool:
    """True for a well-formed tag whose language CLDR knows (and whose script, if any, exists there)."""
    match = TAG.match(tag)
    if match is not None and match["language"] in table():
        return match["script"] is None or match["script"] in _SV.scripts
    if match is None or _locale(match["language"]) is None or match["language"] not in _SV.languages:
        return False
    if two_letter_code(match["language"]) is not None:
        return False
    return match["script"] is None or match["script"] in _SV.scripts


@lru_cache(maxsize=1024)  # a few languages, asked for on every page
def direction(tag: str) -> str:
    """'rtl' or 'ltr', for the `dir` attribute."""
    match = TAG.match(tag)
    if match is None:
        return "ltr"
    if match["script"]:
        return "rtl" if match["script"] in RTL_SCRIPTS else "ltr"
    if match["language"] in table():
        return table()[match["language"]].direction
    locale = _locale(match["language"])
    return "rtl" if locale is not None and locale.character_order == "right-to-left" else "ltr"


@lru_cache(maxsize=1024)  # a few languages, asked for on every page
def swedish_name(tag: str) -> str:
    """'arabiska' for 'ar'; 'kurdiska (skrift: arabiska)' for 'ku-Arab'."""
    match = TAG.match(tag)
    assert match is not None, tag
    known = table().get(match["language"])
    name: str = _SV.languages.get(match["language"]) or (known.swedish if known else tag)
    if match["script"]:
        name += f" (skrift: {_SV.scripts.get(match['script'], match['script']).lower()})"
    return name


@lru_cache(maxsize=1024)  # a few languages, asked for on every page
def own_name(tag: str) -> str:
    """The language's name in itself ('العربية' for 'ar'), for readers of that language.

    CLDR names a language in one script only (Kurdish in Latin letters), so with a script subtag the
    Swedish name is used instead.
    """
    match = TAG.match(tag)
    assert match is not None, tag
    known = table().get(match["language"])
    if known is not None and not match["script"]:
        return known.own
    locale = _locale(match["language"]) if not match["script"] else None
    name = locale.get_display_name(locale) if locale is not None else None
    return name or swedish_name(tag)


def isolate_ltr(text: str) -> Markup:
    """Escaped text with each Latin run (a place name, a phone number) in <bdi dir="ltr">.

    In a right-to-left paragraph the browser would otherwise order the groups of a phone number
    "031-390 06 24" from right to left, as "24 06 031-390".
    """
    parts: list[Markup] = []
    last = 0
    for match in _LTR_RUN.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(Markup('<bdi dir="ltr">%s</bdi>') % match.group(0))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def names_marked(tags: list[str] | tuple[str, ...]) -> Markup:
    """'Svenska och arabiska (العربية)', each language's own name marked with its lang and dir.

    A parent who reads Arabic better recognises العربية before "arabiska".
    """
    parts: list[Markup] = []
    for index, tag in enumerate(tags):
        name = swedish_name(tag)
        name = name[:1].upper() + name[1:] if index == 0 else name
        own = own_name(tag)
        if own.casefold() == swedish_name(tag).casefold():
            parts.append(escape(name))
        else:
            parts.append(Markup('{} (<span lang="{}" dir="{}">{}</span>)').format(name, tag, direction(tag), own))
    if len(parts) <= 1:
        return Markup("").join(parts)
    return Markup(", ").join(parts[:-1]) + Markup(" och ") + parts[-1]

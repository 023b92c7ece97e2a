"""Swedish word forms for search: split text into words, stem and fold them, by the rules in sok/ordregler.yml.

The same steps run in the browser (docs/assets/javascripts/sok.js) on what the parent types; the index carries
the rules there, and tests/search/stammar.yml holds the words both implementations must agree on.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stodguiden.base import shipped

if TYPE_CHECKING:
    from collections.abc import Iterator

RULES_DIR = Path(__file__).parents[1] / "sok"
RULES_FILE = RULES_DIR / "ordregler.yml"
SYNONYMS_FILE = RULES_DIR / "synonymer.yml"
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Rules:
    min_stem: int
    genitive_min_stem: int
    genitive_after: frozenset[str]
    vowels: frozenset[str]
    endings: tuple[str, ...]
    """Longest first, so the longest ending that fits is the one dropped."""
    folding: dict[str, str]
    stopwords: frozenset[str]
    weak: tuple[str, ...]
    """Words nearly every offer has: they count towards an offer's score but are not needed for a full match."""

    def as_json(self) -> dict[str, Any]:
        """The rules as sok.js reads them from the index."""
        return {
            "minsta_stam": self.min_stem,
            "genitiv_minsta_stam": self.genitive_min_stem,
            "genitiv_efter": "".join(sorted(self.genitive_after)),
            "vokaler": "".join(sorted(self.vowels)),
            "andelser": list(self.endings),
            "vikning": self.folding,
            "stoppord": sorted(self.stopwords),
            "svaga_ord": list(self.weak),
        }


class RulesError(ValueError):
    """A rules or synonym file is not as this module expects (a developer's mistake, caught by the tests)."""


def _read(path: Path) -> Any:
    return shipped.load(path)


@cache
def rules(path: Path = RULES_FILE) -> Rules:
    data = _read(path)
    try:
        endings = tuple(sorted({str(e) for e in data["ändelser"]}, key=lambda e: (-len(e), e)))
        result = Rules(
            min_stem=int(data["minsta_stam"]),
            genitive_min_stem=int(data["genitiv_minsta_stam"]),
            genitive_after=frozenset(str(data["genitiv_efter"])),
            vowels=frozenset(str(data["vokaler"])),
            endings=endings,
            folding={str(k): str(v) for k, v in data["vikning"].items()},
            stopwords=frozenset(str(w).lower() for w in data["stoppord"]),
            weak=tuple(str(w).lower() for w in data["svaga_ord"]),
        )
        if any(key.isascii() for key in result.folding):
            raise ValueError("vikning is for letters outside ASCII only: fold() and sok.js skip ASCII words")
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise RulesError(f"{path.name}: {exc!r}") from None
    return result


def words(text: str) -> list[str]:
    """The words of a text, lower-case, in order: letters and digits, split at everything else."""
    return _WORD.findall(unicodedata.normalize("NFC", text.lower()))


def fold(word: str, rules_: Rules | None = None) -> str:
    """Without accents: 'föräldrar' → 'foraldrar', 'idé' → 'ide'."""
    r = rules_ or rules()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(r.folding.get(c, c) for c in plain)


def stem(word: str, rules_: Rules | None = None) -> str:
    """The folded stem of one lower-case word (see the steps in sok/ordregler.yml)."""
    r = rules_ or rules()
    if word.isdigit() or len(word) < r.min_stem:
        return fold(word, r)
    if word.endswith("s") and len(word) - 1 >= r.genitive_min_stem and word[-2] in r.genitive_after:
        word = word[:-1]
    for ending in r.endings:
        if not word.endswith(ending):
            continue
        rest = word[: -len(ending)]
        if len(rest) >= r.min_stem and not r.vowels.isdisjoint(rest):
            word = rest
            if len(word) > r.min_stem and word[-1] == "r" and word[-2] not in r.vowels and word[-2] != "r":
                word = word[:-1]
            break
    return fold(word, r)


@cache
def _default_stem(word: str) -> str:
    return stem(word)


def iter_stems(text: str, rules_: Rules | None = None) -> Iterator[str]:
    """The stem of each word of a text that is not a stopword, in order, repeats included."""
    r = rules_ or rules()
    stem_of = _default_stem if rules_ is None else functools.partial(stem, rules_=r)
    for word in words(text):
        if word not in r.stopwords:
            yield stem_of(word)


def stems(text: str, rules_: Rules | None = None) -> list[str]:
    """The stems of a text's words, without stopwords and without repeats, in order of first appearance."""
    return list(dict.fromkeys(iter_stems(text, rules_)))


def synonym_tables(
    path: Path = SYNONYMS_FILE, rules_: Rules | None = None
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Stem → the stems it also finds, in two tables: from groups (every word finds the others; they mean the
    same) and from one-way entries (looser, so sok.js weighs them less), without what the groups already give."""
    r = rules_ or rules()
    data = _read(path)
    if not isinstance(data, dict) or set(data) - {"grupper", "ord"}:
        raise RulesError(f"{path.name}: bara grupper och ord får finnas")
    groups: dict[str, dict[str, None]] = {}
    one_way: dict[str, dict[str, None]] = {}

    def one(entry: object) -> str:
        if not isinstance(entry, str) or len(words(entry)) != 1:
            raise RulesError(f"{path.name}: {entry!r} ska vara ett enda ord")
        return stem(words(entry)[0], r)

    for group in data.get("grupper") or []:
        if not isinstance(group, list) or len(group) < 2:
            raise RulesError(f"{path.name}: en grupp ska vara en lista med minst två ord: {group!r}")
        forms = [one(w) for w in group]
        for form in forms:
            for other in forms:
                if other != form:
                    groups.setdefault(form, {})[other] = None
    for word, targets in (data.get("ord") or {}).items():
        if not isinstance(targets, list) or not targets:
            raise RulesError(f"{path.name}: {word!r} ska följas av en lista med ord")
        form = one(word)
        for target in targets:
            other = one(target)
            if other != form and other not in groups.get(form, {}):
                one_way.setdefault(form, {})[other] = None

    def plain(table: dict[str, dict[str, None]]) -> dict[str, list[str]]:
        return {form: list(others) for form, others in sorted(table.items())}

    return plain(groups), plain(one_way)


def synonyms(path: Path = SYNONYMS_FILE, rules_: Rules | None = None) -> dict[str, list[str]]:
    """Stem → every stem it also finds, from groups and one-way entries together."""
    groups, one_way = synonym_tables(path, rules_)
    merged = {form: list(others) for form, others in groups.items()}
    for form, others in one_way.items():
        merged[form] = [*merged.get(form, []), *others]
    return dict(sorted(merged.items()))

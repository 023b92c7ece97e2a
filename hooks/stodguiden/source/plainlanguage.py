"""Plain language, measured: LIX, long sentences and officialese in an offer's own texts.

LIX (läsbarhetsindex, Björnsson 1968) is the average number of words per sentence plus the percentage
of words longer than six letters. About 30 is easy text, 40 ordinary newspaper text, above 50 the
language of authorities. The texts measured are `sammanfattning` and `beskrivning` with their
Markdown taken away; headings and list items count as sentences of their own.

The limits below and the word list in `ordlistor/` are the rules; the code only applies them.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from stodguiden.base.problems import Level, Problem
from stodguiden.source import yamlsource
from stodguiden.source.schemawalk import Document, quoted, walk

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

LIX_WARNING = 40
"""Above this an offer's text gets a warning: parents should not need more than newspaper Swedish."""
LIX_STRONG_WARNING = 50
"""Above this the warning says the text is very hard: the level of an authority's letter."""
MIN_WORDS_FOR_LIX = 30
"""LIX says little about a few words; shorter texts are still checked for long sentences and words."""
LONG_WORD_LETTERS = 6
"""A word with more letters than this counts as long in LIX."""
MAX_SENTENCE_WORDS = 25
HARDEST_WORDS_SHOWN = 3
FIELDS = ("sammanfattning", "beskrivning")
DEFAULT_WORDLIST = Path(__file__).parents[1] / "ordlistor" / "krangliga-ord.yml"
SCHEMA = Path(__file__).resolve().parents[3] / "schema" / "ordlista.schema.json"
WORDLIST_FILE = "ordlista.yml"
"""A municipality's own additions to the word list, in data/ (optional)."""

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<[^<>\s]+>|\b(?:https?://|www\.)\S*[^\s.,!?;:)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPACE_BEFORE_MARK = re.compile(r"\s+([.,!?;:])")
_MARKUP = re.compile(r"[*_`]+")
_SENTENCE_END = re.compile(r"[.!?…]+[”\"’')]*(?=\s|$)")
_NEXT_CHAR = re.compile(r"\s*(\S)")
# Something that _LINK, _AUTOLINK or _MARKUP needs in a line; a line without any is left as it is,
# which saves three substitutions on most lines.
_MAYBE_MARKUP = re.compile(r"[\[<@*_`]|://|www\.")


class Sentence(NamedTuple):
    """One sentence; a named tuple rather than a frozen dataclass, which took three times as long to
    make (an offer has 50 sentences, and `check` makes them all)."""

    raw: str
    """The sentence as it stands in the text, spaces and all."""
    words: tuple[str, ...]
    line: int
    field: str

    @property
    def text(self) -> str:
        """The sentence as a message shows it, on one line. Made only when asked for: only the
        sentences a warning quotes need it."""
        written = " ".join(self.raw.split())
        return _SPACE_BEFORE_MARK.sub(r"\1", written) if _SPACE_BEFORE_MARK.search(written) else written


@dataclass(frozen=True)
class Readability:
    sentences: tuple[Sentence, ...]

    @property
    def words(self) -> list[str]:
        return [word for sentence in self.sentences for word in sentence.words]

    @property
    def lix(self) -> int | None:
        """LIX rounded to a whole number, or None when there are too few words to say anything."""
        words = self.words
        if len(words) < MIN_WORDS_FOR_LIX:
            return None
        long_words = len([w for w in words if len(w) > LONG_WORD_LETTERS])
        return round(len(words) / len(self.sentences) + 100 * long_words / len(words))

    def longest_sentences(self, count: int) -> list[Sentence]:
        return sorted(self.sentences, key=lambda s: -len(s.words))[:count]

    def hardest_words(self, count: int = HARDEST_WORDS_SHOWN) -> list[str]:
        """The longest words, each once, as first written; the first used wins a tie."""
        unique: dict[str, str] = {}
        for word in self.words:
            if len(word) > LONG_WORD_LETTERS:
                unique.setdefault(word.lower(), word)
        return sorted(unique.values(), key=len, reverse=True)[:count]


@dataclass(frozen=True)
class Officialese:
    """The word list: every form (lower case) -> (base form, plainer word); matched as whole words."""

    forms: Mapping[str, tuple[str, str]]
    pattern: re.Pattern[str] | None
    substrings: re.Pattern[str] | None = None
    """Finds any form in lower-case text, any run of spaces and line breaks standing for a space (see
    `_any_of`), for `_may_occur`."""

    def _may_occur(self, text: str) -> bool:
        """False when no form is even a substring of `text`: then the slower pattern is not needed."""
        if self.substrings is not None:
            return self.substrings.search(text.lower()) is not None
        lower = " ".join(text.lower().split())
        return any(map(lower.__contains__, self.forms))

    @classmethod
    def of(cls, entries: Mapping[str, tuple[str, tuple[str, ...]]]) -> Officialese:
        forms: dict[str, tuple[str, str]] = {}
        for base, (plainer, others) in entries.items():
            for form in (base, *others):
                forms[_normal(form)] = (base, plainer)
        if not forms:
            return cls(forms, None)
        # A tree of letters like `_any_of`'s, but of whole words: where a form goes on ("äger rum" after "äger"),
        # the longer form is tried first.
        whole = _tree_pattern(forms, whole_words=True)
        return cls(forms, re.compile(rf"(?<![\w-])(?:{whole})(?![\w-])", re.IGNORECASE), _any_of(forms))

    def find(self, text: str) -> Iterator[tuple[int, str, str, str]]:
        """(offset, form as written, base form, plainer word) for each hit in `text`."""
        if self.pattern is None:
            return
        if not self._may_occur(text):
            return
        for match in self.pattern.finditer(text):
            base, plainer = self.forms[_normal(match.group(0))]
            yield match.start(), match.group(0), base, plainer


def _any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A regular expression that finds any of `words` as a substring, written as a tree of their
    letters ("d(?:elge|ylik)" for delge, delger, dylik and dylika): the engine then stops only where
    a word can begin, which is three times as fast as testing each word with `in`. A word that starts
    with a shorter one is left out, since the shorter one is found wherever the longer one is. A space
    in a word stands for any run of spaces and line breaks."""
    return re.compile(_tree_pattern(words, whole_words=False))


def _tree_pattern(words: Iterable[str], whole_words: bool) -> str:
    """The alternatives of a tree of the words' letters. With `whole_words`, a word that another goes on
    from is kept, as the last alternative where it ends; without, only the shorter word is."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branches(node: dict[str, Any]) -> str:
        ends = "" in node
        if ends and not whole_words:  # a whole word ends here
            return ""
        alternatives = [
            (r"\s+" if char == " " else re.escape(char)) + branches(rest) for char, rest in sorted(node.items()) if char
        ]
        if ends:
            alternatives.append("")  # tried last: a longer word wins
        if not alternatives:
            return "(?!)"  # no words: nothing to find
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return branches(tree)


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def field_lines(doc: Document, field: str) -> list[tuple[int, str]]:
    """The text of a field as (line in the file, text) pairs.

    In a `|` block every line of the text is a line of the file; any other way of writing a text
    is measured line by line too, but all its problems are named at the field's own line.
    """
    value = doc.data.get(field) if isinstance(doc.data, dict) else None
    value = doc.too_long.get((field,), value)  # a text too long to publish is still worth advice
    if not isinstance(value, str):
        return []
    start = doc.blocks.get((field,))
    if start is None:
        line = doc.line(field)
        return [(line, part) for part in value.split("\n")]
    return [(start + index, part) for index, part in enumerate(value.split("\n"))]


def sentences(lines: list[tuple[int, str]], field: str) -> list[Sentence]:
    """The sentences of a Markdown text; a blank line, heading or list item always ends one."""
    result: list[Sentence] = []
    pieces: list[tuple[int, str]] = []

    def flush() -> None:
        result.extend(_split(pieces, field))
        pieces.clear()

    for line, raw in lines:
        text = _QUOTE.sub("", raw) if ">" in raw else raw
        if not text.strip():
            flush()
            continue
        heading = _HEADING.match(text)
        start = heading or _LIST_ITEM.match(text)
        if start:
            flush()
            text = start.group(1)
        if _MAYBE_MARKUP.search(text):
            text = _MARKUP.sub("", _AUTOLINK.sub(" ", _LINK.sub(r"\1", text)))
        pieces.append((line, text))
        if heading:
            flush()
    flush()
    return result


def _split(pieces: list[tuple[int, str]], field: str) -> list[Sentence]:
    """Sentences in one block of text. A full stop ends a sentence only before a capital letter or
    the end, so "t.ex. barn" and "kl. 18" stay inside theirs."""
    if not pieces:
        return []
    text = ""
    offsets: list[int] = []  # where each line's text starts in `text`
    lines: list[int] = []
    for line, part in pieces:
        offsets.append(len(text))
        lines.append(line)
        text += part.strip() + " "
    result: list[Sentence] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        following = _NEXT_CHAR.match(text, end)  # the next character that is not a space
        if following and not following.group(1).isupper():
            continue
        _sentence(text, begin, end, offsets, lines, field, result)
        begin = end
    _sentence(text, begin, len(text), offsets, lines, field, result)
    return result


def _sentence(
    text: str, begin: int, end: int, offsets: list[int], lines: list[int], field: str, result: list[Sentence]
) -> None:
    chunk = text[begin:end]
    words = tuple(_WORD.findall(chunk))
    if not words:
        return
    first = begin + (len(chunk) - len(chunk.lstrip()))
    line = lines[bisect_right(offsets, first) - 1] if len(lines) > 1 else lines[0]
    result.append(Sentence(chunk, words, line, field))


def measure(doc: Document) -> Readability:
    return Readability(tuple(s for field in FIELDS for s in sentences(field_lines(doc, field), field)))


def check(doc: Document, words: Officialese) -> list[Problem]:
    """Plain-language warnings for one offer document."""
    problems: list[Problem] = []

    def warn(line: int, message: str, rule: str, word: str | None = None) -> None:
        problems.append(Problem(doc.path, line, message, Level.WARNING, rule, word))

    readability = measure(doc)
    lix = readability.lix
    if lix is not None and lix > LIX_WARNING:
        fields = list(dict.fromkeys(s.field for s in readability.sentences))
        strong = lix > LIX_STRONG_WARNING
        longest = readability.longest_sentences(2 if strong else 1)
        named = " och ".join(f"{quoted(s.text, 70)} ({len(s.words)} ord)" for s in longest)
        hardest = readability.hardest_words()
        warn(
            doc.line(fields[-1]),
            f"Texten i {' och '.join(fields)} är {'mycket svår' if strong else 'svår'} att läsa: "
            f"LIX {lix}, men bra är högst {LIX_WARNING}. Skriv kortare meningar och vanligare ord. "
            f"Längst {'är meningarna' if len(longest) > 1 else 'är meningen'} {named}."
            + (f" Långa ord: {', '.join(hardest)}." if hardest else ""),
            "lix",
        )
    for sentence in readability.sentences:
        if len(sentence.words) > MAX_SENTENCE_WORDS:
            warn(
                sentence.line,
                f"En mening i {sentence.field} har {len(sentence.words)} ord: "
                f"{quoted(sentence.text, 70)}. Dela den, så att varje mening har högst {MAX_SENTENCE_WORDS} ord.",
                "lång-mening",
            )
    for field in FIELDS:
        seen: set[str] = set()
        lines = field_lines(doc, field)
        # The whole text at once, so that "i syfte\natt" over two lines is found too.
        text = "\n".join(part for _, part in lines)
        for offset, written, base, plainer in words.find(text):
            if base in seen:
                continue
            seen.add(base)
            line = lines[text.count("\n", 0, offset)][0]
            written = " ".join(written.split())
            kind = "Uttrycket" if " " in base else "Ordet"
            origin = "" if _normal(written) == base else f" (av {quoted(base)})"
            advice = f"en form av {quoted(plainer)}" if origin and " " not in plainer else quoted(plainer)
            warn(
                line,
                f"{kind} {quoted(written)}{origin} i {field} är krångligt. Skriv hellre {advice}.",
                "krångligt-ord",
                base,
            )
    return problems


def wordlist_entries(doc: Document) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The entries of a checked word-list document: base form -> (plainer word, other forms)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    return {
        _normal(base): (entry["enklare"], tuple(entry.get("former", ())))
        for base, entry in data.items()
        if isinstance(entry, dict) and "enklare" in entry
    }


def read_wordlist(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """A word-list file, checked against its schema and for words written so that they can be found."""
    source, problems = yamlsource.read(path, display)
    if source is None:
        return None, problems
    doc, found = walk(source, _schema())
    problems += found
    for base in doc.data if isinstance(doc.data, dict) else {}:
        if not _WORD.search(base) or base != _normal(base):
            problems.append(
                Problem(
                    display,
                    doc.line(base),
                    f"Ordet {quoted(base)} ska skrivas med små "
                    "bokstäver och ett mellanslag mellan orden, till exempel ”i syfte att”.",
                )
            )
    return doc, problems


@cache
def _schema() -> dict[str, Any]:
    result: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return result


@cache
def default_entries() -> dict[str, tuple[str, tuple[str, ...]]]:
    """The word list that comes with Stödguiden; a problem in it is a bug in Stödguiden, not in data/."""
    doc, problems = read_wordlist(DEFAULT_WORDLIST, str(DEFAULT_WORDLIST))
    if doc is None or problems:
        raise ValueError("\n".join(str(p) for p in problems))
    return wordlist_entries(doc)


def officialese(extra: Document | None = None) -> Officialese:
    """The default word list, with a municipality's own words added (theirs win on the same word)."""
    return _officialese(tuple(wordlist_entries(extra).items()) if extra is not None else ())


@cache
def _officialese(extra: tuple[tuple[str, tuple[str, tuple[str, ...]]], ...]) -> Officialese:
    return Officialese.of({**default_entries(), **dict(extra)})

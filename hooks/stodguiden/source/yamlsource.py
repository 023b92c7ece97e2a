"""Reading one editor YAML file safely into a node tree with line numbers, or Swedish problems.

Only the node tree is built (`yaml.compose`): no YAML tag can construct Python objects, and
values are turned into data later, guided by the JSON Schema (see `schemawalk`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import yaml

from stodguiden.base.problems import Problem

if TYPE_CHECKING:
    from pathlib import Path

MAX_FILE_BYTES = 256 * 1024
"""Larger files are refused: no real offer is this long, and it bounds the work per file."""

_TAB_MESSAGE = "Här finns ett tabbtecken. Använd mellanslag, inte tabb, för att dra in rader."
_SEVERAL_DOCUMENTS = "Filen innehåller flera delar åtskilda av ---. Ett erbjudande ska stå i en egen fil."
"""Not read further: what follows the --- is another offer, whose fields would be reported as repeated."""
# PyYAML's own wording, mapped to plain Swedish advice. Matched as substrings of `problem` and
# `context`; True means the line to name is where the unfinished thing began (the context).
_YAML_MESSAGES: tuple[tuple[str, str, bool], ...] = (
    (
        "found character '\\t' that cannot start any token",
        _TAB_MESSAGE,
        False,
    ),
    (
        "found a tab character",
        _TAB_MESSAGE,
        False,
    ),
    (
        "mapping values are not allowed here",
        "Ett kolon (:) står där det inte får stå. Sätt texten inom citattecken om den innehåller "
        "kolon och mellanslag, eller kontrollera att raden är indragen som raderna ovanför.",
        False,
    ),
    (
        "could not find expected ':'",
        "Här saknas ett kolon efter fältets namn, eller så är raden indragen fel.",
        True,
    ),
    (
        "while scanning a quoted scalar",
        "Texten som börjar med ett citattecken här har inget citattecken som avslutar den. Sätt ett "
        "likadant citattecken (\" eller ') sist i texten.",
        True,
    ),
    (
        "found unexpected end of stream",
        "Filen tar slut mitt i en text. Kontrollera att varje citattecken (\" eller ') har ett som avslutar det.",
        False,
    ),
    (
        "expected ',' or ']'",
        "Listan inom hakparenteser som börjar här saknar ett ] på slutet, eller ett kommatecken mellan "
        "två värden. Skriv till exempel [grupper, kurser].",
        True,
    ),
    (
        "expected ',' or '}'",
        "Gruppen inom klammerparenteser som börjar här saknar ett } på slutet, eller ett kommatecken "
        "mellan två fält. Skriv till exempel {från: 3, till: 11}.",
        True,
    ),
    (
        "expected <block end>, but found '-'",
        "En rad som börjar med ”- ” står där den inte får stå. Dra in listan under fältets namn, som "
        "raderna i listan ovanför.",
        False,
    ),
    (
        "expected <block end>",
        "Raden är indragen fel. Fält i samma grupp ska börja exakt lika långt in som raderna ovanför.",
        False,
    ),
    (
        "did not find expected key",
        "Raden är indragen fel eller börjar med ett tecken som inte får stå först. Jämför med "
        "raderna ovanför och sätt texten inom citattecken om den börjar med till exempel [ eller {.",
        False,
    ),
    (
        "did not find expected '-' indicator",
        "Raden är indragen fel i en lista. Varje rad i listan ska börja med '- ' på samma indrag.",
        False,
    ),
    (
        "found undefined alias",
        "En text får inte börja med * (det betyder en hänvisning i YAML). Sätt texten inom citattecken.",
        False,
    ),
    ("expected a single document", _SEVERAL_DOCUMENTS, False),
)
# Characters YAML refuses in a file, or silently reads as line breaks; NUL is refused as binary.
_HIDDEN_IN_FILE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_CANNOT_START = re.compile(r"found character '(.)' that cannot start any token")
# Spaces that look like a space but are not one to YAML, and so break the indentation they stand in.
_ODD_SPACES = {
    "\u00a0": "ett hårt mellanslag",
    "\u2007": "ett siffermellanslag",
    "\u202f": "ett smalt hårt mellanslag",
    "\u2002": "ett brett mellanslag",
    "\u2003": "ett brett mellanslag",
    "\u2009": "ett smalt mellanslag",
    "\u3000": "ett brett mellanslag",
    "\u200b": "ett osynligt mellanrum",
    "\ufeff": "ett osynligt tecken",
}
_INDENT = re.compile("^[ \t" + "".join(_ODD_SPACES) + "]+")
MAX_REPAIRS = 20
"""A file with more YAML mistakes than this is reported with the first ones only."""
_YAML_FALLBACK = (
    "Filen går inte att läsa som YAML. Kontrollera indrag, kolon och citattecken på raden eller raden ovanför."
)


class AliasNode(yaml.Node):
    """Where the file refers to an anchor (`*name`): kept as its own node with its own line.

    PyYAML hands back the anchored node itself, so the place of the `*` would be lost and a
    checker that followed it could walk the same nodes again and again ("billion laughs").
    """

    id = "alias"

    def __init__(self, target: yaml.Node, start_mark: yaml.Mark, end_mark: yaml.Mark) -> None:
        super().__init__(target.tag, target, start_mark, end_mark)


class _AliasKeeping(yaml.composer.Composer):
    if TYPE_CHECKING:  # given by the parser that a loader puts beside this composer

        def check_event(self, *choices: object) -> bool: ...
        def peek_event(self) -> yaml.Event: ...

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            target = super().compose_node(parent, index)
            assert target is not None  # an alias names a node composed before it, or PyYAML raises
            # libyaml's events carry its own Mark class, with the same attributes as PyYAML's.
            return AliasNode(target, cast("yaml.Mark", event.start_mark), cast("yaml.Mark", event.end_mark))
        return super().compose_node(parent, index)


class _Loader(_AliasKeeping, yaml.SafeLoader):
    pass


if yaml.__with_libyaml__:
    from yaml._yaml import CParser  # the C parser itself, which yaml.cyaml uses but does not export

    class _FastLoader(
        _AliasKeeping,
        CParser,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        """libyaml's scanner and parser in C with the same composer as `_Loader`: five times faster.

        Its error messages differ from PyYAML's, so a file it refuses is read again by `_Loader`,
        whose messages `_YAML_MESSAGES` translates.
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        def get_event(self) -> yaml.Event | None:
            event = CParser.get_event(self)
            if isinstance(event, yaml.ScalarEvent) and event.style == "":
                event.style = None  # libyaml's plain style is "", PyYAML's is None
            return event

    class _CLoader(CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """`yaml.CSafeLoader` whose resolver remembers the tag of each plain scalar it has seen.

        libyaml composes the whole tree in C but asks this Python resolver for every node's tag; with
        no path resolvers (`Resolver` has none) the tag of a plain scalar depends only on its text, and
        every other node gets its kind's default tag. Field names and short values come back in every
        file, so most answers are one dictionary lookup instead of a list of regular expressions.
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
            if kind is not yaml.ScalarNode or not implicit[0]:
                return _DEFAULT_TAGS[kind]
            remembered = _PLAIN_TAGS.get(value)
            if remembered is not None:
                return remembered
            # The stubs leave Resolver.resolve unannotated; it returns the tag as text.
            tag: str = yaml.resolver.Resolver.resolve(self, kind, value, implicit)  # type: ignore[no-untyped-call]
            if len(value) <= _REMEMBERED_LENGTH and len(_PLAIN_TAGS) < _REMEMBERED_COUNT:
                _PLAIN_TAGS[value] = tag
            return tag

        def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
            pass  # no path resolvers: nothing to follow (PyYAML's own returns at once, a bit slower)

        def ascend_resolver(self) -> None:
            pass

    _LOADERS: tuple[type, ...] = (_FastLoader, _Loader)
    # Only while PyYAML's Resolver has no path resolvers, which would make tags depend on the place.
    _C_LOADER: type | None = _CLoader if not yaml.resolver.Resolver.yaml_path_resolvers else yaml.cyaml.CSafeLoader
else:  # PyYAML without libyaml: correct, only slower
    _LOADERS = (_Loader,)
    _C_LOADER = None

_DEFAULT_TAGS = {
    yaml.ScalarNode: yaml.resolver.Resolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: yaml.resolver.Resolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: yaml.resolver.Resolver.DEFAULT_MAPPING_TAG,
}
_PLAIN_TAGS: dict[str, str] = {}
"""Plain scalar text -> its tag, filled by `_CLoader.resolve`; bounded by the two limits below."""
_REMEMBERED_LENGTH = 40
_REMEMBERED_COUNT = 20_000


@dataclass(frozen=True)
class Source:
    """A file's node tree; `node` is None when the file holds no data at all.

    A plain scalar (no quotes, no `|` or `>`) has the style None or "" (libyaml's, kept as it is: changing it
    in every node took 3 % of the check's time): test for one with `not node.style`."""

    path: str
    node: yaml.Node | None
    skipped: frozenset[int] = frozenset()
    """Lines left out (as if empty) to read the rest of a file with a YAML mistake; their mistake is reported."""


def read(file: Path, display_path: str) -> tuple[Source | None, list[Problem]]:
    """Read and compose one YAML file; on any problem return None and the problems."""
    try:
        with file.open("rb") as stream:
            # Never more than one byte over the limit: a huge file is refused without reading it all.
            # Asking for the size first means a buffer of that size, not of the limit, for each file.
            known = os.fstat(stream.fileno()).st_size
            raw = stream.read(min(known, MAX_FILE_BYTES) + 1)
            if len(raw) > known:  # the file has grown, or the system does not know its size
                raw += stream.read(MAX_FILE_BYTES + 1 - len(raw))
            size = max(len(raw), known)
    except OSError:
        return None, [Problem(display_path, 1, "Filen går inte att läsa. Kontrollera att den finns och inte är låst.")]
    text, problem = decode(raw, display_path, size)
    if problem:
        return None, [problem]
    assert text is not None
    return read_text(text, display_path)


def read_text(text: str, display_path: str) -> tuple[Source | None, list[Problem]]:
    """Compose a file's text. A YAML mistake is reported and its line (with the lines indented under it)
    left out, and the rest is read again, so one mistake does not hide the file's other problems."""
    text, problems = _indentation(text, display_path)
    lines: list[str] | None = None  # split only when a line must be left out: most files are read at once
    skipped: set[int] = set()
    for _ in range(MAX_REPAIRS):
        try:
            node = compose(text if lines is None else "\n".join(lines))
        except yaml.MarkedYAMLError as exc:
            problem = _yaml_problem(exc, display_path)
        except yaml.YAMLError:
            problem = Problem(display_path, 1, _YAML_FALLBACK)
        else:
            if node is None and skipped:  # nothing left to read but the mistake already reported
                break
            return Source(display_path, node, frozenset(skipped)), problems
        # A mistake on a line already reported (a tab there) is the same mistake: one line, one message.
        if all(p.line != problem.line for p in problems):
            problems.append(problem)
        if lines is None:
            lines = text.split("\n")
        if problem.message == _SEVERAL_DOCUMENTS or not _skip(lines, problem.line, skipped):
            break
    return None, problems


def _indentation(text: str, display_path: str) -> tuple[str, list[Problem]]:
    """Tabs and look-alike spaces in the indentation of lines: each line reported, and read as spaces."""
    if "\t" not in text and not any(space in text for space in _ODD_SPACES):
        return text, []
    problems: list[Problem] = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        leading = _INDENT.match(line)
        if leading is None or leading.group(0).strip(" ") == "":
            continue
        found = leading.group(0)
        odd = next((c for c in found if c in _ODD_SPACES), None)
        if odd is not None:
            problems.append(
                Problem(
                    display_path,
                    number,
                    f"Raden är indragen med {_ODD_SPACES[odd]} (U+{ord(odd):04X}), som ser ut som ett vanligt "
                    "mellanslag men inte är det. Ta bort indraget och skriv det igen med mellanslagstangenten.",
                )
            )
        else:
            problems.append(Problem(display_path, number, _TAB_MESSAGE))
        # A tab most often stands for one step of indentation, which is two spaces in these files; never
        # deeper than the line above unless that line opens a group (ends with a colon).
        indent = found.replace("\t", "  ").translate(_AS_SPACE)
        above = next((lines[i] for i in range(number - 2, -1, -1) if lines[i].strip()), "")
        if not above.split(" #")[0].rstrip().endswith(":"):
            # as deep as the line above's own fields: after its "- " when it is a list item
            content = re.match(r"[ ]*(?:-[ ]+)*", above)
            indent = indent[: content.end() if content else 0]
        lines[number - 1] = indent + line[len(found) :]
    return "\n".join(lines), problems


_AS_SPACE = str.maketrans(dict.fromkeys(_ODD_SPACES, " "))


def _skip(lines: list[str], line: int, skipped: set[int]) -> bool:
    """Leave out `line` (1-based) and the lines indented under it; False if there was nothing to leave out."""
    index = line - 1
    if index >= len(lines) or not lines[index].strip():
        return False
    depth = len(lines[index]) - len(lines[index].lstrip())
    lines[index] = ""
    skipped.add(line)
    for following in range(index + 1, len(lines)):
        content = lines[following]
        if content.strip() and not content.lstrip().startswith("#"):
            if len(content) - len(content.lstrip()) <= depth:
                break
            lines[following] = ""
            skipped.add(following + 1)
    return True


# Where an anchor (&name) or alias (*name) could begin: at the start of a token (the start of the
# text, or after a space, [, {, comma or colon). Without one, the file can be composed all in C,
# which keeps checking a thousand offers fast. Written to start with [&*] (the lookbehind then
# checks the character before it) so that the search only stops at those two characters.
_MAYBE_ANCHOR_OR_ALIAS = re.compile(r"[&*](?<![^\s\[{,:][&*])[^\s*&]")


def _may_have_anchor_or_alias(text: str) -> bool:
    return ("&" in text or "*" in text) and _MAYBE_ANCHOR_OR_ALIAS.search(text) is not None


def compose(text: str) -> yaml.Node | None:
    """The node tree of a text, or a `yaml.YAMLError` with PyYAML's own wording."""
    try:
        if _C_LOADER is not None and not _may_have_anchor_or_alias(text):
            return yaml.compose(text, Loader=_C_LOADER)
        return yaml.compose(text, Loader=_LOADERS[0])
    except yaml.YAMLError:
        if len(_LOADERS) == 1:
            raise
    # The slower loader either finds the same mistake and explains it, or (if libyaml alone
    # refused the file) reads it: both readers then agree on what a file means.
    return yaml.compose(text, Loader=_Loader)


def decode(raw: bytes, display_path: str, size: int | None = None) -> tuple[str | None, Problem | None]:
    """Bytes to text: UTF-8 only (with or without byte-order mark), no binary, bounded size.

    `size` is the whole file's size when `raw` is only its beginning.
    """
    size = len(raw) if size is None else size
    if size > MAX_FILE_BYTES:
        return None, Problem(
            display_path,
            1,
            f"Filen är för stor ({size // 1024} kB). En fil får vara högst "
            f"{MAX_FILE_BYTES // 1024} kB. Korta texterna eller dela upp erbjudandet.",
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(raw):
        return None, Problem(
            display_path,
            1,
            "Filen är sparad som UTF-16. Spara den som UTF-8 (i VS Code: klicka på "
            "UTF-16 längst ner och välj Save with Encoding, UTF-8).",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw:
        return None, Problem(
            display_path,
            raw[: raw.index(b"\x00")].count(b"\n") + 1,
            "Filen innehåller binära data och är inte en textfil. Spara den som vanlig text (UTF-8).",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Problem(
            display_path,
            line,
            "Filen är inte sparad som UTF-8 (å, ä och ö blir fel). Spara den som UTF-8 "
            "(i VS Code: klicka på teckenkodningen längst ner och välj Save with Encoding, UTF-8).",
        )
    hidden = _HIDDEN_IN_FILE.search(text)
    if hidden:
        char = hidden.group(0)
        before = text[: hidden.start()]
        what = "ett osynligt radbyte" if char in "\x85\u2028\u2029" else "ett styrtecken"
        return None, Problem(
            display_path,
            before.count("\n") + 1,
            f"Raden innehåller ett osynligt tecken (U+{ord(char):04X}, som är {what}) vid tecken nr "
            f"{hidden.start() - before.rfind(chr(10))}. Ta bort det; skriv gärna om texten för hand om den "
            "är inklistrad.",
        )
    return text, None


def _looks_like_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: most odd (or even) bytes are zero, almost no others are."""
    if len(raw) < 4 or len(raw) % 2:
        return False
    half = len(raw) // 2
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    return max(even, odd) > half // 2 and min(even, odd) < half // 10


def _yaml_problem(exc: yaml.MarkedYAMLError, display_path: str) -> Problem:
    found = f"{exc.problem or ''} {exc.context or ''}"
    for needle, message, at_context in _YAML_MESSAGES:
        if needle in found:
            return Problem(display_path, _line(exc, at_context), message)
    char = _CANNOT_START.search(found)
    if char:
        return Problem(
            display_path,
            _line(exc, False),
            f"En text får inte börja med {char.group(1)}. Sätt texten inom citattecken.",
        )
    return Problem(display_path, _line(exc, False), _YAML_FALLBACK)


def _line(exc: yaml.MarkedYAMLError, at_context: bool) -> int:
    marks = (exc.context_mark, exc.problem_mark) if at_context else (exc.problem_mark, exc.context_mark)
    mark = marks[0] or marks[1]
    return mark.line + 1 if mark else 1

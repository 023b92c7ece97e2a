"""Turn a YAML node tree into plain data, checked against the project's JSON Schemas.

The JSON Schemas in `schema/` are the one statement of the data contract: VS Code reads them for
completion, and this module enforces them with Swedish messages that name the line. It interprets
the small subset of JSON Schema the project uses (`SUPPORTED_KEYWORDS`); a test fails if a schema
uses anything else, so no rule in a schema can go unenforced.

Scalars are read from the text the editor wrote, guided by the schema, not by YAML's own typing:
`telefon: 0123456` stays the text "0123456", `titel: ja` stays "ja", and `tid: 18:00` is not turned
into a number of minutes.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import SplitResult, urlsplit

import yaml

from stodguiden.base.problems import Problem
from stodguiden.source.yamlsource import AliasNode, Source

LISTED_FIELDS_AT_MOST = 12
"""An unknown field's message lists the fields allowed in its place up to this many; an offer's 28 would
hide the message itself, so beyond it the message points to the guide's field reference."""
Pointer = tuple[str | int, ...]

SUPPORTED_KEYWORDS = frozenset(
    {
        # structure and rules, enforced here
        "type",
        "properties",
        "required",
        "additionalProperties",
        "propertyNames",
        "items",
        "minItems",
        "uniqueItems",
        "minProperties",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "enum",
        "pattern",
        "format",
        # documentation and editor help, no effect on validation
        "$schema",
        "$id",
        "title",
        "description",
        "examples",
        "default",
        "errorMessage",
        # a key from a vocabulary file: checked against the file's keys by source/offers, whose message
        # names the nearest key, so the walker leaves its pattern (for VS Code) to that rule
        "x-nyckel-i",
        # a value checked by the rule of that name in source/offers, whose message names the nearest
        # value (veckodag: a day or a range of days); the walker leaves its pattern to that rule
        "x-regel",
    }
)

_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
# Invisible characters that can hide or reorder text (Trojan Source style) or break layout.
_FORBIDDEN_CHARS = {
    **{chr(c): "styr skrivriktningen" for c in range(0x202A, 0x202F)},
    **{chr(c): "styr skrivriktningen" for c in range(0x2066, 0x206A)},
    "\u200b": "är ett osynligt mellanrum",
    "\u2060": "är ett osynligt tecken",
    "\ufeff": "är ett osynligt tecken",
}
# The first character that is forbidden, or a control character (Unicode category Cc) other than
# line feed and tab; Cc is exactly U+0000–U+001F and U+007F–U+009F.
_BAD_CHAR = re.compile("[" + "".join(map(re.escape, _FORBIDDEN_CHARS)) + "\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Letters that Unicode does not split into a base letter and a mark.
_LETTERS_WITHOUT_DIACRITICS = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "þ": "th"})
# A whole value inside quotes a word processor made (“ ” ‘ ’ „ » « › ‹): YAML reads only " and ' as quotes.
_TYPOGRAPHIC_QUOTES = re.compile(r"^\s*[“”„‘’‚»«›‹].*[“”„‘’‚»«›‹]\s*$", re.DOTALL)
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_INT_RE = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL_RE = re.compile(r"^([0-9]+)[.,][0-9]+$")
# Characters that RFC 3986 never allows in a URL, even encoded pages do not need them (å, ä, ö are fine).
_URL_FORBIDDEN = re.compile(r"[\s\"<>\\^`{|}]")
_BOOL_WORDS = {"true": True, "false": False}
_YAML11_BOOL_WORDS = {"ja", "nej", "yes", "no", "on", "off", "y", "n", "sant", "falskt"}


_VALID_SCALARS: dict[tuple[int, str, str | None, str], tuple[dict[str, Any], Any]] = {}
"""(id of a schema, tag, style, text) of a scalar found valid -> (that schema, its value); see `_Walker.value`."""
_VALID_SCALARS_AT_MOST = 50_000


@dataclass
class Document:
    """A file's data with the line of every value, so later rules can name the line too."""

    path: str
    data: Any
    lines: dict[Pointer, int] = field(default_factory=dict)
    complete: bool = True
    """False when the schema check found an error: invalid values are then left out of `data`."""
    flagged: frozenset[Pointer] = frozenset()
    """Where the schema check found errors, so later rules can keep quiet about the same place."""
    blocks: dict[Pointer, int] = field(default_factory=dict)
    too_long: dict[Pointer, str] = field(default_factory=dict)
    """Texts refused only for their length, so that plain-language advice on them is not held back."""
    """For a text written as a `|` block: the line of its first line, so a rule can name a line inside."""

    def clean(self, *pointer: str | int) -> bool:
        """True if the schema check found nothing wrong at or under `pointer`."""
        size = len(pointer)
        return not any(flag[:size] == pointer for flag in self.flagged)

    def line(self, *pointer: str | int) -> int:
        """The line of the value at `pointer`, or of its nearest ancestor that has one."""
        ptr: Pointer = tuple(pointer)
        while ptr:
            if ptr in self.lines:
                return self.lines[ptr]
            ptr = ptr[:-1]
        return self.lines.get((), 1)

    def line_of_text(self, needle: str, *pointer: str | int) -> int:
        """The line where `needle` stands inside a `|` block at `pointer` (for example a link in
        `beskrivning`); for text written any other way, the line of the value itself."""
        start = self.blocks.get(tuple(pointer))
        value = self.value(*pointer)
        if start is not None and needle and isinstance(value, str):
            for index, part in enumerate(value.split("\n")):
                if needle in part:
                    return start + index
        return self.line(*pointer)

    def value(self, *pointer: str | int) -> Any:
        """The value at `pointer`, or None."""
        current = self.data
        for step in pointer:
            try:
                current = current[step]
            except (KeyError, IndexError, TypeError):
                return None
        return current


@functools.lru_cache(maxsize=4096)  # every file has the same fields: computed once, not per value
def field_name(pointer: Pointer) -> str:
    """A Swedish name for a place in the data: ('omgångar', 1, 'start') -> 'start i omgångar nr 2'."""
    if not pointer:
        return "filen"
    *parents, last = pointer
    if isinstance(last, int):
        head = f"{field_name(tuple(parents))} nr {last + 1}"
        return head
    if not parents:
        return str(last)
    return f"{last} i {field_name(tuple(parents))}"


def quoted(value: object, limit: int = 60) -> str:
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"”{text}”"


def suggest(word: str, choices: list[str]) -> str | None:
    """The nearest valid word, for 'did you mean' hints; None when nothing is close."""
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not match:
        folded = {_fold(c): c for c in choices}
        match = difflib.get_close_matches(_fold(word), list(folded), n=1, cutoff=0.6)
        return folded[match[0]] if match else None
    return match[0]


def _fold(text: str) -> str:
    """Lower case without diacritics, so 'alder' finds 'ålder'."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LETTERS_WITHOUT_DIACRITICS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def walk(source: Source, schema: dict[str, Any]) -> tuple[Document, list[Problem]]:
    """Check `source` against `schema`; return its data (invalid parts left out) and problems."""
    walker = _Walker(source.path, source.skipped)
    if source.node is None:
        walker.problem(
            (),
            1,
            "Filen har inga uppgifter: den är tom eller har bara kommentarer (rader som "
            "börjar med #). Skriv in uppgifterna, eller ta bort filen.",
        )
        return Document(source.path, None, walker.lines, complete=False), walker.problems
    walker.lines[()] = source.node.start_mark.line + 1
    data = walker.value(source.node, schema, ())
    document = Document(
        source.path,
        data,
        walker.lines,
        complete=not walker.problems and not source.skipped,
        flagged=frozenset(walker.flagged),
        blocks=walker.blocks,
        too_long=walker.too_long,
    )
    return document, walker.problems


class _Walker:
    def __init__(self, path: str, skipped: frozenset[int] = frozenset()) -> None:
        self.path = path
        self.skipped = skipped
        """Lines left out because of a YAML mistake (see yamlsource.read_text), 1-based."""
        self.problems: list[Problem] = []
        self.lines: dict[Pointer, int] = {}
        self.blocks: dict[Pointer, int] = {}
        self.too_long: dict[Pointer, str] = {}
        self.flagged: set[Pointer] = set()
        self._seen: set[int] = set()

    def problem(self, pointer: Pointer, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))
        self.flagged.add(pointer)

    # The value is returned as None when it is invalid, and left out by the caller.
    def value(self, node: yaml.Node, schema: dict[str, Any], ptr: Pointer) -> Any:
        line = node.start_mark.line + 1
        self.lines.setdefault(ptr, line)
        # An alias is never followed: that keeps "billion laughs" files cheap, and each value visible.
        if isinstance(node, AliasNode) or id(node) in self._seen:
            self.problem(
                ptr,
                line,
                f"{_cap(field_name(ptr))} använder en hänvisning (& och *). Skriv ut värdet på varje ställe i stället.",
            )
            return None
        self._seen.add(id(node))
        # Most values come back in file after file (a kind, a status, a language, true): a text or number
        # found valid under a schema is valid again, with the same value, wherever it stands under it.
        if type(node) is yaml.ScalarNode and node.style != "|":
            key = (id(schema), node.tag, node.style, node.value)
            known = _VALID_SCALARS.get(key)
            if known is not None and known[0] is schema:
                return known[1]
            found_before = len(self.problems)
            converted = self._value(node, schema, ptr, line)
            if converted is not None and len(self.problems) == found_before:
                if len(_VALID_SCALARS) >= _VALID_SCALARS_AT_MOST:
                    _VALID_SCALARS.clear()
                # The schema itself is kept with the value: while it is kept, no other dict can have its id.
                _VALID_SCALARS[key] = (schema, converted)
            return converted
        return self._value(node, schema, ptr, line)

    def _value(self, node: yaml.Node, schema: dict[str, Any], ptr: Pointer, line: int) -> Any:
        # A plain `<<` as a value resolves to the merge tag; it is just the text "<<" there.
        if node.tag not in _CORE_TAGS and not (isinstance(node, yaml.ScalarNode) and node.tag == _MERGE_TAG):
            self.problem(
                ptr,
                line,
                f"{_cap(field_name(ptr))} har en YAML-tagg ({_tag(node.tag)}) som inte är "
                "tillåten. Ta bort taggen (ordet som börjar med !).",
            )
            return None
        kind = schema.get("type")
        if isinstance(kind, list) and "array" in kind:
            kind, schema = _list_or_single(node, kind, schema)
        if isinstance(kind, list):  # `träffar`: 8 or 6–8
            schema = {**schema, "type": self.integer_or_text(node, kind)}
        if kind == "object":
            return self.mapping(node, schema, ptr, line)
        if kind == "array":
            return self.sequence(node, schema, ptr, line)
        return self.scalar(node, schema, ptr, line)

    def mapping(self, node: yaml.Node, schema: dict[str, Any], ptr: Pointer, line: int) -> dict[str, Any] | None:
        if not isinstance(node, yaml.MappingNode):
            self._not_a_mapping(node, ptr, line)
            return None
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        suggested: set[str] = set()
        properties: dict[str, Any] = schema.get("properties", {})
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            # Nearly every key is a plain text naming a field of the schema: such a key is a valid field
            # name (the schema's names are) and its schema is the property's, as the two methods below
            # would find, without calling them.
            if type(key_node) is yaml.ScalarNode and key_node.tag == _STR_TAG and key_node.value in properties:
                key = key_node.value
                known = True
            else:
                key = self._field_name(key_node, ptr, key_line)
                if key is None:
                    continue
                known = False
            child = (*ptr, key)
            if key in first_line:
                self.problem(
                    child,
                    key_line,
                    f"Fältet {key} står två gånger{_in(ptr)} (rad "
                    f"{first_line[key]} och rad {key_line}). Ta bort den ena raden, "
                    "annars vet vi inte vilken som gäller.",
                )
                result.pop(key, None)
                continue
            first_line[key] = key_line
            self.lines[child] = key_line
            sub = properties[key] if known else self._field_schema(key, child, key_line, schema, suggested)
            if sub is None:
                continue
            converted = self.value(value_node, sub, child)
            if converted is not None:
                result[key] = converted
        # From the line of the field's own name (a left-out first field stands above the group's first line).
        start = self.lines.get(ptr, line) if ptr else 0
        if self.skipped and any(start <= skip <= node.end_mark.line for skip in self.skipped):
            # A field may stand on a line left out: "missing" and rules across fields here would guess.
            self.flagged.add(ptr)
        else:
            self._missing_fields(schema, ptr, line, first_line, suggested)
        return result

    def _not_a_mapping(self, node: yaml.Node, ptr: Pointer, line: int) -> None:
        if not ptr:
            self.problem(
                ptr,
                line,
                "Filen ska bestå av fält med namn och värde, som ”titel: Komet”, men här står " + _describe(node) + ".",
            )
        elif _is_empty(node):
            self.problem(
                ptr,
                line,
                f"{_cap(field_name(ptr))} är tomt. Skriv fälten som hör till "
                "på egna rader under, indragna med två mellanslag, eller ta bort raden.",
            )
        else:
            self.problem(
                ptr,
                line,
                f"{_cap(field_name(ptr))} ska vara en grupp av fält på egna rader "
                f"under, indragna med två mellanslag, men här står {_describe(node)}.",
            )

    def _field_name(self, key_node: yaml.Node, ptr: Pointer, key_line: int) -> str | None:
        """The name of a field in a mapping; None, with a problem reported, if it cannot be one."""
        key_tag = key_node.tag
        if key_tag == _MERGE_TAG:
            self.problem(
                ptr,
                key_line,
                f"Sammanslagning med <<{_in(ptr)} är inte tillåten. Skriv ut alla fält på egna rader.",
            )
            return None
        if key_tag not in _CORE_TAGS:
            self.problem(
                ptr,
                key_line,
                f"Ett fältnamn{_in(ptr)} har en YAML-tagg ({_tag(key_node.tag)}) som "
                "inte är tillåten. Ta bort taggen (ordet som börjar med !).",
            )
            return None
        if isinstance(key_node, AliasNode):
            self.problem(
                ptr,
                key_line,
                f"Ett fältnamn{_in(ptr)} är en hänvisning (& och *). Skriv ut fältets namn i stället.",
            )
            return None
        if not isinstance(key_node, yaml.ScalarNode) or not key_node.value.strip():
            self.problem(
                ptr,
                key_line,
                "Här står ett fält utan namn. Skriv fältets namn följt av kolon, till exempel ”titel: …”.",
            )
            return None
        key: str = key_node.value
        found = _BAD_CHAR.search(key)
        if found:
            char = found.group(0)
            self.problem(
                ptr,
                key_line,
                f"Fältnamnet {quoted(key)}{_in(ptr)} innehåller ett osynligt tecken (U+{ord(char):04X}, som "
                f"{_FORBIDDEN_CHARS.get(char, 'är ett styrtecken')}) vid tecken nr {found.start() + 1}. Ta bort det; "
                "skriv gärna fältnamnet igen för hand.",
            )
            # Read on as if it was not there, so the field's value is checked and not called missing.
            return _BAD_CHAR.sub("", key) or None
        return key

    def _field_schema(
        self, key: str, child: Pointer, key_line: int, schema: dict[str, Any], suggested: set[str]
    ) -> dict[str, Any] | None:
        """The schema for the field `key` of a mapping; None, with a problem reported, if it is not allowed.

        A suggested spelling is added to `suggested`, so that the field is not also reported as missing.
        """
        properties: dict[str, Any] = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        if key in properties:
            sub: dict[str, Any] = properties[key]
            return sub
        ptr = child[:-1]
        if isinstance(extra, dict):
            pattern = schema.get("propertyNames", {}).get("pattern")
            if pattern and not re.search(pattern, key):
                self.problem(
                    child,
                    key_line,
                    f"Nyckeln {quoted(key)} får bara innehålla små "
                    "bokstäver a–z, siffror och bindestreck (inte å, ä, ö eller mellanslag), "
                    f"till exempel {quoted(_slug_hint(key))}.",
                )
                return None
            return extra
        hint = suggest(key, list(properties))
        home = _home_of(key, properties)
        if hint:
            suggested.add(hint)
            fix = f"Menade du {hint}?"
        elif home:
            fix = f"Det hör hemma under {home}: flytta raden dit och dra in den som raderna där."
        elif len(properties) > LISTED_FIELDS_AT_MOST:
            fix = "Se vilka fält som finns i REDAKTÖRSGUIDE.md, under Alla fält."
        else:
            fix = "Tillåtna fält här är: " + ", ".join(properties) + "."
        self.problem(child, key_line, f"Fältet {key} finns inte{_in(ptr)}. {fix}")
        return None

    def _missing_fields(
        self, schema: dict[str, Any], ptr: Pointer, line: int, first_line: dict[str, int], suggested: set[str]
    ) -> None:
        """Required fields that a mapping lacks, and too few entries in it."""
        properties: dict[str, Any] = schema.get("properties", {})
        for name in schema.get("required", []):
            # A misspelt field already has its own message ("Menade du ...?"): one mistake, one message.
            if name not in first_line and name not in suggested:
                self.problem(
                    ptr,
                    line,
                    f"Fältet {name} saknas{_in(ptr)}. Det måste finnas"
                    + _required_hint(name, properties.get(name, {})),
                )
        minimum = schema.get("minProperties")
        if minimum and len(first_line) < minimum:
            self.problem(ptr, line, "Filen har inga poster. Lägg till minst en.")

    def sequence(self, node: yaml.Node, schema: dict[str, Any], ptr: Pointer, line: int) -> list[Any] | None:
        if not isinstance(node, yaml.SequenceNode):
            if _is_empty(node):
                self.problem(
                    ptr,
                    line,
                    f"{_cap(field_name(ptr))} är tomt. Skriv en lista med ett värde "
                    "per rad som börjar med ”- ”, eller ta bort raden.",
                )
            else:
                example = _example(schema)
                self.problem(
                    ptr,
                    line,
                    f"{_cap(field_name(ptr))} ska vara en lista, men här står "
                    f"{_describe(node)}. Skriv varje värde på en egen rad som börjar med ”- ”"
                    + (f", eller inom hakparenteser: {example}" if example else "")
                    + ".",
                )
            return None
        item_schema = schema.get("items", {})
        result = []
        kept: list[tuple[int, Any]] = []  # (place in the file's list, value), for the lines of repeats
        for index, item in enumerate(node.value):
            converted = self.value(item, item_schema, (*ptr, index))
            if converted is not None:
                result.append(converted)
                kept.append((index, converted))
        minimum = schema.get("minItems")
        if minimum and len(node.value) < minimum:
            self.problem(
                ptr,
                line,
                f"{_cap(field_name(ptr))} är en tom lista. Skriv minst "
                f"{'ett värde' if minimum == 1 else f'{minimum} värden'}.",
            )
        if schema.get("uniqueItems"):
            # Each repeated value once, on the line where it is first repeated.
            places: dict[str, list[int]] = {}
            for index, value in kept:
                if not isinstance(value, (dict, list)):
                    places.setdefault(repr(value), []).append(index)
            for index, value in kept:
                found = places.get(repr(value), [])
                if len(found) > 1 and found[0] == index:
                    times = (
                        "två gånger. Ta bort det ena"
                        if len(found) == 2
                        else f"{len(found)} gånger. Ta bort alla utom ett"
                    )
                    self.problem(
                        ptr,
                        self.lines.get((*ptr, found[1]), line),
                        f"{_cap(field_name(ptr))} har {quoted(value)} {times}.",
                    )
        return result

    # Messages name the field with _field_title(ptr), asked for only when there is a problem: these
    # run for every value of every file, and nearly all values are fine.
    def scalar(self, node: yaml.Node, schema: dict[str, Any], ptr: Pointer, line: int) -> Any:
        kind = schema.get("type", "string")
        if not isinstance(node, yaml.ScalarNode):
            wanted = {"string": "en text", "integer": "ett heltal", "boolean": "true eller false"}[kind]
            self.problem(
                ptr, line, f"{_field_title(ptr)} ska vara {wanted} på samma rad, men här står {_describe(node)}."
            )
            return None
        style = node.style
        if not style and node.tag == _NULL_TAG:  # _is_empty, written out (a plain scalar: Source)
            self.problem(ptr, line, f"{_field_title(ptr)} är tomt. Skriv ett värde efter kolonet, eller ta bort raden.")
            return None
        raw: str = node.value
        if style == "|" and not raw.startswith("\n"):
            # The text starts on the line after the `|` (a leading blank line would be stripped away).
            self.blocks[ptr] = line + 1
        if not style and _TYPOGRAPHIC_QUOTES.match(raw):
            self.problem(
                ptr,
                line,
                f"{_field_title(ptr)} står inom typografiska citattecken: {raw.strip()}. De skulle synas på "
                'webbplatsen som en del av texten. Ta bort dem, eller skriv raka citattecken (") om texten '
                "måste stå inom citattecken.",
            )
            return None
        if kind == "string":
            return self.text(raw, schema, ptr, line)
        name = _field_title(ptr)
        if kind == "integer":
            plain = not style
            if not (plain and _INT_RE.match(raw.strip())):
                decimals = _DECIMAL_RE.match(raw.strip())
                if plain and decimals:
                    fix = f"Skriv ett heltal utan decimaler, till exempel {decimals.group(1)}."
                else:
                    fix = "Skriv bara siffror, utan citattecken."
                self.problem(
                    ptr,
                    line,
                    f"{name} ska vara ett heltal, till exempel {_example(schema) or 3}, "
                    f"men här står {quoted(raw)}. {fix}"
                    + (f" {schema['errorMessage']}" if "errorMessage" in schema else ""),
                )
                return None
            number = int(raw)
            low, high = schema.get("minimum"), schema.get("maximum")
            if (low is not None and number < low) or (high is not None and number > high):
                if low is not None and high is not None:
                    wanted = f"ett tal mellan {low} och {high}"
                else:
                    wanted = f"minst {low}" if low is not None else f"högst {high}"
                self.problem(ptr, line, f"{name} ska vara {wanted}, men här står {number}.")
                return None
            return number
        if kind == "boolean":
            word = raw.strip().lower()
            if not style and word in _BOOL_WORDS:
                return _BOOL_WORDS[word]
            if word in _BOOL_WORDS:
                advice = " Ta bort citattecknen."
            elif word in _YAML11_BOOL_WORDS:
                advice = f" Skriv true eller false; ord som {quoted(raw.strip())} förstås inte här."
            else:
                advice = ""
            self.problem(ptr, line, f"{name} ska vara true (ja) eller false (nej), men här står {quoted(raw)}.{advice}")
            return None
        return self.text(raw, schema, ptr, line)

    def text(self, raw: str, schema: dict[str, Any], ptr: Pointer, line: int) -> str | None:
        stripped = raw.strip()
        if not stripped:
            self.problem(ptr, line, f"{_field_title(ptr)} är tomt. Skriv en text, eller ta bort raden.")
            return None
        # One regular expression finds the first bad character; looping over every character of
        # every text was the slowest part of checking a thousand offers.
        found = _BAD_CHAR.search(raw)
        if found:
            position, char = found.start() + 1, found.group(0)
            what = _FORBIDDEN_CHARS.get(char, "är ett styrtecken")
            if what:
                self.problem(
                    ptr,
                    line,
                    f"{_field_title(ptr)} innehåller ett osynligt tecken (U+{ord(char):04X}, "
                    f"som {what}) vid tecken nr {position}. Ta bort det; skriv gärna om texten "
                    "för hand om den är inklistrad.",
                )
                return None
        text = raw if "\n" in stripped else stripped
        low, high = schema.get("minLength"), schema.get("maxLength")
        if high is not None and len(text) > high:
            self.problem(
                ptr,
                line,
                f"{_field_title(ptr)} har för lång text: {len(text)} tecken, men högst {high} får plats. Korta texten.",
            )
            self.too_long[ptr] = text
            return None
        if low is not None and len(text) < low:
            self.problem(ptr, line, f"{_field_title(ptr)} är för kort: {quoted(text)}. Skriv minst {low} tecken.")
            return None
        if "enum" in schema:
            choices: list[str] = schema["enum"]
            if text not in choices:
                hint = suggest(text, choices)
                self.problem(
                    ptr,
                    line,
                    f"{_field_title(ptr)} kan vara {_either(choices)}, men här står {quoted(text)}."
                    + (f" Menade du {hint}?" if hint else ""),
                )
                return None
        fmt = schema.get("format")
        if fmt == "date":
            return self.date_text(text, ptr, line)
        if fmt == "email" and not _EMAIL_RE.match(text):
            self.problem(
                ptr,
                line,
                f"{_field_title(ptr)} är inte en e-postadress: {quoted(text)}. Skriv den som "
                "namn@exempelby.se, utan mellanslag och utan mailto:.",
            )
            return None
        if fmt == "uri":
            parts = _url_parts(text)
            if not parts or parts.scheme not in ("http", "https") or "." not in parts.netloc:
                self.problem(
                    ptr,
                    line,
                    f"{_field_title(ptr)} är inte en webbadress: {quoted(text)}. Skriv hela "
                    "adressen som börjar med https://, till exempel https://www.exempelby.se/foraldrastod.",
                )
                return None
            return text
        pattern = schema.get("pattern")
        if pattern and "x-nyckel-i" not in schema and "x-regel" not in schema and not re.search(pattern, text):
            advice = schema.get("errorMessage", "")
            self.problem(ptr, line, f"{_field_title(ptr)} har fel form: {quoted(text)}. {advice}".rstrip())
            return None
        return text

    @staticmethod
    def integer_or_text(node: yaml.Node, kinds: list[str]) -> str:
        """Which of `"type": ["integer", "string"]` a value is read as: a number written plainly is an
        integer (with its minimum and maximum), anything else text (with its pattern), as `träffar: 6–8`."""
        plain_number = isinstance(node, yaml.ScalarNode) and not node.style and _INT_RE.match(node.value.strip())
        return "integer" if plain_number and "integer" in kinds else "string"

    def date_text(self, text: str, ptr: Pointer, line: int) -> str | None:
        if not _DATE_RE.match(text):
            self.problem(
                ptr,
                line,
                f"{_field_title(ptr)} ska vara ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-03-15, "
                f"men här står {quoted(text)}.",
            )
            return None
        try:
            date.fromisoformat(text)
        except ValueError:
            self.problem(
                ptr, line, f"{_field_title(ptr)} är ett datum som inte finns: {text}. Kontrollera månad och dag."
            )
            return None
        return text


def _list_or_single(node: yaml.Node, kinds: list[str], schema: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """For a field that takes one value or a list of them (`arrangör: a` or `arrangör: [a, b]`, the schema's
    `"type": ["string", "array"]`): the list when the editor wrote one, else the single value's type.
    Any other mistake is then told as for a single value."""
    if isinstance(node, yaml.SequenceNode):
        return "array", schema
    others = [kind for kind in kinds if kind != "array"]
    single = others[0] if len(others) == 1 else others
    return single, {**schema, "type": single}


def _url_parts(text: str) -> SplitResult | None:
    """The parts of a web address, or None if it has a character no address has or cannot be read
    (urlsplit refuses a [ without ], as in "https://[www.exempelby.se")."""
    if _URL_FORBIDDEN.search(text):
        return None
    try:
        return urlsplit(text)
    except ValueError:
        return None


def _is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style and node.tag == _NULL_TAG


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "en grupp av fält"
    if isinstance(node, yaml.SequenceNode):
        return "en lista"
    return f"texten {quoted(node.value)}"


def _example(schema: dict[str, Any]) -> str | None:
    examples = schema.get("examples")
    if not examples:
        return None
    value = examples[0]
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return str(value).lower() if isinstance(value, bool) else str(value)


def _home_of(key: str, properties: dict[str, Any]) -> str | None:
    """The fields whose group (or list of groups) has a field called `key`, for lines indented wrongly:
    "kontakt", or "anmälan eller kontakt" when both have one."""
    homes = []
    for name, sub in properties.items():
        group = sub.get("items", {}) if sub.get("type") == "array" else sub
        if key in group.get("properties", {}):
            homes.append(name)
    return _either(homes) if homes else None


def _required_hint(name: str, schema: dict[str, Any]) -> str:
    """The end of a 'missing field' sentence: an example, else what the field is for."""
    example = _example(schema)
    if example:
        return f", till exempel: {name}: {example}" + ("" if example.endswith(".") else ".")
    if schema.get("type") == "boolean":
        return f": skriv {name}: true eller {name}: false."
    description = schema.get("description")
    return f". {description}" if description else "."


def _tag(tag: str) -> str:
    """A tag as the editor wrote it: '!!python/object', not 'tag:yaml.org,2002:python/object'."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


def _in(ptr: Pointer) -> str:
    return f" i {field_name(ptr)}" if ptr else ""


@functools.lru_cache(maxsize=4096)
def _field_title(pointer: Pointer) -> str:
    """field_name with a capital first letter, to start a message; asked for every value, so cached."""
    return _cap(field_name(pointer))


def _cap(text: str) -> str:
    return "Fältet " + text if not text.startswith("filen") else text.capitalize()


def _either(choices: list[str]) -> str:
    return ", ".join(choices[:-1]) + " eller " + choices[-1] if len(choices) > 1 else choices[0]


def _slug_hint(text: str) -> str:
    return slugify(text) or "mitt-namn"


def slugify(text: str) -> str:
    """A file name or key made from free text: 'Öppna förskolan' -> 'oppna-forskolan'."""
    folded = _fold(text)
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")

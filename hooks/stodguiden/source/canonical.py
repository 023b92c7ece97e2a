"""The one way an offer file is written: what the form editor saves and `hooks/normalisera.py` enforces.

Keys in the schema's order (unknown keys after them, as written), lists and groups in block style, two
spaces per level, multi-line texts as literal blocks (`|`), and quotes only where YAML would otherwise
read the text as something else (a number, true/false, a date-free clock time like 18:30 in YAML 1.1)
or could not read it at all. Lines are never folded. Values are typed by the schema, as
`schemawalk` reads them: a text stays the text the editor wrote (`telefon: 0123456` keeps its zero),
a field that takes one value or a list (`arrangör`) is always a list, a count that may be text
(`träffar`) is a number when it is only digits, and empty values are left out.

`redigera/kanonisk.js` does exactly the same in the browser; a test runs both over every offer file
and over awkward texts and compares the bytes.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

SCHEMA_PATH = "../../schema/erbjudande.schema.json"
"""The offer schema as seen from data/erbjudanden; an offer in a region's municipality folder
(data/kommuner/<mapp>/erbjudanden) is two folders deeper."""
HEADER = f"# yaml-language-server: $schema={SCHEMA_PATH}\n"
"""The first line of an offer file: other editors than VS Code (which reads .vscode/settings.json) find the
schema by it. Written by both writers; nothing else an editor needs lives in a comment."""

_INTEGER = re.compile(r"^[-+]?[0-9]+$")
_TRUE, _FALSE = frozenset({"true", "True", "TRUE"}), frozenset({"false", "False", "FALSE"})
# Plain texts YAML 1.2 (core schema) or YAML 1.1 would read as something other than text: quoted.
_NOT_TEXT = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|=|<<"
    r"|[-+]?[0-9_]+|0o[0-7]+|0x[0-9a-fA-F_]+|0b[01_]+"
    r"|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$"
)
_FIRST_NOT_PLAIN = frozenset("-?:,[]{}#&*!|>'\"%@`. ")
_ESCAPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\r]")
_NEEDS_QUOTES_ON_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type", [])
    return kind if isinstance(kind, list) else [kind]


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def canonical(value: Any, schema: dict[str, Any]) -> Any:
    """The value as the schema types it, keys in the schema's order and empty values left out.

    `value` may hold texts for every scalar (as read from a file) or typed values (as the form keeps them).
    """
    kinds = types(schema)
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        ordered = [key for key in properties if key in value] + [key for key in value if key not in properties]
        result = {}
        for key in ordered:
            item = canonical(value[key], properties.get(key, {}))
            if not _empty(item):
                result[str(key)] = item
        return result
    if isinstance(value, list):
        items = [canonical(item, schema.get("items", {})) for item in value]
        return [item for item in items if not _empty(item)]
    if "array" in kinds and not _empty(value):  # `arrangör: a` is the list [a]
        return [canonical(value, schema.get("items", {}))]
    if isinstance(value, str):
        if "integer" in kinds and _INTEGER.match(value.strip()):
            return int(value.strip())
        if kinds == ["boolean"] and value in _TRUE | _FALSE:
            return value in _TRUE
    return value


def from_node(node: yaml.Node | None) -> Any:
    """A composed file as plain data with every scalar as the text written (`canonical` types them)."""
    if node is None:
        return None
    if isinstance(node, yaml.MappingNode):
        return {str(from_node(key)): from_node(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [from_node(item) for item in node.value]
    if isinstance(node, yaml.ScalarNode) and not node.style and node.tag == "tag:yaml.org,2002:null":
        return None
    return str(node.value)


def scalar(value: Any) -> str:
    """One value on one line: plain where YAML reads it back as the same text, else double-quoted."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if (
        text
        and text == text.strip()
        and text[0] not in _FIRST_NOT_PLAIN
        and not text.startswith("...")
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not _NEEDS_QUOTES_ON_ONE_LINE.search(text)
        and not _NOT_TEXT.match(text)
    ):
        return text
    return _double_quoted(text)


def _double_quoted(text: str) -> str:
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif _NEEDS_QUOTES_ON_ONE_LINE.match(char):
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _literal_block(text: str) -> bool:
    """Whether a multi-line text can be written as a literal block and read back unchanged."""
    if "\n" not in text or _ESCAPED.search(text) or not text.strip():
        return False
    lines = text.split("\n")
    first = next(line for line in lines if line.strip())
    before_first = lines[: lines.index(first)]
    return not first[0].isspace() and all(line == "" for line in before_first)


def _block(text: str, indent: str) -> list[str]:
    chomp = "-" if not text.endswith("\n") else ("+" if text.endswith("\n\n") else "")
    body = text[:-1] if text.endswith("\n") else text
    return [f"|{chomp}", *[indent + line if line else "" for line in body.split("\n")]]


def _entry(prefix: str, value: Any, indent: str) -> list[str]:
    """`prefix` (`key:` or `-`) followed by the value, on its line or the lines under it."""
    if isinstance(value, dict) and value:
        return [prefix, *_mapping(value, indent + "  ")]
    if isinstance(value, list) and value:
        return [prefix, *_sequence(value, indent + "  ")]
    if isinstance(value, dict):
        return [f"{prefix} {{}}"]
    if isinstance(value, list):
        return [f"{prefix} []"]
    if isinstance(value, str) and _literal_block(value):
        head, *rest = _block(value, indent + "  ")
        return [f"{prefix} {head}", *rest]
    return [f"{prefix} {scalar(value)}"]


def _mapping(value: dict[str, Any], indent: str) -> list[str]:
    lines = []
    for key, item in value.items():
        lines.extend(_entry(f"{indent}{scalar(key)}:", item, indent))
    return lines


def _sequence(value: list[Any], indent: str) -> list[str]:
    lines = []
    for item in value:
        if isinstance(item, dict) and item:
            inner = _mapping(item, indent + "  ")
            inner[0] = f"{indent}- {inner[0][len(indent) + 2 :]}"
            lines.extend(inner)
        else:
            lines.extend(_entry(f"{indent}-", item, indent))
    return lines


def dump(data: dict[str, Any], schema_path: str = SCHEMA_PATH) -> str:
    """An offer's canonical text, with the schema line (the schema's path from the file's folder) first."""
    return f"# yaml-language-server: $schema={schema_path}\n" + "".join(line + "\n" for line in _mapping(data, ""))


def normalised(text: str, schema: dict[str, Any], schema_path: str = SCHEMA_PATH) -> str | None:
    """A file's text in the canonical form, or None when it is not YAML (the check reports why)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    data = from_node(node)
    if not isinstance(data, dict):
        return None
    return dump(canonical(data, schema), schema_path)

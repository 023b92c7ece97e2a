"""Reading one editor YAML file safely into a node tree with line numbers, or Swedish problems.

Only the node tree is built (`yaml.compose`): no YAML tag can construct Python objects, and
values are turned into data later, guided by the JSON Schema (see `schemawalk`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problem

MAX_FILE_BYTES = 256 * 1024
"""Larger files are refused: no real offer is this long, and it bounds the work per file."""

# PyYAML's own wording, mapped to plain Swedish advice. Matched as substrings of `problem`.
_YAML_MESSAGES: tuple[tuple[str, str], ...] = (
    (
        "found character '\\t' that cannot start any token",
        "Här finns ett tabbtecken. Använd mellanslag, inte tabb, för att dra in rader.",
    ),
    (
        "found a tab character",
        "Här finns ett tabbtecken. Använd mellanslag, inte tabb, för att dra in rader.",
    ),
    (
        "mapping values are not allowed here",
        "Ett kolon (:) står där det inte får stå. Sätt texten inom citattecken om den innehåller "
        "kolon och mellanslag, eller kontrollera att raden är indragen som raderna ovanför.",
    ),
    (
        "could not find expected ':'",
        "Här saknas ett kolon efter fältets namn, eller så är raden indragen fel.",
    ),
    (
        "found unexpected end of stream",
        "Filen tar slut mitt i en text. Kontrollera att varje citattecken (\" eller ') har ett "
        "som avslutar det.",
    ),
    (
        "did not find expected key",
        "Raden är indragen fel eller börjar med ett tecken som inte får stå först. Jämför med "
        "raderna ovanför och sätt texten inom citattecken om den börjar med till exempel [ eller {.",
    ),
    (
        "did not find expected '-' indicator",
        "Raden är indragen fel i en lista. Varje rad i listan ska börja med '- ' på samma indrag.",
    ),
    (
        "found undefined alias",
        "Här används * (en hänvisning). Skriv ut värdet i stället.",
    ),
    (
        "expected a single document",
        "Filen innehåller flera delar åtskilda av ---. Ett erbjudande ska stå i en egen fil.",
    ),
    (
        "found character '@' that cannot start any token",
        "En text får inte börja med @. Sätt texten inom citattecken.",
    ),
    (
        "found character '`' that cannot start any token",
        "En text får inte börja med `. Sätt texten inom citattecken.",
    ),
)
_YAML_FALLBACK = (
    "Filen går inte att läsa som YAML. Kontrollera indrag, kolon och citattecken på raden "
    "eller raden ovanför."
)


@dataclass(frozen=True)
class Source:
    """A file's node tree; `node` is None when the file holds no data at all."""

    path: str
    node: yaml.Node | None


def read(file: Path, display_path: str) -> tuple[Source | None, list[Problem]]:
    """Read and compose one YAML file; on any problem return None and the problems."""
    try:
        raw = file.read_bytes()
    except OSError:
        return None, [Problem(display_path, 1, "Filen går inte att läsa. Kontrollera att den finns och inte är låst.")]
    text, problem = decode(raw, display_path)
    if problem:
        return None, [problem]
    assert text is not None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        return None, [_yaml_problem(exc, display_path)]
    except yaml.YAMLError:
        return None, [Problem(display_path, 1, _YAML_FALLBACK)]
    return Source(display_path, node), []


def decode(raw: bytes, display_path: str) -> tuple[str | None, Problem | None]:
    """Bytes to text: UTF-8 only (with or without byte-order mark), no binary, bounded size."""
    if len(raw) > MAX_FILE_BYTES:
        return None, Problem(
            display_path,
            1,
            f"Filen är för stor ({len(raw) // 1024} kB). En fil får vara högst "
            f"{MAX_FILE_BYTES // 1024} kB. Korta texterna eller dela upp erbjudandet.",
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
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
    return text, None


def _yaml_problem(exc: yaml.MarkedYAMLError, display_path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    found = f"{exc.problem or ''} {exc.context or ''}"
    for needle, message in _YAML_MESSAGES:
        if needle in found:
            return Problem(display_path, line, message)
    return Problem(display_path, line, _YAML_FALLBACK)

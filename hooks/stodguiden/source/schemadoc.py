"""The editor guide's field reference, generated from the JSON Schemas so the two cannot disagree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

START = "<!-- fältreferens: start (genereras från schema/, ändra inte för hand) -->"
END = "<!-- fältreferens: slut -->"
FILES = (
    ("erbjudande", "Ett erbjudande: data/erbjudanden/<namn>.yml"),
    ("typer", "Typer av stöd: data/typer.yml"),
    ("arrangorer", "Arrangörer: data/arrangorer.yml"),
    ("aldersgrupper", "Åldersgrupper: data/aldersgrupper.yml"),
    ("webbplats", "Inställningar: data/webbplats.yml"),
    ("kommun", "En kommun i en region: data/kommuner/<mapp>/kommun.yml"),
    ("ordlista", "Egna krångliga ord (frivillig): data/ordlista.yml"),
)
_KINDS = {
    "string": "text",
    "integer": "heltal",
    "boolean": "true eller false",
    "array": "lista",
    "object": "grupp av fält",
}


def _kind(schema: dict[str, Any]) -> str:
    kinds = schema.get("type", "string")
    if isinstance(kinds, list):
        return " eller ".join(_kind({**schema, "type": kind}) for kind in kinds)
    kind = _KINDS.get(kinds, "text")
    if schema.get("format") == "date":
        return "datum (ÅÅÅÅ-MM-DD)"
    if schema.get("format") == "uri":
        return "webbadress"
    if schema.get("format") == "email":
        return "e-postadress"
    if "enum" in schema:
        return "ett av: " + ", ".join(schema["enum"])
    if kind == "lista" and "enum" in schema.get("items", {}):
        return "lista med ett eller flera av: " + ", ".join(schema["items"]["enum"])
    if kind == "lista" and "items" in schema and schema["items"].get("type") == "string":
        return "lista med texter"
    return kind


def _rows(schema: dict[str, Any], prefix: str = "") -> list[str]:
    rows = []
    required = set(schema.get("required", []))
    for name, sub in schema.get("properties", {}).items():
        label = f"{prefix}{name}"
        must = "ja" if name in required else "nej"
        text = sub.get("description", "").replace("|", "\\|")
        example = sub.get("examples", [None])[0]
        if example is not None and not isinstance(example, (dict, list)):
            text += f" Exempel: `{str(example).lower() if isinstance(example, bool) else example}`"
        rows.append(f"| `{label}` | {_kind(sub)} | {must} | {text.strip()} |")
        nested = sub.get("items", sub) if sub.get("type") == "array" else sub
        if nested.get("type") == "object" and "properties" in nested:
            rows += _rows(nested, prefix=f"{label}{' → ' if sub.get('type') == 'object' else '[] → '}")
    return rows


def reference(schema_dir: Path) -> str:
    parts = [START, ""]
    for name, heading in FILES:
        schema = json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))
        body = schema.get("additionalProperties") if "properties" not in schema else schema
        parts += [f"### {heading}", "", schema.get("description", ""), ""]
        parts += ["| Fält | Sort | Måste finnas | Förklaring |", "| --- | --- | --- | --- |"]
        parts += _rows(body if isinstance(body, dict) else {})
        parts.append("")
    parts.append(END)
    return "\n".join(line for line in parts) + "\n"


def update(guide: Path, schema_dir: Path) -> bool:
    """Rewrite the reference section of `guide`; True if it changed."""
    text = guide.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    new = before + reference(schema_dir).rstrip("\n") + after
    if new != text:
        guide.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[3]
    changed = update(root / "REDAKTÖRSGUIDE.md", root / "schema")
    print("Fältreferensen uppdaterades." if changed else "Fältreferensen var redan aktuell.")

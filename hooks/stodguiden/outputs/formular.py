"""The form editor's configuration (Decap CMS `config.yml`), made from the offer schema and the vocabularies.

One control per schema property, recursively: labels from the schema's `title` (else the field name
written out), help texts from its `description`, choices from `enum` and from the vocabulary files a
property names in `x-nyckel-i`, dates as date pickers, lists of objects with a summary line. What the
form can enforce it enforces (required fields, patterns, lengths, ranges); the rest is left to
`hooks/check.py`, whose messages reach the editor in the pull request.

Decap treats every field as required unless told otherwise, and checks the required fields of an
optional group even when the group is left empty; so inside an optional group nothing is marked
required, and the hint says what the group needs instead.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from pathlib import Path

FORMAT_NAME = "stodguiden-yml"
"""The file format the form writes: registered by `redigera/start.js` with the canonical YAML writer."""
COLLECTION = "erbjudanden"
SUMMARIES: dict[str, str] = {
    "omgångar": "{{fields.start}} · {{fields.träffar}} träffar · {{fields.tid}} · {{fields.status}}",
    "löpande": "{{fields.veckodag}} {{fields.tid}} · {{fields.plats}}",
    "uppehåll": "Stängt {{fields.från}}–{{fields.till}} · {{fields.info}}",
    "plats": "{{fields.namn}} · {{fields.adress}}",
    "på_andra_språk": "{{fields.språk}}: {{fields.titel}}",
    "godkända_varningar": "{{fields.regel}} · {{fields.ord}}",
}
"""The line a collapsed list item shows (Decap's `summary`); other lists show their first two fields."""
ONE_ITEM: dict[str, str] = {
    "omgångar": "omgång",
    "löpande": "tid",
    "uppehåll": "uppehåll",
    "plats": "plats",
    "på_andra_språk": "text på ett annat språk",
    "godkända_varningar": "godkänd varning",
}
"""What one item of a list is called, for the button that adds one ("Lägg till omgång")."""
TEXT_AREA_FROM = 300
"""A text longer than this many characters at most gets a text area rather than a one-line field."""
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_ENUM_WORDS = re.compile(r"_")


def label(name: str, schema: dict[str, Any]) -> str:
    """The field's label: the schema's title, else its name written out (`nästa_start` → `Nästa start`)."""
    title = schema.get("title")
    if isinstance(title, str) and title:
        return title
    text = name.replace("_", " ")
    return text[:1].upper() + text[1:]


def vocabulary(root: Path, relative: str) -> list[dict[str, str]]:
    """The choices of a vocabulary file: one per key, shown by its `namn`, in the file's order."""
    data = yaml.safe_load((root / relative).read_text(encoding="utf-8")) or {}
    options = []
    for key, entry in data.items():
        name = entry.get("namn") if isinstance(entry, dict) else None
        options.append({"label": f"{name} ({key})" if isinstance(name, str) else str(key), "value": str(key)})
    return options


def _choices(schema: dict[str, Any], root: Path) -> list[Any] | None:
    if "x-nyckel-i" in schema:
        return vocabulary(root, schema["x-nyckel-i"])
    if "enum" in schema:
        return [{"label": _ENUM_WORDS.sub(" ", str(value)), "value": value} for value in schema["enum"]]
    return None


def _length_pattern(schema: dict[str, Any]) -> list[str] | None:
    low, high = schema.get("minLength"), schema.get("maxLength")
    if low is None and high is None:
        return None
    span = f"{low or 0},{high if high is not None else ''}"
    if low and high:
        message = f"Skriv mellan {low} och {high} tecken."
    elif high:
        message = f"Skriv högst {high} tecken."
    else:
        message = f"Skriv minst {low} tecken."
    return [f"^[\\s\\S]{{{span}}}$", message]


def _pattern(schema: dict[str, Any]) -> list[str] | None:
    pattern = schema.get("pattern")
    message = schema.get("errorMessage")
    if pattern:
        return [pattern, message if isinstance(message, str) else "Skriv värdet som i exemplet i hjälptexten."]
    if schema.get("format") == "email":
        return [EMAIL_PATTERN, "Skriv en e-postadress, till exempel namn@exempelby.se."]
    return _length_pattern(schema)


def field(name: str, schema: dict[str, Any], required: bool, root: Path) -> dict[str, Any]:
    """The form control for one schema property (and the controls under it)."""
    result: dict[str, Any] = {"name": name, "label": label(name, schema)}
    if isinstance(schema.get("description"), str):
        result["hint"] = schema["description"]
    result["required"] = required
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "array" in kinds:
        result.update(_list(name, schema, root, result.get("hint", "")))
    elif kind == "object":
        result.update(widget="object", collapsed=False, fields=_fields(schema, root, optional_group=not required))
    elif "integer" in kinds and "string" in kinds:  # `träffar`: 8, or 6–8 as text
        message = schema.get("errorMessage", "Skriv en siffra.")
        result.update(widget="string", pattern=["^[0-9]{1,3}( ?[-–] ?[0-9]{1,3})?$", message])
    else:
        result.update(_single(schema, kind, root))
    return result


def _list(name: str, schema: dict[str, Any], root: Path, hint: str) -> dict[str, Any]:
    items = schema.get("items", {})
    result: dict[str, Any] = {}
    if items.get("type") == "object":
        fields = _fields(items, root, optional_group=False)
        summary = SUMMARIES.get(name) or " · ".join(f"{{{{fields.{sub['name']}}}}}" for sub in fields[:2])
        # default [] or Decap starts a new offer with one empty item, whose required fields then block saving
        result.update(widget="list", fields=fields, summary=summary, collapsed=True, default=[])
        if name in ONE_ITEM:
            result["label_singular"] = ONE_ITEM[name]
    else:
        choices = _choices(items, root)
        if choices is not None:
            result.update(widget="select", multiple=True, options=choices)
        else:
            result.update(widget="list", hint=(hint + " Skriv flera med kommatecken emellan.").strip())
    if schema.get("minItems"):
        result["min"] = schema["minItems"]
    return result


def _single(schema: dict[str, Any], kind: object, root: Path) -> dict[str, Any]:
    if kind == "integer":
        bounds = {"min": schema["minimum"]} if "minimum" in schema else {}
        if "maximum" in schema:
            bounds["max"] = schema["maximum"]
        return {"widget": "number", "value_type": "int", **bounds}
    if kind == "boolean":
        return {"widget": "boolean"}
    if schema.get("format") == "date":
        # default "" keeps an empty date empty; Decap's own default would be today
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
            "picker_utc": True,
            "default": "",
        }
    choices = _choices(schema, root)
    if choices is not None:
        default = {"default": schema["default"]} if "default" in schema else {}
        return {"widget": "select", "options": choices, **default}
    result: dict[str, Any] = {"widget": "text" if schema.get("maxLength", 0) > TEXT_AREA_FROM else "string"}
    pattern = _pattern(schema)
    if pattern:
        result["pattern"] = pattern
    return result


def _fields(schema: dict[str, Any], root: Path, optional_group: bool) -> list[dict[str, Any]]:
    required = set(schema.get("required", []))
    controls = []
    for name, sub in schema.get("properties", {}).items():
        control = field(name, sub, name in required and not optional_group, root)
        if optional_group and name in required:
            control["hint"] = (control.get("hint", "") + " Behövs om du fyller i den här gruppen.").strip()
        controls.append(control)
    return controls


SIGN_IN_PLACEHOLDER = "https://inloggning.exempelby.se"
"""The OAuth relay for GitHub until mkdocs.yml names the municipality's own (extra: redigera: inloggning:)."""
GITLAB_APP_PLACEHOLDER = "BYT-MOT-APPLIKATIONENS-ID"


@dataclass(frozen=True)
class Repository:
    """Where the offers live, from mkdocs.yml: `repo_url`, the branch in `edit_uri`, and `extra: redigera:`."""

    host: str = "github.com"
    name: str = "exempelby/stodguiden"
    branch: str = "main"
    sign_in: str = SIGN_IN_PLACEHOLDER
    gitlab_app_id: str = GITLAB_APP_PLACEHOLDER


def repository(mkdocs_yml: str) -> Repository:
    # BaseLoader: mkdocs.yml has !!python tags that safe_load refuses; only text is read here.
    settings = yaml.load(mkdocs_yml, Loader=yaml.BaseLoader) or {}
    url = re.match(r"https://([^/]+)/(.+?)/?$", str(settings.get("repo_url", "")))
    edit = re.match(r"edit/([^/]+)/", str(settings.get("edit_uri", "")))
    extra = settings.get("extra") or {}
    form = extra.get("redigera") if isinstance(extra, dict) else None
    form = form if isinstance(form, dict) else {}
    default = Repository()
    return Repository(
        host=url.group(1) if url else default.host,
        name=url.group(2) if url else default.name,
        branch=edit.group(1) if edit else default.branch,
        sign_in=str(form.get("inloggning", default.sign_in)),
        gitlab_app_id=str(form.get("gitlab_app_id", default.gitlab_app_id)),
    )


def backend(repo: Repository) -> dict[str, Any]:
    """Where the form reads and saves: GitHub through an OAuth relay, or GitLab with PKCE (no server)."""
    if "gitlab" in repo.host:
        return {
            "name": "gitlab",
            "repo": repo.name,
            "branch": repo.branch,
            "auth_type": "pkce",
            "app_id": repo.gitlab_app_id,
            "api_root": f"https://{repo.host}/api/v4",
            "base_url": f"https://{repo.host}",
            "auth_endpoint": "oauth/authorize",
        }
    return {"name": "github", "repo": repo.name, "branch": repo.branch, "base_url": repo.sign_in}


def municipalities(root: Path) -> list[tuple[str, str, str]]:
    """A region's municipalities as (folder, SCB code, name), from data/kommuner/<mapp>/kommun.yml; none on a
    single municipality's site."""
    found = []
    for path in sorted((root / "data" / "kommuner").glob("*/kommun.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict):
            found.append((path.parent.name, str(data.get("kommunkod", "")), str(data.get("namn", path.parent.name))))
    return found


def _collection(
    name: str, label: str, description: str, folder: str, fields: list[dict[str, Any]], file_format: str = FORMAT_NAME
) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "label_singular": "erbjudande",
        "description": description,
        "folder": folder,
        "extension": "yml",
        "format": file_format,
        "create": True,
        "delete": False,
        "slug": "{{titel}}",
        "identifier_field": "titel",
        "summary": "{{titel}}",
        "sortable_fields": ["titel"],
        "editor": {"preview": False},
        "fields": fields,
    }


def collections(root: Path, schema: dict[str, Any]) -> list[dict[str, Any]]:
    """One list of offers on a municipality's site. On a region's: the shared offers in data/erbjudanden,
    whose `kommuner` is chosen among the region's municipalities, and one list per municipality's folder,
    without `kommuner` (an offer there serves that municipality)."""
    fields = _fields(schema, root, optional_group=False)
    members = municipalities(root)
    if not members:
        return [_collection(COLLECTION, "Erbjudanden", schema.get("description", ""), "data/erbjudanden", fields)]
    options = [{"label": "Alla kommuner i regionen", "value": "alla"}] + [
        {"label": f"{name} ({code})", "value": code} for _, code, name in members
    ]
    chosen = {
        "hint": "De kommuner erbjudandet finns för. Välj Alla kommuner i regionen om det finns i hela regionen.",
        "required": True,
        "widget": "select",
        "multiple": True,
        "options": options,
        "min": 1,
    }
    shared = [{**control, **chosen} if control["name"] == "kommuner" else control for control in fields]
    return [
        _collection(
            COLLECTION,
            "Gemensamma erbjudanden",
            "Erbjudanden för flera kommuner, i data/erbjudanden. Välj under Kommuner vilka de finns för.",
            "data/erbjudanden",
            shared,
        ),
        *(
            _collection(
                f"kommun-{folder}",
                f"Erbjudanden i {name}",
                f"Erbjudanden som bara finns i {name}, i data/kommuner/{folder}/erbjudanden.",
                f"data/kommuner/{folder}/erbjudanden",
                # copies: the same objects twice would be written as YAML anchors and aliases
                [copy.deepcopy(control) for control in fields if control["name"] != "kommuner"],
                f"{FORMAT_NAME}-kommun",  # its schema line is two folders deeper (redigera/start.js)
            )
            for folder, _, name in members
        ),
    ]


def config(root: Path, schema: dict[str, Any]) -> dict[str, Any]:
    """The whole configuration, as Decap reads it."""
    repo = repository((root / "mkdocs.yml").read_text(encoding="utf-8"))
    return {
        "backend": {**backend(repo), "commit_messages": _COMMIT_MESSAGES},
        # Used only when the form is opened on localhost with `npx decap-server` running (README).
        "local_backend": True,
        "publish_mode": "editorial_workflow",
        "locale": "sv",
        "media_folder": "docs/bilder",
        "public_folder": "/bilder",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(root, schema),
    }


_COMMIT_MESSAGES = {
    "create": "Nytt erbjudande: {{slug}}",
    "update": "Ändrat erbjudande: {{slug}}",
    "delete": "Borttaget erbjudande: {{slug}}",
    "uploadMedia": "Ny bild: {{path}}",
    "deleteMedia": "Borttagen bild: {{path}}",
}

HEADER = (
    "# Gjord av bygget från schema/erbjudande.schema.json, data/ och mkdocs.yml, varje gång webbplatsen byggs.\n"
    "# Ändra i de filerna, inte här. python hooks/formular.py visar vad bygget skriver.\n"
)


def text(root: Path, schema: dict[str, Any]) -> str:
    """The configuration file's text."""
    body = yaml.dump(config(root, schema), allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    return HEADER + body

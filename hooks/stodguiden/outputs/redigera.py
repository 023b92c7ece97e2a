"""The form editor at redigera/: its page, configuration, canonical writer and the vendored Decap CMS.

Everything is served from the site itself; the page's own Content-Security-Policy lets it talk only to
the site and the git host's API (and to `npx decap-server` on the editor's own machine for local use).
Decap needs inline styles (its components write <style> elements) and compiles its configuration's
validators with `new Function` (Ajv), so this page alone allows 'unsafe-inline' styles and 'unsafe-eval'.
The page is not in the navigation and asks search engines not to index it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from stodguiden.outputs import formular
from stodguiden.source.catalog import schema

if TYPE_CHECKING:
    from collections.abc import Iterator

SOURCE = Path(__file__).resolve().parents[3] / "redigera"
"""The editor's files in the repository: our scripts and styles, and the vendored packages in vendor/."""
SCHEMA = Path(__file__).resolve().parents[3] / "schema" / "erbjudande.schema.json"
FOLDER = "redigera"
LOCAL_BACKEND = "http://localhost:8081"
"""Where `npx decap-server` listens: Decap talks to it only when the form is opened on localhost."""
SCRIPTS = (
    "fore.js",
    "vendor/decap-cms/decap-cms.js",
    "vendor/js-yaml/js-yaml.min.js",
    "svenska.js",
    "kanonisk.js",
    "start.js",
)
"""The page's scripts, in the order they run."""

PAGE = """<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>Ändra erbjudanden</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="stodguiden.css">
</head>
<body>
<noscript>Formuläret för att ändra erbjudanden behöver JavaScript.</noscript>
{scripts}
</body>
</html>
"""


def api_hosts(config: dict[str, object]) -> list[str]:
    """The origins the form talks to: the git host's API, from the backend in config.yml."""
    backend = config.get("backend")
    assert isinstance(backend, dict)
    name = backend.get("name")
    if name == "github":
        return [str(backend.get("api_root", "https://api.github.com"))]
    if name == "gitlab":
        return [str(backend.get("api_root", "https://gitlab.com/api/v4")), str(backend.get("base_url", ""))]
    return []


def policy(config: dict[str, object]) -> str:
    connect = ["'self'", *api_hosts(config)]
    if config.get("local_backend"):
        connect.append(LOCAL_BACKEND)
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            f"connect-src {' '.join(dict.fromkeys(connect))}",
            "base-uri 'self'",
            "form-action 'self'",
            "object-src 'none'",
        )
    )


def _served() -> list[Path]:
    files = [SOURCE / "stodguiden.css", *(SOURCE / name for name in SCRIPTS)]
    vendor = sorted(p for p in (SOURCE / "vendor").rglob("*") if p.is_file() and p not in files)
    return [*files, *vendor]


def paths() -> list[str]:
    """The editor's files in the site; none when the project has no vendored editor (redigera/vendor/)."""
    if not (SOURCE / "vendor").is_dir():
        return []
    return [f"{FOLDER}/index.html", f"{FOLDER}/config.yml", f"{FOLDER}/erbjudande.schema.json"] + [
        f"{FOLDER}/{p.relative_to(SOURCE).as_posix()}" for p in _served()
    ]


def page(config: dict[str, object]) -> str:
    scripts = "\n".join(f'<script src="{name}"></script>' for name in SCRIPTS)
    return PAGE.format(policy=policy(config), scripts=scripts)


def publish(project: Path | None) -> Iterator[tuple[str, str | bytes]]:
    """The editor's files. Its configuration is made from the project's current schema, vocabularies and
    mkdocs.yml on every build, so a new organiser or kind of support is a choice in the form at once."""
    if not paths():
        return
    text = formular.text(project or SOURCE.parent, schema("erbjudande"))
    yield f"{FOLDER}/index.html", page(yaml.safe_load(text))
    yield f"{FOLDER}/config.yml", text
    yield f"{FOLDER}/erbjudande.schema.json", SCHEMA.read_bytes()
    for file in _served():
        yield f"{FOLDER}/{file.relative_to(SOURCE).as_posix()}", file.read_bytes()

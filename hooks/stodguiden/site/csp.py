"""The Content-Security-Policy: only the site's own scripts, styles and images, and inline scripts by hash.

Each page gets the policy in a <meta http-equiv> that the build fills in with the SHA-256 hashes of that
page's own inline scripts (Material's helpers and palette script, and ours): no 'unsafe-inline', no
'unsafe-eval'. A web server that can send headers sends `header_policy` with the hashes of every page, and
frame-ancestors, which a <meta> policy cannot carry (the README's "Publicera" shows the line).
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

PLACEHOLDER = "sg-csp-fylls-i-av-bygget"
"""What the template writes as the policy; `with_policy` replaces it with the page's own."""

DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    # data: for the icons in Material's stylesheet (its own SVGs, written into the CSS as data: addresses)
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # the search index and the finder's data
    ("manifest-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("object-src", "'none'"),
)
HEADER_ONLY: tuple[tuple[str, str], ...] = (("frame-ancestors", "'none'"),)
"""Directives a browser ignores (with an error in its console) when they come in a <meta> policy."""

SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<text>.*?)</script>", re.S | re.I)
EXECUTED_TYPES = frozenset({"", "text/javascript", "module"})
"""Script types a browser runs; data blocks (application/json, application/ld+json) need no hash."""
TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.I)
SRC = re.compile(r"\ssrc\s*=", re.I)


def inline_script_hashes(html: str) -> list[str]:
    """The CSP sources ('sha256-…') of the inline scripts a browser runs on this page, in order, once each."""
    found: list[str] = []
    for match in SCRIPT.finditer(html):
        attributes = match.group("attributes")
        kind = TYPE.search(attributes)
        if SRC.search(attributes) or (kind and kind.group(1).lower() not in EXECUTED_TYPES):
            continue
        digest = hashlib.sha256(match.group("text").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in found:
            found.append(source)
    return found


def policy(hashes: Iterable[str], header: bool = False) -> str:
    """The policy text; `header` adds what only a header can carry."""
    directives = [*DIRECTIVES, *(HEADER_ONLY if header else ())]
    sorted_hashes = " ".join(sorted(set(hashes)))
    return "; ".join(
        f"{name} {value} {sorted_hashes}" if name == "script-src" and sorted_hashes else f"{name} {value}"
        for name, value in directives
    )


def template_script_hashes(folder: Path) -> frozenset[str]:
    """The hashes of the fixed inline scripts in our own page templates (the finder's and search's first
    paint): the only inline scripts a page's content may run. A script with template code in it is not
    fixed, and is not trusted."""
    found: set[str] = set()
    for template in sorted(folder.glob("*.html")):
        for match in SCRIPT.finditer(template.read_text(encoding="utf-8")):
            if "{{" not in match.group("text") and "{%" not in match.group("text"):
                found.update(inline_script_hashes(match.group(0)))
    return frozenset(found)


def with_policy(html: str, content: str = "", trusted: frozenset[str] = frozenset()) -> tuple[str, list[str]]:
    """The page with its own policy in place of `PLACEHOLDER`, and the hashes it allows.

    Only the frame's inline scripts (Material's templates and our overrides, around `content`) are allowed,
    and those in `content` whose hash is `trusted`: a script that reached a page's content any other way
    (raw HTML in a Markdown page in docs/, or text that escaped escaping) is blocked by the browser.
    """
    if PLACEHOLDER not in html:
        return html, []
    frame = html.replace(content, "", 1) if content else html
    hashes = inline_script_hashes(frame)
    hashes += [found for found in inline_script_hashes(content) if found in trusted and found not in hashes]
    return html.replace(PLACEHOLDER, policy(hashes), 1), hashes

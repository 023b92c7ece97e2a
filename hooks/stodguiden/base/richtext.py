"""Safe Markdown for the `beskrivning` field: no raw HTML, safe links only, headings that fit the page."""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass, field

from markupsafe import Markup

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_HTML_TAG = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]|!--)")
_TAG_TEXT = re.compile(r"<[^<>\n]{0,40}>")
"""The whole tag, to show the editor what was found (only when it is short and on one line)."""
VAGUE_LINK_TEXTS = frozenset(
    {
        "här",
        "klicka här",
        "klicka",
        "läs mer",
        "mer",
        "länk",
        "länken",
        "läs här",
        "till sidan",
        "mer info",
        "mer information",
        "gå hit",
        "click here",
        "here",
        "read more",
        "more",
        "link",
    }
)
"""Link texts that do not say where the link goes (WCAG 2.4.4), compared without case and punctuation."""


def is_vague_link_text(text: str) -> bool:
    return re.sub(r"[^\w ]", "", text.casefold()).strip() in VAGUE_LINK_TEXTS


@dataclass(frozen=True)
class Finding:
    message: str
    """A Swedish sentence; the caller adds the file, the line and the field's name."""
    text: str = ""
    """What in the source the problem is about, so the caller can name its line."""


@dataclass
class Rendered:
    html: str
    problems: list[Finding] = field(default_factory=list)


def render(text: str, top_level: int = 3) -> Rendered:
    """Markdown to HTML whose top heading level is `top_level`, and what in it is not allowed.

    Raw HTML is never passed through (it is shown as text), so even text that slips past the
    checks cannot run in a visitor's browser.
    """
    # Markdown is imported only when a text is rendered: `hooks/check.py` seldom needs it (see `findings`),
    # and importing it is a tenth of the check's start-up.
    from stodguiden.base import markdownsafe

    html, problems = markdownsafe.convert(text, top_level)
    found = _HTML_TAG.search(text)
    if found:
        tag = _TAG_TEXT.match(text, found.start())
        shown = tag.group(0) if tag else found.group(0)
        problems.insert(
            0,
            Finding(
                f"innehåller HTML: ”{shown}”. Skriv vanlig text och använd Markdown: "
                "**fet**, *kursiv*, ## Rubrik, - punktlista, [text](https://...).",
                shown,
            ),
        )
    return Rendered(html, problems)


def findings(text: str) -> list[Finding]:
    """What `render(text)` would find not allowed, without the HTML when none can be found.

    Every finding needs a [ (a link or an image) or a < (an autolink or HTML) in the text: a text
    with neither is not rendered at all, which is most of the work of checking an offer without
    building its page (`hooks/check.py`).
    """
    if "[" not in text and "<" not in text:
        return []
    return render(text).problems


_ANY_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|pre)>")


def plain_text(html: str, *, blocks: bool = False) -> str:
    """Rendered `beskrivning` HTML as plain text, with entities decoded.

    The two forms differ on purpose. By default every tag becomes a space and whitespace is left as it
    is: words on either side of a tag never run together, which is all the search index needs from the
    text (its stems), and it is quick. With `blocks`, the text is for people to read (the open data's
    `beskrivning`): one paragraph, heading or list item per block, blocks separated by an empty line,
    whitespace inside a block collapsed.
    """
    if not blocks:
        return html_module.unescape(_ANY_TAG.sub(" ", html))
    parts = (Markup(part).striptags() for part in _BLOCK_END.split(html))
    return "\n\n".join(part for part in parts if part)

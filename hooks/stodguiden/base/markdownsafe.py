"""The Markdown converter behind `richtext.render`: Python-Markdown with no raw HTML, and a check of
every link and image in the tree it builds. Imported only when a text is rendered."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.treeprocessors import InlineProcessor, Treeprocessor

from stodguiden.base.richtext import SAFE_SCHEMES, Finding, is_vague_link_text

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

_HEADING_TAGS = frozenset(f"h{level}" for level in range(1, 7))


def convert(text: str, top_level: int) -> tuple[str, list[Finding]]:
    """Markdown to HTML whose top heading level is `top_level`, and the links and images not allowed."""
    md, collector = _converter(top_level)
    collector.problems = []
    html = md.reset().convert(text)
    return html, list(collector.problems)


class _Collector(Treeprocessor):
    def __init__(self, top_level: int) -> None:
        super().__init__()
        self.top_level = top_level
        self.problems: list[Finding] = []

    def run(self, root: Element) -> None:
        headings = [el for el in root.iter() if el.tag in _HEADING_TAGS]
        if headings:
            shift = self.top_level - min(int(el.tag[1]) for el in headings)
            for el in headings:
                el.tag = f"h{min(6, int(el.tag[1]) + shift)}"
        for parent in list(root.iter()):
            for el in list(parent):
                if el.tag == "img":
                    self.problems.append(
                        Finding(
                            "innehåller en bild (![...](...)). Bilder kan inte visas i beskrivningen: "
                            "ta bort den och beskriv med ord i stället.",
                            el.get("src", ""),
                        )
                    )
                    parent.remove(el)
                elif el.tag == "a":
                    href = el.get("href", "")
                    verdict = _link_verdict(href)
                    if verdict == "broken":
                        self.problems.append(
                            Finding(
                                f"har en länk vars adress inte går att öppna: ”{href[:60]}”. Kontrollera adressen "
                                "(en [ eller ] hör inte hemma i den), till exempel https://www.exempelby.se/kurs.",
                                href[:60],
                            )
                        )
                    elif verdict != "ok":
                        self.problems.append(
                            Finding(
                                f"har en länk som inte är tillåten: ”{href[:60]}”. Länkar ska börja med "
                                "https://, http://, mailto: eller tel:.",
                                href[:60],
                            )
                        )
                    if verdict != "ok":
                        el.tag = "span"
                        el.attrib.clear()
                        continue
                    text = " ".join("".join(el.itertext()).split())
                    if not text or is_vague_link_text(text):
                        what = f"med texten ”{text}”, som inte säger" if text else "utan text, så den säger inte"
                        self.problems.append(
                            Finding(
                                f"har en länk {what} vart den leder. Skriv vart länken går, till exempel "
                                "[Anmäl dig till Komet](https://...).",
                                el.get("href", ""),
                            )
                        )


@functools.cache
def _converter(top_level: int) -> tuple[markdown.Markdown, _Collector]:
    """One Markdown instance per heading level, reused: building one costs more than converting."""
    collector = _Collector(top_level)
    # An instance, not the name "sane_lists": a name makes Markdown scan every installed package's
    # entry points, which costs a third of a second on each run of the check.
    md = markdown.Markdown(extensions=[SaneListExtension(), _Safety(collector)])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # Only with exactly the patterns it knows; another Markdown version keeps its own processor.
    if len(md.inlinePatterns) == len(_QUICK_PATTERNS) and all(name in md.inlinePatterns for name in _QUICK_PATTERNS):
        md.treeprocessors.register(_QuickInline(md), "inline", 20)
    return md, collector


_QUICK_PATTERNS = frozenset(
    {
        "backtick",
        "escape",
        "reference",
        "link",
        "image_link",
        "image_reference",
        "short_reference",
        "short_image_ref",
        "autolink",
        "automail",
        "linebreak",
        "entity",
        "em_strong",
    }
)
"""The inline patterns `_INLINE_MARKUP` knows the first characters of (Markdown's own, less raw HTML)."""
_INLINE_MARKUP = re.compile(r"[`\\\[<&*_]|  \n")
"""What every one of those patterns needs in a text to match: a backtick or backslash (code, escapes),
[ (links and images), < (autolinks), & (entities), * or _ (emphasis), two spaces before a line break."""


class _QuickInline(InlineProcessor):
    """Markdown's inline step, which skips a text that has none of the characters any pattern needs.

    Markdown tries each of its 13 patterns on every paragraph, heading and list item; most texts in
    an offer have no markup at all, and trying the patterns was half the time of rendering one.
    The result is the same: a text no pattern matches is left as it is.
    """

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if not _INLINE_MARKUP.search(data):
            return data
        # Markdown's own method is private, so its stubs leave it out: mypy cannot see it.
        handled: str = super()._InlineProcessor__handleInline(data, patternIndex)  # type: ignore[misc]
        return handled


def _link_verdict(href: str) -> str:
    """'ok' for a link a visitor may follow; 'broken' for one no browser can read; else 'unsafe'."""
    cleaned = "".join(ch for ch in href if ch.isprintable() and not ch.isspace())
    if not cleaned:
        return "unsafe"
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:  # for example a [ without ] in the host: not an address a visitor can follow
        return "broken"
    return "ok" if scheme in SAFE_SCHEMES else "unsafe"


class _Safety(Extension):
    def __init__(self, collector: _Collector) -> None:
        super().__init__()
        self.collector = collector

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(self.collector, "stodguiden_safety", 0)

"""The quicker inline step of `richtext` gives exactly what Markdown's own inline step gives."""

from __future__ import annotations

from typing import TYPE_CHECKING

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions.sane_lists import SaneListExtension

from stodguiden.base import markdownsafe, richtext

if TYPE_CHECKING:
    from collections.abc import Callable

# Pieces that make every inline pattern (and the block parser) match now and then.
PIECES = st.sampled_from(
    [
        "a",
        "Å",
        " ",
        "\n",
        "\n\n",
        "  \n",
        "\t",
        "#",
        "## ",
        "\n- ",
        "\n1. ",
        "\n    kod",
        "\n```\n",
        "*",
        "**",
        "_",
        "__",
        "`",
        "``",
        "\\",
        "\\*",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<",
        ">",
        "&",
        "&amp;",
        "&#38;",
        ";",
        "@",
        "https://",
        "[länk](https://exempelby.se)",
        "![bild](x.png)",
        "[a][1]",
        "\n[1]: https://a.se",
        "<https://exempelby.se>",
        "<namn@exempelby.se>",
        "<b>",
        "\x02",
        "\x03",
        "www.exempelby.se",
    ]
)


def _markdowns_own(text: str) -> object:
    collector = markdownsafe._Collector(3)
    md = markdown.Markdown(extensions=[SaneListExtension(), markdownsafe._Safety(collector)])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    try:
        return md.convert(text), collector.problems
    except ValueError as exc:  # whatever happens, the quick step must do the same
        return repr(exc)


def _quick(text: str) -> object:
    try:
        rendered = richtext.render(text)
    except ValueError as exc:
        return repr(exc)
    return rendered.html, [f for f in rendered.problems if not f.message.startswith("innehåller HTML")]


def test_the_quick_step_is_used() -> None:
    md, _ = markdownsafe._converter(3)
    assert isinstance(md.treeprocessors["inline"], markdownsafe._QuickInline)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_same_html_and_findings_as_markdowns_own_inline_step(text: str) -> None:
    assert _quick(text) == _markdowns_own(text)


def _findings(text: str, check: Callable[[str], list[richtext.Finding]]) -> object:
    try:
        return check(text)
    except ValueError as exc:
        return repr(exc)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_findings_without_rendering_are_those_of_rendering(text: str) -> None:
    # hooks/check.py asks only for the findings, and renders no text that cannot have any.
    assert _findings(text, richtext.findings) == _findings(text, lambda t: richtext.render(t).problems)

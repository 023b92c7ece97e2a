"""Less whitespace in the pages that MkDocs renders from Material's templates and our overrides.

Material's templates are indented for reading, and every `{% if %}` or `{% set %}` on a line of its own
leaves that line's indentation and line break in the page: about a sixth of an offer page was whitespace.
`CompactTemplates` is a Jinja extension that rewrites a template's source once, when the template is
loaded, so rendering costs nothing extra:

- in template text, a run of whitespace that holds a line break becomes one line break (indentation and
  blank lines go; text on two lines stays on two lines);
- the line break after a statement (`{% if %}`, `{% endfor %}`, `{% set %}` …) goes only where the page is
  certain to end with a line break already at that point, whichever way the ifs and loops before it went.
  So no word, link or inline tag is ever joined to the next, and no line of script is joined to another.

Unlike Jinja's own `trim_blocks`, which drops the line break after every statement (`A{% if x %}…{% endif %}`
+ a new line starting `B` would become `AB`), this never removes the last whitespace between two things.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jinja2.ext import Extension

TOKEN = re.compile(r"(\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\})", re.S)
LINE_BREAKS = re.compile(r"[ \t]*\n\s*")
TAG_NAME = re.compile(r"\{%[-+]?\s*(\w+)")
WITHOUT_OUTPUT = frozenset({"set", "import", "from", "extends", "do"})
"""Statements that write nothing where they stand (a `set` that captures a block is handled apart)."""


@dataclass
class _Frame:
    name: str
    entry: bool
    ends: list[bool] = field(default_factory=list)
    has_else: bool = False
    loop: int = 0


class _UnexpectedError(Exception):
    """A statement this module does not follow (an end without its start): the template is left as it is."""


def _name(tag: str) -> str:
    match = TAG_NAME.match(tag)
    return match.group(1) if match else ""


def _pop(stack: list[_Frame], *names: str) -> _Frame:
    if not stack or stack[-1].name not in names:
        raise _UnexpectedError
    return stack.pop()


WRITING_BLOCKS = frozenset({"block", "call", "filter", "autoescape", "raw", "trans"})
"""Statements with an end that write what they like in between."""


class _Walk:
    """One pass over a template's parts (text and tags alternating), following whether the page written so
    far is certain to end with a line break (`state`); see `_line_breaks_to_drop`."""

    def __init__(self, parts: list[str], loops_end_with_newline: dict[int, bool]) -> None:
        self.parts = parts
        self.assumed = loops_end_with_newline
        self.drop: set[int] = set()
        self.state = False
        self.stack: list[_Frame] = []
        self.loop_ends: dict[int, bool] = {}
        self.loops = 0

    def run(self) -> tuple[set[int], dict[int, bool]]:
        for index, part in enumerate(self.parts):
            if index % 2 == 0:  # template text
                self.text(index, part)
            elif part.startswith("{{"):
                self.state = False
            elif not part.startswith("{#"):
                self.statement(_name(part), part)
        return self.drop, self.loop_ends

    def text(self, index: int, part: str) -> None:
        previous = self.parts[index - 1] if index else ""
        following = self.parts[index + 1] if index + 1 < len(self.parts) else ""
        text = part
        if previous.endswith(("-%}", "-}}", "-#}")):
            text = text.lstrip()
        elif self.state and previous.startswith(("{%", "{#")) and text.startswith("\n"):
            self.drop.add(index)
            text = text[1:]
        if following.startswith(("{%-", "{{-", "{#-")):
            text = text.rstrip()
        if text:
            self.state = text.endswith("\n")

    def statement(self, name: str, part: str) -> None:
        if name == "set" and "=" not in part:  # a set that captures a block
            self.open_unwritten(name)
        elif name in _HANDLERS:
            _HANDLERS[name](self, name)
        elif name in WITHOUT_OUTPUT:
            return
        elif name.startswith("end"):
            _pop(self.stack, name[3:])
            self.state = False
        else:  # include, block, call, filter and anything else that writes what it likes
            if name in WRITING_BLOCKS:
                self.stack.append(_Frame(name, self.state))
            self.state = False

    def open_if(self, name: str) -> None:
        self.stack.append(_Frame(name, self.state))

    def open_for(self, name: str) -> None:
        self.loops += 1
        self.stack.append(_Frame(name, self.state, loop=self.loops))
        self.state = self.state and self.assumed.get(self.loops, True)

    def branch(self, name: str) -> None:
        frame = _pop(self.stack, "if", "for")
        self.stack.append(frame)
        frame.ends.append(self.state)
        frame.has_else = frame.has_else or name == "else"
        if frame.name == "for":
            self.loop_ends[frame.loop] = self.state
        self.state = frame.entry

    def close_if(self, name: str) -> None:
        frame = _pop(self.stack, name[3:])
        ends = [*frame.ends, self.state]
        if not frame.has_else:
            ends.append(frame.entry)
        self.state = all(ends)

    def close_for(self, name: str) -> None:
        frame = _pop(self.stack, "for")
        if frame.has_else:  # the body's end was recorded at `else`; the else part runs when it never ran
            self.state = self.loop_ends[frame.loop] and self.state
        else:
            self.loop_ends[frame.loop] = self.state
            self.state = frame.entry and self.state

    def open_unwritten(self, name: str) -> None:
        self.stack.append(_Frame(name, self.state))
        self.state = False  # a macro's body is written where it is called; a captured block is not written here

    def close_unwritten(self, name: str) -> None:
        self.state = _pop(self.stack, name[3:]).entry


_HANDLERS = {
    "if": _Walk.open_if,
    "with": _Walk.open_if,
    "for": _Walk.open_for,
    "elif": _Walk.branch,
    "else": _Walk.branch,
    "endif": _Walk.close_if,
    "endwith": _Walk.close_if,
    "endfor": _Walk.close_for,
    "macro": _Walk.open_unwritten,
    "endmacro": _Walk.close_unwritten,
    "endset": _Walk.close_unwritten,
}
"""What each statement with its own rule does to the walk; a `set` that captures a block is told apart."""


def _line_breaks_to_drop(parts: list[str], loops_end_with_newline: dict[int, bool]) -> tuple[set[int], dict[int, bool]]:
    """Indexes of text parts whose leading line break can go, and what each loop body was found to end with.

    `state` is True where everything written so far is certain to end with a line break; it starts False,
    as a template may be included anywhere. Loop bodies start from the loop's entry and from their own end
    (the next round follows the previous one): `loops_end_with_newline` holds the assumption for that.
    """
    return _Walk(parts, loops_end_with_newline).run()


def compact(source: str) -> str:
    """The template with less whitespace in what it writes (see the module's description)."""
    parts = TOKEN.split(source)
    if any(_name(p) == "raw" for p in parts[1::2]):
        return source  # text between raw and endraw is not template syntax; none of our templates has it
    # The whitespace that ends the template is left as it is: Jinja drops one final line break of a
    # template's source, so shortening what comes before it could join the template to what follows it.
    body = parts[-1].rstrip()
    end = parts[-1][len(body) :]
    parts[-1] = body
    for index in range(0, len(parts), 2):
        parts[index] = LINE_BREAKS.sub("\n", parts[index])
    assumed: dict[int, bool] = {}
    while True:  # a loop body that does not end with a line break changes what its next round starts with
        try:
            drop, found = _line_breaks_to_drop(parts, assumed)
        except _UnexpectedError:
            return source
        wrong = {loop for loop, ends in found.items() if not ends and assumed.get(loop, True)}
        if not wrong:
            break
        assumed.update(dict.fromkeys(wrong, False))
    for index in drop:
        parts[index] = parts[index][1:]
    return "".join(parts) + end


_LINE_BREAK_RUN = re.compile(r"\n\s+")


def fold_line_breaks(html: str) -> str:
    """Whitespace that holds a line break (empty lines, indentation) as one line break: it shows the same,
    since a browser folds any run of whitespace into one space, except in <pre> and <textarea>, so HTML
    with either is returned as it is."""
    if "<pre" in html or "<textarea" in html:
        return html
    return _LINE_BREAK_RUN.sub("\n", html)


def fold_outside(html: str, content: str) -> str:
    """`fold_line_breaks` on a page around its `content`, which is left exactly as it is: the page's own
    HTML, which `pages` has folded already where it is ours, and which the Content-Security-Policy finds
    by its text (`csp.with_policy`). The frame (Material's templates and our overrides) keeps some empty
    lines and indentation that `CompactTemplates` cannot take away without knowing the values it writes."""
    start = html.find(content) if content else -1
    if start < 0:
        return fold_line_breaks(html)
    end = start + len(content)
    return fold_line_breaks(html[:start]) + content + fold_line_breaks(html[end:])


MENU_TEMPLATES = frozenset(
    {"partials/nav.html", "partials/nav-item.html", "partials/toc.html", "partials/toc-item.html"}
)
"""Material's menu and contents list: lists of links whose items (`md-nav__item`) are blocks and whose links
(`md-nav__link`) are flex boxes, so whitespace between two of their tags never shows."""
_BETWEEN_TAGS = re.compile(r">\s+<")


def compact_menu(source: str) -> str:
    """`compact`, and in the template's own text no whitespace between one tag and the next (see
    MENU_TEMPLATES): the menu and the contents list are on every page. Whitespace next to a value or a
    statement stays, so no text is joined to a tag."""
    parts = TOKEN.split(compact(source))
    for index in range(0, len(parts), 2):
        parts[index] = _BETWEEN_TAGS.sub("><", parts[index])
    return "".join(parts)


class CompactTemplates(Extension):
    """Jinja extension: `compact` every HTML template as it is loaded (`compact_menu` the menu's)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name in MENU_TEMPLATES:
            return compact_menu(source)
        if name is not None and name.endswith(".html"):
            return compact(source)
        return source

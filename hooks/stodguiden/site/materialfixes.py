"""Fixes to markup that Material's templates write outside any block, applied to their source when loaded.

Material 9.8.2 writes a few things that the Nu validator rejects or that leave a landmark without a name,
in places no block reaches (base.html's toggles, the macros of partials/nav-item.html). Copying those
templates whole would hide every later change to them; instead each fix names the exact text it replaces,
and loading the template fails with a clear message when that text is not there (Material changed: look
again at the fix). Smaller partials without blocks are overridden as files in overrides/partials/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2.exceptions import TemplateError
from jinja2.ext import Extension


@dataclass(frozen=True)
class Fix:
    old: str
    new: str
    count: int
    why: str


FIXES: dict[str, tuple[Fix, ...]] = {
    "base.html": (
        Fix(
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
            1,
            "autocomplete is not allowed on a checkbox (HTML); the menu's toggle works without it",
        ),
        Fix(
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
            '<input type="hidden" data-md-toggle="search">',
            1,
            "Material's search is off (the site has its own): its toggle is no control any more, but the "
            "bundle still looks the element up when it starts, so a hidden input stands in for it",
        ),
    ),
    "partials/nav-item.html": (
        Fix(
            'tabindex="{{ tabindex }}"',
            '{% if tabindex %}tabindex="{{ tabindex }}"{% endif %}',
            2,
            'an empty tabindex="" is invalid; Material means "not focusable by Tab", which is no attribute',
        ),
        Fix(
            'aria-labelledby="{{ path }}_label"',
            'aria-label="{{ nav_item.title | e }}"',
            1,
            "the label it pointed to holds only an icon where the section has an index page, so the section's "
            "navigation landmark had no name; the section's title names it",
        ),
    ),
}


def apply(source: str, name: str) -> str:
    """`source` of the template `name` with its fixes; a TemplateError when a fix's text is not found."""
    for fix in FIXES.get(name, ()):
        found = source.count(fix.old)
        if found != fix.count:
            raise TemplateError(
                f"Materials mall {name} har ändrats: {fix.old!r} finns {found} gånger, inte {fix.count}. "
                f"Se över rättelsen i stodguiden/site/materialfixes.py ({fix.why})."
            )
        source = source.replace(fix.old, fix.new)
    return source


class MaterialFixes(Extension):
    """Jinja extension: apply `FIXES` to Material's templates as they are loaded, before anything else."""

    priority = 10  # before CompactTemplates (100), which changes the whitespace the fixes match

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        # only Material's own file: an override of the same name in overrides/ is ours to write as it likes
        if name not in FIXES or filename is None:
            return source
        if not Path(filename).as_posix().endswith(f"material/templates/{name}"):
            return source
        return apply(source, name)

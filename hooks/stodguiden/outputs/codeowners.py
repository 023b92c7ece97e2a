"""The repository's `.github/CODEOWNERS`, written from the settings: who must review which files.

The web team (`webbteam`) owns everything by default; the content's owners (`ägare`) own data/ and the texts;
on a region's site each municipality's team (`ägare` in its kommun.yml) owns its own folder. GitHub lets the
last matching line win, so a municipality's folder comes after data/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stodguiden.model import Settings

PATH = ".github/CODEOWNERS"
COLUMN = 24
"""Where the owners start on a line, as in the file the project ships."""
CONTENT = ("/data/", "/docs/*.md", "/mallar/", "/REDAKTÖRSGUIDE.md")
PUBLISHING = ("/.github/", "/.gitlab-ci.yml")

HEADER = """\
# Who must review a pull request, by the files it changes (the last matching line wins).
# Turn on "Require review from Code Owners" for main under Settings → Branches, and replace the
# placeholder teams with your organisation's own (a team needs write access to the repository).
#
# The web team owns everything by default: code, templates, schemas, workflows and settings.
"""
CONTENT_COMMENT = """\
# The coordinators of parenting support own the content: offers, kinds of support, organisers,
# age groups, the site's texts and the word list. They review what editors change.
"""
REGION_CONTENT_COMMENT = """\
# The region's coordinators own the shared content: shared offers, kinds of support, organisers,
# age groups, the site's texts and the word list. They review what editors change.
"""
MUNICIPALITY_COMMENT = """\
# Each municipality's team owns its own folder: its settings (kommun.yml) and its own offers.
"""
PUBLISHING_COMMENT = """\
# Changes to how the site is published also need the web team, even inside the lines above.
"""


class MissingOwnerError(ValueError):
    """The settings do not name a team the file needs."""


def _line(path: str, owner: str, width: int) -> str:
    return f"{path.ljust(width)}{owner}\n"


def render(settings: Settings) -> str:
    """The file's text; MissingOwnerError (with a Swedish message) when `webbteam` or `ägare` is not set."""
    missing = [key for key, value in (("webbteam", settings.web_team), ("ägare", settings.owner)) if not value]
    if missing:
        raise MissingOwnerError(
            f"data/webbplats.yml saknar {' och '.join(missing)}: GitHub-teamen som granskar ändringar, till "
            'exempel webbteam: "@kommunen/webbteamet" och ägare: "@kommunen/foraldrastod". Lägg till '
            f"{'dem' if len(missing) > 1 else 'det'} och kör kommandot igen."
        )
    assert settings.web_team is not None
    assert settings.owner is not None
    folders = [(f"/data/kommuner/{m.slug}/", m.owner) for m in settings.municipalities if m.owner]
    width = max([COLUMN, *(len(path) + 2 for path, _ in folders)])
    parts = [HEADER, _line("*", settings.web_team, width), "\n"]
    parts.append(REGION_CONTENT_COMMENT if settings.region else CONTENT_COMMENT)
    parts += [_line(path, settings.owner, width) for path in CONTENT]
    if folders:
        parts += ["\n", MUNICIPALITY_COMMENT, *(_line(path, owner, width) for path, owner in folders)]
    parts += ["\n", PUBLISHING_COMMENT, *(_line(path, settings.web_team, width) for path in PUBLISHING)]
    return "".join(parts)

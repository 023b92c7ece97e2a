"""What the site hands to MkDocs beside its pages: the navigation, edit links and contents lists.

Plain functions of plain data, knowing nothing of MkDocs; stodguiden_hooks.py passes them MkDocs' values.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypedDict
from urllib.parse import urljoin

from markupsafe import Markup, escape

from stodguiden.base.siteurls import AGE_SECTION, TYPE_SECTION

NavChildren = Sequence[tuple[str, str]]
"""A section's pages in the navigation: (name from the data, Markdown path)."""

AGE_INDEX = f"{AGE_SECTION}/index.md"
TYPE_INDEX = f"{TYPE_SECTION}/index.md"
"""The nav entries in mkdocs.yml that are expanded into a section with one page per group."""


def section_children(age_nav: NavChildren, type_nav: NavChildren) -> dict[str, NavChildren]:
    """The groups' pages under each section's index page, for `expand_nav`."""
    return {AGE_INDEX: age_nav, TYPE_INDEX: type_nav}


def expand_nav(nav: list[Any] | None, sections: Mapping[str, NavChildren]) -> list[Any] | None:
    """mkdocs.yml's `nav` with each `Title: <section>/index.md` made a section: the index, then one page per
    group, named from the data (escaped here, as MkDocs' theme writes nav titles as they are)."""
    if nav is None:
        return None
    result: list[Any] = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            ((title, target),) = item.items()
            if isinstance(target, str) and target in sections:
                children = sections[target]
                result.append({title: [target] + [{Markup(escape(name)): uri} for name, uri in children]})
                continue
            if isinstance(target, list):
                result.append({title: expand_nav(target, sections)})
                continue
        result.append(item)
    return result


def edit_url(source: str, repo_url: str | None, edit_uri: str | None, config_file: str, docs_dir: str) -> str | None:
    """Where a page made from `source` (a path from the project's folder: 'data/erbjudanden/x.yml') is edited,
    from mkdocs.yml's repo_url and edit_uri (which lead to docs/); None without either of them."""
    if not repo_url or not edit_uri:
        return None
    base, up = edit_base(config_file, docs_dir, repo_url, edit_uri)
    return urljoin(base, f"{up}/{source}")


@functools.lru_cache(maxsize=8)
def edit_base(config_file: str, docs_dir: str, repo_url: str, edit_uri: str) -> tuple[str, str]:
    """The edit address of docs/ and the way from docs/ up to the project: the same for every page."""
    root = Path(config_file).resolve().parent
    # docs/ may lie outside the project's folder: the region sample's is the main project's (../../docs)
    up = Path(os.path.relpath(root, Path(docs_dir).resolve())).as_posix()
    return urljoin(repo_url.rstrip("/") + "/", edit_uri), up


class TocToken(TypedDict):
    """One heading in a contents list: the shape MkDocs' `get_toc` takes (mkdocs.structure.toc)."""

    level: int
    id: str
    name: str
    children: list[TocToken]


def toc_tokens(toc: Sequence[tuple[int, str, str]]) -> list[TocToken]:
    """A generated page's headings, (level, id, title), as the tokens MkDocs makes its contents list of.

    h2s nest under the h1, as MkDocs' own toc does; Material then lists only the h2s.
    """
    tokens: list[TocToken] = []
    for level, anchor, title in toc:
        token: TocToken = {"level": level, "id": anchor, "name": Markup(escape(title)), "children": []}
        (tokens[0]["children"] if tokens and level > 1 else tokens).append(token)
    return tokens


def docs_clashes(in_docs: Callable[[str], bool], pages: Iterable[str], data_files: Iterable[str]) -> list[str]:
    """A message for every page or data file the build makes that a file in docs/ would also make.

    `in_docs` says whether docs/ holds a path. Found before anything is written, so the editor sees every
    clash at once and the previous site stays as it was.
    """
    fix = "Ta bort eller byt namn på filen i docs/."
    found = [f"docs/{path} krockar med en sida som byggs från data/. {fix}" for path in pages if in_docs(path)]
    found += [f"docs/{path} krockar med en fil som byggs från data/. {fix}" for path in data_files if in_docs(path)]
    return found

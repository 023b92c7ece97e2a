"""MkDocs hooks for Stödguiden: connect the plain `stodguiden` modules to MkDocs' build events.

All real work (loading, checking, grouping, rendering) happens in `stodguiden`; this file only
hands data to MkDocs and takes pages back. It uses the documented MkDocs 1.6 event API.
"""

from __future__ import annotations

import functools
import logging
import os
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from stodguiden.base import parallel
from stodguiden.base.problems import format_all, sort_key
from stodguiden.base.siteurls import generated_at
from stodguiden.model import Catalog
from stodguiden.outputs import sitefiles
from stodguiden.site import pages as pages_module
from stodguiden.site.whitespace import CompactTemplates
from stodguiden.source import catalog as catalog_module

log = logging.getLogger("mkdocs.hooks.stodguiden")

# nav entries in mkdocs.yml that the hook expands into a section with one page per group
SECTION_INDEXES = {
    f"{pages_module.AGE_SECTION}/index.md": "age_nav",
    f"{pages_module.TYPE_SECTION}/index.md": "type_nav",
}


class _State:
    """What on_config computed, for the later events of the same build."""

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.plan: pages_module.SitePlan | None = None
        self.by_uri: dict[str, pages_module.GeneratedPage] = {}
        self.data_files: parallel.Later[int] | None = None
        # Only under `mkdocs serve`, which builds again after every change: what the last build checked
        # and rendered, reused where its file and everything it depends on are unchanged.
        self.checked_files: catalog_module.CheckedFiles | None = None
        self.rendered: pages_module.RenderedPages | None = None


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    serving = command == "serve"
    state.checked_files = catalog_module.CheckedFiles() if serving else None
    state.rendered = pages_module.RenderedPages() if serving else None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    try:
        # Several processes for many offers in `mkdocs build`; `load` stays in one under `mkdocs serve`.
        catalog, problems = catalog_module.load(root, workers=os.cpu_count() or 1, checked_files=state.checked_files)
    except catalog_module.TodayError as exc:
        raise PluginError(str(exc)) from None
    problems.sort(key=sort_key)
    errors = [p for p in problems if p.is_error]
    strict_warnings = config.strict and problems and not errors
    if errors or strict_warnings:
        # Raised before MkDocs cleans or writes site/, so the previous site stays as it was.
        count = len(problems)
        what = f"{len(errors)} fel" if errors else f"{count} {'varning' if count == 1 else 'varningar'} (strikt läge)"
        raise PluginError(f"Webbplatsen byggdes inte: {what} i data/. Rätta och bygg igen.\n" + format_all(problems))
    for problem in problems:
        log.warning(str(problem))
    assert catalog is not None
    state.catalog = catalog
    state.plan = pages_module.plan(catalog, config.site_url, workers=os.cpu_count() or 1, rendered=state.rendered)
    state.by_uri = {page.src_uri: page for page in state.plan.pages}
    settings = catalog.settings
    config.site_name = Markup(escape(settings.name))
    if settings.description:
        config.site_description = Markup(escape(settings.description))
    config.nav = _expand_nav(config.nav, state.plan)
    if settings.logo:
        config.theme["logo"] = settings.logo
    config.extra_css.append(sitefiles.COLOUR_CSS)  # always: the dark palette needs its lighter link colours
    config.extra["stodguiden"] = {
        "exempel": settings.example,
        "idag": catalog.today.isoformat(),
        "kommun": Markup(escape(settings.municipality)),
        # the footer links the accessibility statement on every page (overrides/partials/copyright.html)
        "tillganglighet": pages_module.url_of(pages_module.STATEMENT_PAGE) if settings.accessibility else None,
    }
    log.info(f"Stödguiden: {len(catalog.offers)} erbjudanden visas, byggt som den {catalog.today.isoformat()}.")
    return config


def _expand_nav(nav: list[Any] | None, plan: pages_module.SitePlan) -> list[Any] | None:
    if nav is None:
        return None
    result: list[Any] = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            ((title, target),) = item.items()
            if isinstance(target, str) and target in SECTION_INDEXES:
                children = getattr(plan, SECTION_INDEXES[target])
                result.append({title: [target] + [{Markup(escape(name)): uri} for name, uri in children]})
                continue
            if isinstance(target, list):
                result.append({title: _expand_nav(target, plan)})
                continue
        result.append(item)
    return result


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert state.plan is not None and state.catalog is not None
    for page in state.plan.pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(
                f"docs/{page.src_uri} krockar med en sida som byggs från data/. "
                "Ta bort eller byt namn på filen i docs/."
            )
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content="", inclusion=inclusion))
    for path in sitefiles.data_paths(state.catalog):
        if files.get_file_from_path(path) is not None:
            raise PluginError(
                f"docs/{path} krockar med en fil som byggs från data/. Ta bort eller byt namn på filen i docs/."
            )
    # Open data, the finder's and the search's data, colours: made and written by another process while
    # MkDocs renders its pages (where forking is safe; else in on_post_build, as MkDocs' own search plugin
    # writes its index). The "generated" time honours SOURCE_DATE_EPOCH.
    inputs = pages_module.data_inputs(state.catalog, config.site_url, generated_at(dict(os.environ)))
    site_dir = Path(config.site_dir)
    state.data_files = parallel.Later(lambda: sitefiles.write_data_files(inputs, site_dir))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Material's templates and our overrides write less whitespace; each template's source is rewritten
    # once, when it is loaded (stodguiden/site/whitespace.py).
    env.add_extension(CompactTemplates)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = state.by_uri.get(page.file.src_uri)
    if generated is None:
        return markdown
    page.title = Markup(escape(generated.title))  # type: ignore[misc]  # escaped once, for every template
    if generated.description:
        page.meta["description"] = Markup(escape(generated.description))
    if generated.updated:
        page.update_date = generated.updated.isoformat()  # the sitemap's lastmod: when the offer was checked
    if generated.hide_toc:
        page.meta["hide"] = ["toc"]  # Material's way to leave out the contents list
    if generated.leave_url:
        page.meta["sg_lamna"] = generated.leave_url  # overrides/main.html shows "Lämna sidan snabbt"
    if generated.source:
        page.edit_url = _edit_url(config, generated.source)
    return ""


def _edit_url(config: MkDocsConfig, source: str) -> str | None:
    if not config.repo_url or not config.edit_uri:
        return None
    base, up = _edit_base(config.config_file_path, config.docs_dir, config.repo_url, config.edit_uri)
    return urljoin(base, f"{up}/{source}")


@functools.lru_cache(maxsize=8)
def _edit_base(config_file: str, docs_dir: str, repo_url: str, edit_uri: str) -> tuple[str, str]:
    """The edit address of docs/ and the way from docs/ up to the project: the same for every page."""
    root = Path(config_file).resolve().parent
    up = posixpath.relpath(".", Path(docs_dir).resolve().relative_to(root).as_posix())
    return urljoin(repo_url.rstrip("/") + "/", edit_uri), up


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert state.catalog is not None
    generated = state.by_uri.get(page.file.src_uri)
    if generated is not None:
        tokens: list[Any] = []
        for level, anchor, title in generated.toc:
            token = {"level": level, "id": anchor, "name": Markup(escape(title)), "children": []}
            # h2s nest under the h1, as MkDocs' own toc does; Material then lists only the h2s.
            (tokens[0]["children"] if tokens and level > 1 else tokens).append(token)
        page.toc = get_toc(tokens)  # type: ignore[assignment]
        return generated.html
    if page.is_homepage:
        return html + pages_module.start_entrances(state.catalog, page.url)
    return html


def on_post_build(config: MkDocsConfig) -> None:
    assert state.data_files is not None
    state.data_files.result()  # waits for the process that writes the data files, or writes them now


def on_build_error(error: Exception) -> None:
    if state.data_files is not None:
        state.data_files.cancel()


def on_shutdown() -> None:
    if state.data_files is not None:
        state.data_files.cancel()
    state.catalog, state.plan, state.by_uri, state.data_files = None, None, {}, None


__all__ = [
    "on_build_error",
    "on_config",
    "on_env",
    "on_files",
    "on_page_content",
    "on_page_markdown",
    "on_post_build",
    "on_shutdown",
    "on_startup",
]

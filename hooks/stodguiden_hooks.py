"""MkDocs hooks for Stödguiden: connect the plain `stodguiden` modules to MkDocs' build events.

All real work (loading, checking, grouping, rendering) happens in `stodguiden`; this file only
hands data to MkDocs and takes pages back. It uses the documented MkDocs 1.6 event API.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import click
from markupsafe import Markup, escape
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from stodguiden.base import parallel
from stodguiden.base.problems import sort_key, verdict
from stodguiden.base.siteurls import generated_at
from stodguiden.outputs import sitefiles
from stodguiden.site import csp, images, navigation
from stodguiden.site import pages as pages_module
from stodguiden.site.materialfixes import MaterialFixes
from stodguiden.site.whitespace import CompactTemplates, fold_outside
from stodguiden.source import catalog as catalog_module
from stodguiden.source import region

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from stodguiden.model import Catalog

TRUSTED_SCRIPTS = csp.template_script_hashes(pages_module.TEMPLATES)
"""Inline scripts a page's content may run: the fixed ones in our own page templates (site/csp.py)."""

log = logging.getLogger("mkdocs.hooks.stodguiden")


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
        self.script_hashes: set[str] = set()
        """Every page's inline scripts in this build, for the header policy; emptied by each build."""


state = _State()


class Stopped(Abort):
    """The build stops with a Swedish message and nothing else.

    MkDocs follows a PluginError with its own English "Aborted with a BuildError!"; an Abort is shown
    by its `show` alone, and exits with 1 as a PluginError does.
    """

    def show(self, *args: object, **kwargs: object) -> None:
        click.echo(self.format_message(), err=True)


def on_startup(command: str, dirty: bool) -> None:
    serving = command == "serve"
    state.checked_files = catalog_module.CheckedFiles() if serving else None
    state.rendered = pages_module.RenderedPages() if serving else None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    state.script_hashes = set()  # `mkdocs serve` builds again in the same process
    try:
        # Several processes for many offers in `mkdocs build`; `load` stays in one under `mkdocs serve`.
        catalog, problems = catalog_module.load(
            root,
            workers=os.cpu_count() or 1,
            checked_files=state.checked_files,
            docs_dir=Path(config.docs_dir),
        )
    except (catalog_module.TodayError, region.MunicipalityError) as exc:
        raise Stopped(str(exc)) from None
    problems.sort(key=sort_key)
    result = verdict(problems, config.strict)
    if result.failed:
        # Raised before MkDocs cleans or writes site/, so the previous site stays as it was.
        raise Stopped(result.build_text())
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
    config.nav = navigation.expand_nav(config.nav, navigation.section_children(state.plan.age_nav, state.plan.type_nav))
    if settings.logo:
        config.theme["logo"] = settings.logo
    config.extra_css.append(sitefiles.COLOUR_CSS)  # always: the dark palette needs its lighter link colours
    config.extra["stodguiden"] = {
        "csp": csp.PLACEHOLDER,  # overrides/main.html; each page's own policy is filled in by on_post_page
        "exempel": settings.example,
        "idag": catalog.today.isoformat(),
        "kommun": Markup(escape(settings.municipality)),
        "logo_size": images.size(Path(config.docs_dir) / settings.logo) if settings.logo else None,
        # the footer links the accessibility statement on every page (overrides/partials/copyright.html)
        "tillganglighet": pages_module.url_of(pages_module.STATEMENT_PAGE) if settings.accessibility else None,
    }
    log.info(f"Stödguiden: {len(catalog.offers)} erbjudanden visas, byggt som den {catalog.today.isoformat()}.")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert state.plan is not None
    assert state.catalog is not None
    clashes = navigation.docs_clashes(
        lambda path: files.get_file_from_path(path) is not None,
        (page.src_uri for page in state.plan.pages),
        sitefiles.data_paths(state.catalog),
    )
    if clashes:
        raise Stopped("\n".join(clashes))
    for page in state.plan.pages:
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content="", inclusion=inclusion))
    # Open data, the finder's and the search's data, colours: made and written by another process while
    # MkDocs renders its pages (where forking is safe; else in on_post_build, as MkDocs' own search plugin
    # writes its index). The "generated" time honours SOURCE_DATE_EPOCH.
    inputs = pages_module.data_inputs(
        state.catalog, config.site_url, generated_at(dict(os.environ)), Path(config.config_file_path).resolve().parent
    )
    site_dir = Path(config.site_dir)
    state.data_files = parallel.Later(lambda: sitefiles.write_data_files(inputs, site_dir))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Material's templates and our overrides write less whitespace; each template's source is rewritten
    # once, when it is loaded (stodguiden/site/whitespace.py).
    # Before that, the few fixes to markup Material writes outside any block (stodguiden/site/materialfixes.py).
    env.add_extension(MaterialFixes)
    env.add_extension(CompactTemplates)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = state.by_uri.get(page.file.src_uri)
    if generated is None:
        return markdown
    page.title = Markup(escape(generated.title))  # escaped once, for every template
    if generated.description:
        page.meta["description"] = Markup(escape(generated.description))
    if generated.updated:
        page.update_date = generated.updated.isoformat()  # the sitemap's lastmod: when the offer was checked
    if generated.noindex:
        page.meta["robots"] = "noindex"  # overrides/main.html writes the meta tag
    if generated.hide_toc:
        page.meta["hide"] = ["toc"]  # Material's way to leave out the contents list
    if generated.leave_url:
        page.meta["sg_lamna"] = generated.leave_url  # overrides/main.html shows "Lämna sidan snabbt"
    if generated.source:
        page.edit_url = navigation.edit_url(
            generated.source, config.repo_url, config.edit_uri, config.config_file_path, config.docs_dir
        )
    return ""


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert state.catalog is not None
    generated = state.by_uri.get(page.file.src_uri)
    if generated is not None:
        page.toc = get_toc(navigation.toc_tokens(generated.toc))
        return generated.html
    if page.is_homepage:
        return html + pages_module.start_entrances(state.catalog, page.url)
    return html


def _with_policy(output: str, content: str = "") -> str:
    # Folded first, so that the hashes of the inline scripts are those of the bytes the page ends with.
    output = fold_outside(output, content)
    output, hashes = csp.with_policy(output, content, TRUSTED_SCRIPTS)
    state.script_hashes.update(hashes)
    return output


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(output, page.content or "")


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _with_policy(output_content)  # 404.html, which is rendered from a template and not a page


def on_post_build(config: MkDocsConfig) -> None:
    assert state.data_files is not None
    state.data_files.result()  # waits for the process that writes the data files, or writes them now
    # For web servers that can send the policy as a header (README, "Publicera"): every page's hashes.
    log.info(f"Stödguiden: Content-Security-Policy: {csp.policy(state.script_hashes, header=True)}")


def on_build_error(error: Exception) -> None:
    if state.data_files is not None:
        state.data_files.cancel()


def on_shutdown() -> None:
    if state.data_files is not None:
        state.data_files.cancel()
    state.catalog, state.plan, state.by_uri, state.data_files = None, None, {}, None
    state.script_hashes = set()


__all__ = [
    "on_build_error",
    "on_config",
    "on_env",
    "on_files",
    "on_page_content",
    "on_page_markdown",
    "on_post_build",
    "on_post_page",
    "on_post_template",
    "on_shutdown",
    "on_startup",
]

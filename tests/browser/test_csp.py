"""Every page type loads under its Content-Security-Policy with no violation, in both palettes.

The policy is the one the build writes into each page (<meta http-equiv>, stodguiden/site/csp.py): only the
site's own scripts, styles and images, inline scripts by hash. A violation is caught by the page's own
`securitypolicyviolation` event (listened to before any of the page's scripts run) and by the console.
"""

from __future__ import annotations

import re

import pytest

from .conftest import ContextFactory, open_page, open_search
from .pages import PAGES, PALETTES

pytestmark = pytest.mark.browser

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => {
  window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""


@pytest.mark.parametrize("palette", PALETTES.values(), ids=PALETTES.keys())
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_loads_under_its_policy_without_a_violation(
    new_context: ContextFactory, site_url: str, path: str, palette: str
) -> None:
    context = new_context(color_scheme=palette)
    context.add_init_script(LISTEN)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    open_page(page, site_url + path)
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    # The palette toggle and the header search run scripts too: use them under the policy as well.
    toggle = page.locator("form[data-md-component=palette] label:visible").first
    toggle.click()
    violations = page.evaluate("() => window.__cspViolations")
    reported = [text for text in console if re.search(r"Content[- ]Security[- ]Policy", text, re.I)]
    assert not violations, f"/{path}: {violations}"
    assert not reported, f"/{path}: {reported}"


def test_search_from_the_header_runs_under_the_policy(new_context: ContextFactory, site_url: str) -> None:
    context = new_context(width=375, height=800)
    context.add_init_script(LISTEN)
    page = context.new_page()
    open_page(page, site_url)
    open_search(page)
    assert page.locator("#sg-sok-resultat li").count() > 0
    assert page.evaluate("() => window.__cspViolations") == []

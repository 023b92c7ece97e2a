"""The form editor at redigera/, against a local git repository through `decap-server` (MODE=git).

The repository is a fresh one holding a copy of the project's data (decap-server runs `git add .` in it).
Every request that would leave this machine is stopped and makes the test fail.
"""

from __future__ import annotations

import base64
import os
import shutil
import socket
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from conftest import SAMPLE

from .conftest import ROOT, ContextFactory, describe, run_axe
from .pages import VIEWPORTS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.browser

PORT = 8081
"""Where Decap looks for decap-server when the form is opened on localhost (its default, in config.yml)."""
SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
ENTRY = "#/collections/erbjudanden/entries/"


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A new git repository with the project's data, served by decap-server on port 8081."""
    node = shutil.which("node")
    if node is None or not SERVER.is_file():
        pytest.skip("node or decap-server is missing (npm ci)")
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            pytest.fail(f"port {PORT} is taken: stop what runs there (perhaps another decap-server)")
    repo = tmp_path_factory.mktemp("git") / "stodguiden"
    for part in ("data", "schema", "docs"):
        shutil.copytree((ROOT if part == "schema" else SAMPLE) / part, repo / part)
    _git(repo.parent, "init", "-q", "-b", "main", str(repo))
    _git(repo, "config", "user.name", "Redaktör")  # decap-server commits as the repository's user
    _git(repo, "config", "user.email", "redaktor@example.invalid")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "Data")
    env = {"MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(PORT), "PATH": "/usr/bin:/bin"}
    server = subprocess.Popen(
        [node, str(SERVER)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert server.stdout is not None
    try:
        for line in server.stdout:
            if "configured with" in line:
                break
        else:
            pytest.fail("decap-server stopped before it was ready")
        yield repo
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()


@pytest.fixture
def editor(new_context: ContextFactory, site_url: str, repository: Path) -> Iterator[tuple[Page, list[str]]]:
    """A signed-in form (1280 px wide) and the list of requests that tried to leave localhost."""
    context = new_context()
    outside = _stop_outside(context)
    page = context.new_page()
    _sign_in(page, site_url)
    yield page, outside
    assert outside == [], f"requests that left the machine: {outside}"


def _stop_outside(context: BrowserContext) -> list[str]:
    outside: list[str] = []

    def handle(route: Route) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "http://localhost:", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", handle)
    return outside


def _sign_in(page: Page, site_url: str) -> None:
    page.goto(site_url + "redigera/")
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("link", name="Babymassage på familjecentralen")).to_be_visible()


def _open(page: Page, site_url: str, slug: str) -> None:
    page.goto(site_url + "redigera/" + ENTRY + slug)
    expect(page.get_by_label("Titel", exact=True)).not_to_have_value("")


def _fields_after(page: Page, first: str) -> dict[str, str]:
    """Field name → input id of the last list item whose first field's id starts with `first`."""
    return dict(
        page.evaluate(
            """first => {
              const inputs = Array.from(document.querySelectorAll("input[id*='-field-'], textarea[id*='-field-']"));
              const start = inputs.map(e => e.id.startsWith(first)).lastIndexOf(true);
              const found = {};
              for (const e of inputs.slice(start)) {
                const name = e.id.replace(/-field-.*$/, "");
                if (!(name in found)) found[name] = e.id;
              }
              return found;
            }""",
            first,
        )
    )


def _save_and_wait(page: Page, repo: Path, branch: str) -> None:
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.get_by_text("Ändringar sparade")).to_be_visible()
    for _ in range(100):  # decap-server commits after it answers
        if _git(repo, "branch", "--list", branch).strip():
            return
        time.sleep(0.1)
    pytest.fail(f"no branch {branch} after saving")


def _check(repo: Path, branch: str, target: Path) -> subprocess.CompletedProcess[str]:
    """hooks/check.py --strict on a clone of `branch`, as the pull request's check runs it."""
    subprocess.run(["git", "clone", "-q", "-b", branch, str(repo), str(target)], check=True)
    return subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "check.py"), "--strict", "--root", str(target)],
        capture_output=True,
        text=True,
        check=False,
        env={"STODGUIDEN_IDAG": "2027-01-18", "PATH": "/usr/bin:/bin"},
    )


def test_the_form_writes_every_offer_back_as_it_is(editor: tuple[Page, list[str]], repository: Path) -> None:
    page, _ = editor
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted((repository / "data" / "erbjudanden").glob("*"))}
    written = page.evaluate(
        """async files => {
          const schema = await (await fetch("erbjudande.schema.json")).json();
          const format = StodguidenKanonisk.format(jsyaml, schema);
          const again = ([name, text]) => [name, format.toFile(format.fromFile(text))];
          return Object.fromEntries(Object.entries(files).map(again));
        }""",
        files,
    )
    assert written == files


def test_an_unchanged_offer_is_not_saved(editor: tuple[Page, list[str]], site_url: str, repository: Path) -> None:
    page, _ = editor
    _open(page, site_url, "komet")
    title = page.get_by_label("Titel", exact=True)
    original = title.input_value()
    title.fill(original + " x")
    title.fill(original)
    expect(page.get_by_role("button", name="Spara", exact=True)).to_be_disabled()
    assert _git(repository, "branch", "--list", "cms/*") == ""


def test_a_new_title_and_a_new_round_change_exactly_those_lines(
    editor: tuple[Page, list[str]], site_url: str, repository: Path, tmp_path: Path
) -> None:
    page, _ = editor
    _open(page, site_url, "babymassage")
    page.get_by_label("Titel", exact=True).fill("Babymassage för de minsta")
    page.get_by_role("button", name="Lägg till omgång").click()
    new_round = _fields_after(page, "start-field")
    page.locator(f"[id='{new_round['start']}']").fill("2027-11-03")
    page.locator(f"[id='{new_round['träffar']}']").fill("4")
    page.locator(f"[id='{new_round['tid']}']").fill("10.00–11.30")
    page.locator(f"[id='{new_round['plats']}']").fill("Familjecentralen Solrosen")
    branch = "cms/erbjudanden/babymassage"
    _save_and_wait(page, repository, branch)
    diff = _git(repository, "diff", "-U0", "main", branch, "--", "data/")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [
        "-titel: Babymassage på familjecentralen",
        "+titel: Babymassage för de minsta",
        "+  - start: 2027-11-03",
        "+    träffar: 4",
        "+    tid: 10.00–11.30",
        "+    plats: Familjecentralen Solrosen",
        "+    status: öppen",
    ]
    result = _check(repository, branch, tmp_path / "klon")
    assert result.returncode == 0, result.stdout + result.stderr


def _choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in the select field labelled `label` (Decap's react-select), by keyboard."""
    field = page.get_by_label(label, exact=True)
    field.focus()
    page.keyboard.type(option)
    page.keyboard.press("Enter")


def test_a_new_offer_passes_the_check_without_hand_editing(
    editor: tuple[Page, list[str]], site_url: str, repository: Path, tmp_path: Path
) -> None:
    page, _ = editor
    page.goto(site_url + "redigera/#/collections/erbjudanden/new")
    page.get_by_label("Titel", exact=True).fill("Föräldrakafé i Norrby")
    page.get_by_label("Sammanfattning", exact=True).fill("Ett kafé där du träffar andra föräldrar och fikar.")
    page.locator("input[id^='från-field']").first.fill("0")
    page.locator("input[id^='till-field']").first.fill("5")
    _choose(page, "Typer", "Öppna mötesplatser")
    _choose(page, "Arrangör", "Familjecentralen Solrosen")
    _choose(page, "Sätt (frivillig)", "ingen")
    page.locator("input[id^='telefon-field']").last.fill("031-390 06 12")
    page.locator("input[id^='granskad-field']").fill("2027-01-10")
    branch = "cms/erbjudanden/foraldrakafe-i-norrby"
    _save_and_wait(page, repository, branch)
    written = _git(repository, "show", f"{branch}:data/erbjudanden/foraldrakafe-i-norrby.yml")
    # what the editor filled in, in the schema's order, and nothing for the fields left empty
    assert written == (
        "# yaml-language-server: $schema=../../schema/erbjudande.schema.json\n"
        "titel: Föräldrakafé i Norrby\n"
        "sammanfattning: Ett kafé där du träffar andra föräldrar och fikar.\n"
        "ålder:\n  från: 0\n  till: 5\n"
        "typer:\n  - motesplatser\n"
        "arrangör:\n  - familjecentralen\n"
        "anmälan:\n  sätt: ingen\n"
        "kontakt:\n  telefon: 031-390 06 12\n"
        "granskad: 2027-01-10\n"
    )
    result = _check(repository, branch, tmp_path / "klon")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_the_list_and_the_form_have_no_serious_axe_violations(
    new_context: ContextFactory, site_url: str, repository: Path, axe_source: str, viewport: dict[str, int]
) -> None:
    context = new_context(**viewport)
    outside = _stop_outside(context)
    page = context.new_page()
    _sign_in(page, site_url)
    views = {"listan": page.url}
    _open(page, site_url, "cope")
    views["formuläret"] = page.url
    for name, url in views.items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if name == "formuläret":
            expect(page.get_by_label("Titel", exact=True)).not_to_have_value("")
        violations = [v for v in run_axe(page, axe_source) if v["impact"] in ("serious", "critical")]
        assert not violations, f"axe på {name}:\n{describe(violations)}"
    assert outside == []


def _outline(page: Page) -> dict[str, Any]:
    return dict(
        page.evaluate(
            """() => {
              const e = document.activeElement;
              const s = getComputedStyle(e);
              const r = e.getBoundingClientRect();
              return {id: e.id, tag: e.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                      visible: r.width > 0 && r.height > 0, focus: e.matches(":focus")};
            }"""
        )
    )


def test_every_field_is_reached_by_keyboard_with_a_visible_focus(editor: tuple[Page, list[str]], site_url: str) -> None:
    page, _ = editor
    _open(page, site_url, "oppna-forskolan-kotten")
    fields = set(
        page.evaluate(
            """() => Array.from(document.querySelectorAll("input[id*='-field-'], textarea[id*='-field-']"))
                 .filter(e => e.getBoundingClientRect().width > 0).map(e => e.id)"""
        )
    )
    assert len(fields) > 40
    page.get_by_label("Titel", exact=True).focus()
    reached: set[str] = set()
    for _ in range(600):
        focus = _outline(page)
        # A date field's calendar button is a stop of its own, inside Chromium's field, where the field itself
        # no longer counts as focused: only the field's own stops are checked here.
        if focus["id"] in fields and focus["focus"]:
            reached.add(focus["id"])
            assert focus["style"] != "none", f"no visible focus on {focus}"
            assert focus["width"] >= 2, f"too thin a focus outline on {focus}"
        if reached == fields:
            break
        page.keyboard.press("Tab")
    assert fields - reached == set()


def test_the_interface_speaks_swedish(editor: tuple[Page, list[str]], site_url: str) -> None:
    page, _ = editor
    _open(page, site_url, "komet")
    text = page.inner_text("body")
    for english in ("Save", "Publish", "optional", "Add ", "Delete"):
        assert english not in text, english


PICTURES = {
    "formular-lista": (
        "Formulärets lista över erbjudanden",
        "Listan över alla erbjudanden i formuläret, med knappen för att skapa ett nytt erbjudande och sökrutan.",
    ),
    "formular-omgangar": (
        "Omgångar i formuläret",
        "Ett erbjudande öppet i formuläret. Varje omgång visas på en rad med datum, antal träffar, tid och "
        "status, och knappen Lägg till omgång står ovanför.",
    ),
    "formular-spara": (
        "Spara och status i formuläret",
        "Överst i formuläret efter en ändring: texten Ändringar sparade, knappen Spara och statusen Utkast.",
    ),
    "formular-arbetsflode": (
        "Arbetsflödet i formuläret",
        "Arbetsflödet med tre kolumner: Utkast, Granskas och Klar att publicera. Ett sparat erbjudande ligger "
        "som ett kort under Utkast.",
    ),
}
PICTURE_SIZE = {"width": 1000, "height": 640}
"""The pictures' size: the form's own layout for a computer, small enough to read in the guide."""


def _picture(name: str, jpeg: bytes) -> str:
    title, description = PICTURES[name]
    data = base64.b64encode(jpeg).decode("ascii")
    width, height = PICTURE_SIZE["width"], PICTURE_SIZE["height"]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="titel beskrivning">\n'
        f'  <title id="titel">{title}</title>\n  <desc id="beskrivning">{description}</desc>\n'
        f'  <image width="{width}" height="{height}" href="data:image/jpeg;base64,{data}"/>\n</svg>\n'
    )


def test_the_guide_shows_the_real_interface(new_context: ContextFactory, site_url: str, repository: Path) -> None:
    """UPDATE_PICTURES=1 takes the editor guide's pictures of the form anew; otherwise they must exist, each a
    screenshot (JPEG) of the form's size with a title and a description."""
    folder = ROOT / "bilder"
    if os.environ.get("UPDATE_PICTURES") != "1":
        for name in PICTURES:
            svg = ElementTree.parse(folder / f"{name}.svg").getroot()
            image = svg.find("{http://www.w3.org/2000/svg}image")
            assert image is not None, name
            jpeg = base64.b64decode(image.get("href", "").removeprefix("data:image/jpeg;base64,"))
            assert jpeg.startswith(b"\xff\xd8\xff"), name
            assert svg.get("width") == str(PICTURE_SIZE["width"]), name
        return
    context = new_context(**PICTURE_SIZE)
    outside = _stop_outside(context)
    page = context.new_page()
    _sign_in(page, site_url)
    shots = {"formular-lista": page.screenshot(type="jpeg", quality=75)}
    _open(page, site_url, "familjeverkstad")
    page.get_by_role("button", name="Lägg till omgång").scroll_into_view_if_needed()
    page.mouse.wheel(0, -120)
    shots["formular-omgangar"] = page.screenshot(type="jpeg", quality=75)
    page.locator("input[id^='granskad-field']").fill("2027-01-12")
    _save_and_wait(page, repository, "cms/erbjudanden/familjeverkstad")
    expect(page.get_by_text("Inlägg sparat")).to_be_hidden(timeout=20_000)
    page.mouse.wheel(0, -100000)
    shots["formular-spara"] = page.screenshot(type="jpeg", quality=75)
    page.goto(site_url + "redigera/#/workflow")
    expect(page.get_by_text("Familjeverkstad", exact=False).first).to_be_visible()
    shots["formular-arbetsflode"] = page.screenshot(type="jpeg", quality=75)
    for name, jpeg in shots.items():
        (folder / f"{name}.svg").write_text(_picture(name, jpeg), encoding="utf-8")
    assert outside == []

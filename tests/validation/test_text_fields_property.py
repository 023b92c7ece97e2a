"""Any Unicode text in any free-text field gives either clean Swedish problems or a valid catalog."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

import icalendar
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from validation_helpers import OFFER, check, minimal_site

from stodguiden.outputs import sitefiles
from stodguiden.site import pages

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

Offer = dict[str, Any]
# The words our messages start with; anything else would be a message nobody wrote.
SWEDISH_START = re.compile(
    r"^(Fältet|Filen|Raden|Telefonnumret|Det finns|Området|Ett fältnamn|Här|Texten"
    r"|En mening|Ordet|Uttrycket)\b"
)
# Arbitrary text is mostly refused for its control characters; this reaches the other rules more often.
PRINTABLE_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=2)
NOT_FOR_EDITORS = ("Traceback", "Error", "<class", "None", "tag:yaml.org", "\\u", "object at 0x")


def base_offer() -> Offer:
    return {
        "titel": "Öppen förskola",
        "sammanfattning": "Lek och fika för dig och ditt barn.",
        "ålder": {"från": 0, "till": 5},
        "typer": ["grupper"],
        "arrangör": "kyrkan",
        "anmälan": {"behövs": True, "hur": "Ring förskolan och säg att du vill komma."},
        "kontakt": {"namn": "Förskolans reception", "telefon": "0123-456 78"},
        "beskrivning": "Vi leker och fikar.",
        "plats": [{"namn": "Kyrkans barnrum"}],
        "målgrupp": ["föräldrar"],
        "sökord": ["lek"],
    }


def setter(*path: str | int) -> Callable[[Offer, str], None]:
    def put(offer: Offer, text: str) -> None:
        target: Any = offer
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = text

    return put


FIELDS = {
    "titel": setter("titel"),
    "sammanfattning": setter("sammanfattning"),
    "beskrivning": setter("beskrivning"),
    "anmälan.hur": setter("anmälan", "hur"),
    "kontakt.namn": setter("kontakt", "namn"),
    "plats.namn": setter("plats", 0, "namn"),
    "målgrupp": setter("målgrupp", 0),
    "sökord": setter("sökord", 0),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Module-scoped: hypothesis runs many examples in one test, and rewrites only the offer file.
    return minimal_site(tmp_path_factory.mktemp("egenskap"))


def test_the_base_offer_is_valid(site: Path) -> None:
    (site / OFFER).write_text(yaml.safe_dump(base_offer(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalog, problems = check(site)
    assert [str(p) for p in problems] == []
    assert catalog is not None
    assert "oppen-forskola" in [o.slug for o in catalog.offers]


@pytest.mark.parametrize("field", FIELDS)
@settings(max_examples=50, deadline=None)
@given(text=st.one_of(st.text(), PRINTABLE_TEXT))
def test_any_text_gives_clean_problems_or_a_catalog(site: Path, field: str, text: str) -> None:
    offer = base_offer()
    FIELDS[field](offer, text)
    (site / OFFER).write_text(yaml.safe_dump(offer, allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalog, problems = check(site)  # must not raise
    errors = [p for p in problems if p.is_error]
    assert (catalog is None) == bool(errors)
    if catalog is not None:
        assert "oppen-forskola" in [o.slug for o in catalog.offers]
    line_count = (site / OFFER).read_text(encoding="utf-8").count("\n")
    for problem in problems:
        assert problem.path == OFFER, str(problem)
        assert 1 <= problem.line <= line_count
        assert SWEDISH_START.match(problem.message), problem.message
        ours = problem.message
        for editors_text in (text, text.strip(), text.strip()[:59]):  # quoted whole, or cut short
            ours = ours.replace(editors_text, "") if editors_text else ours
        assert not any(word in ours for word in NOT_FOR_EDITORS), problem.message


# --- Accepted text is inert in every output -------------------------------------------------------------

SITE_URL = "https://www.exempelby.se/foraldraskapsstod/"
GENERATED = datetime(2027, 1, 18, 6, 0, tzinfo=UTC)
MARKDOWN_FIELDS = {"beskrivning"}
"""Fields whose text is Markdown: their markup may change the page's tags, but never into active markup."""
ACTIVE_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "style",
    "link",
    "meta",
    "base",
    "form",
    "img",
    "svg",
    "math",
    "frame",
    "frameset",
    "template",
    "audio",
    "video",
    "source",
}
HOSTILE_EXAMPLES = [
    "<script>alert(1)</script>",
    "</script><script>x()</script>",
    "]]>",
    "-->",
    "<!--",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "{% raw %}",
    "\u2028\u2029",
    "&amp; &lt;",
    "[x](javascript:alert(1))",
]


def full_offer() -> Offer:
    """The base offer with a round and a cost, so that the calendar and JSON-LD events are written too."""
    offer = base_offer()
    offer["omgångar"] = [{"start": "2027-02-02", "träffar": 4, "tid": "18.00–20.00"}]
    offer["kostnad"] = {"belopp": 0, "info": "Fika ingår."}
    return offer


class _Tags(HTMLParser):
    """The start tags of an HTML fragment with their attribute names, and the JSON-LD blocks' text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.scripts: list[tuple[str | None, str]] = []
        self._script_type: str | None = None
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        if tag == "script":
            self._in_script, self._script_type = True, dict(attrs).get("type")
            self.scripts.append((self._script_type, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)


class Outputs:
    """What a build writes: pages' HTML by source path, and the other files by path."""

    def __init__(self, pages: dict[str, str], files: dict[str, str | bytes]) -> None:
        self.pages = pages
        self.files = files

    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return f"Outputs({len(self.pages)} sidor, {len(self.files)} filer)"


def _outputs(site: Path, offer: Offer) -> Outputs | None:
    (site / OFFER).write_text(yaml.safe_dump(offer, allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalog, _ = check(site)
    if catalog is None:
        return None
    plan = pages.plan(catalog, SITE_URL)
    return Outputs(
        {page.src_uri: page.html for page in plan.pages},
        sitefiles.data_files(pages.data_inputs(catalog, SITE_URL, GENERATED)),
    )


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def _check_data_file(path: str, content: str | bytes) -> None:
    raw = content.encode("utf-8") if isinstance(content, str) else content
    if path.endswith(".json"):
        json.loads(raw)
    elif path.endswith(".csv"):
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
        assert rows, path
        assert all(len(row) == len(rows[0]) for row in rows), path
    elif path.endswith(".ics"):
        assert icalendar.Calendar.from_ical(raw).walk("VEVENT") is not None
    elif path.endswith((".atom", ".xml")):
        ElementTree.fromstring(raw)


@pytest.fixture(scope="module")
def baseline(site: Path) -> Outputs:
    outputs = _outputs(site, full_offer())
    assert outputs is not None
    return outputs


@pytest.mark.parametrize("field", FIELDS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.sampled_from(HOSTILE_EXAMPLES), PRINTABLE_TEXT, st.text()))
def test_accepted_text_is_inert_in_every_output(site: Path, baseline: Outputs, field: str, text: str) -> None:
    offer = full_offer()
    FIELDS[field](offer, text)
    outputs = _outputs(site, offer)
    if outputs is None:
        return  # refused with clean Swedish problems: the test above checks those
    page_html, data_files = outputs.pages, outputs.files
    base_html, base_files = baseline.pages, baseline.files
    assert page_html.keys() == base_html.keys()
    assert data_files.keys() == base_files.keys()
    for uri, html in page_html.items():
        parsed = _parse(html)
        if field not in MARKDOWN_FIELDS:
            # The text changes no tag and no attribute anywhere: it is all text or attribute values. Compared
            # in any order: a new title moves the offer's card among the others on a group page, and cards differ
            # in the facts they show (who takes part, for one).
            assert sorted(parsed.tags) == sorted(_parse(base_html[uri]).tags), uri
        else:
            assert not {tag for tag, _ in parsed.tags} & ACTIVE_TAGS - {tag for tag, _ in _parse(base_html[uri]).tags}
            assert not [names for _, names in parsed.tags if any(name.startswith("on") for name in names)], uri
        for kind, script in parsed.scripts:
            if kind == "application/ld+json":
                json.loads(script)  # the text did not end the block early or break its JSON
    for path, content in data_files.items():
        _check_data_file(path, content)

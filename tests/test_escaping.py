"""Text from YAML is shown as text everywhere the build writes it, never run as markup."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

from conftest import FIXTURE_SITES, BuildFactory

if TYPE_CHECKING:
    from pathlib import Path

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> "citat" </title>'


def test_hostile_text_is_escaped_in_every_page(build_fixture: BuildFactory, tmp_path: Path) -> None:
    data = tmp_path / "site" / "data"
    shutil.copytree(FIXTURE_SITES / "minimal" / "data", data)
    offer = data / "erbjudanden" / "komet.yml"
    text = offer.read_text(encoding="utf-8")
    text = text.replace("titel: Komet", f"titel: '{HOSTILE}'")
    text = text.replace(
        "sammanfattning: En kurs för dig som vill ha mindre bråk hemma.", f"sammanfattning: '{HOSTILE}'"
    )
    text = text.replace("  hur: Ring socialtjänsten och säg att du vill gå Komet.", f"  hur: '{HOSTILE}'")
    offer.write_text(text, encoding="utf-8")
    settings = data / "webbplats.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("namn: Föräldrastöd i Testby", "namn: 'Testby <b>stöd</b>'"),
        encoding="utf-8",
    )

    build = build_fixture(tmp_path / "site", "--strict")
    assert build.ok, build.result.stderr
    pages = list(build.site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html, page
        assert "<b>stöd</b>" not in html, page
    offer_html = build.html("erbjudanden/komet/")
    escaped = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;"
    assert f'<h1 id="rubrik">{escaped}' in offer_html
    assert f"<title>{escaped}" in offer_html
    assert "Testby &lt;b&gt;stöd&lt;/b&gt;" in offer_html
    index_text = (build.site / "sok" / "index.json").read_text(encoding="utf-8")
    assert "<" not in index_text
    assert ">" not in index_text
    assert "&" not in index_text
    titles = [entry["t"] for entry in json.loads(index_text)["erbjudanden"] if entry["u"] == "komet"]
    assert titles == [HOSTILE]  # the text itself, escaped only as JSON; the results page shows it as text

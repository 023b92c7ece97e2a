"""What the hook hands to MkDocs beside the pages (stodguiden/site/navigation.py), tested without MkDocs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from markupsafe import Markup

from stodguiden.site.navigation import docs_clashes, edit_url, expand_nav, section_children, toc_tokens

if TYPE_CHECKING:
    from pathlib import Path

AGES = [("Väntar barn", "alder/vantar-barn.md"), ("Barn & <tonår>", "alder/tonaringar.md")]
KINDS = [("Föräldragrupp", "stod/foraldragrupp.md")]


def test_nav_sections_get_a_page_per_group_and_the_rest_stays() -> None:
    nav = [
        "index.md",
        {"Barnets ålder": "alder/index.md"},
        {"Mer": [{"Typ av stöd": "stod/index.md"}, {"Om": "om.md"}]},
        {"Extern": "https://example.org/"},
        {"Två": "a.md", "nycklar": "b.md"},
    ]
    expanded = expand_nav(nav, section_children(AGES, KINDS))
    assert expanded == [
        "index.md",
        {
            "Barnets ålder": [
                "alder/index.md",
                {"Väntar barn": "alder/vantar-barn.md"},
                {"Barn &amp; &lt;tonår&gt;": "alder/tonaringar.md"},
            ]
        },
        {"Mer": [{"Typ av stöd": ["stod/index.md", {"Föräldragrupp": "stod/foraldragrupp.md"}]}, {"Om": "om.md"}]},
        {"Extern": "https://example.org/"},
        {"Två": "a.md", "nycklar": "b.md"},
    ]
    # the names come from the data and are escaped once; MkDocs' theme writes nav titles unescaped
    assert all(isinstance(title, Markup) for child in expanded[1]["Barnets ålder"][1:] for title in child)
    assert nav[1] == {"Barnets ålder": "alder/index.md"}  # the configuration itself is left as it was


def test_nav_without_sections_or_nav() -> None:
    assert expand_nav(None, section_children(AGES, KINDS)) is None
    assert expand_nav([{"Barnets ålder": "alder/index.md"}], section_children([], [])) == [
        {"Barnets ålder": ["alder/index.md"]}
    ]


SOURCE = "data/erbjudanden/komet.yml"


@pytest.mark.parametrize(
    ("repo_url", "edit_uri", "docs_dir", "expected"),
    [
        (
            "https://github.com/kommun/stodguiden",
            "edit/main/docs/",
            "docs",
            "https://github.com/kommun/stodguiden/edit/main/data/erbjudanden/komet.yml",
        ),
        (
            "https://github.com/kommun/stodguiden/",
            "edit/main/docs/",
            "docs",
            "https://github.com/kommun/stodguiden/edit/main/data/erbjudanden/komet.yml",
        ),
        (  # docs_dir two folders down: the way up is ../..
            "https://gitlab.com/kommun/stodguiden",
            "-/edit/main/webb/innehall/",
            "webb/innehall",
            "https://gitlab.com/kommun/stodguiden/-/edit/main/data/erbjudanden/komet.yml",
        ),
        (  # edit_uri as a whole address, on another branch
            "https://github.com/kommun/stodguiden",
            "https://github.com/kommun/stodguiden/edit/dev/docs/",
            "docs",
            "https://github.com/kommun/stodguiden/edit/dev/data/erbjudanden/komet.yml",
        ),
        ("https://github.com/kommun/stodguiden", "", "docs", None),  # edit_uri: '' turns edit links off
        (None, "edit/main/docs/", "docs", None),
    ],
)
def test_edit_url(tmp_path: Path, repo_url: str | None, edit_uri: str, docs_dir: str, expected: str | None) -> None:
    # MkDocs hands over edit_uri with its final slash and docs_dir as an absolute path
    config_file = str(tmp_path / "mkdocs.yml")
    assert edit_url(SOURCE, repo_url, edit_uri, config_file, str(tmp_path / docs_dir)) == expected


def test_toc_tokens_nest_the_h2s_under_the_h1_and_escape_the_titles() -> None:
    tokens = toc_tokens([(1, "rubrik", "Komet"), (2, "for-vem", "För vem?"), (2, "kostnad", "Pris <&>")])
    assert tokens == [
        {
            "level": 1,
            "id": "rubrik",
            "name": "Komet",
            "children": [
                {"level": 2, "id": "for-vem", "name": "För vem?", "children": []},
                {"level": 2, "id": "kostnad", "name": "Pris &lt;&amp;&gt;", "children": []},
            ],
        }
    ]
    assert isinstance(tokens[0]["children"][1]["name"], Markup)
    assert toc_tokens([]) == []


# ---- files in docs/ in the way of generated ones --------------------------------------------------


def test_every_clash_with_docs_is_told_at_once() -> None:
    in_docs = {"erbjudanden/komet.md", "oppna-data/erbjudanden.csv", "om.md"}.__contains__
    pages = ["erbjudanden/komet.md", "erbjudanden/babyrytmik.md"]
    data_files = ["oppna-data/erbjudanden.json", "oppna-data/erbjudanden.csv"]
    assert docs_clashes(in_docs, pages, data_files) == [
        "docs/erbjudanden/komet.md krockar med en sida som byggs från data/. Ta bort eller byt namn på filen i docs/.",
        "docs/oppna-data/erbjudanden.csv krockar med en fil som byggs från data/. "
        "Ta bort eller byt namn på filen i docs/.",
    ]


def test_no_clash_when_docs_holds_only_its_own_pages() -> None:
    assert docs_clashes({"index.md"}.__contains__, ["erbjudanden/komet.md"], ["sok/index.json"]) == []

"""Less whitespace from the theme's templates (stodguiden/site/whitespace.py), never a word joined to the next."""

from __future__ import annotations

import re
from pathlib import Path

import material
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import DictLoader, Environment

from conftest import FIXTURE_SITES, ROOT, Build, make_project, run_build
from stodguiden.site.whitespace import (
    MENU_TEMPLATES,
    CompactTemplates,
    compact,
    compact_menu,
    fold_line_breaks,
    fold_outside,
)


def same_words(a: str, b: str) -> bool:
    """Equal once every run of whitespace is one space: no text joined, split or changed."""
    return re.sub(r"\s+", " ", a) == re.sub(r"\s+", " ", b)


def render(source: str, **context: object) -> str:
    return Environment(loader=DictLoader({"t.html": source})).get_template("t.html").render(**context)


def test_indentation_and_lines_of_statements_go() -> None:
    source = (
        "<ul>\n  {% for x in xs %}\n    {% if x %}\n      <li>{{ x }}</li>\n    {% endif %}\n  {% endfor %}\n</ul>\n"
    )
    assert render(compact(source), xs=[1, 0, 2]) == "<ul>\n<li>1</li>\n<li>2</li>\n</ul>"


def test_a_line_break_stays_where_it_is_the_only_whitespace() -> None:
    # Jinja's trim_blocks would write "WordNext" when a is false: the break after `if` is inside the if.
    source = "Word{% if a %}\n  {% endif %}\n  Next"
    for a in (True, False):
        assert re.fullmatch(r"Word\s+Next", render(compact(source), a=a))
    macro = "{% macro m() %}\n  inside\n{% endmacro %}before{{ m() }}after"
    assert re.fullmatch(r"before\s+inside\s+after", render(compact(macro)))


def test_a_loop_whose_body_ends_without_a_line_break_keeps_the_break_before_the_next_round() -> None:
    source = "<p>\n{% for x in xs %}\n  {% set y = x %}\n  {{ y }}{% endfor %}\n</p>"
    # The break after `for` is kept: in the second round it is all that stands between a and b.
    assert render(compact(source), xs=["a", "b"]) == "<p>\n\na\nb\n</p>"


def test_only_html_templates_and_not_raw_text_or_statements_it_does_not_follow() -> None:
    raw = "{% raw %}\n   {{ x }}\n{% endraw %}\n"
    assert compact(raw) == raw
    unmatched = "{% if a %}\n  x\n{% endfor %}\n"
    assert compact(unmatched) == unmatched
    extension = CompactTemplates(Environment())
    assert extension.preprocess("a\n   b", "sitemap.xml") == "a\n   b"
    assert extension.preprocess("a\n   b", "main.html") == "a\nb"


# ---- any template: words and line breaks as before ------------------------------------------------

WORDS = st.sampled_from(["ord", "två ord", "<b>", "</b>", ".", "x;"])
SPACE = st.sampled_from(["", " ", "\n", "\n  ", "  \n    ", "\n\n\t", " \n"])
VALUES = {"v": "", "w": "värde", "s": " ", "n": "\n"}


def _tag(body: str) -> st.SearchStrategy[str]:
    """A statement with or without Jinja's own whitespace control on either side."""
    return st.tuples(st.sampled_from(["{%", "{%-"]), st.sampled_from(["%}", "-%}"])).map(
        lambda ends: f"{ends[0]} {body} {ends[1]}"
    )


def _template(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    body = st.lists(children, max_size=4).map("".join)
    if_block = st.tuples(_tag("if a"), body, st.one_of(st.just(""), _tag("else").map(str)), body, _tag("endif")).map(
        lambda p: p[0] + p[1] + (p[2] + p[3] if p[2] else "") + p[4]
    )
    for_block = st.tuples(_tag("for i in items"), body, _tag("endfor")).map("".join)
    return st.one_of(if_block, for_block)


PIECE = st.one_of(
    WORDS,
    SPACE,
    st.sampled_from([f"{{{{ {name} }}}}" for name in VALUES]),
    st.sampled_from(["{% set z = 1 %}", "{# note #}", "{{ m() }}"]),
)
TEMPLATE = st.recursive(PIECE, lambda children: st.one_of(children, _template(children)), max_leaves=12)
SOURCE = st.lists(TEMPLATE, min_size=1, max_size=8).map("".join)


@settings(max_examples=200, deadline=None)
@given(source=SOURCE, macro_body=SOURCE, a=st.booleans(), items=st.integers(0, 2))
def test_compact_templates_write_the_same_words_and_line_breaks(
    source: str, macro_body: str, a: bool, items: int
) -> None:
    macro_body = macro_body.replace("{{ m() }}", "{{ w }}")  # no macro that calls itself
    template = f"{{% macro m() %}}{macro_body}{{% endmacro %}}{source}"
    context = {**VALUES, "a": a, "items": list(range(items))}
    before, after = render(template, **context), render(compact(template), **context)
    assert same_words(before, after), (before, after)
    # Lines of script stay apart: no line break goes where it was the only one between two things.
    assert _breaks(before) == _breaks(after), (before, after)


def _breaks(text: str) -> list[bool]:
    """For each gap of whitespace between two visible characters: whether it holds a line break."""
    return ["\n" in gap for gap in re.findall(r"(?<=\S)\s+(?=\S)", text)]


# ---- a whole site -----------------------------------------------------------------------------------


def test_every_page_of_a_site_has_the_same_words_as_without_it(minimal_build: Build, tmp_path: Path) -> None:
    project = make_project(tmp_path / "utan", FIXTURE_SITES / "minimal" / "data")
    with (project / "hooks" / "stodguiden" / "site" / "whitespace.py").open("a", encoding="utf-8") as module:
        module.write(
            "\n\ndef compact(source: str) -> str:  # the site as Material's templates write it\n    return source\n"
            "\n\ndef fold_outside(html: str, content: str) -> str:\n    return html\n"
        )
    plain = run_build(project, "--strict")
    assert plain.ok, plain.result.stderr
    pages = sorted(path.relative_to(plain.site) for path in plain.site.rglob("*.html"))
    assert pages == sorted(path.relative_to(minimal_build.site) for path in minimal_build.site.rglob("*.html"))
    for page in pages:
        before = (plain.site / page).read_text(encoding="utf-8")
        after = (minimal_build.site / page).read_text(encoding="utf-8")
        assert same_words(before, after), page
        assert _breaks(before) == _breaks(after), page
    offer = Path("erbjudanden/komet/index.html")
    assert len((minimal_build.site / offer).read_bytes()) < 0.85 * len((plain.site / offer).read_bytes())


def test_line_breaks_fold_except_where_whitespace_shows() -> None:
    assert (
        fold_line_breaks("<dl>\n  <div>a</div>\n\n  <div>b</div>\n</dl>") == "<dl>\n<div>a</div>\n<div>b</div>\n</dl>"
    )
    kept = "<pre>a\n    b</pre>\n  <p>c</p>"
    assert fold_line_breaks(kept) == kept
    assert fold_line_breaks("<textarea>\n  x</textarea>") == "<textarea>\n  x</textarea>"


def test_the_frame_is_folded_around_the_page_content_which_is_left_as_it_is() -> None:
    content = "<p>a\n   b</p>\n\n<pre>  x\n    y</pre>"
    page = f"<body>\n\n  <main>\n    {content}\n  </main>\n</body>"
    folded = fold_outside(page, content)
    assert folded == f"<body>\n<main>\n{content}\n</main>\n</body>"
    assert fold_outside("<div>\n\n  a</div>", "") == "<div>\na</div>"
    # content that is not in the page (it always is): the page is folded as a whole
    assert fold_outside("<div>\n\n  a</div>", "<p>b</p>") == "<div>\na</div>"


def test_the_menu_templates_lose_only_whitespace_between_two_tags() -> None:
    templates = Path(material.__file__).parent / "templates"
    for name in sorted(MENU_TEMPLATES):
        own = ROOT / "overrides" / name
        source = (own if own.is_file() else templates / name).read_text(encoding="utf-8")
        plain, menu = compact(source), compact_menu(source)
        assert len(menu) < len(plain), name
        assert re.sub(r"\s", "", menu) == re.sub(r"\s", "", plain), name
        assert re.sub(r">\s+<", "><", menu) == re.sub(r">\s+<", "><", plain), name

"""Site colours: contrast in the light and the dark palette, and the CSS for both."""

from __future__ import annotations

import pytest

from stodguiden.model import Contact, Settings
from stodguiden.source import theme


def settings(**colours: str) -> Settings:
    return Settings(name="Stöd i Testby", municipality="Testby kommun", contact=Contact(name="Stödet"), **colours)


def test_contrast_of_known_pairs() -> None:
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert theme.contrast("#1d5c4d", "#ffffff") == pytest.approx(7.81, abs=0.01)


@pytest.mark.parametrize("colour", ["#1d5c4d", "#8a3b12", "#000000", "#4051b5", "#ff0000"])
def test_lightened_colours_are_readable_on_the_dark_background(colour: str) -> None:
    lighter = theme.readable_on(colour, theme.DARK_BACKGROUND)
    assert theme.contrast(lighter, theme.DARK_BACKGROUND) >= theme.MIN_CONTRAST_TEXT
    assert theme.contrast(lighter, "#1e2129") >= theme.MIN_CONTRAST_TEXT  # the page itself is darker still
    assert lighter != "#ffffff", "the colour should keep some of its hue"


def test_a_colour_that_is_already_readable_is_kept() -> None:
    assert theme.readable_on("#8fd3c0", theme.DARK_BACKGROUND) == "#8fd3c0"


def test_css_has_both_palettes_with_the_editors_dark_colours() -> None:
    css = theme.colour_css(
        settings(
            primary_colour="#1d5c4d", accent_colour="#8a3b12", dark_link_colour="#8fd3c0", dark_accent_colour="#f0a27a"
        )
    )
    assert ":root > * {\n  --md-primary-fg-color: #1d5c4d;" in css
    assert "  --md-typeset-a-color: #1d5c4d;\n  --md-accent-fg-color: #8a3b12;\n}" in css
    assert (
        '[data-md-color-scheme="slate"] {\n  --md-typeset-a-color: #8fd3c0;\n'
        "  --md-accent-fg-color: #f0a27a;\n  --md-accent-bg-color: var(--md-default-bg-color);\n}"
    ) in css


def test_css_without_colours_uses_materials_and_lightens_them_for_the_dark_palette() -> None:
    css = theme.colour_css(settings())
    link, accent = theme.dark_colours(settings())
    assert f"--md-primary-fg-color: {theme.DEFAULT_PRIMARY};" in css
    assert f'[data-md-color-scheme="slate"] {{\n  --md-typeset-a-color: {link};' in css
    assert theme.contrast(link, theme.DARK_BACKGROUND) >= 4.5
    assert theme.contrast(accent, theme.DARK_BACKGROUND) >= 4.5

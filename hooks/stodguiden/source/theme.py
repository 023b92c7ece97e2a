"""Site colours from the settings: their contrast checks, and CSS for Material's light and dark palettes.

The site has a light palette (Material's `default` scheme, white background) and a dark one (`slate`).
The primary colour is the header's background (white text on it) and, in the light palette, the
colour of links; the accent colour is the colour of hovered links and of the keyboard focus outline.
On the dark background the links and the accent need lighter colours: editors may set them under
`färger → mörkt_läge`, otherwise they are made lighter here until they are readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stodguiden.model import Settings

LIGHT_BACKGROUND = "#ffffff"
DARK_BACKGROUND = "#363840"
"""The lightest background that links and marked words are drawn on in Material's slate palette: tags
and search words (12 % light grey over the page's hsl(225deg 15% 14%) = #1e2129). What is readable on
it is readable on the page too."""
MIN_CONTRAST_TEXT = 4.5
"""WCAG 2.1 AA 1.4.3 for normal text. Every site colour is also used for text, so this stricter limit
covers 3:1 for large text and for controls and focus outlines (1.4.11) as well."""
DEFAULT_PRIMARY = "#4051b5"
"""Material's colours when `primary: custom` is given no colour."""
DEFAULT_ACCENT = "#4051b5"


@dataclass(frozen=True)
class ContrastRule:
    """One pair of colours that must be told apart: `key` (a place in `färger`) against `background`."""

    key: tuple[str, ...]
    background: str
    minimum: float
    use: str
    """What the colour is used for, in Swedish, for the message."""
    fix: str


CONTRAST_RULES = (
    # White text on the header, and links on the white page: the same pair of colours.
    ContrastRule(("primär",), LIGHT_BACKGROUND, MIN_CONTRAST_TEXT, "mot vit text", "Välj en mörkare färg."),
    # Hovered links (text) and the focus outline (a control, 3:1) on the white page: text is the stricter.
    ContrastRule(("accent",), LIGHT_BACKGROUND, MIN_CONTRAST_TEXT, "mot vit text", "Välj en mörkare färg."),
    ContrastRule(
        ("mörkt_läge", "länkar"),
        DARK_BACKGROUND,
        MIN_CONTRAST_TEXT,
        f"mot den mörka bakgrunden i mörkt läge ({DARK_BACKGROUND})",
        "Välj en ljusare färg.",
    ),
    ContrastRule(
        ("mörkt_läge", "accent"),
        DARK_BACKGROUND,
        MIN_CONTRAST_TEXT,
        f"mot den mörka bakgrunden i mörkt läge ({DARK_BACKGROUND})",
        "Välj en ljusare färg.",
    ),
)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _shade(colour: str, factor: float) -> str:
    """Darken (factor < 1) or lighten (factor > 1, towards white) a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    if factor <= 1:
        mixed = [round(c * factor) for c in channels]
    else:
        mixed = [round(c + (255 - c) * (factor - 1)) for c in channels]
    return "#" + "".join(f"{min(255, max(0, c)):02x}" for c in mixed)


def readable_on(colour: str, background: str, minimum: float = MIN_CONTRAST_TEXT) -> str:
    """`colour`, mixed with white in small steps until it reaches `minimum` against a dark background."""
    step = 0
    result = colour
    while contrast(result, background) < minimum and step < 20:
        step += 1
        result = _shade(colour, 1 + step / 20)
    return result


def dark_colours(settings: Settings) -> tuple[str, str]:
    """The link and accent colours of the dark palette: the editor's, or lightened ones."""
    primary = settings.primary_colour or DEFAULT_PRIMARY
    accent = settings.accent_colour or DEFAULT_ACCENT
    return (
        settings.dark_link_colour or readable_on(primary, DARK_BACKGROUND),
        settings.dark_accent_colour or readable_on(accent, DARK_BACKGROUND),
    )


def colour_css(settings: Settings) -> str:
    """CSS custom properties for both palettes; the values were checked against the schema's #rrggbb pattern."""
    primary = settings.primary_colour or DEFAULT_PRIMARY
    accent = settings.accent_colour or DEFAULT_ACCENT
    link, dark_accent = dark_colours(settings)
    return (
        "\n".join(
            [
                ":root > * {",
                f"  --md-primary-fg-color: {primary};",
                f"  --md-primary-fg-color--light: {_shade(primary, 1.15)};",
                f"  --md-primary-fg-color--dark: {_shade(primary, 0.8)};",
                f"  --md-typeset-a-color: {primary};",
                f"  --md-accent-fg-color: {accent};",
                "}",
                "/* Dark palette (Material's slate): lighter links and accent, readable on the dark background. "
                "Text on",
                "   the accent colour (hovered and focused buttons) is dark: white on the lightened accent "
                "would be faint. */",
                ':root > [data-md-color-scheme="slate"] {',
                f"  --md-typeset-a-color: {link};",
                f"  --md-accent-fg-color: {dark_accent};",
                "  --md-accent-bg-color: var(--md-default-bg-color);",
                "}",
            ]
        )
        + "\n"
    )

"""Site colours from the settings, as CSS for Material's custom palette."""

from __future__ import annotations

from .model import Settings


def _shade(colour: str, factor: float) -> str:
    """Darken (factor < 1) or lighten (factor > 1, towards white) a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    if factor <= 1:
        mixed = [round(c * factor) for c in channels]
    else:
        mixed = [round(c + (255 - c) * (factor - 1)) for c in channels]
    return "#" + "".join(f"{min(255, max(0, c)):02x}" for c in mixed)


def colour_css(settings: Settings) -> str:
    """CSS custom properties; the values were checked against the schema's #rrggbb pattern."""
    lines = [":root > * {"]
    if settings.primary_colour:
        primary = settings.primary_colour
        lines += [
            f"  --md-primary-fg-color: {primary};",
            f"  --md-primary-fg-color--light: {_shade(primary, 1.15)};",
            f"  --md-primary-fg-color--dark: {_shade(primary, 0.8)};",
            f"  --md-typeset-a-color: {primary};",
        ]
    if settings.accent_colour:
        lines += [f"  --md-accent-fg-color: {settings.accent_colour};"]
    lines.append("}")
    return "\n".join(lines) + "\n"

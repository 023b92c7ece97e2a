"""The intrinsic width and height of an image file (SVG, PNG), so a page can give the image its room."""

from __future__ import annotations

import re
import struct
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.S)
NUMBER = r"\s*=\s*[\"']\s*([0-9.]+)\s*(?:px)?\s*[\"']"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def size(path: Path) -> tuple[int, int] | None:
    """(width, height) in CSS pixels, or None for a format or file this does not read."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data.startswith(PNG_SIGNATURE) and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return (width, height) if width and height else None
    tag = SVG_TAG.search(data[:4096])
    if tag is None:
        return None
    text = tag.group(0).decode("utf-8", "replace")
    width, height = re.search(r"\swidth" + NUMBER, text), re.search(r"\sheight" + NUMBER, text)
    if width and height:
        return _rounded(float(width.group(1)), float(height.group(1)))
    box = re.search(r"""\sviewBox\s*=\s*["']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)""", text)
    return _rounded(float(box.group(1)), float(box.group(2))) if box else None


def _rounded(width: float, height: float) -> tuple[int, int] | None:
    return (round(width), round(height)) if width > 0 and height > 0 else None

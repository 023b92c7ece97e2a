"""JSON text that stays inert wherever it ends up, also inside an HTML `<script>` element."""

from __future__ import annotations

import json
from typing import Any


def inert_json(value: Any) -> str:
    """Compact JSON in which <, > and & are written as \\u escapes: they parse to the same text, but
    `</script>` or `<!--` in editor text can neither end nor confuse a `<script>` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")

"""YAML files that ship with Stödguiden (the municipality list, word lists, tables), read quickly.

They are ours, not an editor's: no line numbers or friendly messages are needed, so they are read with
libyaml's loader when PyYAML has it (several times faster than the pure-Python one, which matters for a
check that runs on every pull request), and with the same safe rules either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from pathlib import Path

_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: Path) -> Any:
    """The data in a shipped YAML file."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)

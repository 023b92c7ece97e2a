"""The project's own Python for the command-line tools: run by a Python without the project's packages
(`python3 hooks/ny_webbplats.py`), a tool starts again with `.venv/bin/python`, or says in Swedish how."""

from __future__ import annotations

import os
import sys
from pathlib import Path

VENV_PYTHON = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "python"
_AGAIN = "STODGUIDEN_OMSTART"


def restart_in_venv(script: str, missing: str | None) -> int:
    """Runs `script` again with the project's Python when there is one (never twice); else prints the
    commands that work and returns 1."""
    if VENV_PYTHON.is_file() and os.environ.get(_AGAIN) != "1":
        os.environ[_AGAIN] = "1"
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), script, *sys.argv[1:]])
    name = Path(script).name
    print(
        f"fel: Kommandot behöver paketen i projektets virtuella miljö (.venv), men den här Pythonen saknar "
        f"{missing or 'dem'}. Skapa miljön en gång (se README.md) och kör sedan kommandot med den:\n"
        "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
        f"  .venv/bin/python hooks/{name}",
        file=sys.stderr,
    )
    return 1

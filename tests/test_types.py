"""The build code and the benchmarks pass `mypy --strict`, as configured in pyproject.toml's [tool.mypy]."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_mypy_finds_no_errors() -> None:
    # No arguments: the files to check and the settings come from pyproject.toml, as for `mypy` by hand.
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

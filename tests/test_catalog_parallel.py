"""Checking offers in several processes gives exactly what checking them in one gives."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from conftest import SAMPLE_DATA, SAMPLE_DOCS
from stodguiden.source import catalog, datafiles

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402  (bench/ is not a package; it is put on the path above)

if TYPE_CHECKING:
    from stodguiden.base.problems import Problem


def _project(root: Path, count: int) -> list[Path]:
    data = root / "data"
    data.mkdir()
    for name in datafiles.VOCABULARY_FILES:
        shutil.copy2(SAMPLE_DATA / name, data / name)
    shutil.copytree(SAMPLE_DOCS, root / "docs")  # the logo in webbplats.yml is checked to exist
    return synth.generate(data, count)


# Run in a fresh interpreter: this test process may have threads (browser tests), and load only forks
# a process that has one. The child says whether it really used several processes.
_CHILD = """
import pickle, sys, threading
from datetime import date
from pathlib import Path
from stodguiden.source import catalog
catalog.PARALLEL_FROM = 1
from stodguiden.base import parallel
forked = []
original = parallel.Later._start
parallel.Later._start = lambda self: forked.append("fork") or original(self)
result = catalog.load(Path(sys.argv[1]), today=date.fromisoformat(sys.argv[2]), workers=2)
sys.stdout.buffer.write(pickle.dumps((forked, result)))
"""


def _load_in_processes(root: Path) -> tuple[catalog.Catalog | None, list[Problem]]:
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(root), synth.TODAY.isoformat()],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        timeout=300,
    )
    assert child.returncode == 0, child.stderr.decode()
    forked, result = pickle.loads(child.stdout)
    assert forked == ["fork"], "load did not use several processes, so the test would prove nothing"
    return result


def test_same_offers_in_the_same_order(tmp_path: Path) -> None:
    _project(tmp_path, 40)
    serial = catalog.load(tmp_path, today=synth.TODAY, workers=1)
    assert serial[0] is not None
    assert len(serial[0].offers) == 40
    assert _load_in_processes(tmp_path) == serial


def test_same_problems_in_the_same_order(tmp_path: Path) -> None:
    written = _project(tmp_path, 40)
    written[3].write_text(written[3].read_text(encoding="utf-8").replace("typer:", "typ:", 1), encoding="utf-8")
    shutil.copy2(written[7], written[7].with_suffix(".yaml"))
    serial = catalog.load(tmp_path, today=synth.TODAY, workers=1)
    catalog_, problems = serial
    assert catalog_ is None
    # x.yaml sorts before x.yml, so the .yml file is the second with that address
    assert {p.path for p in problems} == {f"data/erbjudanden/{written[3].name}", f"data/erbjudanden/{written[7].name}"}
    assert _load_in_processes(tmp_path) == serial

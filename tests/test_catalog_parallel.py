"""Checking offers in several processes gives exactly what checking them in one gives."""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path

import pytest

from stodguiden import catalog

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402  (bench/ is not a package; it is put on the path above)


def _project(root: Path, count: int) -> list[Path]:
    data = root / "data"
    data.mkdir()
    for name in catalog.VOCABULARY_FILES:
        shutil.copy2(ROOT / "data" / name, data / name)
    (root / "docs").symlink_to(ROOT / "docs")  # the logo in webbplats.yml is checked to exist
    return synth.generate(data, count)


def _load_in_processes(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[catalog.Catalog | None, list]:
    monkeypatch.setattr(catalog, "PARALLEL_FROM", 1)
    assert threading.active_count() == 1, "with more threads, load would not fork and the test would prove nothing"
    return catalog.load(root, today=synth.TODAY, workers=2)


def test_same_offers_in_the_same_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, 40)
    serial = catalog.load(tmp_path, today=synth.TODAY, workers=1)
    assert serial[0] is not None and len(serial[0].offers) == 40
    assert _load_in_processes(tmp_path, monkeypatch) == serial


def test_same_problems_in_the_same_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written = _project(tmp_path, 40)
    written[3].write_text(written[3].read_text(encoding="utf-8").replace("typer:", "typ:", 1), encoding="utf-8")
    shutil.copy2(written[7], written[7].with_suffix(".yaml"))
    serial = catalog.load(tmp_path, today=synth.TODAY, workers=1)
    catalog_, problems = serial
    assert catalog_ is None
    # x.yaml sorts before x.yml, so the .yml file is the second with that address
    assert {p.path for p in problems} == {f"data/erbjudanden/{written[3].name}", f"data/erbjudanden/{written[7].name}"}
    assert _load_in_processes(tmp_path, monkeypatch) == serial

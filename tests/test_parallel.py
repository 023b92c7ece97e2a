"""Work split over forked processes gives exactly what one process gives, and failures are reported."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLE_DATA, SAMPLE_DOCS, make_project
from stodguiden.base import parallel
from stodguiden.source import datafiles

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402  (bench/ is not a package; it is put on the path above)

# Each scenario runs in a fresh interpreter: this test process may have threads (the browser tests'
# servers), and `parallel` only forks a process that has one.
_PRELUDE = """
import json, os, sys
from stodguiden.base import parallel
assert parallel.can_fork(), "the fresh interpreter cannot fork, so the test would prove nothing"
"""


def _run(script: str, *args: str) -> dict:  # type: ignore[type-arg]
    child = subprocess.run(
        [sys.executable, "-c", _PRELUDE + script, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        timeout=300,
    )
    assert child.returncode == 0, child.stderr
    return json.loads(child.stdout)  # type: ignore[no-any-return]


def test_fork_map_keeps_order_and_uses_the_processes_asked_for() -> None:
    # Each item takes a millisecond, so that the children are running before this process has taken every chunk.
    result = _run("""
import time
items = list(range(1000))
pairs = parallel.fork_map(lambda i: (time.sleep(0.001), i * i, os.getpid())[1:], items, workers=3)
print(json.dumps({"values": [v for v, _ in pairs], "pids": len({p for _, p in pairs}),
                  "parent_did_first": pairs[0][1] == os.getpid()}))
""")
    assert result == {"values": [i * i for i in range(1000)], "pids": 3, "parent_did_first": True}


def test_a_slower_process_takes_fewer_items() -> None:
    # The child takes six times as long per item as this process: with fixed halves this process would wait for it;
    # taking chunks, this process does most of the items (six sevenths if sleeping took exactly as long as asked;
    # on a busy machine a little less) and the child still some.
    result = _run("""
import time
parent = os.getpid()
done = parallel.fork_map(lambda i: (time.sleep(0.001 if os.getpid() == parent else 0.006), os.getpid())[1],
                         list(range(400)), workers=2)
share = done.count(parent) / len(done)
print(json.dumps({"most": 0.7 <= share < 1, "count": len(done)}))
""")
    assert result == {"most": True, "count": 400}


def test_fork_map_stays_in_one_process_below_the_minimum() -> None:
    result = _run("""
pids = parallel.fork_map(lambda i: os.getpid(), list(range(199)), workers=2)
print(json.dumps({"pids": sorted(set(pids)) == [os.getpid()]}))
""")
    assert result == {"pids": True}


def test_a_failing_child_raises_with_its_traceback() -> None:
    result = _run("""
import time
parent = os.getpid()
def fail(i):
    time.sleep(0.001)  # so that the child is running before this process has taken every chunk
    if os.getpid() != parent:
        raise ValueError(f"fel i erbjudande {i}")
    return i
try:
    parallel.fork_map(fail, list(range(600)), workers=2)
except parallel.WorkerError as exc:
    print(json.dumps({"error": str(exc).strip().splitlines()[-1].rstrip("0123456789")}))
""")
    assert result == {"error": "ValueError: fel i erbjudande "}


def test_when_no_child_can_be_forked_this_process_does_every_item() -> None:
    result = _run("""
parallel.Later._start = lambda self: None  # as if forking had become unsafe after the check before it
values = parallel.fork_map(lambda i: (i * 3, os.getpid()), list(range(500)), workers=2)
print(json.dumps({"values": [v for v, _ in values] == [i * 3 for i in range(500)],
                  "here": {p for _, p in values} == {os.getpid()}}))
""")
    assert result == {"values": True, "here": True}


def test_later_runs_in_a_child_and_cancel_leaves_no_process_behind() -> None:
    result = _run("""
later = parallel.Later(lambda: (os.getpid(), b"x" * 5_000_000))
pid, data = later.result()
unwanted = parallel.Later(lambda: b"y" * 5_000_000)  # more than a pipe holds: the child waits to send
forked = unwanted.forked
unwanted.cancel()
try:
    os.waitpid(-1, os.WNOHANG)
    left = True
except ChildProcessError:
    left = False
print(json.dumps({"in_child": pid != os.getpid(), "size": len(data), "forked": forked, "left": left}))
""")
    assert result == {"in_child": True, "size": 5_000_000, "forked": True, "left": False}


def test_later_without_fork_runs_once_when_asked() -> None:
    calls: list[int] = []
    later = parallel.Later(lambda: calls.append(1) or len(calls), fork=False)
    assert calls == []
    assert not later.forked
    assert later.result() == 1
    assert later.result() == 1
    assert calls == [1]


def test_offer_pages_rendered_in_two_processes_are_the_same(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in datafiles.VOCABULARY_FILES:
        shutil.copy2(SAMPLE_DATA / name, data / name)
    shutil.copytree(SAMPLE_DOCS, tmp_path / "docs")
    synth.generate(data, 240)
    result = _run(
        """
import hashlib
from datetime import date
from pathlib import Path
from stodguiden.source import catalog
from stodguiden.site import pages
loaded, problems = catalog.load(Path(sys.argv[1]), today=date.fromisoformat(sys.argv[2]))
def pages_of(workers):
    return [(p.src_uri, p.title, hashlib.sha256(p.html.encode()).hexdigest(), p.toc)
            for p in pages.plan(loaded, "https://www.exempelby.se/stod/", workers=workers).pages]
forked = []
original = parallel.Later._start
parallel.Later._start = lambda self: forked.append(1) or original(self)
serial = pages_of(1)
assert not forked
split = pages_of(2)
print(json.dumps({"offers": len(loaded.offers), "same": split == serial, "forked": len(forked)}))
""",
        str(tmp_path),
        synth.TODAY.isoformat(),
    )
    assert result == {"offers": 240, "same": True, "forked": 1}


_BUILD_WITH_A_THREAD = """
import sys, threading, time
threading.Thread(target=time.sleep, args=(600,), daemon=True).start()  # as under mkdocs serve: no forking
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", "-d", sys.argv[1]]
cli()
"""


def test_a_build_that_cannot_fork_writes_the_same_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "projekt", SAMPLE_DATA)
    synth.generate(project / "data", 230)  # enough offers for every part of the build to fork
    env = {
        **os.environ,
        "STODGUIDEN_IDAG": synth.TODAY.isoformat(),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1800000000",
    }
    forked = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "a")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert forked.returncode == 0, forked.stderr
    serial = subprocess.run(
        [sys.executable, "-c", _BUILD_WITH_A_THREAD, str(tmp_path / "b")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert serial.returncode == 0, serial.stderr
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    assert len(files_a) > 300
    assert Path("oppna-data/hsds/services.json") in files_a
    different = [str(f) for f in files_a if (tmp_path / "a" / f).read_bytes() != (tmp_path / "b" / f).read_bytes()]
    assert different == []

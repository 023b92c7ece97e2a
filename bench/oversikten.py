"""The coordinators' overview at scale: how long `hooks/oversikt.py` takes for 10,000 synthetic offers.

    python bench/oversikten.py            # 10,000 offers
    python bench/oversikten.py 1000 10000

The data is loaded and checked once (as the check and the build do; `bench/run.py` measures that). What is
timed here is what the overview adds: the overview itself, its Markdown and HTML, the nightly issue's text and
the yearly follow-up with its CSV. The target is under 5 s for 10,000 offers.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402  (importable once bench/ is on the path)

from stodguiden.outputs import followup, overview, reminder  # noqa: E402
from stodguiden.site import coordination  # noqa: E402
from stodguiden.source.catalog import load  # noqa: E402
from stodguiden.source.datafiles import VOCABULARY_FILES  # noqa: E402


def measure(count: int) -> tuple[float, float, int]:
    """(seconds to load and check, seconds for the overview's outputs, bytes of HTML) for `count` offers."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        (project / "data").mkdir()
        for name in VOCABULARY_FILES:
            shutil.copy2(ROOT / "data" / name, project / "data" / name)
        shutil.copytree(ROOT / "docs", project / "docs")
        synth.generate(project / "data", count)
        started = time.perf_counter()
        catalog, problems = load(project, today=synth.TODAY, workers=2)
        loaded = time.perf_counter()
        if catalog is None:
            raise SystemExit("\n".join(str(p) for p in problems if p.is_error)[:2000])
        result = overview.of_catalog(catalog)
        overview.markdown(result)
        html = coordination.standalone(result)
        reminder.issue(result, [])
        report = followup.report(catalog.offers, overview.context_of(catalog), synth.TODAY.year, "Bench")
        followup.to_csv(report)
        done = time.perf_counter()
        return loaded - started, done - loaded, len(html.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("counts", type=int, nargs="*", default=[10_000])
    args = parser.parse_args()
    print("| Erbjudanden | Läsa och kontrollera | Översikten (Markdown, HTML, ärende, uppföljning) | HTML |")
    print("| ---: | ---: | ---: | ---: |")
    for count in args.counts:
        loading, writing, size = measure(count)
        print(f"| {count:,} | {loading:.1f} s | {writing:.2f} s | {size / 1024:.0f} KB |".replace(",", " "))


if __name__ == "__main__":
    main()

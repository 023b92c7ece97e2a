"""Benchmark of a region's site: a county of 49 municipalities with 2,500 offers, and the whole country.

    python bench/region.py                # Västra Götalands län: 49 municipalities, 2 500 offers
    python bench/region.py --hela-landet  # also all 290 municipalities with 15 000 offers
    python bench/region.py --json ut.json

Each site is written by bench/synth.py (fixed seed) into a temporary copy of the project, then built with
the real `mkdocs build` (run.py's child process, which times the hooks' events), and once more for one
municipality alone (STODGUIDEN_KOMMUN). It prints wall and CPU time, peak memory and the site's size;
BENCHMARKS.md keeps the figures. No figure is compared with a target here.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run
import synth

COUNTY = "14"
"""Västra Götalands län, the county with the most municipalities (49)."""
COUNTY_OFFERS = 2_500
COUNTRY_OFFERS = 15_000
ONE_MUNICIPALITY = "1480"
"""Göteborg, built alone from the region's data (STODGUIDEN_KOMMUN)."""


def make_project(target: Path, count: int, county: str | None) -> Path:
    """A copy of the project whose data/ is a synthetic region's."""
    target.mkdir(parents=True)
    for part in run.PROJECT_PARTS:
        source = run.ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    (target / "data").mkdir()
    for name in run.VOCABULARY_FILES:
        shutil.copy2(run.ROOT / "data" / name, target / "data" / name)
    synth.generate_region(target / "data", count, county)
    return target


def _size_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1_000_000


def measure(count: int, county: str | None, work: Path) -> dict[str, Any]:
    name = f"lan-{county}" if county else "hela-landet"
    project = make_project(work / name, count, county)
    municipalities = len(list((project / "data" / "kommuner").iterdir()))
    whole = run.build(project)
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    size = _size_mb(project / "site")
    os.environ["STODGUIDEN_KOMMUN"] = ONE_MUNICIPALITY
    try:
        alone = run.build(project)
    finally:
        del os.environ["STODGUIDEN_KOMMUN"]
    alone_pages = sum(1 for _ in (project / "site").rglob("index.html"))
    check = run.check_time(project)
    shutil.rmtree(project)
    return {
        "namn": name,
        "kommuner": municipalities,
        "erbjudanden": count,
        "bygge": whole,
        "sidor": pages,
        "webbplats_mb": size,
        "en_kommun": {**alone, "sidor": alone_pages},
        "kontroll": check,
    }


def report(results: list[dict[str, Any]]) -> str:
    rows = []
    for r in results:
        whole, alone = r["bygge"], r["en_kommun"]
        rows.append(
            f"| {r['namn']} | {r['kommuner']} | {r['erbjudanden']:,} | {whole['wall']:.1f} s | {whole['cpu']:.1f} s | "
            f"{whole['pss_mb']:.0f} MB | {r['sidor']:,} | {r['webbplats_mb']:.0f} MB | {alone['wall']:.1f} s "
            f"({alone['sidor']:,} sidor) |".replace(",", " ")
        )
    head = (
        "| Region | Kommuner | Erbjudanden | Bygge (vägg) | Bygge (CPU) | Minne (Pss) | Sidor | Webbplats | "
        "En kommun (STODGUIDEN_KOMMUN) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    )
    return "\n".join([head, *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hela-landet", action="store_true", help="mät också alla 290 kommuner, 15 000 erbjudanden")
    parser.add_argument("--bara-hela-landet", action="store_true", help="mät bara hela landet")
    parser.add_argument("--json", type=Path, help="skriv alla siffror som JSON hit")
    args = parser.parse_args(argv)
    plans: list[tuple[int, str | None]] = [] if args.bara_hela_landet else [(COUNTY_OFFERS, COUNTY)]
    if args.hela_landet or args.bara_hela_landet:
        plans.append((COUNTRY_OFFERS, None))
    with tempfile.TemporaryDirectory(prefix="stodguiden-region-") as temp:
        results = [measure(count, county, Path(temp)) for count, county in plans]
    print(report(results))
    if args.json:
        machine = {"cores": os.cpu_count(), "date_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime())}
        args.json.write_text(json.dumps({"machine": machine, "results": results}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

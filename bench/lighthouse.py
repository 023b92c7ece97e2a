"""Lighthouse's mobile preset on every page type of the sample site, served gzipped under its subfolder.

    python bench/lighthouse.py                  # builds the sample site, then one run per page
    python bench/lighthouse.py --site site      # an already built site (mkdocs build --strict)
    python bench/lighthouse.py --runs 3 --json ut.json
    python bench/lighthouse.py --sida start --sida "sök ?q=kurs"

Lighthouse comes from npm (pinned in package-lock.json; `npm ci` installs it) and runs Debian's Chromium
(CHROME_PATH=/usr/bin/chromium) with its default mobile preset: a mid-range phone, simulated slow 4G and
a 4× slower processor. The site is served on 127.0.0.1 under the path of site_url, with text files gzipped
as a real host sends them (bench/localserver.py). The script measures and prints; BENCHMARKS.md has the
targets and the figures. With --runs above 1 it shows each page's run with the median performance score.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from localserver import serve_site  # noqa: E402  (importable once bench/ is on the path)

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
TODAY = "2027-01-18"
"""The day the sample site is built as of, the same as the tests' (tests/conftest.py), so every round shows."""
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES: dict[str, str] = {
    "start": "",
    "erbjudande": "erbjudanden/komet/",
    "åldersgrupp": "alder/tonaringar/",
    "typ av stöd": "stod/foraldrakurser/",
    "hitta stöd": "hitta-stod/",
    "hitta stöd ?alder=4": "hitta-stod/?alder=4",
    "sök ?q=kurs": "sok/?q=kurs",
    "tillgänglighet": "tillganglighet/",
    "404": "404.html",
}
"""Name → path under the site's root. 404.html is opened directly: Lighthouse stops at a 404 status."""


def site_prefix() -> str:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return urlsplit(str(config["site_url"])).path.rstrip("/") + "/"


def build_sample(target: Path) -> Path:
    environ = {**os.environ, "STODGUIDEN_IDAG": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)]
    result = subprocess.run(command, cwd=ROOT, env=environ, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build misslyckades:\n{result.stdout}{result.stderr}")
    return target


def lighthouse(url: str) -> dict[str, Any]:
    """One Lighthouse run with the mobile preset: its report as JSON."""
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"{LIGHTHOUSE} saknas: kör `npm ci` i projektets mapp")
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    environ = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    result = subprocess.run(command, env=environ, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse misslyckades för {url}:\n{result.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def figures(report: dict[str, Any]) -> dict[str, Any]:
    audits = report["audits"]
    scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
    return {
        "scores": {name: round(score * 100) if score is not None else None for name, score in scores.items()},
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "si_ms": audits["speed-index"]["numericValue"],
        "render_blocking": [item["url"] for item in audits["render-blocking-resources"]["details"].get("items", [])],
        "warnings": report.get("runWarnings", []),
        "lighthouse": report["lighthouseVersion"],
        "chromium": report["environment"]["hostUserAgent"],
    }


def measure(site: Path, runs: int, names: list[str]) -> dict[str, list[dict[str, Any]]]:
    results: dict[str, list[dict[str, Any]]] = {}
    with serve_site(site, site_prefix(), compress=True) as base:
        for name, path in PAGES.items():
            if names and name not in names:
                continue
            results[name] = [figures(lighthouse(base + path)) for _ in range(runs)]
            best = median_run(results[name])
            print(f"  {name}: {best['scores']} LCP {best['lcp_ms']:.0f} ms CLS {best['cls']:.3f}", flush=True)
    return results


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median performance score (the lower middle one for an even number)."""
    ordered = sorted(runs, key=lambda run: run["scores"]["performance"] or 0)
    return ordered[(len(ordered) - 1) // 2]


def report(results: dict[str, list[dict[str, Any]]]) -> str:
    header = "| Sida (mobil) | Prestanda | FCP | LCP | TBT | CLS | Tillgänglighet | Bästa praxis | SEO |"
    lines = [header, "|---|---|---|---|---|---|---|---|---|"]
    for name, runs in results.items():
        run = median_run(runs)
        scores = run["scores"]
        performance = str(scores["performance"])
        if len(runs) > 1:
            performance += f" ({', '.join(str(r['scores']['performance']) for r in runs)})"
        lines.append(
            f"| {name} | {performance} | {run['fcp_ms'] / 1000:.1f} s | {run['lcp_ms'] / 1000:.1f} s "
            f"| {run['tbt_ms']:.0f} ms | {run['cls']:.3f} | {scores['accessibility']} "
            f"| {scores['best-practices']} | {scores['seo']} |"
        )
    first = next(iter(results.values()))[0]
    lines += ["", f"Lighthouse {first['lighthouse']}; {first['chromium']}."]
    blocking = sorted({url for runs in results.values() for run in runs for url in run["render_blocking"]})
    lines.append("Blockerar första målningen: " + (", ".join(blocking) if blocking else "inget") + ".")
    warnings = sorted({w for runs in results.values() for run in runs for w in run["warnings"]})
    lines += [f"Varning: {warning}" for warning in warnings]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="en redan byggd webbplats (annars byggs exempelwebbplatsen)")
    parser.add_argument("--runs", type=int, default=1, help="körningar per sida; medianen visas")
    parser.add_argument("--json", type=Path, help="skriv alla siffror som JSON hit")
    parser.add_argument("--sida", action="append", choices=PAGES, help="bara den här sidan (kan upprepas)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="stodguiden-lighthouse-") as temp:
        site = args.site.resolve() if args.site else build_sample(Path(temp) / "site")
        results = measure(site, args.runs, args.sida or [])
    print("\n" + report(results))
    if args.json:
        machine = {"cores": os.cpu_count(), "date_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime())}
        args.json.write_text(json.dumps({"machine": machine, "results": results}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

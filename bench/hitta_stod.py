"""Measure "Hitta stöd" at national scale: the data file's size and the time a filter takes in Chromium.

Run after `mkdocs build`: `python bench/hitta_stod.py [site] [offers]` (defaults: site, 10000).
The sample's records are repeated with new addresses and titles until there are `offers` of them, so
sizes per offer are those of the sample (its summaries are long); gzip of repeated records is far
smaller than of real ones, so the gzip figure printed per offer is the sample's own.
This is a measurement to read, not a test: nothing here passes or fails on time.
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from localserver import serve_site

CHROMIUM = "/usr/bin/chromium"
STEPS: list[tuple[str, str | None]] = [
    ("sg-alder", "4"),
    ("sg-alder", "5"),
    ("sg-typ-2", None),
    ("sg-gratis", None),
    ("sg-sprak", "ar"),
    ("sg-omrade-1", None),
    ("sg-alder", ""),
    ("sg-sprak", ""),
    ("sg-gratis", None),
    ("sg-omrade-1", None),
]
"""Choices made one after another, as a parent would (a checkbox id toggles it)."""
MEASURE = """async ([id, value]) => {
  const field = document.getElementById(id);
  const status = document.getElementById('sg-antal');
  const start = performance.now();
  const done = new Promise(resolve => new MutationObserver((_, observer) => { observer.disconnect(); resolve(); })
    .observe(status, {childList: true, characterData: true, subtree: true}));
  if (field.type === 'checkbox') { field.checked = !field.checked; } else { field.value = value; }
  field.dispatchEvent(new Event('change', {bubbles: true}));
  await done;
  const updated = performance.now() - start;  // filtered, cards built, count written
  await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)));  // and laid out on screen
  return [updated, performance.now() - start];
}"""


def main(site: Path, count: int) -> None:
    sample = json.loads((site / "hitta-stod" / "erbjudanden.json").read_text(encoding="utf-8"))
    sample_bytes = json.dumps(sample, ensure_ascii=False, separators=(",", ":")).encode()
    records = []
    for index in range(count):
        record = dict(sample["o"][index % len(sample["o"])])
        record["u"] = f"{record['u']}-{index}"
        record["n"] = f"{record['n']} {index}"
        records.append(record)
    payload = json.dumps({"t": sample["t"], "o": records}, ensure_ascii=False, separators=(",", ":")).encode()
    print(
        f"sample: {len(sample['o'])} offers, {len(sample_bytes) / len(sample['o']):.0f} B per offer, "
        f"{len(gzip.compress(sample_bytes)) / len(sample['o']):.0f} B gzip per offer"
    )
    print(f"{count} offers: {len(payload) / 1e6:.1f} MB, {len(payload) / count:.0f} B per offer")

    with serve_site(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()

        def serve(route: Route) -> None:
            route.fulfill(body=payload, content_type="application/json")

        page.route("**/hitta-stod/erbjudanden.json", serve)
        page.goto(f"{base}hitta-stod/")
        first = page.evaluate(MEASURE, list(STEPS[0]))
        times = [page.evaluate(MEASURE, list(step)) for step in STEPS[1:]]
        browser.close()
    print(f"first choice (download and read the file, then filter): {first[1]:.0f} ms")
    for index, what in enumerate(("filtered and updated", "until the next frame is drawn")):
        values = [t[index] for t in times]
        print(
            f"each later choice, {what}: median {statistics.median(values):.0f} ms, "
            f"slowest {max(values):.0f} ms (budget 50 ms)"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site"), int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)

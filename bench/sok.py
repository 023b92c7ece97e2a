"""Search at scale: the size of sok/index.json per offer, and (with --browser) how long a search takes in Chromium.

    python bench/sok.py                       # index size for 100, 1,000 and 10,000 synthetic offers
    python bench/sok.py --browser 1000 10000  # also the time of each query in sok.js, in headless Chromium

Synthetic offers use the words of the sample data in data/ (so the text is Swedish), with one word in ten
replaced by a new compound of two of them, so that a large collection has a large vocabulary. Descriptions are
long (DESCRIPTION_WORDS words), longer than any real offer, to show the upper bound.
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import statistics
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from stodguiden.base.richtext import plain_text  # noqa: E402
from stodguiden.model import Ages, Catalog, Place  # noqa: E402
from stodguiden.outputs import search  # noqa: E402
from stodguiden.source import catalog as catalog_module  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from localserver import serve_site  # noqa: E402  (importable once bench/ is on the path)

TODAY = date(2027, 1, 18)
DESCRIPTION_WORDS = 600
QUERIES = [
    "föräldrarna",
    "kursen",
    "tonårsföräldrar",
    "skilsmässa",
    "bebis",
    "foraldrar",
    "separaton",
    "föräldrr",
    "kurs för föräldrar",
    "öppen förskola",
    "mitt barn är arg hela tiden",
    "xyzzyq",
]


def sample_catalog() -> Catalog:
    catalog, problems = catalog_module.load(ROOT, today=TODAY)
    assert catalog is not None, problems
    return catalog


def synthetic_catalog(n: int, seed: int = 1) -> Catalog:
    """`n` offers built from the sample catalog's offers, with long, varied text."""
    base = sample_catalog()
    rng = random.Random(seed)
    vocabulary = sorted(
        {w for o in base.offers for w in re.findall(r"[^\W\d_]{3,}", plain_text(o.description_html) + " " + o.summary)}
    )

    def text(count: int) -> str:
        out = []
        for _ in range(count):
            word = rng.choice(vocabulary)
            if rng.random() < 0.1:
                word = rng.choice(vocabulary).lower() + word.lower()
            out.append(word)
        return " ".join(out)

    offers = []
    for i in range(n):
        model = base.offers[i % len(base.offers)]
        low = rng.randint(0, 15)
        offers.append(
            replace(
                model,
                slug=f"{model.slug}-{i}",
                title=f"{model.title} {text(2)}",
                summary=text(25),
                description_html="<p>" + text(DESCRIPTION_WORDS) + "</p>",
                keywords=(*model.keywords, *text(3).split()),
                ages=Ages(low, rng.randint(low, 17)),
                places=(Place(name=text(2), area=rng.choice(base.settings.areas or ("Centrum",))),),
            )
        )
    return replace(base, offers=tuple(offers))


@functools.cache
def index_text(n: int) -> str:
    return search.to_json(search.build(synthetic_catalog(n)))


def sizes(n: int) -> tuple[int, int]:
    text = index_text(n)
    return len(text.encode("utf-8")), search.gzip_size(text)


def browser_times(n: int) -> dict[str, float]:
    """Median time in ms of each query, searching an index of `n` synthetic offers in headless Chromium."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "sok").mkdir()
        (root / "sok" / "index.json").write_text(index_text(n), encoding="utf-8")
        (root / "assets" / "javascripts").mkdir(parents=True)
        (root / "assets" / "javascripts" / "sok.js").write_bytes(
            (ROOT / "docs" / "assets" / "javascripts" / "sok.js").read_bytes()
        )
        page_html = '<!doctype html><meta charset="utf-8"><script src="assets/javascripts/sok.js"></script>'
        (root / "index.html").write_text(page_html, encoding="utf-8")
        with serve_site(root) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(f"{base}index.html")
            result: dict[str, Any] = page.evaluate(
                """async queries => {
                const t0 = performance.now();
                const index = await stodguidenSok.load();
                const times = {load: [performance.now() - t0]};
                for (let round = 0; round < 5; round++) {
                    for (const q of queries) {
                        const start = performance.now();
                        index.search(q);
                        (times[q] = times[q] || []).push(performance.now() - start);
                    }
                }
                return times;
            }""",
                QUERIES,
            )
            browser.close()
    return {query: statistics.median(values) for query, values in result.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--browser", nargs="*", type=int, metavar="N", help="time queries at these N in Chromium")
    args = parser.parse_args()
    print("| Erbjudanden | index.json | gzip | gzip per erbjudande |")
    print("| ---: | ---: | ---: | ---: |")
    catalog = sample_catalog()
    text = search.to_json(search.build(catalog))
    n = len(catalog.offers)
    print(
        f"| {n} (exempeldata) | {len(text.encode()):,} B | {search.gzip_size(text):,} B | "
        f"{search.gzip_size(text) / n:.0f} B |"
    )
    for n in (100, 1000, 10000):
        raw, packed = sizes(n)
        print(f"| {n:,} (syntetiska) | {raw:,} B | {packed:,} B | {packed / n:.0f} B |")
    for n in args.browser or []:
        times = browser_times(n)
        print(f"\n{n:,} erbjudanden: laddning och uppbyggnad {times.pop('load'):.0f} ms; sökning (median av 5):")
        for query, ms in times.items():
            print(f"  {query!r}: {ms:.1f} ms")


if __name__ == "__main__":
    main()

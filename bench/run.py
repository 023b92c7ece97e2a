"""Benchmark of Stödguiden: build time, memory, page and data sizes, and browser timings, for N offers.

    python bench/run.py                 # N = 100 and 1 000, three builds of each kind
    python bench/run.py --n 1000 --stor # N = 1 000 and 10 000 (--stor adds 10 000)
    python bench/run.py --json ut.json  # also write every figure as JSON
    python bench/run.py --serve         # how long `mkdocs serve` takes to show a changed offer (N = 1 000)

For every N it writes N synthetic offers (bench/synth.py, fixed seed) into a temporary copy of the
project and builds it with the real `mkdocs build`, alternating with a build of the same pages written
as plain Markdown files in a plain Material site without hooks. See BENCHMARKS.md for the columns.
No figure is compared with a target here: the script measures and prints.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402  (importable once bench/ is on the path)
from localserver import serve_site  # noqa: E402

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "schema")
VOCABULARY_FILES = ("webbplats.yml", "typer.yml", "arrangorer.yml", "aldersgrupper.yml")
TODAY = synth.TODAY.isoformat()
HOOKS_ORIGIN = "stodguiden_hooks"
"""Part of the plugin name MkDocs gives the hook file; its event time is the hooks' own share."""
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
SEARCH_WORDS = ["bråk", "tonåring", "skilsmässa", "sömn", "kurs"]
MISSING = "saknas"


# --- projects -------------------------------------------------------------------------------------------------


def make_project(target: Path, count: int) -> Path:
    """A copy of the project with `count` synthetic offers and the real vocabulary files."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    (target / "data").mkdir()
    for name in VOCABULARY_FILES:
        shutil.copy2(ROOT / "data" / name, target / "data" / name)
    synth.generate(target / "data", count)
    return target


def make_plain_project(target: Path, hooks_project: Path) -> Path:
    """The same offers and group pages as plain Markdown files, in a Material site with no hooks."""
    target.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", target / "docs")
    data = hooks_project / "data"
    types = yaml.safe_load((data / "typer.yml").read_text(encoding="utf-8"))
    groups = yaml.safe_load((data / "aldersgrupper.yml").read_text(encoding="utf-8"))
    organisers = yaml.safe_load((data / "arrangorer.yml").read_text(encoding="utf-8"))
    loader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    offers = [
        (path.stem, yaml.load(path.read_text(encoding="utf-8"), Loader=loader))  # a safe loader
        for path in sorted((data / "erbjudanden").glob("*.yml"))
    ]
    docs = target / "docs"
    for section in ("erbjudanden", "alder", "stod"):
        (docs / section).mkdir()
    for slug, offer in offers:
        (docs / "erbjudanden" / f"{slug}.md").write_text(_offer_markdown(offer, types, organisers), encoding="utf-8")

    def in_group(offer: dict[str, Any], group: dict[str, Any]) -> bool:
        ages = offer["ålder"]
        if group.get("väntar_barn"):
            return bool(ages.get("väntar_barn"))
        return "från" in ages and ages["från"] <= group["till"] and group["från"] <= ages["till"]

    age_nav, type_nav = [], []
    for key, group in groups.items():
        listed = [(slug, o) for slug, o in offers if in_group(o, group)]
        _group_markdown(docs / "alder" / f"{key}.md", group, listed)
        age_nav.append({group["namn"]: f"alder/{key}.md"})
    for key, kind in types.items():
        listed = [(slug, o) for slug, o in offers if key in o["typer"]]
        _group_markdown(docs / "stod" / f"{key}.md", kind, listed)
        type_nav.append({kind["namn"]: f"stod/{key}.md"})
    for section, heading in (("alder", "Barnets ålder"), ("stod", "Typ av stöd")):
        (docs / section / "index.md").write_text(f"# {heading}\n", encoding="utf-8")
    config = yaml.safe_load((hooks_project / "mkdocs.yml").read_text(encoding="utf-8"))
    plain = {
        "site_name": "Föräldraskapsstöd",
        "site_url": config.get("site_url"),
        "use_directory_urls": True,
        "theme": {key: value for key, value in config["theme"].items() if key != "custom_dir"},
        "plugins": [{"search": {"lang": "sv"}}],
        "extra_css": ["assets/stylesheets/stodguiden.css"],
        "markdown_extensions": config.get("markdown_extensions", []),
        "not_in_nav": "/erbjudanden/",
        "nav": [
            {"Start": "index.md"},
            {"Barnets ålder": ["alder/index.md", *age_nav]},
            {"Typ av stöd": ["stod/index.md", *type_nav]},
            {"Om föräldraskapsstöd": "om-foraldraskapsstod.md"},
        ],
    }
    (target / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def _keys(value: str | list[str]) -> list[str]:
    """`arrangör` is one key or a list of them."""
    return [value] if isinstance(value, str) else value


def _offer_markdown(offer: dict[str, Any], types: dict[str, Any], organisers: dict[str, Any]) -> str:
    lines = [
        f"# {offer['titel']}",
        "",
        offer["sammanfattning"],
        "",
        "Typ av stöd: " + ", ".join(types[k]["namn"] for k in offer["typer"]),
        "",
        "Arrangör: " + ", ".join(organisers[key]["namn"] for key in _keys(offer["arrangör"])),
        "",
        offer.get("beskrivning", ""),
        "",
        "## Var",
        "",
    ]
    lines += [f"- {p.get('namn', 'Digitalt')}, {p.get('adress', 'på nätet')}" for p in offer.get("plats", [])]
    lines += ["", "## När", ""]
    lines += [
        f"- {r['start']}, {r['träffar']} träffar, {r.get('tid', '')}, {r.get('plats', '')}: {r.get('status', '')}"
        for r in offer.get("omgångar", [])
    ]
    lines += [f"- Varje {r['veckodag']} {r['tid']}" for r in offer.get("löpande", [])]
    contact = offer["kontakt"]
    lines += [
        "",
        "## Anmälan",
        "",
        offer["anmälan"].get("hur", "Du behöver inte anmäla dig."),
        "",
        "## Kontakt",
        "",
        *(f"- {contact[k]}" for k in ("namn", "telefon", "e-post", "webb") if k in contact),
        "",
        "## Bra att veta",
        "",
        f"- Kostnad: {offer.get('kostnad', {}).get('belopp', 0)} kronor",
        f"- Språk: {', '.join(offer.get('språk', []))}",
        "",
    ]
    return "\n".join(lines)


def _group_markdown(path: Path, term: dict[str, Any], listed: list[tuple[str, dict[str, Any]]]) -> None:
    lines = [f"# {term['namn']}", "", term["beskrivning"], ""]
    for slug, offer in sorted(listed, key=lambda item: item[1]["titel"]):
        lines += [f"## [{offer['titel']}](../erbjudanden/{slug}.md)", "", offer["sammanfattning"], ""]
    path.write_text("\n".join(lines), encoding="utf-8")


# --- builds ---------------------------------------------------------------------------------------------------


def _environ() -> dict[str, str]:
    return {**os.environ, "STODGUIDEN_IDAG": TODAY, "NO_MKDOCS_2_WARNING": "1"}


def timed_child(command: list[str], cwd: Path) -> tuple[dict[str, float], subprocess.CompletedProcess[str]]:
    """Run a child: its wall time and CPU time in seconds and its peak RSS in MB, and its result.

    wait4 gives this child's own usage (with the processes it waited for), not that of all children.
    CPU time is what the figures compare: other jobs on a shared machine stretch wall time far more.
    """
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=_environ(), stdout=out, stderr=subprocess.STDOUT, text=True)
        sampler = _MemorySampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        result = subprocess.CompletedProcess(command, process.returncode, out.read(), "")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
        "pss_mb": sampler.peak_kb / 1024,
    }, result


class _MemorySampler(threading.Thread):
    """The largest memory the process and all its children used together, sampled every 50 ms.

    ru_maxrss is one process's peak; a build that forks workers uses memory in several processes at
    once, partly shared. Their proportional set sizes (Linux's Pss: a shared page counts in part for
    each process that shares it) add up to what they really use together.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self._stopped = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._stopped.wait(0.05):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _tree(self.pid)))

    def stop(self) -> None:
        self._stopped.set()
        self.join()


def _tree(pid: int) -> list[int]:
    pids, index = [pid], 0
    while index < len(pids):
        try:
            children = Path(f"/proc/{pids[index]}/task/{pids[index]}/children").read_text().split()
        except OSError:
            children = []
        pids += [int(child) for child in children]
        index += 1
    return pids


def _pss_kb(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0  # gone, or not Linux: the figure is then 0
    found = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
    return int(found.group(1)) if found else 0


def build(project: Path) -> dict[str, Any]:
    """One real `mkdocs build` in a child process, with the time spent in each plugin's events."""
    events_file = project / "bench-events.json"
    usage, result = timed_child(
        [sys.executable, str(Path(__file__).resolve()), "--intern-bygg", str(events_file)], project
    )
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build misslyckades i {project}:\n{result.stdout[-4000:]}")
    origins: dict[str, dict[str, list[float]]] = json.loads(events_file.read_text(encoding="utf-8"))
    events_file.unlink()
    hooks = {
        event: spent for origin, events in origins.items() if HOOKS_ORIGIN in origin for event, spent in events.items()
    }
    search = [spent for origin, events in origins.items() if "search" in origin for spent in events.values()]
    return {
        **usage,
        "hooks_s": sum(w for w, _ in hooks.values()),
        "hooks_cpu": sum(c for _, c in hooks.values()),
        "hooks_events_cpu": {event: cpu for event, (_, cpu) in hooks.items()},
        "search_cpu": sum(c for _, c in search),
    }


def _cpu() -> float:
    """CPU seconds of this process and of the processes it has waited for (forked workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _build_in_process(events_file: Path) -> None:
    """The child of `build`: MkDocs' own `build` command, with each event method timed by its plugin."""
    from mkdocs.__main__ import cli
    from mkdocs.plugins import PluginCollection

    spent: dict[str, dict[str, list[float]]] = {}

    def run_event(self: PluginCollection, name: str, item: Any = None, **kwargs: Any) -> Any:
        pass_item = item is not None
        for method in self.events[name]:
            origin = self._event_origins.get(method, "<okänd>")
            self._current_plugin = origin
            start, start_cpu = time.perf_counter(), _cpu()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            wall, cpu = spent.setdefault(origin, {}).setdefault(name, [0.0, 0.0])
            spent[origin][name] = [wall + time.perf_counter() - start, cpu + _cpu() - start_cpu]
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    PluginCollection.run_event = run_event  # type: ignore[method-assign]
    try:
        cli(["build", "--quiet"], standalone_mode=False)
    finally:
        events_file.write_text(json.dumps(spent), encoding="utf-8")


def check_time(project: Path) -> dict[str, float]:
    usage, result = timed_child([sys.executable, str(project / "hooks" / "check.py"), "--root", str(project)], project)
    if result.returncode != 0:
        raise SystemExit(
            f"hooks/check.py hittade fel i de syntetiska erbjudandena i {project}:\n{result.stdout[-4000:]}"
        )
    return usage


# --- sizes ----------------------------------------------------------------------------------------------------


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def sizes(site: Path, count: int) -> dict[str, Any]:
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    offer_pages = sorted(p.stat().st_size for p in (site / "erbjudanden").glob("*/index.html"))
    group_pages = [p.stat().st_size for section in ("alder", "stod") for p in (site / section).glob("*/index.html")]
    data_files: dict[str, dict[str, Any]] = {}
    candidates = [site / "sok" / "index.json", site / "search" / "search_index.json"]
    if (site / "hitta-stod").is_dir():
        candidates += sorted(p for p in (site / "hitta-stod").rglob("*") if p.suffix == ".json")
        # The finder page itself grows with N: it lists every offer for visitors without JavaScript.
        candidates.append(site / "hitta-stod" / "index.html")
    for path in candidates:
        if path.is_file():
            raw = path.read_bytes()
            data_files[path.relative_to(site).as_posix()] = {
                "raw": len(raw),
                "gzip": gzip_size(raw),
                "raw_per_offer": len(raw) / count,
                "gzip_per_offer": gzip_size(raw) / count,
            }
    return {
        "site_bytes": total,
        "offer_html_max": max(offer_pages, default=0),
        "offer_html_median": statistics.median(offer_pages) if offer_pages else 0,
        "offer_pages": len(offer_pages),
        "group_html_max": max(group_pages, default=0),
        "data_files": data_files,
    }


# --- the browser ----------------------------------------------------------------------------------------------


def site_prefix(project: Path) -> str:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    return urlsplit(config.get("site_url") or "/").path.rstrip("/") + "/"


# In the page: change one control and resolve with the milliseconds until the live region (the result
# count) changes; null if nothing changed within the time limit.
_TIME_CHANGE_JS = """
async ([action, limit]) => {
  const live = [...document.querySelectorAll('main [aria-live], [aria-live]')]
    .find(el => !el.closest('header, .md-search, .md-dialog')) || null;
  const target = live || document.querySelector('main') || document.body;
  const before = target.textContent;
  return await new Promise(resolve => {
    let done = false;
    const observer = new MutationObserver(() => {
      if (!done && target.textContent !== before) {
        done = true; observer.disconnect(); resolve(performance.now() - start);
      }
    });
    observer.observe(target, {childList: true, subtree: true, characterData: true});
    const start = performance.now();
    window.__benchAction(action);
    setTimeout(() => { if (!done) { done = true; observer.disconnect(); resolve(null); } }, limit);
  });
}
"""

# Installs window.__benchAction: toggles a filter control, or types a word into the search field.
_ACTIONS_JS = """
() => {
  const fire = (el, type) => el.dispatchEvent(new Event(type, {bubbles: true}));
  window.__benchAction = action => {
    if (action.submit) {
      // the change event alone did nothing: send the form, as a page that filters on submit wants
      const fields = [...document.querySelectorAll(action.kind === 'filter' ? 'main form' : 'input[name=q]')];
      const form = action.kind === 'filter' ? fields[0] : (fields.find(f => f.closest('main')) || fields[0]).form;
      if (action.kind === 'search') {
        const field = [...form.elements].find(e => e.name === 'q');
        field.value = action.word;
      } else {
        const box = form.querySelector('input[type=checkbox], input[type=radio]');
        if (box) box.checked = !box.checked;
      }
      form.requestSubmit();
      return;
    }
    if (action.kind === 'filter') {
      const main = document.querySelector('main') || document;
      const selects = [...main.querySelectorAll('form select')].filter(s => s.options.length > 1);
      const boxes = [...main.querySelectorAll('form input[type=checkbox], form input[type=radio]')];
      if (action.use === 'select' && selects.length) {
        const s = selects[0];
        s.selectedIndex = (s.selectedIndex + 1 + action.step) % s.options.length;
        fire(s, 'input'); fire(s, 'change');
      } else if (boxes.length) {
        const box = boxes[action.step % boxes.length];
        box.click();
      }
    } else {
      const fields = [...document.querySelectorAll('input[name=q]')];
      const field = fields.find(f => f.closest('main')) || fields[0];
      field.value = action.word;
      fire(field, 'input');
    }
  };
  const main = document.querySelector('main') || document;
  return {
    selects: [...main.querySelectorAll('form select')].filter(s => s.options.length > 1).length,
    boxes: main.querySelectorAll('form input[type=checkbox], form input[type=radio]').length,
    search: document.querySelectorAll('input[name=q]').length,
  };
}
"""


def browser_figures(site: Path, prefix: str) -> dict[str, Any]:
    """Filter and search timings, and what a first visit to the start page transfers."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"fel": "Playwright saknas"}
    if not CHROMIUM.is_file():
        return {"fel": f"{CHROMIUM} saknas"}
    result: dict[str, Any] = {}
    with serve_site(site, prefix) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            result["first_visit"] = _first_visit(browser, base)
            result["filter"] = _timings(browser, base, "hitta-stod/", site / "hitta-stod" / "index.html", "filter")
            result["search"] = _timings(browser, base, "sok/", site / "sok" / "index.html", "search")
        finally:
            browser.close()
    return result


def _first_visit(browser: Any, base: str) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE")
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(base, wait_until="load")
    page.wait_for_load_state("networkidle")
    files = []
    for response in responses:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            continue
        files.append({"url": response.url.removeprefix(base), "raw": len(body), "gzip": gzip_size(body)})
    context.close()
    return {
        "requests": len(files),
        "raw": sum(f["raw"] for f in files),
        "gzip": sum(f["gzip"] for f in files),
        "json_files": [f["url"] for f in files if f["url"].split("?")[0].endswith(".json")],
        "largest": sorted(files, key=lambda f: -f["gzip"])[:5],
    }


def _timings(browser: Any, base: str, path: str, page_file: Path, kind: str) -> dict[str, Any]:
    if not page_file.is_file():
        return {"status": MISSING}
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE")
    page = context.new_page()
    page.goto(base + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    found = page.evaluate(_ACTIONS_JS)
    if kind == "filter" and not (found["selects"] or found["boxes"]):
        context.close()
        return {"status": "inga filter hittades"}
    if kind == "search" and not found["search"]:
        context.close()
        return {"status": "inget sökfält (name=q) hittades"}
    times: list[float | None] = []
    submit = False
    for step in range(6):
        action: dict[str, object] = (
            {"kind": "filter", "use": "select" if found["selects"] and step % 2 == 0 else "box", "step": step}
            if kind == "filter"
            else {"kind": "search", "word": SEARCH_WORDS[step % len(SEARCH_WORDS)]}
        )
        action["submit"] = submit
        try:
            elapsed = page.evaluate(_TIME_CHANGE_JS, [action, 5000])
        except Exception as exc:  # the form was sent to the server and the page left: nothing to time here
            context.close()
            return {"status": f"formuläret skickades och sidan laddades om ({type(exc).__name__})"}
        if elapsed is None and step == 0 and not submit:
            submit = True  # nothing reacted to the change: try sending the form instead
            elapsed = page.evaluate(_TIME_CHANGE_JS, [{**action, "submit": True}, 5000])
        times.append(elapsed)
        page.wait_for_timeout(100)
    context.close()
    measured = [t for t in times if t is not None]
    if not measured:
        return {"status": "ingen ändring av resultatet märktes", "controls": found}
    return {
        "status": "ok",
        "first_ms": times[0],
        "median_ms": statistics.median(measured[1:] or measured),
        "max_ms": max(measured),
        "unchanged": len(times) - len(measured),
    }


# --- `mkdocs serve` -------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, text: str, limit: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        body = _fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(0.1)
    return None


def serve_figures(count: int, work: Path) -> dict[str, Any]:
    """Start `mkdocs serve`, change one offer file, and time until the changed title is served."""
    project = make_project(work / f"serve-{count}", count)
    offer = sorted((project / "data" / "erbjudanden").glob("*.yml"))[0]
    port = free_port()
    url = f"http://127.0.0.1:{port}{site_prefix(project)}erbjudanden/{offer.stem}/"
    title = yaml.safe_load(offer.read_text(encoding="utf-8"))["titel"]
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=_environ(),
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            return _time_change(url, title, offer, log, process.pid)
        finally:
            process.terminate()  # only the server this function started
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _time_change(url: str, title: str, offer: Path, log: Any, pid: int) -> dict[str, Any]:
    """Seconds until the served page shows the offer, then until it shows a changed title (wall and CPU)."""
    first = _wait_for(url, title, 300)
    if first is None:
        log.seek(0)
        return {"fel": "sidan visades aldrig", "logg": log.read()[-2000:]}
    first_cpu = _process_cpu(pid)
    time.sleep(2)
    idle_cpu = _process_cpu(pid) - first_cpu  # what the file watcher uses in two seconds of nothing
    marker = f"Ändrad {time.time_ns()}"
    text = offer.read_text(encoding="utf-8").replace(f"titel: {title}", f"titel: {marker}", 1)
    before = _process_cpu(pid)
    offer.write_text(text, encoding="utf-8")
    changed = _wait_for(url, marker, 300)
    log.seek(0)
    built = [float(m) for m in re.findall(r"Documentation built in ([0-9.]+) seconds", log.read())]
    return {
        "first_build_s": first,
        "first_build_cpu_s": first_cpu,
        "change_shown_s": changed,
        "rebuild_cpu_s": _process_cpu(pid) - before,
        "watcher_cpu_per_s": idle_cpu / 2,
        "mkdocs_says_built_in_s": built,
    }


# --- the run --------------------------------------------------------------------------------------------------


def measure(count: int, repeats: int, work: Path, with_browser: bool) -> dict[str, Any]:
    load_before = os.getloadavg()[0]
    print(f"\n== N = {count}: skapar projekten … (belastning {load_before:.1f})", flush=True)
    start = time.perf_counter()
    project = make_project(work / f"stodguiden-{count}", count)
    plain = make_plain_project(work / f"vanlig-{count}", project)
    print(f"   klart på {time.perf_counter() - start:.1f} s; bygger {repeats} gånger var, omväxlande", flush=True)
    hooks_runs, plain_runs = [], []
    for index in range(repeats):
        hooks_runs.append(build(project))
        plain_runs.append(build(plain))
        print(
            f"   varv {index + 1}: Stödguiden {hooks_runs[-1]['wall']:.1f} s ({hooks_runs[-1]['cpu']:.1f} s CPU), "
            f"vanlig Markdown {plain_runs[-1]['wall']:.1f} s ({plain_runs[-1]['cpu']:.1f} s CPU)",
            flush=True,
        )
    check_runs = [check_time(project) for _ in range(repeats)]

    def median(runs: list[dict[str, Any]], key: str) -> float:
        return statistics.median(float(run[key]) for run in runs)

    hooks_cpu = median(hooks_runs, "hooks_cpu")
    events = {
        event: statistics.median(run["hooks_events_cpu"].get(event, 0.0) for run in hooks_runs)
        for event in hooks_runs[0]["hooks_events_cpu"]
    }
    figures: dict[str, Any] = {
        "n": count,
        "repeats": repeats,
        "load_average": [load_before, os.getloadavg()[0]],
        "build_s": median(hooks_runs, "wall"),
        "build_cpu_s": median(hooks_runs, "cpu"),
        "build_runs": [{k: run[k] for k in ("wall", "cpu")} for run in hooks_runs],
        "per_offer_cpu_ms": median(hooks_runs, "cpu") / count * 1000,
        "peak_rss_mb": max(run["rss_mb"] for run in hooks_runs),
        "peak_pss_mb": max(run["pss_mb"] for run in hooks_runs),
        "hooks_s": median(hooks_runs, "hooks_s"),
        "hooks_cpu_s": hooks_cpu,
        "hooks_events_cpu_s": events,
        "hooks_share_of_mkdocs": hooks_cpu / (median(hooks_runs, "cpu") - hooks_cpu),
        "plain_build_s": median(plain_runs, "wall"),
        "plain_build_cpu_s": median(plain_runs, "cpu"),
        "plain_runs": [{k: run[k] for k in ("wall", "cpu")} for run in plain_runs],
        "plain_peak_rss_mb": max(run["rss_mb"] for run in plain_runs),
        "plain_peak_pss_mb": max(run["pss_mb"] for run in plain_runs),
        "ratio_to_plain": median(hooks_runs, "cpu") / median(plain_runs, "cpu"),
        "wall_ratio_to_plain": median(hooks_runs, "wall") / median(plain_runs, "wall"),
        "plain_search_plugin_cpu_s": median(plain_runs, "search_cpu"),
        "search_plugin_cpu_s": median(hooks_runs, "search_cpu"),
        "check_s": median(check_runs, "wall"),
        "check_cpu_s": median(check_runs, "cpu"),
        **sizes(project / "site", count),
        "plain_search_index": sizes(plain / "site", count)["data_files"].get("search/search_index.json"),
    }
    if with_browser:
        print("   mäter i Chromium …", flush=True)
        figures["browser"] = browser_figures(project / "site", site_prefix(project))
    shutil.rmtree(plain)
    shutil.rmtree(project)
    return figures


def _kb(value: float) -> str:
    return f"{value / 1024:.1f} KB"


def report(results: list[dict[str, Any]]) -> str:
    columns = [
        "N",
        "bygge s",
        "CPU s",
        "CPU ms/erbj.",
        "topp-RSS MB",
        "minne MB",
        "hooks CPU s",
        "hooks/MkDocs",
        "vanlig s",
        "vanlig CPU s",
        "kvot vägg",
        "kvot CPU",
        "kontroll s",
        "kontroll CPU s",
        "webbplats MB",
        "erbj.-HTML max",
        "median",
    ]
    rows = [
        [
            f"{r['n']:,}".replace(",", " "),
            f"{r['build_s']:.1f}",
            f"{r['build_cpu_s']:.1f}",
            f"{r['per_offer_cpu_ms']:.1f}",
            f"{r['peak_rss_mb']:.0f}",
            f"{r['peak_pss_mb']:.0f}",
            f"{r['hooks_cpu_s']:.2f}",
            f"{r['hooks_share_of_mkdocs']:.0%}",
            f"{r['plain_build_s']:.1f}",
            f"{r['plain_build_cpu_s']:.1f}",
            f"{r['wall_ratio_to_plain']:.2f}",
            f"{r['ratio_to_plain']:.2f}",
            f"{r['check_s']:.2f}",
            f"{r['check_cpu_s']:.2f}",
            f"{r['site_bytes'] / 1e6:.1f}",
            _kb(r["offer_html_max"]),
            _kb(r["offer_html_median"]),
        ]
        for r in results
    ]
    lines = [_table(columns, rows), ""]
    lines.append(
        "Belastning (load average, 1 min) före och efter: "
        + "; ".join(f"N={r['n']}: {r['load_average'][0]:.1f} → {r['load_average'][1]:.1f}" for r in results)
        + f" på {os.cpu_count()} kärnor. Över antalet kärnor delas processorn med andra jobb."
    )
    lines.append(
        "Hooks per händelse (median, CPU s): "
        + "; ".join(
            f"N={r['n']}: " + ", ".join(f"{event} {secs:.2f}" for event, secs in r["hooks_events_cpu_s"].items())
            for r in results
        )
    )
    lines.append(
        "Materials sökplugin (median, CPU s), i Stödguidens bygge och i det vanliga: "
        + "; ".join(
            f"N={r['n']}: {r['search_plugin_cpu_s']:.2f} och {r['plain_search_plugin_cpu_s']:.2f}" for r in results
        )
        + ". Kvot CPU mot det vanliga bygget utan sökpluginet: "
        + "; ".join(
            f"N={r['n']}: {r['build_cpu_s'] / (r['plain_build_cpu_s'] - r['plain_search_plugin_cpu_s']):.2f}"
            for r in results
        )
        + "."
    )
    lines.append(
        "Största sida för en åldersgrupp eller typ av stöd: "
        + "; ".join(f"N={r['n']}: {_kb(r['group_html_max'])}" for r in results)
    )
    data_rows = []
    for r in results:
        for name, size in r["data_files"].items():
            data_rows.append(
                [
                    str(r["n"]),
                    name,
                    _kb(size["raw"]),
                    _kb(size["gzip"]),
                    f"{size['raw_per_offer']:.0f} B",
                    f"{size['gzip_per_offer']:.0f} B",
                ]
            )
        for name in ("sok/index.json", "hitta-stod/*.json"):
            if not any(key.startswith(name.split("*")[0]) for key in r["data_files"]):
                data_rows.append([str(r["n"]), name, MISSING, MISSING, MISSING, MISSING])
    lines += [
        "",
        "Datafiler som webbläsaren hämtar:",
        _table(["N", "fil", "rå", "gzip", "rå/erbj.", "gzip/erbj."], data_rows),
    ]
    browser_rows = []
    for r in results:
        b = r.get("browser")
        if not b:
            continue
        if "fel" in b:
            browser_rows.append([str(r["n"]), b["fel"], "", "", ""])
            continue
        visit = b["first_visit"]
        browser_rows.append(
            [
                str(r["n"]),
                "första besök på startsidan",
                f"{visit['requests']} filer",
                f"{_kb(visit['raw'])} rå",
                f"{_kb(visit['gzip'])} gzip"
                + (f"; JSON: {', '.join(visit['json_files'])}" if visit["json_files"] else ""),
            ]
        )
        for key, label in (("filter", "filter på hitta-stod/"), ("search", "sökning på sok/")):
            timing = b[key]
            if timing.get("status") == "ok":
                browser_rows.append(
                    [
                        str(r["n"]),
                        label,
                        f"första {timing['first_ms']:.0f} ms",
                        f"sedan {timing['median_ms']:.1f} ms (median)",
                        f"max {timing['max_ms']:.1f} ms",
                    ]
                )
            else:
                browser_rows.append([str(r["n"]), label, timing["status"], "", ""])
    if browser_rows:
        lines += ["", "I webbläsaren (Chromium utan grafikkort):", _table(["N", "mätning", "", "", ""], browser_rows)]
    return "\n".join(lines)


def _table(columns: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(c), *(len(row[i]) for row in rows)) if rows else len(c) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |"

    return "\n".join([line(columns), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--n", type=int, action="append", help="antal erbjudanden (kan upprepas); 100 och 1000 om inget anges"
    )
    parser.add_argument("--stor", action="store_true", help="mät också 10 000 erbjudanden")
    parser.add_argument(
        "--upprepningar", type=int, default=3, help="byggen av varje slag per N, medianen visas (10 000: ett av varje)"
    )
    parser.add_argument("--utan-webblasare", action="store_true", help="hoppa över mätningarna i Chromium")
    parser.add_argument("--json", type=Path, help="skriv alla siffror som JSON hit")
    parser.add_argument("--serve", action="store_true", help="mät bara hur snabbt `mkdocs serve` visar en ändring")
    parser.add_argument("--intern-bygg", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.intern_bygg:
        _build_in_process(args.intern_bygg)
        return 0
    with tempfile.TemporaryDirectory(prefix="stodguiden-bench-") as temp:
        work = Path(temp)
        if args.serve:
            count = (args.n or [1000])[0]
            figures = {"n": count, **serve_figures(count, work)}
            print(json.dumps(figures, ensure_ascii=False, indent=2))
            if args.json:
                args.json.write_text(json.dumps({"serve": figures}, ensure_ascii=False, indent=2), encoding="utf-8")
            return 0
        counts = args.n or [100, 1000]
        if args.stor and 10_000 not in counts:
            counts.append(10_000)
        results = []
        for count in counts:
            repeats = args.upprepningar if count < 10_000 else min(args.upprepningar, 1)
            results.append(measure(count, repeats, work, with_browser=not args.utan_webblasare))
        print("\n" + report(results))
        if args.json:
            machine = {
                "cores": os.cpu_count(),
                "python": sys.version.split()[0],
                "date_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
            }
            args.json.write_text(
                json.dumps({"machine": machine, "results": results}, ensure_ascii=False, indent=2), encoding="utf-8"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

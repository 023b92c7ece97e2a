"""The form editor: its configuration follows the schema, both canonical writers agree, the vendored copies
are the pinned npm packages, and the page at redigera/ has its own narrow policy."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from conftest import SAMPLE, SAMPLE_DATA  # noqa: E402
from stodguiden.outputs import formular, redigera  # noqa: E402
from stodguiden.source import canonical, schemawalk, yamlsource  # noqa: E402
from stodguiden.source.catalog import schema  # noqa: E402

if TYPE_CHECKING:
    from conftest import Build

OFFER_SCHEMA = schema("erbjudande")
OFFERS = sorted((SAMPLE_DATA / "erbjudanden").glob("*.yml"))
NODE_MODULES = ROOT / "node_modules"


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "hooks" / script), *args], capture_output=True, text=True, cwd=ROOT, check=False
    )


def _node() -> str:
    node = shutil.which("node")
    if node is None or not (NODE_MODULES / "js-yaml").is_dir():
        pytest.skip("node or the npm packages are missing (npm ci)")
    return node


# --- the configuration -------------------------------------------------------------------------------


def test_the_command_prints_what_the_build_serves(sample_build: Build) -> None:
    result = _run("formular.py", "--root", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    served = (sample_build.site / "redigera" / "config.yml").read_text(encoding="utf-8")
    assert result.stdout == served
    assert served.startswith("# Gjord av bygget från schema/erbjudande.schema.json, data/ och mkdocs.yml")


def test_a_new_organiser_is_a_choice_at_once(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    shutil.copy(SAMPLE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    with (tmp_path / "data" / "arrangorer.yml").open("a", encoding="utf-8") as file:
        file.write("\nnyforening:\n  namn: Nya föreningen\n  beskrivning: En ny förening.\n  sektor: ideell\n")
    saved = tmp_path / "config.yml"
    result = _run("formular.py", "--root", str(tmp_path), "--till", str(saved))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{saved}: skriven.\n"
    assert "Nya föreningen (nyforening)" in saved.read_text(encoding="utf-8")
    assert "Nya föreningen (nyforening)" not in _run("formular.py").stdout


def _schema_paths(node: dict[str, Any], prefix: str = "") -> set[str]:
    found: set[str] = set()
    for name, sub in node.get("properties", {}).items():
        found.add(prefix + name)
        found |= _schema_paths(sub, f"{prefix}{name}.")
        found |= _schema_paths(sub.get("items", {}), f"{prefix}{name}[].")
    return found


def _config_paths(fields: list[dict[str, Any]], prefix: str = "") -> set[str]:
    found: set[str] = set()
    for control in fields:
        found.add(prefix + control["name"])
        inner = "[]." if control["widget"] == "list" else "."
        found |= _config_paths(control.get("fields", []), f"{prefix}{control['name']}{inner}")
    return found


def _collection() -> dict[str, Any]:
    config = formular.config(SAMPLE, OFFER_SCHEMA)
    (collection,) = config["collections"]
    return dict(collection)


def test_every_schema_field_has_a_form_control_and_no_more() -> None:
    schema_paths = _schema_paths(OFFER_SCHEMA)
    assert len(schema_paths) > 80
    assert _config_paths(_collection()["fields"]) == schema_paths


def _controls(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found = {}
    for control in fields:
        found[control["name"]] = control
        found |= {f"{control['name']}.{k}": v for k, v in _controls(control.get("fields", [])).items()}
    return found


def test_controls_follow_the_schema() -> None:
    controls = _controls(_collection()["fields"])
    assert controls["titel"]["label"] == "Titel"
    assert controls["titel"]["hint"] == OFFER_SCHEMA["properties"]["titel"]["description"]
    assert controls["titel"]["required"] is True
    assert controls["beskrivning"]["required"] is False
    assert controls["nästa_start"]["label"] == "Nästa start"
    assert controls["omgångar.start"]["widget"] == "datetime"
    assert controls["omgångar.start"]["required"] is True  # required in each round that exists
    assert controls["granskad"]["format"] == "YYYY-MM-DD"
    assert controls["omgångar"]["summary"].startswith("{{fields.start}}")
    assert controls["kostnad.belopp"] | {"hint": ""} == {
        "name": "belopp",
        "label": "Belopp",
        "hint": "",
        "required": False,  # kostnad is optional: its own required field is told in the hint
        "widget": "number",
        "value_type": "int",
        "min": 0,
        "max": 100000,
    }
    assert controls["kostnad.belopp"]["hint"].endswith("Behövs om du fyller i den här gruppen.")
    kinds = {o["value"]: o["label"] for o in controls["typer"]["options"]}
    assert kinds["foraldrakurser"] == "Föräldrakurser (foraldrakurser)"
    assert controls["typer"]["multiple"] is True
    assert controls["arrangör"]["multiple"] is True
    assert [o["value"] for o in controls["anmälan.sätt"]["options"]] == OFFER_SCHEMA["properties"]["anmälan"][
        "properties"
    ]["sätt"]["enum"]
    assert controls["omgångar.tid"]["pattern"][1] == "Skriv klockslaget som 18.00–20.00."
    assert controls["omgångar.träffar"]["widget"] == "string"


# --- the canonical form ------------------------------------------------------------------------------


def test_every_sample_offer_is_in_the_canonical_form() -> None:
    # Only the sample: a site's editor may write valid YAML in another style by hand, and the pull request's
    # summary names such files instead of failing (hooks/summary.py, test_summary.py).
    result = _run("normalisera.py", "--check", "--root", str(SAMPLE))
    assert result.returncode == 0, result.stdout


def test_a_file_in_another_form_is_named_and_rewritten(tmp_path: Path) -> None:
    offers = tmp_path / "data" / "erbjudanden"
    offers.mkdir(parents=True)
    original = (SAMPLE_DATA / "erbjudanden" / "babymassage.yml").read_text(encoding="utf-8")
    (offers / "babymassage.yml").write_text(original.replace("språk:\n  - sv\n", "språk: [sv]\n"), encoding="utf-8")
    result = _run("normalisera.py", "--check", "--root", str(tmp_path))
    assert (result.returncode, result.stdout) == (
        1,
        "data/erbjudanden/babymassage.yml:1: Filen är inte skriven som formuläret skriver den. "
        "Kör python hooks/normalisera.py.\n",
    )
    assert _run("normalisera.py", "--root", str(tmp_path)).returncode == 0
    assert (offers / "babymassage.yml").read_text(encoding="utf-8") == original


AWKWARD_TEXTS = [
    "18:30",
    "10.00",
    "10.00–11.30",
    "0123456",
    "031-390 06 12",
    "yes",
    "no",
    "ja",
    "true",
    "null",
    "~",
    "1e3",
    ".5",
    "2027-02-10",
    "- ett streck först",
    "Kolon: och mellanslag",
    "slutar med kolon:",
    "# inte en kommentar",
    "text # med brädgård",
    "Citat ”så här” och 'så här' och \"så här\"",
    "'enkla citattecken först",
    "@snabel",
    "`grav`",
    "  inledande mellanslag",
    "avslutande mellanslag ",
    "tabb\tinuti",
    "rad ett\nrad två\n",
    "rad ett\nrad två",
    "rad ett\n\nrad tre\n\n",
    "  indragen första rad\nandra",
    "\nbörjar med tom rad",
    "linje\u2028avskiljare",
    "ett\u00a0hårt mellanslag",
    "bakstreck \\ och \\n",
    "ersättare \ufffd",
    "% procent",
    "...",
    "—tankstreck",
    "*stjärna",
    "&ochtecken",
    "{klammer}",
    "[hak]",
    "komma, inuti",
    "É é ø ß 中文 العربية",
    "rad\r\nmed CR",
]


def _awkward_documents() -> list[str]:
    documents = []
    for text in AWKWARD_TEXTS:
        data = {
            "titel": text,
            "beskrivning": text,
            "arrangör": "socialtjansten",
            "kontakt": {"telefon": text},
            "omgångar": [
                {"start": "2027-02-10", "träffar": "6–8", "info": text},
                {"träffar": 8, "start": "2027-03-01"},
            ],
            "sökord": [text, "vanlig"],
            "tolk": True,
        }
        documents.append(json.dumps(data))  # JSON is YAML that both readers read alike
    return documents


NODE_SCRIPT = """
const kanonisk = require(process.argv[1]);
const jsyaml = require("js-yaml");
const fs = require("fs");
const schema = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const texts = JSON.parse(fs.readFileSync(0, "utf8"));
const format = kanonisk.format(jsyaml, schema);
const out = texts.map((text) => {
  const written = format.toFile(format.fromFile(text));
  const again = format.toFile(format.fromFile(written));
  return { written, again, back: format.fromFile(written) };
});
process.stdout.write(JSON.stringify(out));
"""


def test_the_browser_writer_and_the_normaliser_write_the_same_bytes() -> None:
    node = _node()
    documents = [p.read_text(encoding="utf-8") for p in OFFERS] + _awkward_documents()
    result = subprocess.run(
        [
            node,
            "-e",
            NODE_SCRIPT,
            str(ROOT / "redigera" / "kanonisk.js"),
            str(ROOT / "schema" / "erbjudande.schema.json"),
        ],
        input=json.dumps(documents),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    from_js = json.loads(result.stdout)
    for document, js in zip(documents, from_js, strict=True):
        python = canonical.normalised(document, OFFER_SCHEMA)
        assert js["written"] == python, document
        assert js["again"] == python, "the browser's writer is stable"
        assert canonical.normalised(python, OFFER_SCHEMA) == python, "the normaliser is stable"
        assert js["back"] == canonical.canonical(canonical.from_node(yaml.compose(python)), OFFER_SCHEMA)


@pytest.mark.parametrize("text", AWKWARD_TEXTS)
def test_a_text_comes_back_as_written(text: str) -> None:
    written = canonical.dump({"titel": text, "sökord": [text], "omgångar": [{"info": text}]})
    source, problems = yamlsource.read_text(written, "x.yml")
    assert problems == []
    assert source is not None
    data = canonical.from_node(source.node)
    assert data == {"titel": text, "sökord": [text], "omgångar": [{"info": text}]}
    # the project's own reader, guided by the schema, reads the same text (or refuses it, as too short
    # or with an invisible character, whatever quotes it is in)
    document, _ = schemawalk.walk(source, OFFER_SCHEMA)
    assert document.data.get("titel", text) in (text, text.strip())  # the reader trims titles


def test_a_clock_time_without_quotes_is_read_as_written() -> None:
    """YAML 1.1 would read 18:30 as a number of minutes (1110); the project's reader keeps the text."""
    source, problems = yamlsource.read_text(
        "omgångar:\n  - start: 2027-02-02\n    träffar: 4\n    tid: 18:30\n", "x.yml"
    )
    assert problems == []
    assert source is not None
    document, _ = schemawalk.walk(source, OFFER_SCHEMA)
    assert document.data["omgångar"][0]["tid"] == "18:30"


def test_types_follow_the_schema() -> None:
    text = (
        "arrangör: socialtjansten\ntelefon: 0123\nkontakt:\n  telefon: 0123456\nomgångar:\n"
        "  - träffar: '8'\n    tid: 18:30\n    info:\ntolk: 'true'\n"
    )
    assert canonical.normalised(text, OFFER_SCHEMA) == (
        canonical.HEADER + 'arrangör:\n  - socialtjansten\nkontakt:\n  telefon: "0123456"\nomgångar:\n'
        '  - träffar: 8\n    tid: "18:30"\ntolk: true\ntelefon: "0123"\n'
    )


# --- what the site serves ----------------------------------------------------------------------------


def _locked(package: str) -> str:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    return str(lock["packages"][f"node_modules/{package}"]["version"])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_vendored_files_are_the_pinned_npm_packages() -> None:
    versions = json.loads((ROOT / "redigera" / "vendor" / "versioner.json").read_text(encoding="utf-8"))
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    for name, version in versions.items():
        assert package["devDependencies"][name] == version, f"{name}: package.json pins another version"
        assert _locked(name) == version, f"{name}: package-lock.json has another version"
    if not NODE_MODULES.is_dir():
        pytest.skip("npm ci has not been run")
    decap = NODE_MODULES / "decap-cms" / "dist"
    vendored = ROOT / "redigera" / "vendor" / "decap-cms"
    expected = {
        p.name for p in decap.iterdir() if p.name.endswith(("decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt"))
    }
    assert {p.name for p in vendored.iterdir()} == expected
    for name in expected:
        assert _digest(vendored / name) == _digest(decap / name), name
    js_yaml = ROOT / "redigera" / "vendor" / "js-yaml"
    assert _digest(js_yaml / "js-yaml.min.js") == _digest(NODE_MODULES / "js-yaml" / "dist" / "js-yaml.min.js")
    assert _digest(js_yaml / "LICENSE") == _digest(NODE_MODULES / "js-yaml" / "LICENSE")


LOCALE_SCRIPT = """
const dir = process.argv[1];
const flat = (o, p = "", out = {}) => {
  for (const [k, v] of Object.entries(o)) {
    const key = p ? p + "." + k : k;
    if (v && typeof v === "object") flat(v, key, out); else out[key] = v;
  }
  return out;
};
(async () => {
  const en = flat((await import(dir + "/en/index.js")).default);
  const sv = flat((await import(dir + "/sv/index.js")).default);
  global.window = {};
  require(process.argv[2]);
  const ours = flat(window.StodguidenSvenska);
  const plainer = flat(window.StodguidenSvenskaEgna);
  process.stdout.write(JSON.stringify({
    missing: Object.keys(en).filter((k) => !(k in sv) && !(k in ours)),
    unknown: Object.keys(ours).concat(Object.keys(plainer)).filter((k) => !(k in en)),
    plainer: Object.keys(plainer).filter((k) => !(k in sv)),
  }));
})();
"""


def test_every_text_of_the_interface_is_swedish() -> None:
    node = _node()
    locales = NODE_MODULES / "decap-cms-locales" / "dist" / "esm"
    result = subprocess.run(
        [node, "-e", LOCALE_SCRIPT, str(locales), str(ROOT / "redigera" / "svenska.js")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == {"missing": [], "unknown": [], "plainer": []}


def test_the_editor_page_talks_only_to_the_site_and_the_git_host(sample_build: Build) -> None:
    html = (sample_build.site / "redigera" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert (
        "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self'; "
        "connect-src 'self' https://api.github.com http://localhost:8081; "
        "base-uri 'self'; form-action 'self'; object-src 'none'"
    ) in html
    for path in redigera.paths():
        assert (sample_build.site / path).is_file(), path
    assert "redigera" not in (sample_build.site / "index.html").read_text(encoding="utf-8"), "not in the navigation"
    assert "redigera/" not in (sample_build.site / "sitemap.xml").read_text(encoding="utf-8")


def test_github_signs_in_through_the_municipalitys_relay() -> None:
    repo = formular.repository(
        "repo_url: https://github.com/kommun/stodguiden\nmarkdown_extensions:\n  - x: !!python/name:a.b\n"
        "extra:\n  redigera:\n    inloggning: https://auth.kommun.se\n"
    )
    assert formular.backend(repo) == {
        "name": "github",
        "repo": "kommun/stodguiden",
        "branch": "main",
        "base_url": "https://auth.kommun.se",
    }


def test_gitlab_signs_in_with_pkce_and_its_host_is_allowed() -> None:
    repo = formular.repository(
        "repo_url: https://gitlab.com/kommun/stodguiden\nedit_uri: edit/huvud/docs/\n"
        "extra:\n  redigera:\n    gitlab_app_id: abc123\n"
    )
    backend = formular.backend(repo)
    assert backend | {"auth_endpoint": ""} == {
        "name": "gitlab",
        "repo": "kommun/stodguiden",
        "branch": "huvud",
        "auth_type": "pkce",
        "app_id": "abc123",
        "api_root": "https://gitlab.com/api/v4",
        "base_url": "https://gitlab.com",
        "auth_endpoint": "",
    }
    policy = redigera.policy({"backend": backend})
    assert "connect-src 'self' https://gitlab.com/api/v4 https://gitlab.com;" in policy


def test_a_region_has_a_list_per_municipality_and_chooses_kommuner_among_them() -> None:
    config = formular.config(ROOT / "exempel" / "region", OFFER_SCHEMA)
    folders = {c["name"]: (c["label"], c["folder"]) for c in config["collections"]}
    assert folders == {
        "erbjudanden": ("Gemensamma erbjudanden", "data/erbjudanden"),
        "kommun-fjallsta": ("Erbjudanden i Fjällsta kommun", "data/kommuner/fjallsta/erbjudanden"),
        "kommun-norrvik": ("Erbjudanden i Norrviks kommun", "data/kommuner/norrvik/erbjudanden"),
        "kommun-sjoby": ("Erbjudanden i Sjöby kommun", "data/kommuner/sjoby/erbjudanden"),
    }
    shared, *own = config["collections"]
    (chosen,) = [c for c in shared["fields"] if c["name"] == "kommuner"]
    assert (chosen["widget"], chosen["multiple"], chosen["required"]) == ("select", True, True)
    assert [o["value"] for o in chosen["options"]] == ["alla", "9903", "9901", "9902"]
    for collection in own:  # an offer in a municipality's folder serves that one: no kommuner
        assert "kommuner" not in {c["name"] for c in collection["fields"]}
        assert len(collection["fields"]) == len(shared["fields"]) - 1
        assert collection["format"] == "stodguiden-yml-kommun"  # its schema line is two folders deeper


def test_the_region_samples_offers_are_in_the_canonical_form_too() -> None:
    """Shared offers and each municipality's own, as the form writes them."""
    result = _run("normalisera.py", "--check", "--root", str(ROOT / "exempel" / "region"))
    assert result.returncode == 0, result.stdout

"""The benchmark's synthetic offers stay valid, so bench/run.py keeps measuring real builds (not timed)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from conftest import SAMPLE_DATA, SAMPLE_DOCS, make_project, run_build
from stodguiden.source import catalog, datafiles

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402  (bench/ is not a package; it is put on the path above)

SCHEMA = ROOT / "schema" / "erbjudande.schema.json"


def _data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir(parents=True)
    for name in datafiles.VOCABULARY_FILES:
        shutil.copy2(SAMPLE_DATA / name, data / name)
    return data


def test_synthetic_offers_load_without_problems(tmp_path: Path) -> None:
    data = _data_dir(tmp_path)
    shutil.copytree(SAMPLE_DOCS, tmp_path / "docs")  # the logo in webbplats.yml is checked to exist
    written = synth.generate(data, 5)
    assert len(written) == 5
    loaded, problems = catalog.load(tmp_path, today=synth.TODAY)
    assert problems == []
    assert loaded is not None
    assert sorted(offer.slug for offer in loaded.offers) == sorted(path.stem for path in written)


def test_synthetic_offers_use_every_field_of_the_schema(tmp_path: Path) -> None:
    """Every top-level field, and several rounds and places somewhere, as the benchmark promises."""
    written = synth.generate(_data_dir(tmp_path), 30)
    offers = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in written]
    fields = set(yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))["properties"])
    # godkända_varningar is an editor's note to the check, never published: nothing in a build reads it,
    # and an acceptance that matches no warning would itself be a warning.
    assert fields - {"godkända_varningar"} == {key for offer in offers for key in offer}
    assert all(len(offer["omgångar"]) >= 2 for offer in offers)
    assert any(len(offer["plats"]) >= 2 for offer in offers)


def test_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    first = [p.read_text(encoding="utf-8") for p in synth.generate(_data_dir(tmp_path / "a"), 10)]
    second = [p.read_text(encoding="utf-8") for p in synth.generate(_data_dir(tmp_path / "b"), 10)]
    assert first == second


def test_an_offer_page_does_not_grow_with_the_number_of_offers(tmp_path: Path) -> None:
    """The navigation lists groups, never offers: the same offer's page is the same with 3 or 40 offers."""
    pages = []
    for count in (3, 40):
        data = _data_dir(tmp_path / f"data{count}")
        written = synth.generate(data, count)  # the same seed: the first offers are the same files
        build = run_build(make_project(tmp_path / f"site{count}", data), "--strict", today=synth.TODAY.isoformat())
        assert build.ok, build.result.stderr
        pages.append(build.html(f"erbjudanden/{written[0].stem}/"))
    assert pages[0] == pages[1]


def test_a_synthetic_region_loads_without_problems(tmp_path: Path) -> None:
    """bench/region.py's county: every municipality of the list's county 23 with its folder, and shared offers."""
    data = _data_dir(tmp_path)
    written = synth.generate_region(data, 40, "23")
    loaded, problems = catalog.load(tmp_path, today=synth.TODAY)
    assert problems == []
    assert loaded is not None
    assert len(loaded.offers) == len(written) == 40
    assert len(loaded.settings.municipalities) == 8  # Jämtlands län
    assert {code for offer in loaded.offers for code in offer.municipalities} == {
        m.code for m in loaded.settings.municipalities
    }
    assert any(offer.home is None for offer in loaded.offers)

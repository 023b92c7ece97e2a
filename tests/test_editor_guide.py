"""The editor guide, the offer template and the VS Code settings agree with the JSON Schemas."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from conftest import ROOT
from stodguiden.catalog import load
from stodguiden.schemadoc import END, START, reference


def test_guide_field_reference_is_generated_from_the_schemas() -> None:
    guide = (ROOT / "REDAKTÖRSGUIDE.md").read_text(encoding="utf-8")
    section = START + guide.split(START, 1)[1].split(END, 1)[0] + END + "\n"
    assert section == reference(ROOT / "schema"), "Kör: cd hooks && python -m stodguiden.schemadoc"


def test_every_offer_field_is_in_the_guide() -> None:
    guide = (ROOT / "REDAKTÖRSGUIDE.md").read_text(encoding="utf-8")
    schema = json.loads((ROOT / "schema" / "erbjudande.schema.json").read_text(encoding="utf-8"))
    for name in schema["properties"]:
        assert f"| `{name}` |" in guide, name


def test_offer_template_is_a_valid_offer(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "mallar" / "erbjudande.yml", tmp_path / "data" / "erbjudanden" / "ny-mall.yml")
    catalog, problems = load(tmp_path, today=date(2027, 1, 18))
    assert [str(p) for p in problems] == []
    assert catalog is not None and "ny-mall" in [o.slug for o in catalog.offers]


def test_vscode_maps_every_data_file_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {Path(schema).name for schema in settings["yaml.schemas"]}
    assert mapped == {p.name for p in (ROOT / "schema").glob("*.schema.json")}
    for data_file in (ROOT / "data").rglob("*.yml"):
        first = data_file.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), data_file
        target = (data_file.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), data_file

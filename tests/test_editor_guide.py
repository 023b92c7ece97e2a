"""The editor guide, the offer template and the VS Code settings agree with the JSON Schemas."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from conftest import ROOT, SAMPLE_DATA, SAMPLE_DOCS
from stodguiden.source import plainlanguage
from stodguiden.source.catalog import load
from stodguiden.source.offers import TEMPLATE_TEXTS
from stodguiden.source.schemadoc import END, START, reference


def test_guide_field_reference_is_generated_from_the_schemas() -> None:
    guide = (ROOT / "REDAKTÖRSGUIDE.md").read_text(encoding="utf-8")
    section = START + guide.split(START, 1)[1].split(END, 1)[0] + END + "\n"
    assert section == reference(ROOT / "schema"), "Kör: cd hooks && python -m stodguiden.source.schemadoc"


def test_every_offer_field_is_in_the_guide() -> None:
    guide = (ROOT / "REDAKTÖRSGUIDE.md").read_text(encoding="utf-8")
    schema = json.loads((ROOT / "schema" / "erbjudande.schema.json").read_text(encoding="utf-8"))
    for name in schema["properties"]:
        assert f"| `{name}` |" in guide, name


def test_offer_template_is_a_valid_offer_once_its_placeholders_are_filled_in(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    shutil.copytree(SAMPLE_DOCS, tmp_path / "docs")
    copy = tmp_path / "data" / "erbjudanden" / "ny-mall.yml"
    shutil.copy(ROOT / "mallar" / "erbjudande.yml", copy)
    # Copied unchanged, it is an error: a page titled "Namnet på erbjudandet" must never be published.
    catalog, problems = load(tmp_path, today=date(2027, 1, 18))
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (10, "Fältet titel står kvar som i mallen"),
        (11, "Fältet sammanfattning står kvar som i mallen"),
    ]
    assert catalog is None
    text = copy.read_text(encoding="utf-8")
    for name, placeholder in TEMPLATE_TEXTS.items():
        text = text.replace(f"{name}: {placeholder}", f"{name}: Ett nytt erbjudande för föräldrar i Exempelby")
    copy.write_text(text, encoding="utf-8")
    catalog, problems = load(tmp_path, today=date(2027, 1, 18))
    assert [str(p) for p in problems] == []
    assert catalog is not None
    assert "ny-mall" in [o.slug for o in catalog.offers]


def test_vscode_maps_every_data_file_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {Path(schema).name for schema in settings["yaml.schemas"]}
    assert mapped == {p.name for p in (ROOT / "schema").glob("*.schema.json")}
    # The sample's files; a site's own need no such line (.vscode/settings.json maps them all).
    for data_file in SAMPLE_DATA.rglob("*.yml"):
        first = data_file.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), data_file
        folder = ROOT / "data" / data_file.parent.relative_to(SAMPLE_DATA)  # where it lies in Stödguiden itself
        target = (folder / first.split("=", 1)[1]).resolve()
        assert target.is_file(), data_file


def test_guide_pictures_exist_and_describe_themselves() -> None:
    guide = (ROOT / "REDAKTÖRSGUIDE.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[([^\]]+)\]\(([^)]+)\)", guide)
    assert pictures, "the guide has at least the flow diagram"
    for alt, path in pictures:
        assert len(alt) > 20, f"{path}: the alt text says what the picture shows"
        svg = ElementTree.parse(ROOT / path).getroot()
        namespace = "{http://www.w3.org/2000/svg}"
        assert svg.tag == f"{namespace}svg"
        assert svg.get("role") == "img"
        assert svg.find(f"{namespace}title") is not None
        assert svg.find(f"{namespace}desc") is not None


def test_guide_covers_the_editor_tasks() -> None:
    headings = re.findall(r"^## (.+)$", (ROOT / "REDAKTÖRSGUIDE.md").read_text(encoding="utf-8"), re.MULTILINE)
    for wanted in (
        "Lägga till ett erbjudande",
        "Ändra ett erbjudande",
        "Pausa ett erbjudande",
        "Ta bort ett erbjudande",
        "Läsa kontrollen på en pull request",
        "Lätt svenska: LIX och krångliga ord",
        "Se webbplatsen på din egen dator",
        "Publicering",
        "Alla fält",
    ):
        assert wanted in headings


def test_the_word_list_example_in_the_guide_is_valid(tmp_path: Path) -> None:
    guide = (ROOT / "REDAKTÖRSGUIDE.md").read_text(encoding="utf-8")
    example = next(block for block in re.findall(r"```yaml\n(.+?)```", guide, re.DOTALL) if "enklare:" in block)
    path = tmp_path / "ordlista.yml"
    path.write_text(example, encoding="utf-8")
    doc, problems = plainlanguage.read_wordlist(path, "data/ordlista.yml")
    assert problems == []
    assert doc is not None
    assert plainlanguage.officialese(doc).forms["vårdnadshavarna"] == ("vårdnadshavare", "förälder")

"""The package's folders show the flow, and each layer imports only from the layers below it.

base → model → language → source → outputs → site: reading and checking (source) never depends on
how a page or a data file is made, and the shared helpers in base depend on nothing else of ours.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

import pytest

from conftest import ROOT

if TYPE_CHECKING:
    from pathlib import Path

PACKAGE = ROOT / "hooks" / "stodguiden"
LAYERS = ("base", "model", "language", "source", "outputs", "site")
"""From the lowest to the highest."""


def layer_of(module: str) -> str:
    """The layer of a dotted module name inside the package: stodguiden.source.offers → source."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "package"


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def imported_modules(text: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, module) for every import of one of our modules in a module's source, relative ones resolved."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "stodguiden"]
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            if target.split(".")[0] == "stodguiden":
                found.append((node.lineno, target))
    return found


def upward_imports(text: str, module: str, is_package: bool = False) -> list[str]:
    own = layer_of(module)
    return [
        f"line {line}: {target} ({layer_of(target)}) is above {own}"
        for line, target in imported_modules(text, module, is_package)
        if layer_of(target) not in LAYERS or LAYERS.index(layer_of(target)) > LAYERS.index(own)
    ]


MODULES = sorted(PACKAGE.rglob("*.py"))
LAYERED = [path for path in MODULES if path != PACKAGE / "__init__.py"]


def test_every_module_is_in_a_layer() -> None:
    outside = [str(p.relative_to(PACKAGE)) for p in MODULES if layer_of(module_name(p)) not in LAYERS]
    assert outside == ["__init__.py"]


@pytest.mark.parametrize("path", LAYERED, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_go_only_to_the_same_layer_or_below(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert upward_imports(text, module_name(path), path.name == "__init__.py") == []


def test_an_upward_import_is_found_with_its_line() -> None:
    text = (
        "from stodguiden.base.problems import Problem\n"
        "from stodguiden.site import pages\n"
        "from ..outputs.hsds import x\n"
        "import stodguiden.model\n"
    )
    assert upward_imports(text, "stodguiden.source.offers") == [
        "line 2: stodguiden.site (site) is above source",
        "line 3: stodguiden.outputs.hsds (outputs) is above source",
    ]
    assert upward_imports("from stodguiden import model\n", "stodguiden.base.x") == [
        "line 1: stodguiden (package) is above base"
    ]

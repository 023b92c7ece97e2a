"""The libyaml fast path of `yamlsource.read` gives exactly the tree PyYAML's own loader gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from stodguiden import yamlsource

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_FILES = sorted((ROOT / "data").rglob("*.yml")) + sorted((ROOT / "mallar").glob("*.yml"))

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML is built without libyaml here")


def _shape(node: yaml.Node | None) -> Any:
    """Everything the checker reads from a node: kind, tag, value, style and where it starts.

    End marks are left out: nothing reads them, and libyaml ends a block collection a line later.
    """
    if node is None:
        return None
    marks = (node.start_mark.line, node.start_mark.column)
    if isinstance(node, yamlsource.AliasNode):
        return ("alias", marks)
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style, marks)
    if isinstance(node, yaml.SequenceNode):
        return ("seq", node.tag, [_shape(child) for child in node.value], marks)
    return ("map", node.tag, [(_shape(k), _shape(v)) for k, v in node.value], marks)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_fast_path_matches_pyyaml(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = yamlsource._compose_with_libyaml(text)
    assert fast is not None, "a plain file should take the fast path"
    assert _shape(fast) == _shape(yaml.compose(text, Loader=yamlsource._Loader))


def test_plain_scalars_have_style_none_as_pyyaml_gives_them() -> None:
    node = yamlsource._compose_with_libyaml('a: ja\nb: "ja"\nc: |\n  text\n')
    assert node is not None
    assert [value.style for _, value in node.value] == [None, '"', "|"]


@pytest.mark.parametrize("text", [
    "a: &x [1, 2]\nb: *x\n",                   # an alias
    "a: &x\n  - *x\n",                          # an alias to itself
    "a: [1, 2\n",                               # not YAML: PyYAML gives the message
    "a: 1\n---\nb: 2\n",                        # two documents
    "",                                         # empty
    "# only a comment\n",
])
def test_aliases_mistakes_and_empty_files_use_pyyaml(text: str) -> None:
    assert yamlsource._compose_with_libyaml(text) is None


def test_alias_keeps_its_own_node_and_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("a: &x [1, 2]\nb: *x\n", encoding="utf-8")
    source, problems = yamlsource.read(path, "data/x.yml")
    assert problems == [] and source is not None and source.node is not None
    (_, _), (_, alias) = source.node.value
    assert isinstance(alias, yamlsource.AliasNode)
    assert alias.start_mark.line == 1

"""The fast (libyaml) reading of YAML files gives the same node tree as PyYAML's own reader."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from stodguiden import yamlsource

SAMPLES = sorted((ROOT / "data").rglob("*.yml")) + sorted((ROOT / "tests" / "fixtures").rglob("*.yml"))


def shape(node: yaml.Node | None) -> object:
    """A node tree as plain data, with what later checks read: tag, value, style and line."""
    if node is None:
        return None
    if isinstance(node, yamlsource.AliasNode):
        return ("alias", node.start_mark.line)
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.style, node.start_mark.line)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [shape(item) for item in node.value], node.start_mark.line)
    return (node.tag, [(shape(k), shape(v)) for k, v in node.value], node.start_mark.line)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_and_plain_reading_agree(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        slow = shape(yaml.compose(text, Loader=yamlsource._Loader))
    except yaml.YAMLError:
        with pytest.raises(yaml.YAMLError):
            yamlsource.compose(text)
        return
    assert shape(yamlsource.compose(text)) == slow


@pytest.mark.parametrize("text", ['{"a":&x 1, "b":*x}\n', "a: &x [1]\nb: [*x]\n", "- &x a\n- *x\n"])
def test_an_alias_anywhere_is_kept_as_an_alias(text: str) -> None:
    node = yamlsource.compose(text)
    assert "alias" in repr(shape(node))

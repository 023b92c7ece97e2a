"""The fast (libyaml) reading of YAML files gives the same node tree as PyYAML's own reader."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from stodguiden.source import yamlsource

if TYPE_CHECKING:
    from pathlib import Path

SAMPLES = sorted((ROOT / "data").rglob("*.yml")) + sorted((ROOT / "tests" / "fixtures").rglob("*.yml"))


def shape(node: yaml.Node | None) -> object:
    """A node tree as plain data, with what later checks read: tag, value, style (None when plain) and line."""
    if node is None:
        return None
    if isinstance(node, yamlsource.AliasNode):
        return ("alias", node.start_mark.line)
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.style or None, node.start_mark.line)  # plain: None or "" (Source)
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


# Plain scalars that YAML 1.1 reads as something other than text, and near misses; each also as a key,
# quoted and in a flow list. Read twice, so that the second reading uses the tags the resolver remembered.
TRICKY_SCALARS = [
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "true",
    "False",
    "TRUE",
    "null",
    "Null",
    "~",
    "",
    "0",
    "-1",
    "+12",
    "0o17",
    "0x1F",
    "0b101",
    "1_000",
    "190:20:30",
    "1.5",
    "-.inf",
    ".NaN",
    ".5",
    "1e3",
    "6.8523015e+5",
    "2027-01-18",
    "2027-1-8",
    "2027-01-18T10:00:00Z",
    "2027-01-18 10:00:00.5 +1",
    "<<",
    "=",
    "18.00–20.00",
    "0123-456 78",
    "titel",
    "Ja",
    "nej",
    "1.0.0",
    "12:30",
]


@pytest.mark.parametrize("reading", [1, 2])
def test_the_tag_of_every_kind_of_plain_scalar_is_pyyamls(reading: int) -> None:
    text = "".join(f"k{i}: {v}\n{v or 'tom'}: x\nq{i}: '{v}'\nl{i}: [{v}]\n" for i, v in enumerate(TRICKY_SCALARS))
    assert shape(yamlsource.compose(text)) == shape(yaml.compose(text, Loader=yamlsource._Loader))


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("a &*[]{},:-#'\"!|>\t\n\r\u3000\u2028\x85")), max_size=12))
def test_anchors_are_looked_for_where_a_token_can_start(text: str) -> None:
    # The plain statement of the rule; yamlsource's version is written to search faster.
    plain = re.compile(r"(?:^|[\s\[{,:])[&*][^\s*&]")
    assert yamlsource._may_have_anchor_or_alias(text) == bool(plain.search(text))

"""Warnings an editor is right to keep, accepted in the offer file with a reason; and the template's texts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import yaml
from validation_helpers import OFFER, ROOT, VALID_OFFER, check, lines, minimal_site

from stodguiden.base.problems import verdict
from stodguiden.source.offers import ACCEPTABLE_RULES, TEMPLATE_TEXTS

if TYPE_CHECKING:
    from pathlib import Path

ACCEPTING = VALID_OFFER + (
    "beskrivning: |\n  Barnet erhåller ett intyg efter kursen.\n"
    "godkända_varningar:\n  - ord: erhålla\n    skäl: Ordet står så i kommunens riktlinjer.\n"
)


def test_an_accepted_warning_is_not_reported_and_strict_passes(tmp_path: Path) -> None:
    site = minimal_site(tmp_path)
    (site / OFFER).write_text(ACCEPTING, encoding="utf-8")
    catalog, problems = check(site)
    assert lines(problems) == []
    assert not verdict(problems, strict=True).failed
    assert catalog is not None
    # Never published: the reason is in no field of the offer the pages and data files are made from.
    offer = next(o for o in catalog.offers if o.source == OFFER)
    assert "riktlinjer" not in repr(offer)


def test_without_the_acceptance_the_warning_is_there(tmp_path: Path) -> None:
    site = minimal_site(tmp_path)
    (site / OFFER).write_text(ACCEPTING.split("godkända_varningar")[0], encoding="utf-8")
    _, problems = check(site)
    assert [p.rule for p in problems] == ["krångligt-ord"]


def test_the_schema_lists_exactly_the_rules_that_can_be_accepted() -> None:
    schema = json.loads((ROOT / "schema" / "erbjudande.schema.json").read_text(encoding="utf-8"))
    rules = schema["properties"]["godkända_varningar"]["items"]["properties"]["regel"]["enum"]
    assert tuple(rules) == ACCEPTABLE_RULES


def test_the_template_texts_are_those_of_the_template() -> None:
    template = yaml.safe_load((ROOT / "mallar" / "erbjudande.yml").read_text(encoding="utf-8"))
    assert {name: template[name] for name in TEMPLATE_TEXTS} == TEMPLATE_TEXTS

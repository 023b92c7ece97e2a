"""Project hygiene: the README's commands, CI and lint stay in step."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml

from conftest import ROOT


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme)


def test_readme_has_exactly_two_commands_and_ci_runs_the_test_one() -> None:
    build, test = readme_commands()
    assert build.startswith("python3 -m venv .venv")
    assert build.endswith("mkdocs build")
    assert test.endswith("python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()


def test_requirements_are_pinned() -> None:
    for name in ("requirements.txt", "requirements-dev.txt", "requirements-ci.txt"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r "):
                assert "==" in line, f"{name}: {line}"
    assert "mkdocs==1.6.1" in (ROOT / "requirements.txt").read_text(encoding="utf-8")


def duplicate_keys(node: yaml.Node | None) -> list[str]:
    """Keys given twice in one mapping anywhere in a YAML node tree, as 'line N: key'."""
    found: list[str] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                found.append(f"line {key.start_mark.line + 1}: {key.value}")
            seen.add(key.value)
            found += duplicate_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += duplicate_keys(item)
    return found


def test_mkdocs_yml_has_no_key_twice() -> None:
    """PyYAML keeps only the last of two equal keys, so a second `extra_javascript:` silently drops the first."""
    assert duplicate_keys(yaml.compose((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))) == []


def test_ruff_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_codeowners_send_data_to_the_coordinators_and_name_only_existing_paths() -> None:
    rules = [
        line.split()
        for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    owners = dict((pattern, rest) for pattern, *rest in rules)
    assert owners["/data/"] == ["@exempelby/foraldrastod-samordnare"]
    assert owners["*"] == ["@exempelby/webbteamet"]
    for pattern in owners:
        if pattern != "*":
            assert list(ROOT.glob(pattern.strip("/"))), f"CODEOWNERS names {pattern}, which does not exist"


def test_pull_request_template_is_a_swedish_checklist() -> None:
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ] ") >= 5
    assert "## Vad ändras?" in template
    assert "granskad" in template

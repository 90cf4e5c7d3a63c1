"""The registry, the docs, the config schema and the hook file say the same things."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from update_readme import schema_with_rules, with_rules

from awesome_lint.config import config_schema
from awesome_lint.rules import _MODULES, BY_ID, RULES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_rule_table_is_generated_from_the_docstrings() -> None:
    assert with_rules(README) == README, "run: python tests/update_readme.py"


@pytest.mark.parametrize("module", _MODULES, ids=[m.ID for m in _MODULES])
def test_every_rule_documents_itself(module: object) -> None:
    doc = module.__doc__ or ""
    rule_id = module.ID  # type: ignore[attr-defined]
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule_id)
    assert Path(module.__file__).stem == rule_id.replace("-", "_")  # type: ignore[attr-defined]
    assert doc.splitlines()[0].strip().endswith("."), "first line: what the rule finds"
    for section in ("## What it does", "## Why", "## Fix"):
        assert section in doc, f"{rule_id}: missing {section}"
    assert len(Path(module.__file__).read_text().splitlines()) < 200  # type: ignore[attr-defined]


def test_the_config_schema_rules_are_generated_from_the_rules() -> None:
    text = (ROOT / "schema" / "config.schema.json").read_text(encoding="utf-8")
    assert schema_with_rules(text) == text, "run: python tests/update_readme.py"
    properties = config_schema()["properties"]["rules"]["properties"]
    assert set(BY_ID) <= set(properties)
    for rule in RULES:
        for name, spec in rule.options.items():
            assert "default" in spec, f"{rule.id}: option {name} has no default"


def test_a_rule_given_options_without_a_severity_keeps_its_own() -> None:
    from awesome_lint.config import config_from_text

    warned = [rule for rule in RULES if rule.severity == "warning"]
    assert warned
    for rule in warned:
        config = config_from_text(json.dumps({"rules": {rule.id: {}}}), "cfg.json")
        assert config.setting(rule.id, rule.severity).severity == "warning"
        config = config_from_text(
            json.dumps({"rules": {rule.id: {"severity": "error"}}}), "cfg.json"
        )
        assert config.setting(rule.id, rule.severity).severity == "error"


def test_the_pre_commit_hooks_are_in_the_readme() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    ids = re.findall(r"^- id: (\S+)", hooks, flags=re.MULTILINE)
    assert ids == ["awesome-lint", "awesome-lint-fix"]
    for hook in ids:
        assert f"id: {hook}" in README
    assert "language: python" in hooks and "types: [markdown]" in hooks


def test_the_default_schema_is_a_valid_config() -> None:
    from jsonschema import Draft202012Validator

    default = json.loads((ROOT / "schema" / "default.json").read_text(encoding="utf-8"))
    Draft202012Validator(config_schema()).validate(default)


def test_the_readme_config_example_is_a_valid_config() -> None:
    from awesome_lint.config import config_from_text

    block = re.search(r"```json\n(\{\n  \"\$schema\".*?)```", README, flags=re.DOTALL)
    assert block is not None
    config = config_from_text(block.group(1), "README.md")
    assert config.tables[0].name == "papers"


def _readme_commands() -> list[str]:
    return re.findall(r"^\$ (awesome-lint .*)$", README, flags=re.MULTILINE)


@pytest.mark.parametrize("command", _readme_commands())
def test_every_command_in_the_readme_runs(command: str, tmp_path: Path) -> None:
    shutil.copyfile(ROOT / "examples" / "awesome-medical-pretraining.md", tmp_path / "README.md")
    (tmp_path / "examples").mkdir()
    shutil.copyfile(
        ROOT / "examples" / "awesome-medical-pretraining.md",
        tmp_path / "examples" / "awesome-medical-pretraining.md",
    )
    args = shlex.split(command)[1:]
    if args[:1] == ["init"]:
        (tmp_path / ".awesome-lint.json").unlink(missing_ok=True)
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "awesome_lint", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr


def test_the_readme_shows_the_seed_list_as_the_tool_reports_it(tmp_path: Path) -> None:
    shown = re.search(r"```console\n\$ (awesome-lint examples/\S+)\n(.*?)```", README, re.DOTALL)
    assert shown is not None
    result = subprocess.run(
        [sys.executable, "-m", "awesome_lint", *shlex.split(shown.group(1))[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    lines = result.stdout.splitlines()
    for line in shown.group(2).splitlines():
        if line != "...":
            assert line in lines

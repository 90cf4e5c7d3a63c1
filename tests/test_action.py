"""The GitHub Action, run as a runner runs it: its own steps from action.yml, in order, with
GITHUB_ACTION_PATH, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT pointing at temporary files.

Steps that use other actions (setup-python, upload-sarif) are not run (this is no GitHub);
their configuration is checked. The runner's `python` is a stand-in that runs this test's
interpreter (which has awesome-lint installed) and records `pip install` calls instead of
installing: the wheel and clone tests (test_packaging.py) install for real.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "awesome-medical-pretraining.md"
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
_INPUT = re.compile(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")
# Values the runner gives (the token, a pull request's base): empty in this simulation.
_CONTEXT = re.compile(r"\$\{\{\s*github\.[A-Za-z0-9_.]+\s*\}\}")

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


class Run(NamedTuple):
    code: int
    log: str
    summary: str
    outputs: dict[str, str]
    pip: list[str]


def _python_stand_in(folder: Path, calls: Path) -> Path:
    folder.mkdir(exist_ok=True)
    shim = folder / "python"
    shim.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then\n'
        f'  for a in "$@"; do printf "%s\\n" "$a" >> "{calls}"; done\n'
        "  exit 0\n"
        "fi\n"
        f'exec "{sys.executable}" "$@"\n',
        encoding="utf-8",
    )
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    return folder


def run_action(workspace: Path, tmp: Path, **inputs: str) -> Run:
    values = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    unknown = set(inputs) - set(values)
    assert not unknown, f"not inputs of the action: {unknown}"
    values.update(inputs)
    summary, output, calls = tmp / "step-summary.md", tmp / "github-output", tmp / "pip-calls"
    for path in (summary, output, calls):
        path.write_text("", encoding="utf-8")
    shims = _python_stand_in(tmp / "runner-bin", calls)
    env = {
        "PATH": os.pathsep.join([str(shims), str(Path(sys.executable).parent), os.defpath]),
        "HOME": str(tmp),
        "NO_COLOR": "1",
        "GITHUB_ACTIONS": "true",
        "GITHUB_ACTION_PATH": str(ROOT),
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "someone/awesome-list",
        "GITHUB_SHA": "0123abc",
    }
    log, code = [], 0
    for number, step in enumerate(ACTION["runs"]["steps"]):
        if "uses" in step:
            continue
        script = step["run"]
        assert "${{" not in script, f"step {number}: an expression inside the script"
        step_env = dict(env)
        for name, value in (step.get("env") or {}).items():
            if _CONTEXT.fullmatch(str(value).strip()):
                step_env[name] = ""
                continue
            whole = _INPUT.fullmatch(str(value).strip())
            assert whole is not None, f"{name}: only ${{{{ inputs.NAME }}}} is expected: {value}"
            step_env[name] = values[whole.group(1)]
        assert step["shell"] == "bash"
        path = tmp / f"step-{number}.sh"
        path.write_text(script, encoding="utf-8")
        # What GitHub runs for `shell: bash`.
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(path)],
            cwd=workspace,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        log.append(done.stdout + done.stderr)
        code = done.returncode
        if code != 0:
            break  # a failed step ends the job
    outputs = dict(
        line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if line
    )
    return Run(
        code,
        "".join(log),
        summary.read_text(encoding="utf-8"),
        outputs,
        calls.read_text(encoding="utf-8").splitlines(),
    )


def _findings(workspace: Path, *paths: str) -> list[dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--output-format", "json", "--", *paths],
        cwd=workspace,
        capture_output=True,
        text=True,
    )
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


# Names a shell would split or run: with spaces, `;`, `$( )`, quotes and a leading dash.
AWKWARD = ["notes; touch PWNED.md", "my list $(touch PWNED2).md", 'it\'s "here".md', "-x.md"]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "workspace"
    folder.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    (folder / "README.md").write_text(seed, encoding="utf-8")
    for name in AWKWARD:
        (folder / name).write_text(seed, encoding="utf-8")
    return folder


def test_action_and_hooks_load_as_yaml_with_their_required_keys() -> None:
    assert isinstance(ACTION["name"], str) and isinstance(ACTION["description"], str)
    assert ACTION["runs"]["using"] == "composite"
    for name, spec in ACTION["inputs"].items():
        assert isinstance(spec["description"], str) and spec["description"], name
    for step in ACTION["runs"]["steps"]:
        assert ("uses" in step) != ("run" in step)
        if "run" in step:
            assert step["shell"] == "bash" and "name" in step
    for name, spec in ACTION["outputs"].items():
        assert spec["value"].startswith("${{ steps.check.outputs."), name
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)


def test_pip_is_cached_and_sarif_can_be_uploaded() -> None:
    steps = ACTION["runs"]["steps"]
    (setup,) = [s for s in steps if s.get("uses", "").startswith("actions/setup-python@")]
    assert setup["with"]["cache"] == "pip"
    assert "pyproject.toml" in setup["with"]["cache-dependency-path"]
    (upload,) = [s for s in steps if "upload-sarif@" in s.get("uses", "")]
    assert "inputs.upload-sarif == 'true'" in upload["if"]
    assert upload["with"]["sarif_file"] == "${{ steps.check.outputs.sarif-file }}"
    assert steps.index(upload) == len(steps) - 1


def test_many_findings_and_awkward_file_names(workspace: Path, tmp_path: Path) -> None:
    names = ["README.md", *AWKWARD]
    run = run_action(workspace, tmp_path, files="\n".join(names) + "\n")
    expected = _findings(workspace, *names)
    errors = sum(f["severity"] == "error" for f in expected)
    warnings = len(expected) - errors
    assert len(expected) > 20 and errors > 10 and warnings > 10
    assert run.code == 1, run.log
    # The install step got the action's path as one argument.
    assert run.pip[-1] == str(ROOT) and "install" in run.pip
    # No name ran as shell code, and every file was checked.
    assert not list(workspace.glob("PWNED*")), run.log
    assert {f["path"] for f in expected} == set(names)
    # Every finding is annotated in the log ...
    assert run.log.count("::error file=") == errors
    assert run.log.count("::warning file=") == warnings
    # ... which says how many GitHub does not show as annotations,
    hidden = errors - 10 + warnings - 10
    assert f"{len(expected)} findings ({errors} errors, {warnings} warnings)" in run.log
    assert f"so {hidden} more are only in this log and in the job summary" in run.log
    # the job summary counts them per rule and lists every one with a link to its line,
    assert run.summary.startswith("## awesome-lint\n")
    assert f"**{len(expected)} findings** in {len(names)} files" in run.summary
    per_rule = re.findall(r"^\| `([a-z-]+)` \| (error|warning) \| (\d+) \|$", run.summary, re.M)
    assert sum(int(n) for _, _, n in per_rule) == len(expected)
    rows = re.findall(r"^\| \[([^\]]+)\]\(([^)]+)\) \| `([a-z-]+)` \|", run.summary, re.M)
    assert len(rows) == len(expected)
    first = next(r for r in rows if r[0].startswith("notes; touch PWNED.md:"))
    line = first[0].rsplit(":", 1)[1]
    assert first[1] == (
        "https://github.com/someone/awesome-list/blob/0123abc/notes%3B%20touch%20PWNED.md#L" + line
    )
    # and the step's outputs hold the counts.
    assert run.outputs == {
        "findings": str(len(expected)),
        "errors": str(errors),
        "warnings": str(warnings),
    }


def test_args_are_split_but_never_run(workspace: Path, tmp_path: Path) -> None:
    run = run_action(
        workspace, tmp_path, files="README.md", args="--select 'empty-row' $(touch PWNED3)"
    )
    assert not list(workspace.glob("PWNED*")), run.log
    # `$(touch` and `PWNED3)` are two file names that do not exist: an input error.
    assert run.code == 2
    assert "awesome-lint: $(touch: no such file" in run.log
    run = run_action(workspace, tmp_path, files="README.md", args="--select 'empty-row'")
    assert run.code == 1 and run.outputs["findings"] == "1"
    assert run.log.count("::error file=README.md") == 1


def test_a_clean_list_passes_and_says_so(tmp_path: Path) -> None:
    workspace = tmp_path / "clean"
    workspace.mkdir()
    (workspace / "README.md").write_text("| a   |\n| --- |\n| b   |\n", encoding="utf-8")
    run = run_action(workspace, tmp_path)  # no files: the workspace's Markdown files
    assert run.code == 0, run.log
    assert run.summary == "## awesome-lint\n\nAll checks passed.\n"
    assert run.outputs == {"findings": "0", "errors": "0", "warnings": "0"}
    assert "::" not in run.log


def test_sarif_for_code_scanning(workspace: Path, tmp_path: Path) -> None:
    import jsonschema

    run = run_action(workspace, tmp_path, files="README.md", **{"upload-sarif": "true"})
    assert run.code == 1
    assert run.outputs["sarif-file"] == "awesome-lint.sarif"
    log = json.loads((workspace / "awesome-lint.sarif").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests/schemas/sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    assert len(log["runs"][0]["results"]) == int(run.outputs["findings"])


@pytest.mark.parametrize(
    ("online", "base", "expected"),
    [
        ("", "", []),
        ("all", "", ["--online"]),
        ("changed", "abc123", ["--online", "--changed-since", "abc123"]),
        ("changed", "", ["--online", "--changed-since", "HEAD~1"]),
    ],
)
def test_the_online_input_becomes_options(online: str, base: str, expected: list[str]) -> None:
    from awesome_lint.github_action import command_line

    options, paths = command_line(
        {"INPUT_ARGS": "--strict", "INPUT_ONLINE": online, "INPUT_BASE": base}
    )
    assert options == ["--strict", *expected]
    assert paths == []


def test_an_unknown_online_value_is_an_input_error() -> None:
    from awesome_lint.github_action import InputError, command_line

    with pytest.raises(InputError, match="online"):
        command_line({"INPUT_ONLINE": "yes"})

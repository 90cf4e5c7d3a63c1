"""Every fixture case, twice: through the pure API, and through the real command line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from fixture_cases import Case, cases, config, run, selection

from awesome_lint.cli import main
from awesome_lint.fixer import fix_text

CASES = cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rules_through_the_api(case: Case) -> None:
    report, result = run(case)
    assert report == case.expected_report
    assert result.text == (case.expected_fixed or case.input)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rules_through_the_cli(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(case.folder / "input.md", tmp_path / "input.md")
    if case.config:
        shutil.copyfile(case.config, tmp_path / ".awesome-lint.json")
    (tmp_path / ".git").mkdir()  # the config search stops at the repository root
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        code = main([*case.args, "--no-color", "input.md"])
        out = capsys.readouterr().out
        assert out == case.expected_report
        before = fix_text(case.input, config(case), selection(case)).before
        assert code == (1 if any(p.severity == "error" for p in before) else 0)
        main([*case.args, "--fix", "input.md"])
        capsys.readouterr()
        fixed = (tmp_path / "input.md").read_bytes().decode("utf-8")
        assert fixed == (case.expected_fixed or case.input)
    finally:
        os.chdir(cwd)

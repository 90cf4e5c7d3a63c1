"""Every fixture case, twice: through the pure API, and through the real command line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from fixture_cases import Case, cases

from awesome_lint.api import Selection
from awesome_lint.cli import main
from awesome_lint.config import default_config, load_config
from awesome_lint.fixer import fix_text
from awesome_lint.reporters import FileReport, format_reports
from awesome_lint.rules import INFOS

CASES = cases()


def _selection(case: Case) -> Selection:
    select = {r for v in case.option("--select") for r in v.split(",")}
    ignore = {r for v in case.option("--ignore") for r in v.split(",")}
    return Selection(frozenset(select), frozenset(ignore))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rules_through_the_api(case: Case) -> None:
    config = load_config(case.config) if case.config else default_config()
    unsafe = case.flag("--unsafe-fixes")
    result = fix_text(case.input, config, _selection(case), unsafe_fixes=unsafe)
    report = format_reports(
        [FileReport("input.md", tuple(result.before), case.input)],
        "text",
        rules=INFOS,
        unsafe_fixes=unsafe,
    )
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
        config = load_config(case.config) if case.config else default_config()
        before = fix_text(case.input, config, _selection(case)).before
        assert code == (1 if any(p.severity == "error" for p in before) else 0)
        main([*case.args, "--fix", "input.md"])
        capsys.readouterr()
        fixed = (tmp_path / "input.md").read_bytes().decode("utf-8")
        assert fixed == (case.expected_fixed or case.input)
    finally:
        os.chdir(cwd)

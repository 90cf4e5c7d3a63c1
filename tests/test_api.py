"""The core's bookkeeping: which tables a fix has to rewrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_lint.api import analyse
from awesome_lint.fixer import fixable, tables_to_fix

FIXTURES = Path(__file__).parent / "fixtures"
INPUTS = sorted(FIXTURES.glob("*/*/input.md"))


@pytest.mark.parametrize("unsafe", [False, True])
@pytest.mark.parametrize("path", INPUTS, ids=[str(p.parent.relative_to(FIXTURES)) for p in INPUTS])
def test_tables_to_fix_are_those_with_a_fixable_problem(path: Path, unsafe: bool) -> None:
    analysis = analyse(path.read_text(encoding="utf-8"), unsafe_fixes=unsafe)
    lines = [p.line for p in analysis.problems if fixable(p, unsafe)]
    expected = [
        bound
        for bound in analysis.tables
        if any(bound.table.line <= line <= bound.table.end_line for line in lines)
    ]
    assert tables_to_fix(analysis, unsafe) == expected


def test_several_tables_some_to_fix() -> None:
    aligned = "| a   |\n| --- |\n| b   |\n"
    text = "\n".join([aligned, "| a |\n|---|\n| b |\n", aligned, "|x|\n|-|\n"])
    analysis = analyse(text)
    assert [bound.table.line for bound in tables_to_fix(analysis, False)] == [5, 13]


def test_the_public_api_is_the_package() -> None:
    import awesome_lint

    text = "| a | b |\n|---|---|\n| 1 |\n"
    problems = awesome_lint.lint_text(text)
    assert [p.rule for p in problems] == ["table-format", "ragged-row"]
    fixed = awesome_lint.fix_text(text)
    assert fixed.text == "| a   | b   |\n| --- | --- |\n| 1   |     |\n"
    assert awesome_lint.lint_text(fixed.text) == []
    assert '"rows"' in awesome_lint.export_json(text, "list.md")
    for name in awesome_lint.__all__:
        assert getattr(awesome_lint, name) is not None

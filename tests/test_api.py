"""The core's bookkeeping: which tables a fix has to rewrite, which rules a fix runs first."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_lint.api import analyse, complete
from awesome_lint.fixer import fix_text, fixable, tables_to_fix

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
    text = "\n".join([aligned, "| a |\n|---|\n|  b |\n", aligned, "|x|\n|-|\n| y|\n"])
    analysis = analyse(text)
    assert [bound.table.line for bound in tables_to_fix(analysis, False)] == [5, 13]


def test_the_public_api_is_the_package() -> None:
    import awesome_lint

    text = "| a | b |\n|---|---|\n| 1 |\n"
    problems = awesome_lint.lint_text(text)
    assert [p.rule for p in problems] == ["table-format", "ragged-row"]
    fixed = awesome_lint.fix_text(text)
    assert fixed.text == "| a | b |\n|---|---|\n| 1 | |\n"  # compact, as it is written
    assert awesome_lint.lint_text(fixed.text) == []
    assert '"rows"' in awesome_lint.export_json(text, "list.md")
    for name in awesome_lint.__all__:
        assert getattr(awesome_lint, name) is not None


@pytest.mark.parametrize("unsafe", [False, True])
@pytest.mark.parametrize("path", INPUTS, ids=[str(p.parent.relative_to(FIXTURES)) for p in INPUTS])
def test_the_rules_that_fix_then_the_others_find_what_all_find_at_once(
    path: Path, unsafe: bool
) -> None:
    # Disable comments included (the suppressions fixtures): unused-disable needs them all.
    text = path.read_text(encoding="utf-8")
    whole = analyse(text, unsafe_fixes=unsafe)
    fixing = analyse(text, unsafe_fixes=unsafe, fixing=True)
    assert {rule.id for rule in fixing.rules} == {
        rule.id
        for rule in whole.rules
        if rule.fix_safety == "safe" or (unsafe and rule.fix_safety == "unsafe")
    }
    assert all(p.rule in {rule.id for rule in fixing.rules} for p in fixing.problems)
    assert complete(fixing).problems == whole.problems


@pytest.mark.parametrize("complete_before", [True, False])
def test_a_fix_reports_the_problems_before_whole_only_when_asked(complete_before: bool) -> None:
    text = (FIXTURES / "seed" / "check" / "input.md").read_text(encoding="utf-8")
    result = fix_text(text, complete_before=complete_before)
    assert result.rewritten is not None
    assert result.fixing == {"ragged-row", "empty-row", "table-format"}
    if complete_before:
        assert result.before == analyse(text).problems
    else:
        assert {p.rule for p in result.before} <= result.fixing
    # Either way the count is of the problems the fixes removed, and after is whole.
    assert result.fixed == sum(1 for p in analyse(text).problems if fixable(p, False))
    assert result.after == analyse(result.text).problems

"""header-mismatch: the header against its table schema's columns."""

from __future__ import annotations

import json
from typing import Any

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import config_from_text
from awesome_lint.model import Problem
from awesome_lint.rules import header_mismatch

ONLY = Selection(frozenset({header_mismatch.ID}))


def _lint(markdown: str, **table: Any) -> list[Problem]:
    schema = {
        "match": {"any_columns": ["Title"]},
        "columns": [{"name": "Name"}, {"name": "Title", "required": True}, {"name": "Code"}],
        **table,
    }
    config = config_from_text(json.dumps({"extends": "none", "tables": [schema]}), "c.json")
    return lint_text(markdown, config, ONLY)


def test_a_missing_required_column_is_reported_on_the_header_row() -> None:
    schema = {"match": {"any_columns": ["Name"]}}
    [problem] = _lint("# x\n\n| Name | Code |\n| --- | --- |\n| a | b |\n", **schema)
    assert (problem.line, problem.column) == (3, 1)
    assert problem.message == "required column `Title` is missing"


def test_additional_columns_are_allowed_unless_the_schema_says_otherwise() -> None:
    text = "| Title | Stars |\n| --- | --- |\n| a | 1 |\n"
    assert _lint(text) == []
    [problem] = _lint(text, additional_columns=False)
    assert problem.column == 11
    assert problem.message.startswith("column `Stars` is not in the table schema;")


def test_a_column_written_twice_is_named_as_such() -> None:
    text = "| Title | Paper Title |\n| --- | --- |\n| a | b |\n"
    columns = [{"name": "Title", "aliases": ["Paper Title"], "required": True}]
    assert _lint(text, columns=columns) == []
    [problem] = _lint(text, columns=columns, additional_columns=False)
    assert problem.message == "column `Title` appears twice in the header"


def test_order_is_checked_only_when_asked_and_ignores_unknown_columns() -> None:
    text = "| Stars | Code | Name | Title |\n| --- | --- | --- | --- |\n| 1 | b | c | d |\n"
    assert _lint(text) == []
    [problem] = _lint(text, ordered=True)
    assert problem.column == 18
    assert (
        problem.message == "column `Name` is out of order: the table schema puts it before `Code`"
    )
    in_order = "| Name | Stars | Title | Code |\n| --- | --- | --- | --- |\n| a | 1 | b | c |\n"
    assert _lint(in_order, ordered=True) == []


def test_tables_without_a_schema_are_not_checked() -> None:
    assert _lint("| Dataset | Size |\n| --- | --- |\n| a | 1 |\n", ordered=True) == []

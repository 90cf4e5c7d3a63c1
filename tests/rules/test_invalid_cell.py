"""invalid-cell: rows against the table schema's row JSON Schema."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import config_from_text
from awesome_lint.model import Problem
from awesome_lint.rules import invalid_cell

ONLY = Selection(frozenset({invalid_cell.ID}))
COLUMNS = [{"name": "Title"}, {"name": "Paper", "placeholders": ["N/A"]}, {"name": "Year"}]


def _lint(markdown: str, row: dict[str, Any]) -> list[Problem]:
    table = {"match": {"columns": ["Title"]}, "columns": COLUMNS, "row": row}
    config = config_from_text(json.dumps({"extends": "none", "tables": [table]}), "c.json")
    return lint_text(markdown, config, ONLY)


def test_errors_land_on_their_cell_or_row() -> None:
    text = (
        "| Title | Paper | Year | Stars |\n| --- | --- | --- | --- |\n"
        "| SAM | N/A | 22 | 5 |\n| MRM | [x](https://a.org) | 2023 |\n"
    )
    row = {
        "required": ["Paper", "Venue"],
        "properties": {
            "Year": {"properties": {"text": {"pattern": "^[0-9]{4}$"}}},
            "Stars": {"properties": {"text": {"const": "4"}}},
        },
    }
    found = [(p.line, p.column, p.message) for p in _lint(text, row)]
    assert found == [
        (3, 1, "'Venue' is a required property"),
        (3, 9, "'Paper' is a required property"),
        (3, 15, "Year.text: '22' does not match '^[0-9]{4}$'"),
        (3, 20, "Stars.text: '4' was expected"),
        (4, 1, "'Venue' is a required property"),
    ]


def test_the_validator_is_built_once_per_row_schema() -> None:
    row = {"required": ["Title"]}
    first = invalid_cell.validator(row)
    assert invalid_cell.validator(row) is first
    assert invalid_cell.validator({"required": ["Title"]}) is not first


def test_a_row_schema_that_cannot_resolve_is_reported_once() -> None:
    text = "| Title |\n| --- |\n| a |\n| b |\n"
    row = {"properties": {"Title": {"$ref": "#/$defs/missing"}}}
    [problem] = _lint(text, row)
    assert problem.line == 1
    assert "cannot be resolved" in problem.message


def test_passing_rows_never_import_jsonschema() -> None:
    code = (
        "import sys\n"
        "from awesome_lint.api import Selection, lint_text\n"
        "from awesome_lint.config import Config\n"
        "from awesome_lint.tableschema import ColumnSpec, TableSchema\n"
        "row = {'required': ['Title'], 'properties': {'Year': {'properties': {'text':"
        " {'pattern': '^[0-9]{4}$'}}}}}\n"
        "table = TableSchema('t', (ColumnSpec('Title'), ColumnSpec('Year')), row=row)\n"
        "text = '| Title | Year |\\n| --- | --- |\\n' + '| a | 2023 |\\n' * 2000\n"
        "assert lint_text(text, Config(tables=(table,)), Selection(frozenset({'schema'}))) == []\n"
        "print('jsonschema' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_former_id_schema_still_works() -> None:
    """Configs and disable comments written for the id `schema`."""
    table = {"match": {"columns": ["Title"]}, "columns": COLUMNS, "row": {"required": ["Year"]}}
    text = "| Title | Year |\n| --- | --- |\n| SAM |  |\n"
    base = {"extends": "none", "tables": [table]}
    config = config_from_text(json.dumps(base), "c.json")
    assert [p.rule for p in lint_text(text, config, ONLY)] == ["invalid-cell"]
    for setting, severity in (("off", None), ("warning", "warning"), ({}, "error")):
        config = config_from_text(json.dumps({**base, "rules": {"schema": setting}}), "c.json")
        found = lint_text(text, config, ONLY)
        assert [p.severity for p in found] == ([severity] if severity else [])
    commented = "<!-- awesome-lint-disable-file schema -->\n\n" + text
    # Without the alias the comment would name an unknown rule, which unused-disable reports.
    with_unused = Selection(frozenset({invalid_cell.ID, "unused-disable"}))
    assert lint_text(commented, config_from_text(json.dumps(base), "c.json"), with_unused) == []


def test_select_and_ignore_take_the_former_id(tmp_path: Any) -> None:
    from awesome_lint.cli import main

    table = {"match": {"columns": ["Title"]}, "columns": COLUMNS, "row": {"required": ["Year"]}}
    (tmp_path / ".awesome-lint.json").write_text(json.dumps({"extends": "none", "tables": [table]}))
    page = tmp_path / "list.md"
    page.write_text("| Title | Year |\n| --- | --- |\n| SAM |  |\n")
    assert main(["--select", "schema", str(page)]) == 1
    assert main(["--select", "schema", "--ignore", "schema", str(page)]) == 0
    assert main(["--select", "invalid-cell", "--ignore", "schema", str(page)]) == 0

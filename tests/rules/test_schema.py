"""schema: rows against the table schema's row JSON Schema."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import config_from_text
from awesome_lint.model import Problem
from awesome_lint.rules import schema

ONLY = Selection(frozenset({schema.ID}))
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
    first = schema.validator(row)
    assert schema.validator(row) is first
    assert schema.validator({"required": ["Title"]}) is not first


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
        "from awesome_lint.config import ColumnSpec, Config, TableSchema\n"
        "row = {'required': ['Title'], 'properties': {'Year': {'properties': {'text':"
        " {'pattern': '^[0-9]{4}$'}}}}}\n"
        "table = TableSchema('t', (ColumnSpec('Title'), ColumnSpec('Year')), row=row)\n"
        "text = '| Title | Year |\\n| --- | --- |\\n' + '| a | 2023 |\\n' * 2000\n"
        "assert lint_text(text, Config(tables=(table,)), Selection(frozenset({'schema'}))) == []\n"
        "print('jsonschema' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

"""A row that its table schema's `row` JSON Schema rejects.

## What it does
Validates each body row of a table against the `row` JSON Schema (draft 2020-12) of the
table schema that describes the table. A row is an object keyed by column name (the
schema's name for the columns it lists, the header text for the others); each cell is
`{"text", "raw", "links": [{"text", "url"}], "images": [{"alt", "url"}]}`. Empty cells and
placeholders are left out, so `required` means "not empty". Each error is reported on the
cell it concerns, or on the row; a `"message"` next to a keyword replaces jsonschema's wording.
`$ref` may only point inside the schema: awesome-lint never fetches anything.

## Why
A list's own conventions, such as "every Paper cell links to arXiv" or "Year is four
digits", are easy to state once as a schema and tedious to review in every pull request.

## Example
```json
{"tables": [{"match": {"columns": ["Title"]}, "columns": [{"name": "Title"}, {"name": "Year"}],
  "row": {"required": ["Year"],
          "properties": {"Year": {"properties": {"text": {
            "pattern": "^(19|20)[0-9]{2}$", "message": "write the year as YYYY"}}}}}}]}
```
```markdown
| Title                    | Year |
| ------------------------ | ---- |
| SAM: Self-supervised ... | '22  |
| MRM: Masked relation ... |      |
```
The first Year is not four digits; the second row lacks a Year.

## Fix
None: the schema says what is wrong, not what is right.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from awesome_lint.model import FixSafety, Problem, Row
from awesome_lint.rows import RowError, RowSchemaError, RowValidator, row_object
from awesome_lint.rules.base import Context, at_cell, at_row
from awesome_lint.tableschema import BoundTable

ID = "invalid-cell"
# The rule's id before it was named after the problem; configs, --select and comments keep it.
ALIASES = ("schema",)
FIX: FixSafety | None = None

# One validator per row schema for the whole run, keyed by the schema object's identity
# (kept alive alongside, so that an id is never reused while cached).
_VALIDATORS: dict[int, tuple[Mapping[str, Any], RowValidator]] = {}
_MAX_CACHED = 64


def validator(row_schema: Mapping[str, Any]) -> RowValidator:
    cached = _VALIDATORS.get(id(row_schema))
    if cached is not None and cached[0] is row_schema:
        return cached[1]
    if len(_VALIDATORS) >= _MAX_CACHED:
        _VALIDATORS.clear()
    made = RowValidator(row_schema)
    _VALIDATORS[id(row_schema)] = (row_schema, made)
    return made


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    if bound.schema is None or bound.schema.row is None:
        return
    rows = validator(bound.schema.row)
    for row in bound.table.rows:
        if row.is_empty:
            continue
        try:
            errors = rows.errors(row_object(bound, row))
        except RowSchemaError as exc:
            yield at_row(ID, bound.table.header, str(exc))
            return
        for error in errors:
            yield _problem(bound, row, error)


def _problem(bound: BoundTable, row: Row, error: RowError) -> Problem:
    message = " ".join(error.message.split())
    index = _column_index(bound, error.column)
    if index is not None and index < len(row.cells):
        return at_cell(ID, row.cells[index], message)
    return at_row(ID, row, message)


def _column_index(bound: BoundTable, column: str | None) -> int | None:
    if column is None:
        return None
    index = bound.index(column)
    if index is not None:
        return index
    for i, (cell, spec) in enumerate(zip(bound.table.header.cells, bound.columns)):
        if spec is None and cell.text == column:
            return i
    return None

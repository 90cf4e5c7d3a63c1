"""An empty cell, or a stand-in such as `N/A`, in a required column.

## What it does
In tables that a table schema describes, checks the cells of every column the schema marks
`"required": true` (the built-in paper-list schema requires Title). It reports a cell that
is empty (or missing from a short row), and a cell whose whole text is a common stand-in for
"nothing" (`N/A`, `NA`, `-`, `—`, `TBD`, `None`, `?`, `Coming soon`, `:x:`, ...) that the
column's `placeholders` do not list. A placeholder the column lists is accepted: that is
how a schema says "this column may say N/A". Rows whose cells are all empty are left to
`empty-row`; optional columns may be empty and are not checked.

## Why
A required column is the one a reader relies on, such as a paper's title; a row without it
is half an entry, and a stand-in the schema does not expect is usually a forgotten TODO.

## Example
```markdown
| Name | Title                    | Code |
| ---- | ------------------------ | ---- |
| SAM  |                          | N/A  |
| MRM  | TBD                      | N/A  |
```
Both Title cells are reported; `N/A` in Code is not, since Code is optional (and the
built-in schema lists `N/A` among its placeholders). To accept `TBD` in a required column:
```json
{"tables": [{"columns": [{"name": "Title", "required": true, "placeholders": ["TBD"]}]}]}
```

## Fix
None: only a person knows what belongs in the cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.model import FixSafety, Problem
from awesome_lint.rules._schema import is_blank, looks_placeholder
from awesome_lint.rules.base import Context, at_cell, at_row
from awesome_lint.tableschema import BoundTable

ID = "empty-cell"
FIX: FixSafety | None = None


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    if bound.schema is None:
        return
    required = [(i, spec) for i, spec in enumerate(bound.columns) if spec and spec.required]
    if not required:
        return
    for row in bound.table.rows:
        if row.is_empty:
            continue
        for i, spec in required:
            cell = row.cells[i] if i < len(row.cells) else None
            if cell is None:
                yield at_row(ID, row, f"required column `{spec.name}` has no cell in this row")
            elif is_blank(cell):
                yield at_cell(ID, cell, f"required column `{spec.name}` is empty")
            elif (
                not cell.links
                and looks_placeholder(cell.text)
                and not spec.is_placeholder(cell.text)
            ):
                yield at_cell(
                    ID,
                    cell,
                    f"required column `{spec.name}` holds the placeholder `{cell.text.strip()}`",
                    suggestion=f"Fill in the {spec.name}, or list the placeholder in the schema",
                )

"""A table row whose cells are all empty.

## What it does
Finds body rows in which every cell is empty, such as a trailing `|   |   |` left over
from a template.

## Why
GitHub renders it as a blank band in the table: it carries nothing and looks like a
mistake to readers.

## Example
```markdown
| Name | Title |
| ---- | ----- |
| SAM  | SAM: Self-supervised ... |
|      |       |
```

## Fix
Safe: `--fix` removes the row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from awesome_lint.model import FixSafety, Problem, Table
from awesome_lint.rules.base import Context, at_row
from awesome_lint.tableschema import BoundTable

ID = "empty-row"
FIX: FixSafety | None = "safe"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    for row in bound.table.rows:
        if row.is_empty:
            yield at_row(ID, row, "row is empty", fix="safe", suggestion="Remove the row")


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    return replace(table, rows=tuple(row for row in table.rows if not row.is_empty))

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
Safe: `--fix` removes the row, except where every body row of a table in a list item is
empty: there GitHub counts a table without body rows as ending with a blank line, which
would make a tight list loose, so those rows stay.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from awesome_lint.model import FixSafety, Problem, Table
from awesome_lint.rules.base import Context, at_row
from awesome_lint.tableschema import BoundTable

ID = "empty-row"
FIX: FixSafety | None = "safe"


def _removable(table: Table) -> bool:
    # cmark-gfm marks a table's last line blank when no body row follows its delimiter row
    # (add_text_to_container after try_opening_table_header): in a list, removing the last
    # body rows would turn a tight list loose.
    return not table.in_list or not all(row.is_empty for row in table.rows)


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    removable = _removable(bound.table)
    for row in bound.table.rows:
        if row.is_empty:
            if removable:
                yield at_row(ID, row, "row is empty", fix="safe", suggestion="Remove the row")
            else:
                yield at_row(ID, row, "row is empty")


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    if not _removable(table):
        return table
    return replace(table, rows=tuple(row for row in table.rows if not row.is_empty))

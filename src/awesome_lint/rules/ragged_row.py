"""A row with more or fewer cells than the header.

## What it does
Finds body rows whose number of cells differs from the header's.

## Why
GitHub shows missing cells as empty ones, but it silently hides every cell past the
header's last column, so whatever a contributor wrote there never reaches a reader.

## Example
```markdown
| Name | Title | Code |
| ---- | ----- | ---- |
| SAM  | SAM: Self-supervised ... |
| MRM  | MRM: Masked ... | [Link](https://github.com/x/mrm) | extra |
```

A table whose rows often leave their last cells out (at least three short rows, and a
quarter of its body) means those cells empty, as GitHub shows them: its short rows are its
own way, not reported, and `--fix` keeps them short. Rows with too many cells are reported
in every table.

## Fix
Safe for short rows: `--fix` completes them with empty cells, which GitHub already shows.
Safe for a row whose hidden cells are all empty (`| No | |` under a one-column header, an
extra pipe): `--fix` drops them. A hidden cell with text is never dropped: a person decides
what it meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from awesome_lint.model import FixSafety, Problem, Table
from awesome_lint.render import keeps_short_rows
from awesome_lint.rules.base import Context, at_cell, at_row, plural
from awesome_lint.tableschema import BoundTable

ID = "ragged-row"
FIX: FixSafety | None = "safe"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    width = len(bound.table.header.cells)
    short_rows_kept = keeps_short_rows(bound.table)
    for row in bound.table.rows:
        count = len(row.cells)
        if count == width or row.is_empty:
            continue
        if count < width:
            if short_rows_kept:
                continue
            yield at_row(
                ID,
                row,
                f"row has {plural(count, 'cell')}, the header has {width};"
                " GitHub shows the missing cells empty",
                fix="safe",
                suggestion=f"Complete the row with {plural(width - count, 'empty cell')}",
            )
        else:
            extra = row.cells[width]
            hidden = count - width
            what = "the extra cell" if hidden == 1 else f"the {hidden} extra cells"
            shown = next((c.raw for c in row.cells[width:] if c.raw), "")
            message = f"row has {plural(count, 'cell')}, the header has {width};"
            message += f" GitHub hides {what}"
            if shown:
                yield at_cell(
                    ID,
                    extra,
                    f"{message} (`{shown}`)",
                    suggestion="Remove the extra cells, add a column, or escape a pipe as `\\|`",
                )
            else:
                yield at_cell(
                    ID,
                    extra,
                    f"{message} (empty: an extra pipe?)",
                    fix="safe",
                    suggestion=f"Remove {what}",
                )


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    """`table` without the empty cells past the header's last column (GitHub hides them)."""
    width = len(table.header.cells)
    rows = tuple(
        replace(row, cells=row.cells[:width])
        if len(row.cells) > width and not any(c.raw for c in row.cells[width:])
        else row
        for row in table.rows
    )
    return table if rows == table.rows else replace(table, rows=rows)

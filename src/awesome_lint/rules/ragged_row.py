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

## Fix
Safe for short rows: `--fix` completes them with empty cells, which GitHub already shows.
A row with too many cells is never truncated: a person decides what the extra cells meant.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.model import FixSafety, Problem
from awesome_lint.rules.base import Context, at_cell, at_row, plural
from awesome_lint.tableschema import BoundTable

ID = "ragged-row"
FIX: FixSafety | None = "safe"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    width = len(bound.table.header.cells)
    for row in bound.table.rows:
        count = len(row.cells)
        if count == width or row.is_empty:
            continue
        if count < width:
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
            yield at_cell(
                ID,
                extra,
                f"row has {plural(count, 'cell')}, the header has {width}; GitHub hides {what}"
                + (f" (`{shown}`)" if shown else " (empty: an extra pipe?)"),
                suggestion="Remove the extra cells, add a column, or escape a pipe as `\\|`",
            )

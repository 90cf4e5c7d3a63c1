"""A table whose pipes and padding are not laid out.

## What it does
Compares each table with its formatted form: one space inside each pipe, leading and
trailing pipes, columns padded to the display width of their widest cell (CJK and emoji
count double) and a delimiter row as wide as its column. With `"style": "compact"` in the
config, the formatted form is `| a | b |` without padding instead.

## Why
An aligned table reads as a table in the source too, and when every contributor's editor
or the fixer lays tables out the same way, diffs show content changes only.

## Example
```markdown
| Name | Title |
|---|---|
| SAM | SAM: Self-supervised ... |
```

## Fix
Safe: `--fix` rewrites the table's lines, and nothing else, keeping every cell's Markdown
byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.model import FixSafety, Problem
from awesome_lint.render import Style, first_misaligned
from awesome_lint.rules.base import Context, at_row
from awesome_lint.tableschema import BoundTable

ID = "table-format"
FIX: FixSafety | None = "safe"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    table = bound.table
    style: Style = "compact" if ctx.config.style == "compact" else "aligned"
    line = first_misaligned(table, style)
    if line is not None:
        where = "" if line == table.line else f" (first difference on line {line})"
        yield at_row(
            ID,
            table.header,
            f"table is not formatted{where}",
            fix="safe",
            suggestion=f"Lay the table out {style}",
        )

"""A table whose pipes and padding are not laid out.

## What it does
Compares each table with its formatted form in the table's own layout, one of:
- `aligned`: one space inside each pipe, columns padded to the display width of their widest
  cell (CJK and emoji count double), a delimiter row as wide as its column; a table whose
  padded header lines up with its delimiter row by code points only (its editor counts a CJK
  character as one column) is measured by code points, so that the fix and that editor agree;
- `compact`: `| a | b |`, one space inside each pipe and no padding;
- `tight`: `|a|b|`, no space inside the pipes (lists in CJK scripts often write so).

Compact and tight keep the delimiter row as written when it has a cell per column. By
default (`"style": "auto"`) the header and delimiter rows tell the layout: their pipes at the
same columns with a padded header is aligned (an unpadded header lined up with its delimiter
row goes with what most rows do); otherwise no space inside the header's pipes is tight, and
anything else compact. Body rows written otherwise are the deviations: the fix rewrites them
(and, aligned, every row of a column whose width changes), the rest stays byte for byte. A
giant cell (over 80 columns and twice as wide as three in four of its column) does not widen its
column in the aligned layout: it is written unpadded and the rest of its row moves right,
unless the header is already padded that wide.

Each layout has leading and trailing pipes, except that by default a table written without
them (`a | b` over `--- | ---`: header and delimiter rows both without a leading and a
trailing pipe) stays without, its last column unpadded. The whole table gets outer pipes when
one of its rows needs them to render the same on GitHub: a single column, an empty first or
last cell (a short row included), a last cell ending in a backslash, or a row that would start
with a space or with what starts another block (`>`, `#`, `-`, `+`, `*`, `1.`, a fence, `<`).

`"style"` in the config or `--style` on the command line sets one layout, with outer pipes,
for every table; `init` records the layout nine in ten of the tables share (`auto` when
they go without outer pipes).

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
from awesome_lint.render import first_misaligned, table_pipes, table_style
from awesome_lint.rules.base import Context, at_row
from awesome_lint.tableschema import BoundTable

ID = "table-format"
FIX: FixSafety | None = "safe"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    table = bound.table
    style = table_style(table, ctx.config.style)
    pipes = table_pipes(table, style, ctx.config.style)
    line = first_misaligned(table, style, pipes)
    if line is not None:
        where = "" if line == table.line else f" (first difference on line {line})"
        yield at_row(
            ID,
            table.header,
            f"table is not formatted{where}",
            fix="safe",
            suggestion=f"Lay the table out {style}" + ("" if pipes else " without outer pipes"),
        )

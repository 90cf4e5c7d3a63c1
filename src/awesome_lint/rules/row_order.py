"""Rows out of the order that the table schema's `sort` asks for.

## What it does
When the table schema describing a table has a `sort` (`column`, `order`: `ascending` or
`descending`, `by`: `text` or `year`), finds the first row that breaks that order and names
the earlier row it belongs before. By `text`, cells compare ignoring case and punctuation;
by `year`, by the first four-digit year in the cell (`2023`, `May 2023`, `2023-05-12`) or the
year of a venue (`ICCV'23`). Rows without a key (an empty cell or one without a year, such as
a section row) keep their place and do not count: only rows with a key are compared.

## Why
A sorted list tells a reader where to look, and where a contributor should add a paper; one
row in the wrong place hides it.

## Example
```json
{"tables": [{"match": {"columns": ["Year"]}, "columns": [{"name": "Title"}, {"name": "Year"}],
  "sort": {"column": "Year", "order": "descending", "by": "year"}}]}
```
```markdown
| Title                    | Year |
| ------------------------ | ---- |
| SAM: Self-supervised ... | 2022 |
| MRM: Masked relation ... | 2023 |
```
The 2023 row belongs before the 2022 row.

## Fix
Unsafe (it changes what a reader sees): `--fix --unsafe-fixes` sorts the rows with a key,
stably (rows with equal keys keep their order), into the places such rows held; rows without
a key stay where they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace

from awesome_lint.model import FixSafety, Problem, Row, Table
from awesome_lint.rules._schema import is_blank, is_placeholder
from awesome_lint.rules.base import Context, at_cell
from awesome_lint.tableschema import BoundTable

ID = "row-order"
FIX: FixSafety | None = "unsafe"

Key = tuple[int, str]
_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2})(?![0-9])")
_NOT_WORD = re.compile(r"[\W_]+")


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    keyer = _keyer(bound, ctx)
    if keyer is None or bound.schema is None or bound.schema.sort is None:
        return
    column, order, _ = bound.schema.sort
    index = bound.index(column)
    assert index is not None
    descending = order == "descending"
    keyed: list[tuple[Key, Row]] = []
    # The key that every later key must not come before: the largest so far (the smallest
    # when descending).
    bar: Key | None = None
    for row in bound.table.rows:
        key = keyer(row)
        if key is None:
            continue
        if bar is not None and _before(key, bar, descending):
            earlier = next(r for k, r in keyed if _before(key, k, descending))
            yield at_cell(
                ID,
                row.cells[index],
                f"row is out of order: `{row.cells[index].text.strip()}` belongs before"
                f" line {earlier.line} (`{earlier.cells[index].text.strip()}`);"
                f" rows are sorted by {column}, {order}",
                fix="unsafe",
                suggestion=f"Sort the rows by {column}, {order}",
            )
            return
        keyed.append((key, row))
        bar = key


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    keyer = _keyer(bound, ctx)
    if keyer is None or bound.schema is None or bound.schema.sort is None:
        return table
    keys = [keyer(row) for row in table.rows]
    descending = bound.schema.sort[1] == "descending"
    keyed = [(key, row) for key, row in zip(keys, table.rows) if key is not None]
    ordered = iter(sorted(keyed, key=lambda pair: pair[0], reverse=descending))
    rows = tuple(row if key is None else next(ordered)[1] for key, row in zip(keys, table.rows))
    return replace(table, rows=rows)


def _before(key: Key, other: Key, descending: bool) -> bool:
    return key > other if descending else key < other


def _keyer(bound: BoundTable, ctx: Context) -> Callable[[Row], Key | None] | None:
    if bound.schema is None or bound.schema.sort is None:
        return None
    column, _, by = bound.schema.sort
    index = bound.index(column)
    if index is None:
        return None
    spec = bound.columns[index]
    parse = ctx.vocabulary.parse

    def key(row: Row) -> Key | None:
        if index >= len(row.cells):
            return None
        cell = row.cells[index]
        if is_blank(cell) or is_placeholder(spec, cell):
            return None
        if by == "year":
            found = _YEAR.search(cell.text)
            if found is not None:
                return (int(found.group()), "")
            mention = parse(cell.text)
            return None if mention is None or mention.year is None else (mention.year, "")
        text = unicodedata.normalize("NFKC", cell.text).casefold()
        folded = " ".join(_NOT_WORD.sub(" ", text).split())
        return (0, folded) if folded else None

    return key

"""A table header that does not match its table schema's columns.

## What it does
Compares the header of each table that a table schema describes with the schema's columns
(names and aliases, compared ignoring case, spaces and punctuation). It reports:
- a `required` column that the header lacks (on the header row);
- a column that the schema does not list, when the schema says `"additional_columns": false`,
  or a column written twice;
- columns out of the schema's order, when the schema says `"ordered": true` (on the first
  column that comes too late, naming the column it belongs before).

Tables that no schema describes are not checked.

## Why
Readers scan a list's tables by column, and the other rules (empty cells, duplicates, row
order, the row schema) find a column by its name: a renamed, missing or moved column hides
rows from them.

## Example
With this table schema in `.awesome-lint.json`:
```json
{"tables": [{"name": "papers", "match": {"columns": ["Title"]}, "ordered": true,
  "additional_columns": false,
  "columns": [{"name": "Title", "required": true}, {"name": "Venue"}, {"name": "Code"}]}]}
```
this header has Code before Venue, and a column the schema does not know:
```markdown
| Title | Code | Venue | Stars |
| ----- | ---- | ----- | ----- |
```

## Fix
None: moving or renaming columns is for a person to decide.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.model import FixSafety, Problem
from awesome_lint.rules.base import Context, at_cell, at_row
from awesome_lint.tableschema import BoundTable, TableSchema, fold_header

ID = "header-mismatch"
FIX: FixSafety | None = None


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    schema = bound.schema
    if schema is None:
        return
    header = bound.table.header
    present = {spec.name for spec in bound.columns if spec is not None}
    for spec in schema.columns:
        if spec.required and spec.name not in present:
            yield at_row(
                ID,
                header,
                f"required column `{spec.name}` is missing{_from(schema)}",
                suggestion=f"Add a `{spec.name}` column",
            )
    if not schema.additional_columns:
        yield from _unknown(bound, schema)
    if schema.ordered:
        yield from _order(bound, schema)


def _from(schema: TableSchema) -> str:
    return f" (table schema `{schema.name}`)" if schema.name else ""


def _named(schema: TableSchema) -> str:
    return f"the table schema `{schema.name}`" if schema.name else "the table schema"


def _unknown(bound: BoundTable, schema: TableSchema) -> Iterator[Problem]:
    names = {
        fold_header(spelling): spec.name
        for spec in schema.columns
        for spelling in (spec.name, *spec.aliases)
    }
    for cell, spec in zip(bound.table.header.cells, bound.columns):
        if spec is not None:
            continue
        known = names.get(fold_header(cell.text))
        if known is not None:
            yield at_cell(ID, cell, f"column `{known}` appears twice in the header")
            continue
        expected = ", ".join(f"`{s.name}`" for s in schema.columns)
        yield at_cell(
            ID,
            cell,
            f"column `{cell.text}` is not in {_named(schema)}; expected columns: {expected}",
            suggestion="Rename or remove the column, or add it to the schema",
        )


def _order(bound: BoundTable, schema: TableSchema) -> Iterator[Problem]:
    rank = {spec.name: i for i, spec in enumerate(schema.columns)}
    seen: list[tuple[int, str]] = []
    for cell, spec in zip(bound.table.header.cells, bound.columns):
        if spec is None:
            continue
        mine = rank[spec.name]
        later = next((name for r, name in seen if r > mine), None)
        if later is not None:
            yield at_cell(
                ID,
                cell,
                f"column `{spec.name}` is out of order: {_named(schema)} puts it before `{later}`",
                suggestion=f"Move the column before `{later}`",
            )
            return
        seen.append((mine, spec.name))

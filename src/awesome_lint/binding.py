"""Which table schema describes a table, and which schema column each header cell is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from awesome_lint.config import ColumnSpec, TableSchema, fold_header
from awesome_lint.model import Cell, Row, Table


@dataclass(frozen=True)
class BoundTable:
    table: Table
    schema: TableSchema | None
    # The schema column of each header position (None: not in the schema).
    columns: tuple[ColumnSpec | None, ...]

    def index(self, name: str) -> int | None:
        for i, spec in enumerate(self.columns):
            if spec is not None and spec.name == name:
                return i
        return None

    def cell(self, row: Row, name: str) -> Cell | None:
        i = self.index(name)
        return row.cells[i] if i is not None and i < len(row.cells) else None


def bind(table: Table, schemas: Sequence[TableSchema]) -> BoundTable:
    header = [fold_header(cell.text) for cell in table.header.cells]
    for schema in schemas:
        columns = _columns(schema, header)
        if _matches(schema, table, header, columns):
            return BoundTable(table, schema, columns)
    return BoundTable(table, None, (None,) * len(header))


def _columns(schema: TableSchema, header: list[str]) -> tuple[ColumnSpec | None, ...]:
    spellings: dict[str, ColumnSpec] = {}
    for spec in schema.columns:
        for spelling in (spec.name, *spec.aliases):
            spellings.setdefault(fold_header(spelling), spec)
    out: list[ColumnSpec | None] = []
    taken: set[str] = set()
    for folded in header:
        found = spellings.get(folded)
        if found is not None and found.name not in taken:
            taken.add(found.name)
            out.append(found)
        else:
            out.append(None)
    return tuple(out)


def _matches(
    schema: TableSchema,
    table: Table,
    header: list[str],
    columns: tuple[ColumnSpec | None, ...],
) -> bool:
    present = set(header) | {fold_header(spec.name) for spec in columns if spec is not None}
    if schema.match_all and not all(fold_header(n) in present for n in schema.match_all):
        return False
    if schema.match_any and not any(fold_header(n) in present for n in schema.match_any):
        return False
    return schema.heading is None or any(schema.heading.search(h) for h in table.headings)

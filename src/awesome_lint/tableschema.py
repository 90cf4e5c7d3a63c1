"""Table schemas: what a config says a table holds (its columns, their specs, its rows' JSON
Schema), and binding a table to the schema that describes it, header cell by header cell."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from awesome_lint.model import Cell, Row, Table


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    placeholders: frozenset[str] = frozenset()
    links: str = "optional"
    hosts: tuple[str, ...] = ()
    venue: bool | str = False

    def is_placeholder(self, text: str) -> bool:
        return fold_placeholder(text) in self.placeholders


@dataclass(frozen=True)
class TableSchema:
    name: str
    columns: tuple[ColumnSpec, ...]
    heading: re.Pattern[str] | None = None
    match_all: tuple[str, ...] = ()
    match_any: tuple[str, ...] = ()
    ordered: bool = False
    additional_columns: bool = True
    row: Mapping[str, Any] | None = None
    unique: tuple[tuple[str, str], ...] = ()
    sort: tuple[str, str, str] | None = None
    # Where it was defined, for messages: "built-in" or "<path>#/tables/0".
    origin: str = "built-in"


def fold_header(text: str) -> str:
    """Header spellings compare ignoring case, spaces, punctuation and symbols."""
    return _NOT_ALNUM.sub("", text.casefold())


# `\w` is str.isalnum() plus the underscore.
_NOT_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 16)
def fold_placeholder(text: str) -> str:
    return " ".join(text.split()).casefold()


def table_schema(data: Mapping[str, Any], origin: str) -> TableSchema:
    """The table schema of a config's `tables` item (`origin`: where it was defined)."""
    match = data.get("match", {})
    sort = data.get("sort")
    return TableSchema(
        name=data.get("name", ""),
        columns=tuple(_column_spec(c) for c in data.get("columns", ())),
        heading=re.compile(match["heading"], re.IGNORECASE) if "heading" in match else None,
        match_all=tuple(match.get("columns", ())),
        match_any=tuple(match.get("any_columns", ())),
        ordered=data.get("ordered", False),
        additional_columns=data.get("additional_columns", True),
        row=data.get("row"),
        unique=tuple((u["column"], u.get("by", "text")) for u in data.get("unique", ())),
        sort=(sort["column"], sort.get("order", "ascending"), sort.get("by", "text"))
        if sort
        else None,
        origin=origin,
    )


def _column_spec(data: Mapping[str, Any]) -> ColumnSpec:
    return ColumnSpec(
        name=data["name"],
        aliases=tuple(data.get("aliases", ())),
        required=data.get("required", False),
        placeholders=frozenset(fold_placeholder(p) for p in data.get("placeholders", ())),
        links=data.get("links", "optional"),
        hosts=tuple(data.get("hosts", ())),
        venue=data.get("venue", False),
    )


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

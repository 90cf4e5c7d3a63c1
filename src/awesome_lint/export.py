"""The tables of a document as data: JSON for reuse, CSV for one table."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from awesome_lint.blocks import Leaf
from awesome_lint.html_tables import has_html_tables, html_tables
from awesome_lint.inline import parse_inline
from awesome_lint.model import Cell, Row, Table
from awesome_lint.parser import ParsedDocument, parse


def _cell(cell: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": cell.text,
        "raw": cell.raw,
        "line": cell.line,
        "column": cell.column,
        "links": [_link(link) for link in cell.links],
    }
    if cell.images:
        out["images"] = [{"alt": i.alt, "url": i.url} for i in cell.images]
    return out


def _link(link: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"text": link.text, "url": link.url}
    if link.title:
        out["title"] = link.title
    if link.kind != "inline":
        out["kind"] = link.kind
    if link.image is not None:
        out["image"] = {"alt": link.image.alt, "url": link.image.url}
    return out


def _row(row: Row) -> dict[str, Any]:
    return {"line": row.line, "cells": [_cell(c) for c in row.cells]}


def table_data(table: Table) -> dict[str, Any]:
    return {
        "line": table.line,
        "end_line": table.end_line,
        "headings": list(table.headings),
        "columns": [cell.text for cell in table.header.cells],
        "align": list(table.align),
        "header": _row(table.header),
        "rows": [_row(row) for row in table.rows],
    }


def document_tables(document: ParsedDocument) -> list[dict[str, Any]]:
    """Markdown tables and top-level HTML tables, in document order."""
    tables = [(t.line, table_data(t)) for t in document.tables]
    if has_html_tables(document.leaves):
        by_line = {t.line: t for t in document.tables}

        def cells_of(leaf: Leaf) -> list[list[str]]:
            assert leaf.table is not None
            t = by_line[leaf.table.header.number]
            return [[c.text for c in row.cells] for row in (t.header, *t.rows)]

        found, nested = html_tables(
            document.leaves,
            lambda md: parse_inline(md, document.references).text,
            cells_of,
        )
        tables = [(line, data) for line, data in tables if line not in nested]
        for h in found:
            tables.append(
                (
                    h.line,
                    {
                        "line": h.line,
                        "end_line": h.end_line,
                        "kind": "html",
                        "columns": h.rows[0] if h.rows else [],
                        "rows": [{"cells": [{"text": c} for c in row]} for row in h.rows[1:]],
                    },
                )
            )
        tables.sort(key=lambda pair: pair[0])
    return [data for _, data in tables]


def export_json(text: str, path: str) -> str:
    return json.dumps(
        {"path": path, "tables": document_tables(parse(text))}, ensure_ascii=False, indent=1
    )


def export_csv(text: str, index: int | None) -> str:
    tables = parse(text).tables
    if not tables:
        raise ValueError("no tables")
    if index is None:
        if len(tables) > 1:
            raise ValueError(f"{len(tables)} tables: choose one with --table 1..{len(tables)}")
        index = 1
    if not 1 <= index <= len(tables):
        raise ValueError(f"no table {index}: there are {len(tables)}")
    table = tables[index - 1]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    width = len(table.header.cells)
    writer.writerow([c.text for c in table.header.cells])
    for row in table.rows:
        texts = [c.text for c in row.cells[:width]]
        writer.writerow(texts + [""] * (width - len(texts)))
    return out.getvalue()

"""The tables of a document as data: JSON for reuse, CSV for one table."""

from __future__ import annotations

import csv
import heapq
import html
import io
import json
from collections.abc import Iterator
from typing import Any

from awesome_lint.markdown.blocks import Leaf
from awesome_lint.markdown.html_tables import HtmlTable, has_html_tables, html_tables
from awesome_lint.markdown.inline import parse_inline
from awesome_lint.markdown.inline_scanner import scan
from awesome_lint.markdown.tables import ParsedDocument, parse
from awesome_lint.model import Cell, Row, Table


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
    return list(iter_document_tables(document))


def iter_document_tables(document: ParsedDocument) -> Iterator[dict[str, Any]]:
    """`document_tables` one at a time: a large list is never held as data all at once."""
    if not has_html_tables(document.leaves):
        for table in document.tables:
            yield table_data(table)
        return
    by_line = {t.line: t for t in document.tables}

    def cells_of(leaf: Leaf) -> list[list[str]]:
        assert leaf.table is not None
        t = by_line[leaf.table.header.number]
        return [[c.text for c in row.cells] for row in (t.header, *t.rows)]

    found, nested = html_tables(
        document.leaves,
        lambda md: parse_inline(md, document.references).text,
        cells_of,
        lambda md: inline_html(md, document.references),
    )
    html: list[tuple[int, Table | dict[str, Any]]] = [(h.line, _html_table(h)) for h in found]
    html.sort(key=lambda pair: pair[0])
    markdown: Iterator[tuple[int, Table | dict[str, Any]]] = (
        (t.line, t) for t in document.tables if t.line not in nested
    )
    # Both come in document order: merge them by line.
    for _, item in heapq.merge(markdown, html, key=lambda pair: pair[0]):
        yield item if isinstance(item, dict) else table_data(item)


def inline_html(markdown: str, references: Any) -> str:
    """A paragraph's Markdown as HTML enough to find the tables it writes in raw HTML."""
    # Soft line breaks are white space in HTML; the scanner reads one line.
    scanned = scan(
        markdown.replace("\r\n", " ").replace("\n", " ").replace("\r", " "),
        references,
        keep_html=True,
    )
    return scanned.text if scanned is not None else html.escape(markdown, quote=False)


def _html_table(h: HtmlTable) -> dict[str, Any]:
    return {
        "line": h.line,
        "end_line": h.end_line,
        "kind": "html",
        "columns": h.rows[0] if h.rows else [],
        "rows": [{"cells": [{"text": c} for c in row]} for row in h.rows[1:]],
    }


def export_json(text: str, path: str) -> str:
    return "".join(export_json_chunks(text, path))


def export_json_chunks(text: str, path: str) -> Iterator[str]:
    """`json.dumps({"path": path, "tables": [...]}, ensure_ascii=False, indent=1)`, a table
    at a time: the output is the same, the memory that of one table."""
    yield '{\n "path": ' + json.dumps(path, ensure_ascii=False) + ',\n "tables": ['
    first = True
    for data in iter_document_tables(parse(text)):
        # One level deeper than alone; JSON strings hold no line breaks, so lines can move.
        body = json.dumps(data, ensure_ascii=False, indent=1).replace("\n", "\n  ")
        yield ("\n  " if first else ",\n  ") + body
        first = False
    yield "]\n}" if first else "\n ]\n}"


def export_csv(text: str, index: int | None) -> str:
    """One table as CSV: a column per cell text and, after each column whose cells hold
    links, a `<column> URL` column with their URLs (several: separated by spaces), so that
    a spreadsheet keeps what the list links to."""
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
    width = len(table.header.cells)
    rows = [list(row.cells[:width]) for row in table.rows]
    linked = {i for row in rows for i, cell in enumerate(row) if cell.links}
    header = []
    for i, cell in enumerate(table.header.cells):
        header.append(cell.text)
        if i in linked:
            header.append(f"{cell.text or f'Column {i + 1}'} URL")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for cells in rows:
        line = []
        for i in range(width):
            found = cells[i] if i < len(cells) else None
            line.append(found.text if found is not None else "")
            if i in linked:
                urls = found.links if found is not None else ()
                line.append(" ".join(link.url for link in urls))
        writer.writerow(line)
    return out.getvalue()

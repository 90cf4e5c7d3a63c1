"""The entries the venue rules look at: each row's venue cell, its mention, its paper ids."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from awesome_lint.model import Cell, Row
from awesome_lint.rules._schema import is_blank, is_placeholder
from awesome_lint.rules._venues import table_venues
from awesome_lint.rules.base import Context
from awesome_lint.scholar.papers import paper_id
from awesome_lint.tableschema import BoundTable
from awesome_lint.venues import Mention, Style

# The style a venue is written in when neither the table nor the cell has one.
FALLBACK_STYLE: Style = "VENUE YYYY"


@dataclass(frozen=True)
class Entry:
    row: Row
    cell: Cell
    # The venue the cell names; None for an empty (or placeholder) Venue cell.
    mention: Mention | None
    keys: tuple[str, ...]
    # The style the table writes venues in (None when it has none).
    style: Style | None


def entries(bound: BoundTable, ctx: Context) -> Iterator[Entry]:
    """The rows of `bound` with a venue cell (or an empty Venue cell) and a paper id."""
    venues = table_venues(bound, ctx)
    by_cell = {(found.cell.line, found.cell.column): found.mention for found in venues.found}
    venue_columns = [i for i, spec in enumerate(bound.columns) if spec and spec.venue is True]
    for row in bound.table.rows:
        keys = tuple(
            dict.fromkeys(
                key
                for cell in row.cells
                for link in cell.links
                if (key := paper_id(link.url)) is not None
            )
        )
        if not keys:
            continue
        mentioned = [
            (cell, by_cell[(cell.line, cell.column)])
            for cell in row.cells
            if (cell.line, cell.column) in by_cell
        ]
        if mentioned:
            cell, mention = mentioned[0]
            yield Entry(row, cell, mention, keys, venues.style)
            continue
        for i in venue_columns:
            if i < len(row.cells):
                cell = row.cells[i]
                if is_blank(cell) or is_placeholder(bound.columns[i], cell):
                    yield Entry(row, cell, None, keys, venues.style)
                    break

"""Table -> Markdown lines, aligned by display width or compact.

Both styles keep every cell's raw Markdown byte for byte and each row's container prefix
verbatim, so re-parsing a rendered table gives back the same cells, and rendering it again gives
back the same lines.

"aligned": every column is as wide as its widest cell (by `display_width`, at least 3), one space
inside each pipe, cells padded as their column aligns, the delimiter row rebuilt to the width::

    | Name | Year | Stars |
    | :--- | :--: | ----: |
    | BERT | 2019 |   12k |

"compact": one space inside each pipe and no padding; an empty cell is `| |`::

    | Name | Year | Stars |
    | :-- | :-: | --: |
    | BERT | 2019 | 12k |

Body rows shorter than the header are completed with empty cells. Cells past the header's last
column are kept (GitHub hides them; a person decides what they meant), left-aligned and padded to
the widest cell in their position, without a delimiter cell above them.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import zip_longest
from typing import Literal

from awesome_lint.model import Align, Row, Table
from awesome_lint.width import display_widths

Style = Literal["aligned", "compact"]
STYLES: tuple[Style, ...] = ("aligned", "compact")

MIN_WIDTH = 3

_COMPACT_DELIMITER: dict[Align, str] = {
    "left": ":--",
    "center": ":-:",
    "right": "--:",
    "none": "---",
}


def render_table(table: Table, style: Style = "aligned") -> list[str]:
    """The table's lines, header, delimiter row and body rows in order, without line endings."""
    columns = len(table.header.cells)
    if columns == 0:
        raise ValueError(f"table {table.index} at line {table.line} has no header cells")
    aligns = _aligns(table, columns)
    if style == "aligned":
        return _render_aligned(table, columns, aligns)
    if style == "compact":
        return _render_compact(table, columns, aligns)
    raise ValueError(f"unknown table style {style!r}; expected one of {', '.join(STYLES)}")


def first_misaligned(table: Table, style: Style = "aligned") -> int | None:
    """The 1-based line of the first row whose source differs from its rendering, or None.

    Only the line ending is ignored: trailing whitespace, tabs and a changed prefix all count.
    """
    rows = _rows(table)
    if style == "aligned" and table.header.cells:
        # Most tables that are not laid out differ in their header already: the columns'
        # widths and that one line tell, without rendering the body.
        columns = len(table.header.cells)
        aligns = _aligns(table, columns)
        measured = _measure(table, columns)
        if _without_line_ending(table.header.source) != _header_line(table, aligns, measured):
            return table.line
        rendered = _render_aligned(table, columns, aligns, measured)
    else:
        rendered = render_table(table, style)
    for row, line in zip(rows, rendered):
        if _without_line_ending(row.source) != line:
            return row.line
    return None


def _rows(table: Table) -> tuple[Row, ...]:
    return (table.header, table.delimiter, *table.rows)


def _aligns(table: Table, columns: int) -> tuple[Align, ...]:
    unaligned: Align = "none"
    return table.align[:columns] + (unaligned,) * (columns - len(table.align))


def _without_line_ending(source: str) -> str:
    if source.endswith("\r\n"):
        return source[:-2]
    if source.endswith(("\n", "\r")):
        return source[:-1]
    return source


def _render_compact(table: Table, columns: int, aligns: tuple[Align, ...]) -> list[str]:
    delimiter = "| " + " | ".join(_COMPACT_DELIMITER[align] for align in aligns) + " |"
    lines = [_compact_line(row, columns) for row in (table.header, *table.rows)]
    lines.insert(1, table.delimiter.prefix + delimiter)
    return lines


def _compact_line(row: Row, columns: int) -> str:
    texts = [f" {cell.raw} " if cell.raw else " " for cell in row.cells]
    texts.extend([" "] * (columns - len(texts)))
    return row.prefix + "|" + "|".join(texts) + "|"


# Each column's texts (short rows completed with empty cells) and their display widths, and
# the width of each column.
_Measured = tuple[list[tuple[str, ...]], list[list[int]], list[int]]


def _measure(table: Table, columns: int) -> _Measured:
    texts_by_row = [[cell.raw for cell in row.cells] for row in (table.header, *table.rows)]
    # Column by column, so that the per-cell work stays inside comprehensions: a benchmark
    # renders tables of 50,000 rows. Short rows are completed with empty cells first.
    completion = [""] * columns
    texts_by_column = list(zip(*(texts + completion for texts in texts_by_row)))[:columns]
    text_widths = [display_widths(texts) for texts in texts_by_column]
    widths = [max(MIN_WIDTH, max(column)) for column in text_widths]
    return texts_by_column, text_widths, widths


def _header_line(table: Table, aligns: tuple[Align, ...], measured: _Measured) -> str:
    """The header's line alone, as `_render_aligned` makes it."""
    texts_by_column, text_widths, widths = measured
    parts = [
        _pad_column(texts[:1], column_widths[:1], width, align)[0]
        for texts, column_widths, width, align in zip(texts_by_column, text_widths, widths, aligns)
    ]
    return table.header.prefix + "| " + " | ".join(parts) + " |"


def _render_aligned(
    table: Table, columns: int, aligns: tuple[Align, ...], measured: _Measured | None = None
) -> list[str]:
    cell_rows = (table.header, *table.rows)
    texts_by_column, text_widths, widths = measured or _measure(table, columns)
    padded_columns = [
        _pad_column(texts, column_widths, width, align)
        for texts, column_widths, width, align in zip(texts_by_column, text_widths, widths, aligns)
    ]
    lines = [
        prefix + "| " + " | ".join(parts) + " |"
        for prefix, parts in zip((row.prefix for row in cell_rows), zip(*padded_columns))
    ]
    if any(len(row.cells) > columns for row in cell_rows):
        _add_extra_cells(lines, [[cell.raw for cell in row.cells[columns:]] for row in cell_rows])

    delimiter = "| " + " | ".join(_delimiter_cell(a, w) for a, w in zip(aligns, widths)) + " |"
    lines.insert(1, table.delimiter.prefix + delimiter)
    return lines


def _pad_column(
    texts: Sequence[str], text_widths: Sequence[int], width: int, align: Align
) -> list[str]:
    pairs = zip(texts, text_widths)
    if align == "right":
        return [" " * (width - w) + text for text, w in pairs]
    if align == "center":
        return [" " * ((width - w) // 2) + text + " " * ((width - w + 1) // 2) for text, w in pairs]
    return [text + " " * (width - w) for text, w in pairs]


def _add_extra_cells(lines: list[str], extras_by_row: Sequence[list[str]]) -> None:
    """Append the cells past the last column, each position as wide as its widest cell."""
    measured = [display_widths(extras) if extras else [] for extras in extras_by_row]
    widths = [max(position) for position in zip_longest(*measured, fillvalue=0)]
    for index, (extras, text_widths) in enumerate(zip(extras_by_row, measured)):
        if extras:
            padded = [text + " " * (n - w) for text, w, n in zip(extras, text_widths, widths)]
            lines[index] += " " + " | ".join(padded) + " |"


def _delimiter_cell(align: Align, width: int) -> str:
    if align == "left":
        return ":" + "-" * (width - 1)
    if align == "right":
        return "-" * (width - 1) + ":"
    if align == "center":
        return ":" + "-" * (width - 2) + ":"
    return "-" * width

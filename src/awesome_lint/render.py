"""Table -> Markdown lines, in one of three layouts, and which layout a table is written in.

Every layout keeps every cell's raw Markdown byte for byte, each row's container prefix
verbatim, and leading and trailing pipes (but see "Without outer pipes" below), so re-parsing a
rendered table gives back the same cells, and rendering it again gives back the same lines.

"aligned": one space inside each pipe, every column as wide as its widest cell (by
`display_width`, at least 3), cells padded as their column aligns, the delimiter row rebuilt
to the width. A table whose header lines up with its delimiter row by code points and not by
display width was laid out by an editor that counts a CJK character as one column: it is
measured by code points, so that the fix and that editor agree::

    | Name | Year | Stars |
    | :--- | :--: | ----: |
    | BERT | 2019 |   12k |

A giant cell does not widen its column: a cell wider than 80 columns and more than twice as
wide as three in four of the column's non-empty cells is written unpadded and pushes the rest
of its row to the right, unless the header is already padded that wide (a list that aligns its
giant cells keeps its layout). On the lists we hold, one 598-character cell made all 68 rows
of a table 1,598 characters wide; with the cap the table's fix grows the file 1.5x instead of
2.2x, and a few rows overflowing keep the table readable. Three in four, not nine in ten: a
changelog table whose four longest entries of sixteen run to 1,000 columns grew its file
1.19x when the other twelve were padded to them, 1.03x now.

"compact": one space inside each pipe and no padding; an empty cell is `| |`::

    | Name | Year | Stars |
    | :-- | :-: | --: |
    | BERT | 2019 | 12k |

"tight": no space inside the pipes (lists in CJK scripts often write tables so)::

    |Name|Year|Stars|
    |:--|:-:|--:|
    |BERT|2019|12k|

In "compact" and "tight" the delimiter row is kept as written when it has outer pipes and one
cell per column, aligned as the table is (`|---|---|` under `| a | b |` stays); otherwise it
is rebuilt as shown.

Body rows shorter than the header are completed with empty cells, unless short rows are the
table's own way (`keeps_short_rows`: at least three of them, and a quarter of the body
rows): then each row ends after its last cell, its pipes where the full rows have theirs.
Cells past the header's last
column are kept (GitHub hides them; a person decides what they meant), left-aligned and padded to
the widest cell in their position, without a delimiter cell above them.

`table_style` reads which layout a table is written in (the "auto" setting): its header and
delimiter rows are its style sheet, in this order:
- pipes of both rows at the same columns (by display width, or by code points: some editors
  count a CJK character as one column) and a header cell padded beyond one space: "aligned";
- no header cell with a space inside its pipes: "tight";
- pipes at the same columns but the header unpadded (`| Title | Code |` over
  `|-------|------|`): the body decides, "aligned" when at least as many rows are laid out
  aligned as compact;
- anything else: "compact".
Body rows written otherwise are the deviations: they follow the header.

Without outer pipes: under "auto", a table whose header and delimiter rows both have neither a
leading nor a trailing pipe (`a | b` over `--- | ---`) is laid out without them, in its own
layout (`table_pipes`); the last column is then not padded, and "compact" and "tight" keep a
delimiter row written without outer pipes, one cell per column, as it is::

    Name | Year | Stars
    :--- | :--: | ----:
    BERT | 2019 |   12k

The whole table keeps its outer pipes when one row could not do without them and render the
same on GitHub: a table of one column, a row whose first or last cell is empty (short rows
included: they are completed with empty cells), a last cell ending in a backslash, and a row
that would start with a space (a right- or center-aligned first column, aligned) or with what
starts another block (`>`, `#`, `-`, `+`, `*` or `1.` followed by a space, a fence, `<`).
A named style ("aligned", "compact", "tight") always writes outer pipes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import zip_longest
from typing import Literal

from awesome_lint.model import Align, Row, Table
from awesome_lint.width import display_widths

Style = Literal["aligned", "compact", "tight"]
STYLES: tuple[Style, ...] = ("aligned", "compact", "tight")
AUTO = "auto"  # the setting that reads each table's own style
_NAMED: dict[str, Style] = {"aligned": "aligned", "compact": "compact", "tight": "tight"}

MIN_WIDTH = 3
OVERFLOW_FLOOR = 80
OVERFLOW_FACTOR = 2
# Short rows are a table's convention from this many on, and from this share of its body.
SHORT_ROWS_MIN = 3
SHORT_ROWS_SHARE = 0.25

_COMPACT_DELIMITER: dict[Align, str] = {
    "left": ":--",
    "center": ":-:",
    "right": "--:",
    "none": "---",
}


def render_table(table: Table, style: Style = "aligned", pipes: bool = True) -> list[str]:
    """The table's lines, header, delimiter row and body rows in order, without line endings;
    without outer pipes when `pipes` is false (see `table_pipes` for when that is safe)."""
    columns = len(table.header.cells)
    if columns == 0:
        raise ValueError(f"table {table.index} at line {table.line} has no header cells")
    aligns = _aligns(table, columns)
    if style == "aligned":
        return _render_aligned(table, columns, aligns, pipes=pipes)
    if style in ("compact", "tight"):
        space = " " if style == "compact" else ""
        return _render_unpadded(table, columns, aligns, space, pipes)
    raise ValueError(f"unknown table style {style!r}; expected one of {', '.join(STYLES)}")


def table_style(table: Table, setting: str = AUTO) -> Style:
    """The layout `setting` names, or for "auto" the one the table is written in (see above)."""
    named = _NAMED.get(setting)
    if named is not None:
        return named
    header = _slots(table.header)
    inner = header[
        1 if not header[0].strip(" \t") else 0 : -1 if not header[-1].strip(" \t") else None
    ]
    header, delimiter = _padded_slots(table)
    # Editors that count code points pad CJK headers by their length, not their width.
    lined_up = display_widths(header) == display_widths(delimiter)
    lined_up = lined_up or _code_points(header) == _code_points(delimiter)
    if lined_up and any(slot.startswith("  ") or slot.endswith("  ") for slot in inner):
        return "aligned"
    if inner and all(_tight(slot) for slot in inner):
        return "tight"
    if lined_up and _laid_out(table, "aligned") >= _laid_out(table, "compact"):
        return "aligned"
    return "compact"


def _padded_slots(table: Table) -> tuple[list[str], list[str]]:
    """The header's and the delimiter row's slots whose width the layout sets."""
    header, delimiter = _slots(table.header), _slots(table.delimiter)
    if _written_without_pipes(table):
        # Nothing follows the last cell of a table without outer pipes: it is not padded.
        return header[:-1], delimiter[:-1]
    return header, delimiter


Measure = Callable[[Sequence[str]], list[int]]


def _code_points(texts: Sequence[str]) -> list[int]:
    return [len(text) for text in texts]


def counts_code_points(table: Table) -> bool:
    """Whether the table is measured by code points (see above): its header lines up with
    its delimiter row by code points and not by display width. Padded or not: a header that
    fills its column is not padded, and a laid-out table must read the same way again."""
    header, delimiter = _padded_slots(table)
    by_length = _code_points(header)
    return by_length == _code_points(delimiter) and display_widths(header) != by_length


def _measure_of(table: Table) -> Measure:
    return _code_points if counts_code_points(table) else display_widths


# Padding is what GitHub trims off a cell: spaces and tabs (a vertical tab is text).
_PADDING = (" ", "\t")


def _tight(slot: str) -> bool:
    """Whether a cell is written without padding; a tight layout keeps one space after a
    last backslash (see `_unpadded_cell`)."""
    if slot.endswith("\\ "):
        slot = slot[:-1]
    return slot[:1] not in _PADDING and slot[-1:] not in _PADDING


def keeps_short_rows(table: Table) -> bool:
    """Whether the table's rows shorter than its header stay short (see above): a list that
    leaves its last columns out of many rows means them empty, as GitHub shows them."""
    columns = len(table.header.cells)
    short = sum(1 for row in table.rows if len(row.cells) < columns and not row.is_empty)
    return short >= SHORT_ROWS_MIN and short >= SHORT_ROWS_SHARE * len(table.rows)


def _cells_written(row: Row, columns: int, keep_short_rows: bool) -> int:
    """How many cells the row is written with: every column's, or a kept short row's own (an
    empty row is completed: the empty-row rule speaks for it)."""
    if keep_short_rows and not row.is_empty:
        return min(len(row.cells), columns)
    return columns


def table_pipes(table: Table, style: Style, setting: str = AUTO) -> bool:
    """Whether the table is laid out with outer pipes: always, but for "auto" on a table whose
    header and delimiter rows have none, when every row can do without them (see above)."""
    if setting != AUTO or not _written_without_pipes(table):
        return True
    columns = len(table.header.cells)
    if columns < 2:
        return True
    for row in (table.header, *table.rows):
        cells = row.cells
        if len(cells) < columns or not cells[0].raw or not cells[-1].raw:
            return True
        if cells[-1].raw.endswith(_BACKSLASH):
            return True
    rendered = render_table(table, style, pipes=False)
    return any(
        _BLOCK_START.match(line, len(row.prefix)) for row, line in zip(_rows(table), rendered)
    )


# What could start another block at the beginning of a row without a leading pipe (a quote, a
# heading, a list item, a fence, HTML), and leading whitespace (an indented code block).
_BLOCK_START = re.compile(
    r"[ \t]|>|#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|```|~~~|<"
)


def _written_without_pipes(table: Table) -> bool:
    """Whether the header and delimiter rows have neither a leading nor a trailing pipe."""
    for row in (table.header, table.delimiter):
        slots = _slots(row)
        if len(slots) < 2 or not slots[0].strip(" \t") or not slots[-1].strip(" \t"):
            return False
    return True


def _slots(row: Row) -> list[str]:
    """The row's text between its pipes (escaped pipes do not count), outer pieces included."""
    line = _without_line_ending(row.source)[len(row.prefix) :].rstrip()
    slots: list[str] = []
    start = 0
    for i, char in enumerate(line):
        # As in a cell (blocks.split_row): a pipe after a backslash is escaped, even after
        # another backslash (`\\|`).
        if char == "|" and line[i - 1 : i] != "\\":
            slots.append(line[start:i])
            start = i + 1
    slots.append(line[start:])
    return slots


def _laid_out(table: Table, style: Style) -> int:
    """How many of the table's lines are as `style` renders them."""
    rendered = render_table(table, style, pipes=not _written_without_pipes(table))
    return sum(
        _without_line_ending(row.source) == line for row, line in zip(_rows(table), rendered)
    )


def first_misaligned(table: Table, style: Style = "aligned", pipes: bool = True) -> int | None:
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
        header = _header_line(table, aligns, measured, pipes)
        if _without_line_ending(table.header.source) != header:
            return table.line
        rendered = _render_aligned(table, columns, aligns, measured, pipes)
    else:
        rendered = render_table(table, style, pipes)
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


def _render_unpadded(
    table: Table, columns: int, aligns: tuple[Align, ...], space: str, pipes: bool = True
) -> list[str]:
    keep = keeps_short_rows(table)
    lines = [
        _unpadded_line(row, _cells_written(row, columns, keep), space, pipes)
        for row in (table.header, *table.rows)
    ]
    delimiter = _written_delimiter(table.delimiter, aligns, pipes)
    if delimiter is None:
        cells = (_COMPACT_DELIMITER[align] for align in aligns)
        delimiter = f"{space}|{space}".join(cells)
        if pipes:
            delimiter = "|" + space + delimiter + space + "|"
    lines.insert(1, table.delimiter.prefix + delimiter)
    return lines


def _unpadded_line(row: Row, columns: int, space: str, pipes: bool = True) -> str:
    texts = [_unpadded_cell(cell.raw, space) for cell in row.cells]
    texts.extend([space] * (columns - len(texts)))
    if not pipes:
        return row.prefix + "|".join(texts).strip(" ")
    return row.prefix + "|" + "|".join(texts) + "|"


def _unpadded_cell(raw: str, space: str) -> str:
    if not raw:
        return space
    # Tight, a cell's last backslash would escape the pipe after it: a space keeps it apart.
    after = " " if not space and raw.endswith(_BACKSLASH) else space
    return space + raw + after


_BACKSLASH = "\\"


def _written_delimiter(delimiter: Row, aligns: tuple[Align, ...], pipes: bool = True) -> str | None:
    """The delimiter row as written, without its prefix, if it can stay (see above)."""
    slots = _slots(delimiter)
    line = _without_line_ending(delimiter.source)[len(delimiter.prefix) :]
    if line != line.strip():
        return None
    if pipes:
        if len(slots) != len(aligns) + 2 or slots[0] or slots[-1]:
            return None
        slots = slots[1:-1]
    elif len(slots) != len(aligns):
        return None
    written = tuple(_delimiter_align(slot.strip()) for slot in slots)
    return line if written == aligns else None


def _delimiter_align(cell: str) -> Align | None:
    if not cell.strip(":") or cell.strip(":").strip("-"):
        return None
    left, right = cell.startswith(":"), cell.endswith(":")
    return "center" if left and right else "left" if left else "right" if right else "none"


# Each column's texts (short rows completed with empty cells) and their display widths, and
# the width of each column.
_Measured = tuple[list[tuple[str, ...]], list[list[int]], list[int]]


def _measure(table: Table, columns: int) -> _Measured:
    texts_by_row = [[cell.raw for cell in row.cells] for row in (table.header, *table.rows)]
    # Column by column, so that the per-cell work stays inside comprehensions: a benchmark
    # renders tables of 50,000 rows. Short rows are completed with empty cells first.
    completion = [""] * columns
    texts_by_column = list(zip(*(texts + completion for texts in texts_by_row)))[:columns]
    widths_of = _measure_of(table)
    text_widths = [widths_of(texts) for texts in texts_by_column]
    padded = _header_widths(table.header, columns, widths_of)
    widths = [_width(column, padded[i]) for i, column in enumerate(text_widths)]
    return texts_by_column, text_widths, widths


def _width(text_widths: list[int], header_padded: int) -> int:
    """The column's width: its widest cell but giant ones (see above)."""
    widest = max(text_widths)
    if widest <= OVERFLOW_FLOOR:
        return max(MIN_WIDTH, widest)
    present = sorted(w for w in text_widths if w)
    limit = max(OVERFLOW_FLOOR, OVERFLOW_FACTOR * present[(len(present) - 1) * 3 // 4])
    fitting = max((w for w in text_widths if w <= limit), default=0)
    return max(MIN_WIDTH, fitting, min(header_padded, widest))


def _header_widths(header: Row, columns: int, widths_of: Measure) -> list[int]:
    """How wide the header row pads each column now (0 when it cannot tell)."""
    slots = _slots(header)
    if len(slots) != columns + 2:
        return [0] * columns
    return [width - 2 for width in widths_of(slots[1:-1])]


def _header_line(
    table: Table, aligns: tuple[Align, ...], measured: _Measured, pipes: bool = True
) -> str:
    """The header's line alone, as `_render_aligned` makes it."""
    texts_by_column, text_widths, widths = measured
    parts = [
        _pad_column(texts[:1], column_widths[:1], width, align)[0]
        for texts, column_widths, width, align in zip(texts_by_column, text_widths, widths, aligns)
    ]
    return table.header.prefix + _joined(parts, pipes).rstrip(" ")


def _joined(parts: Sequence[str], pipes: bool) -> str:
    """Padded cells between pipes, or without outer pipes (still padded at the end)."""
    if pipes:
        return "| " + " | ".join(parts) + " |"
    return " | ".join(parts)


def _render_aligned(
    table: Table,
    columns: int,
    aligns: tuple[Align, ...],
    measured: _Measured | None = None,
    pipes: bool = True,
) -> list[str]:
    cell_rows = (table.header, *table.rows)
    texts_by_column, text_widths, widths = measured or _measure(table, columns)
    padded_columns = [
        _pad_column(texts, column_widths, width, align)
        for texts, column_widths, width, align in zip(texts_by_column, text_widths, widths, aligns)
    ]
    if keeps_short_rows(table):
        lines = [
            row.prefix + _joined(parts[: _cells_written(row, columns, True)], pipes)
            for row, parts in zip(cell_rows, zip(*padded_columns))
        ]
    else:
        lines = [
            prefix + _joined(parts, pipes)
            for prefix, parts in zip((row.prefix for row in cell_rows), zip(*padded_columns))
        ]
    if any(len(row.cells) > columns for row in cell_rows):
        extras = [[cell.raw for cell in row.cells[columns:]] for row in cell_rows]
        _add_extra_cells(lines, extras, _measure_of(table), pipes)
    if not pipes:
        # Nothing follows the last cell: no padding after it.
        lines = [line.rstrip(" ") for line in lines]

    delimiter = _joined([_delimiter_cell(a, w) for a, w in zip(aligns, widths)], pipes)
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


def _add_extra_cells(
    lines: list[str], extras_by_row: Sequence[list[str]], widths_of: Measure, pipes: bool = True
) -> None:
    """Append the cells past the last column, each position as wide as its widest cell."""
    measured = [widths_of(extras) if extras else [] for extras in extras_by_row]
    widths = [max(position) for position in zip_longest(*measured, fillvalue=0)]
    for index, (extras, text_widths) in enumerate(zip(extras_by_row, measured)):
        if extras:
            padded = [text + " " * (n - w) for text, w, n in zip(extras, text_widths, widths)]
            joined = " | ".join(padded)
            lines[index] += " " + joined + " |" if pipes else " | " + joined


def _delimiter_cell(align: Align, width: int) -> str:
    if align == "left":
        return ":" + "-" * (width - 1)
    if align == "right":
        return "-" * (width - 1) + ":"
    if align == "center":
        return ":" + "-" * (width - 2) + ":"
    return "-" * width

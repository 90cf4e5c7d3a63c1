"""Add one entry to a table, written in the list's own conventions: text in, text out.

`add_entry(text, table, values)` returns the text with one more row, or raises AddError
with the reason. The row is built as a contributor who knew the list would write it:

- values are given by column name (a header's text or its schema column's name or alias);
  a `|` in a value is escaped, a line break is refused;
- links are written as the column's other cells write them: where most of a column's
  cells are one link with the same generic text (`[Link](…)`, `[arXiv](…)`), a bare URL
  or a link with a generic text gets that text; where the link text is the paper's venue
  (`[ICCV'23](…)`), a bare arXiv URL becomes `[arXiv YEAR](…)`, the year read from the id,
  and any other bare URL is refused (the venue is not known offline);
- then the fixes `--fix --unsafe-fixes` would make are made on the new row only: venue in
  the table's style and canonical name, arXiv and publisher links in the list's form,
  tracking parameters dropped, `https`;
- the row goes where the table's order puts it: the schema's `sort`, else the order of a
  Year/Date column when every dated row follows one, else after the last non-empty row;
- the table keeps its layout: a table that `table-format` passes is laid out again (other
  rows change only when the new row widens a column); any other table gets the new row
  alone, padded to the widths its delimiter row declares (compact: unpadded), and every
  other line stays as it was;
- an entry that `duplicate-entry` would report is refused, naming the existing row's line.

What remains on the new row (a required column left empty, a venue nobody knows) is
returned as problems, for the caller to report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from awesome_lint.api import Analysis, Selection, analyse
from awesome_lint.config import Config, default_config
from awesome_lint.document import Lines
from awesome_lint.fixer import fix_rows
from awesome_lint.markdown.tables import read_cell
from awesome_lint.model import Align, Problem, Row, Table
from awesome_lint.render import Style, first_misaligned, render_table, table_pipes, table_style
from awesome_lint.rules._schema import GENERIC_LABELS, fold_text, is_blank, is_placeholder
from awesome_lint.rules.base import Context
from awesome_lint.rules.row_order import row_keyer
from awesome_lint.tableschema import BoundTable, fold_header
from awesome_lint.urls import arxiv_id
from awesome_lint.width import display_width


class AddError(ValueError):
    """The entry cannot be added; the message says why (without the file's name)."""


@dataclass(frozen=True)
class Added:
    text: str
    line: int
    """The new row's line (1-based)."""
    table: int
    """The table's index (1-based)."""
    problems: tuple[Problem, ...]
    """What the check still reports on the new row."""


@dataclass(frozen=True)
class LinkConvention:
    """How a column writes its links: one generic text for all (`label`), or the venue."""

    label: str | None = None
    venue: bool = False


# Placing and laying out the row is add's own work; the rest is done by the rules' fixes.
_LAYOUT_RULES = frozenset({"table-format", "row-order", "empty-row"})
_FIX_ROUNDS = 3
_BARE_URL = re.compile(r"<?((?:https?|ftp)://[^\s<>]+)>?")
_NOT_FOUND = re.compile(r"\bline (\d+)\b")
_DATE_COLUMNS = ("Year",)


def add_entry(
    text: str,
    table: str | None,
    values: Sequence[tuple[str, str]],
    config: Config | None = None,
) -> Added:
    """`text` with one more row in the table `table` (a heading above it, any level of its
    heading path, or its 1-based index; None when the text has one table)."""
    config = config or default_config()
    if not values:
        raise AddError("nothing to add: give at least one --set COLUMN=VALUE")
    before = analyse(text, config)
    bound = select_table(before.tables, table)
    raws = cells_for(bound, values, before.context)
    lines = list(before.document.lines)
    endings = list(before.document.endings)
    at = _end_of_rows(bound)
    _insert(lines, endings, at, _compact(_prefix(bound, at), raws))
    line = at + 1
    analysis = _analyse(lines, endings, config)
    new_bound = _same_table(analysis, bound)

    for _ in range(_FIX_ROUNDS):
        wanted = {
            p.rule
            for p in analysis.problems
            if p.line == line and p.rule not in _LAYOUT_RULES and p.fix is not None
        }
        if not wanted:
            break
        fixed = fix_rows(analysis, new_bound, {line}, True, _LAYOUT_RULES)
        row = next(r for r in fixed.rows if r.line == line)
        new_raws = _raws(row, len(raws))
        if new_raws == raws:
            break
        raws = new_raws
        lines[line - 1] = _compact(_prefix(bound, at), raws)
        analysis = _analyse(lines, endings, config)
        new_bound = _same_table(analysis, bound)

    target = _ordered_place(new_bound, analysis.context, line)
    if target != line:
        # The line endings stay with their places: the last line may have none.
        lines.insert(target - 1, lines.pop(line - 1))
        line = target
        analysis = _analyse(lines, endings, config)
        new_bound = _same_table(analysis, bound)

    _refuse_duplicate(before, analysis, line)

    # The table's own layout, as table-format reads it (outer pipes included).
    style = table_style(bound.table, config.style)
    pipes = table_pipes(new_bound.table, style, config.style)
    if first_misaligned(bound.table, style, table_pipes(bound.table, style, config.style)) is None:
        rendered = render_table(new_bound.table, style, pipes)
        first = new_bound.table.line - 1
        lines[first : first + len(rendered)] = rendered
    else:
        lines[line - 1] = _row_line(new_bound, line, raws, style, pipes)
    analysis = _analyse(lines, endings, config)
    final = _same_table(analysis, bound)
    written = next((r for r in final.table.rows if r.line == line), None)
    if written is None or _raws(written, len(raws)) != raws:
        raise AddError(f"the new row does not read back as written at line {line}")
    problems = tuple(p for p in analysis.problems if p.line == line)
    return Added(Lines(lines, endings).join(), line, bound.table.index + 1, problems)


def select_table(tables: Sequence[BoundTable], selector: str | None) -> BoundTable:
    """The table a heading above it (any level) or its 1-based index names."""
    if not tables:
        raise AddError("the file has no table")
    if selector is None or not selector.strip():
        if len(tables) == 1:
            return tables[0]
        raise AddError(f"the file has {len(tables)} tables; say which with --table")
    wanted = selector.strip()
    if wanted.isdigit():
        number = int(wanted)
        if not 1 <= number <= len(tables):
            raise AddError(f"there is no table {number}; the file has {len(tables)}")
        return tables[number - 1]
    folded = fold_header(wanted)
    exact = [b for b in tables if any(fold_header(h) == folded for h in b.table.headings)]
    found = exact or [
        b for b in tables if folded and any(folded in fold_header(h) for h in b.table.headings)
    ]
    if len(found) > 1:
        # A heading right above one table names it, even when an outer heading matches too.
        nearest = [b for b in found if fold_header(b.table.headings[-1]) == folded]
        found = nearest if len(nearest) == 1 else found
    if not found:
        raise AddError(f"no table under a heading {wanted!r}")
    if len(found) > 1:
        where = ", ".join(str(b.table.line) for b in found[:6])
        raise AddError(
            f"{wanted!r} names {len(found)} tables (at lines {where});"
            " give a deeper heading or the table's number"
        )
    return found[0]


def cells_for(bound: BoundTable, values: Sequence[tuple[str, str]], ctx: Context) -> list[str]:
    """The new row's cells' Markdown, one per column, links written as each column does."""
    width = len(bound.table.header.cells)
    raws = [""] * width
    given: set[int] = set()
    for name, value in values:
        index = column_index(bound, name)
        if index in given:
            raise AddError(f"column {name!r} is given twice")
        given.add(index)
        column = bound.table.header.cells[index].text
        raw = _markdown(value, column)
        raws[index] = _written(raw, link_convention(bound, index, ctx), column)
    return raws


def column_index(bound: BoundTable, name: str) -> int:
    folded = fold_header(name)
    header = bound.table.header.cells
    for i, cell in enumerate(header):
        if fold_header(cell.text) == folded:
            return i
    for i, spec in enumerate(bound.columns):
        if spec is not None and folded in {fold_header(n) for n in (spec.name, *spec.aliases)}:
            return i
    columns = ", ".join(cell.text for cell in header)
    raise AddError(f"the table has no column {name!r}; its columns are {columns}")


def link_convention(bound: BoundTable, index: int, ctx: Context) -> LinkConvention | None:
    """How most of the column's cells write their link, when most are one link alone."""
    spec = bound.columns[index]
    cells = [
        row.cells[index]
        for row in bound.table.rows
        if index < len(row.cells)
        and not is_blank(row.cells[index])
        and not is_placeholder(spec, row.cells[index])
    ]
    lone = [
        cell.links[0].text.strip()
        for cell in cells
        if len(cell.links) == 1
        and cell.links[0].image is None
        and cell.text.strip() == cell.links[0].text.strip()
    ]
    if not lone or 2 * len(lone) <= len(cells):
        return None
    label, count = Counter(lone).most_common(1)[0]
    if 2 * count > len(lone) and fold_text(label) in GENERIC_LABELS:
        return LinkConvention(label=label)
    if spec is not None and spec.venue:
        parse = ctx.vocabulary.parse
        dated = [m for m in map(parse, lone) if m is not None and m.year is not None]
        if 2 * len(dated) > len(lone):
            return LinkConvention(venue=True)
    return None


def arxiv_year(ident: str) -> int | None:
    """The year an arXiv id was given (`2401.00001`: 2024; `hep-th/9901001`: 1999)."""
    digits = ident.rsplit("/", 1)[-1]
    if len(digits) < 2 or not digits[:2].isdigit():
        return None
    yy = int(digits[:2])
    return 1900 + yy if yy >= 91 else 2000 + yy


def _markdown(value: str, column: str) -> str:
    if "\n" in value or "\r" in value:
        raise AddError(f"the value for {column!r} has a line break; a cell holds one line")
    # GitHub ends a cell at an unescaped pipe, even inside a code span.
    return re.sub(r"(?<!\\)\|", r"\\|", value.strip())


def _written(raw: str, convention: LinkConvention | None, column: str) -> str:
    if convention is None or not raw:
        return raw
    bare = _BARE_URL.fullmatch(raw)
    text: str | None = None
    if bare is not None:
        url = bare.group(1)
    else:
        inline = read_cell(raw, {})
        if len(inline.links) != 1 or inline.links[0].image is not None:
            return raw
        link = inline.links[0]
        if inline.text.strip() != link.text.strip():
            return raw
        url, text = link.url, link.text.strip()
    destination = f"<{url}>" if any(c in url for c in " ()<>") else url
    if convention.label is not None:
        if text is None or text == url or fold_text(text) in GENERIC_LABELS:
            return f"[{convention.label}]({destination})"
        return raw
    if text is not None and fold_text(text) not in GENERIC_LABELS:
        return raw
    ident = arxiv_id(url)
    year = None if ident is None else arxiv_year(ident)
    if year is None:
        raise AddError(
            f"column {column!r} gives each paper's venue as its link text;"
            f" write the value as `[VENUE YEAR]({url})`"
        )
    return f"[arXiv {year}]({destination})"


def _analyse(lines: list[str], endings: list[str], config: Config) -> Analysis:
    return analyse(Lines(list(lines), list(endings)), config, Selection(), unsafe_fixes=True)


def _same_table(analysis: Analysis, bound: BoundTable) -> BoundTable:
    index = bound.table.index
    if len(analysis.tables) <= index or analysis.tables[index].table.line != bound.table.line:
        raise AddError(f"a row added to the table at line {bound.table.line} breaks the table")
    found = analysis.tables[index]
    if len(found.table.rows) != len(bound.table.rows) + 1:
        raise AddError(f"a row added to the table at line {bound.table.line} breaks the table")
    return found


def _end_of_rows(bound: BoundTable) -> int:
    """The 0-based line after the table's last non-empty row (empty rows are defects the
    fixer removes: the new row goes before them)."""
    table = bound.table
    last = table.delimiter.line
    for row in table.rows:
        if not row.is_empty:
            last = row.line
    return last


def _prefix(bound: BoundTable, at: int) -> str:
    table = bound.table
    above = [r for r in (table.delimiter, *table.rows) if r.line <= at]
    return above[-1].prefix if above else table.delimiter.prefix


def _insert(lines: list[str], endings: list[str], at: int, line: str) -> None:
    ending = endings[at - 1]
    if not ending:
        # The table ended the text without a final newline: it still does.
        endings[at - 1] = next((e for e in endings if e), "\n")
    lines.insert(at, line)
    endings.insert(at, ending)


def _compact(prefix: str, raws: Sequence[str], pipes: bool = True) -> str:
    if not pipes:
        return prefix + " | ".join(raws)
    return prefix + "|" + "|".join(f" {raw} " if raw else " " for raw in raws) + "|"


def _raws(row: Row, width: int) -> list[str]:
    raws = [cell.raw for cell in row.cells[:width]]
    return raws + [""] * (width - len(raws))


def _row_line(bound: BoundTable, line: int, raws: Sequence[str], style: Style, pipes: bool) -> str:
    """The new row alone: padded to the widths the delimiter row declares when the header
    is (as editors such as Typora write tables), else compact (without outer pipes in a
    table written without them)."""
    table = bound.table
    row = next(r for r in table.rows if r.line == line)
    names = _raws(table.header, len(raws))
    declared = all(
        display_width(name) <= display_width(cell.raw)
        for name, cell in zip(names, table.delimiter.cells)
    ) and table.header.source.rstrip("\r\n") == _padded(table, table.header.prefix, names)
    if style != "aligned" or not declared or not pipes:
        return _compact(row.prefix, raws, pipes)
    return _padded(table, row.prefix, raws)


def _padded(table: Table, prefix: str, raws: Sequence[str]) -> str:
    """A row padded to the widths of the delimiter row's cells."""
    aligns: list[Align] = list(table.align) + ["none"] * (len(raws) - len(table.align))
    parts = []
    for raw, delimiter, align in zip(raws, table.delimiter.cells, aligns):
        parts.append(_pad(raw, display_width(delimiter.raw), align))
    return prefix + "| " + " | ".join(parts) + " |"


def _pad(raw: str, width: int, align: Align) -> str:
    room = max(0, width - display_width(raw))
    if align == "right":
        return " " * room + raw
    if align == "center":
        return " " * (room // 2) + raw + " " * ((room + 1) // 2)
    return raw + " " * room


def _ordered_place(bound: BoundTable, ctx: Context, line: int) -> int:
    """The line the new row (now at `line`) belongs on by the table's order."""
    keyer, descending = _order(bound, ctx, line)
    if keyer is None:
        return line
    rows = [r for r in bound.table.rows if r.line != line]
    new_row = next(r for r in bound.table.rows if r.line == line)
    key = keyer(new_row)
    if key is None:
        return line
    # After the last row that sorts before or with the new one, before the first after it.
    after = None
    for row in rows:
        other = keyer(row)
        if other is None:
            continue
        if (other >= key) if descending else (other <= key):
            after = row.line
        else:
            break
    if after is None:
        first = next((r.line for r in rows if keyer(r) is not None), None)
        return line if first is None else first
    return after + 1 if after < line else after


Keyer = Callable[[Row], "tuple[int, str] | None"]


def _order(bound: BoundTable, ctx: Context, line: int) -> tuple[Keyer | None, bool]:
    schema = bound.schema
    if schema is not None and schema.sort is not None:
        column, order, by = schema.sort
        return row_keyer(bound, ctx, column, by), order == "descending"
    for column in _DATE_COLUMNS:
        keyer = row_keyer(bound, ctx, column, "year")
        if keyer is None:
            continue
        keys = [k for k in (keyer(r) for r in bound.table.rows if r.line != line) if k]
        if len(set(keys)) < 2:
            continue
        if all(a >= b for a, b in zip(keys, keys[1:])):
            return keyer, True
        if all(a <= b for a, b in zip(keys, keys[1:])):
            return keyer, False
    return None, False


def _refuse_duplicate(before: Analysis, after: Analysis, line: int) -> None:
    def shifted(n: int) -> int:
        return n - 1 if n > line else n

    old = {(p.line, p.message) for p in before.problems if p.rule == "duplicate-entry"}
    for p in after.problems:
        if p.rule != "duplicate-entry":
            continue
        if p.line == line:
            named = _NOT_FOUND.search(p.message)
            existing = shifted(int(named.group(1))) if named else None
        elif f"line {line}" in p.message and (shifted(p.line), p.message) not in old:
            existing = shifted(p.line)
        else:
            continue
        where = f"line {existing}" if existing is not None else "an existing row"
        raise AddError(f"the entry is already in the file at {where} ({p.message})")

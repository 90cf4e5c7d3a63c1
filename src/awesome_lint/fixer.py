"""Apply fixes: each table is fixed as a whole, rendered once, spliced in, then verified.

Only the lines of fixed tables change; every other byte, line endings included, stays.
Before the result is accepted it is parsed again: the same tables must come back with the
cells the fixes meant (for safe fixes: the same cell texts GitHub shows), and fixing the
result again must change nothing. Otherwise the text is left alone and FixError says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from awesome_lint.api import Analysis, Selection, analyse, fixable, tables_to_fix
from awesome_lint.binding import BoundTable
from awesome_lint.blocks import split_lines
from awesome_lint.config import Config
from awesome_lint.model import Problem, Row, Table
from awesome_lint.render import Style, render_table
from awesome_lint.rules.empty_row import is_empty


class FixError(Exception):
    """A fix that failed its own verification; the text was not changed."""


@dataclass(frozen=True)
class FixResult:
    text: str
    before: list[Problem]
    after: list[Problem]

    @property
    def changed(self) -> bool:
        return bool(self.before) and self.text is not None

    @property
    def fixed(self) -> int:
        return max(0, len(self.before) - len(self.after))


def fix_text(
    text: str,
    config: Config | None = None,
    selection: Selection | None = None,
    *,
    unsafe_fixes: bool = False,
) -> FixResult:
    analysis = analyse(text, config, selection, unsafe_fixes=unsafe_fixes)
    fixed, intended = _apply(analysis, unsafe_fixes)
    if fixed == text:
        return FixResult(text, analysis.problems, analysis.problems)
    again = analyse(fixed, config, selection, unsafe_fixes=unsafe_fixes, previous=analysis.document)
    _verify(analysis.document.tables, again.document.tables, intended, unsafe_fixes)
    second, _ = _apply(again, unsafe_fixes)
    if second != fixed:
        line = _first_difference(fixed, second)
        raise FixError(f"line {line}: fixing the result again would change it again")
    return FixResult(fixed, analysis.problems, again.problems)


def _apply(analysis: Analysis, unsafe_fixes: bool) -> tuple[str, dict[int, Table]]:
    """The fixed text, and each fixed table (by its original line) as the fixes meant it."""
    targets = tables_to_fix(analysis, unsafe_fixes)
    if not targets:
        return analysis.text, {}
    lines, endings = split_lines(analysis.text)
    style: Style = "compact" if analysis.context.config.style == "compact" else "aligned"
    intended: dict[int, Table] = {}
    # Splice from the bottom up so earlier line numbers stay valid.
    for bound in sorted(targets, key=lambda b: b.table.line, reverse=True):
        table = _fixed_table(bound, analysis, unsafe_fixes)
        intended[bound.table.line] = table
        start, end = bound.table.line - 1, bound.table.end_line
        rendered = render_table(table, style)
        old_endings = endings[start:end]
        new_endings = [old_endings[min(i, len(old_endings) - 2)] for i in range(len(rendered) - 1)]
        new_endings.append(old_endings[-1])
        lines[start:end] = rendered
        endings[start:end] = new_endings
    return "".join(line + ending for line, ending in zip(lines, endings)), intended


def _fixed_table(bound: BoundTable, analysis: Analysis, unsafe_fixes: bool) -> Table:
    """The table with each rule's fix applied, but only on rows where its problem stands.

    A rule fixes a whole table; rows whose problem of that rule was suppressed (or never
    there) keep their previous state.
    """
    table = bound.table
    lines = range(table.line, table.end_line + 1)
    for rule in analysis.rules:
        if rule.fix is None or rule.fix_safety is None:
            continue
        if rule.fix_safety == "unsafe" and not unsafe_fixes:
            continue
        wanted = {
            p.line
            for p in analysis.problems
            if p.rule == rule.id and p.line in lines and fixable(p, unsafe_fixes)
        }
        if wanted:
            table = _on_rows(table, rule.fix(bound, table, analysis.context), wanted)
    return table


def _on_rows(before: Table, after: Table, lines: set[int]) -> Table:
    """`after`, except that rows not on `lines` are as in `before`."""
    if before.line not in lines and after.header != before.header:
        after = replace(after, header=before.header)
    if set(lines) >= {row.line for row in before.rows}:
        return after
    fixed = {row.line: row for row in after.rows}
    if [row.line for row in after.rows] != [r.line for r in before.rows if r.line in fixed]:
        return after  # rows were reordered: the order is the table's, not a row's
    rows = []
    for row in before.rows:
        if row.line not in lines:
            rows.append(row)
        elif row.line in fixed:
            rows.append(fixed[row.line])
    return replace(after, rows=tuple(rows))


def _verify(
    old_tables: Sequence[Table],
    new_tables: Sequence[Table],
    intended: dict[int, Table],
    unsafe_fixes: bool,
) -> None:
    if len(new_tables) != len(old_tables):
        raise FixError(f"the fixed text has {len(new_tables)} tables instead of {len(old_tables)}")
    for old, new in zip(old_tables, new_tables):
        meant = intended.get(old.line, old)
        width = len(meant.header.cells)
        expected = [_raws(meant.header, width), *(_raws(r, width) for r in meant.rows)]
        got = [_raws(new.header, width), *(_raws(r, width) for r in new.rows)]
        if expected != got:
            raise FixError(f"table at line {old.line}: the fixed table does not read back")
        if not unsafe_fixes:
            texts = [
                _texts(old.header, width),
                *(_texts(r, width) for r in old.rows if not is_empty(r)),
            ]
            new_texts = [_texts(new.header, width), *(_texts(r, width) for r in new.rows)]
            if texts != new_texts:
                raise FixError(f"table at line {old.line}: the fix would change what GitHub shows")


def _raws(row: Row, width: int) -> list[str]:
    raws = [cell.raw for cell in row.cells]
    return raws + [""] * (width - len(raws))


def _texts(row: Row, width: int) -> list[str]:
    texts = [cell.text for cell in row.cells]
    return texts + [""] * (width - len(texts))


def _first_difference(a: str, b: str) -> int:
    for number, (x, y) in enumerate(zip(a.splitlines(), b.splitlines()), 1):
        if x != y:
            return number
    return min(len(a.splitlines()), len(b.splitlines())) + 1

"""Apply fixes: each table is fixed as a whole, rendered once, spliced in, then verified.

Only the lines of fixed tables change; every other byte, line endings included, stays.
Before the result is accepted it is parsed again: the same tables must come back with the
cells the fixes meant (for safe fixes: the same cell texts GitHub shows), and fixing the
result again must change nothing. Last, GitHub's own renderer must show the same page
(`gfm_check`, which shares nothing with our reader). Otherwise the text is left alone and
FixError says why.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import chain

from awesome_lint import gfm_check
from awesome_lint.api import Analysis, Selection, analyse, complete
from awesome_lint.collector import collector_paused
from awesome_lint.config import Config
from awesome_lint.document import Lines
from awesome_lint.model import Problem, Row, Table
from awesome_lint.render import render_table, table_pipes, table_style
from awesome_lint.tableschema import BoundTable


class FixError(Exception):
    """A fix that failed its own verification; the text was not changed."""


@dataclass(frozen=True)
class FixResult:
    original: str
    # The fixed text as lines, None when the fixes change nothing.
    rewritten: Lines | None
    before: list[Problem]
    after: list[Problem]
    # The rules whose fixes were applied.
    fixing: frozenset[str] = frozenset()

    @cached_property
    def text(self) -> str:
        """The text after the fixes (the original when they change nothing)."""
        return self.original if self.rewritten is None else self.rewritten.join()

    @property
    def fixed(self) -> int:
        """How many problems the fixes removed."""
        fixing = self.fixing
        before = sum(1 for p in self.before if p.rule in fixing)
        return max(0, before - sum(1 for p in self.after if p.rule in fixing))


def fix_text(
    text: str,
    config: Config | None = None,
    selection: Selection | None = None,
    *,
    unsafe_fixes: bool = False,
    complete_before: bool = True,
) -> FixResult:
    """Fix `text`. With `complete_before` false, `before` holds only the problems of the
    rules that fix (all that fixing needs): the other rules then read the text once, fixed,
    for `after`."""
    with collector_paused():
        return _fix_text(text, config, selection, unsafe_fixes, complete_before)


def _fix_text(
    text: str,
    config: Config | None,
    selection: Selection | None,
    unsafe_fixes: bool,
    complete_before: bool,
) -> FixResult:
    analysis = analyse(text, config, selection, unsafe_fixes=unsafe_fixes, fixing=True)
    fixing = frozenset(rule.id for rule in analysis.rules)
    fixed, intended = _apply(analysis, unsafe_fixes)
    if fixed is None:
        whole = complete(analysis, selection).problems
        return FixResult(text, None, whole, whole, fixing)
    # Keep what the rest needs and let the first reading go before the second: the problems
    # found, what each table must read as, and the cells and results the analysis of the
    # fixed text can reuse. The fixed text stays in lines, as rendered, until it passed:
    # aligned, a large list's fixed text is twice its size, and one string of it would be
    # four bytes a character as soon as one emoji is in it.
    before = complete(analysis, selection).problems if complete_before else analysis.problems
    # GitHub's view of both texts, meanwhile.
    rendering = gfm_check.start(
        (analysis.document.lines, analysis.document.endings),
        (fixed.lines, fixed.endings),
        unsafe_fixes,
    )
    try:
        expected = _expectations(analysis.document.tables, intended, unsafe_fixes)
        reusable = analysis.reusable()
        del analysis, intended
        again = analyse(fixed, config, selection, unsafe_fixes=unsafe_fixes, previous=reusable)
        del reusable
        _verify(expected, again.document.tables)
        second, _ = _apply(again, unsafe_fixes)
        if second is not None and second != fixed:
            line = _first_difference(fixed.lines, second.lines)
            raise FixError(f"line {line}: fixing the result again would change it again")
        after = again.problems
        del again
        difference = rendering.difference(unsafe_fixes) if rendering is not None else None
    finally:
        if rendering is not None:
            rendering.close()
    if difference is not None:
        raise FixError(f"GitHub's renderer would show the fixed text differently ({difference})")
    return FixResult(text, fixed, before, after, fixing)


def fixable(problem: Problem, unsafe_fixes: bool) -> bool:
    return problem.fix == "safe" or (problem.fix == "unsafe" and unsafe_fixes)


def tables_to_fix(analysis: Analysis, unsafe_fixes: bool) -> list[BoundTable]:
    """The tables holding at least one problem that the requested fixes address."""
    lines = sorted({p.line for p in analysis.problems if fixable(p, unsafe_fixes)})
    targets = []
    for bound in analysis.tables:
        # The first such line at or after the table's first line: is it within the table?
        at = bisect_left(lines, bound.table.line)
        if at < len(lines) and lines[at] <= bound.table.end_line:
            targets.append(bound)
    return targets


def _apply(analysis: Analysis, unsafe_fixes: bool) -> tuple[Lines | None, dict[int, Table]]:
    """The fixed text (None when nothing changes), and each fixed table (by its original
    line) as the fixes meant it."""
    targets = tables_to_fix(analysis, unsafe_fixes)
    if not targets:
        return None, {}
    lines, endings = analysis.document.lines, analysis.document.endings
    intended: dict[int, Table] = {}
    wanted = _fixable_lines(analysis, targets, unsafe_fixes)
    new_lines: list[str] = []
    new_endings: list[str] = []
    done = 0
    for bound in sorted(targets, key=lambda b: b.table.line):
        table = _fixed_table(bound, analysis, wanted.get(bound.table.line, {}), unsafe_fixes)
        intended[bound.table.line] = table
        first, last = bound.table.line - 1, bound.table.end_line  # 0-based, last excluded
        setting = analysis.context.config.style
        style = table_style(bound.table, setting)
        # Other fixes may change a row's cells: the fixed rows must do without pipes too.
        pipes = table_pipes(bound.table, style, setting) or table_pipes(table, style, setting)
        rendered = render_table(table, style, pipes)
        new_lines += lines[done:first]
        new_endings += endings[done:first]
        new_lines += rendered
        # A table's line endings stay as they were, the last one included.
        new_endings += [endings[min(first + i, last - 2)] for i in range(len(rendered) - 1)]
        new_endings.append(endings[last - 1])
        done = last
    new_lines += lines[done:]
    new_endings += endings[done:]
    if len(new_lines) == len(lines) and new_lines == list(lines) and new_endings == list(endings):
        return None, intended
    return Lines(new_lines, new_endings), intended


def _fixable_lines(
    analysis: Analysis, targets: Sequence[BoundTable], unsafe_fixes: bool
) -> dict[int, dict[str, set[int]]]:
    """For each table (by its first line), the lines of its fixable problems by rule."""
    starts = sorted(bound.table.line for bound in targets)
    ends = {bound.table.line: bound.table.end_line for bound in targets}
    wanted: dict[int, dict[str, set[int]]] = {}
    for p in analysis.problems:
        if not fixable(p, unsafe_fixes):
            continue
        at = bisect_right(starts, p.line) - 1
        if at >= 0 and p.line <= ends[starts[at]]:
            wanted.setdefault(starts[at], {}).setdefault(p.rule, set()).add(p.line)
    return wanted


def _fixed_table(
    bound: BoundTable, analysis: Analysis, wanted: dict[str, set[int]], unsafe_fixes: bool
) -> Table:
    """The table with each rule's fix applied, but only on rows where its problem stands.

    A rule fixes a whole table; rows whose problem of that rule was suppressed (or never
    there) keep their previous state. `wanted` holds the lines of the table's fixable
    problems by rule.
    """
    table = bound.table
    for rule in analysis.rules:
        if rule.fix is None or rule.fix_safety is None:
            continue
        if rule.fix_safety == "unsafe" and not unsafe_fixes:
            continue
        lines = wanted.get(rule.id)
        if lines:
            table = _on_rows(table, rule.fix(bound, table, analysis.context), lines)
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


@dataclass(frozen=True)
class _Expected:
    """What a table of the fixed text must read as."""

    line: int  # of the table in the original text
    width: int
    # The header's and each row's cells as written, and for safe fixes the texts GitHub
    # shows, which must stay: each row as its length then its cells, in one tuple a table.
    raws: tuple[int | str, ...]
    texts: tuple[int | str, ...] | None


def _expectations(
    old_tables: Sequence[Table], intended: dict[int, Table], unsafe_fixes: bool
) -> list[_Expected]:
    expected = []
    for old in old_tables:
        meant = intended.get(old.line, old)
        width = len(meant.header.cells)
        raws = _flat(_raws(row, width) for row in (meant.header, *meant.rows))
        texts = None
        if not unsafe_fixes:
            # An empty row may go only where a fix meant it to (empty-row may be off).
            kept = {row.line for row in meant.rows}
            rows = (row for row in old.rows if row.line in kept or not row.is_empty)
            texts = _flat(_texts(row, width) for row in (old.header, *rows))
        expected.append(_Expected(old.line, width, raws, texts))
    return expected


def _verify(expected: Sequence[_Expected], new_tables: Sequence[Table]) -> None:
    if len(new_tables) != len(expected):
        raise FixError(f"the fixed text has {len(new_tables)} tables instead of {len(expected)}")
    for table, new in zip(expected, new_tables):
        width, rows = table.width, (new.header, *new.rows)
        if table.raws != _flat(_raws(row, width) for row in rows):
            raise FixError(f"table at line {table.line}: the fixed table does not read back")
        if table.texts is not None and table.texts != _flat(_texts(row, width) for row in rows):
            raise FixError(f"table at line {table.line}: the fix would change what GitHub shows")


def _flat(rows: Iterable[list[str]]) -> tuple[int | str, ...]:
    return tuple(chain.from_iterable((len(row), *row) for row in rows))


def _raws(row: Row, width: int) -> list[str]:
    raws = [cell.raw for cell in row.cells]
    return raws + [""] * (width - len(raws))


def _texts(row: Row, width: int) -> list[str]:
    # GitHub shows the first `width` cells; a hidden cell must stay unless it is empty.
    texts = [cell.text for cell in row.cells[:width]]
    hidden = [cell.raw for cell in row.cells[width:] if cell.raw]
    return texts + [""] * (width - len(texts)) + hidden


def _first_difference(a: Sequence[str], b: Sequence[str]) -> int:
    for number, (x, y) in enumerate(zip(a, b), 1):
        if x != y:
            return number
    return min(len(a), len(b)) + 1


def fix_rows(
    analysis: Analysis,
    bound: BoundTable,
    lines: set[int],
    unsafe_fixes: bool,
    skip: frozenset[str] = frozenset(),
) -> Table:
    """`bound`'s table with the fixes of the problems on `lines` applied to those rows only
    (the rules in `skip` left out), as `fix_text` would fix them; not rendered."""
    wanted: dict[str, set[int]] = {}
    for p in analysis.problems:
        if p.line in lines and p.rule not in skip and fixable(p, unsafe_fixes):
            wanted.setdefault(p.rule, set()).add(p.line)
    return _fixed_table(bound, analysis, wanted, unsafe_fixes)

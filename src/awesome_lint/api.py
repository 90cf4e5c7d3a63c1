"""The pure core: text in, problems or fixed text out. No files, no printing, no click."""

from __future__ import annotations

import gc
from bisect import bisect_left
from collections.abc import Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, NamedTuple

from awesome_lint.binding import BoundTable, bind
from awesome_lint.config import Config, default_config
from awesome_lint.markdown.tables import Lines, ParsedDocument, parse
from awesome_lint.model import Cell, Problem, Severity
from awesome_lint.rules import BY_ID, RULES, Rule
from awesome_lint.rules.base import Context


class Selection(NamedTuple):
    """Which rules run: --select / --ignore on top of the config's severities."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    def active(self, config: Config) -> list[Rule]:
        out = []
        for rule in RULES:
            if self.select and rule.id not in self.select:
                continue
            if rule.id in self.ignore:
                continue
            if config.setting(rule.id, rule.severity).severity == "off":
                continue
            out.append(rule)
        return out


class Analysis(NamedTuple):
    """A parsed document with its bound tables and the problems found in it."""

    document: ParsedDocument
    context: Context
    rules: list[Rule]
    problems: list[Problem]

    @property
    def tables(self) -> tuple[BoundTable, ...]:
        return self.context.tables

    def reusable(self) -> Reusable:
        return Reusable(self.document.cells, self.context.cache)


class Reusable(NamedTuple):
    """What the analysis of a text lends to that of a fixed version of the text (with the
    same config, selection and `unsafe_fixes`): its cells by their Markdown, and the rules'
    cached results, so that only what changed is read and computed again."""

    cells: dict[str, Cell]
    cache: dict[Hashable, dict[Any, Any]]


def analyse(
    text: str | Lines,
    config: Config | None = None,
    selection: Selection | None = None,
    *,
    unsafe_fixes: bool = False,
    previous: Reusable | None = None,
) -> Analysis:
    """Parse and lint `text` (without its BOM); `previous` is what an analysis of an earlier
    version lends."""
    config = config or default_config()
    selection = selection or Selection()
    with collector_paused():
        document = parse(text, previous.cells if previous is not None else None)
        bound = tuple(bind(table, config.tables) for table in document.tables)
        rules = selection.active(config)
        context = Context(
            config,
            bound,
            {rule.id: _options(rule, config) for rule in rules},
            unsafe_fixes=unsafe_fixes,
            active=frozenset(rule.id for rule in rules),
            cache=previous.cache if previous is not None else {},
        )
        problems: list[Problem] = []
        severities = {rule.id: _severity(config, rule.id, rule.severity) for rule in rules}
        # Table by table, so that what the rules share about a table (its links, its venues)
        # lives only while its table is checked.
        for table in bound:
            for rule in rules:
                if rule.check is not None:
                    found = rule.check(table, context)
                    if not table.table.renderable:
                        found = (replace(p, fix=None) if p.fix else p for p in found)
                    problems.extend(_with_severity(found, severities[rule.id]))
            context.forget(table)
        for rule in rules:
            if rule.check is None and rule.check_document is not None:
                found = rule.check_document(context)
                problems.extend(_with_severity(found, severities[rule.id]))
        problems = _suppressed(problems, document, rules, config)
        problems.sort(key=_order)
    return Analysis(document, context, rules, problems)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of the block.

    An analysis allocates a few objects per cell (cells, links, problems, cache entries),
    none of them in reference cycles and nearly all of them alive until it ends; every
    collection the allocations trigger walks all of them again for nothing. On 10,000 rows
    that was a quarter of the run. Reference counting still frees what is dropped.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _with_severity(found: Iterable[Problem], severity: Severity) -> Iterator[Problem]:
    for p in found:
        yield p if p.severity == severity else replace(p, severity=severity)


def _severity(config: Config, rule: str, default: Severity) -> Severity:
    # Rules set to "off" never run, so only the two severities reach a problem.
    return "warning" if config.setting(rule, default).severity == "warning" else "error"


def _order(p: Problem) -> tuple[int, int, str, str]:
    return (p.line, p.column, p.rule, p.message)


def lint_text(
    text: str, config: Config | None = None, selection: Selection | None = None
) -> list[Problem]:
    """Every problem in the tables of `text` (a document without its BOM)."""
    return analyse(text, config, selection).problems


def _options(rule: Rule, config: Config) -> dict[str, Any]:
    options = {name: spec.get("default") for name, spec in rule.options.items()}
    options.update(config.setting(rule.id, rule.severity).options)
    return options


def _suppressed(
    problems: list[Problem], document: ParsedDocument, rules: list[Rule], config: Config
) -> list[Problem]:
    if "awesome-lint-" not in "".join(document.lines[i] for i in _comment_candidates(document)):
        return problems
    from awesome_lint.suppress import apply as apply_suppressions  # only lists with comments

    row_lines = sorted(
        row.line
        for table in document.tables
        for row in (table.header, table.delimiter, *table.rows)
    )
    unused = BY_ID.get("unused-disable")
    report = unused is not None and unused in rules
    kept = apply_suppressions(
        problems,
        document.lines,
        row_lines,
        document.code_lines,
        BY_ID.keys(),
        {rule.id for rule in rules},
        report,
    )
    if report:
        severity = _severity(config, "unused-disable", "warning")
        kept = [replace(p, severity=severity) if p.rule == "unused-disable" else p for p in kept]
    return kept


def _comment_candidates(document: ParsedDocument) -> Iterable[int]:
    return (i for i, line in enumerate(document.lines) if "<!--" in line)


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

"""The pure core: text in, problems or fixed text out. No files, no printing, no click."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from dataclasses import replace
from typing import Any, NamedTuple

from awesome_lint.collector import collector_paused
from awesome_lint.config import Config, default_config
from awesome_lint.document import Lines
from awesome_lint.markdown.tables import ParsedDocument, parse
from awesome_lint.model import Cell, Problem, Severity
from awesome_lint.rules import ALIASES, BY_ID, RULES, Rule
from awesome_lint.rules.base import Context
from awesome_lint.tableschema import BoundTable, bind


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
            if config.setting(rule.id, rule.severity, rule.aliases).severity == "off":
                continue
            out.append(rule)
        return out


class Analysis(NamedTuple):
    """A parsed document with its bound tables and the problems found in it."""

    document: ParsedDocument
    context: Context
    rules: list[Rule]
    problems: list[Problem]
    # The rules' problems before the disable comments were applied (see `complete`).
    found: list[Problem]

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
    fixing: bool = False,
) -> Analysis:
    """Parse and lint `text` (without its BOM); `previous` is what an analysis of an earlier
    version lends. With `fixing`, only the rules whose fixes `unsafe_fixes` allows run: all
    that a fix needs to know (`complete` runs the others)."""
    config = config or default_config()
    selection = selection or Selection()
    with collector_paused():
        document = parse(text, previous.cells if previous is not None else None)
        bound = tuple(bind(table, config.tables) for table in document.tables)
        active = selection.active(config)
        context = Context(
            config,
            bound,
            {rule.id: _options(rule, config) for rule in active},
            unsafe_fixes=unsafe_fixes,
            active=frozenset(rule.id for rule in active),
            cache=previous.cache if previous is not None else {},
        )
        rules = [rule for rule in active if _fixes(rule, unsafe_fixes)] if fixing else active
        found = _found(context, rules, config)
        problems = _suppressed(found, document, rules, config)
        problems.sort(key=_order)
    return Analysis(document, context, rules, problems, found)


def complete(analysis: Analysis, selection: Selection | None = None) -> Analysis:
    """`analysis` (made with `fixing`) with the problems of the other active rules added."""
    context = analysis.context
    config = context.config
    done = {rule.id for rule in analysis.rules}
    active = (selection or Selection()).active(config)
    others = [rule for rule in active if rule.id not in done]
    if not others:
        return analysis
    with collector_paused():
        found = analysis.found + _found(context, others, config)
        problems = _suppressed(found, analysis.document, active, config)
        problems.sort(key=_order)
    return Analysis(analysis.document, context, active, problems, found)


def _fixes(rule: Rule, unsafe_fixes: bool) -> bool:
    return rule.fix_safety == "safe" or (rule.fix_safety == "unsafe" and unsafe_fixes)


def _found(context: Context, rules: list[Rule], config: Config) -> list[Problem]:
    problems: list[Problem] = []
    severities = {rule.id: _severity(config, rule) for rule in rules}
    # Table by table, so that what the rules share about a table (its links, its venues)
    # lives only while its table is checked.
    for table in context.tables:
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
    return problems


def _with_severity(found: Iterable[Problem], severity: Severity) -> Iterator[Problem]:
    # A rule may lower one problem to a warning (an option of the rule says so).
    for p in found:
        yield p if p.severity in (severity, "warning") else replace(p, severity=severity)


def _severity(config: Config, rule: Rule) -> Severity:
    # Rules set to "off" never run, so only the two severities reach a problem.
    setting = config.setting(rule.id, rule.severity, rule.aliases)
    return "warning" if setting.severity == "warning" else "error"


def _order(p: Problem) -> tuple[int, int, str, str]:
    return (p.line, p.column, p.rule, p.message)


def lint_text(
    text: str, config: Config | None = None, selection: Selection | None = None
) -> list[Problem]:
    """Every problem in the tables of `text` (a document without its BOM)."""
    return analyse(text, config, selection).problems


def _options(rule: Rule, config: Config) -> dict[str, Any]:
    options = {name: spec.get("default") for name, spec in rule.options.items()}
    options.update(config.setting(rule.id, rule.severity, rule.aliases).options)
    return options


def _suppressed(
    problems: list[Problem], document: ParsedDocument, rules: list[Rule], config: Config
) -> list[Problem]:
    if "awesome-lint-" not in "".join(document.lines[i] for i in _comment_candidates(document)):
        return problems
    from awesome_lint.suppress import apply as apply_suppressions  # only lists with comments

    unused = BY_ID.get("unused-disable")
    severity = _severity(config, unused) if unused is not None and unused in rules else None
    active = {rule.id for rule in rules}
    return apply_suppressions(problems, document, BY_ID.keys(), ALIASES, active, severity)


def _comment_candidates(document: ParsedDocument) -> Iterable[int]:
    return (i for i, line in enumerate(document.lines) if "<!--" in line)

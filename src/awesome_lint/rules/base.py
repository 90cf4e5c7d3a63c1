"""What every rule gets: the bound tables, the config, and helpers to place problems."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from awesome_lint.config import Config
from awesome_lint.model import Cell, FixSafety, Problem, Row
from awesome_lint.tableschema import BoundTable

if TYPE_CHECKING:
    from awesome_lint.urls import HostPatterns
    from awesome_lint.venues import Vocabulary


V = TypeVar("V")


@dataclass
class Context:
    config: Config
    tables: tuple[BoundTable, ...]
    # Options of each rule, defaults merged with the config: filled in by the runner.
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    unsafe_fixes: bool = False
    # The ids of the rules that run (None: all), for work shared between rules.
    active: frozenset[str] | None = None
    # What the rules compute from a cell's Markdown or a URL: a memo per name (a string, or
    # a tuple with the column spec it depends on), by value (see `cached`). Only values that
    # depend on nothing but the key, the config and the rule options go here: the runner
    # lends the cache to the analysis of the fixed text.
    cache: dict[Hashable, dict[Any, Any]] = field(default_factory=dict)
    # State built once per table and shared by rules (see `per_table`), by the table's id;
    # never lent.
    table_state: dict[int, tuple[BoundTable, dict[str, Any]]] = field(default_factory=dict)
    # What rules learn from the whole document (its conventions, see `per_document`); never lent.
    document_state: dict[str, Any] = field(default_factory=dict)

    def options(self, rule: str) -> Mapping[str, Any]:
        return self.rule_options.get(rule, {})

    def runs(self, rule: str) -> bool:
        return self.active is None or rule in self.active

    def memo(self, name: Hashable) -> dict[Any, Any]:
        """The memo called `name`, for values computed by hand (see `cache`)."""
        return self.cache.setdefault(name, {})

    def cached(self, name: Hashable, function: Callable[[str], V]) -> Callable[[str], V]:
        """`function`, a pure function of a text or URL, computed once per value per run."""
        memo = self.cache.get(name)
        if not isinstance(memo, _Memo):
            memo = self.cache[name] = _Memo(function, memo or {})
        # A known value is then found without a call of Python code: millions on a large list.
        return memo.__getitem__

    def per_table(self, name: str, bound: BoundTable, build: Callable[[BoundTable], V]) -> V:
        """`build(bound)`, computed once per table and name (until `forget`)."""
        found = self.table_state.get(id(bound))
        if found is None or found[0] is not bound:
            found = self.table_state[id(bound)] = (bound, {})
        state = found[1]
        if name not in state:
            state[name] = build(bound)
        value: V = state[name]
        return value

    def per_document(self, name: str, build: Callable[[], V]) -> V:
        """`build()`, computed once per run: a convention the document follows."""
        if name not in self.document_state:
            self.document_state[name] = build()
        value: V = self.document_state[name]
        return value

    def forget(self, bound: BoundTable) -> None:
        """Drop what `per_table` kept for `bound`: a fix that needs it builds it again."""
        self.table_state.pop(id(bound), None)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        from awesome_lint.venues import DEFAULT_VOCABULARY, Venue

        config = self.config
        if not config.known_venues and not config.venue_aliases:
            return DEFAULT_VOCABULARY
        extra = [
            Venue(v["name"], v.get("kind", "conference"), tuple(v.get("aliases", ())))
            for v in config.known_venues
        ]
        return DEFAULT_VOCABULARY.extend(extra, config.venue_aliases)

    @cached_property
    def https_hosts(self) -> HostPatterns:
        from awesome_lint.urls import HTTPS_HOSTS, HostPatterns

        return HostPatterns((*HTTPS_HOSTS, *self.config.https_hosts))

    def host_patterns(self, hosts: tuple[str, ...]) -> HostPatterns:
        from awesome_lint.urls import REPOSITORY_HOSTS, HostPatterns

        expanded: list[str] = []
        for host in hosts:
            if host == "@repository":
                expanded += [*REPOSITORY_HOSTS, *self.config.repository_hosts]
            else:
                expanded.append(host)
        return HostPatterns(expanded)


class _Memo(dict[str, Any]):
    """Values of a function by argument, computed when first asked for."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[str], Any], known: dict[str, Any]) -> None:
        super().__init__(known)
        self.function = function

    def __missing__(self, key: str) -> Any:
        value = self[key] = self.function(key)
        return value


def at_cell(
    rule: str,
    cell: Cell,
    message: str,
    *,
    fix: FixSafety | None = None,
    suggestion: str | None = None,
) -> Problem:
    return on_line(rule, cell.line, cell.column, cell.end_column, message, fix, suggestion)


def at_row(
    rule: str,
    row: Row,
    message: str,
    *,
    fix: FixSafety | None = None,
    suggestion: str | None = None,
) -> Problem:
    start = len(row.prefix) + 1
    end = len(row.source.rstrip()) + 1
    return on_line(rule, row.line, start, end, message, fix, suggestion)


def on_line(
    rule: str,
    line: int,
    start: int,
    end: int,
    message: str,
    fix: FixSafety | None,
    suggestion: str | None,
) -> Problem:
    # An empty cell or row still gets one column to point at.
    return Problem(
        line, start, line, max(end, start + 1), rule, message, fix=fix, suggestion=suggestion
    )


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"

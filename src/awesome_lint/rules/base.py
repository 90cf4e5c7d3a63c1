"""What every rule gets: the bound tables, the config, and helpers to place problems."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from awesome_lint.binding import BoundTable
from awesome_lint.config import Config
from awesome_lint.model import Cell, FixSafety, Problem, Row

if TYPE_CHECKING:
    from awesome_lint.urls import HostPatterns
    from awesome_lint.venues import Vocabulary


@dataclass
class Context:
    config: Config
    tables: tuple[BoundTable, ...]
    # Options of each rule, defaults merged with the config: filled in by the runner.
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    unsafe_fixes: bool = False

    def options(self, rule: str) -> Mapping[str, Any]:
        return self.rule_options.get(rule, {})

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


def at_cell(
    rule: str,
    cell: Cell,
    message: str,
    *,
    fix: FixSafety | None = None,
    suggestion: str | None = None,
) -> Problem:
    return Problem(
        cell.line,
        cell.column,
        cell.line,
        max(cell.end_column, cell.column + 1),
        rule,
        message,
        fix=fix,
        suggestion=suggestion,
    )


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
    return Problem(
        row.line,
        start,
        row.line,
        max(end, start + 1),
        rule,
        message,
        fix=fix,
        suggestion=suggestion,
    )


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"

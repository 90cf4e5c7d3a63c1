"""Inline disable comments, and the problems they leave standing.

```markdown
<!-- awesome-lint-disable venue-format -->      ... until the matching enable
<!-- awesome-lint-enable venue-format -->
<!-- awesome-lint-disable-next-line link-host -->  the next table row (written above a
                                                   table: its header row)
| a | b <!-- awesome-lint-disable-line empty-cell --> |   this row
<!-- awesome-lint-disable-file -->                  the whole file
```
Without rule ids a comment covers every rule. A comment that suppresses nothing is itself
reported (`unused-disable`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from awesome_lint.markdown.tables import ParsedDocument
from awesome_lint.model import Problem, Severity

_COMMENT = re.compile(
    r"<!--\s*awesome-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b"
    r"([^<>]*?)-->"
)
_RULE_ID = re.compile(r"[a-z][a-z0-9-]*")


@dataclass
class _Directive:
    kind: str
    rules: frozenset[str]  # empty: every rule
    line: int
    column: int
    end_column: int
    first: int = 0  # lines covered
    last: int = 0
    used: bool = False
    unknown: list[str] = field(default_factory=list)

    def covers(self, problem: Problem) -> bool:
        return self.first <= problem.line <= self.last and (
            not self.rules or problem.rule in self.rules
        )


def directives(
    lines: Sequence[str],
    row_lines: Sequence[int],
    code_lines: Collection[int],
    known: Collection[str],
    aliases: Mapping[str, str] | None = None,
) -> list[_Directive]:
    found: list[_Directive] = []
    for number, line in enumerate(lines, 1):
        if "awesome-lint-" not in line or number in code_lines:
            continue
        for m in _COMMENT.finditer(line):
            words = m.group(2).replace(",", " ").split()
            if aliases:
                words = [aliases.get(w, w) for w in words]
            rules = frozenset(w for w in words if w in known)
            unknown = [w for w in words if w not in known]
            found.append(
                _Directive(m.group(1), rules, number, m.start() + 1, m.end() + 1, unknown=unknown)
            )
    end = len(lines)
    open_ranges: list[_Directive] = []
    for d in found:
        if d.kind == "disable-file":
            d.first, d.last = 1, end
        elif d.kind == "disable-line":
            d.first = d.last = d.line
        elif d.kind == "disable-next-line":
            i = bisect.bisect_right(row_lines, d.line)
            d.first = d.last = row_lines[i] if i < len(row_lines) else d.line + 1
        elif d.kind == "disable":
            d.first, d.last = d.line, end
            open_ranges.append(d)
        else:  # enable: closes the ranges it names
            for r in open_ranges:
                if r.last == end and (not d.rules or not r.rules or r.rules & d.rules):
                    r.last = d.line
            d.used = True
    return found


def apply(
    problems: Sequence[Problem],
    document: ParsedDocument,
    known: Collection[str],
    aliases: Mapping[str, str],
    active: Collection[str],
    unused_severity: Severity | None,
) -> list[Problem]:
    """The problems no comment suppresses, plus `unused-disable` problems of that severity for
    idle comments (None: the rule does not run). `known` are the rule ids, `active` those that
    ran; rule ids in comments may be former ids (`aliases`: former id -> id)."""
    row_lines = sorted(
        row.line
        for table in document.tables
        for row in (table.header, table.delimiter, *table.rows)
    )
    found = directives(document.lines, row_lines, document.code_lines, known, aliases)
    if not found:
        return list(problems)
    kept = []
    for problem in problems:
        covering = [d for d in found if d.kind != "enable" and d.covers(problem)]
        for d in covering:
            d.used = True
        if not covering:
            kept.append(problem)
    if unused_severity is not None:
        for d in found:
            if d.unknown:
                what = f"unknown rule {', '.join(map(repr, d.unknown))}"
                kept.append(_unused(d, what, unused_severity))
            elif not d.used and (not d.rules or d.rules & set(active)):
                kept.append(_unused(d, "this comment suppresses nothing", unused_severity))
    return kept


def _unused(d: _Directive, message: str, severity: Severity) -> Problem:
    return Problem(
        d.line,
        d.column,
        d.line,
        d.end_column,
        "unused-disable",
        f"awesome-lint-{d.kind}: {message}",
        severity=severity,
        suggestion="Remove the comment",
    )

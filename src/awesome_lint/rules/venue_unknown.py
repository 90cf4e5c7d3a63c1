"""A venue that is not in the vocabulary, often a typo of one that is.

## What it does
Finds venue names with a year (`WACW, 2023`, `ICRL'24`) that are neither in the built-in
vocabulary nor in the config's `venues` section, and suggests the closest known venue. In
a Venue column every such name is reported; in a Paper column, whose link texts are mostly
not venues, only an acronym close to a known venue is (`[ICRL'24](...)`, not
`[GPT-3 (2020)](...)`).
Names without a year, placeholders and free text are not read as venues at all.

## Why
A misspelt venue is easy to miss by eye, and splits the list as an alias does. A real venue
the vocabulary lacks is worth adding to the config, so that `venue-alias` and
`venue-format` know it too.

## Example
```markdown
| Title  | Venue      |
| ------ | ---------- |
| VIDM   | AAAI, 2023 |
| LDM3D  | WACW, 2023 |
```
`WACW` is not a known venue; did you mean `WACV`?

## Fix
None: only a person knows whether the name is a typo or a venue to add to the config
(`"venues": {"known": [{"name": "ICPADS"}]}`).
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.model import FixSafety, Problem, Severity
from awesome_lint.rules._venues import table_venues
from awesome_lint.rules.base import Context, at_cell
from awesome_lint.tableschema import BoundTable

ID = "venue-unknown"
FIX: FixSafety | None = None
SEVERITY: Severity = "warning"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    venues = table_venues(bound, ctx)
    for found in venues.found:
        name = found.mention.name
        if found.mention.canonical is not None:
            continue
        near = venues.vocabulary.suggest(name)
        if near is None:
            message = f"venue `{name}` is not a known venue"
            suggestion = f"Check the name, or add `{name}` to `venues.known` in the config"
        else:
            message = f"venue `{name}` is not a known venue; did you mean `{near}`?"
            suggestion = f"Write `{near}`, or add `{name}` to `venues.known` in the config"
        yield at_cell(ID, found.cell, message, suggestion=suggestion)

"""A known venue written with another of its names or a variant spelling.

## What it does
Finds venues written with an alias (`NIPS` for `NeurIPS`, `PAMI` for `TPAMI`, `CoRR` for
`arXiv`) or with the canonical name spelled differently (`Neurips`, `Arxiv`, `T-PAMI`),
in Venue columns and in Paper columns whose link text is a venue with a year. The names
come from the built-in vocabulary and the `venues` section of the config.

## Why
One venue under several names splits the list: a reader searching for `NeurIPS` misses the
`NIPS` rows, and sorting or counting by venue goes wrong.

## Example
```markdown
| Title        | Venue      |
| ------------ | ---------- |
| Faster R-CNN | NIPS'15    |
| R-FCN        | Neurips'16 |
| FPN          | CVPR'17    |
```
`NIPS'15` should read `NeurIPS'15`, and `Neurips'16` `NeurIPS'16`.

## Fix
Unsafe: `--fix --unsafe-fixes` replaces the name with the canonical one and keeps the rest
as written (`venue-format` fixes the year). It rewrites only text a reader sees, and leaves
a cell alone when markup splits the venue.

## Options
To keep a name, make it a venue of its own in the config:
`"venues": {"known": [{"name": "Nat Med", "kind": "journal"}]}`; to add an alias:
`"venues": {"aliases": {"NeurIPS-W": "NeurIPS"}}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_lint.model import FixSafety, Problem, Table
from awesome_lint.rules._venues import TableVenues, fix_table, planned
from awesome_lint.rules.base import Context, at_cell
from awesome_lint.tableschema import BoundTable

if TYPE_CHECKING:
    from awesome_lint.venues import Mention

ID = "venue-alias"
FIX: FixSafety | None = "unsafe"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    for found, new, fixable in planned(bound, ctx, _plan):
        mention = found.mention
        kind = "a variant spelling" if mention.is_variant else "an alias"
        yield at_cell(
            ID,
            found.cell,
            f"venue `{mention.name}` is {kind} of `{mention.canonical}`; write `{new}`",
            fix="unsafe" if fixable else None,
            suggestion=f"Replace `{mention.name}` with `{mention.canonical}`",
        )


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    return fix_table(bound, table, ctx, _plan)


def _plan(mention: Mention, venues: TableVenues) -> str | None:
    if mention.canonical is None or not mention.is_alias:
        return None
    text = mention.text
    if text.count(mention.name) != 1:
        # The name was read with spaces collapsed and quotes straightened.
        text = " ".join(text.split())
        if text.count(mention.name) != 1:
            return None
    new = text.replace(mention.name, mention.canonical)
    again = venues.vocabulary.parse(new)
    if again is None or again.is_alias or _parts(again) != _parts(mention):
        return None
    return new


def _parts(mention: Mention) -> tuple[object, ...]:
    return mention.canonical, mention.year, mention.style, mention.qualifier, mention.extra

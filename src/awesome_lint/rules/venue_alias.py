"""A known venue written with another of its names or a variant spelling.

## What it does
Finds venues written with another name (`NIPS` for `NeurIPS`, `PAMI` for `TPAMI`, `CoRR`
for `arXiv`) or with a name spelled differently (`Neurips`, `Arxiv`, `T-PAMI`), in Venue
columns and in Paper columns whose link text is a venue with a year. The names come from
the built-in vocabulary and the `venues` section of the config.

One policy holds for the whole vocabulary. A venue's canonical name is the short name it
goes by: its acronym when it has one in use (`CVPR`, `TPAMI`, `MedIA`), else its title
(`Nature Medicine`). Its *own forms* are accepted as written, never rewritten: its full
title (`Medical Image Analysis`), its standard abbreviations (`Nat Med`, `Nat. Med.`,
`IEEE Trans. Med. Imaging`) and its official joint names (`LREC-COLING`, `EMNLP-IJCNLP`,
`IJCAI-ECAI`). So a list may write every venue in full, abbreviated or by acronym, and
siblings follow (`Nat Med` and `Nat BME` alike). Only other names are reported: a former
name (`NIPS`), an informal acronym (`PAMI`, `MIA`, `MM`) or a variant spelling. Tracks and
qualifiers are kept (`Findings`, `Workshop`, `Tiny Papers`, `Datasets and Benchmarks`).

When the year is not written in the table's style either, the one replacement names both:
in a table that writes `VENUE YYYY`, `MM, 2023` should read `ACM MM 2023` (and
`venue-format` leaves that cell to this rule).

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

from awesome_lint.model import FixSafety, Problem, Table
from awesome_lint.rules._venues import alias_plan, fix_table, planned
from awesome_lint.rules.base import Context, at_cell
from awesome_lint.tableschema import BoundTable

ID = "venue-alias"
FIX: FixSafety | None = "unsafe"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    for found, new, fixable in planned(bound, ctx, alias_plan):
        mention = found.mention
        kind = "a variant spelling" if mention.is_variant else "an alias"
        yield at_cell(
            ID,
            found.cell,
            f"venue `{mention.name}` is {kind} of `{mention.canonical}`; write `{new}`",
            fix="unsafe" if fixable else None,
            suggestion=f"Replace `{mention.text}` with `{new}`",
        )


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    return fix_table(bound, table, ctx, alias_plan)

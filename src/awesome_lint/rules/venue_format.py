"""A venue whose year is not written like the rest of the table.

## What it does
Checks every venue with a year in a table (a Venue column, or a Paper column whose link
text is a venue such as `[ICCV'23](...)`) against one style: the one set in the config
(`"venues": {"style": "VENUE YYYY"}`), or else the style most venues of the table already
use. It also finds a year written in a form no style covers (`ICCV' 23`, `CVPR,2018`) and
text after the year that is not a qualifier such as `Oral` or `Workshop` (`ICLR'24
OpenReview`). Venues without a year are not checked.

## Why
A column that writes `ICCV'23`, `arXiv(2023)` and `CVPR 2023` reads as three conventions.
One style is easier to scan, to sort and to search.

## Example
```markdown
| Title   | Venue              |
| ------- | ------------------ |
| MedKLIP | ICCV'23            |
| MRM     | ICCV'23            |
| SAMv2   | arXiv(2023)        |
| UniMedI | ICLR'24 OpenReview |
```
The table writes `VENUE'YY`: `arXiv(2023)` should read `arXiv'23`, and `ICLR'24 OpenReview`
`ICLR'24`.

## Fix
Unsafe: `--fix --unsafe-fixes` rewrites the venue in the style, keeping the name as written
(`venue-alias` renames) and the qualifier, and dropping the extra text. It rewrites only
text a reader sees (a link's text, never its destination), and leaves a cell alone when
markup splits the venue.

## Options
The style comes from `venues.style` in the config: `auto` (the default), `VENUE'YY`,
`VENUE 'YY`, `VENUE'YYYY`, `VENUE YYYY`, `VENUEYYYY`, `VENUE(YYYY)`, `VENUE (YYYY)` or
`VENUE, YYYY`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_lint.model import FixSafety, Problem, Table
from awesome_lint.rules._venues import TableVenues, fix_table, planned, table_venues
from awesome_lint.rules.base import Context, at_cell
from awesome_lint.tableschema import BoundTable

if TYPE_CHECKING:
    from awesome_lint.venues import Mention, Style

ID = "venue-format"
FIX: FixSafety | None = "unsafe"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    venues = table_venues(bound, ctx)
    # Lists repeat a few venues: one message per venue as written, shared by its problems.
    said = ctx.memo((ID, venues.style, venues.configured))
    for found, new, fixable in planned(bound, ctx, _plan):
        words = said.get(found.mention.text)
        if words is None:
            words = (_message(found.mention, venues, new), f"Replace with `{new}`")
            said[found.mention.text] = words
        yield at_cell(
            ID,
            found.cell,
            words[0],
            fix="unsafe" if fixable else None,
            suggestion=words[1],
        )


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    return fix_table(bound, table, ctx, _plan)


def _style(mention: Mention, venues: TableVenues) -> Style:
    """The style `mention` should be in; without one in the table, the closest regular one."""
    if venues.style is not None:
        return venues.style
    if mention.style is not None:
        return mention.style
    text = mention.text
    four = str(mention.year) in text
    if "," in text:
        return "VENUE, YYYY"
    if "'" in text:
        return "VENUE'YYYY" if four else "VENUE'YY"
    return "VENUE YYYY" if four else "VENUE'YY"


def _plan(mention: Mention, venues: TableVenues) -> str | None:
    from awesome_lint.venues import format_venue

    if mention.year is None:
        return None
    style = _style(mention, venues)
    if mention.style == style and mention.extra is None:
        return None
    new = format_venue(mention.name, mention.year, style, mention.qualifier)
    again = venues.vocabulary.parse(new)
    # A two-digit style cannot write 1965; and what the fix writes must not be found again.
    if (
        again is None
        or (again.year, again.style, again.qualifier) != (mention.year, style, mention.qualifier)
        or again.extra is not None
    ):
        return None
    return new


def _message(mention: Mention, venues: TableVenues, new: str) -> str:
    venue = f"venue `{mention.text}`"
    style = _style(mention, venues)
    if mention.style is None:
        return f"{venue} writes the year in no known style; write `{new}` ({style})"
    if mention.style != style:
        where = "in the configured style" if venues.configured else "like the rest of the table"
        return f"{venue} is not written {where} ({style}); write `{new}`"
    return f"{venue} has extra text after the year (`{mention.extra}`); write `{new}`"

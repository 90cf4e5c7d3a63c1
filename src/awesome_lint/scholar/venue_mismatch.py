"""A venue cell that the paper's record contradicts: another venue, or another year (online).

## What it does
Runs online only, with `venue-outdated`, on rows whose venue cell names a peer-reviewed
venue that the vocabulary knows. The row is reported when the published version found
(see `venue-outdated` for the sources and their order) is at another venue of the same
kind, or at the same venue two or more years apart. These are not mismatches:
- a workshop version (either side a workshop, or a workshop qualifier): papers go to a
  workshop and then to a main conference, or appear at both;
- a journal extension, or the conference version of a journal paper (one side a
  conference, the other a journal): sources merge the two versions into one record;
- a year one apart at the same venue: proceedings carry the next year's date for some
  venues, and sources date a paper by its first version;
- a renamed camera-ready: papers are matched by their ids, never by their titles, so a
  new title changes nothing; renamed venues (NIPS, NeurIPS) compare by canonical name;
- a venue the vocabulary does not know, on either side: nothing can be compared;
- a source that has only the preprint: sources lag behind proceedings.

## Why
A row that says ICCV'23 for a CVPR'23 paper sends readers to the wrong proceedings, and a
contributor's guess at the venue is easy to get wrong.

## Example
```markdown
| Title          | Venue     | Paper                                    |
| -------------- | --------- | ---------------------------------------- |
| Foo: A Test    | ICCV 2023 | [arXiv](https://arxiv.org/abs/2301.00001) |
```
Semantic Scholar has 2301.00001 at CVPR 2023.

## Fix
None: which of the two is right is for a person to check.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from awesome_lint.model import FixSafety, Problem, Severity
from awesome_lint.rules.base import at_cell
from awesome_lint.scholar.evidence import Verdict
from awesome_lint.scholar.rows import Entry
from awesome_lint.scholar.venue_outdated import describe, is_preprint
from awesome_lint.venues import Vocabulary

ID = "venue-mismatch"
FIX: FixSafety | None = None
SEVERITY: Severity = "warning"


def check(
    entries: list[Entry], verdicts: Mapping[int, Verdict], vocabulary: Vocabulary
) -> Iterator[Problem]:
    for entry in entries:
        found = verdicts.get(entry.row.line)
        mention = entry.mention
        if found is None or found.published is None or mention is None:
            continue
        published = found.published
        if mention.canonical is None or not published.known or is_preprint(entry, vocabulary):
            continue
        venue = vocabulary.get(mention.canonical)
        if venue is None:
            continue
        workshop = venue.kind == "workshop" or "workshop" in (mention.qualifier or "").lower()
        if workshop or published.kind == "workshop" or venue.kind != published.kind:
            continue
        if mention.canonical == published.venue:
            if mention.year is None or published.year is None:
                continue
            if abs(mention.year - published.year) < 2:
                continue
        problem = at_cell(
            ID,
            entry.cell,
            f"venue `{mention.text}`, but the record says {describe(published)}",
            suggestion="Check the venue and year",
        )
        yield replace(problem, severity=SEVERITY)

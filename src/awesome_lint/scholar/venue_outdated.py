"""A preprint venue whose paper has a peer-reviewed version now (online).

## What it does
Runs online only. For each row whose venue is a preprint (arXiv, bioRxiv, medRxiv, SSRN,
`Preprint`) or whose Venue cell is empty, looks the paper up by the ids its links name
(arXiv, DOI, OpenReview, ACL Anthology) and reports it when a source has a conference,
journal or workshop version. The message names the venue and year found and the source.
A source that cannot be reached is "unknown": the row is not reported. A paper that a
source calls withdrawn or retracted is never reported.

## Why
Lists are full of `arXiv'23` rows whose papers were published long ago; a reader takes the
label at its word, and maintainers have no time to look every paper up.

## Example
```markdown
| Title          | Paper                                        |
| -------------- | -------------------------------------------- |
| Foo: A Test    | [arXiv'23](https://arxiv.org/abs/2301.00001) |
```
Semantic Scholar has 2301.00001 at CVPR 2024: write `[CVPR'24](...)`.

## Fix
Unsafe: the venue written in the table's style and the vocabulary's canonical name, in place
in the cell (the link keeps its target). No fix when the venue found is not in the
vocabulary (the message still names it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from awesome_lint.model import FixSafety, Problem
from awesome_lint.rules.base import at_cell
from awesome_lint.scholar.evidence import Published, Verdict
from awesome_lint.scholar.rows import FALLBACK_STYLE, Entry
from awesome_lint.venues import Vocabulary, format_venue

ID = "venue-outdated"
FIX: FixSafety | None = "unsafe"
SEVERITY = "error"


def is_preprint(entry: Entry, vocabulary: Vocabulary) -> bool:
    mention = entry.mention
    if mention is None:
        return True
    if mention.name.strip().lower() == "preprint":
        return True
    venue = vocabulary.get(mention.canonical) if mention.canonical else None
    return venue is not None and venue.kind == "preprint"


def replacement(entry: Entry, published: Published) -> str | None:
    """The venue text the cell should say, in the table's style; None without a known venue."""
    if not published.known:
        return None
    mention = entry.mention
    style = entry.style or (mention.style if mention is not None else None) or FALLBACK_STYLE
    qualifier = published.qualifier
    return format_venue(published.venue, published.year, style, qualifier)


def describe(published: Published) -> str:
    year = f" {published.year}" if published.year else ""
    where = f" ({published.page})" if published.page else ""
    return f"{published.venue}{year}, says {published.source}{where}"


def check(
    entries: list[Entry], verdicts: Mapping[int, Verdict], vocabulary: Vocabulary
) -> Iterator[tuple[Problem, Entry, str | None]]:
    """Each problem, its entry and the new venue text (None: no fix)."""
    for entry in entries:
        found = verdicts.get(entry.row.line)
        if found is None or found.published is None or not is_preprint(entry, vocabulary):
            continue
        new = replacement(entry, found.published)
        said = f"venue `{entry.mention.text}`" if entry.mention else "empty venue"
        message = f"{said}, but the paper is published: {describe(found.published)}"
        yield (
            at_cell(
                ID,
                entry.cell,
                message,
                fix="unsafe" if new is not None else None,
                suggestion=f"Replace with `{new}`" if new else None,
            ),
            entry,
            new,
        )

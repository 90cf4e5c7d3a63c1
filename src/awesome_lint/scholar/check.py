"""The online venue check over a text: entries, one batched lookup, verdicts, problems, fixes.

Pure apart from `look`, the function that answers for a set of paper ids (the sources
through the client and cache in practice, a dict in tests).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from awesome_lint.api import Selection, analyse
from awesome_lint.config import Config, default_config
from awesome_lint.model import Problem
from awesome_lint.rules._venues import rewrite
from awesome_lint.scholar import venue_mismatch, venue_outdated
from awesome_lint.scholar.cache import Lookup, PaperCache, look_up
from awesome_lint.scholar.client import Client
from awesome_lint.scholar.evidence import Verdict, verdict
from awesome_lint.scholar.rows import Entry, entries
from awesome_lint.scholar.sources import BY_NAME
from awesome_lint.width import display_width

RULE_IDS = (venue_outdated.ID, venue_mismatch.ID)
# Beside the online link checks' cache.
CACHE_DIR = ".awesome-lint-cache"


@dataclass(frozen=True)
class CellFix:
    line: int
    column: int
    old: str
    new: str


@dataclass(frozen=True)
class VenueReport:
    problems: list[Problem]
    fixes: list[CellFix]
    lookup: Lookup
    entries: int
    unknown: int


def check_venues(
    text: str,
    look: Callable[[Iterable[str]], Lookup],
    config: Config | None = None,
    rules: Sequence[str] = RULE_IDS,
    lines: frozenset[int] | None = None,
) -> VenueReport:
    """The venue rules' problems in `text` (only rows on `lines` when given) and their fixes."""
    config = config or default_config()
    analysis = analyse(text, config, Selection(select=frozenset({"empty-row"})))
    ctx = analysis.context
    found: list[Entry] = [
        e
        for bound in analysis.tables
        for e in entries(bound, ctx)
        if lines is None or e.row.line in lines
    ]
    lookup = look({key for entry in found for key in entry.keys})
    vocabulary = ctx.vocabulary
    verdicts: dict[int, Verdict] = {}
    for entry in found:
        papers = [paper for key in entry.keys for paper in lookup.found(key)]
        asked = any(key in lookup.unknown for key in entry.keys)
        verdicts[entry.row.line] = verdict(papers, asked, vocabulary)
    problems: list[Problem] = []
    fixes: list[CellFix] = []
    if venue_outdated.ID in rules:
        for problem, entry, new in venue_outdated.check(found, verdicts, vocabulary):
            problems.append(problem)
            fix = _cell_fix(entry, new)
            if fix is not None:
                fixes.append(fix)
    if venue_mismatch.ID in rules:
        problems.extend(venue_mismatch.check(found, verdicts, vocabulary))
    problems.sort()
    unanswered = sum(1 for v in verdicts.values() if v.unknown)
    return VenueReport(problems, fixes, lookup, len(found), unanswered)


def _cell_fix(entry: Entry, new: str | None) -> CellFix | None:
    if new is None:
        return None
    cell = entry.cell
    if entry.mention is None:
        raw = new
    else:
        done = rewrite(cell.raw, cell.text, entry.mention.text, new)
        if done is None:
            return None
        raw = done[0]
    return CellFix(cell.line, cell.column, cell.raw, raw)


def apply_fixes(text: str, fixes: Sequence[CellFix]) -> str:
    """`text` with each cell rewritten in place; the padding after a cell grows or shrinks
    (down to one space) so that an aligned table's pipes stay where they were if they can."""
    # Lines as the Markdown reader counts them: \n, \r\n or \r end a line, nothing else.
    lines = re.split(r"(?<=\n)|(?<=\r)(?!\n)", text)
    # Right to left within a line, so that earlier columns stay valid.
    for fix in sorted(fixes, key=lambda f: (f.line, -f.column)):
        if fix.line > len(lines):
            continue
        line = lines[fix.line - 1]
        start = fix.column - 1
        if line[start : start + len(fix.old)] != fix.old:
            # Another fix (a link's new URL) moved the cell: find it again if it is once there.
            if not fix.old or line.count(fix.old) != 1:
                continue
            start = line.index(fix.old)
        end = start + len(fix.old)
        rest = line[end:]
        spaces = len(rest) - len(rest.lstrip(" "))
        change = display_width(fix.new) - display_width(fix.old)
        piped = rest.lstrip(" ").startswith("|")
        keep = max(1 if piped else 0, spaces - change) if spaces or piped else 0
        lines[fix.line - 1] = line[:start] + fix.new + " " * keep + rest[spaces:]
    return "".join(lines)


# arXiv's API is not asked by the check: Semantic Scholar answers for arXiv ids in batches of
# 500 where arXiv's pace is one request of 100 ids per 3 seconds, and arXiv only knows a
# venue when the authors wrote a journal reference.
CHECK_SOURCES = ("semanticscholar", "crossref", "openreview")


def online_look(
    client: Client, cache: PaperCache | None = None, sources: Sequence[str] = CHECK_SOURCES
) -> Callable[[Iterable[str]], Lookup]:
    """The `look` of `check_venues` that asks the sources through `client` and `cache`."""
    chosen = [BY_NAME[name] for name in sources]

    def look(keys: Iterable[str]) -> Lookup:
        return look_up(keys, chosen, client, cache)

    return look

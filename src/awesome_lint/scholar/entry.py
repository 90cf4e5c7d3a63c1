"""A new row's values from a paper's link: what `awesome-lint add FILE URL` fills in.

Pure: the caller gives the sources' answers (`Lookup`). The values are given by the
table's own column names, and the explicit `--set` values win over them. Each fetched value
is returned with where it came from, for the command to print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from awesome_lint.add import AddError, column_index, link_convention, select_table
from awesome_lint.api import Selection, analyse
from awesome_lint.config import Config, default_config
from awesome_lint.rules.base import Context
from awesome_lint.scholar.cache import Lookup
from awesome_lint.scholar.evidence import verdict
from awesome_lint.scholar.papers import paper_id
from awesome_lint.tableschema import BoundTable

_TITLE_ORDER = ("arXiv", "OpenReview", "Crossref", "Semantic Scholar")
_NAME_MAX = 24


@dataclass(frozen=True)
class Fetched:
    column: str
    value: str
    source: str


def key_of(url: str) -> str:
    key = paper_id(url)
    if key is None:
        raise AddError(
            f"{url} is not a link to a paper that can be looked up"
            " (arXiv, DOI, OpenReview or ACL Anthology)"
        )
    return key


def fetched_values(
    bound: BoundTable,
    url: str,
    lookup: Lookup,
    ctx: Context,
    given: Sequence[tuple[str, str]],
) -> list[Fetched]:
    """The values the sources give for the columns `given` leaves empty."""
    key = key_of(url)
    papers = lookup.found(key)
    if not papers:
        if key in lookup.unknown:
            down = ", ".join(sorted(set(lookup.unknown[key])))
            raise AddError(f"the sources could not be reached ({down}); give the values with --set")
        raise AddError(f"no source knows {key}; give the values with --set")
    taken = {column_index(bound, name) for name, _ in given}
    found = verdict(papers, key in lookup.unknown, ctx.vocabulary)
    published = found.published
    by_source = sorted(papers, key=lambda p: _rank(p.source))
    title = next(((p.title, p.source) for p in by_source if p.title), None)
    year = next(((p.year, p.source) for p in by_source if p.year), None)
    code = next(((p.code, p.source) for p in by_source if p.code), None)
    venue: tuple[str, str] | None = None
    if published is not None:
        when = published.year or (year[0] if year else None)
        venue = (f"{published.venue} {when}" if when else published.venue, published.source)
        if published.year:
            year = (published.year, published.source)
    elif key.startswith("arxiv:") and year is not None:
        venue = (f"arXiv {year[0]}", year[1])

    out: list[Fetched] = []

    def offer(column: str, value: str | None, source: str) -> None:
        try:
            index = column_index(bound, column)
        except AddError:
            return
        if value and index not in taken:
            taken.add(index)
            out.append(Fetched(bound.table.header.cells[index].text, value, source))

    if title is not None:
        offer("Title", title[0], title[1])
        name = title[0].split(":", 1)[0].strip() if ":" in title[0] else ""
        if name and len(name) <= _NAME_MAX:
            offer("Name", name, title[1])
    venue_column = _venue_column(bound)
    if venue is not None and venue_column is not None:
        offer(venue_column, venue[0], venue[1])
        offer("Paper", url, "the link given")
    elif venue is not None and _venue_as_link_text(bound, ctx):
        offer("Paper", f"[{venue[0]}]({url})", venue[1])
    else:
        offer("Paper", url, "the link given")
    if year is not None:
        offer("Year", str(year[0]), year[1])
    if code is not None:
        offer("Code", code[0], code[1])
    return out


def _rank(source: str) -> int:
    return _TITLE_ORDER.index(source) if source in _TITLE_ORDER else len(_TITLE_ORDER)


def _venue_as_link_text(bound: BoundTable, ctx: Context) -> bool:
    try:
        index = column_index(bound, "Paper")
    except AddError:
        return False
    convention = link_convention(bound, index, ctx)
    return convention is not None and convention.venue


def _venue_column(bound: BoundTable) -> str | None:
    for spec in bound.columns:
        if spec is not None and spec.venue is True:
            return spec.name
    return None


def values_for(
    text: str,
    table: str | None,
    url: str,
    given: Sequence[tuple[str, str]],
    look: Callable[[Iterable[str]], Lookup],
    config: Config | None = None,
) -> list[Fetched]:
    """`fetched_values` for the table `table` of `text` (see `add_entry`)."""
    key = key_of(url)
    analysis = analyse(text, config or default_config(), Selection(select=frozenset({"empty-row"})))
    bound = select_table(analysis.tables, table)
    return fetched_values(bound, url, look([key]), analysis.context, given)

"""What the link rules share: walking the links of a table, and rewriting destinations in place.

A fix runs on the table as earlier fixes left it, so it cannot trust the links parsed from the
original text: a cell whose raw text changed is read again. Only destinations written literally
(`Link.url_span`) are rewritten, and nothing else in the cell changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, NamedTuple

from awesome_lint.binding import BoundTable
from awesome_lint.markdown.tables import read_cell, unescape_pipes
from awesome_lint.model import Cell, Link, Problem, Table
from awesome_lint.rules.base import Context, at_cell

Rewrite = Callable[[str], "str | None"]


def body_links(table: Table) -> Iterator[tuple[Cell, Link]]:
    """Each link of the body cells GitHub shows, with its cell."""
    width = len(table.header.cells)
    for row in table.rows:
        for cell in row.cells[:width]:
            if cell.links:
                for link in links(cell):
                    yield cell, link


def table_links(bound: BoundTable, ctx: Context) -> list[tuple[Cell, Link]]:
    """`body_links` of a table, walked once for all the link rules of a run."""
    return ctx.per_table("links", bound, lambda b: list(body_links(b.table)))


class UrlFacts(NamedTuple):
    """What the link rules ask about a URL, each rule's answer by its own function."""

    syntax: tuple[int, str, str] | None  # link_syntax.url_problem
    https: str | None  # insecure_link.target
    tracking: tuple[str, ...]  # tracking_params.target
    arxiv: tuple[str, str] | None  # arxiv_link.target
    abstract: str | None  # pdf_link.target
    host: str | None  # urls.host


def link_problems(
    rule: str,
    bound: BoundTable,
    ctx: Context,
    answer: Callable[[UrlFacts], tuple[str, str] | None],
) -> Iterator[Problem]:
    """A problem of `rule` at each link whose facts `answer` finds wrong: it gives the
    message and the URL the link should have. The fix (unsafe) rewrites literal
    destinations only, so a link written otherwise gets the URL as a suggestion."""
    facts = url_facts(ctx)
    for cell, link in table_links(bound, ctx):
        found = answer(facts(link.url))
        if found is not None:
            message, new = found
            yield at_cell(
                rule,
                cell,
                message,
                fix="unsafe" if link.url_span is not None else None,
                suggestion=suggestion(link, new),
            )


def url_facts(ctx: Context) -> Callable[[str], UrlFacts]:
    """The facts of a URL, found for all the link rules that run at once, once per URL and
    run: the URL is parsed once, and one small record per URL is all that is kept."""
    from awesome_lint.rules import arxiv_link, insecure_link, link_syntax, pdf_link
    from awesome_lint.rules import tracking_params as tracking
    from awesome_lint.urls import host, quiet_host

    syntax = link_syntax.url_problem if ctx.runs(link_syntax.ID) else _none
    https = insecure_link.target if ctx.runs(insecure_link.ID) else _none
    params = tracking.target if ctx.runs(tracking.ID) else _nothing
    arxiv = arxiv_link.target if ctx.runs(arxiv_link.ID) else _none
    abstract = pdf_link.target if ctx.runs(pdf_link.ID) else _none
    relative = bool(ctx.options(link_syntax.ID).get("allow_relative"))
    hosts = ctx.https_hosts
    extra = ctx.config.tracking_params
    versions = bool(ctx.options(arxiv_link.ID).get("allow_versions"))

    def facts(url: str) -> UrlFacts:
        name = quiet_host(url)
        if name is not None:
            return UrlFacts(None, None, (), None, None, name)
        return UrlFacts(
            syntax(url, relative),
            https(url, hosts),
            params(url, extra),
            arxiv(url, versions),
            abstract(url),
            host(url),
        )

    return ctx.cached("links:facts", facts)


def _none(url: str, *options: Any) -> None:
    return None


def _nothing(url: str, *options: Any) -> tuple[str, ...]:
    return ()


def bare(host: str | None) -> str | None:
    """A host name without `www.` (urls.bare_host)."""
    return None if host is None else host.removeprefix("www.")


def links(cell: Cell) -> tuple[Link, ...]:
    """The links of `cell`, less footnote references (`[^1]`): GitHub renders those as notes."""
    for link in cell.links:
        if link.kind == "reference" and link.text.startswith("^"):
            return tuple(x for x in cell.links if not (x.kind == "reference" and x.text[:1] == "^"))
    return cell.links


def suggestion(link: Link, new: str) -> str:
    """What to do about `link`, whose destination should be `new`."""
    if link.url_span is not None:
        return f"Replace with {new}"
    if link.kind == "reference":
        return f"Change the reference definition to {new}"
    return f"Write {new} instead"


def rewrite_table(bound: BoundTable, table: Table, rewrite: Rewrite) -> Table:
    """`table` with each literal destination `url` replaced by `rewrite(url)` when not None."""
    originals = {row.line: row for row in bound.table.rows}
    width = len(table.header.cells)
    rows = list(table.rows)
    changed = False
    for r, row in enumerate(rows):
        cells: list[Cell] | None = None
        for i, cell in enumerate(row.cells[:width]):
            if "](" not in cell.raw:  # no inline link: most cells of a table
                continue
            original = originals.get(row.line)
            before = original.cells[i] if original and i < len(original.cells) else None
            fixed = _rewrite_cell(cell, before, rewrite)
            if fixed is not cell:
                cells = cells or list(row.cells)
                cells[i] = fixed
        if cells is not None:
            rows[r] = replace(row, cells=tuple(cells))
            changed = True
    return replace(table, rows=tuple(rows)) if changed else table


def _rewrite_cell(cell: Cell, before: Cell | None, rewrite: Rewrite) -> Cell:
    links = _literal_links(cell, before)
    news = [None if link.url_span is None else rewrite(link.url) for link in links]
    for new, link in zip(news, links):
        if new is not None and new != link.url:
            break
    else:
        return cell
    raw = cell.raw
    out: list[Link] = []
    pieces: list[str] = []
    cursor = delta = 0
    for link, new in zip(links, news):
        span = link.url_span
        if span is None:
            out.append(link)
            continue
        start, end = span
        if new is None or new == link.url:
            out.append(replace(link, url_span=(start + delta, end + delta)) if delta else link)
            continue
        if start < cursor or unescape_pipes(raw[start:end]) != link.url:
            return cell  # the offsets do not point at the destination: touch nothing
        written = new.replace("|", "\\|")
        pieces += [raw[cursor:start], written]
        cursor = end
        out.append(replace(link, url=new, url_span=(start + delta, start + delta + len(written))))
        delta += len(written) - (end - start)
    return replace(cell, raw="".join([*pieces, raw[cursor:]]), links=tuple(out))


def _literal_links(cell: Cell, before: Cell | None) -> tuple[Link, ...]:
    if before is not None and before.raw == cell.raw:
        return before.links
    # Changed by an earlier fix. The link rules keep `links` in step with `raw`; when the
    # offsets still point at the destinations, trust them, else read the cell again.
    if before is not None and _count(cell.links) == _count(before.links) and _hold(cell):
        return cell.links
    # Reference definitions are out of reach here; read the cell without them, and refuse to
    # touch it when that finds other literal links than the original reading did.
    links = read_cell(cell.raw, {}).links
    if before is not None and _count(links) != _count(before.links):
        return ()
    return links


def _hold(cell: Cell) -> bool:
    raw = cell.raw
    return all(
        link.url_span is None or unescape_pipes(raw[slice(*link.url_span)]) == link.url
        for link in cell.links
    )


def _count(links: tuple[Link, ...]) -> int:
    return sum(link.url_span is not None for link in links)

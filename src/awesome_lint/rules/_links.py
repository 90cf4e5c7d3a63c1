"""What the link rules share: walking the links of a table, and rewriting destinations in place.

A fix runs on the table as earlier fixes left it, so it cannot trust the links parsed from the
original text: a cell whose raw text changed is read again. Only destinations written literally
(`Link.url_span`) are rewritten, and nothing else in the cell changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TypeVar

from awesome_lint.markdown.tables import read_cell, unescape_pipes
from awesome_lint.model import Cell, Link, Problem, Table
from awesome_lint.rules.base import Context, at_cell
from awesome_lint.tableschema import BoundTable
from awesome_lint.urls import host, quiet_host

Rewrite = Callable[[str], "str | None"]
T = TypeVar("T")


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


def url_answers(
    ctx: Context, rule: str, question: Callable[[str], T], quiet: T
) -> Callable[[str], T]:
    """`question`, what one link rule asks about a URL, asked once per URL and run.

    A quiet URL (`urls.quiet_host`: well-formed, absolute, https, without query or fragment,
    on a host without arXiv or publisher rewrites) gets `quiet` without asking: the commonest
    link of a list, which no link rule has anything to say about. A rule for which that does
    not hold uses `ctx.cached` instead; the link rules' `question`s are tested to agree.
    """
    is_quiet = ctx.cached("links:quiet", quiet_host)

    def ask(url: str) -> T:
        return quiet if is_quiet(url) is not None else question(url)

    return ctx.cached(("links:answer", rule), ask)


def url_host(ctx: Context) -> Callable[[str], str | None]:
    """`urls.host`, once per URL and run."""
    return ctx.cached("links:host", host)


def link_problems(
    rule: str,
    bound: BoundTable,
    ctx: Context,
    answers: Callable[[str], T | None],
    message: Callable[[str, T], tuple[str, str]],
) -> Iterator[Problem]:
    """A problem of `rule` at each link for which `answers` finds something: `message` turns
    the URL and the answer into the message and the URL the link should have. The fix
    (unsafe) rewrites literal destinations only, so a link written otherwise gets the URL as
    a suggestion."""
    for cell, link in table_links(bound, ctx):
        found = answers(link.url)
        if found is not None:
            text, new = message(link.url, found)
            yield at_cell(
                rule,
                cell,
                text,
                fix="unsafe" if link.url_span is not None else None,
                suggestion=suggestion(link, new),
            )


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

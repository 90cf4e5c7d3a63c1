"""What the venue rules share: which cells name a venue, and rewriting a mention in place.

A venue cell is a body cell of a column whose spec has `venue` True, or "auto" when its text
is recognisably a venue with a year: a known venue, or an acronym close to a known one (a
Paper column's `[ICLR'24](...)` or `[ICRL'24](...)`, never `[GPT-3 (2020)](...)`).
Placeholders and empty cells are not venue cells. A table's mentions are parsed once for
the three rules; a fix re-reads only the cells another fix has changed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from awesome_lint.markdown.inline import LONE_LINK, PLAIN
from awesome_lint.model import Cell, Row, Table
from awesome_lint.rules._schema import PLACEHOLDER_LIKE, looks_placeholder
from awesome_lint.rules.base import Context
from awesome_lint.tableschema import BoundTable, ColumnSpec

if TYPE_CHECKING:
    from awesome_lint.markdown.inline import Inline
    from awesome_lint.venues import Mention, Style, Vocabulary

# A rule's new text for a mention, or None when the mention is fine.
Plan = Callable[["Mention", "TableVenues"], "str | None"]

_MAX_OCCURRENCES = 8
# A column without a venue role is a venue column when most of its cells are venues.
_SAMPLE = 40
_VENUE_SHARE = 0.8
_MARKUP = frozenset("\\`*_~[]<>&!@|:")


class Found(NamedTuple):
    cell: Cell
    mention: Mention


class TableVenues:
    """The venue cells of one table, and the style its mentions are held to."""

    def __init__(self, bound: BoundTable, ctx: Context) -> None:
        self.table = bound.table
        self.context = ctx
        # A plan depends on the mention, the table's style and the config: lists repeat a
        # few venues, and the analysis of the fixed text meets the same ones again.
        self.plans: dict[tuple[Plan, Style | None, str], str | None]
        self.plans = ctx.cache.setdefault("venues:plan", {})
        self.rewrites: dict[tuple[str, str, str, str], tuple[str, Inline] | None]
        self.rewrites = ctx.cache.setdefault("venues:rewrite", {})
        self.columns = [
            (i, spec)
            for i, spec in enumerate(bound.columns)
            if spec is not None and (spec.venue is True or spec.venue == "auto")
        ]
        self.columns += venue_columns(bound, ctx)
        # (column, raw) -> (text, mention) as checked, so that a fix decides alike.
        self.known: dict[tuple[int, str], tuple[str, Mention | None]] = {}
        self.found: list[Found] = []
        self.configured = ctx.config.venue_style != "auto"
        self.style: Style | None = None
        if not self.columns and not self.configured:
            return  # most tables of lists that are not paper lists: the vocabulary stays unread
        from awesome_lint.venues import STYLES, majority_style

        # A cell's mention follows from its text and its column's spec.
        mentions = {i: ctx.memo(("venues:mention", spec)) for i, spec in self.columns}
        columns = self.columns
        for row in bound.table.rows:
            cells = row.cells
            for i, spec in columns:
                if i >= len(cells) or not cells[i].raw:
                    continue
                cell = cells[i]
                known = self.known.get((i, cell.raw))
                if known is None:
                    memo = mentions[i]
                    text = cell.text
                    if text in memo:
                        mention = memo[text]
                    else:
                        mention = memo[text] = self.mention(spec, text)
                    known = self.known[(i, cell.raw)] = (text, mention)
                if known[1] is not None:
                    self.found.append(Found(cell, known[1]))
        self.style = next((s for s in STYLES if s == ctx.config.venue_style), None)
        if not self.configured:
            self.style = majority_style(found.mention for found in self.found)

    @property
    def vocabulary(self) -> Vocabulary:
        return self.context.vocabulary

    def plan(self, plan: Plan, mention: Mention) -> str | None:
        """`plan(mention, self)`, once per distinct mention (lists repeat a few venues)."""
        # A mention is a function of its text (Vocabulary.parse reads nothing else).
        key = (plan, self.style, mention.text)
        if key not in self.plans:
            self.plans[key] = plan(mention, self)
        return self.plans[key]

    def rewrite(self, raw: str, text: str, old: str, new: str) -> tuple[str, Inline] | None:
        key = (raw, text, old, new)
        if key not in self.rewrites:
            self.rewrites[key] = rewrite(raw, text, old, new)
        return self.rewrites[key]

    def cells(self, row: Row) -> Iterator[tuple[int, ColumnSpec, Cell]]:
        for i, spec in self.columns:
            if i < len(row.cells) and row.cells[i].raw:
                yield i, spec, row.cells[i]

    def mention(self, spec: ColumnSpec, text: str) -> Mention | None:
        if not text.strip() or spec.is_placeholder(text):
            return None
        mention = self.vocabulary.parse(text)
        if mention is not None and looks_placeholder(mention.name):
            return None  # `TBD 2023`
        if mention is None or spec.venue is True:
            return mention
        return mention if mention.year is not None and self._near(mention) else None

    def _near(self, mention: Mention) -> bool:
        # Only an acronym is looked up (`ICRL`, `NeurlPS`): titles are many and never typos.
        name = mention.name
        if mention.canonical is not None:
            return True
        acronym = name.isalpha() and len(name) <= 12 and sum(c.isupper() for c in name) >= 2
        return acronym and self.vocabulary.suggest(name) is not None


def venue_columns(bound: BoundTable, ctx: Context) -> list[tuple[int, ColumnSpec]]:
    """The columns no schema names that read as venues: of their first `_SAMPLE` cells that
    are neither empty nor placeholders, at least `_VENUE_SHARE` (and 3) are known venues."""
    found: list[tuple[int, ColumnSpec]] = []
    header = bound.table.header.cells
    for i, spec in enumerate(bound.columns):
        if spec is not None or i >= len(header):
            continue
        texts = []
        for row in bound.table.rows:
            text = row.cells[i].text if i < len(row.cells) else ""
            if text.strip() and not looks_placeholder(text):
                texts.append(text)
                if len(texts) == _SAMPLE:
                    break
        if _known_venues(texts, ctx) >= max(3, _VENUE_SHARE * len(texts)):
            name = header[i].text.strip() or f"column {i + 1}"
            found.append((i, ColumnSpec(name, placeholders=PLACEHOLDER_LIKE, venue=True)))
    return found


def _known_venues(texts: list[str], ctx: Context) -> int:
    """How many of `texts` are known venues, counted until too few can be (most columns are
    not venues: their first few texts decide)."""
    parse = ctx.vocabulary.parse
    allowed = len(texts) - max(3, _VENUE_SHARE * len(texts))
    known = 0
    for number, text in enumerate(texts, 1):
        mention = parse(text)
        if mention is not None and mention.canonical:
            known += 1
        elif number - known > allowed:
            return known
    return known


def target_style(mention: Mention, venues: TableVenues) -> Style:
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


def alias_plan(mention: Mention, venues: TableVenues) -> str | None:
    """The text a mention written with an alias should read: the canonical name, and the
    year in the table's style (one replacement for both, so that venue-alias and
    venue-format never suggest two different texts for one cell)."""
    from awesome_lint.venues import format_venue

    if mention.canonical is None or not mention.is_alias:
        return None
    style = None if mention.year is None else target_style(mention, venues)
    if style is not None and style != mention.style:
        new = format_venue(mention.canonical, mention.year, style, mention.qualifier)
        again = venues.vocabulary.parse(new)
        wanted = (mention.canonical, mention.year, style, mention.qualifier, None)
        if again is not None and not again.is_alias and _parts(again) == wanted:
            return new
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


def table_venues(bound: BoundTable, ctx: Context) -> TableVenues:
    """The venue cells of `bound`, parsed once per table and context."""
    return ctx.per_table("venues", bound, lambda b: TableVenues(b, ctx))


@lru_cache(maxsize=1 << 10)
def read(raw: str) -> Inline:
    from awesome_lint.markdown.tables import read_cell

    return read_cell(raw, {})


def _targets(inline: Inline) -> object:
    return [(link.url, link.title, link.kind, link.image) for link in inline.links], inline.images


def _plain(text: str) -> bool:
    """Whether `text` reads as itself: no character that Markdown or GFM autolinks act on."""
    return not _MARKUP.intersection(text) and "www." not in text.casefold()


def rewrite(raw: str, text: str, old: str, new: str) -> tuple[str, Inline] | None:
    """`raw` with the mention `old` (the stripped `text`) written as `new`, and how it reads.

    Only an occurrence of `old` that GitHub shows as text is replaced (a link destination,
    title or comment holding the same text stays); there must be exactly one, and the result
    must read as `text` with `old` replaced and keep every link target. None otherwise.
    """
    from awesome_lint.markdown.inline import Inline

    if old == new or any(c in old + new for c in "|\\") or "\\|" in raw:
        return None
    if raw == old == text and _plain(old) and _plain(new):
        return new, Inline(new)  # most Venue cells: nothing to parse
    lone = LONE_LINK.fullmatch(raw)
    if (
        lone is not None
        and lone.group(1) == text == old
        and PLAIN.fullmatch(new)
        and raw.find(old, 2) < 0
    ):
        # Most Paper cells, `[ICCV'23](url)`, with the mention once: its one candidate
        # reads as a link again, with the new text and the same target.
        candidate = "[" + new + raw[1 + len(old) :]
        return candidate, read(candidate)
    return _rewrite(raw, text, old, new)


def _rewrite(raw: str, text: str, old: str, new: str) -> tuple[str, Inline] | None:
    at, start = text.find(old), raw.find(old)
    inline = read(raw) if at >= 0 and start >= 0 else None
    if inline is None or inline.text != text:
        return None
    expected = text[:at] + new + text[at + len(old) :]
    good: list[tuple[str, Inline]] = []
    for _ in range(_MAX_OCCURRENCES):
        candidate = raw[:start] + new + raw[start + len(old) :]
        after = read(candidate)
        if after.text == expected and _targets(after) == _targets(inline):
            good.append((candidate, after))
        start = raw.find(old, start + 1)
        if start < 0:
            return good[0] if len(good) == 1 else None
    return None


def planned(bound: BoundTable, ctx: Context, plan: Plan) -> Iterator[tuple[Found, str, bool]]:
    """The venue cells `plan` rewrites: each cell, its mention's new text, and whether the
    cell's Markdown can be rewritten in place (what `fix_table` then does)."""
    venues = table_venues(bound, ctx)
    for found in venues.found:
        new = venues.plan(plan, found.mention)
        if new is not None:
            fixable = venues.rewrite(found.cell.raw, found.cell.text, found.mention.text, new)
            yield found, new, fixable is not None


def fix_table(bound: BoundTable, table: Table, ctx: Context, plan: Plan) -> Table:
    """Apply `plan` to the venue cells of `table`, which other fixes may have changed."""
    venues = table_venues(bound, ctx)
    rows: list[Row] = []
    for row in table.rows:
        cells = list(row.cells)
        for i, spec, cell in venues.cells(row):
            cells[i] = _fixed(venues, plan, i, spec, cell)
        changed = any(a is not b for a, b in zip(cells, row.cells))
        rows.append(replace(row, cells=tuple(cells)) if changed else row)
    return replace(table, rows=tuple(rows))


def _fixed(venues: TableVenues, plan: Plan, i: int, spec: ColumnSpec, cell: Cell) -> Cell:
    known = venues.known.get((i, cell.raw))
    if known is None:
        text = cell.raw if _plain(cell.raw) else read(cell.raw).text
        known = text, venues.mention(spec, text)
    text, mention = known
    new = None if mention is None else venues.plan(plan, mention)
    done = (
        None
        if mention is None or new is None
        else venues.rewrite(cell.raw, text, mention.text, new)
    )
    if done is None:
        return cell
    raw, inline = done
    return replace(cell, raw=raw, text=inline.text, links=inline.links, images=inline.images)

"""Text -> tables: every table GitHub renders, each row and cell at its exact line and column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from awesome_lint.document import Lines
from awesome_lint.markdown.blocks import (
    Leaf,
    LineRef,
    RawHeading,
    RawTable,
    parse_block_lines,
    parse_blocks,
    split_row,
)
from awesome_lint.markdown.inline import Inline, parse_inline
from awesome_lint.markdown.linkrefs import BudgetedReferences, References, expansion_budget
from awesome_lint.model import Align, Cell, Link, Row, Table

# What cmark-gfm trims off a cell (cmark_strbuf_trim: cmark_isspace, not VT or FF).
_CELL_SPACE = " \t\n\r"
# What a pipe takes along after it (blocks.split_row).
_PIPE_SPACE = " \t\v\f"


class ParsedDocument(NamedTuple):
    lines: tuple[str, ...]
    endings: tuple[str, ...]
    tables: tuple[Table, ...]
    references: References
    # Lines inside code blocks, where comments are text, not comments.
    code_lines: frozenset[int]
    leaves: tuple[Leaf, ...]
    # A cell read so far for each Markdown (the first with it): parsing a fixed version of
    # the same text reads only the cells that changed.
    cells: dict[str, Cell]


def parse(text: str | Lines, cells: dict[str, Cell] | None = None) -> ParsedDocument:
    """Parse a document (BOM already removed) into its tables.

    `cells` is the cell cache of an earlier parse of a version of this document.
    """
    if isinstance(text, Lines):
        blocks = parse_block_lines(text.lines, text.endings)
    else:
        blocks = parse_blocks(text)
    budgeted = expansion_budget(blocks.references, blocks.lines)
    builder = _Builder(blocks.lines, blocks.references, cells, budgeted)
    paths = _HeadingPaths(sorted(blocks.headings, key=lambda h: h.line), builder)
    if budgeted is None:
        tables = tuple(
            builder.table(index, raw, paths.before(raw.header.number))
            for index, raw in enumerate(blocks.tables)
        )
    else:
        tables = _budgeted_tables(blocks.tables, blocks.leaves, builder, paths, budgeted)
    code_lines = frozenset(
        n
        for leaf in blocks.leaves
        if leaf.kind == "code"
        for n in range(leaf.line, leaf.end_line + 1)
    )
    return ParsedDocument(
        tuple(blocks.lines),
        tuple(blocks.endings),
        tables,
        blocks.references,
        code_lines,
        tuple(blocks.leaves),
        builder.cache,
    )


def _budgeted_tables(
    raws: Sequence[RawTable],
    leaves: Sequence[Leaf],
    builder: _Builder,
    paths: _HeadingPaths,
    budgeted: BudgetedReferences,
) -> tuple[Table, ...]:
    """The tables of a document that may exhaust cmark-gfm's reference-expansion budget:
    paragraphs and headings spend it too, so they are read in document order between the
    tables (their soft line breaks read as spaces)."""
    texts = sorted((leaf for leaf in leaves if leaf.kind == "text"), key=lambda leaf: leaf.line)
    tables = []
    next_text = 0
    for index, raw in enumerate(raws):
        while next_text < len(texts) and texts[next_text].line < raw.header.number:
            parse_inline(" ".join(texts[next_text].text.split("\n")), budgeted)
            next_text += 1
        tables.append(builder.table(index, raw, paths.before(raw.header.number)))
    return tuple(tables)


def parse_tables(text: str) -> tuple[Table, ...]:
    return parse(text).tables


def unescape_pipes(raw: str) -> str:
    """GitHub removes the backslash of `\\|` in a cell before reading its Markdown."""
    return raw.replace("\\|", "|") if "\\|" in raw else raw


class _Builder:
    def __init__(
        self,
        lines: Sequence[str],
        references: References,
        cache: dict[str, Cell] | None,
        budgeted: BudgetedReferences | None = None,
    ) -> None:
        self.lines = lines
        # Cells are read under the expansion budget when there is one (then every cell is
        # read in its turn: a cached reading would not spend it).
        self.references: References = references if budgeted is None else budgeted
        self.plain_references = references
        self.budgeted = budgeted is not None
        if self.budgeted:
            cache = None
        # Cells hold what their Markdown reads as, so a cell stands for its Markdown: a cache
        # of Inline values would double what a large list keeps in memory.
        self.cache: dict[str, Cell] = {} if cache is None else cache
        self.headings: dict[str, str] = {}
        # Whether a row of the table being built holds a cell no rewrite can keep.
        self.unrenderable = False

    def heading(self, content: str) -> str:
        found = self.headings.get(content)
        if found is None:
            found = self.headings[content] = read_cell(content, self.plain_references).text.strip()
        return found

    def row(self, ref: LineRef) -> Row:
        number = ref.number
        line = self.lines[number - 1]
        if ref.cells is None and "\\" not in line and not self.budgeted:
            cells = self._plain_row(number, line, ref.start)
        else:
            cells = self._cells(number, line, ref)
        if ("\v" in line or "\f" in line) and any(c.raw[:1] in ("\v", "\f") for c in cells):
            # A rewritten row puts a pipe before each cell, and a pipe takes the vertical
            # tabs and form feeds after it along (cmark-gfm's scan_table_cell_end): such a
            # cell would lose them.
            self.unrenderable = True
        return Row(number, tuple(cells), line[: ref.prefix_end], line)

    def _plain_row(self, number: int, line: str, pos: int) -> list[Cell]:
        """The cells of a row without backslashes (most rows): `plain_row_cells` and the
        reading of each cell in one loop, the per-cell work of the whole run."""
        segments = line[pos:].split("|")
        last = len(segments) - 1
        cache, known_cell = self.cache, self.cache.get
        cells = []
        next_start = pos
        for i, segment in enumerate(segments):
            start, end = next_start, next_start + len(segment)
            next_start = end + 1
            if i == 0:
                if last and not segment:  # the leading pipe
                    continue
                chunk = segment
            else:
                chunk = segment.lstrip(_PIPE_SPACE)  # what the pipe takes along
            if i == last and not chunk:
                break
            start = end - len(chunk)
            raw = chunk.strip(_CELL_SPACE)
            if not raw:
                cells.append(Cell(number, start + 1, start + 1, "", "", (), ()))
                continue
            column = start + chunk.find(raw[0]) + 1
            known = known_cell(raw)
            if known is None:
                parsed = read_cell(raw, self.references)
                known = cache[raw] = Cell(
                    number, column, column + len(raw), raw, parsed.text, parsed.links, parsed.images
                )
                cells.append(known)
            else:
                raw = known.raw  # one string for all the cells that hold it
                cells.append(
                    Cell(
                        number,
                        column,
                        column + len(raw),
                        raw,
                        known.text,
                        known.links,
                        known.images,
                    )
                )
        return cells

    def _cells(self, number: int, line: str, ref: LineRef) -> list[Cell]:
        read = self.cache.get if not self.budgeted else _never
        cells = []
        if ref.cells is not None:
            chunks = [(start, line[start:end]) for start, end in ref.cells]
        elif "\\" in line:
            spans = split_row(line, ref.start) or ()
            chunks = [(start, line[start:end]) for start, end in spans]
        else:
            chunks = plain_row_cells(line, ref.start)
        for start, chunk in chunks:
            raw = chunk.strip(_CELL_SPACE)
            if not raw:
                cells.append(Cell(number, start + 1, start + 1, "", "", (), ()))
                continue
            # Only trimmed space comes before the first character of raw.
            column = start + chunk.find(raw[0]) + 1
            known = read(raw)
            if known is None:
                parsed = read_cell(raw, self.references)
                cell = Cell(
                    number, column, column + len(raw), raw, parsed.text, parsed.links, parsed.images
                )
                self.cache[raw] = cell
            else:
                raw = known.raw  # one string for all the cells that hold it
                cell = Cell(
                    number, column, column + len(raw), raw, known.text, known.links, known.images
                )
            cells.append(cell)
        return cells

    def table(self, index: int, raw: RawTable, headings: tuple[str, ...]) -> Table:
        self.unrenderable = False
        rows = tuple(self.row(ref) for ref in raw.rows)
        align: tuple[Align, ...] = tuple(a for a in raw.align)  # type: ignore[misc]
        header, delimiter = self.row(raw.header), self.row(raw.delimiter)
        return Table(
            index=index,
            line=raw.header.number,
            end_line=raw.rows[-1].number if raw.rows else raw.delimiter.number,
            headings=headings,
            header=header,
            delimiter=delimiter,
            align=align,
            rows=rows,
            in_list=raw.in_list,
            renderable=raw.renderable and not self.unrenderable,
        )


def _never(raw: str) -> None:
    return None


def plain_row_cells(line: str, pos: int) -> list[tuple[int, str]]:
    """The cells of a row without backslashes (most rows) as (start, text), where
    `blocks.split_row` would put them: no pipe is escaped, so str.split finds them, twice
    as fast as a match per cell."""
    segments = line[pos:].split("|")
    cells = []
    start = pos
    last = len(segments) - 1
    for i, segment in enumerate(segments):
        end = start + len(segment)
        if i == 0:
            if last and not segment:  # the leading pipe
                start = end + 1
                continue
            chunk = segment
        else:
            chunk = segment.lstrip(_PIPE_SPACE)  # what the pipe takes along
        if i < last or chunk:
            cells.append((end - len(chunk), chunk))
        start = end + 1
    return cells


def read_cell(raw: str, references: References) -> Inline:
    """What a cell's Markdown reads as on GitHub, its literal link destinations located in
    `raw` as written (`url_span`)."""
    found = parse_inline(unescape_pipes(raw), references)
    if "\\|" in raw and any(link.url_span for link in found.links):
        found = Inline(found.text, _raw_spans(raw, found.links), found.images)
    return found


def _raw_spans(raw: str, links: tuple[Link, ...]) -> tuple[Link, ...]:
    """Offsets in the unescaped text (`\\|` read as `|`) moved back to the raw cell; an
    escaped pipe starts at its backslash."""
    to_raw: list[int] = []
    i = 0
    while i < len(raw):
        to_raw.append(i)
        i += 2 if raw.startswith("\\|", i) else 1
    to_raw.append(len(raw))
    return tuple(
        link
        if link.url_span is None
        else replace(link, url_span=(to_raw[link.url_span[0]], to_raw[link.url_span[1]]))
        for link in links
    )


class _HeadingPaths:
    """The headings above a line, outermost first; asked for lines in increasing order.

    One pass over the headings for all tables: a list with a section and a table per
    heading would otherwise cost headings x tables.
    """

    def __init__(self, headings: Sequence[RawHeading], builder: _Builder) -> None:
        self.headings = headings
        self.builder = builder
        self.next = 0
        self.path: dict[int, str] = {}

    def before(self, line: int) -> tuple[str, ...]:
        if self.next and self.headings[self.next - 1].line >= line:
            # Out of order (never from parse_blocks): start again from the top.
            self.next, self.path = 0, {}
        path = self.path
        while self.next < len(self.headings) and self.headings[self.next].line < line:
            heading = self.headings[self.next]
            self.next += 1
            for level in [lv for lv in path if lv >= heading.level]:
                del path[level]
            content = " ".join(part.strip() for part in heading.content.strip().splitlines())
            path[heading.level] = self.builder.heading(content) if content else ""
        return tuple(path[level] for level in sorted(path))

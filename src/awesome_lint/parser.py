"""Text -> tables: every table GitHub renders, each row and cell at its exact line and column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from awesome_lint.blocks import Leaf, LineRef, RawHeading, RawTable, parse_blocks, split_row
from awesome_lint.inline import Inline, References, parse_inline
from awesome_lint.model import Align, Cell, Link, Row, Table

# What cmark-gfm trims off a cell.
_CELL_SPACE = " \t\n\v\f\r"


@dataclass(frozen=True)
class ParsedDocument:
    lines: tuple[str, ...]
    tables: tuple[Table, ...]
    references: References
    # Lines holding an HTML comment block (candidates for inline disable comments).
    comment_lines: tuple[int, ...]
    # Lines inside code blocks, where comments are text, not comments.
    code_lines: frozenset[int]
    leaves: tuple[Leaf, ...]
    # The cells read so far, by their Markdown: parsing a fixed version of the same text
    # reads only the cells that changed.
    cells: dict[str, Inline]


def parse(text: str, cells: dict[str, Inline] | None = None) -> ParsedDocument:
    """Parse a document (BOM already removed) into its tables.

    `cells` is the cell cache of an earlier parse of a version of this document.
    """
    blocks = parse_blocks(text)
    builder = _Builder(blocks.lines, blocks.references, cells)
    headings = sorted(blocks.headings, key=lambda h: h.line)
    tables = tuple(
        builder.table(index, raw, _heading_path(headings, raw.header.number, builder))
        for index, raw in enumerate(blocks.tables)
    )
    code_lines = frozenset(
        n
        for leaf in blocks.leaves
        if leaf.kind == "code"
        for n in range(leaf.line, leaf.end_line + 1)
    )
    return ParsedDocument(
        tuple(blocks.lines),
        tables,
        blocks.references,
        tuple(blocks.comment_lines),
        code_lines,
        tuple(blocks.leaves),
        builder.cache,
    )


def parse_tables(text: str) -> tuple[Table, ...]:
    return parse(text).tables


def unescape_pipes(raw: str) -> str:
    """GitHub removes the backslash of `\\|` in a cell before reading its Markdown."""
    return raw.replace("\\|", "|") if "\\|" in raw else raw


class _Builder:
    def __init__(
        self, lines: Sequence[str], references: References, cache: dict[str, Inline] | None
    ) -> None:
        self.lines = lines
        self.references = references
        self.cache: dict[str, Inline] = {} if cache is None else cache

    def inline(self, raw: str) -> Inline:
        found = self.cache.get(raw)
        if found is None:
            found = parse_inline(unescape_pipes(raw), self.references)
            if "\\|" in raw and any(link.url_span for link in found.links):
                found = Inline(found.text, _raw_spans(raw, found.links), found.images)
            self.cache[raw] = found
        return found

    def row(self, ref: LineRef) -> Row:
        line = self.lines[ref.number - 1]
        spans = split_row(line, ref.start) or []
        cells = []
        for start, end in spans:
            chunk = line[start:end]
            raw = chunk.strip(_CELL_SPACE)
            column = start + (len(chunk) - len(chunk.lstrip(_CELL_SPACE))) + 1 if raw else start + 1
            parsed = self.inline(raw) if raw else Inline("")
            cells.append(
                Cell(
                    line=ref.number,
                    column=column,
                    end_column=column + len(raw),
                    raw=raw,
                    text=parsed.text,
                    links=parsed.links,
                    images=parsed.images,
                )
            )
        return Row(ref.number, tuple(cells), line[: ref.prefix_end], line)

    def table(self, index: int, raw: RawTable, headings: tuple[str, ...]) -> Table:
        rows = tuple(self.row(ref) for ref in raw.rows)
        align: tuple[Align, ...] = tuple(a for a in raw.align)  # type: ignore[misc]
        return Table(
            index=index,
            line=raw.header.number,
            end_line=raw.rows[-1].number if raw.rows else raw.delimiter.number,
            headings=headings,
            header=self.row(raw.header),
            delimiter=self.row(raw.delimiter),
            align=align,
            rows=rows,
        )


def _raw_spans(raw: str, links: tuple[Link, ...]) -> tuple[Link, ...]:
    """Move destination offsets from the unescaped cell text back to the cell as written."""
    to_raw: list[int] = []
    i = 0
    while i < len(raw):
        if raw.startswith("\\|", i):
            i += 1
        to_raw.append(i)
        i += 1
    to_raw.append(len(raw))
    out = []
    for link in links:
        if link.url_span is not None:
            a, b = link.url_span
            link = Link(
                link.text, link.url, link.title, link.kind, link.image, (to_raw[a], to_raw[b])
            )
        out.append(link)
    return tuple(out)


def _heading_path(headings: Sequence[RawHeading], line: int, builder: _Builder) -> tuple[str, ...]:
    path: dict[int, str] = {}
    for heading in headings:
        if heading.line >= line:
            break
        for level in [lv for lv in path if lv >= heading.level]:
            del path[level]
        content = " ".join(part.strip() for part in heading.content.strip().splitlines())
        path[heading.level] = builder.inline(content).text.strip() if content else ""
    return tuple(path[level] for level in sorted(path))

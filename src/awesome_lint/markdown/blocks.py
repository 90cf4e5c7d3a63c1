"""Find the tables GitHub renders: the block structure of a GFM document, line by line.

This follows cmark-gfm, GitHub's renderer, step for step (open-block matching, new block
starts, lazy continuation, the table extension), because a table's existence hangs on
details such as which line may interrupt a paragraph. It only keeps what the linter needs:
each table's lines with the offsets where the containers' prefix ends and the row starts,
the headings, and the link reference definitions.

Why not mistletoe's block parser: its tables are not GitHub's (it takes a header whose
delimiter row has another cell count, ends a table at a line without pipes too late or too
early, reads `| 1 || 3 |` differently, ignores the rule that only some blocks interrupt a
table), so its result would have to be corrected table by table; and a full mistletoe parse
of a 10,000-row list takes over a second, plus a fifth of a second to import it, where this
scanner takes a tenth. mistletoe still reads the inline Markdown that `inline_scanner` leaves
to it (see `inline.py`); the differential tests hold both to cmark-gfm's output.

It mirrors one cmark-gfm file, blocks.c (with the table extension's row scanning), which is
why it is longer than the other modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from awesome_lint.markdown.linkrefs import parse_reference_definitions

TAB_STOP = 4
CODE_INDENT = 4
_MAX_LIST_DEPTH = 100
# cmark-gfm's table limits: cells in a row (a uint16 count), and the cells a table may
# fill in for short rows (MAX_AUTOCOMPLETED_CELLS) before it takes no more rows.
_MAX_CELLS = 0xFFFF
_MAX_AUTOCOMPLETED = 0x80000

_DOC, _QUOTE, _LIST, _ITEM, _PARA, _HEADING, _HR, _CODE, _HTML, _TABLE = range(10)
_CONTAINERS = (_DOC, _QUOTE, _ITEM)


class LineRef(NamedTuple):
    """A line that belongs to a table: where the containers' prefix ends and the row starts."""

    number: int
    prefix_end: int
    start: int
    # The row's cells, when the scanner has already split it.
    cells: tuple[tuple[int, int], ...] | None = None


@dataclass
class RawTable:
    header: LineRef
    delimiter: LineRef
    rows: list[LineRef] = field(default_factory=list)
    columns: int = 0
    align: tuple[str, ...] = ()
    # The lines of the paragraph the header was the last line of: GitHub keeps them as a
    # paragraph above the table.
    lead_lines: int = 0
    # Inside a list item (at any depth).
    in_list: bool = False
    # False when a fix cannot rewrite the table without changing how GitHub reads it.
    renderable: bool = True
    # The cells filled in for short body rows, over the first `counted` rows (-1: not yet
    # counted; only large tables need it).
    missing: int = -1
    counted: int = 0


class RawHeading(NamedTuple):
    line: int
    level: int
    content: str


class Leaf(NamedTuple):
    """A leaf block, for rebuilding what GitHub shows around raw HTML tables.

    kind is "html" or "code" (text = the block's lines as the renderer gets them),
    "text" (a paragraph or heading: text = its Markdown), "table" or "rule". containers
    tells the block quotes, lists and items it is in (their kinds and first lines): where
    two leaves' differ, the renderer writes those containers' tags between them.
    """

    kind: str
    line: int
    end_line: int
    text: str = ""
    table: RawTable | None = None
    containers: tuple[tuple[int, int], ...] = ()


class BlockDocument(NamedTuple):
    lines: list[str]
    endings: list[str]
    tables: list[RawTable]
    headings: list[RawHeading]
    references: dict[str, tuple[str, str | None]]
    leaves: list[Leaf]


def _containers(node: _Node) -> tuple[tuple[int, int], ...]:
    """The kinds and first lines of the containers around a block, innermost first."""
    found = []
    parent = node.parent
    while parent is not None and parent.parent is not None:  # the document is not one
        found.append((parent.kind, parent.start_line))
        parent = parent.parent
    return tuple(found)


class _Node:
    __slots__ = (
        "bullet",
        "children",
        "content",
        "delim",
        "fence_char",
        "fence_length",
        "fence_offset",
        "fenced",
        "html_type",
        "kind",
        "last_child",
        "level",
        "line_refs",
        "marker_offset",
        "open",
        "padding",
        "parent",
        "setext",
        "start_line",
        "table",
        "table_tried",
    )

    def __init__(self, kind: int, parent: _Node | None, start_line: int) -> None:
        self.kind = kind
        self.parent = parent
        self.last_child: _Node | None = None
        # How many children it has: a paragraph of reference definitions only is removed
        # when it closes (cmark-gfm's finalize), and an item left without any is done at
        # its next blank line.
        self.children = 0
        self.open = True
        self.start_line = start_line
        self.content: list[str] = []
        self.line_refs: list[LineRef] = []
        self.table: RawTable | None = None
        self.marker_offset = 0
        self.padding = 0
        self.bullet = ""
        self.delim = ""
        self.fenced = False
        self.fence_char = ""
        self.fence_length = 0
        self.fence_offset = 0
        self.html_type = 0
        self.level = 0
        self.setext = False
        self.table_tried = False


_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_ATX_RE = re.compile(r"#{1,6}(?:[ \t]+|$)")
_FENCE_RE = re.compile(r"(`{3,})[^`]*$|(~{3,}).*$")
_CLOSE_FENCE_RE = re.compile(r"(`{3,}|~{3,})[ \t]*$")
_SETEXT_RE = re.compile(r"(?:(=+)|-+)[ \t]*$")
_THEMATIC_RE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_ORDERED_RE = re.compile(r"[0-9]{1,9}")
# cmark-gfm's scan_tasklist, which open_tasklist_item matches from the start of the line, not
# from the item's marker: in `> - [x] a` or `- - [x] a` the brackets are text.
_TASK_RE = re.compile(r"[ \t\v\f]*(?:[*+-]|[0-9]+[.)])[ \t\v\f]+\[[ xX]\][ \t\v\f]")
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "base",
        "basefont",
        "blockquote",
        "body",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "link",
        "main",
        "menu",
        "menuitem",
        "nav",
        "noframes",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "section",
        "source",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "ul",
    ]
)
_HTML_1_RE = re.compile(r"<(?:script|pre|textarea|style)(?:[ \t\v\f>]|$)", re.IGNORECASE)
_HTML_6_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:[ \t\v\f]|/?>|$)")
_ATTRIBUTE = (
    r"(?:[ \t\n\v\f\r]+[A-Za-z_:][A-Za-z0-9_.:-]*"
    r"(?:[ \t\n\v\f\r]*=[ \t\n\v\f\r]*(?:[^\"'=<>`\x00-\x20]+|'[^']*'|\"[^\"]*\"))?)"
)
_HTML_7_RE = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9-]*" + _ATTRIBUTE + r"*[ \t\n\v\f\r]*/?>"
    r"|/[A-Za-z][A-Za-z0-9-]*[ \t\n\v\f\r]*>)[ \t\n\f]*$"
)
_HTML_END = {
    1: re.compile(r"</(?:script|pre|textarea|style)>", re.IGNORECASE),
    2: re.compile(r"-->"),
    3: re.compile(r"\?>"),
    4: re.compile(r">"),
    5: re.compile(r"\]\]>"),
}
# The optional last pipe takes its own spaces: `\|?[ \t\v\f]*$` after a cell's trailing
# spaces would let two space runs share them and backtrack quadratically.
_DELIMITER_RE = re.compile(
    r"\|?[ \t\v\f]*:?-+:?[ \t\v\f]*(?:\|[ \t\v\f]*:?-+:?[ \t\v\f]*)*(?:\|[ \t\v\f]*)?$"
)
# A cell runs to the next pipe that is not escaped. Like cmark-gfm, `\|` never ends a cell,
# even after another backslash: `\\|` keeps the pipe in the cell.
_CELL_PIPE = re.compile(r"((?:[^|\\]+|\\\|?)*)(\|[ \t\v\f]*)?")
_PIPE_SPACE = re.compile(r"\|[ \t\v\f]*")
_SPACECHARS = " \t\v\f"
# cmark_isspace: what cmark_strbuf_trim takes off a cell (not VT or FF).
_CELL_TRIM = " \t\n\r"


def split_row(text: str, pos: int = 0) -> list[tuple[int, int]] | None:
    """The cells of a table row as (start, end) offsets, or None if `text[pos:]` is no row.

    `text` is one line without its line ending. A row is `|? cell (| cell)* |?`; cells may be
    empty; spaces around pipes belong to the cells (callers trim them).
    """
    n = len(text)
    cells: list[tuple[int, int]] = []
    if pos < n and text[pos] == "|":
        pos = _PIPE_SPACE.match(text, pos).end()  # type: ignore[union-attr]
    while pos < n:
        m = _CELL_PIPE.match(text, pos)
        assert m is not None  # both parts may be empty
        if m.group(2):
            cells.append(m.span(1))
            pos = m.end()
        else:
            if m.end(1) > pos:
                cells.append(m.span(1))
            break
    if len(cells) > _MAX_CELLS:
        return None  # cmark-gfm's append_row_cell: no row has more
    return cells or None


def _alignments(text: str, cells: list[tuple[int, int]]) -> tuple[str, ...]:
    out = []
    for start, end in cells:
        # cmark-gfm trims a delimiter cell of space, tab, CR and LF only (cmark_strbuf_trim),
        # so in `-:\f` the colon is not last and aligns nothing.
        marker = text[start:end].strip(_CELL_TRIM)
        left, right = marker.startswith(":"), marker.endswith(":")
        out.append("center" if left and right else "left" if left else "right" if right else "none")
    return tuple(out)


class _Parser:
    def __init__(self, lines: list[str], endings: list[str]) -> None:
        self.lines = lines
        self.endings = endings
        self.doc = _Node(_DOC, None, 1)
        self.current = self.doc
        self.tables: list[RawTable] = []
        self.headings: list[RawHeading] = []
        self.references: dict[str, tuple[str, str | None]] = {}
        self.leaves: list[Leaf] = []
        self.line = ""
        self.lineno = 0
        self.offset = 0
        self.column = 0
        self.first_nonspace = 0
        self.first_nonspace_column = 0
        self.indent = 0
        self.blank = False
        self.partial_tab = False
        self.task_line = 0
        self.row_refused = False
        # Lazy continuation lines whose text starts with white space: cmark-gfm's add_line
        # keeps it (and the rest of a tab a container half used), so a header rewritten
        # there as `| a |` would read as `| | a |`.
        self.spaced_lazy_lines: set[int] = set()
        self.split_checkbox_lines: set[int] = set()
        self._row_cache: tuple[int, int, list[tuple[int, int]] | None] = (0, -1, None)
        self._only_cache: tuple[tuple[int, str], int] = ((0, ""), 0)

    # -- the cursor -----------------------------------------------------------------------

    def peek(self, pos: int) -> str:
        return self.line[pos] if pos < len(self.line) else "\n"

    def advance(self, count: int, columns: bool) -> None:
        line, n = self.line, len(self.line)
        if "\t" not in line[self.offset : self.offset + count]:
            # Without tabs, characters and columns advance together.
            step = min(count, n - self.offset)
            if step > 0:
                self.offset += step
                self.column += step
                self.partial_tab = False
            return
        while count > 0 and self.offset < n:
            if line[self.offset] == "\t":
                to_tab = TAB_STOP - (self.column % TAB_STOP)
                if columns:
                    self.partial_tab = to_tab > count
                    step = min(count, to_tab)
                    self.column += step
                    self.offset += 0 if self.partial_tab else 1
                    count -= step
                else:
                    self.partial_tab = False
                    self.column += to_tab
                    self.offset += 1
                    count -= 1
            else:
                self.partial_tab = False
                self.offset += 1
                self.column += 1
                count -= 1

    def find_first_nonspace(self) -> None:
        line, n = self.line, len(self.line)
        if self.first_nonspace <= self.offset:
            pos, col = self.offset, self.column
            to_tab = TAB_STOP - (self.column % TAB_STOP)
            while pos < n:
                c = line[pos]
                if c == " ":
                    pos += 1
                    col += 1
                    to_tab -= 1
                    if to_tab == 0:
                        to_tab = TAB_STOP
                elif c == "\t":
                    pos += 1
                    col += to_tab
                    to_tab = TAB_STOP
                else:
                    break
            self.first_nonspace, self.first_nonspace_column = pos, col
        self.indent = self.first_nonspace_column - self.column
        self.blank = self.first_nonspace >= n

    def _only(self, char: str, pos: int) -> bool:
        """Whether the line holds nothing but `char`, spaces and tabs from pos on.

        Checked before _THEMATIC_RE, which would otherwise scan the rest of the line once
        per container on lines such as `- - - - ... x` (quadratic).
        """
        key = (self.lineno, char)
        if self._only_cache[0] != key:
            self._only_cache = (key, len(self.line.rstrip(char + " \t")))
        return self._only_cache[1] <= pos

    def _takes_row(
        self, table: RawTable | None, line: str, cells: list[tuple[int, int]] | None
    ) -> bool:
        """Whether the table takes one more row: cmark-gfm's try_opening_table_row refuses
        it once the cells filled in for short rows exceed MAX_AUTOCOMPLETED_CELLS."""
        assert table is not None
        if len(table.rows) * table.columns <= _MAX_AUTOCOMPLETED:
            return True  # fewer cells than the limit in all: no need to count
        if table.missing < 0:
            table.missing = sum(
                max(0, table.columns - len(self._cells_of(ref))) for ref in table.rows
            )
            table.counted = len(table.rows)
        for ref in table.rows[table.counted :]:
            table.missing += max(0, table.columns - len(self._cells_of(ref)))
        table.counted = len(table.rows)
        if table.missing <= _MAX_AUTOCOMPLETED:
            return True
        # A fix that fills in short rows would let the table take the lines it refused.
        table.renderable = False
        return False

    def _cells_of(self, ref: LineRef) -> tuple[tuple[int, int], ...] | list[tuple[int, int]]:
        if ref.cells is not None:
            return ref.cells
        return split_row(self.lines[ref.number - 1], ref.start) or []

    def prefix_end(self) -> int:
        return self.offset + 1 if self.partial_tab else self.offset

    def row_cells(self) -> list[tuple[int, int]] | None:
        key = (self.lineno, self.first_nonspace)
        if self._row_cache[:2] != key:
            self._row_cache = (*key, split_row(self.line, self.first_nonspace))
        return self._row_cache[2]

    # -- the tree -------------------------------------------------------------------------

    def add_child(self, parent: _Node, kind: int) -> _Node:
        while not _can_contain(parent.kind, kind):
            parent = self.finalize(parent)
        child = _Node(kind, parent, self.lineno)
        parent.last_child = child
        parent.children += 1
        return child

    def finalize(self, node: _Node) -> _Node:
        assert node.parent is not None
        if not node.open:
            return node.parent
        node.open = False
        kind = node.kind
        if kind == _PARA:
            self._finalize_paragraph(node)
            if node.content:
                self._leaf("text", node, "".join(node.content))
            else:
                node.parent.children -= 1
        elif kind == _HEADING:
            content = "".join(node.content)
            self.headings.append(RawHeading(node.start_line, node.level, content))
            self._leaf("text", node, content)
        elif kind in (_CODE, _HTML):
            self._leaf("code" if kind == _CODE else "html", node, "".join(node.content))
        elif kind == _TABLE:
            table = node.table
            assert table is not None
            end = table.rows[-1].number if table.rows else table.delimiter.number
            self.leaves.append(
                Leaf("table", node.start_line, end, table=table, containers=_containers(node))
            )
        elif kind == _HR:
            self._leaf("rule", node, "")
        return node.parent

    def _leaf(self, kind: str, node: _Node, text: str) -> None:
        end = max(node.start_line, self.lineno - 1)
        self.leaves.append(Leaf(kind, node.start_line, end, text, containers=_containers(node)))

    def _finalize_paragraph(self, node: _Node) -> None:
        content = "".join(node.content)
        if content.startswith("["):
            rest = parse_reference_definitions(content, self.references)
            node.content = [rest] if rest.strip() else []

    # -- one line -------------------------------------------------------------------------

    def process_line(self, lineno: int) -> None:
        self.line = line = self.lines[lineno - 1]
        self.lineno = lineno
        current = self.current
        if (
            current.kind == _TABLE
            and current.parent is self.doc
            and line[:1] == "|"
            and len(line) < _MAX_CELLS
            and self._takes_row(current.table, line, None)
        ):
            # The commonest line of a list: the next row of a top-level table. Every block
            # start would need a character other than `|` first, so it is a row.
            if "\\" not in line:
                # Without escapes, any text after the leading pipe makes it a row; the parser
                # splits it with str.split.
                if line[1:].strip(_SPACECHARS):
                    table = current.table
                    assert table is not None
                    table.rows.append(LineRef(lineno, 0, 0))
                    return
            else:
                cells = split_row(line, 0)
                if cells is not None:
                    table = current.table
                    assert table is not None
                    table.rows.append(LineRef(lineno, 0, 0, tuple(cells)))
                    return
        self.offset = self.column = self.first_nonspace = self.first_nonspace_column = 0
        self.indent = 0
        self.blank = False
        self.partial_tab = False
        matched = self.check_open_blocks()
        if matched is None:
            return
        last_matched, all_matched = matched
        container = self.open_new_blocks(last_matched, all_matched)
        self.add_text(container, last_matched)

    def check_open_blocks(self) -> tuple[_Node, bool] | None:
        container = self.doc
        while container.last_child is not None and container.last_child.open:
            container = container.last_child
            self.find_first_nonspace()
            kind = container.kind
            ok = True
            if kind == _QUOTE:
                ok = self.indent <= 3 and self.peek(self.first_nonspace) == ">"
                if ok:
                    self.advance(self.indent + 1, True)
                    if self.peek(self.offset) in " \t":
                        self.advance(1, True)
            elif kind == _ITEM:
                if self.indent >= container.marker_offset + container.padding:
                    self.advance(container.marker_offset + container.padding, True)
                elif self.blank and container.children:
                    self.advance(self.first_nonspace - self.offset, False)
                else:
                    ok = False
            elif kind == _CODE:
                if not container.fenced:
                    if self.indent >= CODE_INDENT:
                        self.advance(CODE_INDENT, True)
                    elif self.blank:
                        self.advance(self.first_nonspace - self.offset, False)
                    else:
                        ok = False
                else:
                    fence = (
                        _CLOSE_FENCE_RE.match(self.line, self.first_nonspace)
                        if self.indent <= 3
                        and self.peek(self.first_nonspace) == container.fence_char
                        else None
                    )
                    if fence and len(fence.group(1)) >= container.fence_length:
                        self.current = self.finalize(container)
                        return None
                    i = container.fence_offset
                    while i > 0 and self.peek(self.offset) in " \t":
                        self.advance(1, True)
                        i -= 1
            elif kind == _HTML:
                ok = container.html_type <= 5 or not self.blank
            elif kind == _PARA:
                ok = not self.blank
            elif kind in (_HEADING, _HR):
                ok = False
            elif kind == _TABLE:
                ok = self.row_cells() is not None
            if not ok:
                assert container.parent is not None
                return container.parent, False
        return container, True

    def open_new_blocks(self, container: _Node, all_matched: bool) -> _Node:
        maybe_lazy = self.current.kind == _PARA
        kind = container.kind
        # cmark-gfm's MAX_LIST_DEPTH counts the blocks opened on this line
        # (open_new_blocks): from the 100th on, a list marker is text.
        depth = 0
        while kind not in (_CODE, _HTML):
            depth += 1
            self.find_first_nonspace()
            indented = self.indent >= CODE_INDENT
            fns = self.first_nonspace
            c = self.peek(fns)
            if not indented and c == ">":
                self.advance(fns + 1 - self.offset, False)
                if self.peek(self.offset) in " \t":
                    self.advance(1, True)
                container = self.add_child(container, _QUOTE)
            elif not indented and c == "#" and (m := _ATX_RE.match(self.line, fns)):
                self.advance(m.end() - self.offset, False)
                container = self.add_child(container, _HEADING)
                container.level = len(m.group(0).rstrip(" \t"))
            elif not indented and c in "`~" and (m := _FENCE_RE.match(self.line, fns)):
                container = self.add_child(container, _CODE)
                fence = m.group(1) or m.group(2)
                container.fenced = True
                container.fence_char = fence[0]
                container.fence_length = len(fence)
                container.fence_offset = fns - self.offset
                self.advance(fns + len(fence) - self.offset, False)
            elif not indented and c == "<" and (html := self._html_start(fns, kind)):
                container = self.add_child(container, _HTML)
                container.html_type = html
            elif (
                not indented
                and kind == _PARA
                and c in "=-"
                and (m := _SETEXT_RE.match(self.line, fns))
            ):
                self._finalize_paragraph(container)
                if container.content:
                    container.kind = _HEADING
                    container.level = 1 if m.group(1) else 2
                    container.setext = True
                    self.advance(len(self.line) - self.offset, False)
            elif (
                not indented
                and not (kind == _PARA and not all_matched)
                and c in "*-_"
                and self._only(c, fns)
                and _THEMATIC_RE.match(self.line, fns)
            ):
                container = self.add_child(container, _HR)
                self.advance(len(self.line) - self.offset, False)
            elif (
                self.indent < 4
                and depth < _MAX_LIST_DEPTH
                and (marker := self._list_marker(fns, kind == _PARA))
            ):
                container = self._open_item(container, marker)
            elif indented and not maybe_lazy and not self.blank:
                self.advance(CODE_INDENT, True)
                container = self.add_child(container, _CODE)
            elif not indented and kind == _PARA:
                opened = self._try_table_header(container)
                if opened is None:
                    break
                container = opened
            elif not indented and kind == _TABLE:
                if self.blank or (cells := self.row_cells()) is None:
                    break
                table = container.table
                assert table is not None
                if not self._takes_row(table, self.line, cells):
                    self.row_refused = True
                    break
                ref = LineRef(self.lineno, self.prefix_end(), self.first_nonspace, tuple(cells))
                table.rows.append(ref)
                self.advance(len(self.line) - self.offset, False)
            else:
                if kind == _ITEM and _TASK_RE.match(self.line):
                    # The checkbox of a task item is no text of it (cmark-gfm's
                    # open_tasklist_item steps over the three characters).
                    self.advance(3, False)
                    self.task_line = self.lineno
                break
            if container.kind in (_PARA, _HEADING, _CODE, _HTML):
                break
            kind = container.kind
            maybe_lazy = False
        return container

    def _html_start(self, pos: int, kind: int) -> int:
        line = self.line
        if _HTML_1_RE.match(line, pos):
            return 1
        if line.startswith("<!--", pos):
            return 2
        if line.startswith("<?", pos):
            return 3
        if line[pos : pos + 9].upper() == "<![CDATA[":  # re2c's quoted strings ignore case
            return 5
        if line.startswith("<!", pos) and "A" <= line[pos + 2 : pos + 3] <= "Z":
            return 4
        m = _HTML_6_RE.match(line, pos)
        if m and m.group(1).lower() in _BLOCK_TAGS:
            return 6
        if kind != _PARA and _HTML_7_RE.match(line, pos):
            return 7
        return 0

    def _list_marker(self, pos: int, interrupts_paragraph: bool) -> tuple[int, str, str] | None:
        """(marker length, bullet char or '', delimiter or '') when a list item starts at pos."""
        line = self.line
        c = self.peek(pos)
        if c in "*-+":
            # cmark_isspace: a vertical tab or form feed after the marker makes it text.
            after = self.peek(pos + 1)
            if after not in " \t\n\r":
                return None
            if interrupts_paragraph:
                i = pos + 1
                while self.peek(i) in " \t":
                    i += 1
                # cmark-gfm's S_process_line ends every line with "\n", whatever its ending
                # was, so a bare marker never interrupts a paragraph, in CRLF files too.
                if i >= len(line):
                    return None
            return 1, c, ""
        m = _ORDERED_RE.match(line, pos)
        if m is None:
            return None
        if interrupts_paragraph and int(m.group(0)) != 1:
            return None
        end = m.end()
        delim = self.peek(end)
        if delim not in ".)":
            return None
        if self.peek(end + 1) not in " \t\n\r":
            return None
        if interrupts_paragraph:
            i = end + 1
            while self.peek(i) in " \t":
                i += 1
            if i >= len(line):
                return None
        return end + 1 - pos, "", delim

    def _open_item(self, container: _Node, marker: tuple[int, str, str]) -> _Node:
        length, bullet, delim = marker
        self.advance(self.first_nonspace + length - self.offset, False)
        save = (self.offset, self.column, self.partial_tab)
        while self.column - save[1] <= 5 and self.peek(self.offset) in " \t":
            self.advance(1, True)
        spaces = self.column - save[1]
        if spaces >= 5 or spaces < 1 or self.offset >= len(self.line):
            padding = length + 1
            self.offset, self.column, self.partial_tab = save
            if spaces > 0:
                self.advance(1, True)
        else:
            padding = length + spaces
        marker_offset = self.indent
        if container.kind != _LIST or container.bullet != bullet or container.delim != delim:
            container = self.add_child(container, _LIST)
            container.bullet, container.delim = bullet, delim
        item = self.add_child(container, _ITEM)
        item.marker_offset, item.padding = marker_offset, padding
        item.bullet, item.delim = bullet, delim
        return item

    def _try_table_header(self, paragraph: _Node) -> _Node | None:
        line, fns = self.line, self.first_nonspace
        if line[fns : fns + 1] not in ("|", ":", "-", "\v", "\f") or not _DELIMITER_RE.match(
            line, fns
        ):
            return None
        if paragraph.table_tried:
            # cmark-gfm tries a paragraph once: after a delimiter row that did not fit its
            # header, no later line turns it into a table.
            return None
        delimiter = split_row(line, fns)
        header_ref = paragraph.line_refs[-1]
        header_line = self.lines[header_ref.number - 1]
        header_cells = split_row(header_line, header_ref.start)
        if delimiter is None or header_cells is None or len(header_cells) != len(delimiter):
            paragraph.table_tried = True
            return None
        table = RawTable(
            header=header_ref,
            delimiter=LineRef(self.lineno, self.prefix_end(), fns),
            columns=len(delimiter),
            align=_alignments(line, delimiter),
            lead_lines=len(paragraph.line_refs) - 1,
            in_list=_in_item(paragraph),
            renderable=header_ref.number not in self.spaced_lazy_lines
            and header_ref.number not in self.split_checkbox_lines
            and not (len(paragraph.line_refs) > 1 and _all_dashes(header_line, header_cells)),
        )
        self.tables.append(table)
        # GitHub keeps the lines above the header as a paragraph, without looking for
        # link reference definitions in them.
        if table.lead_lines:
            lead = "".join(paragraph.content[:-1]).replace("\\|", "|")
            self.leaves.append(
                Leaf(
                    "text",
                    paragraph.start_line,
                    self.lineno - 2,
                    lead,
                    containers=_containers(paragraph),
                )
            )
        paragraph.start_line = header_ref.number
        paragraph.kind = _TABLE
        paragraph.table = table
        paragraph.content = []
        self.advance(len(line) - self.offset, False)
        return paragraph

    def add_text(self, container: _Node, last_matched: _Node) -> None:
        self.find_first_nonspace()
        if (
            self.current is not last_matched
            and container is last_matched
            and not self.blank
            and self.current.kind == _PARA
        ):
            if self.partial_tab or self.peek(self.offset) in " \t":
                self.spaced_lazy_lines.add(self.lineno)
            self._add_line(self.current, self.offset)
            return
        while self.current is not last_matched:
            self.current = self.finalize(self.current)
        kind = container.kind
        if kind == _CODE:
            if not (container.fenced and container.start_line == self.lineno):
                self._add_raw_line(container)
        elif kind == _HTML:
            self._add_raw_line(container)
            end = _HTML_END.get(container.html_type)
            if end is not None and end.search(self.line, self.first_nonspace):
                container = self.finalize(container)
        elif self.blank:
            pass
        elif kind == _HEADING:
            if not container.setext:
                container.content.append(_chop_closing_hashes(self.line[self.first_nonspace :]))
        elif kind == _PARA:
            self._add_line(container, self.first_nonspace)
        elif kind == _TABLE and self.row_refused:
            # A row the table could not take starts a paragraph after it (cmark-gfm's
            # add_text_to_container).
            self.row_refused = False
            container = self.add_child(container, _PARA)
            self._add_line(container, self.first_nonspace)
        elif kind not in (_TABLE, _HR):
            container = self.add_child(container, _PARA)
            self._add_line(container, self.first_nonspace)
        self.current = container

    def _add_raw_line(self, node: _Node) -> None:
        text = self.line[self.offset :]
        if self.partial_tab:
            text = " " * (TAB_STOP - self.column % TAB_STOP) + self.line[self.offset + 1 :]
        node.content.append(text + "\n")

    def _add_line(self, paragraph: _Node, start: int) -> None:
        prefix_end = self.prefix_end()
        if self.task_line == self.lineno:
            # The checkbox and the space after it stay in the prefix a fix keeps.
            prefix_end = max(prefix_end, start)
            if not self.line[:prefix_end].rstrip(" \t\v\f").endswith("]"):
                # The three characters stepped over were not the checkbox (a vertical tab
                # before it): the row starts inside `[x]`, which a rewritten row would break.
                self.split_checkbox_lines.add(self.lineno)
        paragraph.line_refs.append(LineRef(self.lineno, prefix_end, start))
        text = self.line[start:]
        if start == self.offset and self.partial_tab:
            text = " " * (TAB_STOP - self.column % TAB_STOP) + self.line[start + 1 :]
        paragraph.content.append(text + "\n")

    def finish(self) -> None:
        self.lineno = len(self.lines) + 1
        while True:
            node = self.current
            if node is self.doc:
                break
            self.current = self.finalize(node)


_DASHES = re.compile(r"[ \t\v\f]*:?-+:?[ \t\v\f]*")


def _all_dashes(line: str, cells: list[tuple[int, int]]) -> bool:
    """Whether a header, rewritten as `| - |`, would itself be a delimiter row: below other
    lines of its paragraph (such as reference definitions, which leave a `-` line that
    follows them as text: cmark-gfm's setext check finds no content) it would then start
    the table one line early."""
    return all(_DASHES.fullmatch(line, start, end) for start, end in cells)


def _in_item(node: _Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.kind == _ITEM:
            return True
        parent = parent.parent
    return False


def _can_contain(parent: int, child: int) -> bool:
    if parent in _CONTAINERS:
        return child != _ITEM
    if parent == _LIST:
        return child == _ITEM
    return False  # tables hold rows, which are not nodes here


def _chop_closing_hashes(text: str) -> str:
    stripped = text.rstrip(" \t")
    body = stripped.rstrip("#")
    if body != stripped and (body == "" or body[-1] in " \t"):
        return body.rstrip(" \t")
    return stripped


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """The lines of `text` and their endings, split where CommonMark splits: LF, CRLF, CR."""
    if "\r" not in text:
        # Most files: str.split, at C speed.
        lines = text.split("\n")
        if lines[-1]:
            return lines, ["\n"] * (len(lines) - 1) + [""]
        lines.pop()  # after the final newline: no line
        return lines, ["\n"] * len(lines)
    lines = []
    endings = []
    for m in _LINE_RE.finditer(text):
        chunk = m.group(0)
        if not chunk:
            break
        if chunk.endswith("\r\n"):
            lines.append(chunk[:-2])
            endings.append("\r\n")
        elif chunk.endswith(("\n", "\r")):
            lines.append(chunk[:-1])
            endings.append(chunk[-1])
        else:
            lines.append(chunk)
            endings.append("")
    return lines, endings


# Every delimiter row has a dash next to a pipe or a colon (`---` alone is a heading line),
# unless a vertical tab or form feed is beside its dashes (`-\v` is no heading line).
_HTML_TABLE_RE = re.compile(r"<table", re.IGNORECASE)
_MAYBE_TABLE_RE = re.compile(r"[|:][ \t]*-|-[ \t]*[|:]")


def parse_blocks(text: str) -> BlockDocument:
    lines, endings = split_lines(text)
    if (
        _MAYBE_TABLE_RE.search(text) is None
        and _HTML_TABLE_RE.search(text) is None
        and "\v" not in text
        and "\f" not in text
    ):
        # No line can be a delimiter row and no HTML writes a table, so there is no
        # table: skip the block structure.
        return BlockDocument(lines, endings, [], [], {}, [])
    return parse_block_lines(lines, endings)


def parse_block_lines(lines: list[str], endings: list[str]) -> BlockDocument:
    """`parse_blocks` of a text given as its lines and their endings (see `split_lines`)."""
    parser = _Parser(lines, endings)
    for number in range(1, len(lines) + 1):
        parser.process_line(number)
    parser.finish()
    return BlockDocument(
        lines,
        endings,
        parser.tables,
        parser.headings,
        parser.references,
        parser.leaves,
    )

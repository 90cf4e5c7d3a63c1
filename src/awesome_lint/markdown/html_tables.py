"""Tables written in raw HTML (`<table>` in an HTML block), as GitHub shows them.

Lists often lay out logos or side-by-side tables in HTML. The linter leaves them alone, but
`export` lists them beside the Markdown tables so that its tables are the page's tables:
the document's leaf blocks are rendered to just enough HTML (raw HTML as written, the text
of everything else) and the top-level `<table>` elements are read back, a Markdown table
nested in an HTML cell counting as text of that cell.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from awesome_lint.markdown.blocks import Leaf
from awesome_lint.markdown.inline_scanner import FILTERED_TAG


@dataclass
class HtmlTable:
    line: int
    end_line: int = 0
    rows: list[list[str]] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[HtmlTable] = []
        self.depth = 0
        self.cell: list[str] | None = None
        self.line = 0

    def handle_starttag(self, tag: str, _attrs: object) -> None:
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.tables.append(HtmlTable(self.line))
        elif self.depth == 1 and tag == "tr":
            self.tables[-1].rows.append([])
        elif self.depth == 1 and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.depth -= 1
            if self.depth == 0 and self.tables:
                self.tables[-1].end_line = -1  # known once the leaf is fed
        elif self.depth == 1 and tag in ("td", "th") and self.cell is not None:
            table = self.tables[-1]
            if not table.rows:
                table.rows.append([])
            table.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # Python before 3.13 raises AssertionError on a marked section it does not know
        # (`<![x`, `<![ `); a browser reads `<![` outside SVG and MathML as a bogus comment
        # that ends at the next `>`.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1


def _disarmed(tag: re.Match[str]) -> str:
    return "&lt;" + tag.group()[1:]


def _writes_table_tag(text: str) -> bool:
    lowered = text.lower()
    return "<table" in lowered or "</table" in lowered


def has_html_tables(leaves: Sequence[Leaf]) -> bool:
    """Whether raw HTML may change the page's tables: a `<table>` or `</table>` written in
    it, or a tag left open at the end of an HTML block (see `html_tables`)."""
    return any(
        (leaf.kind in ("html", "text") and _writes_table_tag(leaf.text))
        or (leaf.kind == "html" and leaf.text.rfind("<") > leaf.text.rfind(">"))
        for leaf in leaves
    )


def html_tables(
    leaves: Sequence[Leaf],
    text_of: Callable[[str], str],
    cells_of: Callable[[Leaf], list[list[str]]],
    html_of: Callable[[str], str] | None = None,
) -> tuple[list[HtmlTable], set[int]]:
    """The top-level HTML tables, and the lines of Markdown tables nested inside them.

    text_of gives the plain text of a paragraph's Markdown; cells_of the cell texts of a
    Markdown table leaf; html_of the HTML of a paragraph that writes a `<table>` inline.
    """
    collector = _Collector()
    nested: set[int] = set()
    containers: tuple[tuple[int, int], ...] = ()
    for leaf in leaves:
        collector.line = leaf.line
        if collector.rawdata and leaf.containers != containers:
            # A tag left open reads on to the next `>`: the first of the container tags
            # (`<ul>`, `<li>`, `</blockquote>`) the renderer writes between the two blocks.
            collector.feed("<li>\n")
        containers = leaf.containers
        if leaf.kind == "html":
            # The tag filter disarms `<script` and the like before a browser reads the page.
            collector.feed(FILTERED_TAG.sub(_disarmed, leaf.text))
        elif leaf.kind == "text" and html_of is not None and _writes_table_tag(leaf.text):
            collector.feed("<p>" + html_of(leaf.text) + "</p>\n")
        elif collector.depth == 0 and not collector.rawdata:
            # Outside HTML tables, unless a tag is still open: raw HTML that ends in `<x`
            # takes what follows into that tag (a browser reads on to the next `>`).
            continue
        elif leaf.kind in ("code", "text"):
            body = text_of(leaf.text) if leaf.kind == "text" else leaf.text
            collector.feed("<p>" + html.escape(body, quote=False) + "</p>\n")
        elif leaf.kind == "table":
            nested.add(leaf.line)
            rows = "".join(
                "<tr>"
                + "".join(f"<td>{html.escape(c, quote=False)}</td>\n" for c in row)
                + "</tr>\n"
                for row in cells_of(leaf)
            )
            collector.feed("<table>\n" + rows + "</table>\n")
        for table in collector.tables:
            if table.end_line == -1:
                table.end_line = leaf.end_line
    collector.close()
    last = leaves[-1].end_line if leaves else 0
    for table in collector.tables:
        if table.end_line <= 0:  # still open, or closed by close() itself
            table.end_line = last
    return collector.tables, nested

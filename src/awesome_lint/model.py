"""The values that flow through awesome-lint: tables as parsed, and the problems found in them.

All positions are 1-based; columns count Unicode code points of the line as written
(after the BOM), the way ruff and most editors count them.

The classes a run makes by the hundred thousand (Image, Link, Cell, Row, Problem) are not
frozen: a frozen dataclass's `__init__` sets each field through `object.__setattr__`, about
four times slower, and a 50,000-row list makes a quarter of a million cells. They are
immutable all the same, by convention: nothing assigns to a field (`dataclasses.replace`
makes a changed copy), and `unsafe_hash` hashes them by value as if they were frozen. Where
Python has them (3.10+) they use slots, a third less memory each.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

Align = Literal["left", "center", "right", "none"]
LinkKind = Literal["inline", "reference", "autolink", "bare", "html"]
FixSafety = Literal["safe", "unsafe"]
Severity = Literal["error", "warning"]

# The options of the dataclasses made by the hundred thousand (see above).
MANY: dict[str, Any] = {"unsafe_hash": True}
if sys.version_info >= (3, 10):
    MANY["slots"] = True


@dataclass(**MANY)
class Image:
    alt: str
    url: str
    title: str | None = None


@dataclass(**MANY)
class Link:
    """A link in a cell. A badge is a link whose text is an image (`image` is set)."""

    text: str
    url: str
    title: str | None = None
    kind: LinkKind = "inline"
    image: Image | None = None
    # Offsets of the destination in the cell's raw text, when it is written there literally
    # (no escapes, no entities), so that an unsafe fix can rewrite it in place.
    url_span: tuple[int, int] | None = None


@dataclass(**MANY)
class Cell:
    line: int
    column: int
    end_column: int
    raw: str
    text: str
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()


@dataclass(**MANY)
class Row:
    """One line of a table: the header, the delimiter row or a body row."""

    line: int
    cells: tuple[Cell, ...]
    # What the containers (block quotes, list items) own at the start of the line; kept verbatim.
    prefix: str
    source: str

    @property
    def is_empty(self) -> bool:
        """Whether every cell is empty (`| | |`): GitHub shows a blank row."""
        return all(not cell.raw for cell in self.cells)


@dataclass(frozen=True)
class Table:
    index: int
    line: int
    end_line: int
    headings: tuple[str, ...]
    header: Row
    delimiter: Row
    align: tuple[Align, ...]
    rows: tuple[Row, ...]
    # Inside a list item: there a table without body rows makes the list loose.
    in_list: bool = False
    # False when no fix can rewrite it without changing how GitHub reads it: its
    # problems are then reported without a fix.
    renderable: bool = True

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(cell.text for cell in self.header.cells)


@dataclass(order=True, **MANY)
class Problem:
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    message: str
    severity: Severity = "error"
    fix: FixSafety | None = None
    # What the fix does or what to do, in a few words ("Replace with `ICLR'24`").
    suggestion: str | None = None
    # Facts for the machine-readable formats (the online rules' HTTP status, error, URL).
    data: tuple[tuple[str, Any], ...] = ()


class RuleInfo(NamedTuple):
    """What `awesome-lint rules`, the README and the reporters know of a rule."""

    id: str
    summary: str
    why: str
    fix: FixSafety | None
    doc: str

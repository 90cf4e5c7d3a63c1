"""What the schema rules share: reading a cell as empty, a placeholder or a comparable key."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from awesome_lint.model import Cell, Row
from awesome_lint.tableschema import BoundTable, ColumnSpec, fold_header, fold_placeholder

# Texts that lists write for "none"; a column accepts those its spec lists in `placeholders`.
PLACEHOLDER_LIKE = frozenset(
    fold_placeholder(text)
    for text in (
        *("N/A", "NA", "N.A.", "n.a", "-", "--", "—", "\N{EN DASH}", "/", "?", "...", "…", "_"),
        *("None", "Null", "Nil", "TBD", "TBA", "TODO", "Coming soon", "Soon"),
        *(
            "Unavailable",
            "Not available",
            "Unknown",
            "\N{MULTIPLICATION SIGN}",
            "✗",
            "✘",
            "❌",
            "\N{HEAVY MINUS SIGN}",
        ),
        *(":x:", ":heavy_minus_sign:", ":no_entry_sign:"),
    )
)

# Link texts that name the kind of link, not the entry: rows sharing one are not duplicates.
GENERIC_LABELS = frozenset(
    (
        *("link", "links", "here", "url", "paper", "papers", "pdf", "arxiv", "article"),
        *("abstract", "code", "github", "repo", "project", "projectpage", "website"),
        *("homepage", "page", "blog", "demo", "video", "slides", "openreview", "doi"),
    )
)


# Header words of a column that names the entry (when the schema has no `Name` column).
_NAME_WORDS = ("name", "model", "dataset", "benchmark", "method", "project", "tool", "librar")

# What tells an entry apart: each name or title, folded whole and up to its first colon.
Names = tuple[tuple[str, str], ...]


def is_blank(cell: Cell | None) -> bool:
    """No cell at all, or one that shows nothing: no text, link or image."""
    return cell is None or (not cell.text.strip() and not cell.links and not cell.images)


def looks_placeholder(text: str) -> bool:
    return fold_placeholder(text) in PLACEHOLDER_LIKE


def is_placeholder(spec: ColumnSpec | None, cell: Cell) -> bool:
    """A cell without links whose text means "none", listed by the column or not."""
    if cell.links:
        return False
    return looks_placeholder(cell.text) or (spec is not None and spec.is_placeholder(cell.text))


def fold_text(text: str) -> str:
    """Text compared ignoring case, punctuation, symbols and spaces (and Unicode width forms)."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def identity_columns(bound: BoundTable) -> tuple[int, ...]:
    """The columns that tell an entry apart from others of the same paper: the name column
    (the schema's `Name`, else the first other than a key whose header has a name word) and
    the Title."""
    specs = bound.columns
    keys = {column for column, _ in bound.schema.unique} if bound.schema else set()
    named = [i for i, s in enumerate(specs) if s is not None and s.name == "Name"]
    if not named:
        for i, cell in enumerate(bound.table.header.cells):
            spec = specs[i] if i < len(specs) else None
            if spec is not None and (spec.name in keys or spec.name == "Title"):
                continue
            if any(word in fold_header(cell.text) for word in _NAME_WORDS):
                named = [i]
                break
    titles = [i for i, s in enumerate(specs) if s is not None and s.name == "Title"]
    return (*named, *titles)


def identity(
    row: Row, columns: tuple[int, ...], fold: Callable[[str], tuple[str, str]] | None = None
) -> Names:
    """A row's names (`fold`: `fold_name`, memoized by the caller)."""
    texts = (row.cells[i].text if i < len(row.cells) else "" for i in columns)
    return tuple((fold or fold_name)(text) for text in texts)


def fold_name(text: str) -> tuple[str, str]:
    """A name or title compared as a whole and up to its first colon."""
    return fold_text(text), fold_text(text.partition(":")[0])


class RowNames:
    """A row's names, folded when first compared: most rows share no key with another."""

    __slots__ = ("columns", "fold", "row", "value")

    def __init__(
        self, row: Row, columns: tuple[int, ...], fold: Callable[[str], tuple[str, str]]
    ) -> None:
        self.row, self.columns, self.fold = row, columns, fold
        self.value: Names | None = None

    def get(self) -> Names:
        if self.value is None:
            self.value = identity(self.row, self.columns, self.fold)
        return self.value


def names_agree(a: Names, b: Names) -> bool:
    """Names agree unless both rows name the entry and the names differ."""
    return a == b or all(
        not x[0] or not y[0] or x[0] == y[0] or x[0] == y[1] or x[1] == y[0] for x, y in zip(a, b)
    )


def text_key(text: str) -> tuple[str, ...]:
    """A cell text as a key: folded, and none for texts that only name a kind of link."""
    folded = fold_text(text)
    return (folded,) if folded and folded not in GENERIC_LABELS else ()


def section_name(headings: tuple[str, ...]) -> str:
    """The section the headings above a table make, as a message names it."""
    return f"“{headings[-1]}”" if headings and headings[-1] else "the top of the file"


# `\w` is str.isalnum() plus the underscore.
_NOT_ALNUM = re.compile(r"[\W_]+")

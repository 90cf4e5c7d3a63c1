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


# A row kept for a key: its line, its section (the headings above it) and its names.
Seen = tuple[int, tuple[str, ...], RowNames]


class KeptRows:
    """The rows kept for one key value (duplicate-entry), and the forms of their names by
    column: a row whose names none of them can agree with (the common case: a title that
    many entries share) is told apart without comparing it with each."""

    __slots__ = ("forms", "noted", "rows")

    def __init__(self) -> None:
        self.rows: list[Seen] = []
        # For each name column: the names whole (with "" for a row without the column)
        # and up to their colon; built when a second row arrives.
        self.forms: list[tuple[set[str], set[str]]] | None = None
        self.noted = 0

    def add(self, row: Seen) -> None:
        self.rows.append(row)
        if self.forms is not None:
            self._note(row[2].get())

    def may_agree(self, names: Names) -> bool:
        """False when `names_agree` holds for none of the rows (True: it may hold)."""
        if self.forms is None:
            self.forms = []
            for _, _, kept in self.rows:
                self._note(kept.get())
        forms = self.forms
        for i, (whole, head) in enumerate(names):
            if not whole or i >= len(forms):
                continue
            wholes, heads = forms[i]
            if not ({"", whole, head} & wholes or whole in heads):
                return False
        return True

    def _note(self, names: Names) -> None:
        assert self.forms is not None
        forms = self.forms
        while len(forms) < len(names):
            # The rows noted before have no such column: they agree with any name in it.
            forms.append(({""} if self.noted else set(), set()))
        for i, (whole, head) in enumerate(names):
            forms[i][0].add(whole)
            forms[i][1].add(head)
        for i in range(len(names), len(forms)):
            forms[i][0].add("")
        self.noted += 1


def text_key(text: str) -> tuple[str, ...]:
    """A cell text as a key: folded, and none for texts that only name a kind of link."""
    folded = fold_text(text)
    return (folded,) if folded and folded not in GENERIC_LABELS else ()


def section_name(headings: tuple[str, ...]) -> str:
    """The section the headings above a table make, as a message names it."""
    return f"“{headings[-1]}”" if headings and headings[-1] else "the top of the file"


# `\w` is str.isalnum() plus the underscore.
_NOT_ALNUM = re.compile(r"[\W_]+")

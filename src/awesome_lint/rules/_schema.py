"""What the schema rules share: reading a cell as empty, a placeholder or a comparable key."""

from __future__ import annotations

import re
import unicodedata

from awesome_lint.model import Cell
from awesome_lint.tableschema import ColumnSpec, fold_placeholder

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


# `\w` is str.isalnum() plus the underscore.
_NOT_ALNUM = re.compile(r"[\W_]+")

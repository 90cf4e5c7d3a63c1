"""Link reference definitions (`[label]: destination "title"`) at the start of a paragraph,
and the pieces of link syntax they share with inline links (cmark-gfm's inlines.c): labels,
destinations and titles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from awesome_lint.markdown.entities import ASCII_PUNCTUATION, normalize_label, unescape

References = Mapping[str, tuple[str, "str | None"]]
"""Normalised label -> (destination, title) of the link reference definitions of a document."""

# cmark-gfm's MAX_LINK_LABEL_LENGTH, in UTF-8 bytes: a longer label is never a reference.
MAX_LABEL = 1000
_MAX_PARENS = 32
TITLES = "\"'("
"""The characters that open a link title."""
_DESTINATION_RUN = re.compile(r"[^\\() \t\n\r]+")


def label_end(s: str, pos: int) -> int | None:
    """Offset past the `]` of the link label opening (with `[`) at pos, if it is one."""
    i, n = pos + 1, len(s)
    while i < n and s[i] not in "[]":
        i += 2 if s[i] == "\\" else 1
        if i - pos > MAX_LABEL + 1:
            return None
    return i + 1 if i < n and s[i] == "]" and label_fits(s[pos + 1 : i]) else None


def label_fits(label: str) -> bool:
    """A link label is at most 1000 bytes long in UTF-8 (cmark-gfm counts bytes)."""
    return len(label) <= MAX_LABEL and (
        label.isascii() or len(label.encode("utf-8", "surrogatepass")) <= MAX_LABEL
    )


def angle_destination_end(s: str, pos: int) -> int | None:
    """The offset of the `>` closing the destination `<...>` that opens at pos, if any."""
    end, n = pos + 1, len(s)
    while end < n and s[end] not in "<>\n":
        end += 2 if s[end] == "\\" else 1
    return end if end < n and s[end] == ">" else None


def title_end(s: str, pos: int) -> int | None:
    """The end of the link title opening at pos (`"`, `'` or `(`), or None.

    cmark-gfm's scan_link_title takes the longest match, and a backslash may be a plain
    character there: a closing quote after a backslash may close the title or be escaped.
    So `"C:\\"` is the title `C:\\`, and the title runs to the last closing quote before
    one that no backslash precedes (inclusive). In `(...)` titles an opening parenthesis
    needs its backslash.
    """
    opener = s[pos]
    closer = ")" if opener == "(" else opener
    best = None
    i = pos + 1
    while True:
        j = s.find(closer, i)
        if opener == "(":
            k = s.find("(", i)
            if k >= 0 and (j < 0 or k < j):
                if k - 1 > pos and s[k - 1] == "\\":
                    i = k + 1
                    continue
                break
        if j < 0:
            break
        best = j + 1
        if j - 1 > pos and s[j - 1] == "\\":
            i = j + 1
            continue
        break
    return best


def plain_destination_end(s: str, pos: int) -> int | None:
    """Where a destination without angle brackets that starts at pos ends, as cmark-gfm's
    manual_scan_link_url_2 finds it: at a space, tab, CR or LF (not at other control
    characters), or at a `)` that closes no `(`. Its quirk is kept: parentheses left open
    before a space do not matter, so `[x](( )` links to `(`. None when it is empty but for
    a `)`, runs to the end of the text, or nests too deep."""
    n, depth, i = len(s), 0, pos
    while i < n:
        run = _DESTINATION_RUN.match(s, i)
        if run:
            i = run.end()
            continue
        c = s[i]
        if c == "\\" and i + 1 < n and s[i + 1] in ASCII_PUNCTUATION:
            i += 2
        elif c == "\\":
            i += 1
        elif c == "(":
            depth += 1
            if depth > _MAX_PARENS:
                return None
            i += 1
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
            i += 1
        else:  # a space, tab, CR or LF
            if i == pos:
                return None
            break
    return i if i < n else None


def parse_reference_definitions(content: str, references: dict[str, tuple[str, str | None]]) -> str:
    """Record the definitions `content` starts with (first definition of a label wins).

    Returns what is left of the paragraph.
    """
    pos = 0
    while pos < len(content) and content[pos] == "[":
        end = _definition(content, pos, references)
        if end is None:
            break
        pos = end
    return content[pos:]


def _definition(text: str, pos: int, references: dict[str, tuple[str, str | None]]) -> int | None:
    end_of_label = label_end(text, pos)
    if end_of_label is None or text[end_of_label : end_of_label + 1] != ":":
        return None
    label = text[pos + 1 : end_of_label - 1]
    if not label.strip(" \t\n\r"):  # cmark_chunk_trim: no other white space
        return None
    pos = _spnl(text, end_of_label + 1)
    dest = _destination(text, pos)
    if dest is None:
        return None
    url, pos = dest
    before_title = pos
    pos = _spnl(text, pos)
    title = None
    if pos != before_title and text[pos : pos + 1] in ('"', "'", "("):
        found = title_end(text, pos)
        if found is not None:
            title, pos = unescape(text[pos + 1 : found - 1]), found
    if title is None:
        pos = before_title
    end = _line_end(text, pos)
    if end is None:
        if title is None:
            return None
        title = None
        end = _line_end(text, before_title)
        if end is None:
            return None
    key = normalize_label(label)
    if key and key not in references:
        references[key] = (unescape(url), title)
    return end


def _spnl(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in " \t":
        pos += 1
    if text.startswith("\r\n", pos):
        pos += 2
    elif pos < n and text[pos] in "\r\n":
        pos += 1
    else:
        return pos
    while pos < n and text[pos] in " \t":
        pos += 1
    return pos


def _destination(text: str, pos: int) -> tuple[str, int] | None:
    if text.startswith("<", pos):
        close = angle_destination_end(text, pos)
        return None if close is None else (text[pos + 1 : close], close + 1)
    end = plain_destination_end(text, pos)
    if end is None or end == pos or end >= len(text):
        return None
    return text[pos:end], end


def _line_end(text: str, pos: int) -> int | None:
    n = len(text)
    while pos < n and text[pos] in " \t":
        pos += 1
    if pos >= n:
        return pos
    if text.startswith("\r\n", pos):
        return pos + 2
    if text[pos] in "\r\n":
        return pos + 1
    return None


# cmark-gfm's floor for the reference-expansion budget (cmark_parser_finish).
_MIN_EXPANSION_BUDGET = 100_000


class BudgetedReferences(Mapping[str, tuple[str, "str | None"]]):
    """The references under cmark-gfm's expansion limit (cmark_map_lookup): each reference
    found adds the UTF-8 size of its destination and title to a count, and once a
    reference would take the count past the budget (the document's size, at least
    100,000 bytes), it is not found any more and its link stays text. Lookups must come
    in document order, as cmark-gfm's inline parsing makes them."""

    def __init__(self, references: Mapping[str, tuple[str, str | None]], budget: int) -> None:
        self.references = references
        self.left = budget

    def __getitem__(self, key: str) -> tuple[str, str | None]:
        found = self.references[key]
        size = _size(found)
        if size > self.left:
            raise KeyError(key)
        self.left -= size
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.references)

    def __len__(self) -> int:
        return len(self.references)


def _size(reference: tuple[str, str | None]) -> int:
    url, title = reference
    return len(url.encode("utf-8", "surrogatepass")) + len(
        (title or "").encode("utf-8", "surrogatepass")
    )


def expansion_budget(
    references: Mapping[str, tuple[str, str | None]], lines: Sequence[str]
) -> BudgetedReferences | None:
    """The references under the budget, or None when the document (its lines) cannot reach
    it: at most one lookup a `]`, each at most the largest reference."""
    if not references:
        return None
    largest = max(_size(found) for found in references.values())
    brackets = sum(line.count("]") for line in lines)
    if brackets * largest <= _MIN_EXPANSION_BUDGET:
        return None
    size = sum(len(line.encode("utf-8", "surrogatepass")) + 1 for line in lines)
    budget = max(size, _MIN_EXPANSION_BUDGET)
    if brackets * largest <= budget:
        return None
    return BudgetedReferences(references, budget)

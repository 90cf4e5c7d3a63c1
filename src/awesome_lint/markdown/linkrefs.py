"""Link reference definitions (`[label]: destination "title"`) at the start of a paragraph."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from awesome_lint.markdown.entities import ASCII_PUNCTUATION, normalize_label, unescape
from awesome_lint.markdown.inline_scanner import title_end

# cmark-gfm's MAX_LINK_LABEL_LENGTH, in UTF-8 bytes.
_MAX_LABEL = 1000
_MAX_PARENS = 32


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
    label_end = _label_end(text, pos)
    if label_end is None or text[label_end : label_end + 1] != ":":
        return None
    label = text[pos + 1 : label_end - 1]
    if not label.strip(" \t\n\r"):  # cmark_chunk_trim: no other white space
        return None
    pos = _spnl(text, label_end + 1)
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


def _label_end(text: str, pos: int) -> int | None:
    """Offset just past the `]` closing the label that opens at `pos`."""
    i, n, length = pos + 1, len(text), 0
    while i < n and text[i] not in "[]":
        if text[i] == "\\":
            i += 1
            length += 1
            if i < n and text[i] in ASCII_PUNCTUATION:
                i += 1
                length += 1
        else:
            length += 1 if text[i] < "\x80" else len(text[i].encode("utf-8", "surrogatepass"))
            i += 1
        if length > _MAX_LABEL:
            return None
    return i + 1 if i < n and text[i] == "]" else None


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
    n = len(text)
    if pos < n and text[pos] == "<":
        i = pos + 1
        while i < n:
            c = text[i]
            if c == ">":
                return text[pos + 1 : i], i + 1
            if c == "\\":
                i += 2
            elif c in "\n<":
                return None
            else:
                i += 1
        return None
    i, depth = pos, 0
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in ASCII_PUNCTUATION:
            i += 2
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
        elif c in " \t\n\r":  # cmark_isspace; other control characters are URL
            break
        else:
            i += 1
    # As in cmark-gfm's manual_scan_link_url_2, parentheses left open do not matter.
    if (i == pos and (i >= n or text[i] != ")")) or i >= n:
        return None
    return text[pos:i], i


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

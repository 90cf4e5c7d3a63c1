"""Link reference definitions (`[label]: destination "title"`) at the start of a paragraph,
and the pieces of link syntax they share with inline links (cmark-gfm's inlines.c): labels,
destinations and titles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from awesome_lint.markdown.entities import ASCII_PUNCTUATION, normalize_label, unescape

References = Mapping[str, tuple[str, "str | None"]]
"""Normalised label -> (destination, title) of the link reference definitions of a document."""

# cmark-gfm's MAX_LINK_LABEL_LENGTH, in UTF-8 bytes: a longer label is never a reference.
MAX_LABEL = 1000
_MAX_PARENS = 32
TITLES = {
    '"': re.compile(r'"((?:\\.|[^"\\])*)"', re.DOTALL),
    "'": re.compile(r"'((?:\\.|[^'\\])*)'", re.DOTALL),
    "(": re.compile(r"\(((?:\\.|[^()\\])*)\)", re.DOTALL),
}
"""A link title's regular expression, by its opening character."""
_DESTINATION_RUN = re.compile(r"[^\\()\x00-\x20\x7f]+")


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


def plain_destination_end(s: str, pos: int) -> int | None:
    """Where a destination without angle brackets that starts at pos ends (maybe at pos: it
    may be empty); None when its parentheses do not balance or nest too deep."""
    n, depth = len(s), 0
    while pos < n:
        run = _DESTINATION_RUN.match(s, pos)
        if run:
            pos = run.end()
            continue
        c = s[pos]
        if c == "\\" and pos + 1 < n and s[pos + 1] in ASCII_PUNCTUATION:
            pos += 2
        elif c == "\\":
            pos += 1
        elif c == "(":
            depth += 1
            if depth > _MAX_PARENS:
                return None
            pos += 1
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
            pos += 1
        else:  # a space or a control character ends the destination
            break
    return None if depth else pos


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
    if not label.strip():
        return None
    pos = _spnl(text, end_of_label + 1)
    dest = _destination(text, pos)
    if dest is None:
        return None
    url, pos = dest
    before_title = pos
    pos = _spnl(text, pos)
    title = None
    if pos != before_title and (m := TITLES.get(text[pos : pos + 1])):
        found = m.match(text, pos)
        if found:
            title, pos = unescape(found.group(1)), found.end()
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

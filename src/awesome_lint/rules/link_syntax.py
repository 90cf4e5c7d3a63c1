"""A link that is broken as written: a malformed URL, no text, a relative path, or no link at all.

## What it does
Checks every link in the body rows of every table and reports, once per link, the first of:
- a malformed URL: empty, with whitespace, a typo in the scheme (`htps://`, `http//`,
  `https:/x`), a repeated scheme, a missing or invalid host, `www.example.com` without a
  scheme, or a whole `[text](url)` written as the destination;
- a link with no text, `[](url)` (a badge, whose text is an image, is fine);
- a relative link (`papers/x.pdf`, `//example.com/x`) where an absolute URL is expected
  (`#anchor` links are fine).

In columns whose schema says `"links": "required"` it also reports a cell with no link (empty
cells and the column's placeholders aside) and a bare URL where a `[text](url)` link belongs.

## Why
GitHub renders a malformed URL as a dead or misdirected link, a link without text as nothing
to click, and a relative link as a path into whichever repository or mirror shows the list.

## Example
```markdown
| Title | Paper |
| ----- | ----- |
| SAM   | [arXiv](htps://arxiv.org/abs/2012.02383) |
| MRM   | [](https://arxiv.org/abs/2305.10352) |
| LIMITR | [PDF](papers/limitr.pdf) |
```

## Fix
None: only a person knows which URL or text was meant.

## Options
- `allow_relative` (default `false`): accept relative links, e.g. to files of the list's own
  repository.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from awesome_lint.model import Cell, FixSafety, Link, Problem
from awesome_lint.rules._links import links, table_links, url_answers
from awesome_lint.rules.base import Context, at_cell
from awesome_lint.tableschema import BoundTable, ColumnSpec
from awesome_lint.urls import is_relative, malformed_reason

ID = "link-syntax"
FIX: FixSafety | None = None
OPTIONS: dict[str, Any] = {
    "allow_relative": {
        "type": "boolean",
        "default": False,
        "description": "Accept relative links (to files of the repository).",
    }
}


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    answers = question(ctx)
    width = len(bound.table.header.cells)
    specs = [*bound.columns[:width], *[None] * (width - len(bound.columns))]
    required = [spec is not None and spec.links == "required" for spec in specs]
    if not any(required):  # only the links to look at
        for cell, link in table_links(bound, ctx):
            message = _problem(link, cell, False, answers(link.url))
            if message is not None:
                yield at_cell(ID, cell, message[0], suggestion=message[1])
        return
    for row in bound.table.rows:
        for i, cell in enumerate(row.cells[:width]):
            if not cell.links and not required[i]:
                continue  # most cells
            spec = specs[i]
            found = links(cell) if cell.links else ()
            if spec is not None and required[i] and _missing(cell, found, spec):
                yield at_cell(
                    ID,
                    cell,
                    f"no link in the {spec.name} column, which requires one",
                    suggestion="Add a [text](url) link",
                )
            for link in found:
                message = _problem(link, cell, required[i], answers(link.url))
                if message is not None:
                    yield at_cell(ID, cell, message[0], suggestion=message[1])


def _missing(cell: Cell, found: tuple[Link, ...], spec: ColumnSpec) -> bool:
    # An empty cell is empty-cell's business; a placeholder says there is nothing to link.
    return bool(cell.raw) and not found and not spec.is_placeholder(cell.text)


def question(ctx: Context) -> Callable[[str], tuple[int, str, str] | None]:
    """`url_problem` with the rule's options, once per URL."""
    allow_relative = bool(ctx.options(ID).get("allow_relative"))
    return url_answers(ctx, ID, lambda url: url_problem(url, allow_relative), None)


def url_problem(url: str, allow_relative: bool) -> tuple[int, str, str] | None:
    """What is wrong with a URL, whatever the link: (0 when it is reported before a missing
    link text, 1 after it, the message, the suggestion), or None."""
    if not url.strip():
        return None  # the message names the link's text: see _problem
    if url.startswith("[") and "](" in url:
        return 0, f"link inside a link destination `{url}`", "Keep one URL between the parentheses"
    reason = malformed_reason(url)
    if reason is not None:
        return 0, f"malformed URL `{url}`: {reason}", "Correct the URL"
    if not allow_relative and not url.startswith("#") and is_relative(url):
        return (
            1,
            f"relative link `{url}`; expected an absolute URL",
            "Write the full URL, starting with https://",
        )
    return None


def _problem(
    link: Link, cell: Cell, required: bool, url_problem: tuple[int, str, str] | None
) -> tuple[str, str] | None:
    url = link.url
    if not url.strip():
        what = f"link `{link.text}`" if link.text.strip() else "link without text"
        return f"{what} has no URL", "Write the URL between the parentheses"
    if url_problem is not None and url_problem[0] == 0:
        return url_problem[1], url_problem[2]
    # An HTML <img> shows no text but is something to click, like a badge.
    if not link.text.strip() and link.image is None and "<img" not in cell.raw.lower():
        return f"link to {url} has no text", "Write the text to click between the brackets"
    if url_problem is not None:
        return url_problem[1], url_problem[2]
    if required and link.kind == "bare":
        return f"bare URL {link.text}; expected a [text](url) link", f"Write it as [text]({url})"
    return None

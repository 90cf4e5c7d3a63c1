"""GitHub's renderer (cmark-gfm, via cmarkgfm) as the reference the tests compare with."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options


def render(text: str) -> str:
    html_text: str = cmarkgfm.github_flavored_markdown_to_html(
        text, options=Options.CMARK_OPT_UNSAFE
    )
    return html_text


class _Tables(HTMLParser):
    """Top-level tables as rows of (cell text, [hrefs]), the text as a reader sees it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[tuple[str, list[str]]]]] = []
        self.depth = 0
        self.cell: list[str] | None = None
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.tables.append([])
        elif self.depth == 1 and tag == "tr":
            self.tables[-1].append([])
        elif self.depth == 1 and tag in ("td", "th"):
            self.cell, self.hrefs = [], []
        elif tag == "a" and self.cell is not None and dict(attrs).get("href") is not None:
            self.hrefs.append(html.unescape(dict(attrs).get("href") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.depth -= 1
        elif self.depth == 1 and tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append((normalize("".join(self.cell)), self.hrefs))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def normalize(text: str) -> str:
    return " ".join(text.split())


def tables(text: str) -> list[list[list[tuple[str, list[str]]]]]:
    parser = _Tables()
    parser.feed(render(text))
    return parser.tables

"""Our reading of a document against cmark-gfm's (the `cmarkgfm` package), as a verdict.

`differences(text)` returns what differs, empty when nothing does:

- export: the tables and cell texts `export` finds against the `<table>`s cmark-gfm
  renders (texts compared as a reader sees them: entities decoded, white space collapsed,
  cells past the header's count dropped, missing trailing cells empty);
- fix: after a safe `--fix`, cmark-gfm renders the text as before (all-empty rows that
  the fix removed aside);
- refused: the fixer declines (FixError) although the check reported a fixable problem;
- unsafe: after `--fix --unsafe-fixes`, everything outside the tables renders as before and
  the tables keep their count and shape.

The judge of `tests/fuzz/test_differential.py` and `tests/fuzz/long_run.py`.
The fixer's own cmark-gfm check (`gfm_check`) is switched off here (see `differences`):
the point is to catch our reader's misreads, not the net that stops them.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from unittest.mock import patch

import cmarkgfm
from cmarkgfm.cmark import Options

from awesome_lint import gfm_check
from awesome_lint.api import lint_text
from awesome_lint.export import document_tables
from awesome_lint.fixer import FixError, fix_text, fixable
from awesome_lint.markdown.tables import parse


def render(text: str) -> str:
    out: str = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    return out


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.depth = 0
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.tables.append([])
        elif self.depth == 1 and tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif self.depth == 1 and tag in ("td", "th") and self.tables and self.tables[-1]:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            # As corpus_check counts: a stray end tag is not ignored as a browser would.
            self.depth -= 1
        elif self.depth == 1 and tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append(normalize("".join(self.cell)))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def normalize(text: str) -> str:
    return " ".join(html.unescape(text).split())


def github_tables(text: str) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(render(text))
    parser.close()
    return parser.tables


# Raw HTML that Python's HTMLParser reads past what a browser would (an unclosed `<![`
# swallows the rest of the page): its tables cannot be counted from the rendering.
_UNREADABLE = re.compile(r"<!\[|<\?|<!--")


# Table tags written in a cell: a browser (and HTMLParser) closes or opens cells there, so
# the page's cells are no longer the Markdown's.
_TABLE_TAG = re.compile(r"</?(?:table|thead|tbody|tfoot|tr|td|th)\b", re.IGNORECASE)


def export_difference(text: str) -> str | None:
    rendered = render(text)
    if _UNREADABLE.search(rendered):
        return None
    document = parse(text)
    if any(
        _TABLE_TAG.search(cell.raw)
        for table in document.tables
        for row in (table.header, *table.rows)
        for cell in row.cells
    ):
        return None
    ours = document_tables(document)
    parser = _Tables()
    parser.feed(rendered)
    parser.close()
    theirs = parser.tables
    if len(ours) != len(theirs):
        return f"export: {len(ours)} tables, cmark-gfm {len(theirs)}"
    for t, (mine, gh) in enumerate(zip(ours, theirs), 1):
        rows = [[normalize(str(c)) for c in mine["columns"]]]
        rows += [[normalize(str(c["text"])) for c in r["cells"]] for r in mine["rows"]]
        if rows == [[]] and not gh:
            continue  # an HTML table without rows: export's form has no way to say so
        if len(rows) != len(gh):
            return f"export: table {t}: {len(rows)} rows, cmark-gfm {len(gh)}"
        for r, (a, b) in enumerate(zip(rows, gh)):
            b = b[: len(rows[0])]
            if (a + [""] * (len(b) - len(a)))[: len(b)] != b:
                return f"export: table {t} row {r}: {a!r} != {b!r}"
    return None


_EMPTY_ROW = re.compile(r"<tr>\n(?:<t[dh][^>]*></t[dh]>\n)+</tr>\n")
_EMPTY_BODY = re.compile(r"<tbody>\n</tbody>\n")
_TABLE = re.compile(r"<table>\n.*?</table>\n", re.DOTALL)


def without_empty_rows(rendered: str) -> str:
    return _EMPTY_BODY.sub("", _EMPTY_ROW.sub("", rendered))


def _shape(rendered: str) -> tuple[str, list[int]]:
    """The rendering with each table reduced to its number of rows."""
    sizes: list[int] = []

    def one(m: re.Match[str]) -> str:
        sizes.append(m.group(0).count("<tr>"))
        return "<table/>\n"

    return _TABLE.sub(one, rendered), sizes


def fix_difference(text: str, unsafe: bool) -> str | None:
    try:
        fixed = fix_text(text, unsafe_fixes=unsafe).text
    except FixError as exc:
        # The fixer may decline, but not where the check offered a fix.
        if any(fixable(p, unsafe) for p in lint_text(text)):
            return f"refused: a fix the check offers fails ({exc})"
        return None
    if fixed == text:
        return None
    before, after = render(text), render(fixed)
    if not unsafe:
        if without_empty_rows(before) != without_empty_rows(after):
            return "fix: the safe fix changes the rendering"
        return None
    if _shape(without_empty_rows(before)) != _shape(without_empty_rows(after)):
        return "unsafe: the unsafe fix changes the rendering outside the cells"
    return None


def differences(text: str) -> list[str]:
    found = [export_difference(text)]
    with patch.object(gfm_check, "start", return_value=None):
        found += [fix_difference(text, False), fix_difference(text, True)]
    return [f for f in found if f is not None]

"""The same entry listed twice in a file, by the table schema's unique keys.

## What it does
Looks across all the tables of a file that a table schema describes, for rows that repeat
an earlier row's key. The keys are the schema's `unique` columns, each compared:
- `"by": "text"`: by its text, ignoring case, punctuation, symbols and spaces;
- `"by": "url"`: by its links, normalised: an arXiv paper is the same whether linked as
  `abs/`, `pdf/`, with a version or as arXiv's DOI; DOIs, `http`/`https`, `www.`, trailing
  slashes and tracking parameters do not matter.

Empty cells, placeholders (`N/A`, `-`, ...), texts that only name a kind of link (`Link`,
`PDF`, `arXiv`, ...), relative links and links to a site's home page never match. The
built-in paper-list schema's keys are Title (by text) and Paper (by url); a Code repository
shared by two papers is not a duplicate. The problem is on the later row and names the first.

## Why
Long lists grow by pull requests from many people, and a paper added twice, often under two
arXiv link forms or in two sections, makes the list look unmaintained.

## Example
```markdown
| Title                     | Paper                                      |
| ------------------------- | ------------------------------------------ |
| Models Genesis            | [arXiv](https://arxiv.org/abs/1908.06912)  |
| Models genesis.           | [PDF](https://arxiv.org/pdf/1908.06912v2)  |
```
The second row has the same Title and Paper as the first. Keys of your own:
```json
{"tables": [{"columns": [{"name": "Model"}, {"name": "Repo"}],
  "unique": [{"column": "Model"}, {"column": "Repo", "by": "url"}]}]}
```

## Fix
None: which row to keep, or whether the two are different entries, is for a person to decide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from awesome_lint import urls
from awesome_lint.model import Cell, FixSafety, Problem
from awesome_lint.rules._schema import GENERIC_LABELS, fold_text, is_blank, is_placeholder
from awesome_lint.rules.base import Context, at_cell
from awesome_lint.tableschema import ColumnSpec

ID = "duplicate-entry"
FIX: FixSafety | None = None


def check_document(ctx: Context) -> Iterator[Problem]:
    # The first line of each key, by (column, by).
    firsts: dict[tuple[str, str], dict[str, int]] = {}
    url_key = ctx.cached(f"{ID}:url", _url_key)
    text_key = ctx.cached(f"{ID}:text", _text_key)
    for bound in ctx.tables:
        if bound.schema is None or not bound.schema.unique:
            continue
        keys = []
        for column, by in bound.schema.unique:
            index = bound.index(column)
            if index is not None:
                spec = bound.columns[index]
                first = firsts.setdefault((column, by), {})
                # A cell's keys follow from its Markdown, once per column spec.
                keys.append((column, by, index, spec, ctx.memo((ID, by, spec)), first))
        for row in bound.table.rows:
            matches: dict[int, list[str]] | None = None
            where: Cell | None = None
            for column, by, index, spec, memo, first in keys:
                if index >= len(row.cells):
                    continue
                cell = row.cells[index]
                values = memo.get(cell.raw)
                if values is None:
                    values = memo[cell.raw] = _values(spec, cell, by, url_key, text_key)
                earlier = None
                for value in values:
                    line = first.setdefault(value, row.line)
                    if line != row.line and earlier is None:
                        earlier = line
                if earlier is not None:
                    matches = {} if matches is None else matches
                    matches.setdefault(earlier, []).append(column)
                    where = where or cell
            if where is not None and matches is not None:
                yield _problem(where, matches)


def _values(
    spec: ColumnSpec | None,
    cell: Cell,
    by: str,
    url_key: Callable[[str], str | None],
    text_key: Callable[[str], tuple[str, ...]],
) -> tuple[str, ...]:
    if is_blank(cell) or is_placeholder(spec, cell):
        return ()
    if by == "text":
        return text_key(cell.text)
    found = (url_key(link.url) for link in cell.links)
    return tuple(dict.fromkeys(k for k in found if k is not None))


def _text_key(text: str) -> tuple[str, ...]:
    folded = fold_text(text)
    return (folded,) if folded and folded not in GENERIC_LABELS else ()


def _url_key(url: str) -> str | None:
    key = urls.canonical_key(url)
    # A relative link or a site's home page names no entry of its own.
    if key.startswith(("arxiv:", "doi:")) or (urls.host(url) and "/" in key):
        return key
    return None


def _problem(cell: Cell, matches: dict[int, list[str]]) -> Problem:
    parts = [f"same {' and '.join(columns)} as line {line}" for line, columns in matches.items()]
    return at_cell(
        ID,
        cell,
        "; ".join(parts),
        suggestion="Remove one of the rows, or tell the entries apart",
    )

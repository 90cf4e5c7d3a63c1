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

from collections.abc import Iterator

from awesome_lint import urls
from awesome_lint.binding import BoundTable
from awesome_lint.model import Cell, FixSafety, Problem
from awesome_lint.rules._schema import GENERIC_LABELS, fold_text, is_blank, is_placeholder
from awesome_lint.rules.base import Context, at_cell

ID = "duplicate-entry"
FIX: FixSafety | None = None


def check_document(ctx: Context) -> Iterator[Problem]:
    first: dict[tuple[str, str, str], int] = {}
    for bound in ctx.tables:
        if bound.schema is None or not bound.schema.unique:
            continue
        keys = [(column, by, bound.index(column)) for column, by in bound.schema.unique]
        for row in bound.table.rows:
            matches: dict[int, list[str]] = {}
            where: Cell | None = None
            for column, by, index in keys:
                if index is None or index >= len(row.cells):
                    continue
                cell = row.cells[index]
                earlier = None
                for value in _values(bound, index, cell, by):
                    line = first.setdefault((column, by, value), row.line)
                    if line != row.line and earlier is None:
                        earlier = line
                if earlier is not None:
                    matches.setdefault(earlier, []).append(column)
                    where = where or cell
            if where is not None:
                yield _problem(where, matches)


def _values(bound: BoundTable, index: int, cell: Cell, by: str) -> list[str]:
    if is_blank(cell) or is_placeholder(bound.columns[index], cell):
        return []
    if by == "text":
        folded = fold_text(cell.text)
        return [folded] if folded and folded not in GENERIC_LABELS else []
    out = []
    for link in cell.links:
        key = urls.canonical_key(link.url)
        # A relative link or a site's home page names no entry of its own.
        if key.startswith(("arxiv:", "doi:")) or (urls.host(link.url) and "/" in key):
            out.append(key)
    return list(dict.fromkeys(out))


def _problem(cell: Cell, matches: dict[int, list[str]]) -> Problem:
    parts = [f"same {' and '.join(columns)} as line {line}" for line, columns in matches.items()]
    return at_cell(
        ID,
        cell,
        "; ".join(parts),
        suggestion="Remove one of the rows, or tell the entries apart",
    )

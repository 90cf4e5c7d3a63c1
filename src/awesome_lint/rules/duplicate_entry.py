"""The same entry listed twice in a file, by the table schema's unique keys.

## What it does
Looks across all the tables of a file that a table schema describes, for rows that repeat
an earlier row's key. The keys are the schema's `unique` columns, each compared:
- `"by": "text"`: by its text, ignoring case, punctuation, symbols and spaces;
- `"by": "url"`: by its links, normalised: an arXiv paper is the same whether linked as
  `abs/`, `pdf/`, with a version or as arXiv's DOI; DOIs, `http`/`https`, `www.`, trailing
  slashes and tracking parameters do not matter.

An entry is more than its paper: two rows sharing a key whose names or titles differ are
two entries of one paper (a model and its dataset, DeepSeek-V2 and DeepSeek-V2-Lite). The
name column is the schema's `Name`, or else a header naming models, datasets, benchmarks,
methods, projects, tools or libraries. Names agree when equal as compared by text, or when
one is the other's part before a colon (`Models Genesis`, `Models Genesis: Generic ...`).

Empty cells, placeholders (`N/A`, `-`, ...), texts that only name a kind of link (`Link`,
`PDF`, `arXiv`, ...), relative links and links to a site's home page never match. The
built-in keys are Title (by text) and Paper (by url), not Code. The problem is on the later
row and names the first; a repeat under another heading (option `across_sections`) names
both sections.

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
The second row repeats the first. Keys of your own:
```json
{"tables": [{"columns": [{"name": "Model"}, {"name": "Repo"}],
  "unique": [{"column": "Model"}, {"column": "Repo", "by": "url"}]}]}
```

## Fix
None: which row to keep, or whether the two are different entries, is for a person to decide.

## Options
- `across_sections` (default `"auto"`): `"warning"`, `"error"`, `"off"` (a list filing an
  entry under every topic it covers), or `"auto"`: `"off"` when the document repeats 5
  entries or more under other headings (on purpose, then), else `"warning"`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from awesome_lint import urls
from awesome_lint.model import Cell, FixSafety, Problem
from awesome_lint.rules._schema import (
    Names,
    RowNames,
    fold_name,
    identity_columns,
    is_blank,
    is_placeholder,
    names_agree,
    section_name,
    text_key,
)
from awesome_lint.rules.base import Context, at_cell
from awesome_lint.tableschema import ColumnSpec

ID = "duplicate-entry"
FIX: FixSafety | None = None
OPTIONS: dict[str, Any] = {
    "across_sections": {
        "enum": ["off", "warning", "error", "auto"],
        "default": "auto",
        "description": "How to report an entry repeated under another heading; auto: off"
        " when the document repeats 5 entries or more so, else warning.",
    }
}
# Repeats under other headings that make them the document's convention under "auto".
CONVENTION = 5

# Rows kept per key: one paper shared by more entries than this is a list's convention.
_KEEP = 32
# An earlier row: its line, its section (the headings above it) and its names.
Seen = tuple[int, tuple[str, ...], RowNames]


def check_document(ctx: Context) -> Iterator[Problem]:
    across = ctx.options(ID).get("across_sections", "auto")
    found = list(_problems(ctx, "warning" if across == "auto" else across))
    if across == "auto" and sum(again for _, again in found) >= CONVENTION:
        found = [(p, again) for p, again in found if not again]
    return (p for p, _ in found)


def _problems(ctx: Context, across: str) -> Iterator[tuple[Problem, bool]]:
    """Each problem, and whether it is a repeat under another heading."""
    firsts: dict[tuple[str, str], dict[str, _Group]] = {}
    url_key = ctx.cached(f"{ID}:url", _url_key)
    key_of_text = ctx.cached(f"{ID}:text", text_key)
    fold = ctx.cached(f"{ID}:name", fold_name)
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
        names = identity_columns(bound)
        section = bound.table.headings
        for row in bound.table.rows:
            me = RowNames(row, names, fold)
            same: dict[int, list[str]] = {}
            other: dict[int, list[str]] = {}
            theirs: tuple[str, ...] = ()
            where: Cell | None = None
            for column, by, index, spec, memo, first in keys:
                if index >= len(row.cells):
                    continue
                cell = row.cells[index]
                values = memo.get(cell.raw)
                if values is None:
                    values = memo[cell.raw] = _values(spec, cell, by, url_key, key_of_text)
                if not values:
                    continue
                earlier = _earlier(values, first, (row.line, section, me), across != "off")
                if earlier is not None:
                    line, there = earlier
                    (same if there == section else other).setdefault(line, []).append(column)
                    theirs = theirs or there
                    where = where or cell
            if where is None:
                continue
            if same:
                yield _problem(where, same, ""), False
            elif other:
                sections = f" (under {section_name(theirs)}; again under {section_name(section)})"
                problem = _problem(where, other, sections)
                yield replace(problem, severity="warning") if across == "warning" else problem, True


def _earlier(
    values: tuple[str, ...], first: dict[str, _Group], me: Seen, across: bool
) -> tuple[int, tuple[str, ...]] | None:
    """The earliest row (same section first) with one of `values` that is the same entry."""
    found: tuple[int, tuple[str, ...]] | None = None
    for value in values:
        group = first.get(value)
        if group is None:
            group = first[value] = _Group()
        elif group.may_agree(me[2].get()):
            for line, section, names in group.rows:
                if line == me[0] or not names_agree(names.get(), me[2].get()):
                    continue
                if section == me[1]:
                    return line, section
                if across and found is None:
                    found = line, section
        if len(group.rows) < _KEEP:
            group.add(me)
    return found


class _Group:
    """The rows kept for one key value, and the forms of their names by column: a row whose
    names none of them can agree with (the common case: a title that many entries share)
    is told apart without comparing it with each."""

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


def _url_key(url: str) -> str | None:
    key = urls.canonical_key(url)
    # A relative link or a site's home page names no entry of its own.
    if key.startswith(("arxiv:", "doi:")) or (urls.host(url) and "/" in key):
        return key
    return None


def _problem(cell: Cell, matches: dict[int, list[str]], where: str) -> Problem:
    parts = [f"same {' and '.join(columns)} as line {line}" for line, columns in matches.items()]
    return at_cell(
        ID,
        cell,
        "; ".join(parts) + where,
        suggestion="Remove one of the rows, or tell the entries apart",
    )

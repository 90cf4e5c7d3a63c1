"""A link to the wrong kind of site for its column, such as a paper in the Code column.

## What it does
In the columns whose table schema lists `hosts`, finds links that point elsewhere. The
built-in schema's Code column takes `@repository`, the known code and model hosts (GitHub,
GitLab, Bitbucket, Codeberg, Gitee, Hugging Face, ...) plus those added under
`links.repository_hosts` in the config; `*.example.org` stands for every subdomain. Links
without a host (relative links, `#anchors`) are `link-syntax`'s business.

## Why
Readers go to the Code column for code: a link to the paper or a project page there looks
like an implementation that does not exist, or hides that the code is missing.

## Example
```markdown
| Title  | Code |
| ------ | ---- |
| MedKLIP | [Link](https://arxiv.org/abs/2303.07240) |
```

## Fix
None: only a person knows where the code is (or that there is none: write a placeholder
such as `N/A`, or move the link to another column).
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.model import FixSafety, Problem
from awesome_lint.rules._links import bare, links, url_host
from awesome_lint.rules.base import Context, at_cell
from awesome_lint.tableschema import BoundTable
from awesome_lint.urls import HostPatterns

ID = "link-host"
FIX: FixSafety | None = None


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    columns: dict[int, tuple[str, HostPatterns, str]] = {
        i: (spec.name, ctx.host_patterns(spec.hosts), _expected(spec.hosts))
        for i, spec in enumerate(bound.columns)
        if spec is not None and spec.hosts
    }
    if not columns:
        return
    width = len(bound.table.header.cells)
    host_of = url_host(ctx)
    for row in bound.table.rows:
        for i in columns:
            if i >= width or i >= len(row.cells) or not row.cells[i].links:
                continue
            cell = row.cells[i]
            name, allowed, expected = columns[i]
            for link in links(cell):
                found = host_of(link.url)
                if found is None or allowed.match_host(found):
                    continue
                yield at_cell(
                    ID,
                    cell,
                    f"link to {bare(found)} in the {name} column; expected {expected}",
                    suggestion=f"Link {expected}, or move the link to another column",
                )


def _expected(hosts: tuple[str, ...]) -> str:
    named = ["a code repository" if h == "@repository" else h for h in hosts]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]

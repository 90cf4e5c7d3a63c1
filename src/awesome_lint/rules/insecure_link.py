"""An `http://` link to a host that serves https.

## What it does
Finds links in the body rows of every table that use `http://` for a host known to serve
https: code hosts, arXiv, DOI, the big publishers and proceedings sites, video and social
sites, and the hosts added under `links.https_hosts` in the config. Links with an explicit
port are left alone.

## Why
A plain-http link can be read and rewritten on the way, and browsers warn about it; every one
of these hosts redirects to https anyway, so the https link is the same page, only safe.

## Example
```markdown
| Title | Paper | Code |
| ----- | ----- | ---- |
| SAM   | [arXiv](http://arxiv.org/abs/2012.02383) | [Code](http://github.com/x/sam) |
```

## Fix
Unsafe: `--fix --unsafe-fixes` changes `http://` to `https://` and nothing else. Links whose
destination is not written literally in the cell (reference links, bare URLs, destinations
with escapes) are reported without a fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.binding import BoundTable
from awesome_lint.model import FixSafety, Problem, Table
from awesome_lint.rules._links import UrlFacts, bare, link_problems, rewrite_table
from awesome_lint.rules.base import Context
from awesome_lint.urls import HostPatterns, upgrade_https

ID = "insecure-link"
FIX: FixSafety | None = "unsafe"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    return link_problems(ID, bound, ctx, _answer)


def _answer(found: UrlFacts) -> tuple[str, str] | None:
    if found.https is None:
        return None
    host = bare(found.host)
    return f"insecure http:// link to {host}, which serves https; use https://", found.https


def target(url: str, hosts: HostPatterns) -> str | None:
    """The https form of `url`, if it should have it."""
    return upgrade_https(url, hosts)


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    hosts = ctx.https_hosts
    return rewrite_table(bound, table, lambda url: upgrade_https(url, hosts))

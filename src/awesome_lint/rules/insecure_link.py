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

from collections.abc import Callable, Iterator

from awesome_lint.model import FixSafety, Problem, Table
from awesome_lint.rules._links import bare, link_problems, rewrite_table, url_answers
from awesome_lint.rules.base import Context
from awesome_lint.tableschema import BoundTable
from awesome_lint.urls import host, upgrade_https

ID = "insecure-link"
FIX: FixSafety | None = "unsafe"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    return link_problems(ID, bound, ctx, question(ctx), _message)


def question(ctx: Context) -> Callable[[str], str | None]:
    """The https form of a URL, if it should have it, once per URL."""
    hosts = ctx.https_hosts
    return url_answers(ctx, ID, lambda url: upgrade_https(url, hosts), None)


def _message(url: str, https: str) -> tuple[str, str]:
    name = bare(host(url))
    return f"insecure http:// link to {name}, which serves https; use https://", https


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    hosts = ctx.https_hosts
    return rewrite_table(bound, table, lambda url: upgrade_https(url, hosts))

"""A link that carries tracking parameters (`utm_source`, `casa_token`, `fbclid`, ...).

## What it does
Finds links in the body rows of every table whose query holds parameters that only ever
track who clicked: `utm_*`, Google Scholar's `casa_token`, `fbclid`, `gclid`, `msclkid`,
Matomo's `pk_*` and `mtm_*`, and a few known per host (YouTube's `si`, Bilibili's
`spm_id_from`, LinkedIn's `trk`), plus those added under `links.tracking_params` in the
config, where a trailing `*` makes a prefix (`"ref_*"`). Parameters that pick the content
(`id`, `arnumber`, `v`, `t`) are never touched.

## Why
They make the same paper look like two different links, leak where the maintainer found it,
and, for `casa_token`, carry a personal access token that stops working after a while.

## Example
```markdown
| Title | Paper |
| ----- | ----- |
| SAM   | [TMI](https://ieeexplore.ieee.org/document/9760421?utm_source=scholar&casa_token=Gp1K) |
```

## Fix
Unsafe: `--fix --unsafe-fixes` removes the tracking parameters and keeps everything else in
the URL byte for byte (the `?` goes too when nothing is left). Links whose destination is
not written literally in the cell (reference links, bare URLs, destinations with escapes)
are reported without a fix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from awesome_lint.model import FixSafety, Problem, Table
from awesome_lint.rules._links import rewrite_table, table_links, url_answers
from awesome_lint.rules.base import Context, at_cell
from awesome_lint.tableschema import BoundTable
from awesome_lint.urls import strip_tracking, tracking_params

ID = "tracking-params"
FIX: FixSafety | None = "unsafe"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    extra = ctx.config.tracking_params
    answers = question(ctx)
    for cell, link in table_links(bound, ctx):
        names = answers(link.url)
        if not names:
            continue
        listed = ", ".join(names)
        them = "it" if len(names) == 1 else "them"
        fixable = link.url_span is not None
        yield at_cell(
            ID,
            cell,
            f"{'tracking parameter' if len(names) == 1 else 'tracking parameters'} {listed}"
            f" in the URL; expected the URL without {them}",
            fix="unsafe" if fixable else None,
            suggestion=f"Remove {listed} from the URL"
            + ("" if fixable else f": {strip_tracking(link.url, extra)}"),
        )


def question(ctx: Context) -> Callable[[str], tuple[str, ...]]:
    """The tracking parameters of a URL (with those of the config), once per URL."""
    extra = ctx.config.tracking_params
    return url_answers(ctx, ID, lambda url: tuple(tracking_params(url, extra)), ())


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    extra = ctx.config.tracking_params
    return rewrite_table(bound, table, lambda url: strip_tracking(url, extra))

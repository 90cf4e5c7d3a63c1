"""An arXiv link to a PDF, a version or another page where the abstract page belongs.

## What it does
Finds arXiv links in the body rows of every table that are not `https://arxiv.org/abs/ID`:
PDF links (`/pdf/2306.11925.pdf`), HTML and PostScript versions, versioned abstract links
(`/abs/2306.11925v2`), `www.` and `export.` hosts, trailing slashes, queries and fragments,
and `arXiv:ID` destinations. An `http://` abstract link is `insecure-link`'s business.

## Why
The abstract page shows the title, authors, every version, the code and the citation tools,
and it always points to the latest version; a PDF link downloads one revision of the file.
One form per paper also lets duplicates be found.

## Example
```markdown
| Title   | Paper |
| ------- | ----- |
| LVM-Med | [NeurIPS'23](https://arxiv.org/pdf/2306.11925.pdf) |
| SAMv2   | [arXiv](https://arxiv.org/abs/2311.15111v2) |
```

## Fix
Unsafe: `--fix --unsafe-fixes` replaces the link with `https://arxiv.org/abs/ID` (keeping the
version when `allow_versions` is on). Links whose destination is not written literally in
the cell (reference links, bare URLs, destinations with escapes) are reported without a fix.

## Options
- `allow_versions` (default `false`): accept versioned links such as `/abs/2306.11925v2`,
  and keep the version when a PDF link is replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

from awesome_lint.model import FixSafety, Problem, Table
from awesome_lint.rules._links import link_problems, rewrite_table, url_answers
from awesome_lint.rules.base import Context
from awesome_lint.tableschema import BoundTable
from awesome_lint.urls import arxiv_id

ID = "arxiv-link"
FIX: FixSafety | None = "unsafe"
OPTIONS: dict[str, Any] = {
    "allow_versions": {
        "type": "boolean",
        "default": False,
        "description": "Accept versioned abstract links such as /abs/2306.11925v2.",
    }
}

_ABS = "https://arxiv.org/abs/"


def _target(url: str, allow_versions: bool) -> str | None:
    """The abstract page `url` should link instead, or None when it is fine as it is."""
    ident = arxiv_id(url, version=allow_versions)
    if ident is None:
        return None
    canonical = _ABS + ident
    if url == canonical or (url[:7].lower() == "http://" and url[7:] == canonical[8:]):
        return None
    return canonical


def question(ctx: Context) -> Callable[[str], tuple[str, str] | None]:
    """The abstract page a URL should link instead and what is wrong with it, once per URL."""
    allow_versions = bool(ctx.options(ID).get("allow_versions"))

    def ask(url: str) -> tuple[str, str] | None:
        new = _target(url, allow_versions)
        return None if new is None else (new, _what(url, new))

    return url_answers(ctx, ID, ask, None)


def _what(url: str, canonical: str) -> str:
    path = urlsplit(url).path.lower()
    if "/pdf/" in path or path.endswith(".pdf"):
        return "arXiv link to a PDF"
    if "/html/" in path:
        return "arXiv link to the HTML version"
    if "/ps/" in path or "/format/" in path:
        return "arXiv link to a download"
    version = arxiv_id(url, version=True)
    if version is not None and _ABS + version != canonical:
        return f"arXiv link to version {version[len(canonical) - len(_ABS) :]}"
    if url[:6].lower() == "arxiv:":
        return "arXiv identifier where a URL belongs"
    return "arXiv link not in the usual form"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    return link_problems(ID, bound, ctx, question(ctx), _message)


def _message(url: str, found: tuple[str, str]) -> tuple[str, str]:
    new, what = found
    return f"{what}; link the abstract page {new}", new


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    allow_versions = bool(ctx.options(ID).get("allow_versions"))
    return rewrite_table(bound, table, lambda url: _target(url, allow_versions))

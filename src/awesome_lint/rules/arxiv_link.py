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
- `form` (default `"auto"`): the link form the list uses, `"abs"` or `"pdf"`. With `"pdf"`
  any `/pdf/` link is fine (with or without `.pdf` or a version) and the other forms are
  reported, the fix linking `https://arxiv.org/pdf/ID`. `"auto"` learns it from the
  document: a list with at least 10 arXiv links of which at least 90 % are PDF links links
  PDFs on purpose, so only its deviations are reported; any other list is held to `"abs"`.
  `init` can pin the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

from awesome_lint.model import FixSafety, Problem, Table
from awesome_lint.rules._links import body_links, link_problems, rewrite_table, url_answers
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
    },
    "form": {
        "enum": ["abs", "pdf", "auto"],
        "default": "auto",
        "description": "The arXiv link form of the list; auto: pdf when at least 90 % of"
        " 10 or more arXiv links are PDF links.",
    },
}
# The convention "auto" learns: at least MIN_LINKS arXiv links, PDF_SHARE of them PDFs.
MIN_LINKS = 10
PDF_SHARE = 0.9

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
    if form(ctx) == "pdf":
        pdf = url_answers(ctx, f"{ID}:pdf", _pdf_target, None)
        return link_problems(ID, bound, ctx, pdf, _pdf_message)
    return link_problems(ID, bound, ctx, question(ctx), _message)


def form(ctx: Context) -> str:
    """The arXiv link form of the document: the option, or what the document does."""
    chosen = str(ctx.options(ID).get("form", "auto"))
    return chosen if chosen != "auto" else ctx.per_document(f"{ID}:form", lambda: _learn(ctx))


def _learn(ctx: Context) -> str:
    kind = ctx.cached(f"{ID}:kind", _kind)
    pdfs = total = 0
    for bound in ctx.tables:
        for _, link in body_links(bound.table):
            found = kind(link.url)
            if found:
                total += 1
                pdfs += found == 2
    return "pdf" if total >= MIN_LINKS and pdfs >= PDF_SHARE * total else "abs"


def _kind(url: str) -> int:
    """0 for a link elsewhere than arXiv, 1 for an arXiv paper, 2 for its PDF."""
    if "arxiv" not in url.lower() or arxiv_id(url) is None:
        return 0
    return 2 if _is_pdf(url) else 1


def _is_pdf(url: str) -> bool:
    return "/pdf/" in urlsplit(url).path.lower()


def _pdf_target(url: str) -> str | None:
    """The PDF link an arXiv link should be in a list that links PDFs, or None."""
    ident = arxiv_id(url, version=True)
    return None if ident is None or _is_pdf(url) else f"https://arxiv.org/pdf/{ident}"


def _pdf_message(url: str, new: str) -> tuple[str, str]:
    if "/abs/" in urlsplit(url).path.lower():
        what = "arXiv link to the abstract page"
    else:
        what = _what(url, _ABS + str(arxiv_id(url)))
    return f"{what}; this list links arXiv PDFs: link {new}", new


def _message(url: str, found: tuple[str, str]) -> tuple[str, str]:
    new, what = found
    return f"{what}; link the abstract page {new}", new


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    if form(ctx) == "pdf":
        return rewrite_table(bound, table, _pdf_target)
    allow_versions = bool(ctx.options(ID).get("allow_versions"))
    return rewrite_table(bound, table, lambda url: _target(url, allow_versions))

"""A publisher PDF link where the paper's abstract page belongs.

## What it does
Finds links in the body rows of every table that open a publisher's PDF (or PDF viewer)
when the publisher has an abstract page for the paper at a known address: CVF open access,
OpenReview, ACL Anthology, IEEE Xplore `stamp.jsp`, NeurIPS, PMLR, JMLR, ACM DL, nature.com,
bioRxiv and medRxiv, AAAI and IJCAI. arXiv links are `arxiv-link`'s business.

## Why
The abstract page names the paper, its authors and venue, and links the PDF, the
supplementary material and the citation; a bare PDF is a download that some browsers save
instead of showing. It is a warning: some lists link PDFs on purpose.

## Example
```markdown
| Title | Paper |
| ----- | ----- |
| MedKLIP | [CVF](https://openaccess.thecvf.com/content/ICCV2023/papers/Wu_X_ICCV_2023_paper.pdf) |
```

## Fix
Unsafe: `--fix --unsafe-fixes` replaces the link with the abstract page (for the example,
`https://openaccess.thecvf.com/content/ICCV2023/html/Wu_X_ICCV_2023_paper.html`).
Links whose destination is not written literally in the cell (reference links, bare URLs,
destinations with escapes) are reported without a fix.

## Options
- `form` (default `"auto"`): `"abstract"` reports every publisher PDF link; `"pdf"` accepts
  them (a list that links PDFs on purpose). `"auto"` learns it from the document: a list
  with at least 10 such PDF links, at least 90 % of its links to those publishers, links
  PDFs on purpose; any other list is held to `"abstract"`. `init` can pin the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from awesome_lint.model import FixSafety, Problem, Severity, Table
from awesome_lint.rules._links import (
    bare,
    body_links,
    link_problems,
    rewrite_table,
    url_answers,
    url_host,
)
from awesome_lint.rules.base import Context
from awesome_lint.tableschema import BoundTable
from awesome_lint.urls import abstract_url, host

ID = "pdf-link"
FIX: FixSafety | None = "unsafe"
SEVERITY: Severity = "warning"
OPTIONS: dict[str, Any] = {
    "form": {
        "enum": ["abstract", "pdf", "auto"],
        "default": "auto",
        "description": "The publisher link form of the list; auto: pdf when at least 90 % of"
        " 10 or more links to those publishers are PDF links.",
    }
}
# The convention "auto" learns: MIN_LINKS PDF links or more, PDF_SHARE of the links to
# the publishers they are on.
MIN_LINKS = 10
PDF_SHARE = 0.9


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    if form(ctx) == "pdf":
        return iter(())
    return link_problems(ID, bound, ctx, question(ctx), _message)


def form(ctx: Context) -> str:
    """The publisher link form of the document: the option, or what the document does."""
    chosen = str(ctx.options(ID).get("form", "auto"))
    return chosen if chosen != "auto" else ctx.per_document(f"{ID}:form", lambda: _learn(ctx))


def _learn(ctx: Context) -> str:
    answers, host_of = question(ctx), url_host(ctx)
    links = [link.url for bound in ctx.tables for _, link in body_links(bound.table)]
    pdf_hosts = {host_of(url) for url in links if answers(url) is not None}
    pdf_hosts.discard(None)
    on_hosts = [url for url in links if host_of(url) in pdf_hosts]
    pdfs = sum(1 for url in on_hosts if answers(url) is not None)
    return "pdf" if pdfs >= MIN_LINKS and pdfs >= PDF_SHARE * len(on_hosts) else "abstract"


def question(ctx: Context) -> Callable[[str], str | None]:
    """The abstract page a publisher PDF link should be, once per URL."""
    return url_answers(ctx, ID, abstract_url, None)


def _message(url: str, abstract: str) -> tuple[str, str]:
    return f"link to a PDF on {bare(host(url))}; link its abstract page instead", abstract


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    return table if form(ctx) == "pdf" else rewrite_table(bound, table, abstract_url)

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
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from awesome_lint.model import FixSafety, Problem, Severity, Table
from awesome_lint.rules._links import bare, link_problems, rewrite_table, url_answers
from awesome_lint.rules.base import Context
from awesome_lint.tableschema import BoundTable
from awesome_lint.urls import abstract_url, host

ID = "pdf-link"
FIX: FixSafety | None = "unsafe"
SEVERITY: Severity = "warning"


def check(bound: BoundTable, ctx: Context) -> Iterator[Problem]:
    return link_problems(ID, bound, ctx, question(ctx), _message)


def question(ctx: Context) -> Callable[[str], str | None]:
    """The abstract page a publisher PDF link should be, once per URL."""
    return url_answers(ctx, ID, abstract_url, None)


def _message(url: str, abstract: str) -> tuple[str, str]:
    return f"link to a PDF on {bare(host(url))}; link its abstract page instead", abstract


def fix(bound: BoundTable, table: Table, ctx: Context) -> Table:
    return rewrite_table(bound, table, abstract_url)

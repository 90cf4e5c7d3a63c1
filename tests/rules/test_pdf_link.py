from __future__ import annotations

from dataclasses import replace

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import Config, default_config
from awesome_lint.fixer import fix_text

SELECT = Selection(frozenset({"pdf-link"}))
HEAD = "| Title | Paper |\n| ----- | ----- |\n"
CVF = "https://openaccess.thecvf.com/content/ICCV2023/papers/Wu_X_ICCV_2023_paper.pdf"
CVF_HTML = "https://openaccess.thecvf.com/content/ICCV2023/html/Wu_X_ICCV_2023_paper.html"


def aligned(config: Config | None) -> Config:
    """The config with tables laid out aligned, as the expected lines are written."""
    return replace(config or default_config(), style="aligned")


def fixed(body: str) -> str:
    return fix_text(HEAD + body, aligned(None), SELECT, unsafe_fixes=True).text.splitlines()[2]


def test_is_a_warning_with_an_unsafe_fix() -> None:
    (p,) = lint_text(HEAD + f"| A | [ICCV'23]({CVF}) |\n", None, SELECT)
    assert p.severity == "warning"
    assert p.message == "link to a PDF on openaccess.thecvf.com; link its abstract page instead"
    assert (p.fix, p.suggestion) == ("unsafe", f"Replace with {CVF_HTML}")


def test_two_links_in_one_cell() -> None:
    body = f"| A | [pdf]({CVF}), [OR](https://openreview.net/pdf?id=Ab1) |\n"
    assert (
        fixed(body) == f"| A     | [pdf]({CVF_HTML}), [OR](https://openreview.net/forum?id=Ab1) |"
    )


def test_scheme_is_kept() -> None:
    assert fixed("| A | [x](http://aclanthology.org/N19-1423.pdf) |\n") == (
        "| A     | [x](http://aclanthology.org/N19-1423/) |"
    )


def test_arxiv_and_unknown_pdfs_are_left_alone() -> None:
    body = "| A | [x](https://arxiv.org/pdf/2301.12345) [y](https://x.org/p.pdf) |\n"
    assert lint_text(HEAD + body, None, SELECT) == []


def test_badge_link() -> None:
    body = f"| A | [![pdf](https://img.shields.io/badge/pdf-thecvf-7395C5.svg)]({CVF}) |\n"
    assert fixed(body) == (
        f"| A     | [![pdf](https://img.shields.io/badge/pdf-thecvf-7395C5.svg)]({CVF_HTML}) |"
    )

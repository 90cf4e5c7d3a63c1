from __future__ import annotations

import sys
from dataclasses import replace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from awesome_lint.markdown.tables import parse
from awesome_lint.rules._links import links, rewrite_table
from awesome_lint.tableschema import bind


def _upper(url: str) -> str | None:
    return url.upper() if url.startswith("https://") else None


def _bound(text: str):  # type: ignore[no-untyped-def]
    return bind(parse(text).tables[0], ())


def test_rewrites_destinations_only_and_keeps_links_current() -> None:
    bound = _bound("| a |\n| - |\n| [https://x](https://x) and [y](<https://y>) |\n")
    cell = rewrite_table(bound, bound.table, _upper).rows[0].cells[0]
    assert cell.raw == "[https://x](HTTPS://X) and [y](<HTTPS://Y>)"
    assert [(link.url, cell.raw[slice(*link.url_span)]) for link in cell.links] == [  # type: ignore[misc]
        ("HTTPS://X", "HTTPS://X"),
        ("HTTPS://Y", "HTTPS://Y"),
    ]


def test_changed_cells_are_read_again() -> None:
    bound = _bound("| a |\n| - |\n| [x](https://x/a) |\n")
    cell = bound.table.rows[0].cells[0]
    # Another fix changed the cell (and left its links stale).
    moved = replace(cell, raw="[text \\| more](https://x/a)")
    table = replace(bound.table, rows=(replace(bound.table.rows[0], cells=(moved,)),))
    assert rewrite_table(bound, table, _upper).rows[0].cells[0].raw == (
        "[text \\| more](HTTPS://X/A)"
    )


def test_refuses_cells_whose_links_read_differently_without_references() -> None:
    text = "| a |\n| - |\n| [x][r](https://y/) |\n\n[r]: https://r/\n"
    bound = _bound(text)
    cell = bound.table.rows[0].cells[0]
    changed = replace(cell, raw=cell.raw + " ")
    table = replace(bound.table, rows=(replace(bound.table.rows[0], cells=(changed,)),))
    # Without the definition of [r], "[r](https://y/)" would read as a link: left alone.
    assert rewrite_table(bound, table, _upper).rows[0].cells[0] is changed


def test_footnote_references_are_not_links() -> None:
    bound = _bound("| a |\n| - |\n| x[^1] |\n\n[^1]: note\n")
    assert links(bound.table.rows[0].cells[0]) == ()


def test_unchanged_destinations_keep_their_escapes() -> None:
    bound = _bound("| a |\n| - |\n| [x](https://x/a) [y](http://y/?q=1\\|2) |\n")
    cell = rewrite_table(bound, bound.table, _upper).rows[0].cells[0]
    assert cell.raw == "[x](HTTPS://X/A) [y](http://y/?q=1\\|2)"


def test_chained_rewrites_trust_links_kept_in_step() -> None:
    bound = _bound("| a |\n| - |\n| [x \\| y](http://x/a) and [z](http://z/) |\n")

    def secure(url: str) -> str | None:
        return "https://" + url[7:] if url.startswith("http://") else None

    table = rewrite_table(bound, bound.table, secure)
    table = rewrite_table(bound, table, _upper)
    cell = table.rows[0].cells[0]
    assert cell.raw == "[x \\| y](HTTPS://X/A) and [z](HTTPS://Z/)"
    assert [cell.raw[slice(*link.url_span)] for link in cell.links] == [  # type: ignore[misc]
        "HTTPS://X/A",
        "HTTPS://Z/",
    ]


# The facts of a URL: a quiet https link (urls.quiet_host) skips the rules' questions, and
# must get the answers they would have given.
_hosts = st.sampled_from(
    [
        "github.com",
        "www.github.com",
        "GitHub.com",
        "arxiv.org",
        "export.arxiv.org",
        "openreview.net",
        "www.nature.com",
        "doi.org",
        "openaccess.thecvf.com",
        "http",
        "a..b",
        ".a.org",
        "a.org.",
        "x",
        "ex-ample.co.uk",
    ]
)
_rests = st.text(alphabet="/aZ09-_.~%?#=& \t\u00a0xv:@pdf", max_size=24) | st.sampled_from(
    [
        "/abs/2101.00001",
        "/pdf/2101.00001v2",
        "/content_CVPR_2020/papers/A_B_CVPR_2020_paper.pdf",
        "/pdf?id=abc",
        "/10.1038/s41586-020-2649-2",
        "/articles/s41586-020-2649-2.pdf",
        "/a/b/arXiv",
    ]
)
_any_urls = st.tuples(
    st.sampled_from(["https://", "http://", "HTTPS://", "//", "", "ftp://"]), _hosts, _rests
).map("".join) | st.text(max_size=30)


@settings(max_examples=500, deadline=None)
@given(_any_urls)
@example("https://arxiv.org/pdf/2101.00001v2")
@example("https://export.arxiv.org/abs/2101.00001")
@example("https://openaccess.thecvf.com/content_CVPR_2020/papers/A_B_CVPR_2020_paper.pdf")
@example("https://www.nature.com/articles/s41586-020-2649-2.pdf")
@example("https://http/x")
def test_quiet_urls_get_the_answers_the_link_rules_would_give(url: str) -> None:
    from unittest import mock

    from awesome_lint.config import default_config
    from awesome_lint.rules import RULES, _links
    from awesome_lint.rules.base import Context

    modules = [sys.modules[rule.check.__module__] for rule in RULES if rule.check is not None]
    asking = [module for module in modules if hasattr(module, "question")]
    assert len(asking) >= 5
    for module in asking:
        answer = module.question(Context(default_config(), ()))(url)
        with mock.patch.object(_links, "quiet_host", lambda url: None):
            asked = module.question(Context(default_config(), ()))(url)
        assert answer == asked, module.ID


def test_quiet_hosts() -> None:
    from awesome_lint.urls import quiet_host

    assert quiet_host("https://GitHub.com/a/b") == "github.com"
    assert quiet_host("https://github.com") == "github.com"
    for loud in [
        "http://github.com/a",  # insecure-link's
        "https://github.com/a?utm_source=x",  # tracking-params'
        "https://arxiv.org/abs/2101.00001",  # arxiv-link's
        "https://openaccess.thecvf.com/a.pdf",  # pdf-link's
        "https://github.com/a b",  # link-syntax's
        "https://a..org/",
    ]:
        assert quiet_host(loud) is None, loud

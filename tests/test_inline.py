"""Cell text and links compared with GitHub's renderer, on real cells and generated ones."""

from __future__ import annotations

import glob
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from gfm import normalize, tables
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from awesome_lint.markdown.inline import parse_inline
from awesome_lint.markdown.inline_scanner import scan

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _github_cells(cells: list[str]) -> list[tuple[str, list[str]]]:
    body = "".join("| " + c.replace("|", "\\|") + " |\n" for c in cells)
    rendered = tables("| h |\n| - |\n" + body)
    return [row[0] for row in rendered[0][1:]]


def _href(url: str) -> str:
    # GitHub percent-encodes some hrefs and not others: compare them decoded.
    return unquote(url)


def _check(cells: list[str], fast_only: bool) -> list[str]:
    failures = []
    for cell, (text, hrefs) in zip(cells, _github_cells(cells)):
        parsed = scan(cell) if fast_only else parse_inline(cell, {})
        if parsed is None:
            continue
        ours = normalize(parsed.text)
        marked = [_href(link.url) for link in parsed.links]
        if ours != text or marked != [_href(h) for h in hrefs]:
            failures.append(f"{cell!r}: ours {ours!r} {marked} != GitHub {text!r} {hrefs}")
    return failures


def _corpus_cells() -> list[str]:
    cells: set[str] = set()
    for name in glob.glob(str(CORPUS / "*.md")):
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("|"):
                for cell in re.split(r"(?<!\\)\|", line.strip().strip("|")):
                    cell = cell.strip().replace("\\|", "|")
                    if cell and "|" not in cell:
                        cells.add(cell)
    return sorted(cells)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_every_corpus_cell_reads_as_github_shows_it() -> None:
    cells = _corpus_cells()
    assert len(cells) > 5000
    assert _check(cells, fast_only=False) == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_the_scanner_reads_most_corpus_cells_itself() -> None:
    cells = _corpus_cells()
    scanned = [c for c in cells if scan(c) is not None]
    assert len(scanned) / len(cells) > 0.97
    assert _check(scanned, fast_only=True) == []


_PIECES = st.sampled_from(
    [
        "a",
        "b",
        "word",
        " ",
        "  ",
        "中文",
        "👍🏽",
        "¿",
        "(",
        ")",
        ".",
        "'",
        '"',
        ":",
        "*",
        "**",
        "***",
        "_",
        "__",
        "~",
        "~~",
        "`",
        "``",
        "\\",
        "\\*",
        "\\[",
        "\\]",
        "\\`",
        "[",
        "]",
        "![",
        "](",
        ")",
        "[a](https://x.org/a)",
        "[b](<c d>)",
        "](u)",
        "![i](i.png)",
        "[![b](https://img/b.svg)](https://g.com/b)",
        "<br>",
        "<br/>",
        "</b>",
        '<a href="x">',
        "<!-- c -->",
        "<!---->",
        "<http://a.org>",
        "<a@b.org>",
        "<x y",
        "&amp;",
        "&copy;",
        "&#35;",
        "&#x1F600;",
        "&bogus;",
        "&",
        "www.example.com",
        "https://e.org/p_(q)",
        "a@b.org",
        "<script>",
        "<",
        ">",
        "!",
        "#",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=8).map("".join), min_size=1, max_size=20))
@example(["**a*b**", "*a **b** c*", "~a~ ~b~~", "_a_b_", "x**(a)**y", "`a``b`"])
# Emphasis next to tildes: cmark-gfm looks past them for the flanking characters.
@example(["_a_~a", "_a_~.", "_a_~", "a~_a_", ".~_a_", "~__*_", "x ~__*_", "a*~b*", "_a_~~b~~"])
# Tilde runs of unequal length: cmark-gfm drops the pair and every run between them.
@example(["~_~~a~", "~a~~.~", "~~_a~_", "~*a~~*", "~a~ ~~b~~ ~c~"])
def test_generated_cells_read_as_github_shows_them(cells: list[str]) -> None:
    cells = [c.strip() for c in cells if c.strip() and "|" not in c and not c.endswith("\\")]
    if cells:
        assert _check(cells, fast_only=False) == []


_words = st.text(alphabet="ab (): /.w@_*\\!<&`~x9'#?=-", max_size=6)
_destinations = st.text(alphabet="ab/.:?=()<> x&_#", max_size=6)
_pieces = st.one_of(
    _words,
    st.builds("[{}]({})".format, _words, _destinations),
    st.builds("[![{}]({})]({})".format, _words, _destinations, _destinations),
    st.builds("![{}]({})".format, _words, _destinations),
    st.sampled_from(["[", "]", "(", ")", "!", "www.x.org", "a@b.c", "http://x", " ", "**", "`"]),
)


@given(st.lists(_pieces, max_size=5).map("".join))
@example("[Link](https://x/a) [![Star](https://img/s.svg?style=social)](https://x/a)")
@example("a ![i](u) b [c](d)(e)")
def test_runs_of_plain_links_and_images_read_as_the_scanner_reads_them(cell: str) -> None:
    from awesome_lint.markdown.inline import _simple

    fast = _simple(cell)
    if fast is not None:
        scanned = scan(cell)
        assert scanned is not None
        assert (fast.text, fast.links, fast.images) == (
            scanned.text,
            scanned.links,
            scanned.images,
        )

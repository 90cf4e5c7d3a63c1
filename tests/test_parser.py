"""The tables we find are GitHub's tables: checked on generated documents and edge cases."""

from __future__ import annotations

import re

import pytest
from gfm import normalize, tables
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from awesome_lint.markdown.tables import parse, parse_tables


def _ours(text: str) -> list[list[list[str]]]:
    out = []
    for table in parse_tables(text.removeprefix("\ufeff")):
        width = len(table.header.cells)
        rows = [[normalize(c.text) for c in table.header.cells]]
        for row in table.rows:
            texts = [normalize(c.text) for c in row.cells][:width]
            rows.append(texts + [""] * (width - len(texts)))
        out.append(rows)
    return out


def _github(text: str) -> list[list[list[str]]]:
    return [[[text for text, _ in row] for row in table] for table in tables(text)]


_LINES = st.sampled_from(
    [
        "| a | b |",
        "| --- | --- |",
        "|:-|-:|",
        "a | b",
        "--- | ---",
        "| c |",
        "| 1 || 3 |",
        "| x | y | z |",
        "|",
        "| - |",
        "-",
        "---",
        "***",
        "",
        "   ",
        "text",
        "# Heading",
        "Setext",
        "===",
        "> | q | r |",
        "> | - | - |",
        ">",
        "- | l | m |",
        "  | - | - |",
        "1. | n |",
        "   | o | p |",
        "    | code |",
        "\t| tab |",
        "```",
        "~~~",
        "<div>",
        "</div>",
        "<!-- c -->",
        "<span>",
        "[ref]: /url",
        "| [ref] | `x\\|y` |",
        "| \\| | b |",
        "| 中文 | 👍 |",
        "- item",
        "  continued",
        "> quote",
        "| **b** | _i_ |",
    ]
)
_ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(_LINES, min_size=1, max_size=14))
    ending = draw(_ENDINGS)
    text = ending.join(lines) + draw(st.sampled_from(["", ending]))
    return draw(st.sampled_from(["", "\ufeff"])) + text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
@example("| a | b |\n| --- | --- |\n| 1 || 3 |")
@example("| a |\n| --- | --- |\n| x |")
@example("x\n| a | b |\n| - | - |\n# h\n- l\n> q\n    i\n| c |")
@example("| a |\n| - |\n| b |\nno pipes here\n\nbar")
@example("\ufeff| a |\r\n| - |\r\n| b\u2028c |\r\n")
@example("> x\n| a |\n> | - |\n> | b |")
@example("- | a |\n  | - |\n  | b |\n| c |")
def test_tables_are_githubs(text: str) -> None:
    assert _ours(text) == _github(text)


@pytest.mark.parametrize(
    "text, lines",
    [
        ("| a |\n| - |\n| b |\n", [(1, 3)]),
        ("intro\n\n| a |\n| - |\n\n| c |\n| - |\n| d |\n| e |\n", [(3, 4), (6, 9)]),
        ("para\n| a |\n| - |\n", [(2, 3)]),
    ],
)
def test_table_spans(text: str, lines: list[tuple[int, int]]) -> None:
    assert [(t.line, t.end_line) for t in parse_tables(text)] == lines


def test_cells_keep_their_place() -> None:
    table = parse_tables("> | Name | Title |\n> | --- | --- |\n> | SAM | A *paper* |\n")[0]
    cell = table.rows[0].cells[1]
    assert (cell.line, cell.column, cell.end_column) == (3, 11, 20)
    assert cell.raw == "A *paper*"
    assert cell.text == "A paper"
    assert table.rows[0].prefix == "> "


def test_headings_above_a_table() -> None:
    text = "# List\n## Papers\n### 2023\n\n| a |\n| - |\n## Data\n\n| b |\n| - |\n"
    first, second = parse_tables(text)
    assert first.headings == ("List", "Papers", "2023")
    assert second.headings == ("List", "Data")


def test_links_and_badges() -> None:
    text = (
        "| Paper | Code |\n| - | - |\n"
        "| [ICCV'23](https://arxiv.org/pdf/2302.08958.pdf) "
        "| [![Star](https://img.shields.io/github/stars/x/y.svg)](https://github.com/x/y) |\n"
        "[r]: https://example.org/ref\n"
    )
    row = parse_tables(text)[0].rows[0]
    paper, code = row.cells
    assert [(link.text, link.url) for link in paper.links] == [
        ("ICCV'23", "https://arxiv.org/pdf/2302.08958.pdf")
    ]
    assert paper.raw[paper.links[0].url_span[0] : paper.links[0].url_span[1]] == (  # type: ignore[index]
        "https://arxiv.org/pdf/2302.08958.pdf"
    )
    badge = code.links[0]
    assert badge.url == "https://github.com/x/y"
    assert badge.image is not None and badge.image.alt == "Star"


def test_reference_links_resolve() -> None:
    text = "| a |\n| - |\n| [paper][p] |\n\n[p]: https://arxiv.org/abs/1 'T'\n"
    link = parse_tables(text)[0].rows[0].cells[0].links[0]
    assert (link.url, link.title, link.kind) == ("https://arxiv.org/abs/1", "T", "reference")


def test_code_lines_are_known() -> None:
    doc = parse("```\n| a |\n| - |\n```\n")
    assert doc.tables == () and {2, 3} <= doc.code_lines


@given(
    st.text(alphabet="ab |\t\v\f\r\n\u3000x", max_size=16).flatmap(
        lambda line: st.tuples(st.just(line), st.integers(0, len(line)))
    )
)
@example(("| a | b |", 0))
@example(("a | b", 0))
@example(("|   |", 0))
@example(("", 0))
def test_plain_row_split_is_split_row(case: tuple[str, int]) -> None:
    from awesome_lint.markdown.blocks import split_row
    from awesome_lint.markdown.tables import plain_row_cells

    line, start = case
    spans = split_row(line, start) or []
    assert plain_row_cells(line, start) == [(a, line[a:b]) for a, b in spans]


def test_a_tab_the_list_item_half_owns_stays_in_the_prefix() -> None:
    table = parse_tables("- a\n\n\t| h |\n\t|---|\n\t| x |\n")[0]
    assert [row.prefix for row in (table.header, table.delimiter, *table.rows)] == ["\t"] * 3


@given(st.text(alphabet="ab\r\n\u2028\x0b", max_size=30))
def test_split_lines_splits_where_commonmark_does(text: str) -> None:
    from awesome_lint.markdown.blocks import split_lines

    lines, endings = split_lines(text)
    assert "".join(line + end for line, end in zip(lines, endings)) == text
    assert all(end in ("\n", "\r\n", "\r") for end in endings[:-1])
    assert not any("\n" in line or "\r" in line for line in lines)
    # A line ends at every LF, CRLF or CR, and only the last may end without one.
    pieces = re.split(r"(?<=\r\n)|(?<=\n)|(?<=\r)(?!\n)", text)
    assert lines == [p.rstrip("\r\n") for p in pieces if p]


def test_nul_reads_as_the_replacement_character_as_commonmark_says() -> None:
    text = "| a\x00 | [x\x00](https://e.org/\x00) |\n|---|---|\n| b\x00c | d |\n"
    table = parse(text).tables[0]
    assert [c.text for c in table.header.cells] == ["a\ufffd", "x\ufffd"]
    assert table.header.cells[0].raw == "a\x00"  # as written: the fixer keeps the bytes
    assert [c.text for c in table.rows[0].cells] == ["b\ufffdc", "d"]
    assert _ours(text) == _github(text)  # GitHub's renderer reads them so too

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from gfm import render as render_gfm
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from awesome_lint.markdown.tables import parse_tables
from awesome_lint.model import Align, Cell, Row, Table
from awesome_lint.render import (
    STYLES,
    Style,
    counts_code_points,
    first_misaligned,
    keeps_short_rows,
    render_table,
    table_pipes,
    table_style,
)
from awesome_lint.width import display_width, display_widths

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man ZWJ woman ZWJ girl
THUMBS_MEDIUM = "\U0001f44d\U0001f3fd"  # thumbs up, skin tone modifier
HEART = "\u2764\ufe0f"  # text-default heart with VS16
KEYCAP_1 = "1\ufe0f\u20e3"
FLAG_FR = "\U0001f1eb\U0001f1f7"
RAINBOW_FLAG = "\U0001f3f3\ufe0f\u200d\U0001f308"
E_ACUTE = "e\u0301"  # e + combining acute accent
ZWJ = "\u200d"

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def make_row(raws: Sequence[str], line: int, prefix: str = "", source: str = "") -> Row:
    cells = tuple(
        Cell(line=line, column=1, end_column=1 + len(raw), raw=raw, text=raw) for raw in raws
    )
    return Row(line=line, cells=cells, prefix=prefix, source=source)


def make_table(
    header: Sequence[str],
    align: Sequence[Align],
    rows: Sequence[Sequence[str]] = (),
    prefix: str = "",
    first_prefix: str | None = None,
) -> Table:
    """A table as the parser would give it; `first_prefix` is the header's (a list marker)."""
    delimiter = [{"left": ":--", "center": ":-:", "right": "--:", "none": "---"}[a] for a in align]
    return Table(
        index=0,
        line=1,
        end_line=2 + len(rows),
        headings=(),
        header=make_row(header, 1, prefix if first_prefix is None else first_prefix),
        delimiter=make_row(delimiter, 2, prefix),
        align=tuple(align),
        rows=tuple(make_row(row, 3 + i, prefix) for i, row in enumerate(rows)),
    )


def split_cells(body: str) -> list[str]:
    """The raw cells of a row without its prefix: split on unescaped pipes, spaces stripped."""
    parts = _UNESCAPED_PIPE.split(body.strip(" \t"))
    if len(parts) > 1 and not parts[0]:
        del parts[0]
    if len(parts) > 1 and not parts[-1]:
        del parts[-1]
    return [part.strip(" \t") for part in parts]


def parse_align(cell: str) -> Align:
    if cell.startswith(":") and cell.endswith(":"):
        return "center"
    if cell.endswith(":"):
        return "right"
    if cell.startswith(":"):
        return "left"
    return "none"


def parse_table(lines: Sequence[str], prefixes: Sequence[str], first_line: int = 10) -> Table:
    """A stand-in for the parser: rows keep their lines as `source`."""
    rows = [
        make_row(split_cells(line.rstrip("\r\n")[len(prefix) :]), first_line + i, prefix, line)
        for i, (line, prefix) in enumerate(zip(lines, prefixes))
    ]
    return Table(
        index=0,
        line=first_line,
        end_line=first_line + len(lines) - 1,
        headings=(),
        header=rows[0],
        delimiter=rows[1],
        align=tuple(parse_align(cell.raw) for cell in rows[1].cells),
        rows=tuple(rows[2:]),
    )


def prefixes_of(table: Table) -> list[str]:
    return [row.prefix for row in (table.header, table.delimiter, *table.rows)]


def pipe_columns(line: str, prefix: str) -> list[int]:
    """Display columns of the unescaped pipes after the prefix, each cell measured whole."""
    columns = []
    column = 0
    for index, segment in enumerate(_UNESCAPED_PIPE.split(line[len(prefix) :])):
        if index:
            columns.append(column)
            column += 1
        column += display_width(segment)
    return columns


def assert_pipes_line_up(lines: Sequence[str], prefixes: Sequence[str]) -> None:
    by_position: dict[int, set[int]] = {}
    for line, prefix in zip(lines, prefixes):
        for position, column in enumerate(pipe_columns(line, prefix)):
            by_position.setdefault(position, set()).add(column)
    assert all(len(columns) == 1 for columns in by_position.values()), by_position


# --- display width ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("", 0),
        ("abc", 3),
        ("中文", 4),
        ("漢字かな", 8),
        (E_ACUTE, 1),
        (FAMILY, 2),
        (THUMBS_MEDIUM, 2),
        (HEART, 2),
        ("\u2764", 1),
        (KEYCAP_1, 2),
        (FLAG_FR, 2),
        (RAINBOW_FLAG, 2),
        (ZWJ, 0),
        # A joiner outside an emoji sequence joins nothing: both letters stay visible.
        (f"a{ZWJ}b", 2),
        (f"x{ZWJ}中", 3),
        (f"{THUMBS_MEDIUM}{ZWJ} ", 3),
        # Tabs and other control characters count one column, ASCII text or not.
        ("a\tb", 3),
        ("é\tb", 3),
        ("中\t", 3),
        ("a\x07b", 3),
        ("é\x1b[1m", 5),
        ("é\x85", 2),
    ],
)
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


def test_display_widths_matches_display_width() -> None:
    texts = ["abc", "", "中文", FAMILY, "a\tb", f"a{ZWJ}b"]
    assert display_widths(texts) == [display_width(text) for text in texts]
    assert display_widths(texts[:2]) == [3, 0]


def test_simple_characters_measure_as_wcwidth_measures_them() -> None:
    """Every code point the fast path measures without wcwidth: as wide as wcwidth says,
    alone, twice and between letters, and in no grapheme class that joins a neighbour."""
    import unicodedata

    import wcwidth
    from wcwidth import table_grapheme as graphemes
    from wcwidth.bisearch import bisearch

    from awesome_lint.width import _kind

    joining = [
        graphemes.GRAPHEME_PREPEND,
        graphemes.GRAPHEME_SPACINGMARK,
        graphemes.GRAPHEME_EXTEND,
        graphemes.GRAPHEME_ZWJ,
        graphemes.GRAPHEME_L,
        graphemes.GRAPHEME_V,
        graphemes.GRAPHEME_T,
        graphemes.GRAPHEME_REGIONAL_INDICATOR,
        graphemes.GRAPHEME_CONTROL,
    ]
    wrong = []
    for code in range(0x80, 0x110000):
        char = chr(code)
        kind = _kind(char)
        if not kind:
            continue
        if (
            any(bisearch(code, table) for table in joining)
            or wcwidth.width(char) != kind
            or wcwidth.width(char + char) != 2 * kind
            or wcwidth.width(f"a{char}b") != kind + 2
        ):
            wrong.append(f"U+{code:04X} {unicodedata.name(char, '?')}")
    assert wrong == []
    assert _kind("\u0301") == _kind("\u200d") == _kind("\ufe0f") == _kind("\U0001f3fb") == 0
    assert display_width("Café — 中文 🚀") == wcwidth.width("Café — 中文 🚀")


# --- golden cases ----------------------------------------------------------------------------

GOLDEN = [
    pytest.param(
        make_table(
            ["Name", "Year", "Stars", "Notes"],
            ["left", "center", "right", "none"],
            [["BERT", "2019", "12k", "encoder"], ["GPT-2", "19", "1.2k", ""]],
        ),
        "aligned",
        [
            "| Name  | Year | Stars | Notes   |",
            "| :---- | :--: | ----: | ------- |",
            "| BERT  | 2019 |   12k | encoder |",
            "| GPT-2 |  19  |  1.2k |         |",
        ],
        id="aligned-every-alignment",
    ),
    pytest.param(
        make_table(
            ["Name", "Year", "Stars", "Notes"],
            ["left", "center", "right", "none"],
            [["BERT", "2019", "12k", "encoder"], ["GPT-2", "19", "1.2k", ""]],
        ),
        "compact",
        [
            "| Name | Year | Stars | Notes |",
            "| :-- | :-: | --: | --- |",
            "| BERT | 2019 | 12k | encoder |",
            "| GPT-2 | 19 | 1.2k | |",
        ],
        id="compact-every-alignment",
    ),
    pytest.param(
        make_table(["Center"], ["center"], [["a"], ["ab"], [""]]),
        "aligned",
        ["| Center |", "| :----: |", "|   a    |", "|   ab   |", "|        |"],
        id="aligned-center-extra-space-right",
    ),
    pytest.param(
        make_table(["a", "b", "c", "d"], ["left", "center", "right", "none"], [["", "", "", ""]]),
        "aligned",
        ["| a   |  b  |   c | d   |", "| :-- | :-: | --: | --- |", "|     |     |     |     |"],
        id="aligned-minimum-width-3",
    ),
    pytest.param(
        make_table(["a", "b", "c", "d"], ["left", "center", "right", "none"], [["", "", "", ""]]),
        "compact",
        ["| a | b | c | d |", "| :-- | :-: | --: | --- |", "| | | | |"],
        id="compact-empty-cells",
    ),
    pytest.param(
        make_table(["Paper"], ["none"], [["A very long title"], [], ["B"]]),
        "aligned",
        [
            "| Paper             |",
            "| ----------------- |",
            "| A very long title |",
            "|                   |",
            "| B                 |",
        ],
        id="aligned-one-column",
    ),
    pytest.param(
        make_table(["Paper"], ["right"], [["A"], []]),
        "compact",
        ["| Paper |", "| --: |", "| A |", "| |"],
        id="compact-one-column",
    ),
    pytest.param(
        make_table(
            ["Name", "Url"],
            ["none", "left"],
            [["a"], ["b", "u", "x1"], ["c", "u2", "x22", "y"], ["d", "e", ""]],
        ),
        "aligned",
        [
            "| Name | Url |",
            "| ---- | :-- |",
            "| a    |     |",
            "| b    | u   | x1  |",
            "| c    | u2  | x22 | y |",
            "| d    | e   |     |",
        ],
        id="aligned-ragged-rows",
    ),
    pytest.param(
        make_table(
            ["Name", "Url"],
            ["none", "left"],
            [["a"], ["b", "u", "x1"], ["c", "u2", "x22", "y"], ["d", "e", ""]],
        ),
        "compact",
        [
            "| Name | Url |",
            "| --- | :-- |",
            "| a | |",
            "| b | u | x1 |",
            "| c | u2 | x22 | y |",
            "| d | e | |",
        ],
        id="compact-ragged-rows",
    ),
    pytest.param(
        make_table(["a", "b"], ["none", "none"], [["1", "2", ""]]),
        "aligned",
        ["| a   | b   |", "| --- | --- |", "| 1   | 2   |  |"],
        id="aligned-empty-extra-cell",
    ),
    pytest.param(
        make_table(
            ["Code", "Text"],
            ["none", "none"],
            [[r"`a \| b`", r"x \| y"], ["<br>&amp;", "**b**\\"], [r"\\|\|", "[t](u)"]],
        ),
        "aligned",
        [
            "| Code      | Text   |",
            "| --------- | ------ |",
            r"| `a \| b`  | x \| y |",
            r"| <br>&amp; | **b**\ |",
            r"| \\|\|     | [t](u) |",
        ],
        id="aligned-escaped-pipes-code-spans",
    ),
    pytest.param(
        make_table(["Code"], ["none"], [[r"`a \| b`"], ["**b**\\"]]),
        "compact",
        ["| Code |", "| --- |", r"| `a \| b` |", r"| **b**\ |"],
        id="compact-escaped-pipes",
    ),
    pytest.param(
        make_table(
            ["名前", "Emoji", "Note"],
            ["left", "center", "right"],
            [["日本語", THUMBS_MEDIUM, E_ACUTE], ["a", FAMILY, FLAG_FR], ["中", KEYCAP_1, HEART]],
        ),
        "aligned",
        [
            "| 名前   | Emoji | Note |",
            "| :----- | :---: | ---: |",
            f"| 日本語 |  {THUMBS_MEDIUM}   |    {E_ACUTE} |",
            f"| a      |  {FAMILY}   |   {FLAG_FR} |",
            f"| 中     |  {KEYCAP_1}   |   {HEART} |",
        ],
        id="aligned-cjk-emoji",
    ),
    pytest.param(
        make_table(["x", "y"], ["none", "right"], [["a\tb", f"a{ZWJ}b"], ["é\tb", RAINBOW_FLAG]]),
        "aligned",
        [
            "| x   |   y |",
            "| --- | --: |",
            f"| a\tb |  a{ZWJ}b |",
            f"| é\tb |  {RAINBOW_FLAG} |",
        ],
        id="aligned-tab-and-joiner-count-as-documented",
    ),
    pytest.param(
        make_table(["a", "b"], ["center", "right"], [["1", "22"]], prefix="> "),
        "aligned",
        ["> |  a  |   b |", "> | :-: | --: |", "> |  1  |  22 |"],
        id="aligned-block-quote",
    ),
    pytest.param(
        make_table(["a", "b"], ["none", "none"], [["1", "22"]], prefix="   "),
        "aligned",
        ["   | a   | b   |", "   | --- | --- |", "   | 1   | 22  |"],
        id="aligned-list-item-continuation",
    ),
    pytest.param(
        make_table(["a"], ["left"], [["1"]], prefix="  ", first_prefix="- "),
        "aligned",
        ["- | a   |", "  | :-- |", "  | 1   |"],
        id="aligned-list-item-marker",
    ),
    pytest.param(
        make_table(["a", "b"], ["none", "center"], [["", "x"]], prefix="> > "),
        "compact",
        ["> > | a | b |", "> > | --- | :-: |", "> > | | x |"],
        id="compact-nested-block-quote",
    ),
]


@pytest.mark.parametrize(("table", "style", "expected"), GOLDEN)
def test_golden(table: Table, style: Style, expected: list[str]) -> None:
    assert render_table(table, style) == expected


@pytest.mark.parametrize(("table", "style", "expected"), GOLDEN)
def test_golden_is_stable_and_formatted(table: Table, style: Style, expected: list[str]) -> None:
    reparsed = parse_table(expected, prefixes_of(table))
    assert render_table(reparsed, style) == expected
    assert first_misaligned(reparsed, style) is None


@pytest.mark.parametrize(
    ("table", "style", "expected"), [case for case in GOLDEN if case.values[1] == "aligned"]
)
def test_golden_aligned_pipes_line_up(table: Table, style: Style, expected: list[str]) -> None:
    prefixes = prefixes_of(table)
    assert_pipes_line_up(expected, prefixes)
    if not any(len(row.cells) > len(table.header.cells) for row in table.rows):
        widths = {display_width(line[len(p) :]) for line, p in zip(expected, prefixes)}
        assert len(widths) == 1


def test_default_style_is_aligned() -> None:
    table = make_table(["a"], ["none"], [["bcde"]])
    assert (
        render_table(table)
        == render_table(table, "aligned")
        == ["| a    |", "| ---- |", "| bcde |"]
    )
    assert STYLES == ("aligned", "compact", "tight")


def test_delimiter_without_spaces_is_rebuilt_aligned_and_kept_unpadded() -> None:
    table = parse_table(["|a|b|", "|:-:|--:|", "|1|2|"], ["", "", ""])
    assert table.align == ("center", "right")
    assert render_table(table) == ["|  a  |   b |", "| :-: | --: |", "|  1  |   2 |"]
    assert render_table(table, "compact") == ["| a | b |", "|:-:|--:|", "| 1 | 2 |"]
    assert render_table(table, "tight") == ["|a|b|", "|:-:|--:|", "|1|2|"]


@pytest.mark.parametrize(
    ("delimiter", "compact", "tight"),
    [
        ("| --: | :-- |", "| --: | :-- |", "| --: | :-- |"),
        ("|--:|:--|", "|--:|:--|", "|--:|:--|"),
        ("--: | :--", "| --: | :-- |", "|--:|:--|"),
        ("|--:|:--| ", "| --: | :-- |", "|--:|:--|"),
        ("|--:|:--", "| --: | :-- |", "|--:|:--|"),
    ],
)
def test_unpadded_styles_keep_a_delimiter_row_with_outer_pipes(
    delimiter: str, compact: str, tight: str
) -> None:
    table = parse_table(["| a | b |", delimiter, "| 1 | 2 |"], ["", "", ""])
    assert render_table(table, "compact")[1] == compact
    assert render_table(table, "tight")[1] == tight


def test_tight_keeps_a_trailing_backslash_off_the_pipe() -> None:
    table = make_table(["a\\", "b"], ["none", "none"], [["\\", ""]])
    assert render_table(table, "tight") == ["|a\\ |b|", "|---|---|", "|\\ ||"]


@pytest.mark.parametrize(
    ("lines", "style"),
    [
        (["| Name    | Year |", "| ------- | ---- |", "| BERT | 2019 |"], "aligned"),
        (["|  名前  | Year |", "| ---- | ---- |", "| BERT | 2019 |"], "aligned"),
        (["| Name | Year |", "|---|---|", "| BERT  |  2019 |"], "compact"),
        (["| Name | Year |", "|------|------|", "| BERT | 2019 |", "| GPT-3 | 2020 |"], "compact"),
        (["| Name | Year |", "|------|------|", "| BERT | 2019 |", "| GPT  | 2020 |"], "aligned"),
        (["|Name|Year|", "|---|---|", "| BERT | 2019 |"], "tight"),
        (["Name | Year", "--- | ---", "BERT | 2019"], "compact"),
    ],
)
def test_table_style_reads_the_header_and_delimiter_rows(lines: list[str], style: Style) -> None:
    table = parse_table(lines, [""] * len(lines))
    assert table_style(table) == style
    assert table_style(table, "auto") == style
    for setting in STYLES:
        assert table_style(table, setting) == setting


def test_a_giant_cell_does_not_widen_its_column() -> None:
    notes = ["short", "tiny", "brief", "small", "terse", "x" * 100, "short too", "ok", "fine"]
    table = make_table(["Name", "Notes"], ["none", "none"], [["a", n] for n in notes])
    lines = render_table(table)
    assert lines[1] == "| ---- | --------- |"
    assert "| a    | " + "x" * 100 + " |" in lines
    assert lines[-1] == "| a    | fine      |"


def test_a_header_padded_for_a_giant_cell_keeps_its_width() -> None:
    lines = ["| Name | Notes" + " " * 96 + "|", "| --- | " + "-" * 100 + " |"]
    lines += ["| a | short |"] * 9 + ["| a | " + "x" * 100 + " |"]
    table = parse_table(lines, [""] * len(lines))
    assert render_table(table)[1] == "| ---- | " + "-" * 100 + " |"


def test_missing_align_entries_are_none() -> None:
    table = make_table(["a", "b"], ["right"], [["1", "2"]])
    assert render_table(table) == ["|   a | b   |", "| --: | --- |", "|   1 | 2   |"]


def test_unknown_style_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown table style 'wide'"):
        render_table(make_table(["a"], ["none"]), "wide")  # type: ignore[arg-type]


def test_table_without_header_cells_is_an_error() -> None:
    with pytest.raises(ValueError, match="no header cells"):
        render_table(make_table([], []))


def test_large_ascii_table() -> None:
    rows = [[f"Paper {i}", "NeurIPS", str(2000 + i % 25), "x" * (i % 40)] for i in range(5000)]
    lines = render_table(make_table(["Title", "Venue", "Year", "Notes"], ["none"] * 4, rows))
    assert len(lines) == 5002
    assert {len(line) for line in lines} == {len(lines[0])}
    assert lines[-1] == "| Paper 4999 | NeurIPS | 2024 | " + "x" * 39 + " |"


# --- first_misaligned ------------------------------------------------------------------------

FORMATTED = ["| a   |  bb |", "| :-- | --: |", "| 1   |   2 |", "| 3   |   4 |"]


def test_first_misaligned_none_when_formatted() -> None:
    assert first_misaligned(parse_table(FORMATTED, [""] * 4)) is None


def test_first_misaligned_ignores_only_line_endings() -> None:
    lines = [FORMATTED[0] + "\n", FORMATTED[1] + "\r\n", *FORMATTED[2:]]
    assert first_misaligned(parse_table(lines, [""] * 4)) is None


@pytest.mark.parametrize(
    ("index", "line"),
    [
        (0, "| a | bb  |"),
        (1, "|:--|--:|"),
        (2, "| 1   |   2 | "),
        (3, "| 3   |   4 |\t"),
        (3, "|  3  |   4 |"),
        (2, "| 1   |   2"),
    ],
)
def test_first_misaligned_reports_the_first_differing_line(index: int, line: str) -> None:
    lines = list(FORMATTED)
    lines[index] = line
    assert first_misaligned(parse_table(lines, [""] * 4, first_line=7)) == 7 + index


def test_first_misaligned_counts_the_prefix() -> None:
    lines = ["> " + line for line in FORMATTED]
    assert first_misaligned(parse_table(lines, ["> "] * 4)) is None
    table = parse_table(lines, ["> "] * 4)
    moved = Row(line=12, cells=table.rows[0].cells, prefix=">  ", source=lines[2])
    assert (
        first_misaligned(
            Table(
                index=0,
                line=10,
                end_line=13,
                headings=(),
                header=table.header,
                delimiter=table.delimiter,
                align=table.align,
                rows=(moved, table.rows[1]),
            )
        )
        == 12
    )


def test_short_rows_stay_short_where_they_are_the_tables_way() -> None:
    rows = [["a", "1"], ["b"], ["c"], ["d", "4"]]
    header = ["name", "n"]
    assert not keeps_short_rows(make_table(header, ["none"] * 2, rows))
    rows.append(["e"])  # three short rows of five: a convention
    table = make_table(header, ["none"] * 2, rows)
    assert keeps_short_rows(table)
    assert render_table(table, "aligned")[2:5] == ["| a    | 1   |", "| b    |", "| c    |"]
    assert render_table(table, "compact")[3] == "| b |"
    # An empty row is completed all the same: the empty-row rule speaks for it.
    with_empty = make_table(header, ["none"] * 2, [*rows, [""]])
    assert render_table(with_empty, "aligned")[-1] == "|      |     |"


def test_a_table_lined_up_by_code_points_is_measured_so() -> None:
    # Its editor counts a CJK character as one column (str.ljust does too): the header's
    # pipes sit where the delimiter row's do by code points, not by display width.
    header = "| " + "模型".ljust(9) + " | " + "大小".ljust(4) + " |"
    written = [header, "| --------- | ---- |", "| GLM-4 | 9B |", "| 通义千问 | 72B  |"]
    table = parse_table(written, [""] * 4)
    assert counts_code_points(table)
    assert render_table(table, "aligned") == [
        "| " + "模型".ljust(5) + " | 大小  |",
        "| ----- | --- |",
        "| GLM-4 | 9B  |",
        "| 通义千问  | 72B |",
    ]
    # Lined up by display width, the same cells are measured so.
    by_width = parse_table(["| 模型      | 大小 |", "| --------- | ---- |", *written[2:]], [""] * 4)
    assert not counts_code_points(by_width)
    assert render_table(by_width, "aligned")[3] == "| 通义千问 | 72B  |"
    # Laid out by code points, a header that fills its column (unpadded) still reads so:
    # fixing the result again changes nothing (a fuzzer find).
    filled = parse_table(["|\t😀 ẞ   |", "| :---: |", "| ) |"], [""] * 3)
    assert counts_code_points(filled)
    lines = render_table(filled, "aligned")
    assert lines == ["| 😀 ẞ |", "| :-: |", "|  )  |"]
    again = parse_table(lines, [""] * 3)
    assert counts_code_points(again) and table_style(again) == "aligned"
    assert render_table(again, "aligned") == lines


def test_first_misaligned_compact() -> None:
    compact = ["| a | bb |", "| :-- | --: |", "| 1 | 2 |", "| | 4 |"]
    assert first_misaligned(parse_table(compact, [""] * 4), "compact") is None
    assert first_misaligned(parse_table(compact, [""] * 4), "aligned") == 10
    assert first_misaligned(parse_table(FORMATTED, [""] * 4), "compact") == 10


# --- properties ------------------------------------------------------------------------------

_TOKENS = [
    "a", "Z", "0", "-", " ", "\t", "\\", "\\|", "`", "**", "<br>", "&amp;", "[t](u)",
    "中", "文", "\uff46", "é", E_ACUTE, "\u0301", ZWJ, "\U0001f44d", THUMBS_MEDIUM, FAMILY, HEART,
    "\u2764", KEYCAP_1, FLAG_FR, "\U0001f1eb", RAINBOW_FLAG, "\x07", "\u00ad", "\u3000",
]  # fmt: skip

_any_text = st.text(st.characters(exclude_characters="|\r\n", codec="utf-8"), max_size=12)
raw_cells = st.one_of(
    st.lists(st.sampled_from(_TOKENS), max_size=6).map("".join),
    _any_text,
).map(str.strip)
ALIGNS: tuple[Align, ...] = ("left", "center", "right", "none")
aligns = st.sampled_from(ALIGNS)
prefix_pairs = st.sampled_from(
    [("", ""), ("> ", "> "), ("   ", "   "), ("- ", "  "), ("> > ", "> > "), ("1. ", "   ")]
)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    columns = draw(st.integers(1, 4))
    header = draw(st.lists(raw_cells, min_size=columns, max_size=columns))
    rows = draw(st.lists(st.lists(raw_cells, max_size=columns + 2), max_size=6))
    first, rest = draw(prefix_pairs)
    align = draw(st.lists(aligns, min_size=columns, max_size=columns))
    return make_table(header, align, rows, prefix=rest, first_prefix=first)


def _raws(row: Row) -> list[str]:
    return [cell.raw for cell in row.cells]


@settings(max_examples=300, deadline=None)
@given(tables(), st.sampled_from(STYLES))
def test_render_is_idempotent_and_keeps_raw_text(table: Table, style: Style) -> None:
    lines = render_table(table, style)
    prefixes = prefixes_of(table)
    assert [line[: len(prefix)] for line, prefix in zip(lines, prefixes)] == prefixes
    reparsed = parse_table(lines, prefixes)
    assert render_table(reparsed, style) == lines
    assert first_misaligned(reparsed, style) is None
    assert reparsed.align == table.align
    columns = len(table.header.cells)
    assert _raws(reparsed.header) == _raws(table.header)
    kept = keeps_short_rows(table)
    for before, after in zip(table.rows, reparsed.rows):
        missing = 0 if kept and not before.is_empty else columns - len(before.cells)
        assert _raws(after) == _raws(before) + [""] * missing


@settings(max_examples=300, deadline=None)
@given(tables())
def test_aligned_pipes_line_up_by_display_width(table: Table) -> None:
    lines = render_table(table, "aligned")
    prefixes = prefixes_of(table)
    by_position: dict[int, set[int]] = {}
    for line, prefix in zip(lines, prefixes):
        # Measure each cell's text alone, as the renderer does: padding is plain spaces around it.
        column = 0
        for index, segment in enumerate(_UNESCAPED_PIPE.split(line[len(prefix) :])):
            if index:
                by_position.setdefault(index - 1, set()).add(column)
                column += 1
            text = segment.strip(" ")
            column += len(segment) - len(text) + display_width(text)
    assert all(len(columns) == 1 for columns in by_position.values()), (lines, by_position)


@given(tables(), st.sampled_from(STYLES), st.sampled_from(STYLES), st.data())
def test_first_misaligned_is_the_first_row_that_differs_from_its_rendering(
    table: Table, written: Style, checked: Style, data: st.DataObject
) -> None:
    lines = render_table(table, written)
    at = data.draw(st.integers(0, len(lines)))  # len(lines): no line touched
    if at < len(lines):
        lines[at] += data.draw(st.sampled_from([" ", "\t", "x |"]))
    reparsed = parse_table(lines, prefixes_of(table))
    rows = (reparsed.header, reparsed.delimiter, *reparsed.rows)
    expected = next(
        (
            row.line
            for row, line in zip(rows, render_table(reparsed, checked))
            if row.source != line
        ),
        None,
    )
    assert first_misaligned(reparsed, checked) == expected


# Tables written without outer pipes (`a | b`): "auto" keeps them so when every row can do
# without, and GitHub must render the result as it rendered the table before.

_PIPELESS_CELLS = st.sampled_from(
    [
        *("a", "BERT", "中文", "", "-", "- x", "+", "* y", ">", "# h", "#x", "1.", "2) z"),
        *("1.5", "<b>x</b>", "```", "~~~", "`a\\|b`", "x\\", "\\-", "---", "=", ":-", "x" * 12),
    ]
)
_PADDING = st.sampled_from(["", " ", "   "])


def _pipeless_line(draw: st.DrawFn, cells: Sequence[str]) -> str:
    parts = [cell + draw(_PADDING) for cell in cells[:-1]] + list(cells[-1:])
    return "|".join(draw(_PADDING) + part if i else part for i, part in enumerate(parts))


def _parse_one(text: str) -> Table:
    found = parse_tables(text)
    assert len(found) == 1, text
    return found[0]


def _rewritten(text: str, table: Table, lines: Sequence[str]) -> str:
    source = text.split("\n")
    source[table.line - 1 : table.end_line] = lines
    return "\n".join(source)


@st.composite
def pipeless_texts(draw: st.DrawFn) -> str:
    columns = draw(st.integers(2, 3))
    header = draw(st.lists(st.sampled_from(["Name", "Year", "名前", "Stars"]), min_size=columns))
    header = header[:columns]
    delimiter = draw(st.lists(st.sampled_from([":-", "-", "---", "--:", ":-:", "------"])))
    delimiter = (delimiter + ["---"] * columns)[:columns]
    rows = draw(st.lists(st.lists(_PIPELESS_CELLS, min_size=2, max_size=columns + 1), max_size=4))
    lines = [_pipeless_line(draw, header), _pipeless_line(draw, delimiter)]
    lines += [_pipeless_line(draw, row) for row in rows]
    return "Intro\n\n" + "\n".join(lines) + "\n\nAfter\n"


@settings(max_examples=300, deadline=None)
@given(pipeless_texts())
def test_auto_layout_without_outer_pipes_renders_as_github_did(text: str) -> None:
    found = parse_tables(text)
    assume(len(found) == 1)  # a generated row may start a list: no table at all
    table = found[0]
    style = table_style(table)
    pipes = table_pipes(table, style)
    fixed = _rewritten(text, table, render_table(table, style, pipes))
    assert render_gfm(fixed) == render_gfm(text), fixed
    again = _parse_one(fixed)
    assert table_style(again) == style
    assert table_pipes(again, style) == pipes
    assert first_misaligned(again, style, pipes) is None, fixed


def _pipeless(lines: Sequence[str]) -> Table:
    return _parse_one("\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("lines", "style"),
    [
        (["Name | Year", "--- | ---", "BERT | 2019"], "compact"),
        (["范例 | 说明", ":-|-", "`.` | 除换行符外的所有字符"], "compact"),
        (["Name | Year | Stars", ":--- | :--: | ----:", "BERT | 2019 |   12k"], "aligned"),
        (["名前|タイトル", ":--|:--", "中文|日本語"], "tight"),
    ],
)
def test_auto_keeps_a_table_without_outer_pipes_so(lines: list[str], style: Style) -> None:
    table = _pipeless(lines)
    assert table_style(table) == style
    assert table_pipes(table, style) is False
    assert render_table(table, style, pipes=False) == lines
    assert first_misaligned(table, style, pipes=False) is None


def test_without_outer_pipes_the_last_column_is_not_padded() -> None:
    table = _pipeless(
        ["Name | Title", "--- | ---", "RoBERTa-large | SAM", "BERT | Segment anything"]
    )
    assert render_table(table, "aligned", pipes=False) == [
        "Name          | Title",
        "------------- | ----------------",
        "RoBERTa-large | SAM",
        "BERT          | Segment anything",
    ]


def test_cells_past_the_header_follow_the_last_column_without_outer_pipes() -> None:
    table = _pipeless(["Name | Title", "--- | ---", "a | b | hidden", "BERT | Segment"])
    assert render_table(table, "aligned", pipes=False) == [
        "Name | Title",
        "---- | -------",
        "a    | b       | hidden",
        "BERT | Segment",
    ]


@pytest.mark.parametrize(
    "row",
    [
        "MAE |",  # an empty last cell
        "| | empty first",
        "only",  # a short row: completed with an empty last cell
        "| - | a list item |",
        "| + | a list item |",
        "| 1. | an ordered item |",
        "| > | a quote |",
        "| # | a heading |",
        "| <div> | HTML |",
        "| ``` | a fence |",
        "SAM | ends in a backslash\\",
    ],
)
def test_a_row_that_needs_its_outer_pipes_keeps_them_for_the_table(row: str) -> None:
    table = _pipeless(["Name | Title", "--- | ---", "SAM | Segment", row])
    style = table_style(table)
    assert table_pipes(table, style) is True
    assert all(line.startswith("|") for line in render_table(table, style, pipes=True))


def test_rows_that_would_start_with_spaces_keep_their_outer_pipes() -> None:
    table = _pipeless(["Stars | Name   | Year", "----: | ------ | ----", "12k | BERT | 2019"])
    assert table_style(table) == "aligned"
    assert table_pipes(table, "aligned") is True
    assert table_pipes(table, "compact") is False


def test_escaped_markers_need_no_pipes() -> None:
    table = _pipeless(["Name | Title", "--- | ---", "\\- | dash", "\\# | hash"])
    assert table_pipes(table, table_style(table)) is False


def test_a_named_style_keeps_outer_pipes() -> None:
    table = _pipeless(["Name | Year", "--- | ---", "BERT | 2019"])
    for setting in STYLES:
        assert table_pipes(table, setting, setting) is True
    assert table_pipes(table, "compact", "auto") is False


def test_a_table_with_outer_pipes_keeps_them() -> None:
    for lines in (
        ["| Name | Year |", "| --- | --- |", "BERT | 2019"],
        ["Name | Year |", "--- | ---", "BERT | 2019"],
        ["Name | Year", "| --- | --- |", "BERT | 2019"],
    ):
        table = _pipeless(lines)
        assert table_pipes(table, table_style(table)) is True


@settings(max_examples=200, deadline=None)
@given(pipeless_texts(), st.sampled_from(STYLES))
def test_every_layout_without_outer_pipes_renders_as_github_did(text: str, style: Style) -> None:
    found = parse_tables(text)
    assume(len(found) == 1)
    table = found[0]
    pipes = table_pipes(table, style)
    fixed = _rewritten(text, table, render_table(table, style, pipes))
    assert render_gfm(fixed) == render_gfm(text), fixed
    assert first_misaligned(_parse_one(fixed), style, pipes) is None, fixed

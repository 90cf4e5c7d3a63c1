"""cmark-gfm's limits that take too much text for a case file under tests/gfm_exact/."""

from __future__ import annotations

from gfm import tables

from awesome_lint.markdown.entities import normalize_label
from awesome_lint.markdown.tables import parse


def test_a_row_holds_at_most_65535_cells() -> None:
    for cells, is_table in ((65_535, True), (65_536, False)):
        text = "|" + "a|" * cells + "\n|" + "-|" * cells + "\n"
        assert bool(parse(text).tables) is is_table
        assert bool(tables(text)) is is_table


def test_a_body_row_past_the_limit_ends_the_table() -> None:
    text = "| a |\n|---|\n|" + "b|" * 65_536 + "\n| c |\n"
    assert len(tables(text)[0]) == 1  # the header only
    assert parse(text).tables[0].rows == ()


def test_labels_fold_with_cmark_gfms_tables() -> None:
    # Georgian Mtavruli (Unicode 11) does not fold in cmark-gfm; older capitals do.
    assert normalize_label("\u1c90") == "\u1c90"
    assert normalize_label("\u10a0") == "\u2d00"
    assert normalize_label("ẞ") == "ss"
    assert normalize_label(" a\xa0 b\t\nc ") == "a\xa0 b c"

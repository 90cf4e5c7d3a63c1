from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from venue_tables import PAPER, fixed, lint, rows

from awesome_lint.api import Selection, analyse
from awesome_lint.fixer import fix_text
from awesome_lint.model import Problem
from awesome_lint.rules import BY_ID, venue_alias, venue_format
from awesome_lint.rules._venues import read, rewrite, table_venues

SELECT = Selection(frozenset({"venue-format"}))
BOTH = Selection(frozenset({"venue-format", "venue-alias"}))
SEED = Path(__file__).parents[2] / "examples" / "awesome-medical-pretraining.md"


def problems(text: str, config: str | None = None) -> list[Problem]:
    return lint(text, SELECT, config)


def fixed_cells(text: str, config: str | None = None, selection: Selection = SELECT) -> list[str]:
    return fixed(text, selection, config)


def test_seed_list() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = problems(text)
    assert [p.line for p in found] == [6, 8, 16]
    assert found[1].message == (
        "venue `arXiv(2023)` is not written like the rest of the table (VENUE'YY); write `arXiv'23`"
    )
    assert found[1].suggestion == "Replace with `arXiv'23`"
    assert all(p.fix == "unsafe" for p in found)
    result = fix_text(text, None, SELECT, unsafe_fixes=True).text
    for new in ("[ICLR'24](https://openreview", "[arXiv'23](", "[TMI'22]("):
        assert new in result
    assert "OpenReview]" not in result and "(2023)" not in result and "(2022)" not in result


def test_a_tie_is_no_convention() -> None:
    assert problems(rows("ICCV 2023", "CVPR'22")) == []
    assert problems(rows("CVPR'22", "ICCV 2023", "ECCV'22", "WACV 2023")) == []
    assert [p.line for p in problems(rows("CVPR'22", "ICCV 2023", "ECCV 2022"))] == [3]


def test_configured_style_wins_over_the_majority() -> None:
    config = '{"venues": {"style": "VENUE (YYYY)"}}'
    text = rows("ICCV'23", "CVPR'22", "ECCV (2022)")
    found = problems(text, config)
    assert [p.line for p in found] == [3, 4]
    assert "in the configured style (VENUE (YYYY))" in found[0].message
    assert fixed_cells(text, config) == ["ICCV (2023)", "CVPR (2022)", "ECCV (2022)"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("NeurIPS 2023 (Oral)", "NeurIPS'23 Oral"),
        ("CVPR Workshop 2023", "CVPR'23 Workshop"),
        ("Findings of EMNLP 2023", "EMNLP'23 Findings"),
        ("ICLR'24 OpenReview", "ICLR'24"),
        ("ICLR'24 Oral OpenReview", "ICLR'24 Oral"),
        ("ICCV' 23", "ICCV'23"),
        ("ICCV23", "ICCV'23"),
        ("IEEE TMI 2022", "IEEE TMI'22"),
        ("NIPS 2019", "NIPS'19"),
    ],
)
def test_qualifier_kept_extra_dropped_name_as_written(cell: str, expected: str) -> None:
    assert fixed_cells(rows("ICCV'23", "CVPR'22", cell)) == ["ICCV'23", "CVPR'22", expected]


def test_extra_text_message() -> None:
    (p,) = problems(rows("ICCV'23", "ICLR'24 OpenReview"))
    assert p.message == (
        "venue `ICLR'24 OpenReview` has extra text after the year (`OpenReview`); write `ICLR'24`"
    )


def test_irregular_year_without_a_table_style() -> None:
    (p,) = problems(rows("CVPR,2018", "arXiv"))
    assert p.message == (
        "venue `CVPR,2018` writes the year in no known style; write `CVPR, 2018` (VENUE, YYYY)"
    )
    assert fixed_cells(rows("ICCV 23"))[0] == "ICCV'23"


def test_mentions_without_a_year_and_placeholders_are_not_checked() -> None:
    assert problems(rows("ICCV'23", "CVPR'22", "arXiv", "N/A", "TBD", "-", "Nature Medicine")) == []


def test_a_year_two_digits_cannot_write_is_left_alone() -> None:
    assert problems(rows("ICCV'23", "CVPR'22", "ICML 1965")) == []


def test_paper_column_needs_a_year_and_a_venue() -> None:
    text = rows(
        "[ICCV'23](https://a.org/1)",
        "[CVPR'22](https://a.org/2)",
        "[arXiv](https://a.org/3)",
        "[GPT-3 (2020)](https://a.org/4)",
        "Scaling Laws 2020",
        "[arXiv(2023)](https://a.org/5)",
        head=PAPER,
    )
    assert [p.line for p in problems(text)] == [8]


def test_tables_without_a_schema_have_no_venue_cells() -> None:
    assert problems("| Dataset | Year |\n| --- | --- |\n| A | ICCV'23 |\n| B | CVPR 2022 |\n") == []


def test_plain_text_and_link_text_are_rewritten_in_place() -> None:
    text = rows("ICCV'23", "CVPR'22", "**[arXiv (2023)](https://a.org/x)**")
    assert fixed_cells(text)[2] == "**[arXiv'23](https://a.org/x)**"


def test_a_destination_holding_the_same_text_is_left_alone() -> None:
    text = rows("ICCV'23", "CVPR'22", "[CVPR 2023](<https://a.org/CVPR 2023.pdf>)")
    assert fixed_cells(text)[2] == "[CVPR'23](<https://a.org/CVPR 2023.pdf>)"


def test_no_fix_when_markup_splits_the_venue() -> None:
    for cell in ("**CVPR** 2023", "CVPR&#32;2023", "[CVPR 2023][ref]"):
        text = rows("ICCV'23", "CVPR'22", cell) + "\n[ref]: https://a.org/x\n"
        (p,) = problems(text)
        assert p.fix is None and p.suggestion == "Replace with `CVPR'23`"
        assert fix_text(text, None, SELECT, unsafe_fixes=True).text == text


def test_venue_format_and_venue_alias_together() -> None:
    text = rows(
        "ICCV'23", "CVPR'22", "ECCV'22", "NIPS 2019", "[Neurips 2016](<https://a.org/Neurips 2016>)"
    )
    assert fixed_cells(text, selection=BOTH) == [
        "ICCV'23",
        "CVPR'22",
        "ECCV'22",
        "NeurIPS'19",
        "[NeurIPS'16](<https://a.org/Neurips 2016>)",
    ]
    # One replacement for the name and the year: venue-alias says it, venue-format does not.
    found = [(p.line, p.rule, p.suggestion) for p in lint(text, BOTH, None)]
    assert found == [
        (6, "venue-alias", "Replace `NIPS 2019` with `NeurIPS'19`"),
        (7, "venue-alias", "Replace `Neurips 2016` with `NeurIPS'16`"),
    ]
    again = fix_text(fix_text(text, None, BOTH, unsafe_fixes=True).text, None, BOTH)
    assert again.before == []


def test_fix_works_on_a_table_another_fix_changed() -> None:
    text = rows("ICCV'23", "CVPR'22", "NIPS'19", "ECCV 2022")
    analysis = analyse(text, None, BOTH, unsafe_fixes=True)
    bound, ctx = analysis.tables[0], analysis.context
    renamed = venue_alias.fix(bound, bound.table, ctx)
    assert renamed.rows[2].cells[1].raw == "NeurIPS'19"
    both = venue_format.fix(bound, renamed, ctx)
    assert both.rows[2].cells[1].raw == "NeurIPS'19"
    assert both.rows[3].cells[1].raw == both.rows[3].cells[1].text == "ECCV'22"
    assert both.rows[0] is bound.table.rows[0]


def test_mentions_are_parsed_once_per_table() -> None:
    analysis = analyse(rows("ICCV'23"), None, SELECT)
    bound, ctx = analysis.tables[0], analysis.context
    assert table_venues(bound, ctx) is table_venues(bound, ctx)


@pytest.mark.parametrize(
    ("raw", "old", "new", "expected"),
    [
        ("ICCV 2023", "ICCV 2023", "ICCV'23", "ICCV'23"),
        (
            "[ICCV 2023](<https://x/ICCV 2023>)",
            "ICCV 2023",
            "ICCV'23",
            "[ICCV'23](<https://x/ICCV 2023>)",
        ),
        (
            "[ICCV 2023](https://x/a 'ICCV 2023')",
            "ICCV 2023",
            "ICCV'23",
            "[ICCV'23](https://x/a 'ICCV 2023')",
        ),
        (
            "ICCV 2023 ![ICCV 2023](https://x/a.png)",
            "ICCV 2023",
            "ICCV'23",
            "ICCV'23 ![ICCV 2023](https://x/a.png)",
        ),
        (
            "[ICCV 2023](https://x/a) [ICCV 2023](https://x/b)",
            "ICCV 2023 ICCV 2023",
            "ICCV'23",
            None,
        ),
        ("`ICCV 2023`", "ICCV 2023", "ICCV'23", "`ICCV'23`"),
        ("ICCV 2023 \\| x", "ICCV 2023 | x", "ICCV'23", None),
        ("ICCV\\_2023", "ICCV_2023", "ICCV'23", None),
        ("ICCV 2023", "ICCV 2023", "ICCV *23*", None),
        ("ICCV 2023", "ICCV 2023", "ICCV_2023_", "ICCV_2023_"),
    ],
)
def test_rewrite(raw: str, old: str, new: str, expected: str | None) -> None:
    found = rewrite(raw, read(raw).text, old, new)
    assert (found and found[0]) == expected


def test_documentation() -> None:
    doc = BY_ID["venue-format"].info.doc
    for section in ("## What it does", "## Why", "## Example", "## Fix", "## Options"):
        assert section in doc
    assert BY_ID["venue-format"].fix_safety == "unsafe"


_words = st.text(alphabet="ICVaiv'() 0239*_[]<&`!", min_size=1, max_size=9)


@given(_words, _words, st.text(alphabet="ICVaiv'() 0239/:.x", max_size=12))
@example("ICCV'23", "ICCV 2023", "https://x/ICCV'23")
@example("a", "b", "a" * 9)
@example("aa", "b", "aaaa")
def test_rewrite_of_a_lone_link_is_the_general_rewrite(old: str, new: str, url: str) -> None:
    # A cell `[old](url)` takes a fast path; the general one reads every candidate.
    from awesome_lint.rules._venues import _rewrite

    assume(old != new and not any(c in old + new for c in "|\\"))
    raw = f"[{old}]({url})"
    text = read(raw).text
    assert rewrite(raw, text, old, new) == _rewrite(raw, text, old, new)

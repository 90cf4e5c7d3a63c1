"""row-order: rows against the table schema's sort, and the unsafe fix that sorts them."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import Config, config_from_text
from awesome_lint.fixer import fix_text
from awesome_lint.rules import row_order

ONLY = Selection(frozenset({row_order.ID}))


def _config(order: str = "ascending", by: str = "text") -> Config:
    table = {
        "match": {"columns": ["Key"]},
        "columns": [{"name": "Key", "placeholders": ["TBD"]}, {"name": "Other"}],
        "sort": {"column": "Key", "order": order, "by": by},
    }
    return config_from_text(json.dumps({"extends": "none", "tables": [table]}), "c.json")


def _table(keys: list[str]) -> str:
    return "| Key | Other |\n| --- | --- |\n" + "".join(
        f"| {k} | {i} |\n" for i, k in enumerate(keys)
    )


def _keys(text: str) -> list[str]:
    return [line.split("|")[1].strip() for line in text.splitlines()[2:]]


def test_the_first_row_out_of_order_names_where_it_belongs() -> None:
    text = _table(["b", "C", "d", "a", "e", "c"])
    [problem] = lint_text(text, _config(), ONLY)
    assert problem.line == 6
    assert problem.message == (
        "row is out of order: `a` belongs before line 3 (`b`); rows are sorted by Key, ascending"
    )
    assert problem.fix == "unsafe"


def test_years_descending_with_rows_without_a_year_in_place() -> None:
    text = _table(["2021", "", "NeurIPS'23", "TBD", "May 2022", "2020", "ICCV 2024"])
    config = _config("descending", "year")
    [problem] = lint_text(text, config, ONLY)
    assert problem.line == 5
    fixed = fix_text(text, config, ONLY, unsafe_fixes=True).text
    assert _keys(fixed) == ["ICCV 2024", "", "NeurIPS'23", "TBD", "May 2022", "2021", "2020"]
    assert fix_text(text, config, ONLY).text == text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "b", "c", "TBD", "", "x-y", "X Y"]), max_size=8))
def test_the_fix_sorts_stably_and_the_check_agrees(keys: list[str]) -> None:
    config = _config()
    text = _table(keys)
    problems = lint_text(text, config, ONLY)
    fixed = fix_text(text, config, ONLY, unsafe_fixes=True).text
    assert (fixed != text) == bool(problems)
    assert lint_text(fixed, config, ONLY) == []
    ranked = [k for k in _keys(fixed) if k not in ("", "TBD")]
    assert ranked == sorted(ranked, key=lambda k: " ".join(k.casefold().replace("-", " ").split()))
    assert [k if k in ("", "TBD") else "*" for k in _keys(fixed)] == [
        k if k in ("", "TBD") else "*" for k in keys
    ]


def test_tables_without_sort_or_without_the_column_are_not_checked() -> None:
    assert lint_text(_table(["b", "a"]), selection=ONLY) == []
    assert lint_text("| Other |\n| --- |\n| b |\n| a |\n", _config(), ONLY) == []

"""empty-cell: empty or stand-in cells in required columns."""

from __future__ import annotations

from pathlib import Path

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import config_from_text
from awesome_lint.rules import empty_cell

ONLY = Selection(frozenset({empty_cell.ID}))
SEED = Path(__file__).parents[2] / "examples" / "awesome-medical-pretraining.md"


def test_the_seed_list_has_no_empty_cell_and_its_na_code_cell_is_clean() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert lint_text(text, selection=ONLY) == []
    line, source = next((i, s) for i, s in enumerate(text.splitlines(), 1) if "| N/A " in s)
    column = source.index("| N/A ") + 3
    on_na = [p for p in lint_text(text) if p.line == line and p.column <= column < p.end_column]
    assert on_na == []


def test_empty_missing_and_stand_in_titles() -> None:
    text = (
        "| Name | Title | Code |\n| --- | --- | --- |\n"
        "| a |  | N/A |\n| b | N/A |\n| c |\n| d | None | - |\n| e | [N/A](https://x.org/) | - |\n"
    )
    config = config_from_text(
        '{"tables": [{"match": {"columns": ["Title"]}, "columns": [{"name": "Name"},'
        ' {"name": "Title", "required": true}, {"name": "Code", "placeholders": ["N/A", "-"]}]}]}',
        "test",
    )
    messages = [(p.line, p.message) for p in lint_text(text, config, ONLY)]
    assert messages == [
        (3, "required column `Title` is empty"),
        (4, "required column `Title` holds the placeholder `N/A`"),
        (5, "required column `Title` has no cell in this row"),
        (6, "required column `Title` holds the placeholder `None`"),
    ]


def test_a_placeholder_the_column_lists_is_accepted() -> None:
    config = config_from_text(
        '{"extends": "none", "tables": [{"columns": [{"name": "Title", "required": true,'
        ' "placeholders": ["tbd"]}]}]}',
        "c.json",
    )
    text = "| Title |\n| --- |\n| TBD |\n| —  |\n"
    assert [p.line for p in lint_text(text, config, ONLY)] == [4]


def test_all_empty_rows_are_left_to_empty_row() -> None:
    assert lint_text("| Title | Code |\n| --- | --- |\n|  |  |\n", selection=ONLY) == []

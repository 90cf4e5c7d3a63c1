"""duplicate-entry: the same paper twice in a file, by the schema's unique keys."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import config_from_text, default_config
from awesome_lint.model import Cell, Link, Row, Table
from awesome_lint.rules import duplicate_entry
from awesome_lint.rules._schema import names_agree
from awesome_lint.rules.base import Context
from awesome_lint.tableschema import BoundTable, bind

ONLY = Selection(frozenset({duplicate_entry.ID}))
ROOT = Path(__file__).parents[2]
SEED = ROOT / "examples" / "awesome-medical-pretraining.md"
SUPREM = ROOT.parent / "shared/corpus/MrGiovanni__SuPreM__document__awesome_medical_pretraining.md"
HEADER = "| Name | Title | Paper | Code |\n| --- | --- | --- | --- |\n"


def _messages(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in lint_text(text, selection=ONLY)]


def test_the_seed_list_has_no_duplicates() -> None:
    assert lint_text(SEED.read_text(encoding="utf-8"), selection=ONLY) == []


def test_the_suprem_list_repeats_models_genesis() -> None:
    if not SUPREM.exists():
        pytest.skip("needs ../shared/corpus (the shared corpus is not in this repository)")
    problems = lint_text(SUPREM.read_text(encoding="utf-8"), selection=ONLY)
    assert [p.message for p in problems] == ["same Paper as line 17"]


def test_arxiv_forms_doi_and_url_spellings_match_across_tables() -> None:
    text = (
        "## A\n\n" + HEADER + "| a | One | [x](https://arxiv.org/abs/2306.11925) | |\n"
        "| b | Two | [x](https://doi.org/10.1109/TMI.2022.1) | |\n"
        "| c | Three | [x](http://www.example.org/p/3/) | |\n"
        "\n## B\n\n" + HEADER + "| | | [x](https://arxiv.org/pdf/2306.11925v3.pdf) | |\n"
        "| | | [x](https://dx.doi.org/10.1109/tmi.2022.1) | |\n"
        "| | | [x](https://example.org/p/3?utm_source=feed) | |\n"
        "| c | T·H·R·E·E! | | |\n"
    )
    again = " (under “A”; again under “B”)"
    assert _messages(text) == [
        (13, "same Paper as line 5" + again),
        (14, "same Paper as line 6" + again),
        (15, "same Paper as line 7" + again),
        (16, "same Title as line 7" + again),
    ]


def test_rows_of_one_paper_naming_different_entries_are_not_duplicates() -> None:
    text = HEADER + (
        "| DeepSeek-V2 | | [x](https://arxiv.org/abs/2405.04434) | |\n"
        "| DeepSeek-V2-Lite | | [x](https://arxiv.org/pdf/2405.04434) | |\n"
        "| deepseek v2 | | [x](https://arxiv.org/abs/2405.04434v2) | |\n"
    )
    assert _messages(text) == [(5, "same Paper as line 3")]


def test_a_repeat_under_another_heading_is_a_warning_or_as_configured() -> None:
    text = "## A\n\n" + HEADER + "| a | | [x](https://arxiv.org/abs/1) | |\n"
    text += "\n## B\n\n" + HEADER + "| a | | [x](https://arxiv.org/abs/1) | |\n"
    (found,) = lint_text(text, selection=ONLY)
    assert (found.line, found.severity) == (11, "warning")
    for setting, expected in (("error", ["error"]), ("off", [])):
        rules = {"duplicate-entry": {"across_sections": setting}}
        config = config_from_text(json.dumps({"rules": rules}), "c.json")
        assert [p.severity for p in lint_text(text, config, ONLY)] == expected


def test_keys_matching_different_rows_are_named_each() -> None:
    text = HEADER + (
        "| | One | [x](https://arxiv.org/abs/1) | |\n"
        "| | | [x](https://arxiv.org/abs/2) | |\n"
        "| | one | [x](https://arxiv.org/abs/2) | |\n"
        "| | | [x](https://arxiv.org/abs/2) | |\n"
    )
    assert _messages(text) == [
        (5, "same Title as line 3; same Paper as line 4"),
        (6, "same Paper as line 4"),
    ]


def test_shared_code_placeholders_generic_labels_and_home_pages_are_not_duplicates() -> None:
    text = HEADER + (
        "| a | A | N/A | [c](https://github.com/x/shared) |\n"
        "| b | B | N/A | [c](https://github.com/x/shared) |\n"
        "| c | [Link](https://x.org/1) | [Home](https://x.org) | |\n"
        "| d | [Link](https://x.org/2) | [Home](https://www.x.org/) | |\n"
        "| e | - | [s](#section) | |\n| f | - | [s](#section) | |\n"
        "| g |  | | |\n| h |  | | |\n"
    )
    assert _messages(text) == []


def test_keys_come_from_the_config() -> None:
    config = config_from_text(
        '{"extends": "none", "tables": [{"columns": [{"name": "Model"}, {"name": "Paper"}],'
        ' "unique": [{"column": "Model"}]}]}',
        "c.json",
    )
    text = "| Model | Paper |\n| --- | --- |\n| A-1 | p |\n| a 1 | p |\n| B | p |\n"
    assert [p.message for p in lint_text(text, config, ONLY)] == ["same Model as line 3"]


def _bound_table(n: int) -> BoundTable:
    """A paper-list table of n rows, built directly: parsing is not under test."""

    def cell(text: str, url: str | None = None) -> Cell:
        # A cell's text and links are what its Markdown (raw) reads as.
        links = (Link(text, url),) if url else ()
        return Cell(1, 1, 2, f"[{text}]({url})" if url else text, text, links)

    header = Row(1, tuple(cell(name) for name in ("Name", "Title", "Paper", "Code")), "", "")
    rows = tuple(
        Row(
            i + 3,
            (
                cell(f"m{i}"),
                cell(f"Paper {i}"),
                cell("arXiv", f"https://arxiv.org/abs/2301.{i:05d}"),
                cell("Link", "https://github.com/x/shared"),
            ),
            "",
            "",
        )
        for i in range(n)
    )
    table = Table(0, 1, n + 2, (), header, header, ("none",) * 4, rows)
    return bind(table, default_config().tables)


def test_time_grows_linearly_with_the_rows() -> None:
    def seconds(n: int) -> float:
        bound = _bound_table(n)
        start = time.perf_counter()
        assert list(duplicate_entry.check_document(Context(default_config(), (bound,)))) == []
        return time.perf_counter() - start

    small, large = seconds(2_000), seconds(20_000)
    assert large < 30 * small + 0.5


def test_a_list_that_repeats_entries_under_several_headings_does_so_on_purpose() -> None:
    rows = "".join(f"| m{i} | | [x](https://arxiv.org/abs/{i}) | |\n" for i in range(5))
    text = "## A\n\n" + HEADER + rows + "\n## B\n\n" + HEADER + rows
    assert lint_text(text, selection=ONLY) == []
    four = rows.split("\n", 1)[1]
    text = "## A\n\n" + HEADER + rows + "\n## B\n\n" + HEADER + four
    assert [p.severity for p in lint_text(text, selection=ONLY)] == ["warning"] * 4


_NAME = st.sampled_from(["", "a", "b", "ab"])
_NAMES = st.lists(st.tuples(_NAME, _NAME), max_size=3).map(tuple)


class _Kept:
    def __init__(self, names: tuple[tuple[str, str], ...]) -> None:
        self.names = names

    def get(self) -> tuple[tuple[str, str], ...]:
        return self.names


@given(kept=st.lists(_NAMES, min_size=1, max_size=6), new=_NAMES, split=st.integers(0, 6))
@settings(max_examples=400, deadline=None)
def test_a_group_rules_out_only_rows_whose_names_agree_with_none(
    kept: list[tuple[tuple[str, str], ...]], new: tuple[tuple[str, str], ...], split: int
) -> None:
    # Some rows kept before the group first compares (its forms built then), some after.
    group = duplicate_entry._Group()
    for i, names in enumerate(kept):
        if i == split:
            group.may_agree(new)
        group.add((i + 1, (), _Kept(names)))  # type: ignore[arg-type]
    agrees = any(names_agree(names, new) for names in kept)
    assert group.may_agree(new) or not agrees

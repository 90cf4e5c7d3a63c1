"""`awesome-lint add`: golden cases (tests/fixtures/add/<case>/: before.md, args.json,
after.md, optionally .awesome-lint.json) and the rules of placement, layout and refusal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from awesome_lint.add import AddError, add_entry, arxiv_year
from awesome_lint.api import lint_text
from awesome_lint.cli import main
from awesome_lint.cli_add import parse_sets
from awesome_lint.config import Config, load_config
from awesome_lint.markdown.tables import parse
from awesome_lint.render import Style, first_misaligned

FIXTURES = Path(__file__).parent / "fixtures" / "add"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "args.json").is_file())


def _config(case: Path) -> Config:
    found = case / ".awesome-lint.json"
    return load_config(found if found.is_file() else None)


def _only_new_line(before: str, after: str) -> int:
    """The 1-based line of the one line `after` adds to `before`; fails on any other change."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(new) == len(old) + 1
    at = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), len(old))
    assert new[:at] + new[at + 1 :] == old
    return at + 1


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str) -> None:
    case = FIXTURES / name
    args = json.loads((case / "args.json").read_text(encoding="utf-8"))
    text = (case / "before.md").read_text(encoding="utf-8")
    expected = (case / "after.md").read_text(encoding="utf-8")
    config = _config(case)
    added = add_entry(text, args["table"], parse_sets(args["set"]), config)
    assert added.text == expected
    assert added.line == _only_new_line(text, expected)
    assert added.problems == ()
    assert [p for p in lint_text(expected, config) if p.line == added.line] == []
    style: Style = "compact" if config.style == "compact" else "aligned"
    for old, new in zip(parse(text).tables, parse(expected).tables):
        was = first_misaligned(old, style)
        now = first_misaligned(new, style)
        # A table that was laid out still is; one that was not is flagged where it was.
        assert (was is None) == (now is None)
        assert now != added.line


def _seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "README.md"
    shutil.copyfile(FIXTURES / "seed" / "before.md", target)
    return target


SEED_ARGS = [
    "--table",
    "Awesome-Medical-Pretraining",
    "--set",
    "Name=Foo",
    "--set",
    "Title=Foo: A Test",
    "--set",
    "Modalities=CT",
    "--set",
    "Paper=[CVPR 2024](https://arxiv.org/pdf/2401.00001.pdf)",
    "--set",
    "Code=[Link](https://github.com/a/b)",
]


def test_cli_seed_adds_the_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = _seed_copy(tmp_path)
    before = readme.read_text(encoding="utf-8")
    assert main(["add", str(readme), *SEED_ARGS]) == 0
    after = readme.read_text(encoding="utf-8")
    line = _only_new_line(before, after)
    row = after.splitlines()[line - 1]
    assert "[CVPR'24](https://arxiv.org/abs/2401.00001)" in row
    assert f"{readme}:{line}: added a row to table 1" in capsys.readouterr().out
    assert after == (FIXTURES / "seed" / "after.md").read_text(encoding="utf-8")


def test_cli_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = _seed_copy(tmp_path)
    before = readme.read_bytes()
    assert main(["add", str(readme), *SEED_ARGS, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert readme.read_bytes() == before
    added = [x for x in out.splitlines() if x.startswith("+") and not x.startswith("+++")]
    assert len(added) == 1 and "[CVPR'24](https://arxiv.org/abs/2401.00001)" in added[0]


def test_cli_refuses_a_duplicate_naming_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = _seed_copy(tmp_path)
    before = readme.read_bytes()
    code = main(
        ["add", str(readme), "--table", "1", "--set", "Name=Med-VLP",
         "--set", "Paper=https://arxiv.org/pdf/2302.08958v2"]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert readme.read_bytes() == before
    assert "already in the file at line 13" in err
    assert len(err.strip().splitlines()) == 1


def test_duplicate_before_the_existing_row_names_it() -> None:
    text = (
        "| Title | Paper | Year |\n| --- | --- | --- |\n"
        "| A | [arXiv](https://arxiv.org/abs/2301.00001) | 2023 |\n"
        "| B | [arXiv](https://arxiv.org/abs/2201.00001) | 2022 |\n"
    )
    with pytest.raises(AddError, match="at line 4"):
        add_entry(text, None, [("Title", "B"), ("Paper", "https://arxiv.org/abs/2201.00001"),
                               ("Year", "2024")])  # fmt: skip


def test_cli_remaining_problems_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = _seed_copy(tmp_path)
    code = main(["add", str(readme), "--table", "1", "--set", "Name=Y",
                 "--set", "Code=[Link](https://example.com/y)"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 1
    assert "link-host" in out and ":17:" in out
    assert "Name=Y" not in readme.read_text(encoding="utf-8")
    assert "| Y " in readme.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--table", "1", "--set", "Nme=X"], "no column 'Nme'"),
        (["--table", "Nowhere", "--set", "Name=X"], "no table under a heading"),
        (["--table", "3", "--set", "Name=X"], "there is no table 3"),
        (["--table", "1"], "nothing to add"),
        (["--table", "1", "--set", "Paper=https://example.org/p"], "venue as its link text"),
        (["--table", "1", "--set", "Name=A", "--set", "name=B"], "given twice"),
    ],
)
def test_cli_errors_exit_2_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], reason: str
) -> None:
    readme = _seed_copy(tmp_path)
    before = readme.read_bytes()
    assert main(["add", str(readme), *args]) == 2
    err = capsys.readouterr().err
    assert reason in err and str(readme) in err
    assert len(err.strip().splitlines()) == 1
    assert readme.read_bytes() == before


def test_cli_bad_set_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = _seed_copy(tmp_path)
    assert main(["add", str(readme), "--set", "NoEquals"]) == 2
    assert main(["add", str(tmp_path / "missing.md"), "--set", "Name=X"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_heading_path_and_ambiguity() -> None:
    text = (
        "# List\n\n## Vision\n\n| Title | Code |\n| --- | --- |\n| A | - |\n\n"
        "## Language\n\n| Title | Code |\n| --- | --- |\n| B | - |\n"
    )
    assert add_entry(text, "language", [("Title", "C")]).line == 14
    assert add_entry(text, "Vision", [("Title", "C")]).line == 8
    with pytest.raises(AddError, match="names 2 tables"):
        add_entry(text, "List", [("Title", "C")])
    with pytest.raises(AddError, match="2 tables"):
        add_entry(text, None, [("Title", "C")])


def test_schema_sort_places_the_row(tmp_path: Path) -> None:
    config_file = tmp_path / ".awesome-lint.json"
    config_file.write_text(json.dumps({"tables": [{
        "match": {"columns": ["Name"]}, "columns": [{"name": "Name"}, {"name": "Code"}],
        "sort": {"column": "Name", "order": "ascending", "by": "text"}}]}))  # fmt: skip
    text = "| Name | Code |\n| --- | --- |\n| Alpha | - |\n| Delta | - |\n| Omega | - |\n"
    added = add_entry(text, "1", [("Name", "Gamma")], load_config(config_file))
    assert added.text.splitlines()[added.line - 1] == "| Gamma | |"
    assert added.line == 5


def test_year_column_order_ascending_and_none() -> None:
    text = "| Title | Year |\n| --- | --- |\n| A | 2019 |\n| B | 2021 |\n| C | 2024 |\n"
    assert add_entry(text, None, [("Title", "D"), ("Year", "2020")]).line == 4
    assert add_entry(text, None, [("Title", "D"), ("Year", "2018")]).line == 3
    mixed = "| Title | Year |\n| --- | --- |\n| A | 2021 |\n| B | 2019 |\n| C | 2024 |\n"
    assert add_entry(mixed, None, [("Title", "D"), ("Year", "2020")]).line == 6


def test_a_wider_row_lays_the_aligned_table_out_again() -> None:
    text = "| Title | Code |\n| ----- | ---- |\n| A     | -    |\n"
    added = add_entry(text, None, [("Title", "A much longer title")])
    assert added.text == (
        "| Title               | Code |\n"
        "| ------------------- | ---- |\n"
        "| A                   | -    |\n"
        "| A much longer title |      |\n"
    )
    assert first_misaligned(parse(added.text).tables[0]) is None


def test_pipes_escaped_and_line_breaks_refused() -> None:
    text = "| Title | Code |\n| --- | --- |\n| A | - |\n"
    added = add_entry(text, None, [("Title", "a|b")])
    assert parse(added.text).tables[0].rows[-1].cells[0].text == "a|b"
    with pytest.raises(AddError, match="line break"):
        add_entry(text, None, [("Title", "a\nb")])


def test_end_of_text_without_newline_and_quoted_table() -> None:
    text = "> | Title | Code |\n> | --- | --- |\n> | A | - |"
    added = add_entry(text, None, [("Title", "B")])
    assert added.text.endswith("\n> | B | |")
    assert len(parse(added.text).tables[0].rows) == 2


def test_moved_row_in_a_text_without_final_newline() -> None:
    text = "| Title | Year |\n| --- | --- |\n| A | 2019 |\n| B | 2021 |"
    added = add_entry(text, None, [("Title", "C"), ("Year", "2020")])
    assert added.text == "| Title | Year |\n| --- | --- |\n| A | 2019 |\n| C | 2020 |\n| B | 2021 |"


def test_crlf_kept() -> None:
    text = "| Title | Code |\r\n| --- | --- |\r\n| A | - |\r\n\r\nAfter\r\n"
    added = add_entry(text, None, [("Title", "B")])
    assert (
        added.text == "| Title | Code |\r\n| --- | --- |\r\n| A | - |\r\n| B | |\r\n\r\nAfter\r\n"
    )


@pytest.mark.parametrize(
    ("ident", "year"), [("2401.00001", 2024), ("0704.0001", 2007), ("hep-th/9901001", 1999)]
)
def test_arxiv_year(ident: str, year: int) -> None:
    assert arxiv_year(ident) == year


def test_bare_arxiv_url_in_a_venue_column() -> None:
    case = FIXTURES / "seed"
    text = (case / "before.md").read_text(encoding="utf-8")
    added = add_entry(text, "1", [("Name", "Z"), ("Paper", "https://arxiv.org/abs/2502.12345")])
    assert "[arXiv'25](https://arxiv.org/abs/2502.12345)" in added.text.splitlines()[16]


@pytest.mark.parametrize(
    ("table", "row"),
    [
        ("Name | Year\n--- | ---\nfoo | 2020\n", "baz | 2022"),
        ("|Name|Year|\n|---|---|\n|foo|2020|\n", "|baz|2022|"),
    ],
    ids=["without-outer-pipes", "tight"],
)
def test_the_new_row_keeps_the_tables_layout(table: str, row: str) -> None:
    added = add_entry("# L\n\n" + table, None, [("Name", "baz"), ("Year", "2022")])
    assert added.text == "# L\n\n" + table + row + "\n"
    assert not [p for p in lint_text(added.text) if p.rule == "table-format"]

"""What a new user meets first (issue 12): disable comments, empty files, --diff with
machine formats, the subcommands, quiet and statistics, file discovery, fixes of rules
switched off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clitools import run

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "awesome-medical-pretraining.md"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    code, out, _ = run(capsys, *args, "--output-format", "json")
    return code, json.loads(out)


# -- 1. a disable comment naming only unknown rules disables nothing -------------------------


def test_a_misspelt_disable_comment_hides_nothing_and_is_an_error(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = SEED.read_text(encoding="utf-8")
    (folder / "plain.md").write_text(seed, encoding="utf-8")
    (folder / "typo.md").write_text("<!-- awesome-lint-disable venue-typo -->\n" + seed)
    _, plain = _json(capsys, "plain.md")
    code, typo = _json(capsys, "typo.md")
    assert code == 1
    unknown = [p for p in typo if p["rule"] == "unused-disable"]
    assert [(p["line"], p["severity"]) for p in unknown] == [(1, "error")]
    assert "unknown rule 'venue-typo'" in str(unknown[0]["message"])
    rest = [(p["rule"], p["line"]) for p in typo if p["rule"] != "unused-disable"]
    assert rest == [(p["rule"], int(str(p["line"])) + 1) for p in plain]
    assert len(rest) == len(plain) > 10


def test_an_unknown_id_beside_a_known_one_keeps_the_known_one(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = "| Name | Title |\n| ---- | ----- |\n|      |       |\n| SAM  | SAM   |\n"
    (folder / "a.md").write_text(
        "<!-- awesome-lint-disable empty-row, no-such -->\n" + table, encoding="utf-8"
    )
    code, found = _json(capsys, "a.md", "--select", "empty-row,unused-disable")
    assert code == 1
    assert [(p["rule"], p["severity"]) for p in found] == [("unused-disable", "error")]
    (folder / "b.md").write_text("<!-- awesome-lint-enable no-such -->\n" + table)
    (folder / "b.md").write_text(
        "<!-- awesome-lint-disable empty-row -->\n<!-- awesome-lint-enable no-such -->\n" + table
    )
    code, found = _json(capsys, "b.md", "--select", "empty-row,unused-disable")
    # An enable naming only an unknown id closes nothing: empty-row stays disabled.
    assert [p["rule"] for p in found] == ["unused-disable"]


# -- 5. an empty file has no tables ---------------------------------------------------------


@pytest.mark.parametrize("args", [[], ["--fix"], ["--fix-only"], ["--diff"]])
def test_an_empty_file_is_clean(
    folder: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    (folder / "NOTES.md").write_bytes(b"")
    code, out, err = run(capsys, *args, "NOTES.md")
    assert code == 0 and "empty" not in err
    assert (folder / "NOTES.md").read_bytes() == b""
    if not args:
        assert out == "All checks passed.\n"


# -- 14. what the fixer expects follows the rules that run ----------------------------------

UNALIGNED_WITH_EMPTY_ROW = "| Table |\n|-------|\n|       |\n| Cell  |\n"


@pytest.mark.parametrize(
    "off",
    [
        ["--ignore", "empty-row"],
        ["--select", "table-format"],
        ["--config", "off.json"],
    ],
)
def test_fix_lays_out_a_table_whose_empty_row_stays(
    folder: Path, capsys: pytest.CaptureFixture[str], off: list[str]
) -> None:
    (folder / "off.json").write_text('{"rules": {"empty-row": "off"}}', encoding="utf-8")
    (folder / "t.md").write_text(UNALIGNED_WITH_EMPTY_ROW, encoding="utf-8")
    code, _, err = run(capsys, *off, "--fix", "t.md")
    assert (code, err) == (0, ""), err
    assert (folder / "t.md").read_text(encoding="utf-8") == (
        "| Table |\n| ----- |\n|       |\n| Cell  |\n"
    )


def test_fix_still_drops_the_empty_row_when_empty_row_runs(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "t.md").write_text(UNALIGNED_WITH_EMPTY_ROW, encoding="utf-8")
    code, _, err = run(capsys, "--fix", "t.md")
    assert (code, err) == (0, "")
    assert (folder / "t.md").read_text(encoding="utf-8") == "| Table |\n| ----- |\n| Cell  |\n"


# -- 6. --diff never shares standard output with a machine-readable format ------------------


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "gitlab"])
def test_diff_with_a_machine_format_is_a_usage_error(
    folder: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    (folder / "t.md").write_text(UNALIGNED_WITH_EMPTY_ROW, encoding="utf-8")
    code, out, err = run(capsys, "--diff", "--output-format", fmt, "t.md")
    assert (code, out) == (2, "")
    assert "--diff" in err and f"--output-format {fmt}" in err and "Traceback" not in err


def test_diff_alone_still_prints_the_diff(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "t.md").write_text(UNALIGNED_WITH_EMPTY_ROW, encoding="utf-8")
    code, out, err = run(capsys, "--diff", "t.md")
    assert code == 1 and out.startswith("--- a/t.md\n+++ b/t.md\n")
    assert err == "1 file would be changed.\n"


# -- 8. the subcommands are listed, and ruff's names work -----------------------------------


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("check", "format", "rules", "init", "export"):
        (line,) = [x for x in out.splitlines() if x.split()[:1] == [command]]
        assert len(line.split()) > 3  # a line of its own, with what it does


def test_check_is_the_default_command(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "README.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert run(capsys, "check", "README.md") == run(capsys, "README.md")
    code, out, err = run(capsys, "check", "--output-format", "json", "README.md")
    assert code == 1 and err == "" and len(json.loads(out)) == 16
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0 and "--output-format" in out


def test_format_lays_out_and_touches_nothing_else(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = SEED.read_text(encoding="utf-8")
    (folder / "README.md").write_text(seed, encoding="utf-8")
    (folder / "done.md").write_text("| a   |\n| --- |\n| b   |\n", encoding="utf-8")
    code, out, err = run(capsys, "format", "--check", "README.md", "done.md")
    assert (code, err) == (1, "")
    assert out == (
        "Would reformat: README.md\n1 file would be reformatted, 1 file already formatted.\n"
    )
    assert (folder / "README.md").read_text(encoding="utf-8") == seed
    code, out, err = run(capsys, "format", "--diff", "README.md")
    assert code == 1 and out.startswith("--- a/README.md\n") and "Would reformat" in err
    assert (folder / "README.md").read_text(encoding="utf-8") == seed
    code, out, _ = run(capsys, "format", "README.md")
    assert code == 0 and out.startswith("Reformatted: README.md\n")
    formatted = (folder / "README.md").read_text(encoding="utf-8")
    assert formatted != seed
    # Layout only: the venue, arXiv and empty-row problems are all still there.
    _, remaining = _json(capsys, "README.md")
    rules = {str(p["rule"]) for p in remaining}
    assert "table-format" not in rules
    assert {"venue-format", "arxiv-link", "empty-row"} <= rules
    assert run(capsys, "format", "--check", "README.md")[0] == 0


# -- 9. quiet drops the summary only; statistics is a table; warnings are told apart --------


def test_quiet_keeps_the_format(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "README.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for fmt in ("text", "full"):
        _, loud, _ = run(capsys, "--output-format", fmt, "README.md")
        _, quiet, _ = run(capsys, "--output-format", fmt, "-q", "README.md")
        assert "Found" in loud and "Found" not in quiet
        assert quiet.rstrip("\n") == loud[: loud.index("Found")].rstrip("\n")
    _, quiet, _ = run(capsys, "-q", "README.md")
    assert quiet.splitlines()[0] == "README.md:4:1: table-format table is not formatted"


def test_statistics_is_only_a_table_with_a_header(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "README.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(capsys, "--statistics", "README.md")
    lines = out.splitlines()
    assert code == 1
    assert lines[0].split() == ["count", "rule", "severity", "fix"]
    rows = [line.split() for line in lines[1:]]
    assert all(len(row) == 4 and row[0].isdigit() for row in rows)
    assert sum(int(row[0]) for row in rows) == 16
    assert ["6", "pdf-link", "warning", "unsafe"] in rows
    assert "README.md:" not in out and "Found" not in out


def test_the_summary_tells_warnings_from_errors(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "README.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(capsys, "--select", "pdf-link", "README.md")
    assert code == 0 and out.splitlines()[-1].startswith("Found 6 warnings in 1 file")
    code, out, _ = run(capsys, "README.md")
    assert code == 1 and "Found 16 problems (10 errors, 6 warnings) in 1 file" in out
    code, out, _ = run(capsys, "--select", "pdf-link", "--strict", "README.md")
    assert code == 1


# -- 10. one rule for folders, the current one included -------------------------------------


def _tree(root: Path) -> None:
    (root / "docs" / "deep").mkdir(parents=True)
    for name in ("README.md", "docs/a.md", "docs/deep/b.md"):
        (root / name).write_text("| a |\n|---|\n|   |\n", encoding="utf-8")  # an empty row


def _checked(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    _, out, _ = run(capsys, "--output-format", "json", *args)
    return sorted({str(p["path"]) for p in json.loads(out)})


@pytest.mark.parametrize("git", [False, True], ids=["outside-git", "in-git"])
def test_no_path_means_the_current_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, git: bool
) -> None:
    import shutil
    import subprocess

    if git and shutil.which("git") is None:
        pytest.skip("needs git")
    root = tmp_path / "list"
    root.mkdir()
    _tree(root)
    if git:
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    monkeypatch.chdir(root)
    everything = ["README.md", "docs/a.md", "docs/deep/b.md"]
    assert _checked(capsys) == _checked(capsys, ".") == everything
    monkeypatch.chdir(root / "docs")
    assert _checked(capsys) == _checked(capsys, ".") == ["a.md", "deep/b.md"]


# -- 13. GitLab Code Quality ----------------------------------------------------------------


def test_gitlab_code_quality_report(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = SEED.read_text(encoding="utf-8")
    (folder / "README.md").write_text(seed, encoding="utf-8")
    code, out, err = run(capsys, "--output-format", "gitlab", "README.md")
    assert (code, err) == (1, "")
    report = json.loads(out)
    _, plain = _json(capsys, "README.md")
    assert len(report) == len(plain) == 16
    for issue, problem in zip(report, plain):
        # The fields GitLab requires, with the types it documents.
        assert issue["description"] == problem["message"]
        assert issue["check_name"] == problem["rule"]
        assert issue["severity"] == {"error": "major", "warning": "minor"}[str(problem["severity"])]
        assert issue["location"]["path"] == "README.md"
        assert issue["location"]["lines"]["begin"] == problem["line"]
        assert isinstance(issue["fingerprint"], str) and len(issue["fingerprint"]) >= 32
    assert len({issue["fingerprint"] for issue in report}) == len(report)
    # A line added above keeps every finding's fingerprint: the merge request shows no churn.
    (folder / "README.md").write_text("Intro.\n\n" + seed, encoding="utf-8")
    _, moved, _ = run(capsys, "--output-format", "gitlab", "README.md")
    shifted = json.loads(moved)
    assert [i["fingerprint"] for i in shifted] == [i["fingerprint"] for i in report]
    assert [i["location"]["lines"]["begin"] for i in shifted] == [
        i["location"]["lines"]["begin"] + 2 for i in report
    ]
    code, out, _ = run(capsys, "--output-format", "gitlab", "--select", "ragged-row", "README.md")
    assert (code, json.loads(out)) == (0, [])


# -- 2. options without a severity keep the rule's own ---------------------------------------


@pytest.mark.parametrize("rule", ["pdf-link", "venue-unknown", "unused-disable"])
def test_rule_options_keep_the_rules_severity(
    folder: Path, capsys: pytest.CaptureFixture[str], rule: str
) -> None:
    from awesome_lint.api import _severity
    from awesome_lint.config import load_config
    from awesome_lint.rules import BY_ID

    assert BY_ID[rule].severity == "warning"
    (folder / "options.json").write_text(json.dumps({"rules": {rule: {}}}), encoding="utf-8")
    assert _severity(load_config(folder / "options.json"), BY_ID[rule]) == "warning"
    (folder / "error.json").write_text(
        json.dumps({"rules": {rule: {"severity": "error"}}}), encoding="utf-8"
    )
    assert _severity(load_config(folder / "error.json"), BY_ID[rule]) == "error"


def test_pdf_link_with_options_stays_a_warning_end_to_end(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "README.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / ".awesome-lint.json").write_text('{"rules": {"pdf-link": {}}}', encoding="utf-8")
    code, found = _json(capsys, "--select", "pdf-link", "README.md")
    assert code == 0 and len(found) == 6
    assert {p["severity"] for p in found} == {"warning"}


# -- 12. init's $schema resolvable offline --------------------------------------------------


def test_init_schema_path_points_at_a_local_copy(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import jsonschema

    from awesome_lint.config import config_schema

    (folder / "README.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run(capsys, "init", "README.md", "--schema-path", ".vscode/al.schema.json")
    assert (code, err) == (0, "")
    config = json.loads((folder / ".awesome-lint.json").read_text(encoding="utf-8"))
    assert config["$schema"] == "./.vscode/al.schema.json"
    # An editor resolves it against the config's folder: the schema, no network needed.
    local = json.loads((folder / config["$schema"]).read_text(encoding="utf-8"))
    assert local == config_schema()
    jsonschema.Draft202012Validator(local).validate(config)
    # From another folder, the path is relative to the config, not to where init ran.
    (folder / "docs").mkdir()
    (folder / "docs" / "list.md").write_text(SEED.read_text(encoding="utf-8"), "utf-8")
    code, _, _ = run(capsys, "init", "docs/list.md", "--schema-path", "schemas/al.json")
    assert code == 0
    config = json.loads((folder / "docs" / ".awesome-lint.json").read_text(encoding="utf-8"))
    assert config["$schema"] == "../schemas/al.json"
    assert (folder / "docs" / config["$schema"]).is_file()
    # And the config still checks the list.
    assert run(capsys, "docs/list.md")[0] in (0, 1)


def test_init_without_schema_path_keeps_the_url(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "README.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert run(capsys, "init", "README.md")[0] == 0
    config = json.loads((folder / ".awesome-lint.json").read_text(encoding="utf-8"))
    assert config["$schema"].startswith("https://")


# -- 15. the README's first screen ----------------------------------------------------------

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_first_screen_has_what_a_user_needs() -> None:
    first = "\n".join(README.splitlines()[:30])
    # The two commands, each on its own line of one block.
    block = first[first.index("```sh\n") + 6 :]
    commands = [line.split("  #")[0].strip() for line in block[: block.index("```")].splitlines()]
    assert commands == [
        "pip install . && awesome-lint examples/awesome-medical-pretraining.md",
        "pip install '.[test]' && python -m pytest",
    ]
    # The three places it runs, and the rules, each a link to its section.
    for anchor in ("#pre-commit", "#ci-github-actions-gitlab-ci", "#in-the-terminal", "#rules"):
        assert f"]({anchor})" in first, anchor
    headings = {
        "#" + "".join(c for c in h.lower() if c.isalnum() or c in " -").replace(" ", "-")
        for h in (line[3:] for line in README.splitlines() if line.startswith("## "))
    }
    assert {"#pre-commit", "#ci-github-actions-gitlab-ci", "#in-the-terminal", "#rules"} <= headings
    # Measurements live with the benchmarks, not in the README.
    assert "0.109 s" not in README and "0.109 s" in (ROOT / "bench/README.md").read_text("utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[-1].replace(" --quiet", "") == "pip install '.[test]' && python -m pytest"
    assert "pip install '.[test]' && python -m pytest" in README

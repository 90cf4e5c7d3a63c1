"""The command line: options, output formats, standard input, file discovery, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clitools import run

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "awesome-medical-pretraining.md"
# Vendored with its origin and licence: tests/schemas/NOTICE.
SARIF_SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copyfile(SEED, tmp_path / "README.md")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def test_exit_codes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "README.md")[0] == 1
    assert run(capsys, "--exit-zero", "README.md")[0] == 0
    assert run(capsys, "--select", "pdf-link", "README.md")[0] == 0  # warnings only
    assert run(capsys, "--select", "pdf-link", "--strict", "README.md")[0] == 1
    code, _, err = run(capsys, "--select", "no-such-rule", "README.md")
    assert code == 2 and "unknown rule id 'no-such-rule'" in err
    code, _, err = run(capsys, "--bogus-option")
    assert code == 2 and "No such option" in err


def test_select_and_ignore(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--select", "arxiv-link,empty-row", "README.md")
    rules = {line.split()[1] for line in out.splitlines()[:-1]}
    assert rules == {"arxiv-link", "empty-row"}
    _, out, _ = run(capsys, "--ignore", "pdf-link", "--ignore", "arxiv-link", "README.md")
    assert "pdf-link" not in out and "arxiv-link" not in out and "venue-format" in out


def test_config_severity_and_off(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".awesome-lint.json").write_text(
        json.dumps({"rules": {"table-format": "off", "empty-row": "warning"}}), encoding="utf-8"
    )
    _, out, _ = run(capsys, "--output-format", "json", "README.md")
    problems = json.loads(out)
    assert not [p for p in problems if p["rule"] == "table-format"]
    assert [p["severity"] for p in problems if p["rule"] == "empty-row"] == ["warning"]


def test_quiet_statistics_and_concise(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "-q", "README.md")
    assert "Found" not in out and out.count("\n") == 16
    _, out, _ = run(capsys, "--statistics", "README.md")
    assert "     6  pdf-link" in out and "     4  arxiv-link" in out
    _, out, _ = run(capsys, "--output-format", "concise", "README.md")
    assert "README.md:17:1: row is empty [empty-row]" in out


def test_full_output_points_at_the_cell(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--output-format", "full", "--select", "venue-format", "README.md")
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("README.md:8:180"))
    snippet = "\n".join(lines[at : at + 8])
    assert "arXiv(2023)" in snippet and "^" in snippet
    assert "= why:" in snippet and "unsafe" in snippet


def test_colour_follows_the_environment(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "\x1b[" not in run(capsys, "README.md")[1]
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(capsys, "README.md")[1]
    assert "\x1b[" not in run(capsys, "--no-color", "README.md")[1]


def test_github_annotations(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--output-format", "github", "--select", "empty-row", "README.md")
    assert out.startswith("::error file=README.md,line=17,col=1,endLine=17,endColumn=")
    assert out.rstrip().endswith("title=empty-row::row is empty")


def test_sarif_validates(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from jsonschema import Draft4Validator

    _, out, _ = run(capsys, "--output-format", "sarif", "README.md")
    log = json.loads(out)
    Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == 16
    rules = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in results} == rules


def test_fix_diff_and_what_remains(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (repo / "README.md").read_bytes()
    code, out, _ = run(capsys, "--diff", "README.md")
    assert code == 1 and out.startswith("--- a/README.md\n+++ b/README.md\n")
    assert (repo / "README.md").read_bytes() == before
    code, out, _ = run(capsys, "--fix", "README.md")
    assert code == 1
    assert out.splitlines()[-1] == (
        "Fixed 2 problems (14 more fixable with --unsafe-fixes), 14 remaining."
    )
    code, out, _ = run(capsys, "--fix", "--unsafe-fixes", "README.md")
    assert code == 0 and out.splitlines()[-1] == "Fixed 14 problems; all checks passed."
    assert run(capsys, "--diff", "README.md")[0] == 0


def test_stdin(repo: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    seed = SEED.read_bytes()
    fixed = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--fix", "-"],
        input=seed,
        capture_output=True,
        env=env,
    )
    assert fixed.returncode == 0
    assert fixed.stdout == (ROOT / "tests/fixtures/seed/check/expected.md").read_bytes()
    checked = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--stdin-filename", "docs/list.md", "-"],
        input=seed,
        capture_output=True,
        env=env,
    )
    assert checked.returncode == 1
    assert checked.stdout.decode().startswith("docs/list.md:4:1: table-format")


def test_files_of_the_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "list"
    (repo / "docs").mkdir(parents=True)
    shutil.copyfile(SEED, repo / "README.md")
    shutil.copyfile(SEED, repo / "docs" / "more.md")
    (repo / "notes.txt").write_text("| a |\n| - |\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        _, out, _ = run(capsys, "-q", "--output-format", "concise", "--select", "empty-row")
        assert out.splitlines() == [
            "README.md:17:1: row is empty [empty-row]",
            "docs/more.md:17:1: row is empty [empty-row]",
        ]
        _, out, _ = run(capsys, "-q", "--output-format", "concise", "--select", "empty-row", "docs")
        assert out.splitlines() == ["docs/more.md:17:1: row is empty [empty-row]"]
    finally:
        os.chdir(cwd)


def test_no_markdown_files_says_how_to_name_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys)
    assert code == 2 and "awesome-lint README.md" in err


def test_rules_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and out.splitlines()[0].startswith("ragged-row")
    assert "venue-format" in out and "unsafe" in out
    code, out, _ = run(capsys, "rules", "arxiv-link")
    assert code == 0 and "## Why" in out
    assert run(capsys, "rules", "nope")[0] == 2


def test_export(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "README.md")
    data = json.loads(out)
    table = data["tables"][0]
    assert (table["line"], table["end_line"]) == (4, 17)
    assert table["columns"] == ["Name", "Title", "Modalities", "Paper", "Code"]
    paper = table["rows"][2]["cells"][3]
    assert paper["text"] == "arXiv(2023)"
    assert paper["links"] == [
        {"text": "arXiv(2023)", "url": "https://arxiv.org/pdf/2311.15111.pdf"}
    ]
    code, out, _ = run(capsys, "export", "--format", "csv", "README.md")
    header = "Name,Title,Modalities,Paper,Paper URL,Code,Code URL"
    assert code == 0 and out.splitlines()[0] == header
    assert out.splitlines()[1].startswith("UniMedI,Unified Medical Image")


def test_style_option_and_config_override_the_tables_own(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    compact = "# List\n\n| Name | Year |\n|---|---|\n| BERT | 2019 |\n"
    (repo / "README.md").write_text(compact, encoding="utf-8")
    assert run(capsys, "README.md")[0] == 0  # auto: the table's own compact layout
    assert run(capsys, "--style", "compact", "README.md")[0] == 0
    code, out, _ = run(capsys, "--style", "tight", "README.md")
    assert code == 1 and "table-format" in out
    (repo / ".awesome-lint.json").write_text(json.dumps({"style": "aligned"}), encoding="utf-8")
    assert run(capsys, "README.md")[0] == 1
    assert run(capsys, "--style", "auto", "README.md")[0] == 0
    assert run(capsys, "--fix", "README.md")[0] == 0
    fixed = (repo / "README.md").read_text(encoding="utf-8")
    assert fixed == "# List\n\n| Name | Year |\n| ---- | ---- |\n| BERT | 2019 |\n"
    code, _, err = run(capsys, "--style", "wide", "README.md")
    assert code == 2 and "wide" in err

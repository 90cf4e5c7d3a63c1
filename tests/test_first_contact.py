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
    code, out, err = run(capsys, *off, "--fix", "t.md")
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

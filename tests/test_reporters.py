from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from awesome_lint.model import Problem, RuleInfo
from awesome_lint.reporters import (
    OUTPUT_FORMATS,
    SNIPPET_WIDTH,
    FileReport,
    OutputFormat,
    format_reports,
    summary,
)
from awesome_lint.width import display_width

# Vendored with its origin and licence: tests/schemas/NOTICE.
SARIF_SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"

README = "# Papers\n\n| Title | Venue |\n|---|---|\n| 模型预训练 | iclr 2024 |\n| Foo |\n"
OTHER = "| Name | Link |\r\n|---|---|\r\n| a, b | |\r\n"

VENUE = Problem(
    5,
    11,
    5,
    20,
    "venue-format",
    "Venue `iclr 2024` is not canonical",
    fix="unsafe",
    suggestion="Replace with `ICLR'24`",
)
RAGGED = Problem(
    6,
    1,
    6,
    8,
    "ragged-row",
    "Row has 1 cell; the header has 2",
    fix="safe",
    suggestion="Add the missing cell",
)
EMPTY = Problem(3, 9, 3, 10, "empty-cell", "Cell is empty", severity="warning")
LINK = Problem(3, 1, 3, 11, "missing-link", "Row has no link", suggestion="Link the paper")

# Out of order on purpose: the reporters sort by path, line and column.
REPORTS = (
    FileReport("docs/other.md", (EMPTY, LINK), OTHER),
    FileReport("clean.md", (), "nothing here\n"),
    FileReport("README.md", (RAGGED, VENUE), README),
)

RULES = {
    info.id: info
    for info in (
        RuleInfo(
            "venue-format",
            "Finds venues not written the list's way.",
            "One spelling per venue lets readers scan and sort.",
            "unsafe",
            "# venue-format\n\n## What it does\nFinds venues not written `ICLR'24`.\n",
        ),
        RuleInfo(
            "ragged-row",
            "Finds rows with fewer cells than the header.",
            "GitHub drops or pads cells silently.",
            "safe",
            "# ragged-row\n",
        ),
        RuleInfo(
            "empty-cell",
            "Finds empty cells.",
            "An empty cell reads as missing data.",
            None,
            "# empty-cell\n",
        ),
    )
}
# "missing-link" is left out of RULES: a reporter must cope with a rule it knows nothing of.


def render(fmt: OutputFormat, reports: tuple[FileReport, ...] = REPORTS, **kwargs: Any) -> str:
    return format_reports(reports, fmt, rules=RULES, **kwargs)


def test_text() -> None:
    assert render("text") == (
        "README.md:5:11: venue-format Venue `iclr 2024` is not canonical\n"
        "README.md:6:1: ragged-row Row has 1 cell; the header has 2\n"
        "docs/other.md:3:1: missing-link Row has no link\n"
        "docs/other.md:3:9: empty-cell Cell is empty\n"
        "Found 4 problems (3 errors, 1 warning) in 2 files"
        " (1 fixable with --fix, 1 more with --unsafe-fixes).\n"
    )


def test_text_in_color() -> None:
    lines = render("text", color=True).splitlines()
    assert lines[0] == (
        "\x1b[1mREADME.md\x1b[0m:5:11: \x1b[1;31mvenue-format\x1b[0m"
        " Venue `iclr 2024` is not canonical"
    )
    assert lines[3] == "\x1b[1mdocs/other.md\x1b[0m:3:9: \x1b[1;33mempty-cell\x1b[0m Cell is empty"


@pytest.mark.parametrize("fmt", OUTPUT_FORMATS)
def test_no_color_codes_without_color(fmt: OutputFormat) -> None:
    assert "\x1b" not in render(fmt)


def test_concise() -> None:
    assert render("concise") == (
        "README.md:5:11: Venue `iclr 2024` is not canonical [venue-format]\n"
        "README.md:6:1: Row has 1 cell; the header has 2 [ragged-row]\n"
        "docs/other.md:3:1: Row has no link [missing-link]\n"
        "docs/other.md:3:9: Cell is empty [empty-cell]\n"
    )


def test_full() -> None:
    assert render("full") == (
        "README.md:5:11: venue-format Venue `iclr 2024` is not canonical\n"
        "  |\n"
        "5 | | 模型预训练 | iclr 2024 |\n"
        "  |                ^^^^^^^^^\n"
        "  |\n"
        "  = why: One spelling per venue lets readers scan and sort.\n"
        "  = fix (unsafe, use --unsafe-fixes): Replace with `ICLR'24`\n"
        "\n"
        "README.md:6:1: ragged-row Row has 1 cell; the header has 2\n"
        "  |\n"
        "6 | | Foo |\n"
        "  | ^^^^^^^\n"
        "  |\n"
        "  = why: GitHub drops or pads cells silently.\n"
        "  = fix (safe): Add the missing cell\n"
        "\n"
        "docs/other.md:3:1: missing-link Row has no link\n"
        "  |\n"
        "3 | | a, b | |\n"
        "  | ^^^^^^^^^^\n"
        "  |\n"
        "  = help: Link the paper\n"
        "\n"
        "docs/other.md:3:9: empty-cell Cell is empty\n"
        "  |\n"
        "3 | | a, b | |\n"
        "  |         ^\n"
        "  |\n"
        "  = why: An empty cell reads as missing data.\n"
        "\n"
        "Found 4 problems (3 errors, 1 warning) in 2 files"
        " (1 fixable with --fix, 1 more with --unsafe-fixes).\n"
    )


def test_full_carets_line_up_under_wide_characters() -> None:
    block = render("full").split("\n\n")[0].splitlines()
    source, carets = block[2], block[3]
    start = carets.index("^")
    assert display_width(source[: source.index("iclr")]) == start
    assert carets[start:] == "^" * display_width("iclr 2024")


def test_full_with_unsafe_fixes_enabled() -> None:
    out = render("full", unsafe_fixes=True)
    assert "  = fix (unsafe): Replace with `ICLR'24`\n" in out
    assert out.endswith(
        "Found 4 problems (3 errors, 1 warning) in 2 files (2 fixable with --fix).\n"
    )


def test_full_fix_without_suggestion() -> None:
    problem = Problem(1, 1, 1, 2, "ragged-row", "Row is ragged", fix="safe")
    out = render("full", (FileReport("a.md", (problem,), "| a |\n"),))
    assert "  = fix (safe): available with --fix\n" in out


def test_full_without_source_line() -> None:
    problem = Problem(9, 1, 9, 2, "empty-cell", "Cell is empty")
    out = render("full", (FileReport("a.md", (problem,), "one line\n"),))
    assert out == (
        "a.md:9:1: empty-cell Cell is empty\n"
        "  = why: An empty cell reads as missing data.\n"
        "\n"
        "Found 1 problem in 1 file.\n"
    )


def test_full_clips_long_lines_around_the_problem() -> None:
    line = "| " + "甲" * 80 + " | " + "x" * 60 + " | ICLR 2024 | " + "y" * 200 + " |"
    column = line.index("ICLR") + 1
    problem = Problem(1, column, 1, column + 9, "venue-format", "Venue")
    block = render("full", (FileReport("a.md", (problem,), line + "\n"),)).splitlines()
    shown, carets = block[2].removeprefix("1 | "), block[3].removeprefix("  | ")
    assert shown.startswith("…") and shown.endswith("…")
    assert display_width(shown) <= SNIPPET_WIDTH
    start = carets.index("^")
    assert carets[start:] == "^" * 9
    assert display_width(shown[: shown.index("ICLR")]) == start


def test_full_clips_the_range_and_shows_the_line_end() -> None:
    line = "| " + "模" * 100 + " |"
    problem = Problem(1, 3, 1, 103, "venue-format", "Venue")
    block = render("full", (FileReport("a.md", (problem,), line),)).splitlines()
    shown, carets = block[2].removeprefix("1 | "), block[3].removeprefix("  | ")
    assert shown.startswith("| 模") and shown.endswith("…")
    assert carets == "  " + "^" * (display_width(shown) - 3)


def test_full_expands_tabs() -> None:
    problem = Problem(1, 4, 1, 5, "empty-cell", "Cell is empty")
    block = render("full", (FileReport("a.md", (problem,), "|\ta\t|\n"),)).splitlines()
    assert block[2:4] == ["1 | |    a    |", "  |       ^^^^"]


def test_json() -> None:
    data = json.loads(render("json"))
    assert [(d["path"], d["line"], d["column"]) for d in data] == [
        ("README.md", 5, 11),
        ("README.md", 6, 1),
        ("docs/other.md", 3, 1),
        ("docs/other.md", 3, 9),
    ]
    assert data[0] == {
        "path": "README.md",
        "line": 5,
        "column": 11,
        "end_line": 5,
        "end_column": 20,
        "rule": "venue-format",
        "severity": "error",
        "message": "Venue `iclr 2024` is not canonical",
        "fix": "unsafe",
        "suggestion": "Replace with `ICLR'24`",
    }
    assert [d["fix"] for d in data] == ["unsafe", "safe", None, None]


def test_json_round_trips_every_field() -> None:
    data = json.loads(render("json"))
    back = [(d.pop("path"), Problem(**d)) for d in data]
    assert back == [
        ("README.md", VENUE),
        ("README.md", RAGGED),
        ("docs/other.md", LINK),
        ("docs/other.md", EMPTY),
    ]


def test_github() -> None:
    assert render("github") == (
        "::error file=README.md,line=5,col=11,endLine=5,endColumn=20,title=venue-format"
        "::Venue `iclr 2024` is not canonical\n"
        "::error file=README.md,line=6,col=1,endLine=6,endColumn=8,title=ragged-row"
        "::Row has 1 cell; the header has 2\n"
        "::error file=docs/other.md,line=3,col=1,endLine=3,endColumn=11,title=missing-link"
        "::Row has no link\n"
        "::warning file=docs/other.md,line=3,col=9,endLine=3,endColumn=10,title=empty-cell"
        "::Cell is empty\n"
    )


def test_github_escaping() -> None:
    problem = Problem(2, 3, 2, 4, "a:b,c", "100% sure:\r\nno, really\n", severity="warning")
    out = render("github", (FileReport("dir,1/a:b%.md", (problem,), ""),))
    assert out == (
        "::warning file=dir%2C1/a%3Ab%25.md,line=2,col=3,endLine=2,endColumn=4,title=a%3Ab%2Cc"
        "::100%25 sure:%0D%0Ano, really%0A\n"
    )


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "All checks passed.\n"),
        ("concise", ""),
        ("full", "All checks passed.\n"),
        ("json", "[]\n"),
        ("github", ""),
    ],
)
@pytest.mark.parametrize("reports", [(), (FileReport("a.md", (), "| a |\n"),)])
def test_empty(fmt: OutputFormat, expected: str, reports: tuple[FileReport, ...]) -> None:
    assert render(fmt, reports) == expected


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


@pytest.mark.parametrize("reports", [REPORTS, ()], ids=["problems", "empty"])
def test_sarif_is_valid(
    sarif_validator: jsonschema.Draft4Validator, reports: tuple[FileReport, ...]
) -> None:
    log = json.loads(render("sarif", reports))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator.iter_errors(log)]
    assert errors == []
    assert len(log["runs"]) == 1
    assert len(log["runs"][0]["results"]) == sum(len(r.problems) for r in reports)


def test_sarif_fields() -> None:
    log = json.loads(render("sarif", tool_version="1.2.3"))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("awesome-lint", "1.2.3")
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["empty-cell", "missing-link", "ragged-row", "venue-format"]
    assert rules[3] == {
        "id": "venue-format",
        "shortDescription": {"text": "Finds venues not written the list's way."},
        "fullDescription": {"text": "One spelling per venue lets readers scan and sort."},
        "help": {"text": RULES["venue-format"].doc, "markdown": RULES["venue-format"].doc},
        "properties": {"fix": "unsafe"},
        "defaultConfiguration": {"level": "error"},
    }
    assert rules[0]["defaultConfiguration"] == {"level": "warning"}
    assert rules[1] == {"id": "missing-link", "defaultConfiguration": {"level": "error"}}

    results = run["results"]
    assert [(r["ruleId"], r["ruleIndex"]) for r in results] == [
        ("venue-format", 3),
        ("ragged-row", 2),
        ("missing-link", 1),
        ("empty-cell", 0),
    ]
    assert results[0] == {
        "ruleId": "venue-format",
        "ruleIndex": 3,
        "level": "error",
        "message": {"text": "Venue `iclr 2024` is not canonical"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "README.md", "uriBaseId": "%SRCROOT%", "index": 0},
                    "region": {"startLine": 5, "startColumn": 11, "endLine": 5, "endColumn": 20},
                }
            }
        ],
        "properties": {"fix": "unsafe", "suggestion": "Replace with `ICLR'24`"},
    }
    assert results[3]["level"] == "warning"
    assert "properties" not in results[3]
    assert run["artifacts"] == [
        {"location": {"uri": "README.md", "uriBaseId": "%SRCROOT%"}},
        {"location": {"uri": "docs/other.md", "uriBaseId": "%SRCROOT%"}},
    ]
    assert run["columnKind"] == "unicodeCodePoints"


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("docs\\a b.md", {"uri": "docs/a%20b.md", "uriBaseId": "%SRCROOT%"}),
        ("./a:b,c.md", {"uri": "a%3Ab%2Cc.md", "uriBaseId": "%SRCROOT%"}),
        ("/home/me/list/README.md", {"uri": "file:///home/me/list/README.md"}),
        ("C:\\list\\README.md", {"uri": "file:///C:/list/README.md"}),
    ],
)
def test_sarif_uris(
    sarif_validator: jsonschema.Draft4Validator, path: str, location: dict[str, str]
) -> None:
    log = json.loads(render("sarif", (FileReport(path, (EMPTY,), OTHER),)))
    sarif_validator.validate(log)
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {**location, "index": 0}


@pytest.mark.parametrize("fmt", ["text", "concise", "full", "json", "github", "sarif"])
def test_sorted_by_path_line_and_column(fmt: OutputFormat) -> None:
    reports = (
        FileReport("b.md", (Problem(1, 1, 1, 2, "r", "fourth"),), ""),
        FileReport(
            "a.md",
            (
                Problem(2, 5, 2, 6, "r", "third"),
                Problem(2, 1, 2, 2, "r", "second"),
                Problem(1, 9, 1, 10, "r", "first"),
            ),
            "",
        ),
    )
    out = render(fmt, reports)
    positions = [out.index(message) for message in ("first", "second", "third", "fourth")]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("fixes", "kwargs", "expected"),
    [
        ([], {}, "All checks passed."),
        ([], {"fixed": 3}, "Fixed 3 problems; all checks passed."),
        ([None], {}, "Found 1 problem in 1 file."),
        (["safe", "safe"], {}, "Found 2 problems in 1 file (2 fixable with --fix)."),
        (["unsafe"], {}, "Found 1 problem in 1 file (1 fixable with --fix --unsafe-fixes)."),
        (
            ["safe", "unsafe", None],
            {},
            "Found 3 problems in 1 file (1 fixable with --fix, 1 more with --unsafe-fixes).",
        ),
        (
            ["safe", "unsafe"],
            {"unsafe_fixes": True},
            "Found 2 problems in 1 file (2 fixable with --fix).",
        ),
        (
            ["unsafe", "unsafe"],
            {"fixed": 1},
            "Fixed 1 problem (2 more fixable with --unsafe-fixes), 2 remaining.",
        ),
        ([], {"unchecked": 1}, "No problems in the files checked. 1 file with errors, see above."),
        (
            [],
            {"unchecked": 2, "fixed": 1},
            "Fixed 1 problem, no problems left. 2 files with errors, see above.",
        ),
        ([None], {"unchecked": 1}, "Found 1 problem in 1 file. 1 file with errors, see above."),
    ],
)
def test_summary(fixes: list[Any], kwargs: dict[str, Any], expected: str) -> None:
    problems = tuple(Problem(n + 1, 1, n + 1, 2, "r", "m", fix=fix) for n, fix in enumerate(fixes))
    assert summary([FileReport("a.md", problems, "")], **kwargs) == expected


def test_summary_in_color() -> None:
    assert summary([], color=True) == "\x1b[1;32mAll checks passed.\x1b[0m"
    one = FileReport("a.md", (EMPTY,), "")
    assert summary([one], color=True) == "\x1b[1mFound 1 warning in 1 file\x1b[0m."


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        format_reports([], "xml", rules=RULES)  # type: ignore[arg-type]


def test_entries_sort_as_their_problems_order_themselves() -> None:
    import dataclasses

    from awesome_lint.reporters import _Entry, _entry_order

    problem = Problem(3, 4, 3, 9, "rule-id", "message", "warning", "safe", "do this")
    report = FileReport("a.md", (problem,))
    assert _entry_order(_Entry(report, problem)) == ("a.md", *dataclasses.astuple(problem))

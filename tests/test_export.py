"""`awesome-lint export`: the tables as data, streamed a table at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from awesome_lint.export import document_tables, export_json, export_json_chunks
from awesome_lint.markdown.tables import parse

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DOCUMENTS = {
    "no tables": "# Title\n\ntext\n",
    "one table": "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "markdown and HTML tables interleaved": (
        "<table><tr><td>h1</td></tr></table>\n\n| a |\n|---|\n| 1 |\n\n"
        "<table>\n<tr><th>x</th></tr>\n<tr><td>y</td></tr>\n</table>\n\n| b |\n|---|\n"
    ),
    "strings that need escapes": '| "q" | \\\\ |\n|---|---|\n| é 😀 | tab\there |\n',
    "seed list": (ROOT / "examples" / "awesome-medical-pretraining.md").read_text("utf-8"),
}
for name in ("521xueweihan__HelloGitHub__README.md", "RUCAIBox__LLMSurvey__README.md"):
    if (CORPUS / name).exists():  # HTML tables among Markdown ones
        DOCUMENTS[name] = (CORPUS / name).read_text("utf-8")


@pytest.mark.parametrize("text", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_streamed_json_is_json_dumps_of_the_whole(text: str) -> None:
    whole = {"path": "x.md", "tables": document_tables(parse(text))}
    expected = json.dumps(whole, ensure_ascii=False, indent=1)
    assert "".join(export_json_chunks(text, "x.md")) == expected
    assert export_json(text, "x.md") == expected


def test_tables_come_in_document_order() -> None:
    data = json.loads(export_json(DOCUMENTS["markdown and HTML tables interleaved"], "x.md"))
    assert [(t["line"], t.get("kind", "markdown")) for t in data["tables"]] == [
        (1, "html"),
        (3, "markdown"),
        (7, "html"),
        (12, "markdown"),
    ]


@pytest.mark.parametrize("declaration", ['<![CD "t"', "<![ x", "<![if x"])
def test_an_unknown_marked_section_in_raw_html_reads_as_a_comment(declaration: str) -> None:
    # A browser reads `<![x` as a bogus comment up to the next `>`: the HTML table written
    # after that `>` is on the page, the text before it is not.
    text = (
        "| h |\n|---|\n\n<div>\n"
        + declaration
        + "\n| in | comment |\n> <table><tr><td>c</td></tr></table>\n</div>\n"
    )
    data = json.loads(export_json(text, "x.md"))
    assert [(t["line"], t["end_line"], t.get("kind", "markdown")) for t in data["tables"]] == [
        (1, 2, "markdown"),
        (4, 8, "html"),
    ]


def test_csv_keeps_every_url_beside_its_text() -> None:
    import csv
    import io

    from awesome_lint.export import export_csv

    text = (
        "| Name | Paper | Code | Year |\n|---|---|---|---|\n"
        "| SAM | [TMI'22](https://doi.org/x) | [Code](https://github.com/a) [Web](https://a.io) "
        "| 2022 |\n"
        "| UniMedI | arXiv'23 | | 2023 |\n"
        "| Short |\n"
    )
    rows = list(csv.reader(io.StringIO(export_csv(text, None))))
    assert rows == [
        ["Name", "Paper", "Paper URL", "Code", "Code URL", "Year"],
        [
            "SAM",
            "TMI'22",
            "https://doi.org/x",
            "Code Web",
            "https://github.com/a https://a.io",
            "2022",
        ],
        ["UniMedI", "arXiv'23", "", "", "", "2023"],
        ["Short", "", "", "", "", ""],
    ]


def test_csv_of_the_seed_list_has_its_paper_links() -> None:
    import csv
    import io

    from awesome_lint.export import export_csv

    rows = list(csv.DictReader(io.StringIO(export_csv(DOCUMENTS["seed list"], None))))
    assert rows[2]["Paper"] == "arXiv(2023)"
    assert rows[2]["Paper URL"] == "https://arxiv.org/pdf/2311.15111.pdf"
    assert all(row["Paper URL"].startswith("http") for row in rows if row["Paper"])

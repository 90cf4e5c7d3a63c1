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

from __future__ import annotations

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import config_from_text

SELECT = Selection(frozenset({"link-host"}))
HEAD = "| Title | Code |\n| ----- | ---- |\n"


def messages(text: str, config: str | None = None) -> list[str]:
    cfg = config_from_text(config, "test.json") if config else None
    return [p.message for p in lint_text(text, cfg, SELECT)]


def test_code_column_wants_a_repository() -> None:
    body = (
        "| A | [x](https://arxiv.org/abs/1) |\n"
        "| B | [x](https://www.github.com/a/b) [y](https://huggingface.co/a/b) |\n"
        "| C | N/A |\n"
        "| D | [![s](https://img.shields.io/github/stars/a/b)](https://gitlab.com/a/b) |\n"
        "| E | [x](#below) [y](src/) |\n"
    )
    assert messages(HEAD + body) == [
        "link to arxiv.org in the Code column; expected a code repository"
    ]


def test_one_problem_per_link() -> None:
    body = "| A | [x](https://a.org/) [y](https://github.com/a/b) [z](https://b.org/) |\n"
    assert len(messages(HEAD + body)) == 2


def test_tables_without_a_schema_are_left_alone() -> None:
    assert messages("| Tool | Code |\n| - | - |\n| a | [x](https://a.org/) |\n") == []


def test_configured_hosts() -> None:
    config = """{
      "links": {"repository_hosts": ["git.example.edu"]},
      "tables": [{"match": {"columns": ["Model"]}, "columns": [
        {"name": "Model"}, {"name": "Weights", "hosts": ["huggingface.co", "@repository"]}]}]
    }"""
    text = (
        "| Model | Weights |\n| - | - |\n"
        "| a | [w](https://git.example.edu/a) |\n"
        "| b | [w](https://drive.google.com/b) |\n"
    )
    assert messages(text, config) == [
        "link to drive.google.com in the Weights column;"
        " expected huggingface.co or a code repository"
    ]

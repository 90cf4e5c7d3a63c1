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


def test_a_cell_passes_when_any_of_its_links_is_a_repository() -> None:
    body = "| A | [x](https://a.org/) [y](https://github.com/a/b) [z](https://b.org/) |\n"
    assert messages(HEAD + body) == []


def test_a_cell_without_a_repository_is_one_problem_at_its_first_link() -> None:
    body = "| A | [Page](https://a.github.io/x) <br> [Video](https://youtu.be/b) |\n"
    (found,) = lint_text(HEAD + body, selection=SELECT)
    assert found.message == (
        "link to a.github.io, youtu.be in the Code column; expected a code repository"
    )
    assert (found.column, found.end_column) == (7, 36)


def test_forges_of_all_kinds_are_repositories() -> None:
    hosts = (
        "git.ece.iastate.edu",
        "gitlab.inria.fr",
        "gitea.example.org",
        "anonymous.4open.science",
        "codeberg.org",
        "gitee.com",
        "bitbucket.org",
        "sourceforge.net",
        "project.sourceforge.net",
        "huggingface.co",
    )
    body = "".join(f"| A | [c](https://{host}/a/b) |\n" for host in hosts)
    body += "| B | [c](https://git.io/x) |\n| C | [c](https://digital.example.org/x) |\n"
    assert messages(HEAD + body) == [
        "link to git.io in the Code column; expected a code repository",
        "link to digital.example.org in the Code column; expected a code repository",
    ]


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

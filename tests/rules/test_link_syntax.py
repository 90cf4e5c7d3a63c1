from __future__ import annotations

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import config_from_text
from awesome_lint.fixer import fix_text
from awesome_lint.model import Problem

SELECT = Selection(frozenset({"link-syntax"}))
HEAD = "| Title | Paper |\n| ----- | ----- |\n"


def problems(body: str, config: str | None = None) -> list[Problem]:
    cfg = config_from_text(config, "test.json") if config else None
    return lint_text(HEAD + body, cfg, SELECT)


def messages(body: str, config: str | None = None) -> list[str]:
    return [p.message for p in problems(body, config)]


def test_malformed_url_names_the_reason() -> None:
    (message,) = messages("| A | [x](https;//arxiv.org/abs/1) |\n")
    assert message == "malformed URL `https;//arxiv.org/abs/1`: ';' instead of ':' after the scheme"


def test_one_problem_per_link() -> None:
    # Malformed and without text: only the first problem found is reported.
    assert len(messages("| A | [](htps://x.org) |\n")) == 1


def test_empty_text_but_badges_are_fine() -> None:
    assert messages("| A | [](https://x.org/a) |\n") == ["link to https://x.org/a has no text"]
    assert messages("| A | [![arXiv](https://img.shields.io/b.svg)](https://x.org/a) |\n") == []
    assert messages('| A | [<img src="https://x.org/b.svg">](https://x.org/a) |\n') == []


def test_empty_destination() -> None:
    assert messages("| A | [TODO]() |\n") == ["empty link destination of link `TODO`"]
    badge = "| A | [![Publish](https://img.shields.io/badge/ICML-blue)]() |\n"
    assert messages(badge) == ["empty link destination of badge `Publish`"]


def test_relative_links() -> None:
    assert messages("| A | [x](docs/a.md) |\n") == [
        "relative link `docs/a.md`; expected an absolute URL"
    ]
    assert messages("| A | [x](//x.org/a) |\n") == [
        "relative link `//x.org/a`; expected an absolute URL"
    ]
    assert messages("| A | [x](#a) [y](mailto:a@x.org) [z](doi:10.1/x) |\n") == []


def test_allow_relative_option() -> None:
    config = '{"rules": {"link-syntax": {"allow_relative": true}}}'
    assert messages("| A | [x](docs/a.md) |\n", config) == []


def test_footnotes_are_not_links() -> None:
    text = "| A | B |\n| - | - |\n| x | y[^1] |\n\n[^1]: 研究目的で公開された\n"
    assert lint_text(text, None, SELECT) == []


def test_columns_that_require_links() -> None:
    config = """{"tables": [{"match": {"columns": ["Title", "Paper"]}, "columns": [
        {"name": "Title"}, {"name": "Paper", "links": "required", "placeholders": ["N/A"]}]}]}"""
    body = (
        "| A | arXiv 2305.10352 |\n"
        "| B | https://arxiv.org/abs/2310.18202 |\n"
        "| C | n/a |\n"
        "| D |  |\n"
        "| E | [arXiv](https://arxiv.org/abs/2310.18202) |\n"
    )
    found = problems(body, config)
    assert [(p.line, p.message) for p in found] == [
        (3, "no link in the Paper column, which requires one"),
        (4, "bare URL https://arxiv.org/abs/2310.18202; expected a [text](url) link"),
    ]
    # A bare URL is fine where links are optional.
    assert messages("| B | https://arxiv.org/abs/2310.18202 |\n") == []


def test_no_fix() -> None:
    text = HEAD + "| A | [x](htps://x.org) |\n"
    found = lint_text(text, None, SELECT)
    assert found and all(p.fix is None for p in found)
    assert fix_text(text, None, SELECT, unsafe_fixes=True).text == text


def test_problem_is_on_the_cell() -> None:
    (p,) = problems("| A | [x](docs/a.md) |\n")
    assert (p.line, p.column, p.end_column) == (3, 7, 7 + len("[x](docs/a.md)"))


def test_link_inside_a_destination() -> None:
    assert messages("| A | [x]([https://a.org/](https://b.org/)) |\n") == [
        "link inside a link destination `[https://a.org/](https://b.org/)`"
    ]

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import Config, config_from_text, default_config
from awesome_lint.fixer import fix_text

SELECT = Selection(frozenset({"arxiv-link"}))
CHAIN = Selection(frozenset({"insecure-link", "tracking-params", "arxiv-link", "pdf-link"}))
HEAD = "| Title | Paper |\n| ----- | ----- |\n"
SEED = Path(__file__).parents[2] / "examples" / "awesome-medical-pretraining.md"


def aligned(config: Config | None) -> Config:
    """The config with tables laid out aligned, as the expected lines are written."""
    return replace(config or default_config(), style="aligned")


def fixed(body: str, selection: Selection = SELECT, config: str | None = None) -> str:
    cfg = config_from_text(config, "test.json") if config else None
    text = fix_text(HEAD + body, aligned(cfg), selection, unsafe_fixes=True).text
    return text.splitlines()[2]


def messages(body: str, config: str | None = None) -> list[str]:
    cfg = config_from_text(config, "test.json") if config else None
    return [p.message for p in lint_text(HEAD + body, cfg, SELECT)]


def test_messages() -> None:
    body = (
        "| A | [x](https://arxiv.org/pdf/2306.11925.pdf) |\n"
        "| B | [x](https://arxiv.org/abs/2306.11925v3) |\n"
        "| C | [x](https://arxiv.org/html/2306.11925) |\n"
        "| D | [x](https://www.arxiv.org/abs/2306.11925) |\n"
    )
    abs_ = "link the abstract page https://arxiv.org/abs/2306.11925"
    assert messages(body) == [
        f"arXiv link to a PDF; {abs_}",
        f"arXiv link to version v3; {abs_}",
        f"arXiv link to the HTML version; {abs_}",
        f"arXiv link not in the usual form; {abs_}",
    ]


def test_http_abstract_link_is_insecure_links_business() -> None:
    assert messages("| A | [x](http://arxiv.org/abs/2306.11925) |\n") == []
    assert messages("| A | [x](http://arxiv.org/pdf/2306.11925) |\n") != []


def test_allow_versions() -> None:
    config = '{"rules": {"arxiv-link": {"allow_versions": true}}}'
    assert messages("| A | [x](https://arxiv.org/abs/2306.11925v2) |\n", config) == []
    assert fixed("| A | [x](https://arxiv.org/pdf/2306.11925v2) |\n", config=config) == (
        "| A     | [x](https://arxiv.org/abs/2306.11925v2) |"
    )


def test_chained_fixes_on_one_url() -> None:
    body = "| A | [x](http://arxiv.org/pdf/2306.11925v2.pdf?utm_source=s) |\n"
    assert fixed(body, CHAIN) == "| A     | [x](https://arxiv.org/abs/2306.11925) |"
    text = HEAD + body
    once = fix_text(text, None, CHAIN, unsafe_fixes=True)
    assert len(once.before) == 3 and once.after == []
    assert fix_text(once.text, None, CHAIN, unsafe_fixes=True).text == once.text


def test_chain_over_two_links_and_an_escaped_pipe() -> None:
    body = (
        "| A | [a \\| b](http://arxiv.org/pdf/2301.12345?utm_source=s) and "
        "[c](https://arxiv.org/abs/2301.12345v1) |\n"
    )
    assert fixed(body, CHAIN) == (
        "| A     | [a \\| b](https://arxiv.org/abs/2301.12345) and "
        "[c](https://arxiv.org/abs/2301.12345) |"
    )


def test_only_the_destination_changes() -> None:
    body = '| A | [https://arxiv.org/pdf/2301.12345](https://arxiv.org/pdf/2301.12345 "pdf") |\n'
    assert fixed(body) == (
        '| A     | [https://arxiv.org/pdf/2301.12345](https://arxiv.org/abs/2301.12345 "pdf") |'
    )


def test_reference_links_cannot_be_fixed_in_place() -> None:
    text = HEAD + "| A | [x][p] |\n\n[p]: https://arxiv.org/pdf/2301.12345\n"
    (p,) = lint_text(text, None, SELECT)
    assert p.fix is None
    assert p.suggestion == "Change the reference definition to https://arxiv.org/abs/2301.12345"
    assert fix_text(text, None, SELECT, unsafe_fixes=True).text == text


def test_seed_list() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert [p.line for p in lint_text(text, None, SELECT)] == [7, 8, 13, 15]
    result = fix_text(text, None, SELECT, unsafe_fixes=True).text
    assert "arxiv.org/pdf" not in result
    for ident in ("2306.11925", "2311.15111", "2302.08958", "2209.07098"):
        assert f"(https://arxiv.org/abs/{ident})" in result

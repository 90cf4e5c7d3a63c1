from __future__ import annotations

from dataclasses import replace

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import Config, config_from_text, default_config
from awesome_lint.fixer import fix_text

SELECT = Selection(frozenset({"insecure-link"}))
HEAD = "| Title | Paper |\n| ----- | ----- |\n"


def aligned(config: Config | None) -> Config:
    """The config with tables laid out aligned, as the expected lines are written."""
    return replace(config or default_config(), style="aligned")


def fixed(body: str, config: str | None = None) -> str:
    cfg = config_from_text(config, "test.json") if config else None
    text = fix_text(HEAD + body, aligned(cfg), SELECT, unsafe_fixes=True).text
    return text.splitlines()[2]


def test_reports_http_to_https_hosts_only() -> None:
    body = "| A | [x](http://arxiv.org/abs/1) [y](http://lab.example.org/) |\n"
    (p,) = lint_text(HEAD + body, None, SELECT)
    assert p.message == "insecure http:// link to arxiv.org, which serves https; use https://"
    assert (p.fix, p.suggestion) == ("unsafe", "Replace with https://arxiv.org/abs/1")


def test_fix_changes_the_scheme_only() -> None:
    assert fixed("| A | [x](http://arxiv.org/abs/1?a=B#C) |\n") == (
        "| A     | [x](https://arxiv.org/abs/1?a=B#C) |"
    )


def test_explicit_port_is_left_alone() -> None:
    assert lint_text(HEAD + "| A | [x](http://github.com:8080/x) |\n", None, SELECT) == []


def test_configured_hosts() -> None:
    config = '{"links": {"https_hosts": ["*.example.edu"]}}'
    assert fixed("| A | [x](http://lab.cs.example.edu/a) |\n", config) == (
        "| A     | [x](https://lab.cs.example.edu/a) |"
    )


def test_angle_bracket_destination() -> None:
    assert fixed("| A | [x](<http://github.com/a(b>) |\n") == (
        "| A     | [x](<https://github.com/a(b>) |"
    )


def test_badge_keeps_its_image_source() -> None:
    body = "| A | [![s](http://img.shields.io/s.svg)](http://github.com/x/y) |\n"
    assert fixed(body) == "| A     | [![s](http://img.shields.io/s.svg)](https://github.com/x/y) |"


def test_escaped_pipe_in_the_cell() -> None:
    assert fixed("| A | [a \\| b](http://github.com/x/y?q=1\\|2) |\n") == (
        "| A     | [a \\| b](https://github.com/x/y?q=1\\|2) |"
    )


def test_reference_and_autolinks_are_reported_without_fix() -> None:
    text = HEAD + "| A | [x][r] <http://github.com/a> |\n\n[r]: http://arxiv.org/abs/1\n"
    found = lint_text(text, None, SELECT)
    assert [(p.fix, p.suggestion) for p in found] == [
        (None, "Change the reference definition to https://arxiv.org/abs/1"),
        (None, "Write https://github.com/a instead"),
    ]
    assert fix_text(text, None, SELECT, unsafe_fixes=True).text == text


def test_safe_fix_leaves_links_alone() -> None:
    text = HEAD + "| A | [x](http://arxiv.org/abs/1) |\n"
    assert "http://arxiv.org" in fix_text(text, None, SELECT).text

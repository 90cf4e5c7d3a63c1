from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import Config, config_from_text, default_config
from awesome_lint.fixer import fix_text
from awesome_lint.urls import strip_tracking, tracking_params

SELECT = Selection(frozenset({"tracking-params"}))
HEAD = "| Title | Paper |\n| ----- | ----- |\n"
SEED = Path(__file__).parents[2] / "examples" / "awesome-medical-pretraining.md"


def aligned(config: Config | None) -> Config:
    """The config with tables laid out aligned, as the expected lines are written."""
    return replace(config or default_config(), style="aligned")


def fixed(body: str, config: str | None = None) -> str:
    cfg = config_from_text(config, "test.json") if config else None
    text = fix_text(HEAD + body, aligned(cfg), SELECT, unsafe_fixes=True).text
    return text.splitlines()[2]


def test_message_lists_the_parameters() -> None:
    body = "| A | [x](https://x.org/a?utm_source=t&id=3&utm_medium=s) |\n"
    (p,) = lint_text(HEAD + body, None, SELECT)
    assert p.message == (
        "tracking parameters utm_source, utm_medium in the URL; expected the URL without them"
    )
    assert (p.fix, p.suggestion) == ("unsafe", "Remove utm_source, utm_medium from the URL")


def test_fix_keeps_the_rest_of_the_url() -> None:
    assert fixed("| A | [x](https://x.org/a?B=1&fbclid=2&c=%20#f) |\n") == (
        "| A     | [x](https://x.org/a?B=1&c=%20#f) |"
    )


def test_configured_parameters_and_prefixes() -> None:
    config = '{"links": {"tracking_params": ["Source", "share_*", "*"]}}'
    assert fixed("| A | [x](https://x.org/a?source=1&SHARE_x=2&shared=3&id=4) |\n", config) == (
        "| A     | [x](https://x.org/a?shared=3&id=4) |"
    )


def test_extra_parameters_in_urls() -> None:
    url = "https://x.org/a?ref_src=1&Ref_Page=2&ref=3"
    assert tracking_params(url, ("ref_*",)) == ["ref_src", "Ref_Page"]
    assert strip_tracking(url, ("ref_*",)) == "https://x.org/a?ref=3"
    assert tracking_params(url, ("*",)) == ["ref_src"]  # a lone * is ignored


def test_pipe_in_the_destination_stays_escaped() -> None:
    assert fixed("| A | [x](https://x.org/a?q=1\\|2&utm_source=t) |\n") == (
        "| A     | [x](https://x.org/a?q=1\\|2) |"
    )


def test_reference_link_without_fix() -> None:
    text = HEAD + "| A | [x][r] |\n\n[r]: https://x.org/?gclid=1\n"
    (p,) = lint_text(text, None, SELECT)
    assert p.fix is None
    assert p.suggestion == "Remove gclid from the URL: https://x.org/"


def test_seed_list() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert [p.line for p in lint_text(text, None, SELECT)] == [16]
    result = fix_text(text, None, SELECT, unsafe_fixes=True).text
    assert "casa_token" not in result
    assert "stamp.jsp?arnumber=9760421&tag=1)" in result

from __future__ import annotations

from venue_tables import PAPER, lint, rows

from awesome_lint.api import Selection
from awesome_lint.fixer import fix_text
from awesome_lint.model import Problem
from awesome_lint.rules import BY_ID

SELECT = Selection(frozenset({"venue-unknown"}))


def problems(text: str, config: str | None = None) -> list[Problem]:
    return lint(text, SELECT, config)


def test_a_near_miss_gets_a_suggestion() -> None:
    (p,) = problems(rows("WACW, 2023"))
    assert p.message == "venue `WACW` is not a known venue; did you mean `WACV`?"
    assert p.suggestion == "Write `WACV`, or add `WACW` to `venues.known` in the config"
    assert p.severity == "warning" and p.fix is None


def test_an_unknown_venue_column_name_is_reported_without_a_suggestion() -> None:
    (p,) = problems(rows("ICPADS 2016"))
    assert p.message == "venue `ICPADS` is not a known venue"


def test_known_venues_names_without_a_year_and_non_venues_are_silent() -> None:
    cells = ("ICCV'23", "NIPS 2019", "FooConf", "TBD", "N/A", "Nov, 2023", "Preprint", "Oral 2023")
    assert problems(rows(*cells)) == []


def test_paper_column_reports_near_misses_only() -> None:
    text = rows(
        "[ICRL'24](https://openreview.net/forum)",
        "[GPT-3 (2020)](https://arxiv.org/abs/2005.14165)",
        "[Neurips Workshop 2019](https://example.org)",
        "[Codex 2021](https://example.org)",
        "[Llama 2](https://example.org)",
        "Scaling Laws 2020",
        head=PAPER,
    )
    found = problems(text)
    assert [(p.line, p.message) for p in found] == [
        (3, "venue `ICRL` is not a known venue; did you mean `ICLR`?")
    ]


def test_the_config_adds_venues() -> None:
    config = '{"venues": {"known": [{"name": "ICPADS"}, {"name": "WACW", "kind": "workshop"}]}}'
    assert problems(rows("ICPADS 2016", "WACW, 2023"), config) == []


def test_no_fix() -> None:
    text = rows("WACW, 2023")
    assert fix_text(text, None, SELECT, unsafe_fixes=True).text == text


def test_documentation() -> None:
    rule = BY_ID["venue-unknown"]
    for section in ("## What it does", "## Why", "## Example", "## Fix"):
        assert section in rule.info.doc
    assert rule.fix_safety is None and rule.severity == "warning"

from __future__ import annotations

import pytest
from venue_tables import PAPER, fixed, lint, rows

from awesome_lint.api import Selection
from awesome_lint.fixer import fix_text
from awesome_lint.model import Problem
from awesome_lint.rules import BY_ID

SELECT = Selection(frozenset({"venue-alias"}))


def problems(text: str, config: str | None = None) -> list[Problem]:
    return lint(text, SELECT, config)


def fixed_cells(text: str, config: str | None = None) -> list[str]:
    return fixed(text, SELECT, config)


@pytest.mark.parametrize(
    ("cell", "message", "expected"),
    [
        (
            "NIPS 2019",
            "venue `NIPS` is an alias of `NeurIPS`; write `NeurIPS 2019`",
            "NeurIPS 2019",
        ),
        (
            "Neurips'23",
            "venue `Neurips` is a variant spelling of `NeurIPS`; write `NeurIPS'23`",
            None,
        ),
        ("Arxiv", "venue `Arxiv` is a variant spelling of `arXiv`; write `arXiv`", None),
        ("PAMI'16 (Oral)", "venue `PAMI` is an alias of `TPAMI`; write `TPAMI'16 (Oral)`", None),
        ("IEEE TMI 2022", "venue `IEEE TMI` is an alias of `TMI`; write `TMI 2022`", None),
    ],
)
def test_messages_and_fix(cell: str, message: str, expected: str | None) -> None:
    (p,) = problems(rows(cell))
    assert p.message == message
    assert p.fix == "unsafe"
    new = message.rsplit("`", 2)[1]
    assert fixed_cells(rows(cell)) == [expected or new]


def test_suggestion() -> None:
    (p,) = problems(rows("NIPS'15"))
    assert p.suggestion == "Replace `NIPS'15` with `NeurIPS'15`"


def test_canonical_names_and_placeholders_are_silent() -> None:
    assert problems(rows("NeurIPS'19", "arXiv", "TPAMI", "N/A", "TBD", "Nature Medicine")) == []


def test_paper_column_needs_a_year() -> None:
    text = rows("[NIPS](https://a.org/1)", "[Arxiv](https://a.org/2)", head=PAPER)
    assert problems(text) == []
    text = rows("[NIPS'15](https://a.org/NIPS'15)", head=PAPER)
    assert fixed_cells(text) == ["[NeurIPS'15](https://a.org/NIPS'15)"]


def test_the_config_can_keep_a_name_or_add_an_alias() -> None:
    assert problems(rows("MIA"))[0].message.startswith("venue `MIA` is an alias")
    keep = '{"venues": {"known": [{"name": "MIA", "kind": "journal"}]}}'
    assert problems(rows("MIA"), keep) == []
    alias = '{"venues": {"aliases": {"NeurIPS-W": "NeurIPS"}}}'
    assert fixed_cells(rows("NeurIPS-W'23"), alias) == ["NeurIPS'23"]


def test_no_fix_when_markup_splits_the_name() -> None:
    text = rows("*NIPS* 2019")
    (p,) = problems(text)
    assert p.fix is None
    assert fix_text(text, None, SELECT, unsafe_fixes=True).text == text


def test_documentation() -> None:
    rule = BY_ID["venue-alias"]
    for section in ("## What it does", "## Why", "## Example", "## Fix"):
        assert section in rule.info.doc
    assert rule.fix_safety == "unsafe"

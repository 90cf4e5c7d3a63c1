"""Hand-judged findings on the fixture inputs (tests/labels.tsv), in the format of the
trust check's labels: a rule must report something on a line (`present`), exactly one
problem (`once`) or nothing (`absent`), with the built-in config."""

from __future__ import annotations

import csv
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from awesome_lint.api import lint_text

HERE = Path(__file__).parent
LABELS = list(
    csv.DictReader((HERE / "labels.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t")
)


@cache
def _counts(file: str) -> Counter[tuple[int, str]]:
    text = (HERE / "fixtures" / file).read_text(encoding="utf-8")
    return Counter((p.line, p.rule) for p in lint_text(text))


@pytest.mark.parametrize(
    "label", LABELS, ids=[f"{r['file']}:{r['line']}:{r['rule']}" for r in LABELS]
)
def test_label(label: dict[str, str]) -> None:
    assert label["mode"] == "default"
    found = _counts(label["file"])[(int(label["line"]), label["rule"])]
    expected = {"present": found > 0, "once": found == 1, "absent": found == 0}[label["expect"]]
    assert expected, f"{label['expect']}, found {found}: {label['note']}"

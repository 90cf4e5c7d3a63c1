"""The differential fuzzer, bounded: generated documents read by us and by cmark-gfm.

Each document of `documents.document` (tables mixed with every block and inline
construct, see there) must show no difference in `differential.differences`: the tables
and cells `export` finds are the ones cmark-gfm renders, a safe `--fix` leaves cmark-gfm's
rendering as it was, `--fix --unsafe-fixes` leaves everything but the cells' contents as
it was, and no fix the check offers is refused. The documents come from seeds 0..N-1
(N: AWESOME_LINT_DIFF_DOCUMENTS, 2,000 by default; AWESOME_LINT_DIFF_SEED moves the
start), so a failure names its seed and reproduces. The long run with a minimiser is
`python tests/fuzz/long_run.py` (see README.md). Every file of tests/gfm_exact/, the
minimised cases of the classes found so far, passes the same checks.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from differential import differences
from documents import document

COUNT = int(os.environ.get("AWESOME_LINT_DIFF_DOCUMENTS", "2000"))
START = int(os.environ.get("AWESOME_LINT_DIFF_SEED", "0"))
CASES = Path(__file__).resolve().parents[1] / "gfm_exact"


def test_generated_documents_read_as_cmark_gfm_reads_them() -> None:
    failures = []
    for seed in range(START, START + COUNT):
        text = document(random.Random(seed))
        found = differences(text)
        if found:
            failures.append(f"seed {seed}: {found[0]}: {text[:200]!r}")
    assert not failures, f"{len(failures)} of {COUNT} documents differ:\n" + "\n".join(
        failures[:10]
    )


@pytest.mark.parametrize("case", sorted(CASES.glob("*.md")), ids=lambda p: p.stem)
def test_regression_case(case: Path) -> None:
    text = case.read_bytes().decode("utf-8")
    assert differences(text) == []


def test_the_generator_mixes_what_it_promises() -> None:
    texts = "".join(document(random.Random(seed)) for seed in range(300))
    for construct in (
        "- [x]",
        "\r\n",
        "\x0b",
        "<![CDATA[",
        "<!--",
        "<?php",
        "<script>",
        "<div>",
        "<custom-tag",
        "]: /",
        "> ",
        "```",
        "    | a |",
        "~~",
    ):
        assert construct in texts, construct

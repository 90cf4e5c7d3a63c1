"""The corpus judge (../shared/tools/corpus_check.py): GitHub's renderer against the tool."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
JUDGE = SHARED / "tools" / "corpus_check.py"
pytestmark = pytest.mark.skipif(not JUDGE.exists(), reason="needs ../shared")


@pytest.mark.parametrize(
    "args",
    [
        ["corpus", "seed-README.md"],
        ["--unsafe", "corpus", "seed-README.md"],
        ["gfm-tests"],
    ],
    ids=["safe", "unsafe", "gfm-tests"],
)
def test_the_corpus_judge_passes(args: list[str]) -> None:
    paths = [a if a.startswith("--") else str(SHARED / a) for a in args]
    result = subprocess.run(
        [sys.executable, str(JUDGE), "--cmd", f"{sys.executable} -m awesome_lint", *paths],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert result.stdout.rstrip().endswith(" 0 failed"), result.stdout[-3000:]

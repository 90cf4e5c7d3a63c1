"""Two-column tables of venues, as the venue rules' tests write them, and running one rule."""

from __future__ import annotations

from awesome_lint.api import Selection, lint_text
from awesome_lint.config import config_from_text
from awesome_lint.fixer import fix_text
from awesome_lint.model import Problem

VENUE = "| Title | Venue |\n| ----- | ----- |\n"
PAPER = "| Title | Paper |\n| ----- | ----- |\n"


def rows(*cells: str, head: str = VENUE) -> str:
    """A table under `head` with one row a cell: titles A, B, ... beside the cells."""
    return head + "".join(f"| {chr(65 + i)} | {cell} |\n" for i, cell in enumerate(cells))


def lint(text: str, selection: Selection, config: str | None = None) -> list[Problem]:
    cfg = config_from_text(config, "test.json") if config else None
    return lint_text(text, cfg, selection)


def fixed(text: str, selection: Selection, config: str | None = None) -> list[str]:
    """The second cell of each body row after `--fix --unsafe-fixes`."""
    cfg = config_from_text(config, "test.json") if config else None
    result = fix_text(text, cfg, selection, unsafe_fixes=True).text
    return [line.split("|")[2].strip() for line in result.splitlines()[2:] if line.startswith("|")]

"""The fixture folders under tests/fixtures, shared by the rule tests and the CLI tests.

A case is a folder holding `input.md` and:
- `expected.txt`: the text report of `awesome-lint input.md` (no colour), as a user sees it;
- `expected.md` (optional): the file after `awesome-lint --fix input.md`; without it, --fix
  must leave the file unchanged;
- `args` (optional): extra command-line arguments, one line (e.g. `--unsafe-fixes`);
- `config.json` (optional): the case's `.awesome-lint.json`.
Cases under `tests/fixtures/<rule-id>/` run with `--select <rule-id>` unless `args` has a
`--select` of its own.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from awesome_lint.rules import BY_ID

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Case:
    folder: Path

    @property
    def id(self) -> str:
        return str(self.folder.relative_to(FIXTURES))

    @property
    def input(self) -> str:
        return (self.folder / "input.md").read_bytes().decode("utf-8")

    @property
    def expected_report(self) -> str:
        return (self.folder / "expected.txt").read_text(encoding="utf-8")

    @property
    def expected_fixed(self) -> str | None:
        path = self.folder / "expected.md"
        return path.read_bytes().decode("utf-8") if path.exists() else None

    @property
    def config(self) -> Path | None:
        path = self.folder / "config.json"
        return path if path.exists() else None

    @property
    def args(self) -> list[str]:
        path = self.folder / "args"
        args = shlex.split(path.read_text(encoding="utf-8")) if path.exists() else []
        rule = self.folder.relative_to(FIXTURES).parts[0]
        if rule in BY_ID and "--select" not in args:
            args = ["--select", rule, *args]
        return args

    def option(self, name: str) -> list[str]:
        args = self.args
        return [args[i + 1] for i, a in enumerate(args[:-1]) if a == name]

    def flag(self, name: str) -> bool:
        return name in self.args


def cases() -> list[Case]:
    return sorted(
        (Case(p.parent) for p in FIXTURES.rglob("input.md")), key=lambda c: c.id
    )

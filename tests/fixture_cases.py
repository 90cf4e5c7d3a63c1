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

from awesome_lint.api import Selection
from awesome_lint.config import Config, default_config, load_config
from awesome_lint.fixer import FixResult, fix_text
from awesome_lint.reporters import FileReport, format_reports
from awesome_lint.rules import BY_ID, INFOS

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
    return sorted((Case(p.parent) for p in FIXTURES.rglob("input.md")), key=lambda c: c.id)


def selection(case: Case) -> Selection:
    select = {r for v in case.option("--select") for r in v.split(",")}
    ignore = {r for v in case.option("--ignore") for r in v.split(",")}
    return Selection(frozenset(select), frozenset(ignore))


def config(case: Case) -> Config:
    return load_config(case.config) if case.config else default_config()


def run(case: Case) -> tuple[str, FixResult]:
    """The case's text report (as `awesome-lint input.md` prints it) and its fix."""
    unsafe = case.flag("--unsafe-fixes")
    result = fix_text(case.input, config(case), selection(case), unsafe_fixes=unsafe)
    report = format_reports(
        [FileReport("input.md", tuple(result.before), case.input)],
        "text",
        rules=INFOS,
        unsafe_fixes=unsafe,
    )
    return report, result

"""The online venue rules' documentation, read from their docstrings as for the other rules."""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from awesome_lint.model import RuleInfo
from awesome_lint.rules import _info


def rule_infos(modules: Iterable[ModuleType]) -> dict[str, RuleInfo]:
    return {module.ID: _info(module) for module in modules}

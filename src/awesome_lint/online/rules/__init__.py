"""The online rules, one module each; their docstrings are their documentation."""

from __future__ import annotations

from types import ModuleType

from awesome_lint.model import RuleInfo, Severity
from awesome_lint.online.rules import (
    dead_link,
    redirected_link,
    repo_archived,
    repo_missing,
    repo_moved,
    unverifiable,
)
from awesome_lint.scholar import venue_mismatch, venue_outdated

MODULES: tuple[ModuleType, ...] = (
    dead_link,
    redirected_link,
    unverifiable,
    repo_moved,
    repo_archived,
    repo_missing,
    venue_outdated,
    venue_mismatch,
)


def _info(module: ModuleType) -> RuleInfo:
    doc = (module.__doc__ or "").strip()
    summary = doc.splitlines()[0].strip()
    why = doc.split("## Why", 1)[1].strip().split("\n\n")[0] if "## Why" in doc else ""
    return RuleInfo(module.ID, summary, " ".join(why.split()), module.FIX, doc)


INFOS: dict[str, RuleInfo] = {m.ID: _info(m) for m in MODULES}
SEVERITIES: dict[str, Severity] = {m.ID: getattr(m, "SEVERITY", "error") for m in MODULES}

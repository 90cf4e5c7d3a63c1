"""The rules, one module each, registered by hand (`_NAMES`) in the order `awesome-lint rules`
lists them. CONTRIBUTING.md says how to add one.

A rule module has:
- a docstring: its first line says what the rule finds; the sections `## What it does`,
  `## Why`, `## Example` and `## Fix` are its documentation (`awesome-lint rules ID`, the
  README, SARIF);
- `ID`, the stable kebab-case id named after the problem, and `FIX`: "safe", "unsafe" or
  None, the safety of the fix for its problems;
- optionally `SEVERITY` ("error" unless it says "warning") and `OPTIONS`, the JSON Schema
  properties of its options, each with a default (the config schema's `rules` part is
  generated from them: `python tests/update_readme.py`);
- optionally `ALIASES`, former ids still accepted in configs, --select/--ignore and comments;
- `check(bound, ctx)` yielding the problems of one table, or `check_document(ctx)` for
  rules that look across tables;
- optionally `fix(bound, table, ctx) -> Table`, when fixing needs more than re-rendering
  the table (which completes short rows and lays out padding).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from types import ModuleType
from typing import Any, NamedTuple, cast

from awesome_lint.model import FixSafety, Problem, RuleInfo, Severity, Table
from awesome_lint.rules.base import Context
from awesome_lint.tableschema import BoundTable

# The registry: one line a rule, in the order `awesome-lint rules` lists them.
_NAMES = (
    "ragged_row",
    "empty_row",
    "table_format",
    "header_mismatch",
    "empty_cell",
    "link_syntax",
    "insecure_link",
    "tracking_params",
    "arxiv_link",
    "pdf_link",
    "link_host",
    "venue_format",
    "venue_alias",
    "venue_unknown",
    "duplicate_entry",
    "invalid_cell",
    "row_order",
    "unused_disable",
)
_MODULES: tuple[ModuleType, ...] = tuple(
    importlib.import_module(f"awesome_lint.rules.{name}") for name in _NAMES
)

TableCheck = Callable[[BoundTable, Context], Iterable[Problem]]
DocumentCheck = Callable[[Context], Iterable[Problem]]
TableFix = Callable[[BoundTable, Table, Context], Table]


class Rule(NamedTuple):
    id: str
    aliases: tuple[str, ...]
    fix_safety: FixSafety | None
    severity: Severity
    options: Mapping[str, Any]
    info: RuleInfo
    check: TableCheck | None
    check_document: DocumentCheck | None
    fix: TableFix | None


def _sections(doc: str) -> dict[str, str]:
    parts = re.split(r"^## +(.+)$", doc, flags=re.MULTILINE)
    return {title.strip(): body.strip() for title, body in zip(parts[1::2], parts[2::2])}


def _info(module: ModuleType) -> RuleInfo:
    doc = (module.__doc__ or "").strip()
    summary = doc.splitlines()[0].strip() if doc else ""
    why = " ".join(_sections(doc).get("Why", "").split("\n\n")[0].split())
    return RuleInfo(module.ID, summary, why, module.FIX, doc)


def _rule(module: ModuleType) -> Rule:
    return Rule(
        id=module.ID,
        aliases=tuple(getattr(module, "ALIASES", ())),
        fix_safety=module.FIX,
        severity=getattr(module, "SEVERITY", "error"),
        options=getattr(module, "OPTIONS", {}),
        info=_info(module),
        check=cast("TableCheck | None", getattr(module, "check", None)),
        check_document=cast("DocumentCheck | None", getattr(module, "check_document", None)),
        fix=cast("TableFix | None", getattr(module, "fix", None)),
    )


RULES: tuple[Rule, ...] = tuple(_rule(m) for m in _MODULES)
BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
INFOS: dict[str, RuleInfo] = {rule.id: rule.info for rule in RULES}
ALIASES: dict[str, str] = {alias: rule.id for rule in RULES for alias in rule.aliases}


def resolve(name: str) -> str:
    """The id of the rule called `name`: its id, or a former id (see ALIASES)."""
    return ALIASES.get(name, name)


def rules_schema() -> dict[str, Any]:
    """The `rules` part of `schema/config.schema.json`: each rule's severity and options, as
    the rules declare them (`tests/update_readme.py` writes it into the file)."""
    properties: dict[str, Any] = {}
    for rule in RULES:
        if not rule.options:
            properties[rule.id] = {"$ref": "#/$defs/rule"}
            continue
        options = {"severity": {"$ref": "#/$defs/severity"}, **rule.options}
        properties[rule.id] = {
            "oneOf": [
                {"$ref": "#/$defs/severity"},
                {"type": "object", "additionalProperties": False, "properties": options},
            ]
        }
    for alias, rule_id in ALIASES.items():
        properties[alias] = {
            **properties[rule_id],
            "description": f"The former id of {rule_id}.",
            "deprecated": True,
        }
    return {
        "type": "object",
        "description": 'Per rule: "error", "warning" or "off", or an object with'
        ' "severity" and the rule\'s options.',
        "additionalProperties": False,
        "properties": properties,
    }


def rules_markdown() -> str:
    """The README's rule table: id, fix safety, default severity, what it finds and why."""
    lines = ["| rule | fix | default | what it finds | why |", "|---|---|---|---|---|"]
    for rule in RULES:
        why = rule.info.why.replace("|", "\\|")
        summary = rule.info.summary.replace("|", "\\|")
        fix = rule.fix_safety or "-"
        lines.append(f"| `{rule.id}` | {fix} | {rule.severity} | {summary} | {why} |")
    return "\n".join(lines) + "\n"

"""The reports code-review systems read: GitLab's Code Quality report and SARIF.

Each takes the problems as (path, problem) pairs, already sorted, and returns the JSON value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from awesome_lint.model import Problem, RuleInfo, Severity

TOOL_NAME = "awesome-lint"
INFORMATION_URI = "https://github.com/awesome-lint/awesome-lint"
SARIF_SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

# Widest source line the full format shows before it clips around the problem.
_WINDOWS_ABSOLUTE = re.compile(r"^[A-Za-z]:[\\/]")


# GitLab Code Quality knows info, minor, major, critical and blocker.
_GITLAB_SEVERITY: dict[Severity, str] = {"error": "major", "warning": "minor"}


def gitlab_report(found: Sequence[tuple[str, Problem]]) -> list[dict[str, Any]]:
    """GitLab's Code Quality report: what makes findings show in a merge request.

    The fingerprint leaves the line out, so that a finding keeps its identity when lines
    are added above it; the same message twice in a file is told apart by its rank.
    """
    import hashlib

    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for path, p in found:
        key = (path, p.rule, p.message)
        rank = seen[key] = seen.get(key, -1) + 1
        digest = hashlib.sha256("\0".join((*key, str(rank))).encode("utf-8")).hexdigest()
        out.append(
            {
                "description": p.message,
                "check_name": p.rule,
                "fingerprint": digest,
                "severity": _GITLAB_SEVERITY[p.severity],
                "location": {
                    "path": path.replace("\\", "/").removeprefix("./"),
                    "lines": {"begin": p.line, "end": p.end_line},
                },
            }
        )
    return out


def sarif_log(
    found: Sequence[tuple[str, Problem]], rules: Mapping[str, RuleInfo], tool_version: str
) -> dict[str, Any]:
    """One run: the rules that fired, the files they fired in, every result."""
    rule_ids = sorted({p.rule for _, p in found})
    rule_index = {rule: i for i, rule in enumerate(rule_ids)}
    paths = sorted({path for path, _ in found})
    path_index = {path: i for i, path in enumerate(paths)}
    descriptors = []
    for rule in rule_ids:
        severities = {p.severity for _, p in found if p.rule == rule}
        descriptors.append(
            _sarif_rule(rule, rules.get(rule), "error" if "error" in severities else "warning")
        )
    results = []
    for path, p in found:
        location = {**_artifact_location(path), "index": path_index[path]}
        result: dict[str, Any] = {
            "ruleId": p.rule,
            "ruleIndex": rule_index[p.rule],
            "level": p.severity,
            "message": {"text": p.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": {
                            "startLine": p.line,
                            "startColumn": p.column,
                            "endLine": p.end_line,
                            "endColumn": p.end_column,
                        },
                    }
                }
            ],
        }
        if p.fix is not None or p.suggestion or p.data:
            extra = {"fix": p.fix, "suggestion": p.suggestion, **dict(p.data)}
            result["properties"] = {k: v for k, v in extra.items() if v is not None}
        results.append(result)
    driver = {
        "name": TOOL_NAME,
        "version": tool_version,
        "informationUri": INFORMATION_URI,
        "rules": descriptors,
    }
    run = {
        "tool": {"driver": driver},
        "artifacts": [{"location": _artifact_location(path)} for path in paths],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _sarif_rule(rule: str, info: RuleInfo | None, level: Severity) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"id": rule}
    if info is not None:
        descriptor["shortDescription"] = {"text": info.summary}
        descriptor["fullDescription"] = {"text": info.why}
        descriptor["help"] = {"text": info.doc, "markdown": info.doc}
        descriptor["properties"] = {"fix": info.fix}
    descriptor["defaultConfiguration"] = {"level": level}
    return descriptor


def _artifact_location(path: str) -> dict[str, str]:
    """A file's SARIF location: relative paths against %SRCROOT%, absolute ones as file URIs."""
    posix = path.replace("\\", "/")
    if _WINDOWS_ABSOLUTE.match(path):
        return {"uri": "file:///" + quote(posix, safe="/:")}
    if posix.startswith("/"):
        return {"uri": "file://" + quote(posix, safe="/")}
    posix = posix.removeprefix("./")
    return {"uri": quote(posix, safe="/"), "uriBaseId": "%SRCROOT%"}

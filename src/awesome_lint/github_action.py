"""The GitHub Action's check step (`action.yml`): run awesome-lint, annotate, summarise.

Everything comes from environment variables, never from text pasted into a shell script:
- `INPUT_FILES`: files or folders, one per line (names may hold spaces, `;`, quotes);
- `INPUT_ARGS`: more options, split as a shell would split them but never evaluated;
- `INPUT_SARIF_FILE`: where to write a SARIF report as well ('' for none; with
  `INPUT_UPLOAD_SARIF` "true", `awesome-lint.sarif`);
- `INPUT_ONLINE`: "" (off), "all" (`--online`) or "changed" (`--online --changed-since`
  the pull request's base, `INPUT_BASE`, else `HEAD~1`);
- `GITHUB_STEP_SUMMARY`, `GITHUB_OUTPUT`: the runner's files for the job summary and the
  step's outputs (`findings`, `errors`, `warnings`, `sarif-file`).

GitHub shows at most 10 error and 10 warning annotations a step; the log says how many more
there are, and the job summary lists every finding (up to SUMMARY_ROWS) with links.
The exit code is awesome-lint's (0 clean, 1 findings, 2 errors).
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

# GitHub's limits: annotations shown a step, per severity; a step summary's size.
ANNOTATIONS_SHOWN = 10
SUMMARY_ROWS = 1000


class InputError(Exception):
    """An input the action cannot use; the message says which and why."""


def command_line(env: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """The extra options and the paths, from the action's inputs."""
    try:
        options = shlex.split(env.get("INPUT_ARGS", ""))
    except ValueError as exc:
        raise InputError(f"args: {exc}") from None
    paths = [line.strip() for line in env.get("INPUT_FILES", "").splitlines() if line.strip()]
    online = env.get("INPUT_ONLINE", "").strip()
    if online == "all":
        options.append("--online")
    elif online == "changed":
        options += ["--online", "--changed-since", env.get("INPUT_BASE", "").strip() or "HEAD~1"]
    elif online:
        raise InputError(f'online: expected "changed" or "all", not {online!r}')
    return options, paths


def _awesome_lint(options: Sequence[str], fmt: str, paths: Sequence[str]) -> Any:
    # The action's format comes after the user's options: for click the last one counts.
    # `--` ends the options, so that a file named like an option stays a file.
    argv = [sys.executable, "-m", "awesome_lint", *options, "--output-format", fmt]
    return subprocess.run([*argv, "--", *paths] if paths else argv, capture_output=True)


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell of the summary."""
    text = " ".join(text.split())
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "&#124;")):
        text = text.replace(char, entity)
    return text


def _link(path: str, line: int, env: Mapping[str, str]) -> str:
    label = _cell(f"{path}:{line}").replace("[", "\\[").replace("]", "\\]")
    repository, sha = env.get("GITHUB_REPOSITORY"), env.get("GITHUB_SHA")
    if not repository or not sha or path.startswith("/"):
        return label
    server = env.get("GITHUB_SERVER_URL", "https://github.com")
    target = quote(path.replace("\\", "/").removeprefix("./"))
    return f"[{label}]({server}/{repository}/blob/{sha}/{target}#L{line})"


def summary(findings: Sequence[Mapping[str, Any]], env: Mapping[str, str]) -> str:
    """The job summary: counts per rule, then every finding with a link to its line."""
    errors = sum(f["severity"] == "error" for f in findings)
    warnings = len(findings) - errors
    files = len({f["path"] for f in findings})
    lines = ["## awesome-lint", ""]
    if not findings:
        return "\n".join([*lines, "All checks passed.", ""])
    lines += [
        f"**{len(findings)} findings** in {files} file{'s' if files != 1 else ''}:"
        f" {errors} error{'s' if errors != 1 else ''},"
        f" {warnings} warning{'s' if warnings != 1 else ''}.",
        "",
        "| rule | severity | findings |",
        "|---|---|---:|",
    ]
    by_rule = Counter((f["rule"], f["severity"]) for f in findings)
    for (rule, severity), n in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"| `{rule}` | {severity} | {n} |")
    lines += ["", "| where | rule | severity | message |", "|---|---|---|---|"]
    for f in findings[:SUMMARY_ROWS]:
        where = _link(f["path"], f["line"], env)
        lines.append(f"| {where} | `{f['rule']}` | {f['severity']} | {_cell(f['message'])} |")
    if len(findings) > SUMMARY_ROWS:
        lines += ["", f"{len(findings) - SUMMARY_ROWS} more: run awesome-lint to see them all."]
    return "\n".join([*lines, ""])


def beyond_annotations(findings: Sequence[Mapping[str, Any]]) -> str | None:
    """The log line saying how many findings GitHub does not show as annotations."""
    counts = Counter(f["severity"] for f in findings)
    hidden = sum(max(0, n - ANNOTATIONS_SHOWN) for n in counts.values())
    if not hidden:
        return None
    return (
        f"awesome-lint: {len(findings)} findings ({counts['error']} errors,"
        f" {counts['warning']} warnings); GitHub shows {ANNOTATIONS_SHOWN} of each kind as"
        f" annotations, so {hidden} more are only in this log and in the job summary."
    )


def _append(path: str | None, text: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(text)


def run(env: Mapping[str, str]) -> int:
    try:
        options, paths = command_line(env)
    except InputError as exc:
        print(f"awesome-lint: {exc}", file=sys.stderr)
        return 2
    annotated = _awesome_lint(options, "github", paths)
    sys.stdout.buffer.write(annotated.stdout)
    sys.stdout.flush()
    sys.stderr.buffer.write(annotated.stderr)  # files that could not be checked, and why
    sys.stderr.flush()
    code = int(annotated.returncode)
    if code not in (0, 1, 2):
        return code
    listed = _awesome_lint(options, "json", paths)
    try:
        findings: list[dict[str, Any]] = json.loads(listed.stdout or b"[]")
    except ValueError:
        findings = []
        print("awesome-lint: no findings to summarise (see the log above)", file=sys.stderr)
    note = beyond_annotations(findings)
    if note:
        print(note)
    _append(env.get("GITHUB_STEP_SUMMARY"), summary(findings, env))
    errors = sum(f.get("severity") == "error" for f in findings)
    outputs: dict[str, object] = {
        "findings": len(findings),
        "errors": errors,
        "warnings": len(findings) - errors,
    }
    sarif_file = env.get("INPUT_SARIF_FILE", "").strip()
    if not sarif_file and env.get("INPUT_UPLOAD_SARIF", "").strip().lower() == "true":
        sarif_file = "awesome-lint.sarif"
    if "\n" in sarif_file or "\r" in sarif_file:
        print("awesome-lint: sarif-file: one path, on one line", file=sys.stderr)
        return 2
    if sarif_file:
        sarif = _awesome_lint(options, "sarif", paths)
        with open(sarif_file, "wb") as f:
            f.write(sarif.stdout)
        outputs["sarif-file"] = sarif_file
    _append(env.get("GITHUB_OUTPUT"), "".join(f"{k}={v}\n" for k, v in outputs.items()))
    return code


def main() -> int:
    return run(os.environ)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

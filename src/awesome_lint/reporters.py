"""Problems -> output: text, concise, full, json, github, gitlab and sarif.

The only place that formats problems. Every format returns the whole output as one string,
ending in a newline unless it is empty; the caller writes it as it is.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Literal, NamedTuple, get_args

from awesome_lint.code_review import gitlab_report, sarif_log
from awesome_lint.model import Problem, RuleInfo, Severity
from awesome_lint.width import display_width

OutputFormat = Literal["text", "concise", "full", "json", "github", "gitlab", "sarif"]
OUTPUT_FORMATS: tuple[str, ...] = get_args(OutputFormat)

SNIPPET_WIDTH = 100
_SNIPPET_LEFT_CONTEXT = 30
_ELLIPSIS = "…"
_TAB = "    "

_BOLD = "1"
_SEVERITY_STYLE: dict[Severity, tuple[str, ...]] = {"error": ("1", "31"), "warning": ("1", "33")}
_GUTTER_STYLE = ("1", "34")
_PASSED_STYLE = ("1", "32")

_NEWLINE = re.compile(r"\r\n|\r|\n")


class FileReport(NamedTuple):
    """The problems left in one file, with the file's text (or its lines, split at LF, CRLF
    and CR) for the full format's snippets."""

    path: str
    problems: tuple[Problem, ...]
    source: str | tuple[str, ...] = ""


class _Entry(NamedTuple):
    report: FileReport
    problem: Problem

    @property
    def path(self) -> str:
        return self.report.path


def format_reports(
    reports: Iterable[FileReport],
    fmt: OutputFormat,
    *,
    rules: Mapping[str, RuleInfo],
    color: bool = False,
    tool_version: str = "0.0.0",
    unsafe_fixes: bool = False,
    fixed: int = 0,
    unchecked: int = 0,
    quiet: bool = False,
) -> str:
    """Format every problem of `reports` in `fmt`, sorted by path, line and column.

    `unsafe_fixes` says whether `--unsafe-fixes` was given, `fixed` how many problems a
    `--fix` run already fixed (they are not in `reports`), `unchecked` how many files could
    not be checked (their errors are printed apart); they only change the wording. `quiet`
    leaves the closing summary out of the text and full formats.
    """
    reports = tuple(reports)
    entries = _sorted_entries(reports)
    closing = (
        []
        if quiet or fmt not in ("text", "full")
        else [
            summary(
                reports, unsafe_fixes=unsafe_fixes, fixed=fixed, unchecked=unchecked, color=color
            )
        ]
    )
    if fmt == "text":
        return _join([*(_header(e, color) for e in entries), *closing])
    if fmt == "concise":
        return _join(_concise(e, color) for e in entries)
    if fmt == "full":
        blocks = [*(_full(e, rules, color, unsafe_fixes) for e in entries), *closing]
        return "\n\n".join(blocks) + "\n" if blocks else ""
    if fmt == "json":
        return json.dumps([_json_item(e) for e in entries], indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        return _join(_github(e) for e in entries)
    if fmt == "gitlab":
        found = [(e.path, e.problem) for e in entries]
        return json.dumps(gitlab_report(found), indent=2, ensure_ascii=False) + "\n"
    if fmt == "sarif":
        log = sarif_log([(e.path, e.problem) for e in entries], rules, tool_version)
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(OUTPUT_FORMATS)}")


def statistics(reports: Iterable[FileReport], output_format: str) -> str:
    """`--statistics`: problems per rule, most first; a table with a header, JSON for json."""
    problems = [p for r in reports for p in r.problems]
    counts = Counter(p.rule for p in problems)
    fixes = {p.rule: p.fix for p in problems}
    # A rule is an error in the table if any of its problems is one.
    errors = {p.rule for p in problems if p.severity == "error"}
    severity = {rule: "error" if rule in errors else "warning" for rule in counts}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if output_format == "json":
        rows = [
            {"rule": rule, "count": n, "severity": severity[rule], "fix": fixes[rule]}
            for rule, n in ranked
        ]
        return json.dumps(rows, indent=2) + "\n"
    if not ranked:
        return "No problems.\n"
    width = max(len("rule"), *(len(rule) for rule in counts))
    lines = [f"{'count':>6}  {'rule':<{width}}  {'severity':<8}  fix"]
    for rule, n in ranked:
        lines.append(f"{n:6d}  {rule:<{width}}  {severity[rule]:<8}  {fixes[rule] or '-'}")
    return "\n".join(lines) + "\n"


def summary(
    reports: Iterable[FileReport],
    *,
    unsafe_fixes: bool = False,
    fixed: int = 0,
    unchecked: int = 0,
    color: bool = False,
) -> str:
    """The closing line: how many problems are left, in how many files, and what --fix can do.

    Files with errors (unreadable, not UTF-8, not fixed, ...: `unchecked`) never let a run
    say that all checks passed.
    """
    reports = tuple(reports)
    problems = [p for r in reports for p in r.problems]
    files = len({r.path for r in reports if r.problems})
    if unchecked:
        return _summary_line(problems, files, unsafe_fixes, fixed, color) + (
            f" {_count(unchecked, 'file')} with errors, see above."
        )
    if not problems:
        done = f"Fixed {_count(fixed, 'problem')}; all checks passed." if fixed else ""
        return _style(done or "All checks passed.", _PASSED_STYLE, color)
    return _summary_line(problems, files, unsafe_fixes, fixed, color)


def _summary_line(
    problems: list[Problem], files: int, unsafe_fixes: bool, fixed: int, color: bool
) -> str:
    if not problems:
        line = (
            f"Fixed {_count(fixed, 'problem')}, no problems left."
            if fixed
            else "No problems in the files checked."
        )
        return _style(line, (_BOLD,), color)
    safe = sum(p.fix == "safe" for p in problems)
    unsafe = sum(p.fix == "unsafe" for p in problems)
    if fixed:
        # After --fix: "Fixed 12 problems (3 more fixable with --unsafe-fixes), 2 remaining."
        more = [f"{safe} more fixable with --fix"] if safe else []
        if unsafe and not unsafe_fixes:
            more.append(f"{unsafe} more fixable with --unsafe-fixes")
        line = f"Fixed {_count(fixed, 'problem')}" + (f" ({', '.join(more)})" if more else "")
        return _style(line, (_BOLD,), color) + f", {len(problems)} remaining."
    line = f"Found {_found(problems)} in {_count(files, 'file')}"
    hints = _fix_hints(safe, unsafe, unsafe_fixes)
    return _style(line, (_BOLD,), color) + (f" ({', '.join(hints)})." if hints else ".")


def _found(problems: list[Problem]) -> str:
    """`3 problems`, `6 warnings` when none is an error, `16 problems (10 errors, 6 warnings)`."""
    warnings = sum(p.severity == "warning" for p in problems)
    if warnings == len(problems):
        return _count(warnings, "warning")
    found = _count(len(problems), "problem")
    if warnings:
        errors = _count(len(problems) - warnings, "error")
        return f"{found} ({errors}, {_count(warnings, 'warning')})"
    return found


def _fix_hints(safe: int, unsafe: int, unsafe_fixes: bool) -> list[str]:
    if unsafe_fixes:
        return [f"{safe + unsafe} fixable with --fix"] if safe + unsafe else []
    hints = [f"{safe} fixable with --fix"] if safe else []
    if unsafe:
        hints.append(
            f"{unsafe} more with --unsafe-fixes"
            if safe
            else f"{unsafe} fixable with --fix --unsafe-fixes"
        )
    return hints


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _sorted_entries(reports: Iterable[FileReport]) -> list[_Entry]:
    entries = [_Entry(r, p) for r in reports for p in r.problems]
    entries.sort(key=_entry_order)
    return entries


def _entry_order(e: _Entry) -> tuple[Any, ...]:
    # By path, then as problems order themselves (their fields in order), compared as one
    # tuple: a large list has a hundred thousand problems to sort.
    p = e.problem
    fields = (p.line, p.column, p.end_line, p.end_column, p.rule, p.message, p.severity)
    return (e.report.path, *fields, p.fix, p.suggestion, p.data)


def _join(lines: Iterable[str]) -> str:
    text = "\n".join(lines)
    return text + "\n" if text else ""


def _style(text: str, codes: tuple[str, ...], color: bool) -> str:
    if not color:
        return text
    return f"\x1b[{';'.join(codes)}m{text}\x1b[0m"


def _location(e: _Entry, color: bool) -> str:
    return f"{_style(e.path, (_BOLD,), color)}:{e.problem.line}:{e.problem.column}"


def _header(e: _Entry, color: bool) -> str:
    rule = _style(e.problem.rule, _SEVERITY_STYLE[e.problem.severity], color)
    return f"{_location(e, color)}: {rule} {e.problem.message}"


def _concise(e: _Entry, color: bool) -> str:
    rule = _style(e.problem.rule, _SEVERITY_STYLE[e.problem.severity], color)
    return f"{_location(e, color)}: {e.problem.message} [{rule}]"


def _full(e: _Entry, rules: Mapping[str, RuleInfo], color: bool, unsafe_fixes: bool) -> str:
    p = e.problem
    lines = [_header(e, color)]
    gutter = " " * len(str(p.line))
    bar = _style(f"{gutter} |", _GUTTER_STYLE, color)
    snippet = _snippet(e.report.source, p)
    if snippet is not None:
        text, offset, length = snippet
        number = _style(f"{p.line} |", _GUTTER_STYLE, color)
        carets = _style("^" * length, _SEVERITY_STYLE[p.severity], color)
        lines += [bar, f"{number} {text}".rstrip(), f"{bar} {' ' * offset}{carets}"]
    notes = []
    info = rules.get(p.rule)
    if info is not None and info.why:
        notes.append(f"why: {info.why}")
    if p.fix is not None:
        label = "unsafe, use --unsafe-fixes" if p.fix == "unsafe" and not unsafe_fixes else p.fix
        notes.append(f"fix ({label}): {p.suggestion or 'available with --fix'}")
    elif p.suggestion:
        notes.append(f"help: {p.suggestion}")
    if notes and snippet is not None:
        lines.append(bar)
    lines += [f"{gutter} {_style('=', _GUTTER_STYLE, color)} {note}" for note in notes]
    return "\n".join(lines)


def _snippet(source: str | tuple[str, ...], p: Problem) -> tuple[str, int, int] | None:
    """The problem's first line, clipped around it, with the carets' offset and length."""
    lines = _lines(source)
    if not 1 <= p.line <= len(lines):
        return None
    line = lines[p.line - 1]
    start = min(max(p.column - 1, 0), len(line))
    end = p.end_column - 1 if p.end_line == p.line else len(line)
    end = min(max(end, start), len(line))
    # Tabs become spaces so that the carets' offset is the width the terminal shows.
    line, start, end = _expand_tabs(line, start, end)
    first, last = 0, len(line)
    if display_width(line) > SNIPPET_WIDTH:
        # Some context before the problem, as much of it as fits after, then fill from the left.
        widths = [display_width(char) for char in line]
        budget = SNIPPET_WIDTH - 2 * display_width(_ELLIPSIS)
        first = last = start
        used = 0
        while first > 0 and used + widths[first - 1] <= _SNIPPET_LEFT_CONTEXT:
            first -= 1
            used += widths[first]
        while last < len(line) and used + widths[last] <= budget:
            used += widths[last]
            last += 1
        while first > 0 and used + widths[first - 1] <= budget:
            first -= 1
            used += widths[first]
    left = _ELLIPSIS if first > 0 else ""
    right = _ELLIPSIS if last < len(line) else ""
    offset = display_width(left + line[first:start])
    length = max(1, display_width(line[start : min(end, last)]))
    return left + line[first:last] + right, offset, length


def _lines(source: str | tuple[str, ...]) -> tuple[str, ...]:
    return source if isinstance(source, tuple) else _split(source)


@lru_cache(maxsize=4)
def _split(source: str) -> tuple[str, ...]:
    # Cached: the full format asks for one line per problem, often many times in one file.
    return tuple(_NEWLINE.split(source.removeprefix("\ufeff")))


def _expand_tabs(line: str, start: int, end: int) -> tuple[str, int, int]:
    if "\t" not in line:
        return line, start, end
    grow = len(_TAB) - 1
    start += line.count("\t", 0, start) * grow
    end += line.count("\t", 0, end) * grow
    return line.replace("\t", _TAB), start, end


def _json_item(e: _Entry) -> dict[str, Any]:
    p = e.problem
    item: dict[str, Any] = {
        "path": e.path,
        "line": p.line,
        "column": p.column,
        "end_line": p.end_line,
        "end_column": p.end_column,
        "rule": p.rule,
        "severity": p.severity,
        "message": p.message,
        "fix": p.fix,
        "suggestion": p.suggestion,
    }
    if p.data:
        item["data"] = dict(p.data)
    return item


def _github(e: _Entry) -> str:
    p = e.problem
    properties = {
        "file": e.path,
        "line": p.line,
        "col": p.column,
        "endLine": p.end_line,
        "endColumn": p.end_column,
        "title": p.rule,
    }
    props = ",".join(f"{k}={_github_property(str(v))}" for k, v in properties.items())
    return f"::{p.severity} {props}::{_github_data(p.message)}"


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def unified_diff(name: str, before: str, after: str) -> str:
    """What `--diff` prints: the change from `before` to `after` of the file `name`."""
    import difflib

    diff = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in diff)

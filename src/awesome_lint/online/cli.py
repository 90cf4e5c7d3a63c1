"""The command line's side of an online run: files collected as they are linted, checked
together at the end (one cache, one set of host limits), their problems added to the reports.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from awesome_lint.online.rules import INFOS, SEVERITIES
from awesome_lint.scholar import venue_mismatch, venue_outdated

VENUE_RULES = frozenset({venue_mismatch.ID, venue_outdated.ID})

if TYPE_CHECKING:
    from awesome_lint.online.check import Job


def add(
    runner: Any,
    path: Path | None,
    display: str,
    text: str,
    config: Any,
    document: Any,
    analysis: Any = None,
) -> None:
    """Keep a file linted by the command line's `runner` for the online checks, which run
    once for all files when it finishes (`Session.finish`); `analysis` is the lint's, when
    it read `text`."""
    try:
        from awesome_lint.online.check import enabled
    except ImportError as exc:  # the `online` extra is not installed
        if runner.session is None:
            _error(f"--online needs {exc.name}: pip install 'awesome-lint[online]'")
        runner.outcome.errors += 1
        runner.session = False
        return
    asked, since = runner.online.get("online"), runner.online.get("changed_since")
    if not (asked or since or enabled(config)):
        return
    if not runner.session:
        runner.session = Session(since, runner.fix, runner.unsafe_fixes)
    try:
        index = len(runner.outcome.reports)
        runner.session.add(index, display, path, text, config, document.encode, analysis)
    except ChangedSinceError as exc:
        _error(f"{display}: {exc}")
        runner.outcome.errors += 1


# Whether an online run happened. Tearing the interpreter down after one (aiohttp, an event
# loop, the files' tables) takes 50 to 100 ms of a run that should take about a second: the
# program's `main` then ends the process at once (`hard_exit`), its output flushed.
RAN = False


def hard_exit(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            code = code or 130
    os._exit(code)


def _error(message: str) -> None:
    click.echo(f"awesome-lint: {message}", err=True)


class ChangedSinceError(Exception):
    """`--changed-since` cannot be answered (not a git repository, an unknown ref)."""


@dataclass
class _Pending:
    index: int
    job: Job
    path: Path | None
    # Encodes the text for writing (keeps the file's BOM and encoding) and the bytes the
    # file holds now, for an unsafe fix of the online rules.
    encode: Callable[[str], bytes] | None = None


@dataclass
class Session:
    changed_since: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    pending: list[_Pending] = field(default_factory=list)
    # (file name, problems fixed) of the files the online fixes rewrote.
    fixed_files: list[tuple[str, int]] = field(default_factory=list)
    infos: dict[str, Any] = field(default_factory=lambda: dict(INFOS))
    # The run's --select and --ignore (an awesome_lint.api.Selection), for the layout.
    selection: Any = None

    def add(
        self,
        index: int,
        name: str,
        path: Path | None,
        text: str,
        config: Any,
        encode: Callable[[str], bytes] | None,
        analysis: Any = None,
    ) -> None:
        lines = None
        if self.changed_since is not None and path is not None:
            lines = changed_lines(path, self.changed_since)
        from awesome_lint.online.check import Job, targets

        # The links now, from the lint's reading of the text: the analysis is not kept.
        found = targets(text, config, lines, analysis) if analysis is not None else None
        job = Job(name, text, config, lines, found)
        self.pending.append(_Pending(index, job, path, encode))

    def finish(self, runner: Any, infos: dict[str, Any]) -> dict[str, Any]:
        """Add the online problems to the runner's reports, print the notes, count the fixes;
        the rules' descriptions with the online rules'."""
        global RAN
        RAN = True
        notes, fixed = self._check(runner.outcome.reports, runner.selection)
        for note in notes:
            _error(note)
        runner.outcome.fixed += fixed
        return {**infos, **self.infos}

    def finish_fix_only(self, runner: Any, fixed: dict[str, int]) -> dict[str, int]:
        """`--fix-only`: apply the online fixes; problems fixed per file, with `fixed`."""
        self.finish(runner, {})
        fixed = dict(fixed)
        for path, count in self.fixed_files:
            fixed[path] = fixed.get(path, 0) + count
        return fixed

    def _check(self, reports: list[Any], selection: Any) -> tuple[list[str], int]:
        """Add the online problems to `reports`; the notes, and how many were fixed."""
        from awesome_lint.online.check import github_token, progress_stream, run

        if not self.pending:
            return [], 0
        self.selection = selection
        fixed = 0
        notes: list[str] = []
        for opts, rules, members in self._groups(selection):
            jobs = [p.job for p in members]
            report = run(
                jobs,
                opts,
                active=rules.__contains__,
                token=github_token(),
                progress=progress_stream(),
            )
            venues: list[Any] = [None] * len(jobs)
            venue_notes: list[str] = []
            if rules & VENUE_RULES:  # the paper look-ups are imported only for these rules
                from awesome_lint.scholar.session import run_venues

                venues, venue_notes = run_venues(jobs, rules.__contains__, opts.cache)
            notes += [f"online: {note}" for note in (*report.notes, *venue_notes)]
            for pending, problems, venue in zip(members, report.problems, venues):
                cell_fixes = []
                if venue is not None:
                    problems = [*problems, *venue.problems]
                    cell_fixes = venue.fixes
                if self.fix and self.unsafe_fixes and pending.path and pending.encode:
                    done, problems = self._fix(pending, problems, notes, cell_fixes)
                    fixed += done
                entry = reports[pending.index]
                merged = sorted((*entry.problems, *problems), key=_order)
                reports[pending.index] = entry._replace(problems=tuple(merged))
        return list(dict.fromkeys(notes)), fixed

    def _groups(self, selection: Any) -> list[tuple[Any, frozenset[str], list[_Pending]]]:
        """The files by their online settings: each file's own config decides its options and
        which online rules run; files that agree share one run (one cache, one set of host
        limits)."""
        from awesome_lint.online.check import options

        groups: list[tuple[Any, frozenset[str], list[_Pending]]] = []
        for pending in self.pending:
            config = pending.job.config
            opts = options(config)
            rules = frozenset(
                rule
                for rule in SEVERITIES
                if not (
                    (selection.select and rule not in selection.select) or rule in selection.ignore
                )
                and config.setting(rule, SEVERITIES[rule]).severity != "off"
            )
            for group in groups:
                if group[0] == opts and group[1] == rules:
                    group[2].append(pending)
                    break
            else:
                groups.append((opts, rules, [pending]))
        return groups

    def _fix(
        self, pending: _Pending, problems: list[Any], notes: list[str], cell_fixes: Any = ()
    ) -> tuple[int, list[Any]]:
        from awesome_lint.files import FileError, write_atomic
        from awesome_lint.fixer import FixError, fix_text
        from awesome_lint.online.check import rewrite, targets
        from awesome_lint.scholar.check import apply_fixes

        fixable = [p for p in problems if p.fix == "unsafe"]
        if not fixable or pending.path is None or pending.encode is None:
            return 0, problems
        job = pending.job
        new_text = rewrite(job.text, fixable, targets(job.text, job.config, job.lines))
        new_text = apply_fixes(new_text, cell_fixes)
        if new_text == job.text:
            return 0, problems
        # A new URL of another length: the table is laid out again.
        with contextlib.suppress(FixError):  # then the URLs alone change
            new_text = fix_text(new_text, job.config, self.selection).text
        try:
            write_atomic(pending.path, pending.encode(new_text), pending.encode(job.text))
        except (FileError, OSError) as exc:
            notes.append(f"online: {job.name}: not fixed: {exc}")
            return 0, problems
        self.fixed_files.append((job.name, len(fixable)))
        return len(fixable), [p for p in problems if p.fix != "unsafe"]


def _order(p: Any) -> tuple[int, int, str, str]:
    return (p.line, p.column, p.rule, p.message)


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def changed_lines(path: Path, ref: str) -> frozenset[int]:
    """The lines of `path` added or changed since the git `ref` (all of them for a file git
    does not know at `ref`)."""
    folder = str(path.resolve().parent)
    name = path.resolve().name

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        try:
            return subprocess.run(
                ["git", *args], cwd=folder, capture_output=True, text=True, check=False
            )
        except OSError as exc:
            raise ChangedSinceError(f"cannot run git: {exc.strerror or exc}") from None

    found = git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found.returncode != 0:
        raise ChangedSinceError(f"--changed-since: {ref!r} is not a commit of this repository")
    known = git("cat-file", "-e", f"{ref}:./{name}")
    if known.returncode != 0:
        return frozenset(range(1, _line_count(path) + 1))
    diff = git("diff", "--unified=0", "--no-color", "--no-ext-diff", ref, "--", name)
    if diff.returncode != 0:
        raise ChangedSinceError(f"--changed-since: git diff failed: {diff.stderr.strip()}")
    lines: set[int] = set()
    for hunk in _HUNK.finditer(diff.stdout):
        start = int(hunk.group(1))
        count = 1 if hunk.group(2) is None else int(hunk.group(2))
        lines.update(range(start, start + count))
    return frozenset(lines)


def _line_count(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for _ in f) + 1

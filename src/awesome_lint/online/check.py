"""An online run: the links of the table rows, the cache, the checks, and their problems.

The options come from the config's `online` key (`true`, or an object; see the README); the
command line runs the files whose configs give the same options together (`online.cli`).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO, TypeVar
from urllib.parse import urlsplit

from awesome_lint.model import FixSafety, Problem, Severity
from awesome_lint.online.cache import Cache
from awesome_lint.online.network import ask
from awesome_lint.online.network import progress_stream as progress_stream
from awesome_lint.online.outcomes import HttpOptions, Outcome, RepoState
from awesome_lint.online.repos import is_gitlab, moved_url, repository
from awesome_lint.online.rules import SEVERITIES

V = TypeVar("V")

CACHE_DIR = ".awesome-lint-cache"
# Hosts that answer 403 to every program (publishers, Cloudflare-fronted sites): not asked
# unless `online.skip_defaults` is false.
DEFAULT_SKIP = (
    "dl.acm.org",
    "ieeexplore.ieee.org",
    "www.sciencedirect.com",
    "onlinelibrary.wiley.com",
    "www.researchgate.net",
    "www.tandfonline.com",
    "link.springer.com",
    "academic.oup.com",
    "www.jstor.org",
    "www.nature.com",
)


@dataclass(frozen=True)
class Target:
    """A link of a table row: where it is, whose it is, and where its URL is written."""

    url: str
    line: int
    column: int
    end_column: int
    entry: str
    heading: str
    # 0-based offsets of the URL in its line when written there literally (for fixes).
    literal: tuple[int, int] | None = None


@dataclass(frozen=True)
class OnlineOptions:
    http: HttpOptions = field(default_factory=HttpOptions)
    cache: Path | None = Path(CACHE_DIR)
    expire: Mapping[str, float] = field(default_factory=dict)
    persist_hours: float = 6.0
    skip: tuple[str, ...] = DEFAULT_SKIP
    github: bool = True
    gitlab: bool = True

    def repository(self, url: str) -> str | None:
        """The key of the repository `url` leads into, when its forge is to be asked."""
        repo = repository(url) if self.github or self.gitlab else None
        if repo is None or not (self.gitlab if is_gitlab(repo) else self.github):
            return None
        return repo


def enabled(config: Any) -> bool:
    """Whether the config asks for online checks (`"online": true` or `{"enabled": true}`)."""
    value = getattr(config, "online", None)
    if isinstance(value, Mapping):
        return bool(value.get("enabled", True))
    return bool(value)


def options(config: Any) -> OnlineOptions:
    value = getattr(config, "online", None)
    data: Mapping[str, Any] = value if isinstance(value, Mapping) else {}
    # A cache named in a config is relative to it; the default, to the working folder (the
    # repository's root in CI).
    cache: Path | None = Path(CACHE_DIR)
    if data.get("cache") is False:
        cache = None
    elif "cache" in data:
        base = Path(config.path).parent if getattr(config, "path", None) else Path.cwd()
        cache = base / str(data["cache"])
    http = HttpOptions(
        timeout=float(data.get("timeout", 10.0)),
        retries=int(data.get("retries", 2)),
        concurrency=int(data.get("concurrency", 64)),
        per_host=int(data.get("per_host", 4)),
        budget=float(data.get("budget", 600.0)),
        max_retry_after=float(data.get("max_retry_after", 60.0)),
        backoff=float(data.get("backoff", 0.5)),
    )
    skip = tuple(data.get("skip", ()))
    if data.get("skip_defaults", True):
        skip += DEFAULT_SKIP
    return OnlineOptions(
        http=http,
        cache=cache,
        expire=dict(data.get("expire", {})),
        persist_hours=float(data.get("persist_hours", 6.0)),
        skip=skip,
        github=bool(data.get("github", True)),
        gitlab=bool(data.get("gitlab", True)),
    )


def targets(
    text: str, config: Any, lines: frozenset[int] | None = None, analysis: Any = None
) -> list[Target]:
    """The http(s) links of the table rows of `text` (only those on `lines` when given);
    `analysis`, when given, is the lint's analysis of `text` with `config` (read again
    otherwise)."""
    from awesome_lint.api import Selection, analyse
    from awesome_lint.rules._links import body_links

    if analysis is None:
        # No rule runs: the analysis only parses and binds the tables.
        analysis = analyse(text, config, Selection(select=frozenset({"-"})))
    source = analysis.document.lines
    out: list[Target] = []
    for bound in analysis.tables:
        table = bound.table
        headings = [cell.text for cell in table.header.cells]
        place = {
            id(cell): (row, i)
            for row in table.rows
            if lines is None or row.line in lines
            for i, cell in enumerate(row.cells)
        }
        entries: dict[int, str] = {}
        for cell, link in body_links(table):
            found = place.get(id(cell))
            url = link.url.strip()
            if found is None or not url.lower().startswith(("http://", "https://")):
                continue
            row, i = found
            if row.line not in entries:
                entries[row.line] = _entry(bound, row)
            literal = None
            if link.url_span is not None:
                start = cell.column - 1 + link.url_span[0]
                end = cell.column - 1 + link.url_span[1]
                if source[cell.line - 1][start:end] == link.url:
                    literal = (start, end)
            heading = headings[i] or f"column {i + 1}"
            out.append(
                Target(
                    url,
                    cell.line,
                    cell.column,
                    cell.end_column,
                    entries[row.line],
                    heading,
                    literal,
                )
            )
    return out


def _entry(bound: Any, row: Any) -> str:
    for name in ("Name", "Title", "Paper", "Project"):
        cell = bound.cell(row, name)
        if cell is not None and cell.text.strip():
            return _short(cell.text)
    for cell in row.cells:
        if cell.text.strip():
            return _short(cell.text)
    return f"line {row.line}"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def skipper(patterns: Sequence[str]) -> Callable[[str], bool]:
    """Whether a URL's host is one of `patterns` (`*.example.org`: the domain and its
    subdomains)."""
    exact = {p.lower() for p in patterns if not p.startswith("*.")}
    suffixes = tuple(p[1:].lower() for p in patterns if p.startswith("*."))
    exact.update(suffix[1:] for suffix in suffixes)

    def skipped(url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return host in exact or (bool(suffixes) and host.endswith(suffixes))

    return skipped


@dataclass
class Report:
    """The problems of each file of the run (in the order given) and notes for the user."""

    problems: list[list[Problem]]
    notes: list[str]
    requests: int = 0


@dataclass(frozen=True)
class Job:
    name: str
    text: str
    config: Any
    lines: frozenset[int] | None = None
    # The links of the text's table rows, when already known.
    found: list[Target] | None = None


def run(
    jobs: Sequence[Job],
    opts: OnlineOptions,
    *,
    active: Callable[[str], bool] = lambda rule: True,
    token: str | None = None,
    progress: TextIO | None = None,
    now: float | None = None,
) -> Report:
    """Check the links of `jobs`; `active` says which online rules run."""
    now = time.time() if now is None else now
    per_file = [
        job.found if job.found is not None else targets(job.text, job.config, job.lines)
        for job in jobs
    ]
    cache = Cache(opts.cache, opts.expire)
    notes: list[str] = []
    note = cache.load()
    if note:
        notes.append(note)
    urls: list[str] = []
    repos: list[str] = []
    skipped = skipper(opts.skip)
    http_rules = active("dead-link") or active("redirected-link") or active("unverifiable")
    repo_rules = active("repo-moved") or active("repo-archived") or active("repo-missing")
    for found in per_file:
        for target in found:
            repo = opts.repository(target.url)
            if repo is not None:
                if repo_rules:
                    repos.append(repo)
            elif http_rules and not skipped(target.url):
                urls.append(target.url)
    urls = list(dict.fromkeys(urls))
    repos = list(dict.fromkeys(repos))
    outcomes, todo_urls = _fresh_and_stale(urls, lambda url: cache.fresh_link(url, now))
    states, todo_repos = _fresh_and_stale(repos, lambda repo: cache.fresh_repo(repo, now))
    answers = ask(
        todo_urls,
        todo_repos,
        opts.http,
        get_first=[u for u in todo_urls if cache.get_first(u)],
        token=token,
        progress=progress,
    )
    notes += answers.notes
    checked = answers.links
    since: dict[str, float | None] = {}
    for url, outcome in checked.items():
        since[url] = cache.record_link(url, outcome, now) if cache.enabled else None
        outcomes[url] = outcome
    for url, known in outcomes.items():
        if url not in since and known.kind in ("transient", "dead"):
            since[url] = cache.failing_since(url)
    unchecked = len(todo_urls) - len(checked)
    if unchecked:
        notes.append(
            f"time budget of {opts.http.budget:g} s spent; {unchecked} link"
            f"{'s' if unchecked != 1 else ''} not checked"
        )
    for repo, state in answers.repos.items():
        if cache.enabled:
            cache.record_repo(repo, state, now)
        states[repo] = state
    note = cache.save()
    if note:
        notes.append(note)
    persist = opts.persist_hours * 3600.0 if cache.enabled else 0.0
    problems = []
    for job, found in zip(jobs, per_file):
        file_problems = []
        for target in found:
            repo = opts.repository(target.url)
            if repo is not None:
                repo_state = states.get(repo)
                if repo_state is not None:
                    file_problems += _repo_problems(target, repo, repo_state, job.config, active)
                continue
            answer = outcomes.get(target.url)
            if answer is None:
                continue
            failing = since.get(target.url)
            problem = _link_problem(target, answer, failing, now, persist, job.config, active)
            if problem is not None:
                file_problems.append(problem)
        file_problems.sort(key=lambda p: (p.line, p.column, p.rule, p.message))
        problems.append(file_problems)
    return Report(problems, notes, answers.requests)


def _severity(config: Any, rule: str) -> Severity:
    default = SEVERITIES[rule]
    setting = config.setting(rule, default).severity
    return "warning" if setting == "warning" else "error"


def _problem(
    rule: str,
    target: Target,
    message: str,
    config: Any,
    data: dict[str, Any],
    new_url: str | None = None,
) -> Problem:
    fix: FixSafety | None = "unsafe" if new_url is not None and target.literal else None
    return Problem(
        target.line,
        target.column,
        target.line,
        max(target.end_column, target.column + 1),
        rule,
        message,
        severity=_severity(config, rule),
        fix=fix,
        suggestion=f"Replace with {new_url}" if new_url is not None else None,
        data=tuple(sorted({"url": target.url, **data}.items())),
    )


def _link_problem(
    target: Target,
    outcome: Outcome,
    failing_since: float | None,
    now: float,
    persist: float,
    config: Any,
    active: Callable[[str], bool],
) -> Problem | None:
    where = f"{target.entry}: {target.heading} link"
    data: dict[str, Any] = {"status": outcome.status, "error": outcome.error}
    if outcome.kind == "dead" or outcome.kind == "transient":
        if outcome.kind == "transient":
            lasted = now - failing_since if failing_since is not None else 0.0
            if lasted < persist:
                return None
            data["failing_since"] = failing_since
        if not active("dead-link"):
            return None
        return _problem("dead-link", target, f"{where} is dead: {outcome.error}", config, data)
    if outcome.kind == "redirect" and outcome.final is not None:
        if not active("redirected-link"):
            return None
        data["final"] = outcome.final
        message = f"{where} redirects permanently ({outcome.status}) to {outcome.final}"
        return _problem("redirected-link", target, message, config, data, outcome.final)
    if outcome.kind == "unverifiable" and active("unverifiable"):
        message = (
            f"{where} cannot be verified: {outcome.error} to a program"
            " (check it in a browser, or skip the host)"
        )
        return _problem("unverifiable", target, message, config, data)
    return None


def _repo_problems(
    target: Target,
    repo: str,
    state: RepoState,
    config: Any,
    active: Callable[[str], bool],
) -> list[Problem]:
    if state.error is not None:
        return []
    where = f"{target.entry}: {target.heading} repository"
    data: dict[str, Any] = {"repository": repo, "status": state.status}
    if state.name is None:
        if not active("repo-missing"):
            return []
        message = f"{where} {repo} not found ({state.status or 404})"
        return [_problem("repo-missing", target, message, config, data)]
    out = []
    if state.name.lower() != repo.lower() and active("repo-moved"):
        new_url = moved_url(target.url, repo, state.name)
        data_moved = {**data, "moved_to": state.name, "final": new_url}
        message = f"{where} {repo} moved to {state.name}"
        out.append(_problem("repo-moved", target, message, config, data_moved, new_url))
    if state.archived and active("repo-archived"):
        message = f"{where} {state.name} is archived"
        out.append(_problem("repo-archived", target, message, config, {**data, "archived": True}))
    return out


def rewrite(text: str, problems: Sequence[Problem], targets_: Sequence[Target]) -> str:
    """`text` with the URL of each fixable online problem replaced by its new URL."""
    by_place = {(t.line, t.column, t.url): t for t in targets_}
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for p in problems:
        if p.fix != "unsafe":
            continue
        data = dict(p.data)
        target = by_place.get((p.line, p.column, str(data.get("url"))))
        new = data.get("final")
        if target is None or target.literal is None or not isinstance(new, str):
            continue
        edits.setdefault(target.line, []).append((*target.literal, new))
    if not edits:
        return text
    lines = re.split(r"(?<=\n)|(?<=\r)(?!\n)", text)
    for number, changes in edits.items():
        line = lines[number - 1]
        for start, end, new in sorted(set(changes), reverse=True):
            line = line[:start] + new + line[end:]
        lines[number - 1] = line
    return "".join(lines)


def github_token() -> str | None:
    return os.environ.get("GITHUB_TOKEN") or None


def _fresh_and_stale(
    keys: list[str], fresh: Callable[[str], V | None]
) -> tuple[dict[str, V], list[str]]:
    """The cached answers still fresh, by key, and the keys to ask again."""
    found: dict[str, V] = {}
    stale = []
    for key in keys:
        answer = fresh(key)
        if answer is None:
            stale.append(key)
        else:
            found[key] = answer
    return found, stale

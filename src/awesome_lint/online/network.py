"""The network part of an online run: links over HTTP, repositories through their forges'
APIs (GitHub, GitLab), together and within the run's time budget.

The HTTP client is imported only when something must be asked: a run whose answers all come
from the cache neither imports aiohttp nor starts an event loop.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from awesome_lint.online.outcomes import HttpOptions, Outcome, Progress, RepoState
from awesome_lint.online.repos import is_gitlab

if TYPE_CHECKING:
    import asyncio


@dataclass
class Answers:
    """What the network said: outcomes by URL, states by repository key (those asked in time),
    notes for the user, and the HTTP requests made for links."""

    links: dict[str, Outcome] = field(default_factory=dict)
    repos: dict[str, RepoState] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    requests: int = 0


def ask(
    urls: list[str],
    repos: list[str],
    options: HttpOptions,
    *,
    get_first: Collection[str] = (),
    token: str | None = None,
    progress: TextIO | None = None,
) -> Answers:
    """Check `urls` (those in `get_first` with GET at once) and look `repos` up, all within
    `options.budget` seconds; what is not answered by then is missing from the answers."""
    if not urls and not repos:
        return Answers()
    import asyncio

    return asyncio.run(_ask(urls, repos, options, frozenset(get_first), token, progress))


async def _ask(
    urls: list[str],
    repos: list[str],
    options: HttpOptions,
    get_first: frozenset[str],
    token: str | None,
    stream: TextIO | None,
) -> Answers:
    import asyncio

    from awesome_lint.online.http import Checker

    answers = Answers()
    checker = Checker(options, Progress())
    lookups: list[asyncio.Future[object]] = []
    github = [r for r in repos if not is_gitlab(r)]
    gitlab = [r for r in repos if is_gitlab(r)]
    if github:
        from awesome_lint.online.github import lookup

        lookups.append(
            asyncio.ensure_future(
                lookup(github, token, options.timeout, answers.repos, answers.notes)
            )
        )
    if gitlab:
        from awesome_lint.online.gitlab import lookup as lookup_gitlab

        lookups.append(
            asyncio.ensure_future(
                lookup_gitlab(gitlab, options.timeout, answers.repos, answers.notes)
            )
        )

    async def lookups_in_time() -> None:
        if not lookups:
            return
        _, late = await asyncio.wait(lookups, timeout=options.budget)
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late)

    ticker = None
    if stream is not None and urls:
        ticker = asyncio.ensure_future(_show_progress(checker.progress, stream))
    try:
        answers.links, _ = await asyncio.gather(
            checker.check_all(urls, get_first=get_first), lookups_in_time()
        )
    finally:
        if ticker is not None:
            ticker.cancel()
            stream_line(stream, checker.progress, final=True)
    unanswered = len([r for r in repos if r not in answers.repos])
    if unanswered and any(task.cancelled() for task in lookups):
        answers.notes.append(
            f"time budget of {options.budget:g} s spent; {unanswered} repositor"
            f"{'ies' if unanswered != 1 else 'y'} not checked"
        )
    answers.requests = checker.requests
    return answers


async def _show_progress(progress: Progress, stream: TextIO) -> None:
    import asyncio

    while True:
        stream_line(stream, progress)
        await asyncio.sleep(0.2)


def stream_line(stream: TextIO | None, progress: Progress, final: bool = False) -> None:
    if stream is None:
        return
    elapsed = max(time.monotonic() - progress.started, 1e-6)
    rate = progress.done / elapsed
    line = (
        f"\rlinks {progress.done}/{progress.total}, {rate:.0f}/s,"
        f" {progress.failures} failing so far"
    )
    stream.write(line + ("\n" if final else ""))
    stream.flush()


def progress_stream() -> TextIO | None:
    return sys.stderr if sys.stderr.isatty() else None

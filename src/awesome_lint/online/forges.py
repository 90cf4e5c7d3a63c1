"""What the forges' API clients share: asking about each repository, a few at a time, until
the API says stop (a rate limit, a refused token), and the notes that tell the user."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from awesome_lint.online.outcomes import RepoState


class ApiStop(Exception):
    """The API cannot be asked any more in this run (rate limit, refused token)."""


async def ask_each(
    repos: list[str],
    ask: Callable[[str], Awaitable[RepoState]],
    found: dict[str, RepoState],
    notes: list[str],
    api: str,
    count: Callable[[int], str],
    after_stop: str = "",
) -> None:
    """Put `ask(repo)` for each repository into `found`, four at a time, none after an
    `ApiStop`; note in `notes`, under the name `api`, the repositories that failed and those
    a stop left (`count` words a number of them; `after_stop` ends that note)."""
    slots = asyncio.Semaphore(4)
    stopped: list[str] = []

    async def one(repo: str) -> None:
        async with slots:
            if stopped:
                return
            try:
                found[repo] = await ask(repo)
            except ApiStop as stop:
                if not stopped:
                    stopped.append(str(stop))

    await asyncio.gather(*(one(repo) for repo in repos))
    failed = [found[r].error for r in repos if r in found and found[r].error is not None]
    if failed:
        notes.append(f"{api}: {count(len(failed))} not checked ({failed[0]})")
    if stopped:
        left = len([r for r in repos if r not in found])
        notes.append(f"{api}: {stopped[0]}; {count(left)} not checked{after_stop}")

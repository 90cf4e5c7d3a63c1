"""The plain values of an online run: what a link answered, what a forge says of a repository,
the HTTP settings, the progress counts. No HTTP client here: a run whose answers all come from
the cache imports nothing more (aiohttp costs about 0.2 s of start-up)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Literal

from awesome_lint import __version__

Kind = Literal["ok", "dead", "redirect", "unverifiable", "transient"]
USER_AGENT = f"awesome-lint/{__version__} (+https://github.com/awesome-lint/awesome-lint)"


@dataclass(frozen=True)
class Outcome:
    """What a URL answered. `status` is the HTTP status that decided (None: no answer),
    `error` what went wrong in words (`404`, `DNS: no such host`, `timed out 3 times`),
    `final` where a permanent redirect leads; `head_refused`: HEAD got an error that GET did
    not (the next check of the URL goes straight to GET)."""

    kind: Kind
    status: int | None = None
    error: str | None = None
    final: str | None = None
    head_refused: bool = False


@dataclass(frozen=True)
class HttpOptions:
    timeout: float = 10.0
    retries: int = 2
    concurrency: int = 64
    per_host: int = 4
    budget: float = 600.0
    max_retry_after: float = 60.0
    backoff: float = 0.5
    max_backoff: float = 8.0
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class RepoState:
    """What a forge's API says of a repository: `name` is its current path (`owner/name`;
    None: not found); `error` says why it could not be asked (then nothing else is known)."""

    name: str | None
    archived: bool = False
    status: int | None = None
    error: str | None = None


@dataclass
class Progress:
    """Counts for a progress line: links done, total, failures."""

    total: int = 0
    done: int = 0
    failures: int = 0
    started: float = field(default_factory=time.monotonic)


def proxy_set() -> bool:
    """Whether the environment names a proxy (`HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY`, any
    case). Only then do the HTTP sessions read the environment (`trust_env`): reading it for
    every request costs about 2 ms each, and a link checker is nothing but requests."""
    return any(
        value
        for key, value in os.environ.items()
        if key.lower() in ("http_proxy", "https_proxy", "all_proxy")
    )

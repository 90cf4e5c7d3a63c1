"""GitLab projects through the GitLab REST API: renamed, archived or gone.

One request per project, `GET /api/v4/projects/<url-encoded path>`, four at a time: its
`path_with_namespace` is the project's current path (GitLab answers a renamed or transferred
project under its old path too), `archived` says whether it is archived, and 404 that it does
not exist (or is private). A 404 path is then asked as a group (`GET /api/v4/groups/...`):
a link to a group's page is not a missing project. The API's base URL comes from the
environment variable `AWESOME_LINT_GITLAB_API` (default https://gitlab.com); `GITLAB_TOKEN`,
when set, is sent as `PRIVATE-TOKEN`. A 429 (or 403 with `RateLimit-Remaining: 0`) stops the
look-ups of the run, and a note says how many were left.
"""

from __future__ import annotations

import asyncio
import os
from urllib.parse import quote

import aiohttp

from awesome_lint.online.forges import ApiStop, ask_each
from awesome_lint.online.outcomes import USER_AGENT, RepoState, proxy_set
from awesome_lint.online.repos import GITLAB

DEFAULT_API = "https://gitlab.com"


def api_base() -> str:
    return os.environ.get("AWESOME_LINT_GITLAB_API", DEFAULT_API).rstrip("/")


def token() -> str | None:
    return os.environ.get("GITLAB_TOKEN") or None


async def lookup(
    repos: list[str],
    timeout: float = 10.0,
    found: dict[str, RepoState] | None = None,
    notes: list[str] | None = None,
) -> tuple[dict[str, RepoState], list[str]]:
    """The state of each project asked (keys `gitlab.com/...`), and notes for the user; both
    go into `found` and `notes` as they come (a run out of time keeps them)."""
    found = {} if found is None else found
    notes = [] if notes is None else notes
    if not repos:
        return found, notes
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    secret = token()
    if secret:
        headers["PRIVATE-TOKEN"] = secret
    async with aiohttp.ClientSession(
        headers=headers, timeout=aiohttp.ClientTimeout(total=timeout), trust_env=proxy_set()
    ) as client:
        await ask_each(
            repos, lambda repo: _project(client, repo), found, notes, "GitLab API", _count
        )
    return found, notes


def _count(n: int) -> str:
    return f"{n} project{'s' if n != 1 else ''}"


async def _project(client: aiohttp.ClientSession, repo: str) -> RepoState:
    path = quote(repo[len(GITLAB) :], safe="")
    try:
        async with client.get(f"{api_base()}/api/v4/projects/{path}") as response:
            code, headers = response.status, response.headers
            if code == 200:
                body = await response.json(content_type=None)
                name = str(body.get("path_with_namespace") or repo[len(GITLAB) :])
                return RepoState(GITLAB + name, bool(body.get("archived")), 200)
        if code == 404:
            async with client.get(f"{api_base()}/api/v4/groups/{path}") as group:
                if group.status == 200:  # a group's page: no project to miss
                    return RepoState(repo, False, 200)
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        return RepoState(None, error=type(exc).__name__)
    except (ValueError, AttributeError):
        return RepoState(None, status=200, error="an answer that is not JSON")
    if code == 429 or (code == 403 and headers.get("RateLimit-Remaining") == "0"):
        raise ApiStop(f"rate limit reached ({code})")
    if code == 404:
        return RepoState(None, status=404)
    return RepoState(None, status=code, error=str(code))

"""GitHub repositories through the GitHub API: renamed, archived or gone.

With a token (`GITHUB_TOKEN`), one GraphQL request asks for up to 100 repositories (an alias
per repository; a missing one comes back `null` with a `NOT_FOUND` error; a renamed one comes
back under its new `nameWithOwner`). Without a token, one REST request per repository
(`GET /repos/OWNER/NAME`, whose redirect leads to a renamed repository), within the
unauthenticated limit: when `x-ratelimit-remaining` reaches 0 (or the API answers 403/429),
the rest is left unchecked and a note says so. The API's base URL comes from the environment
variable `AWESOME_LINT_GITHUB_API` (default https://api.github.com).
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Mapping

import aiohttp

from awesome_lint.online.forges import ApiStop, ask_each
from awesome_lint.online.outcomes import USER_AGENT, RepoState, proxy_set

DEFAULT_API = "https://api.github.com"
BATCH = 100


def api_base() -> str:
    return os.environ.get("AWESOME_LINT_GITHUB_API", DEFAULT_API).rstrip("/")


async def lookup(
    repos: list[str],
    token: str | None,
    timeout: float = 10.0,
    found: dict[str, RepoState] | None = None,
    notes: list[str] | None = None,
) -> tuple[dict[str, RepoState], list[str]]:
    """The state of each repository asked (`owner/name`), and notes for the user; both go
    into `found` and `notes` as they come (a run out of time keeps them)."""
    notes = [] if notes is None else notes
    found = {} if found is None else found
    if not repos:
        return found, notes
    headers = {"User-Agent": USER_AGENT, "Accept": "application/vnd.github+json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    async with aiohttp.ClientSession(
        headers=headers,
        timeout=aiohttp.ClientTimeout(total=timeout),
        trust_env=proxy_set(),
    ) as client:
        if token:
            try:
                for start in range(0, len(repos), BATCH):
                    found.update(await _graphql(client, repos[start : start + BATCH]))
            except ApiStop as stop:
                notes.append(f"GitHub GraphQL API: {stop}; falling back to the REST API")
            else:
                return found, notes
        else:
            notes.append(
                f"no GITHUB_TOKEN: checking {len(repos)} GitHub"
                f" repositor{'y' if len(repos) == 1 else 'ies'} through the REST API, one"
                " request each (60 an hour without a token); set GITHUB_TOKEN for batches of 100"
            )
        await ask_each(
            [r for r in repos if r not in found],
            lambda repo: _rest(client, repo),
            found,
            notes,
            "GitHub REST API",
            _count,
            " (set GITHUB_TOKEN, or run again later)",
        )
    return found, notes


def _count(n: int) -> str:
    return f"{n} repositor{'y' if n == 1 else 'ies'}"


async def _graphql(client: aiohttp.ClientSession, repos: list[str]) -> dict[str, RepoState]:
    fields = []
    for i, repo in enumerate(repos):
        owner, name = repo.split("/", 1)
        fields.append(
            f"r{i}: repository(owner: {json.dumps(owner)}, name: {json.dumps(name)})"
            " { nameWithOwner isArchived }"
        )
    query = "query { " + " ".join(fields) + " rateLimit { remaining resetAt } }"
    try:
        async with client.post(f"{api_base()}/graphql", json={"query": query}) as response:
            if response.status != 200:
                raise ApiStop(_limit_reason(response.status, response.headers))
            body = await response.json(content_type=None)
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        raise ApiStop(type(exc).__name__) from None
    except ValueError:
        raise ApiStop("an answer that is not JSON") from None
    data = body.get("data") or {}
    missing = {
        str(error["path"][0])
        for error in body.get("errors") or ()
        if error.get("type") == "NOT_FOUND" and error.get("path")
    }
    out: dict[str, RepoState] = {}
    for i, repo in enumerate(repos):
        node = data.get(f"r{i}")
        if isinstance(node, dict) and node.get("nameWithOwner"):
            out[repo] = RepoState(str(node["nameWithOwner"]), bool(node.get("isArchived")), 200)
        elif f"r{i}" in missing:
            out[repo] = RepoState(None, status=404)
    return out


async def _rest(client: aiohttp.ClientSession, repo: str) -> RepoState:
    try:
        async with client.get(f"{api_base()}/repos/{repo}") as response:
            code, headers = response.status, response.headers
            if code == 200:
                body = await response.json(content_type=None)
                name = str(body.get("full_name") or repo)
                return RepoState(name, bool(body.get("archived")), 200)
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        return RepoState(None, error=type(exc).__name__)
    except (ValueError, AttributeError):
        return RepoState(None, status=200, error="an answer that is not JSON")
    if code in (403, 429) and (headers.get("x-ratelimit-remaining") == "0" or code == 429):
        raise ApiStop(_limit_reason(code, headers))
    if code in (404, 451):
        return RepoState(None, status=code)
    return RepoState(None, status=code, error=str(code))


def _limit_reason(code: int, headers: Mapping[str, str]) -> str:
    if headers.get("x-ratelimit-remaining") == "0" or code == 429:
        reset = headers.get("x-ratelimit-reset")
        if reset and reset.isdigit():
            when = time.strftime("%H:%M UTC", time.gmtime(int(reset)))
            return f"rate limit reached ({code}; it resets at {when})"
        return f"rate limit reached ({code})"
    if code == 401:
        return "the token was refused (401)"
    return f"answered {code}"

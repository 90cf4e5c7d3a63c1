"""The persistent cache of online outcomes: `.awesome-lint-cache/links.json` by default.

One JSON object, rewritten whole at the end of a run (temporary file + rename, so an
interrupted run leaves the previous cache):

    {"format": "awesome-lint-cache", "version": 1,
     "links": {URL: {"kind": "ok", "status": 200, "error": null, "final": null,
                     "checked": 1765000000.0, "failing_since": null, "get": false}},
     "repos": {"owner/name": {"name": "owner/NewName", "archived": false, "status": 200,
                              "checked": 1765000000.0}}}

`kind` is ok, redirect, unverifiable, dead or transient (a failure that may pass);
`checked` and `failing_since` are Unix times (seconds); `get` (optional) is true when the URL
refused HEAD but answered GET. An entry is fresh (no request is
made) for the hours `online.expire` gives its kind, spread by up to +-20% per URL so that a
list checked in one day does not expire in one day; by default ok, redirect, unverifiable and
found repositories for 168 hours (7 days), dead and transient outcomes and missing
repositories for 0 (asked again at every run). `failing_since` is when a link started failing
without pause: a transient failure is reported as dead only once it has lasted
`online.persist_hours`. A URL whose last outcome was a failure, or that refused HEAD, is asked
with GET at once the next time (a HEAD would only be refused or repeated).

A cache that cannot be read (not JSON, another format or version, wrong shapes) is a warning:
it is set aside and rebuilt, never a reason to stop.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from awesome_lint.online.outcomes import Outcome, RepoState

FORMAT = "awesome-lint-cache"
VERSION = 1
FILE_NAME = "links.json"
HOUR = 3600.0
DEFAULT_EXPIRE: dict[str, float] = {
    "ok": 168.0,
    "redirect": 168.0,
    "unverifiable": 168.0,
    "dead": 0.0,
    "transient": 0.0,
    "repo": 168.0,
    "repo-missing": 0.0,
}
_KINDS = frozenset({"ok", "redirect", "unverifiable", "dead", "transient"})


class Cache:
    def __init__(self, folder: Path | None, expire: Mapping[str, float] | None = None) -> None:
        self.path = folder / FILE_NAME if folder is not None else None
        self.expire = {**DEFAULT_EXPIRE, **(expire or {})}
        self.links: dict[str, dict[str, Any]] = {}
        self.repos: dict[str, dict[str, Any]] = {}

    @property
    def enabled(self) -> bool:
        return self.path is not None

    def load(self) -> str | None:
        """Read the cache; a note when it could not be used (it is then rebuilt)."""
        if self.path is None or not self.path.exists():
            return None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            links, repos = _valid(data)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            return f"{self.path}: cache ignored and rebuilt: {exc}"
        self.links, self.repos = links, repos
        return None

    def save(self) -> str | None:
        if self.path is None:
            return None
        data = {"format": FORMAT, "version": VERSION, "links": self.links, "repos": self.repos}
        text = json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n"
        temporary = self.path.with_name(f".{FILE_NAME}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            return f"{self.path}: cannot write the cache: {exc.strerror or exc}"
        return None

    def _fresh(self, key: str, entry: Mapping[str, Any] | None, kind: str, now: float) -> bool:
        if entry is None:
            return False
        hours = self.expire.get(kind, 0.0)
        if hours <= 0:
            return False
        spread = 0.8 + 0.4 * (zlib.crc32(key.encode("utf-8")) / 2**32)
        return bool(now - float(entry["checked"]) < hours * HOUR * spread)

    def fresh_link(self, url: str, now: float) -> Outcome | None:
        entry = self.links.get(url)
        if entry is None or not self._fresh(url, entry, str(entry["kind"]), now):
            return None
        return Outcome(
            entry["kind"],
            entry.get("status"),
            entry.get("error"),
            entry.get("final"),
            bool(entry.get("get")),
        )

    def failing_since(self, url: str) -> float | None:
        entry = self.links.get(url)
        if entry is None or entry.get("failing_since") is None:
            return None
        return float(entry["failing_since"])

    def record_link(self, url: str, outcome: Outcome, now: float) -> float | None:
        """Keep `outcome`; for a failure, when the failing began (kept across runs)."""
        since: float | None = None
        if outcome.kind in ("transient", "dead"):
            since = self.failing_since(url) or now
        self.links[url] = {
            "kind": outcome.kind,
            "status": outcome.status,
            "error": outcome.error,
            "final": outcome.final,
            "checked": now,
            "failing_since": since,
            "get": outcome.head_refused,
        }
        return since

    def get_first(self, url: str) -> bool:
        """Whether `url` is best asked with GET at once: it failed, or refused HEAD, last time."""
        entry = self.links.get(url)
        if entry is None:
            return False
        return entry.get("kind") in ("dead", "transient") or bool(entry.get("get"))

    def fresh_repo(self, repo: str, now: float) -> RepoState | None:
        entry = self.repos.get(repo.lower())
        if entry is None:
            return None
        kind = "repo" if entry.get("name") else "repo-missing"
        if not self._fresh(repo.lower(), entry, kind, now):
            return None
        return RepoState(entry.get("name"), bool(entry.get("archived")), entry.get("status"))

    def record_repo(self, repo: str, state: RepoState, now: float) -> None:
        if state.error is not None:
            return  # not asked: nothing learnt
        self.repos[repo.lower()] = {
            "name": state.name,
            "archived": state.archived,
            "status": state.status,
            "checked": now,
        }


def _valid(data: Any) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not an awesome-lint cache")
    if data.get("version") != VERSION:
        raise ValueError(f"cache version {data.get('version')!r}, expected {VERSION}")
    links, repos = data.get("links"), data.get("repos")
    if not isinstance(links, dict) or not isinstance(repos, dict):
        raise ValueError("no links or repos object")
    for url, entry in links.items():
        if (
            not isinstance(entry, dict)
            or entry.get("kind") not in _KINDS
            or not isinstance(entry.get("checked"), (int, float))
        ):
            raise ValueError(f"bad entry for {url!r}")
    for repo, entry in repos.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("checked"), (int, float)):
            raise ValueError(f"bad entry for {repo!r}")
    return links, repos

"""Answers kept between runs, and the lookup that asks only for what is not fresh.

The cache lives beside the online link checks' (`.awesome-lint-cache/`), in its own file
`papers.json`, rewritten whole through a temporary file and `os.replace`:

    {"format": "awesome-lint-papers", "version": 1,
     "answers": {"semanticscholar arxiv:2401.00001": {"checked": 1765000000.0,
                                                      "paper": {...} or null}}}

A peer-reviewed answer stays fresh for 90 days, a preprint or "not known" for 7 (that is
what changes); "unknown" (the source could not answer) is never kept. A cache that cannot be
read is ignored and rebuilt.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from awesome_lint.scholar.client import Client
from awesome_lint.scholar.papers import PEER_REVIEWED, Paper
from awesome_lint.scholar.sources import BadAnswer, Source

FORMAT = "awesome-lint-papers"
VERSION = 1
FILE_NAME = "papers.json"
DAY = 86400.0
FRESH_PUBLISHED = 90 * DAY
FRESH_OTHER = 7 * DAY


class PaperCache:
    def __init__(self, folder: Path | None) -> None:
        self.path = None if folder is None else folder / FILE_NAME
        self.answers: dict[str, dict[str, Any]] = {}
        self.changed = False
        if self.path is not None and self.path.is_file():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if data.get("format") == FORMAT and data.get("version") == VERSION:
                    self.answers = dict(data["answers"])
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                self.answers = {}

    def get(self, source: str, key: str, now: float) -> tuple[bool, Paper | None]:
        """(fresh, paper) for what `source` said of `key`; (False, None) when not kept."""
        entry = self.answers.get(f"{source} {key}")
        if not isinstance(entry, dict):
            return False, None
        try:
            paper = None if entry["paper"] is None else Paper.from_json(entry["paper"])
            checked = float(entry["checked"])
        except (KeyError, TypeError, ValueError):
            return False, None
        published = paper is not None and paper.kind in PEER_REVIEWED and not paper.withdrawn
        fresh = now - checked < (FRESH_PUBLISHED if published else FRESH_OTHER)
        return fresh, paper

    def put(self, source: str, key: str, paper: Paper | None, now: float) -> None:
        self.answers[f"{source} {key}"] = {
            "checked": now,
            "paper": None if paper is None else paper.to_json(),
        }
        self.changed = True

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"format": FORMAT, "version": VERSION, "answers": self.answers}
        fd, temp = tempfile.mkstemp(prefix=".papers.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, sort_keys=True)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self.changed = False


@dataclass
class Lookup:
    """What the sources said of each key: the papers found, and the sources that could not
    answer (for those, "unknown")."""

    papers: dict[str, list[Paper]] = field(default_factory=dict)
    unknown: dict[str, list[str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    requests: int = 0

    def found(self, key: str) -> list[Paper]:
        return self.papers.get(key, [])


def look_up(
    keys: Iterable[str],
    sources: Sequence[Source],
    client: Client,
    cache: PaperCache | None = None,
    now: float | None = None,
) -> Lookup:
    """Ask each source, in batches, about the keys it knows and the cache does not hold fresh."""
    now = time.time() if now is None else now
    wanted = sorted(set(keys))
    result = Lookup()
    requests = []
    for source in sources:
        missing = []
        for key in wanted:
            if not key.startswith(source.prefixes):
                continue
            fresh, paper = (False, None) if cache is None else cache.get(source.name, key, now)
            if fresh:
                if paper is not None:
                    result.papers.setdefault(key, []).append(paper)
            else:
                missing.append(key)
        for request in source.requests(missing):
            requests.append(request)
    before = client.requests_made
    by_name = {source.name: source for source in sources}
    for reply in client.fetch(requests):
        source = by_name[reply.request.source]
        answers: dict[str, Paper | None] | None = None
        if reply.body is not None:
            try:
                answers = source.read(reply.request, reply.body)
            except BadAnswer as exc:
                reply_error = f"unexpected answer: {exc}"
            else:
                reply_error = ""
        else:
            reply_error = reply.error or "no answer"
        if answers is None:
            result.errors[source.name] = reply_error
            for key in reply.request.keys:
                result.unknown.setdefault(key, []).append(source.name)
            continue
        for key in reply.request.keys:
            paper = answers.get(key)
            if cache is not None:
                cache.put(source.name, key, paper, now)
            if paper is not None:
                result.papers.setdefault(key, []).append(paper)
    result.requests = client.requests_made - before
    return result

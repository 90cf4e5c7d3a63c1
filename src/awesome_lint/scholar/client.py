"""The HTTP side of the sources, with the standard library: each source asked one request at
a time at its published pace, the sources in parallel; `Retry-After` honoured on 429 and 503;
a bounded number of attempts, each bounded in time. A source that cannot answer is "unknown"
for what was asked of it (the caller never reads that as "not published").

Written to stand alone until the `online` package's client (per-host limits, cache, the
`--online` flag) takes over its requests; `Client.fetch` is the seam.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from awesome_lint import __version__
from awesome_lint.scholar.sources import BY_NAME, Request

USER_AGENT = (
    f"awesome-lint/{__version__} (+https://github.com/awesome-lint/awesome-lint;"
    " venue checks of awesome lists)"
)
_RETRY_STATUSES = frozenset({429, 503})


@dataclass(frozen=True)
class Reply:
    request: Request
    body: bytes | None
    # Why there is no body: "HTTP 500", "connection refused", "gave up after 429"...
    error: str | None = None


class Client:
    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        timeout: float = 20.0,
        attempts: int = 4,
        max_wait: float = 60.0,
        paced: bool = True,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.attempts = attempts
        self.max_wait = max_wait
        self.paced = paced
        self.sleep = sleep
        self.requests_made = 0
        self._lock = threading.Lock()

    def fetch(self, requests: Sequence[Request]) -> list[Reply]:
        """Every request's reply, in order; sources in parallel, each source's in turn."""
        by_source: dict[str, list[int]] = {}
        for index, request in enumerate(requests):
            by_source.setdefault(request.source, []).append(index)
        replies: list[Reply | None] = [None] * len(requests)

        def run(indexes: list[int]) -> None:
            last = 0.0
            for index in indexes:
                request = requests[index]
                source = BY_NAME.get(request.source)
                interval = source.interval if source is not None and self.paced else 0.0
                wait = last + interval - time.monotonic()
                if wait > 0:
                    self.sleep(wait)
                replies[index] = self._ask(request)
                last = time.monotonic()

        if len(by_source) <= 1:
            for indexes in by_source.values():
                run(indexes)
        else:
            with ThreadPoolExecutor(max_workers=len(by_source)) as pool:
                list(pool.map(run, by_source.values()))
        return [reply for reply in replies if reply is not None]

    def _ask(self, request: Request) -> Reply:
        headers = {"User-Agent": self.user_agent, "Accept": "*/*"}
        if request.content_type:
            headers["Content-Type"] = request.content_type
        error = "no attempt"
        for attempt in range(self.attempts):
            with self._lock:
                self.requests_made += 1
            http = urllib.request.Request(
                request.url, data=request.body, headers=headers, method=request.method
            )
            try:
                with urllib.request.urlopen(http, timeout=self.timeout) as response:
                    return Reply(request, response.read())
            except urllib.error.HTTPError as exc:
                error = f"HTTP {exc.code}"
                if exc.code == 404 and request.method == "GET":
                    return Reply(request, None, error)
                if exc.code in _RETRY_STATUSES:
                    wait = retry_after(exc.headers.get("Retry-After"), 2.0 * 2**attempt)
                    if wait > self.max_wait:
                        return Reply(request, None, f"{error}, Retry-After {wait:.0f} s")
                    self.sleep(wait)
                    continue
                if exc.code < 500:
                    return Reply(request, None, error)
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                error = str(reason) or type(exc).__name__
            if attempt + 1 < self.attempts:
                self.sleep(min(self.max_wait, 0.5 * 2**attempt))
        return Reply(request, None, error)


def retry_after(value: str | None, default: float) -> float:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if value is None:
        return default
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())

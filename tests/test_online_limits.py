"""Retry-After with more requests per host than the host allows: after a 429, nothing is sent
to the host (neither a retry nor a first try) until its Retry-After has passed, and fewer
requests go at once from then on."""

from __future__ import annotations

import threading
import time

from online_servers import Server, serving
from test_online import FAST, check, table

from awesome_lint.online.check import OnlineOptions
from awesome_lint.online.outcomes import HttpOptions


class Limited:
    """A route that serves `limit` requests at once (each taking `latency` seconds) and
    answers 429 with `Retry-After: 1` beyond; it records when it sent each 429."""

    def __init__(self, limit: int, latency: float) -> None:
        self.limit, self.latency = limit, latency
        self.active = 0
        self.refused: list[float] = []
        self.lock = threading.Lock()

    def __call__(
        self, s: Server, m: str, p: str, h: dict[str, str], b: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            if self.active >= self.limit:
                self.refused.append(time.monotonic())
                return 429, {"Retry-After": "1"}, b""
            self.active += 1
        time.sleep(self.latency)
        with self.lock:
            self.active -= 1
        return 200, {}, b""


def test_nothing_reaches_a_host_before_its_retry_after() -> None:
    server = Server("127.0.0.7")
    route = Limited(limit=2, latency=0.1)
    paths = [f"/p{i}" for i in range(8)]
    for path in paths:
        server.routes[path] = route
    eager = HttpOptions(**{**FAST.__dict__, "per_host": 8, "retries": 3})
    with serving(server):
        started = time.monotonic()
        report = check(table(*map(server.url, paths)), OnlineOptions(http=eager, cache=None))
        took = time.monotonic() - started
    assert report.problems == [[]] and took < 6
    first = route.refused[0]
    # Requests already on their way when the first 429 left may still arrive a moment later;
    # after that, none until the Retry-After second has passed.
    early = [h for h in server.hits if first + 0.05 < h.at < first + 1.0]
    assert early == []
    # The host refused what went beyond 2 at once (those that reached it); each 429 lowered
    # the requests sent at once, so fewer were refused after the wait.
    burst = [at for at in route.refused if at < first + 0.05]
    later = [at for at in route.refused if at >= first + 0.05]
    assert all(at >= first + 1.0 for at in later)
    assert len(later) < len(burst)

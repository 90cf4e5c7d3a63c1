"""Check URLs over HTTP: what each one answers, after redirects and retries.

aiohttp (asyncio) with:
- a global limit on requests in flight and a per-host one (a host is `host:port`);
- per host, a time before which nothing is sent to it: a 429, or a 503 with `Retry-After`,
  sets it as soon as its headers are read (a longer delay than `max_retry_after` ends the
  link's retries), and the connector looks at it once a request's connection is ready, right
  before the request is written, so that no request, first try or retry, reaches a host
  before its Retry-After has passed; each 429 also lowers the host's limit by one;
- HEAD first, then GET when HEAD is refused or answers an error, or GET at once for a URL
  that failed or refused HEAD last time; a GET's body is read only when short (to keep the
  connection), else the response is closed after its headers;
- redirects followed by hand (at most `MAX_HOPS`), so that each hop's status is known;
- retries with bounded exponential backoff for timeouts, resets, refused connections, 429
  and 5xx; 404/410, a name that does not resolve and a redirect loop are final at once;
- a total time budget: links not done when it runs out are left unchecked.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import email.utils
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple
from urllib.parse import urljoin, urlsplit

import aiohttp
from yarl import URL

from awesome_lint.online.outcomes import USER_AGENT, HttpOptions, Outcome, Progress, proxy_set

__all__ = ["USER_AGENT", "Checker", "HttpOptions", "Outcome", "Progress"]

MAX_HOPS = 10
# Bodies read (to keep the connection) when their Content-Length is at most this.
SMALL_BODY = 16 * 1024
# Statuses worth asking again: the server is overloaded, down or rate-limiting.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})


class _Transient(Exception):
    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


class _GiveUp(Exception):
    """A failure that retrying will not cure within the run (a Retry-After too long)."""


@dataclass
class _Host:
    """One host's turn: at most `limit` requests in flight, none before `not_before`."""

    limit: int
    active: int = 0
    not_before: float = 0.0
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def acquire(self) -> None:
        async with self.changed:
            while True:
                delay = self.not_before - time.monotonic()
                if delay > 0:
                    # Woken early by a release, or at the time: look again either way.
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(self.changed.wait(), delay + 0.005)
                elif self.active < self.limit:
                    self.active += 1
                    return
                else:
                    await self.changed.wait()

    async def release(self) -> None:
        async with self.changed:
            self.active -= 1
            self.changed.notify()

    def slow_down(self, delay: float) -> None:
        """A 429 (or a 503 with Retry-After), read while its request still holds its slot:
        nothing more before `delay` seconds, and one request fewer at once from now on,
        never more than the others in flight (those the host is still answering)."""
        self.not_before = max(self.not_before, time.monotonic() + delay)
        self.limit = max(1, min(self.limit - 1, self.active - 1))

    @property
    def open(self) -> bool:
        return self.not_before <= time.monotonic()


class _GateClosed(Exception):
    """A Retry-After arrived while the request waited for its connection: not sent."""


# The host a request is for, seen by the connector (the same task) once the connection is
# ready: the last moment before the request is written.
_HOST: contextvars.ContextVar[_Host | None] = contextvars.ContextVar("host", default=None)


class _GatedConnector(aiohttp.TCPConnector):
    """A connector that sends nothing to a host whose Retry-After has not passed: the look
    is made after the connection is ready (opening one yields to the event loop, and a 429
    from the host may arrive meanwhile), right before the request is written."""

    async def connect(
        self, req: aiohttp.ClientRequest, traces: list[Any], timeout: aiohttp.ClientTimeout
    ) -> aiohttp.connector.Connection:
        connection = await super().connect(req, traces, timeout)
        # Answers that have arrived but are not read yet (a 429 among them) are read first:
        # two turns of the event loop, one to poll the sockets, one to wake their readers.
        for _ in range(2):
            await asyncio.sleep(0)
        host = _HOST.get()
        if host is not None and not host.open:
            connection.release()
            raise _GateClosed
        return connection


class Checker:
    def __init__(self, options: HttpOptions, progress: Progress | None = None) -> None:
        self.options = options
        self.progress = progress or Progress()
        self._hosts: dict[str, _Host] = {}
        self._global: asyncio.Semaphore | None = None
        self._client: aiohttp.ClientSession | None = None
        # Requests made, for the cache tests and the bench.
        self.requests = 0

    async def check_all(
        self,
        urls: Iterable[str],
        on_done: Callable[[str, Outcome], None] | None = None,
        get_first: frozenset[str] = frozenset(),
    ) -> dict[str, Outcome]:
        """The outcome of each URL checked within the time budget (the others are missing);
        the URLs of `get_first` (failing, or refusing HEAD, at the last run) are asked with
        GET at once."""
        todo = list(dict.fromkeys(urls))
        self.progress.total += len(todo)
        results: dict[str, Outcome] = {}
        if not todo:
            return results
        self._global = asyncio.Semaphore(self.options.concurrency)
        # The limits per host are ours (they wait for Retry-After); the connector only
        # bounds the connections.
        connector = _GatedConnector(limit=self.options.concurrency, limit_per_host=0)
        async with aiohttp.ClientSession(
            connector=connector,
            timeout=aiohttp.ClientTimeout(total=self.options.timeout),
            headers={"User-Agent": self.options.user_agent, "Accept": "*/*"},
            trust_env=proxy_set(),
        ) as client:
            self._client = client

            async def one(url: str) -> None:
                outcome = await self.check(url, url in get_first)
                results[url] = outcome
                self.progress.done += 1
                if outcome.kind in ("dead", "transient"):
                    self.progress.failures += 1
                if on_done is not None:
                    on_done(url, outcome)

            tasks = [asyncio.ensure_future(one(url)) for url in todo]
            _, pending = await asyncio.wait(tasks, timeout=self.options.budget)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending)
        return results

    async def check(self, url: str, get_first: bool = False) -> Outcome:
        reasons: list[str] = []
        status: int | None = None
        for attempt in range(self.options.retries + 1):
            try:
                return await self._follow(url, get_first)
            except _Transient as exc:
                reasons.append(exc.reason)
                status = exc.status if exc.status is not None else status
            except _GiveUp as exc:
                reasons.append(str(exc))
                break
            except _Final as exc:
                return exc.outcome
            if attempt < self.options.retries:
                delay = self.options.backoff * (2**attempt)
                await asyncio.sleep(min(delay, self.options.max_backoff))
        return Outcome("transient", status, _summary(reasons))

    async def _follow(self, url: str, get_first: bool = False) -> Outcome:
        chain: list[int] = []
        seen = {url}
        current = url
        head_refused = False
        for _ in range(MAX_HOPS + 1):
            response = await self._fetch(current, get_first and current == url)
            head_refused = head_refused or (current == url and response.head_refused)
            code = response.status
            location = response.location
            if 300 <= code < 400 and code != 304 and location:
                chain.append(code)
                following = urljoin(current, location.strip())
                if following in seen:
                    return Outcome("dead", code, "redirect loop")
                seen.add(following)
                current = following
                continue
            outcome = _classify(url, current, code, chain)
            return replace(outcome, head_refused=True) if head_refused else outcome
        return Outcome("unverifiable", chain[-1], f"more than {MAX_HOPS} redirects")

    async def _fetch(self, url: str, get_first: bool = False) -> _Answer:
        response = await self._request("GET" if get_first else "HEAD", url)
        code = response.status
        if code >= 400 and code not in RETRY_STATUSES and not get_first:
            # Many servers refuse HEAD (405, 501, even 404 or 403): GET decides.
            response = await self._request("GET", url)
            if response.status < 400:
                response = response._replace(head_refused=True)
        code = response.status
        if code in RETRY_STATUSES:
            raise _Transient(str(code), code)
        return response

    async def _request(self, method: str, url: str) -> _Answer:
        assert self._client is not None and self._global is not None
        parts = urlsplit(url)
        key = f"{parts.hostname}:{parts.port or ''}"
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = _Host(self.options.per_host)
        while True:
            await host.acquire()
            try:
                async with self._global:
                    # A Retry-After may have arrived while this waited for a global slot;
                    # the connector looks again once the connection is ready.
                    if host.open:
                        response = await self._send(method, url, host)
                        break
            except _GateClosed:
                self.requests -= 1
                continue
            finally:
                await host.release()
        if response.status in (429, 503):
            delay = _retry_after(response.retry_after)
            if delay is not None and delay > self.options.max_retry_after:
                raise _GiveUp(f"{response.status}, Retry-After {delay:.0f} s")
        return response

    async def _send(self, method: str, url: str, host: _Host | None = None) -> _Answer:
        assert self._client is not None
        _HOST.set(host)
        self.requests += 1
        try:
            # encoded=True: the URL is sent as written, not re-quoted.
            target = URL(url, encoded=url.isascii() and " " not in url)
            async with self._client.request(method, target, allow_redirects=False) as response:
                if host is not None and response.status in (429, 503):
                    # The host's turn closes as soon as its refusal is read, before anything
                    # else (its body, this slot given to another request) can yield.
                    _slow_down(host, response.status, response.headers.get("Retry-After"))
                # The headers are enough. A short body is read all the same, so that the
                # connection can serve the next request (an unread body closes it).
                length = response.content_length
                if method == "GET" and length is not None and length <= SMALL_BODY:
                    await response.read()
                headers = response.headers
                return _Answer(response.status, headers.get("Location"), headers.get("Retry-After"))
        except asyncio.TimeoutError:
            raise _Transient("timed out") from None
        except aiohttp.ClientConnectorDNSError as exc:
            if _dns_error(exc.os_error) == "no such host":
                raise _Final(Outcome("dead", None, "DNS: no such host")) from None
            raise _Transient(f"DNS: {_dns_error(exc.os_error)}") from None
        except (aiohttp.ClientConnectorCertificateError, aiohttp.ClientSSLError):
            raise _Transient("TLS error") from None
        except aiohttp.ClientConnectorError as exc:
            refused = isinstance(exc.os_error, ConnectionRefusedError)
            raise _Transient("connection refused" if refused else "connection failed") from None
        except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError):
            raise _Transient("connection reset") from None
        except (aiohttp.InvalidURL, ValueError) as exc:
            raise _Final(Outcome("unverifiable", None, f"not checkable: {exc}")) from None
        except aiohttp.ClientError as exc:
            raise _Transient(type(exc).__name__) from None


def _slow_down(host: _Host, status: int, retry_after: str | None) -> None:
    delay = _retry_after(retry_after)
    if delay is not None or status == 429:
        host.slow_down(delay or 0.0)


class _Answer(NamedTuple):
    status: int
    location: str | None
    retry_after: str | None
    head_refused: bool = False


class _Final(Exception):
    """An outcome known before any answer (a host that does not exist, a bad URL)."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome.error)
        self.outcome = outcome


def _classify(url: str, final: str, code: int, chain: list[int]) -> Outcome:
    if 200 <= code < 300 or code == 304:
        permanent = bool(chain) and (chain[0] in (301, 308) or chain[-1] in (301, 308))
        if permanent and final != url.split("#", 1)[0] and worth_following(url, final):
            fragment = urlsplit(url).fragment
            if fragment and not urlsplit(final).fragment:
                final = f"{final}#{fragment}"  # as a browser carries it over
            return Outcome("redirect", chain[0], None, final)
        return Outcome("ok", code)
    if code in (404, 410):
        hops = "".join(f"{c} -> " for c in chain)
        return Outcome("dead", code, f"{hops}{code}")
    return Outcome("unverifiable", code, str(code))


_LOGIN_WORDS = ("login", "log-in", "signin", "sign-in", "sign_in", "auth", "sso", "session")
_WALL_WORDS = ("consent", "cookie", "gdpr", "captcha", "challenge")


def worth_following(url: str, final: str) -> bool:
    """Whether a permanent redirect from `url` to `final` says where the page went.

    Not when it lands on a login page, a cookie or consent wall, or a home page (another
    host's landing page included), nor when it only adds query parameters (session ids)."""
    before, after = urlsplit(url), urlsplit(final)
    path = after.path.lower()
    where = f"{after.hostname or ''} {path}"
    if any(word in where for word in (*_LOGIN_WORDS, *_WALL_WORDS)):
        return False
    if path in ("", "/") and before.path not in ("", "/"):
        return False
    same_page = (before.hostname, before.path) == (after.hostname, after.path)
    return not (same_page and before.query != after.query and before.query in after.query)


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _dns_error(error: OSError) -> str:
    if isinstance(error, socket.gaierror) and error.errno in _NO_SUCH_HOST:
        return "no such host"
    return str(error.strerror or error).lower()


_NO_SUCH_HOST = (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5))


def _summary(reasons: list[str]) -> str:
    if not reasons:
        return "failed"
    if len(set(reasons)) == 1:
        n = len(reasons)
        return reasons[0] if n == 1 else f"{reasons[0]} {n} times"
    return f"failed {len(reasons)} times ({', '.join(dict.fromkeys(reasons))})"

"""Check URLs over HTTP: what each one answers, after redirects and retries.

httpx (asyncio) with:
- a global limit on requests in flight and a per-host one (a host is `host:port`);
- per host, a time before which it is not asked again: a 429 or 503 with `Retry-After`
  sets it (the delay capped by `max_retry_after`; a longer one ends the link's retries), so
  no request reaches a host before its Retry-After has passed;
- HEAD first, then GET when HEAD is refused or answers an error; a GET's body is never read
  (the response is closed after its headers);
- redirects followed by hand (at most `MAX_HOPS`), so that each hop's status is known;
- retries with bounded exponential backoff for timeouts, resets, refused connections, 429
  and 5xx; 404/410, a name that does not resolve and a redirect loop are final at once;
- a total time budget: links not done when it runs out are left unchecked.
"""

from __future__ import annotations

import asyncio
import email.utils
import errno
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urljoin, urlsplit

import httpx

from awesome_lint import __version__

Kind = Literal["ok", "dead", "redirect", "unverifiable", "transient"]
USER_AGENT = f"awesome-lint/{__version__} (+https://github.com/awesome-lint/awesome-lint)"
MAX_HOPS = 10
# Statuses worth asking again: the server is overloaded, down or rate-limiting.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})


@dataclass(frozen=True)
class Outcome:
    """What a URL answered. `status` is the HTTP status that decided (None: no answer),
    `error` what went wrong in words (`404`, `DNS: no such host`, `timed out 3 times`),
    `final` where a permanent redirect leads."""

    kind: Kind
    status: int | None = None
    error: str | None = None
    final: str | None = None


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


class _Transient(Exception):
    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


class _GiveUp(Exception):
    """A failure that retrying will not cure within the run (a Retry-After too long)."""


@dataclass
class _Host:
    slots: asyncio.Semaphore
    not_before: float = 0.0

    async def turn(self) -> None:
        """Wait until the host may be asked again (holding no slot meanwhile)."""
        while True:
            delay = self.not_before - time.monotonic()
            if delay <= 0:
                return
            await asyncio.sleep(delay + 0.005)


@dataclass
class Progress:
    """Counts for a progress line: links done, total, failures."""

    total: int = 0
    done: int = 0
    failures: int = 0
    started: float = field(default_factory=time.monotonic)


class Checker:
    def __init__(
        self,
        options: HttpOptions,
        progress: Progress | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.options = options
        self.progress = progress or Progress()
        self._transport = transport
        self._hosts: dict[str, _Host] = {}
        self._global: asyncio.Semaphore | None = None
        self._client: httpx.AsyncClient | None = None
        # Requests made, for the cache tests and the bench.
        self.requests = 0

    async def check_all(
        self, urls: Iterable[str], on_done: Callable[[str, Outcome], None] | None = None
    ) -> dict[str, Outcome]:
        """The outcome of each URL checked within the time budget (the others are missing)."""
        todo = list(dict.fromkeys(urls))
        self.progress.total += len(todo)
        results: dict[str, Outcome] = {}
        if not todo:
            return results
        self._global = asyncio.Semaphore(self.options.concurrency)
        timeout = httpx.Timeout(self.options.timeout)
        limits = httpx.Limits(
            max_connections=self.options.concurrency,
            max_keepalive_connections=self.options.concurrency,
        )
        async with httpx.AsyncClient(
            timeout=timeout,
            limits=limits,
            follow_redirects=False,
            headers={"User-Agent": self.options.user_agent, "Accept": "*/*"},
            transport=self._transport,
            trust_env=True,
        ) as client:
            self._client = client

            async def one(url: str) -> None:
                outcome = await self.check(url)
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

    async def check(self, url: str) -> Outcome:
        reasons: list[str] = []
        status: int | None = None
        for attempt in range(self.options.retries + 1):
            try:
                return await self._follow(url)
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

    async def _follow(self, url: str) -> Outcome:
        chain: list[int] = []
        seen = {url}
        current = url
        for _ in range(MAX_HOPS + 1):
            response = await self._fetch(current)
            code = response.status_code
            location = response.headers.get("location")
            if 300 <= code < 400 and code != 304 and location:
                chain.append(code)
                following = urljoin(current, location.strip())
                if following in seen:
                    return Outcome("dead", code, "redirect loop")
                seen.add(following)
                current = following
                continue
            return _classify(url, current, code, chain)
        return Outcome("unverifiable", chain[-1], f"more than {MAX_HOPS} redirects")

    async def _fetch(self, url: str) -> httpx.Response:
        response = await self._request("HEAD", url)
        code = response.status_code
        if code >= 400 and code not in RETRY_STATUSES:
            # Many servers refuse HEAD (405, 501, even 404 or 403): GET decides.
            response = await self._request("GET", url)
        code = response.status_code
        if code in RETRY_STATUSES:
            raise _Transient(str(code), code)
        return response

    async def _request(self, method: str, url: str) -> httpx.Response:
        assert self._client is not None and self._global is not None
        parts = urlsplit(url)
        key = f"{parts.hostname}:{parts.port or ''}"
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = _Host(asyncio.Semaphore(self.options.per_host))
        while True:
            await host.turn()
            async with host.slots:
                if host.not_before > time.monotonic():
                    continue  # a Retry-After arrived while this request waited for a slot
                async with self._global:
                    response = await self._send(method, url)
                break
        if response.status_code in (429, 503):
            delay = _retry_after(response.headers.get("retry-after"))
            if delay is not None:
                if delay > self.options.max_retry_after:
                    host.not_before = max(host.not_before, time.monotonic() + delay)
                    raise _GiveUp(f"{response.status_code}, Retry-After {delay:.0f} s")
                host.not_before = max(host.not_before, time.monotonic() + delay)
        return response

    async def _send(self, method: str, url: str) -> httpx.Response:
        assert self._client is not None
        self.requests += 1
        try:
            request = self._client.build_request(method, url)
            response = await self._client.send(request, stream=True)
            await response.aclose()  # the headers are enough; the body is never read
            return response
        except httpx.TimeoutException:
            raise _Transient("timed out") from None
        except httpx.ConnectError as exc:
            dns = _dns_error(exc)
            if dns == "no such host":
                raise _Final(Outcome("dead", None, "DNS: no such host")) from None
            if dns is not None:
                raise _Transient(f"DNS: {dns}") from None
            raise _Transient(_connect_reason(exc)) from None
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
            raise _Transient("connection reset") from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL, httpx.LocalProtocolError) as exc:
            raise _Final(Outcome("unverifiable", None, f"not checkable: {exc}")) from None
        except httpx.HTTPError as exc:
            raise _Transient(type(exc).__name__) from None


class _Final(Exception):
    """An outcome known before any answer (a host that does not exist, a bad URL)."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome.error)
        self.outcome = outcome


def _classify(url: str, final: str, code: int, chain: list[int]) -> Outcome:
    if 200 <= code < 300 or code == 304:
        permanent = bool(chain) and (chain[0] in (301, 308) or chain[-1] in (301, 308))
        if permanent and final != url and worth_following(url, final):
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


def _dns_error(exc: BaseException) -> str | None:
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return None
        if isinstance(seen, socket.gaierror):
            if seen.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
                return "no such host"
            return str(seen.strerror or seen).lower()
        seen = seen.__cause__ or seen.__context__
    return None


def _connect_reason(exc: BaseException) -> str:
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            break
        if isinstance(seen, ConnectionRefusedError) or (
            isinstance(seen, OSError) and seen.errno == errno.ECONNREFUSED
        ):
            return "connection refused"
        if "CERTIFICATE" in str(seen).upper() or "SSL" in type(seen).__name__.upper():
            return "TLS error"
        seen = seen.__cause__ or seen.__context__
    text = str(exc).lower()
    if "refused" in text:
        return "connection refused"
    return "connection failed"


def _summary(reasons: list[str]) -> str:
    if not reasons:
        return "failed"
    if len(set(reasons)) == 1:
        n = len(reasons)
        return reasons[0] if n == 1 else f"{reasons[0]} {n} times"
    return f"failed {len(reasons)} times ({', '.join(dict.fromkeys(reasons))})"

"""Loopback HTTP servers for the online tests and the bench: each on its own 127.0.0.x address,
answering by path, recording every request (method, path, user agent, time)."""

from __future__ import annotations

import json
import re
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote

# An answer: status, headers, body.
Answer = tuple[int, dict[str, str], bytes]
Route = Callable[["Server", str, str, dict[str, str], bytes], Answer]


@dataclass
class Hit:
    method: str
    path: str
    agent: str
    at: float


@dataclass
class Server:
    address: str
    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    # Per path, how many times it was asked (for answers that change: 503 then 200).
    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"http://{self.address}:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def answer(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Answer:
        with self.lock:
            self.hits.append(Hit(method, path, headers.get("user-agent", ""), time.monotonic()))
            self.counts[path] = self.counts.get(path, 0) + 1
        route = self.routes.get(path.split("?", 1)[0])
        if route is None:
            return 404, {}, b"not here"
        return route(self, method, path, headers, body)


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, extra, payload = server.answer(self.command, self.path, headers, body)
            self.send_response(status)
            for key, value in extra.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)

        do_GET = do_HEAD = do_POST = _serve

    return Handler


class _Quiet(ThreadingHTTPServer):
    """Says nothing of a client that left before its answer (a run out of time)."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(*servers: Server) -> Iterator[tuple[Server, ...]]:
    """Run `servers` (each on its own address, a free port) for the block."""
    running = []
    try:
        for server in servers:
            httpd = _Quiet((server.address, server.port), _handler(server))
            httpd.daemon_threads = True
            server.port = httpd.server_address[1]
            thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
            thread.daemon = True
            thread.start()
            running.append((httpd, thread))
        yield servers
    finally:
        for httpd, thread in running:
            httpd.shutdown()
            httpd.server_close()
            thread.join(5)


@contextmanager
def silent_server(address: str = "127.0.0.9") -> Iterator[str]:
    """A server that accepts connections and never answers: its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((address, 0))
    sock.listen(64)
    try:
        yield f"http://{address}:{sock.getsockname()[1]}"
    finally:
        sock.close()


# -- routes --------------------------------------------------------------------------------


def status(code: int, **headers: str) -> Route:
    return lambda s, m, p, h, b: (code, dict(headers), b"")


def redirect(code: int, location: str) -> Route:
    return lambda s, m, p, h, b: (code, {"Location": location}, b"")


def first_then(first: Answer, then: Answer, times: int = 1) -> Route:
    def route(s: Server, m: str, p: str, h: dict[str, str], b: bytes) -> Answer:
        return first if s.counts[p] <= times else then

    return route


def no_head(s: Server, m: str, p: str, h: dict[str, str], b: bytes) -> Answer:
    return (405, {}, b"") if m == "HEAD" else (200, {}, b"ok")


def browsers_only(s: Server, m: str, p: str, h: dict[str, str], b: bytes) -> Answer:
    return (200, {}, b"ok") if "Mozilla" in h.get("user-agent", "") else (403, {}, b"no bots")


# -- a mock GitHub API ----------------------------------------------------------------------

_FIELD = re.compile(r'(r\d+): repository\(owner: ("(?:[^"\\]|\\.)*"), name: ("(?:[^"\\]|\\.)*")\)')


def github_api(
    server: Server,
    repos: dict[str, dict[str, Any]],
    renamed: dict[str, str],
    rest_limit: int = 60,
) -> None:
    """Routes of a GitHub API on `server`: `repos` by `owner/name` (lower case) with
    `full_name` and `archived`; `renamed` maps old names to new ones. REST answers 403 with
    `x-ratelimit-remaining: 0` after `rest_limit` requests."""

    def find(name: str) -> dict[str, Any] | None:
        name = renamed.get(name.lower(), name).lower()
        return repos.get(name)

    def graphql(s: Server, m: str, p: str, h: dict[str, str], b: bytes) -> Answer:
        if not h.get("authorization", "").startswith("Bearer "):
            return 401, {}, b'{"message": "Bad credentials"}'
        query = json.loads(b)["query"]
        data: dict[str, Any] = {"rateLimit": {"remaining": 4999, "resetAt": "2030-01-01T00:00:00Z"}}
        errors = []
        for alias, owner, name in _FIELD.findall(query):
            repo = find(f"{json.loads(owner)}/{json.loads(name)}")
            if repo is None:
                data[alias] = None
                errors.append({"type": "NOT_FOUND", "path": [alias], "message": "not found"})
            else:
                data[alias] = {"nameWithOwner": repo["full_name"], "isArchived": repo["archived"]}
        body = {"data": data, **({"errors": errors} if errors else {})}
        headers = {"Content-Type": "application/json", "x-ratelimit-remaining": "4999"}
        return 200, headers, json.dumps(body).encode()

    def rest(s: Server, m: str, p: str, h: dict[str, str], b: bytes) -> Answer:
        asked = sum(1 for hit in s.hits if hit.path.startswith("/repos/"))
        remaining = max(rest_limit - asked, 0)
        limits = {"x-ratelimit-limit": str(rest_limit), "x-ratelimit-reset": "1893456000"}
        if asked > rest_limit:
            limits["x-ratelimit-remaining"] = "0"
            return 403, limits, b'{"message": "API rate limit exceeded"}'
        limits["x-ratelimit-remaining"] = str(remaining)
        name = p.removeprefix("/repos/")
        if name.lower() in renamed:
            return 301, {**limits, "Location": f"/repositories/{name.lower()}"}, b""
        repo = find(name)
        if repo is None:
            return 404, limits, b'{"message": "Not Found"}'
        body = {"full_name": repo["full_name"], "archived": repo["archived"]}
        return 200, {**limits, "Content-Type": "application/json"}, json.dumps(body).encode()

    def by_id(s: Server, m: str, p: str, h: dict[str, str], b: bytes) -> Answer:
        repo = find(p.removeprefix("/repositories/"))
        if repo is None:
            return 404, {}, b""
        body = {"full_name": repo["full_name"], "archived": repo["archived"]}
        return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()

    server.routes["/graphql"] = graphql

    class Prefix(dict[str, Route]):
        def get(self, key: str, default: Any = None) -> Any:
            if key.startswith("/repos/"):
                return rest
            if key.startswith("/repositories/"):
                return by_id
            return super().get(key, default)

    server.routes = Prefix(server.routes)


# -- a mock GitLab API ----------------------------------------------------------------------


def gitlab_api(
    server: Server,
    projects: dict[str, bool],
    renamed: dict[str, str],
    groups: frozenset[str] = frozenset(),
    delay: float = 0.0,
) -> None:
    """Routes of a GitLab API on `server`: `projects` maps each path (lower case) to whether
    it is archived; `renamed` maps old paths to new ones (answered under the new path, as
    GitLab does); `groups` are group paths. Each answer waits `delay` seconds."""

    def project(s: Server, m: str, p: str, h: dict[str, str], b: bytes) -> Answer:
        time.sleep(delay)
        path = unquote(p.removeprefix("/api/v4/projects/")).lower()
        path = renamed.get(path, path)
        if path not in projects:
            return 404, {"Content-Type": "application/json"}, b'{"message": "404 Not Found"}'
        body = {
            "path_with_namespace": path,
            "archived": projects[path],
            "web_url": f"https://gitlab.com/{path}",
        }
        return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()

    def group(s: Server, m: str, p: str, h: dict[str, str], b: bytes) -> Answer:
        path = unquote(p.removeprefix("/api/v4/groups/")).lower()
        return (200, {}, b"{}") if path in groups else (404, {}, b"{}")

    routes = server.routes

    class Prefix(dict[str, Route]):
        def get(self, key: str, default: Any = None) -> Any:
            if key.startswith("/api/v4/projects/"):
                return project
            if key.startswith("/api/v4/groups/"):
                return group
            return super().get(key, default)

    server.routes = Prefix(routes)

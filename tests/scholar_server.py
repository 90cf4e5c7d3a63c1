"""A loopback server playing the four scholarly sources from tests/fixtures/scholar/.

Each fixture file names, in `_shape`, the documentation its answers' shape comes from. The
server counts requests per source, can add latency, and can answer 429 (with Retry-After)
a given number of times before it answers.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

FIXTURES = Path(__file__).parent / "fixtures" / "scholar"


def _load(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


class Scholar:
    def __init__(self, latency: float = 0.0, extra_s2: dict[str, Any] | None = None) -> None:
        self.latency = latency
        self.s2: dict[str, Any] = {**_load("semanticscholar")["papers"], **(extra_s2 or {})}
        self.arxiv: dict[str, Any] = _load("arxiv")["entries"]
        self.crossref: dict[str, Any] = _load("crossref")["items"]
        self.openreview: dict[str, Any] = _load("openreview")["notes"]
        self.requests: Counter[str] = Counter()
        self.throttle: Counter[str] = Counter()  # source -> 429s still to answer
        self.retry_after = "1"
        self.agents: list[str] = []
        self.lock = threading.Lock()

    def answer(self, method: str, path: str, query: dict[str, list[str]], body: bytes) -> Any:
        if path.endswith("/graph/v1/paper/batch") and method == "POST":
            ids = json.loads(body)["ids"]
            return (
                "semanticscholar",
                200,
                "application/json",
                json.dumps([self.s2.get(i) for i in ids]),
            )
        if path.endswith("/api/query"):
            ids = query.get("id_list", [""])[0].split(",")
            return "arxiv", 200, "application/atom+xml", self._feed(ids)
        if path.endswith("/works"):
            dois = [f[4:] for f in query.get("filter", [""])[0].split(",") if f.startswith("doi:")]
            items = [self.crossref[d] for d in dois if d in self.crossref]
            message = {"total-results": len(items), "items": items}
            data = {"status": "ok", "message-type": "work-list", "message": message}
            return "crossref", 200, "application/json", json.dumps(data)
        if path.endswith("/notes"):
            ids = query.get("ids", [""])[0].split(",")
            notes = [self.openreview[i] for i in ids if i in self.openreview]
            return "openreview", 200, "application/json", json.dumps({"notes": notes})
        return "unknown", 404, "text/plain", "not found"

    def _feed(self, ids: list[str]) -> str:
        entries = []
        for ident in ids:
            e = self.arxiv.get(ident)
            if e is None:
                continue
            entries.append(
                "<entry>"
                f"<id>http://arxiv.org/abs/{ident}v1</id>"
                f"<published>{e['published']}</published>"
                f"<title>{escape(e['title'])}</title>"
                f"<summary>{escape(e['summary'])}</summary>"
                f"<arxiv:comment>{escape(e['comment'])}</arxiv:comment>"
                "</entry>"
            )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">'
            "<title>arXiv Query</title>" + "".join(entries) + "</feed>"
        )


@contextmanager
def serve(scholar: Scholar) -> Iterator[str]:
    """Run the server on 127.0.0.1; yields its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _handle(self, method: str) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            source, status, kind, text = scholar.answer(
                method, parts.path, parse_qs(parts.query), body
            )
            with scholar.lock:
                scholar.requests[source] += 1
                scholar.agents.append(self.headers.get("User-Agent", ""))
                throttled = scholar.throttle[source] > 0
                if throttled:
                    scholar.throttle[source] -= 1
            if scholar.latency:
                time.sleep(scholar.latency)
            if throttled:
                status, kind, text = 429, "text/plain", "Too Many Requests"
            data = text.encode()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            if throttled:
                self.send_header("Retry-After", scholar.retry_after)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port_url() -> str:
    """A loopback URL nothing listens on: a source that is down."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


ENV = {
    "semanticscholar": "AWESOME_LINT_SEMANTICSCHOLAR_API",
    "arxiv": "AWESOME_LINT_ARXIV_API",
    "crossref": "AWESOME_LINT_CROSSREF_API",
    "openreview": "AWESOME_LINT_OPENREVIEW_API",
}

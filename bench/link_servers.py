"""The online benchmark's servers: N hosts on loopback addresses (127.0.0.10, .11, ...), one
port, each answering after a fixed latency and allowing a few requests at once.

A request beyond a host's limit gets 429 with `Retry-After: 1`, and the host answers 429 to
everything until that second has passed. A request that arrives in such a second is counted as
a violation when it was sent after the client could have read the 429: on a connection that
was opened (more than 5 ms before the server began serving it, an allowance for the server's
own delay), or last answered, after the host wrote that 429 (an HTTP/1.1 client sends on a
connection only once it has read the previous answer). Requests already under way when the
429 was written (sent on connections open and idle before it) are counted as `in_flight`: the
client could not have known. A client that honours Retry-After makes no violation.

Paths: /live/N 200; /dead/N 404; /gone/N 410; /moved/N 301 -> /live/N-new; /temp/N 302 ->
/live/N; /nohead/N 405 to HEAD, 200 to GET. Anything else 404.

Run: python bench/link_servers.py --stats out.json  (until SIGTERM or SIGINT; then the
counts per host go to --stats).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import time
from dataclasses import dataclass


@dataclass
class Host:
    active: int = 0
    blocked_until: float = 0.0
    requests: int = 0
    too_many: int = 0
    violations: int = 0
    in_flight: int = 0
    # When the host wrote the 429 that began the current refusal (inf while it is written).
    refused_at: float = 0.0


# How long before this server starts serving a new connection its client may have opened it.
FRESH_GRACE = 0.005
BODY = b"<!doctype html><title>ok</title>" + b"<p>page</p>" * 150


def route(method: str, path: str) -> tuple[int, dict[str, str], bytes]:
    parts = path.split("/")
    kind = parts[1] if len(parts) > 2 else ""
    if kind == "live":
        return 200, {"Content-Type": "text/html"}, BODY
    if kind == "dead":
        return 404, {"Content-Type": "text/html"}, b"not found"
    if kind == "gone":
        return 410, {"Content-Type": "text/html"}, b"gone"
    if kind == "moved":
        return 301, {"Location": f"/live/{parts[2]}-new"}, b""
    if kind == "temp":
        return 302, {"Location": f"/live/{parts[2]}"}, b""
    if kind == "nohead":
        if method == "HEAD":
            return 405, {"Allow": "GET"}, b""
        return 200, {"Content-Type": "text/html"}, BODY
    return 404, {}, b"not found"


async def serve(host: Host, latency: float, limit: int, reader: asyncio.StreamReader,
                writer: asyncio.StreamWriter) -> None:  # fmt: skip
    # Since when the client may send on this connection: its opening, then each answer. This
    # server starts serving a new connection a moment after the client opened it (after any
    # answers it was writing then), hence the grace.
    ready = time.monotonic() - FRESH_GRACE
    try:
        while True:
            line = await reader.readline()
            if not line:
                return
            method, path, _ = line.decode("latin-1").split(" ", 2)
            headers = {}
            while True:
                raw = await reader.readline()
                if raw in (b"\r\n", b"\n", b""):
                    break
                key, _, value = raw.decode("latin-1").partition(":")
                headers[key.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0") or 0)
            if length:
                await reader.readexactly(length)
            now = time.monotonic()
            host.requests += 1
            extra: dict[str, str]
            first_refusal = False
            if now < host.blocked_until:
                if ready > host.refused_at:
                    host.violations += 1
                else:
                    host.in_flight += 1
                wait = max(1, round(host.blocked_until - now + 0.5))
                status, extra, body = 429, {"Retry-After": str(wait)}, b"slow down"
            elif host.active >= limit:
                host.too_many += 1
                host.blocked_until = now + 1.0
                host.refused_at = float("inf")
                first_refusal = True
                status, extra, body = 429, {"Retry-After": "1"}, b"slow down"
            else:
                host.active += 1
                try:
                    await asyncio.sleep(latency)
                finally:
                    host.active -= 1
                status, extra, body = route(method, path.split("?", 1)[0])
            head = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}"]
            head += [f"{k}: {v}" for k, v in extra.items()]
            close = headers.get("connection", "").lower() == "close"
            if close:
                head.append("Connection: close")
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
            if method != "HEAD":
                writer.write(body)
            await writer.drain()
            ready = time.monotonic()
            if first_refusal:
                host.refused_at = ready
            if close:
                return
    except (ConnectionError, ValueError, asyncio.IncompleteReadError):
        return
    finally:
        writer.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--stats", default=None)
    args = parser.parse_args()
    hosts = {f"127.0.0.{10 + i}": Host() for i in range(args.hosts)}
    servers = []
    for address, host in hosts.items():

        async def handle(r: asyncio.StreamReader, w: asyncio.StreamWriter, h: Host = host) -> None:
            await serve(h, args.latency, args.limit, r, w)

        servers.append(await asyncio.start_server(handle, address, args.port, backlog=512))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    print(f"serving {len(hosts)} hosts on port {args.port}", flush=True)
    await stop.wait()
    for server in servers:
        server.close()
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as f:
            json.dump({a: h.__dict__ for a, h in hosts.items()}, f, indent=1)


if __name__ == "__main__":
    asyncio.run(main())

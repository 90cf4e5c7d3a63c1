"""The online benchmark: 2,000 table links over 20 loopback hosts (50 ms latency, 5 requests
at once per host, 429 + Retry-After beyond), checked by awesome-lint --online (cold, then
with a warm cache), markdown-link-check and linkchecker. Prints a Markdown report.

Usage: bash bench/online_setup_peers.sh   # once, for the peers
       python bench/online_run.py [--links 2000] [--hosts 20] [--tool "awesome-lint"]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PEERS = HERE / "peers" / "online"
PORT = 8765
# As users run the tools: Python writes and reuses its bytecode caches.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"NO_COLOR": "1"}


def generate(links: int, hosts: int, port: int) -> tuple[str, dict[str, str]]:
    """The README and the truth: URL -> dead, moved or live."""
    rows = ["# Bench list", "", "| Name | Paper |", "| --- | --- |"]
    truth: dict[str, str] = {}
    for i in range(links):
        host = f"127.0.0.{10 + i % hosts}:{port}"
        kind = (
            "dead" if i % 40 == 0 else
            "gone" if i % 40 == 1 else
            "moved" if i % 25 == 2 else
            "temp" if i % 25 == 3 else
            "nohead" if i % 50 == 4 else
            "live"
        )  # fmt: skip
        url = f"http://{host}/{kind}/{i}"
        truth[url] = {"dead": "dead", "gone": "dead", "moved": "moved"}.get(kind, "live")
        rows.append(f"| Entry {i} | [paper]({url}) |")
    return "\n".join(rows) + "\n", truth


class Servers:
    def __init__(self, hosts: int, stats: Path) -> None:
        self.stats = stats
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "link_servers.py"), "--hosts", str(hosts), "--port",
             str(PORT), "--stats", str(stats)],
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        self.process.stdout.readline()  # "serving ..."

    def stop(self) -> dict[str, Any]:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(30)
        data: dict[str, Any] = json.loads(self.stats.read_text())
        return data


def timed(command: list[str], cwd: Path, timeout: float) -> tuple[float, str, int]:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, timeout=timeout,
            env=ENV,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return time.perf_counter() - started, "", -1
    return time.perf_counter() - started, done.stdout + done.stderr, done.returncode


def ours(tool: list[str], work: Path, per_host: int | None) -> list[str]:
    config: dict[str, Any] = {"cache": "cache"}
    if per_host is not None:
        config["per_host"] = per_host
    (work / ".awesome-lint.json").write_text(json.dumps({"online": config}))
    (work / ".git").mkdir(exist_ok=True)
    rules = "dead-link,redirected-link,unverifiable"
    return [*tool, "--online", "--select", rules, "--output-format", "json", "README.md"]


def parse_ours(output: str) -> tuple[set[str], set[str]]:
    start = output.find("[")
    items = json.loads(output[start : output.rindex("]") + 1]) if start >= 0 else []
    dead = {i["data"]["url"] for i in items if i["rule"] in ("dead-link", "unverifiable")}
    moved = {i["data"]["url"] for i in items if i["rule"] == "redirected-link"}
    return dead, moved


def parse_mlc(output: str) -> tuple[set[str], set[str]]:
    return set(re.findall(r"\[✖\] (\S+)", output)), set()


def parse_linkchecker(output: str) -> tuple[set[str], set[str]]:
    lines = [line for line in output.splitlines() if not line.startswith("#")]
    dead = set()
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"):
        if row.get("valid") == "False" and row.get("urlname", "").startswith("http"):
            dead.add(row["urlname"])
    return dead, set()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--tool", default="awesome-lint")
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args()
    tool = shlex.split(args.tool)
    text, truth = generate(args.links, args.hosts, PORT)
    dead_truth = {u for u, k in truth.items() if k == "dead"}
    moved_truth = {u for u, k in truth.items() if k == "moved"}
    work = Path(tempfile.mkdtemp(prefix="online-bench-"))
    os.chmod(work, 0o755)  # linkchecker drops root privileges to nobody
    (work / "README.md").write_text(text)
    os.chmod(work / "README.md", 0o644)
    runs: list[tuple[str, list[str], Any]] = [
        ("awesome-lint --online (cold)", ours(tool, work, None), parse_ours),
        ("awesome-lint --online (warm cache)", ours(tool, work, None), parse_ours),
        ("awesome-lint --online, per_host 10 (cold)", ours(tool, work, 10), parse_ours),
    ]
    mlc = PEERS / "node_modules" / ".bin" / "markdown-link-check"
    if not args.no_peers and mlc.exists():
        (work / "mlc.json").write_text(json.dumps({"retryOn429": True}))
        runs.append(("markdown-link-check -r", [str(mlc), "-q", "-c", "mlc.json", "README.md"],
                     parse_mlc))  # fmt: skip
    checker = PEERS / "venv" / "bin" / "linkchecker"
    if not args.no_peers and checker.exists():
        (work / "linkcheckerrc").write_text(
            "[MarkdownCheck]\nfilename_re=.*\\.(markdown|md(own)?|mkdn?)$\n"
        )
        os.chmod(work / "linkcheckerrc", 0o644)
        command = [str(checker), "-f", "linkcheckerrc", "--check-extern", "--no-status",
                   "-o", "csv", "README.md"]  # fmt: skip
        runs.append(("linkchecker", command, parse_linkchecker))
    print(
        f"{args.links} links over {args.hosts} hosts, {len(dead_truth)} dead,"
        f" {len(moved_truth)} moved permanently; 50 ms latency, 5 requests at once per host\n"
    )
    print(
        "| run | wall s | CPU s | dead found | live reported | moved found | 429s"
        " | early requests | in flight at a 429 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    # Warm-up: the interpreter's bytecode caches of our modules, aiohttp's included.
    (work / "empty.md").write_text("| Name |\n| --- |\n| x |\n")
    timed([*ours(tool, work, None)[:-1], "empty.md"], work, args.timeout)
    for name, command, parse in runs:
        if "(cold)" in name:
            shutil.rmtree(work / "cache", ignore_errors=True)
        if "per_host" in name:
            ours(tool, work, 10)
        elif name.startswith("awesome-lint"):
            ours(tool, work, None)
        servers = Servers(args.hosts, work / "stats.json")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, output, code = timed(command, work, args.timeout)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        stats = servers.stop()
        dead, moved = parse(output)
        too_many = sum(h["too_many"] + h["violations"] + h["in_flight"] for h in stats.values())
        early = sum(h["violations"] for h in stats.values())
        in_flight = sum(h["in_flight"] for h in stats.values())
        print(
            f"| {name} | {wall:.2f}{' (timeout)' if code == -1 else ''} | {cpu:.2f}"
            f" | {len(dead & dead_truth)}/{len(dead_truth)} | {len(dead - dead_truth)}"
            f" | {len(moved & moved_truth) if parse is parse_ours else '-'}"
            f" | {too_many} | {early} | {in_flight} |",
            flush=True,
        )
    pull_request(tool, work, args, truth)
    shutil.rmtree(work, ignore_errors=True)


def pull_request(tool: list[str], work: Path, args: Any, truth: dict[str, str]) -> None:
    """PR mode: the list committed, one row changed and one added, --changed-since HEAD,
    no cache."""
    git = ["git", "-c", "user.name=bench", "-c", "user.email=b@b", "-c", "commit.gpgsign=false"]
    shutil.rmtree(work / ".git", ignore_errors=True)
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    subprocess.run([*git, "add", "README.md"], cwd=work, check=True)
    subprocess.run([*git, "commit", "-qm", "list"], cwd=work, check=True)
    text = (work / "README.md").read_text()
    first = next(url for url in truth if "/live/" in url)
    host = first.split("/")[2]
    text = text.replace(f"]({first})", f"](http://{host}/dead/changed)")
    text += f"| New | [paper](http://{host}/gone/added) |\n"
    (work / "README.md").write_text(text)
    shutil.rmtree(work / "cache", ignore_errors=True)
    servers = Servers(args.hosts, work / "stats.json")
    command = [*ours(tool, work, None)[:-1], "--changed-since", "HEAD", "README.md"]
    wall, output, _ = timed(command, work, args.timeout)
    stats = servers.stop()
    dead, _ = parse_ours(output)
    asked = sum(h["requests"] for h in stats.values())
    print(
        f"\nPR mode (`--changed-since HEAD`, one row changed and one added, no cache):"
        f" {wall:.2f} s, {asked} requests, dead links reported: {len(dead)} of 2",
        flush=True,
    )


if __name__ == "__main__":
    main()

"""The online bench's warm run alone, before and after a change: two source trees, the same
list and servers as online_run.py, runs interleaved; medians of wall and CPU time.

Usage: git archive COMMIT | tar -x -C /tmp/before   # the tree to compare with
       python bench/online_warm_ab.py --before /tmp/before/src [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from online_run import ENV, Servers, generate

RULES = "dead-link,redirected-link,unverifiable"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the src folder of the other tree")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--tool", default=str(Path(sys.executable).with_name("awesome-lint")))
    args = parser.parse_args()
    text, _ = generate(2000, 20, 8765)
    work = Path(tempfile.mkdtemp(prefix="online-ab-"))
    variants = {"before": {"PYTHONPATH": args.before}, "after": {}}
    for name in variants:
        folder = work / name
        (folder / ".git").mkdir(parents=True)
        (folder / "README.md").write_text(text)
        (folder / ".awesome-lint.json").write_text(json.dumps({"online": {"cache": "cache"}}))
    command = [args.tool, "--online", "--select", RULES, "--output-format", "json", "README.md"]
    walls: dict[str, list[float]] = {name: [] for name in variants}
    cpus: dict[str, list[float]] = {name: [] for name in variants}
    servers = Servers(20, work / "stats.json")
    try:
        for name, env in variants.items():  # cold: fills each cache and the bytecode
            subprocess.run(command, cwd=work / name, env=ENV | env, capture_output=True)
        for _ in range(args.runs):
            for name, env in variants.items():
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                done = subprocess.run(
                    command, cwd=work / name, env=ENV | env, capture_output=True, text=True
                )
                walls[name].append(time.perf_counter() - started)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus[name].append(
                    after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
                )
                assert done.stdout.count('"dead-link"') == 100, done.stderr
    finally:
        servers.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"warm run, {args.runs} runs each, load average {os.getloadavg()[0]:.1f}:")
    for name in variants:
        w = walls[name]
        print(
            f"{name}: wall median {statistics.median(w):.3f} s ({min(w):.3f} to {max(w):.3f}),"
            f" CPU median {statistics.median(cpus[name]):.3f} s"
        )


if __name__ == "__main__":
    main()

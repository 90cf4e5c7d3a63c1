"""The venue-check benchmark: a 600-row paper list, the four scholarly sources mocked on
loopback with 100 ms latency (tests/scholar_server.py), `awesome-lint venues` run cold (empty
cache) and warm. Prints requests per source, wall time and whether the targets are met.

Usage: python bench/venues_run.py [--rows 600] [--latency 0.1] [--tool "awesome-lint"]

Targets (a maintainer's scheduled job should take seconds, and never hammer a source):
- cold: at most 8 requests in all (batches: Semantic Scholar 500 ids, Crossref 50 DOIs,
  OpenReview 50 ids) and under 5 s wall time, the sources' published pace included;
- warm: no request, and under 2 s wall time.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scholar_server import ENV, Scholar, serve  # noqa: E402

COLD_REQUESTS, COLD_SECONDS, WARM_SECONDS = 8, 5.0, 2.0


def generate(rows: int, scholar: Scholar) -> str:
    """The list, and the sources' answers for its papers (a third published since)."""
    lines = ["# Bench papers", "", "| Title | Paper | Code |", "| --- | --- | --- |"]
    for i in range(rows):
        kind = i % 20
        title = f"Paper number {i}"
        if kind < 14:
            ident = f"23{(i % 12) + 1:02d}.{i:05d}"
            url = f"https://arxiv.org/abs/{ident}"
            key = f"ARXIV:{ident}"
        elif kind < 17:
            doi = f"10.5555/bench.{i}"
            url = f"https://doi.org/{doi}"
            key = f"DOI:{doi}"
            scholar.crossref[doi] = {
                "DOI": doi,
                "type": "journal-article",
                "title": [title],
                "container-title": ["Medical Image Analysis"],
                "published": {"date-parts": [[2024, 2]]},
            }
        elif kind < 19:
            note = f"Bench{i:06d}"
            url = f"https://openreview.net/forum?id={note}"
            key = ""
            venue = "ICLR 2024 poster" if i % 2 else "Submitted to ICLR 2024"
            scholar.openreview[note] = {
                "id": note,
                "content": {
                    "title": {"value": title},
                    "venue": {"value": venue},
                    "venueid": {"value": "ICLR.cc/2024/Conference"},
                },
            }
        else:
            acl = f"2023.acl-long.{i}"
            url = f"https://aclanthology.org/{acl}/"
            key = f"ACL:{acl}"
        if key:
            published = i % 3 == 0
            scholar.s2[key] = _s2_item(i, title, published)
        venue = "arXiv'23" if i % 2 else "CVPR'23"
        lines.append(f"| {title} | [{venue}]({url}) | [Code](https://github.com/b/p{i}) |")
    return "\n".join(lines) + "\n"


def _s2_item(i: int, title: str, published: bool) -> dict[str, Any]:
    if not published:
        return {"paperId": f"b{i}", "title": title, "venue": "arXiv.org", "year": 2023}
    return {
        "paperId": f"b{i}",
        "title": title,
        "venue": "Computer Vision and Pattern Recognition",
        "year": 2023,
        "externalIds": {"DBLP": f"conf/cvpr/Bench{i}24"},
        "publicationVenue": {
            "name": "Computer Vision and Pattern Recognition",
            "type": "conference",
        },
    }


def run(tool: list[str], folder: Path, env: dict[str, str]) -> tuple[float, str, int]:
    started = time.perf_counter()
    done = subprocess.run(
        [*tool, "venues", "list.md"], cwd=folder, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"awesome-lint venues failed ({done.returncode}): {done.stderr}")
    return seconds, done.stderr, done.stdout.count("venue-outdated")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=600)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--tool", default=f"{sys.executable} -m awesome_lint")
    args = parser.parse_args()
    scholar = Scholar(latency=args.latency)
    text = generate(args.rows, scholar)
    tool = shlex.split(args.tool)
    report = [
        f"## Venue check: {args.rows} rows, mock sources at {args.latency * 1000:.0f} ms",
        "",
        "| run | requests (S2 / Crossref / OpenReview) | wall time | venue-outdated | target |",
        "|---|---|---|---|---|",
    ]
    ok = True
    with serve(scholar) as base, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "list.md").write_text(text, encoding="utf-8")
        env = {**os.environ, **dict.fromkeys(ENV.values(), base)}
        for name in ("cold", "warm"):
            before = dict(scholar.requests)
            seconds, stderr, outdated = run(tool, folder, env)
            made = {k: scholar.requests[k] - before.get(k, 0) for k in scholar.requests}
            total = sum(made.values())
            said = re.search(r"(\d+) requests", stderr)
            assert said is not None and int(said.group(1)) == total, stderr
            if name == "cold":
                met = total <= COLD_REQUESTS and seconds < COLD_SECONDS
                target = f"<= {COLD_REQUESTS} requests, < {COLD_SECONDS:g} s"
            else:
                met = total == 0 and seconds < WARM_SECONDS
                target = f"0 requests, < {WARM_SECONDS:g} s"
            ok = ok and met
            counts = " / ".join(
                str(made.get(s, 0)) for s in ("semanticscholar", "crossref", "openreview")
            )
            report.append(
                f"| {name} | {total} ({counts}) | {seconds:.2f} s | {outdated} | "
                f"{target}: {'PASS' if met else 'FAIL'} |"
            )
    print("\n".join(report))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

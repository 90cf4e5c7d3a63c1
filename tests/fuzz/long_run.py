"""The differential fuzzer's long run, by hand: generate, compare with cmark-gfm, minimise.

    python tests/fuzz/long_run.py --minutes 30 [--seed 1000000] [--out tests/gfm_exact]

Documents come from `documents.document` with seeds counting up from --seed. Each
difference (see `differential.differences`) is minimised (see `minimise`) and, when the
small document is new, written to --out as `found-<kind>-<hash>.md`: a regression case that
`test_differential.py` then checks on every run. Prints a line per new failure and a summary
(documents tried, differences by kind, files written). Not run by pytest.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from differential import differences
from documents import document
from minimise import kind, minimise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1_000_000)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parents[1] / "gfm_exact"
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + 60 * args.minutes
    kinds: collections.Counter[str] = collections.Counter()
    written: list[Path] = []
    seed = args.seed
    tried = 0
    while time.monotonic() < deadline:
        text = document(random.Random(seed))
        tried += 1
        try:
            found = differences(text)
        except Exception as exc:  # a crash is a finding too
            found = [f"crash: {type(exc).__name__}: {exc}"]
        if found:
            what = kind(found[0])
            kinds[what] += 1

            def fails(candidate: str, what: str = what) -> bool:
                try:
                    return any(kind(d) == what for d in differences(candidate))
                except Exception:
                    return what == "crash"

            small = minimise(text, fails, max_tries=3000)
            digest = hashlib.sha1(small.encode("utf-8")).hexdigest()[:10]
            path = args.out / f"found-{what}-{digest}.md"
            if not path.exists():
                path.write_bytes(small.encode("utf-8"))
                written.append(path)
                print(f"seed {seed}: {found[0][:120]} -> {path.name} {small!r}", flush=True)
        seed += 1
    print(f"{tried} documents (seeds {args.seed}..{seed - 1}) in {args.minutes:g} min")
    print("differences by kind:", dict(kinds) or "none")
    print(f"{len(written)} new regression files", *[f"  {p}" for p in written], sep="\n")
    return 1 if kinds else 0


if __name__ == "__main__":
    sys.exit(main())

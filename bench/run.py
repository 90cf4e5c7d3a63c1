"""Time awesome-lint against its peers: whole processes, wall time and peak RSS.

    python bench/run.py                                  # all sizes, 5 runs, every peer found
    python bench/run.py --quick                          # smoke test: 100 and 1,000 rows, 3 runs
    python bench/run.py --no-peers --tool cat --quick    # test the runner without our tool
    python bench/run.py --sizes 100,1000 --json bench/out/results.json

Inputs: the two real files (../shared/seed-README.md and the public-apis README from
../shared/corpus/) and synthetic lists from bench/generate.py, cached in bench/out/inputs/.
Every input is copied into a temporary folder outside the repository before it is timed, so
no tool picks up this project's configuration or git repository; commands that write get a
fresh copy before every run.

Each (tool, operation, input) runs once to warm caches (skipped when that run takes over
WARMUP_LIMIT seconds), then --runs times; the table gives the median and the fastest wall time
and the largest peak RSS of the child (os.wait4). A run over --timeout seconds is killed, shown
as "> N s", and that tool is not run again on larger inputs.

Peers are looked up in bench/peers/ (see bench/setup_peers.sh), then on PATH; sindresorhus's
awesome-lint is used only from bench/peers and is called awesome-lint-js here.
The report is Markdown on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from statistics import median
from types import FrameType

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
INPUTS = BENCH / "out" / "inputs"
PEERS = BENCH / "peers"
NODE_BIN = PEERS / "node_modules" / ".bin"
PEER_VENV_BIN = PEERS / "venv" / "bin"
REAL_FILES = (
    ("seed", ROOT.parent / "shared" / "seed-README.md"),
    ("public-apis", ROOT.parent / "shared" / "corpus" / "public-apis__public-apis__README.md"),
)
DEFAULT_SIZES = (100, 1000, 5000, 10000, 50000)
QUICK_SIZES = (100, 1000)
WARMUP_LIMIT = 10.0
OURS = "awesome-lint"
FILE = "{file}"


@dataclass(frozen=True)
class Op:
    """One command to time; `compare` names our operation a peer's time is divided by."""

    tool: str
    operation: str
    argv: tuple[str, ...]
    ok_codes: frozenset[int]
    writes: bool = False
    compare: str | None = None

    def command(self, path: str) -> list[str]:
        return [arg.replace(FILE, path) for arg in self.argv]


@dataclass(frozen=True)
class Input:
    path: Path
    rows: int | None
    lines: int
    size: int

    @property
    def name(self) -> str:
        return self.path.name

    def title(self) -> str:
        rows = f"{self.rows:,} rows, " if self.rows is not None else ""
        size = f"{self.size / 1e6:.1f} MB" if self.size >= 1e5 else f"{self.size / 1e3:.1f} kB"
        return f"{self.name} ({rows}{self.lines:,} lines, {size})"


@dataclass
class Result:
    input: str
    tool: str
    operation: str
    status: str  # ok | timeout | error | skipped
    compare: str | None = None
    times: list[float] = field(default_factory=list)
    peak_rss_mb: float | None = None
    exit_codes: list[int] = field(default_factory=list)
    note: str = ""
    killed_after: float | None = None

    @property
    def median(self) -> float | None:
        return median(self.times) if self.status == "ok" and self.times else None


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float
    exit_code: int | None  # None: killed at the timeout
    stderr: str


def _fork_not_vfork() -> None:
    """Passing a preexec_fn makes subprocess fork instead of vfork. With vfork the child's
    ru_maxrss starts at this runner's own peak RSS; with fork, at its current RSS (small)."""


def run_once(argv: Sequence[str], cwd: Path, timeout: float, env: dict[str, str]) -> Run:
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
            preexec_fn=_fork_not_vfork,  # safe: this runner starts no threads
        )
        timed_out = False

        def kill(_signum: int = 0, _frame: FrameType | None = None) -> None:
            nonlocal timed_out
            timed_out = True
            _kill_group(proc.pid)

        previous = signal.signal(signal.SIGALRM, kill)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            _kill_group(proc.pid)
            proc.wait()
            raise
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        _kill_group(proc.pid)  # whatever the tool left behind
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss / 1024, None if timed_out else proc.returncode, tail)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


# ---- tools -------------------------------------------------------------------------------


def resolve_ours(spec: str) -> list[str]:
    """Our command: the project's .venv entry point, else PATH, else `python -m awesome_lint`."""
    argv = shlex.split(spec)
    if argv != [OURS]:
        return argv
    venv = ROOT / ".venv" / "bin"
    if (venv / OURS).exists():
        return [str(venv / OURS)]
    found = shutil.which(OURS)
    if found and not _is_node_script(Path(found)):
        return [found]
    python = venv / "python"
    return [str(python) if python.exists() else sys.executable, "-m", "awesome_lint"]


def _is_node_script(path: Path) -> bool:
    real = path.resolve()
    if "node_modules" in real.parts:
        return True
    try:
        with real.open("rb") as handle:
            return b"node" in handle.readline()
    except OSError:
        return False


def probe(argv: list[str], env: dict[str, str]) -> str | None:
    """None when `argv --help` runs and exits 0, else why not."""
    try:
        run = run_once([*argv, "--help"], ROOT, 60, env)
    except OSError as error:
        return str(error)
    if run.exit_code == 0:
        return None
    last = run.stderr.strip().splitlines()[-1:] or [""]
    return f"`{shlex.join(argv)} --help` exited {run.exit_code}: {last[0]}"


def our_ops(argv: list[str]) -> list[Op]:
    ok = frozenset({0, 1})
    return [
        Op(OURS, "check", (*argv, FILE), ok),
        Op(OURS, "fix", (*argv, "--fix", FILE), ok, writes=True),
        Op(OURS, "export", (*argv, "export", FILE), ok),
    ]


def _node_tool(name: str, *, path_ok: bool = True) -> str | None:
    local = NODE_BIN / name
    if local.exists():
        return str(local)
    return shutil.which(name) if path_ok else None


def peer_ops() -> list[Op]:
    ok, clean = frozenset({0, 1}), frozenset({0})
    ops: list[Op] = []
    if prettier := _node_tool("prettier"):
        ops += [
            Op("prettier", "check", (prettier, "--check", FILE), ok, compare="check"),
            Op("prettier", "format", (prettier, "--write", FILE), clean, True, "fix"),
        ]
    mdformat = PEER_VENV_BIN / "mdformat"
    if mdf := str(mdformat) if mdformat.exists() else shutil.which("mdformat"):
        ops += [
            Op("mdformat", "check", (mdf, "--check", FILE), ok, compare="check"),
            Op("mdformat", "format", (mdf, FILE), ok, True, "fix"),
        ]
    if mtf := _node_tool("markdown-table-formatter"):
        ops += [
            Op("markdown-table-formatter", "check", (mtf, "--check", FILE), ok, compare="check"),
            Op("markdown-table-formatter", "format", (mtf, FILE), clean, True, "fix"),
        ]
    if mdl := _node_tool("markdownlint-cli2"):
        # A leading ':' makes markdownlint-cli2 take the argument as a path, not a glob.
        ops += [
            Op("markdownlint-cli2", "check", (mdl, f":{FILE}"), ok, compare="check"),
            Op("markdownlint-cli2", "fix", (mdl, "--fix", f":{FILE}"), ok, True, "fix"),
        ]
    if js := _node_tool("awesome-lint", path_ok=False):
        ops.append(Op("awesome-lint-js", "check", (js, FILE), ok, compare="check"))
    return ops


def versions(ops: Sequence[Op], ours: list[str] | None, env: dict[str, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    if ours is not None:
        found[OURS] = f"`{shlex.join(ours)}` ({_first_line([*ours, '--version'], env)})"
    for tool in dict.fromkeys(op.tool for op in ops if op.tool != OURS):
        package = "awesome-lint" if tool == "awesome-lint-js" else tool
        manifest = PEERS / "node_modules" / package / "package.json"
        if manifest.exists():
            found[tool] = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        else:
            argv = next(op.argv[0] for op in ops if op.tool == tool)
            found[tool] = _first_line([argv, "--version"], env)
    return found


def _first_line(argv: list[str], env: dict[str, str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return (done.stdout.strip() or done.stderr.strip() or "?").splitlines()[0]


# ---- inputs ------------------------------------------------------------------------------


def synthetic(rows: int, args: argparse.Namespace) -> Path:
    """Generate in a child process, so this runner stays small (its RSS is the children's floor)."""
    flags = [flag for flag in ("one_table", "regular") if getattr(args, flag)]
    suffix = "".join(f"-{flag.replace('_', '-')}" for flag in flags)
    path = INPUTS / f"rows-{rows}-seed-{args.seed}{suffix}.md"
    generator = BENCH / "generate.py"
    if not path.exists() or path.stat().st_mtime < generator.stat().st_mtime:
        argv = [sys.executable, str(generator), "--rows", str(rows), "--seed", str(args.seed)]
        argv += ["-o", str(path), *(f"--{flag.replace('_', '-')}" for flag in flags)]
        subprocess.run(argv, check=True)
    return path


def describe(path: Path, rows: int | None) -> Input:
    lines = 0
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            lines += chunk.count(b"\n")
    return Input(path, rows, lines, path.stat().st_size)


# ---- measuring ---------------------------------------------------------------------------


def measure(
    op: Op, source: Path, work: Path, args: argparse.Namespace, env: dict[str, str]
) -> Result:
    """Run `op` on `source` (already in the workspace); writers get a fresh copy each run."""
    result = Result(source.name, op.tool, op.operation, "ok", op.compare)
    peaks: list[float] = []
    warmup = True
    while len(result.times) < args.runs:
        target = source
        if op.writes:
            target = work / "scratch" / source.name
            shutil.copyfile(source, target)
        try:
            run = run_once(op.command(target.name), target.parent, args.timeout, env)
        except OSError as error:
            result.status, result.note = "error", str(error)
            break
        if run.exit_code is None:
            result.status, result.note = "timeout", f"> {args.timeout:g} s"
            result.killed_after = args.timeout
            break
        if run.exit_code not in op.ok_codes:
            result.status = "error"
            result.note = f"exit {run.exit_code}: {_last_line(run.stderr)}"
            break
        if run.exit_code not in result.exit_codes:
            result.exit_codes.append(run.exit_code)
        if warmup and run.seconds < WARMUP_LIMIT:
            warmup = False
            continue
        warmup = False
        result.times.append(run.seconds)
        peaks.append(run.peak_rss_mb)
        if args.budget and sum(result.times) >= args.budget:
            break
    if peaks:
        result.peak_rss_mb = max(peaks)
    return result


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:160] if lines else "(no stderr)"


# ---- report ------------------------------------------------------------------------------


def fmt_seconds(result: Result) -> str:
    if result.status == "ok" and result.median is not None:
        return f"{result.median:.3f}"
    return {"timeout": result.note, "skipped": "not run"}.get(result.status, result.status)


def input_table(inp: Input, results: list[Result]) -> list[str]:
    lines = [
        f"### {inp.title()}",
        "",
        "| tool | operation | median s | min s | runs | peak RSS MB | exit | peer / ours |",
        "|---|---|---:|---:|---:|---:|---|---:|",
    ]
    ours = {r.operation: r for r in results if r.tool == OURS}
    notes: dict[str, str] = {}
    for r in results:
        fastest = f"{min(r.times):.3f}" if r.status == "ok" and r.times else ""
        rss = f"{r.peak_rss_mb:.0f}" if r.peak_rss_mb is not None else ""
        codes = ",".join(map(str, sorted(r.exit_codes)))
        ratio = _ratio(r, ours.get(r.compare or ""))
        runs = str(len(r.times)) if r.times else ""
        cells = (r.tool, r.operation, fmt_seconds(r), fastest, runs, rss, codes, ratio)
        lines.append(f"| {' | '.join(cells)} |")
        if r.status == "error":
            notes[f"{r.tool} {r.operation}"] = r.note
        elif r.status == "skipped":
            notes.setdefault(r.tool, f"not run, {r.note}")
    return [*lines, "", *(f"- {k}: {v}" for k, v in notes.items()), *([""] if notes else [])]


def _ratio(peer: Result, ours: Result | None) -> str:
    """The peer's median over ours (e.g. "4.2x check"); above 1 means we are faster."""
    if ours is None or not ours.median:
        return ""
    if peer.median is not None:
        return f"{peer.median / ours.median:.1f}x {ours.operation}"
    if peer.killed_after is not None:
        return f"> {peer.killed_after / ours.median:.0f}x {ours.operation}"
    return ""


def find(results: list[Result], name: str, tool: str, operation: str) -> Result | None:
    return next(
        (r for r in results if r.input == name and r.tool == tool and r.operation == operation),
        None,
    )


def targets(results: list[Result], names: dict[str, str], peers_ran: bool) -> list[list[str]]:
    """Rows of (target, measured, PASS/FAIL/SKIP)."""
    rows: list[list[str]] = []

    def ours(key: str, operation: str) -> Result | None:
        return find(results, names[key], OURS, operation) if key in names else None

    def limit(label: str, result: Result | None, seconds: float, *, or_equal: bool = False) -> None:
        if result is None:
            rows.append([label, "not measured", "SKIP"])
        elif result.median is None:
            rows.append([label, fmt_seconds(result), "FAIL"])
        else:
            ok = result.median <= seconds if or_equal else result.median < seconds
            rows.append([label, f"{result.median:.3f} s", _verdict(ok)])

    def beats_peers(label: str, key: str) -> None:
        mine = ours(key, "check")
        peers = [
            r for r in results if key in names and r.input == names[key] and r.compare == "check"
        ]
        if mine is None or mine.median is None or not peers_ran or not peers:
            rows.append([label, "not measured", "SKIP"])
            return
        timed = [r for r in peers if r.median is not None]
        best = min(timed, key=lambda r: r.median or 0.0, default=None)
        measured = f"ours {mine.median:.3f} s"
        if best is not None:
            measured += f"; fastest peer {best.tool} {best.median:.3f} s"
        ok = all(mine.median < (r.median or float("inf")) for r in peers if r.status != "error")
        rows.append([label, measured, _verdict(ok)])

    limit("seed: check <= 0.25 s", ours("seed", "check"), 0.25, or_equal=True)
    beats_peers("seed: check faster than every peer's check", "seed")
    beats_peers("public-apis: check faster than every peer's check", "public-apis")
    for rows_n, seconds in ((10000, 2.0), (50000, 8.0)):
        for operation in ("check", "fix"):
            label = f"{rows_n:,} rows: {operation} < {seconds:g} s"
            limit(label, ours(str(rows_n), operation), seconds)
    for operation in ("check", "fix"):
        result = ours("50000", operation)
        label = f"50,000 rows: {operation} peak RSS < 400 MB"
        if result is None or result.peak_rss_mb is None:
            rows.append([label, "not measured", "SKIP"])
        else:
            rows.append([label, f"{result.peak_rss_mb:.0f} MB", _verdict(result.peak_rss_mb < 400)])
    for operation in ("check", "fix"):
        small, large = ours("5000", operation), ours("50000", operation)
        label = f"{operation}: 50,000 rows <= 11x 5,000 rows"
        if small is None or large is None or small.median is None:
            rows.append([label, "not measured", "SKIP"])
        elif large.median is None:
            rows.append([label, f"50,000 rows: {fmt_seconds(large)}", "FAIL"])
        else:
            ratio = large.median / small.median
            rows.append([label, f"{ratio:.1f}x", _verdict(ratio <= 11)])
    return rows


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def machine() -> dict[str, str]:
    info: dict[str, str] = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "?"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    info["cpu"] = f"{cpu}, {os.cpu_count()} logical cores ({usable} usable)"
    try:
        kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        )
        info["memory"] = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    info["os"] = platform.platform()
    info["python"] = f"{platform.python_version()} (runner)"
    venv_python = ROOT / ".venv" / "bin" / "python"
    if venv_python.exists():
        info["python"] += (
            f", {_first_line([str(venv_python), '--version'], os.environ.copy())} (.venv)"
        )
    if node := shutil.which("node"):
        info["node"] = _first_line([node, "--version"], os.environ.copy())
    return info


# ---- main --------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time awesome-lint against its peers (see bench/README.md).",
    )
    parser.add_argument("--sizes", help="synthetic row counts, e.g. 100,1000,5000,10000,50000")
    parser.add_argument("--runs", type=int, help="timed runs per measurement (default 5)")
    parser.add_argument("--quick", action="store_true", help="sizes 100,1000 and 3 runs")
    parser.add_argument("--tool", default=OURS, help="command for our tool (default: awesome-lint)")
    parser.add_argument("--no-peers", action="store_true", help="time our tool only")
    parser.add_argument("--no-real", action="store_true", help="skip the two real README files")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run (120)")
    parser.add_argument(
        "--budget",
        type=float,
        default=0.0,
        help="stop a measurement early once its timed runs add up to this many seconds"
        " (default 0: always --runs runs)",
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed (1)")
    parser.add_argument("--one-table", action="store_true", help="synthetic inputs as one table")
    parser.add_argument(
        "--regular",
        action="store_true",
        help="synthetic inputs without ragged rows (fairer to formatters that stop a table at one)",
    )
    parser.add_argument("--json", type=Path, help="also write every result to this JSON file")
    args = parser.parse_args(argv)
    if args.sizes:
        try:
            args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
        except ValueError:
            parser.error("--sizes takes comma-separated integers, e.g. 100,1000,10000")
    else:
        args.sizes = list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    if args.runs is None:
        args.runs = 3 if args.quick else 5
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    load_before = os.getloadavg()[0]
    ours_argv: list[str] | None = resolve_ours(args.tool)
    env = os.environ.copy()
    env["NO_UPDATE_NOTIFIER"] = "1"
    # Python tools run from their bytecode, as installed packages do (pip compiles it at
    # install time): with PYTHONDONTWRITEBYTECODE set, a package installed in editable mode,
    # like ours in .venv, would be compiled from source on every run (70 ms for ours). The
    # bytecode goes to bench/out/pycache, outside the sources; warm-up runs fill it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(BENCH / "out" / "pycache")
    ops: list[Op] = []
    why_not_ours = probe(ours_argv, env) if ours_argv else "no command given"
    if why_not_ours:
        progress(f"our tool is not runnable, timing peers only: {why_not_ours}")
        ours_argv = None
    else:
        ops += our_ops(ours_argv or [])
    if not args.no_peers:
        found = peer_ops()
        if not found:
            progress("no peers found: run `bash bench/setup_peers.sh` first")
        ops += found
    if not ops:
        progress("nothing to time")
        return 1
    inputs, names = prepare_inputs(args)

    workspace = Path(tempfile.mkdtemp(prefix="awesome-lint-bench-"))
    # Keeps tools that ask git (awesome-lint-js) from finding a repository above the workspace.
    env["GIT_CEILING_DIRECTORIES"] = str(workspace)
    try:
        floor = run_once(["true"], workspace, 60, env).peak_rss_mb
        results = run_all(ops, inputs, workspace, args, env)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)

    info = machine()
    # Other work on the machine shows up in every number: say how busy it was.
    info["load"] = f"1-minute load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after"
    info["runs"] = (
        f"median of {args.runs} after 1 warm-up run, timeout {args.timeout:g} s a run"
        + (f", at most {args.budget:g} s a measurement" if args.budget else "")
        + f"; RSS floor (an empty child of this runner): {floor:.0f} MB"
    )
    tools = versions(ops, ours_argv, env)
    goals = targets(results, names, peers_ran=not args.no_peers)
    report = ["## Machine", "", *(f"- {key}: {value}" for key, value in info.items()), ""]
    report += ["## Tools", ""]
    for tool, version in tools.items():
        version = version.removeprefix(f"{tool} ").removeprefix(f"{tool}, ")
        commands = "; ".join(f"{op.operation} `{_display(op)}`" for op in ops if op.tool == tool)
        report.append(f"- {tool} {version}: {commands}")
    report += ["", "## Times", ""]
    for inp in inputs:
        report += input_table(inp, [r for r in results if r.input == inp.name])
    if ours_argv is None:
        report += [f"Our tool was not timed: {why_not_ours}", ""]
    report += ["## Targets", "", "| target | measured | result |", "|---|---|---|"]
    report += [f"| {' | '.join(row)} |" for row in goals]
    print("\n".join(report))

    if args.json:
        payload = {
            "machine": info,
            "tools": tools,
            "settings": {
                "seed": args.seed,
                "one_table": args.one_table,
                "regular": args.regular,
                "rss_floor_mb": floor,
            },
            "inputs": [{**asdict(i), "path": str(i.path)} for i in inputs],
            "results": [asdict(r) | {"median": r.median} for r in results],
            "targets": [dict(zip(("target", "measured", "result"), row)) for row in goals],
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        progress(f"wrote {args.json}")
    return 0


def prepare_inputs(args: argparse.Namespace) -> tuple[list[Input], dict[str, str]]:
    """The inputs in the order they are timed, and their file names by key ("seed", "5000")."""
    inputs: list[Input] = []
    names: dict[str, str] = {}
    if not args.no_real:
        for key, path in REAL_FILES:
            if path.exists():
                inputs.append(describe(path, None))
                names[key] = path.name
            else:
                progress(f"missing, skipped: {path}")
    for rows in args.sizes:
        progress(f"generating {rows:,} rows ...")
        path = synthetic(rows, args)
        inputs.append(describe(path, rows))
        names[str(rows)] = path.name
    return inputs, names


def run_all(
    ops: list[Op],
    inputs: list[Input],
    workspace: Path,
    args: argparse.Namespace,
    env: dict[str, str],
) -> list[Result]:
    """Every op on every input; a tool that timed out is not run again on a larger input."""
    (workspace / "inputs").mkdir()
    (workspace / "scratch").mkdir()
    results: list[Result] = []
    timed_out: dict[str, Input] = {}
    for inp in inputs:
        source = workspace / "inputs" / inp.name
        shutil.copyfile(inp.path, source)
        progress(f"== {inp.title()}")
        for op in ops:
            earlier = timed_out.get(op.tool)
            if earlier is not None and earlier.size < inp.size:
                result = Result(source.name, op.tool, op.operation, "skipped", op.compare)
                result.note = f"timed out on {earlier.name}"
            else:
                result = measure(op, source, workspace, args, env)
                if result.status == "timeout" and (earlier is None or inp.size < earlier.size):
                    timed_out[op.tool] = inp
            results.append(result)
            rss = f"{result.peak_rss_mb:.0f} MB" if result.peak_rss_mb is not None else ""
            note = result.note if result.status in ("error", "skipped") else ""
            progress(f"  {op.tool} {op.operation}: {fmt_seconds(result)} {rss} {note}".rstrip())
        source.unlink()
    return results


def _display(op: Op) -> str:
    return shlex.join(Path(a).name if os.sep in a else a for a in op.command("FILE"))


if __name__ == "__main__":
    raise SystemExit(main())

"""Faults while fixing: the file is replaced whole or not at all, and nothing is left behind.

Each fault is injected into the real write path (`awesome-lint --fix`, in-process or as a
subprocess): a read-only file, an edit made while the file was being checked, a full disk,
SIGINT and SIGTERM in the middle of a write, an internal error in a rule.
"""

from __future__ import annotations

import errno
import functools
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from clitools import run

from awesome_lint import __version__, api, fixer
from awesome_lint.files import FileError, read_markdown, write_atomic
from awesome_lint.fixer import fix_text
from awesome_lint.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
MESSY = "# List\n\n| Name | Year |\n|---|---|\n| a |  2020 |\n| bbbbbb | 2021|\n"
FIXED = fix_text(MESSY).text
POSIX = os.name == "posix"


def leftovers(folder: Path) -> list[str]:
    """Temporary files of ours (`.NAME.XXXX.tmp`) anywhere under folder."""
    return sorted(str(p) for p in folder.rglob(".*.tmp"))


def test_messy_is_fixable() -> None:
    assert FIXED != MESSY and fix_text(FIXED).text == FIXED


# -- the ordinary write ---------------------------------------------------------------------


def test_written_to_a_temporary_file_in_the_same_folder_then_moved(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sub = folder / "docs"
    sub.mkdir()
    target = sub / "list.md"
    target.write_text(MESSY, encoding="utf-8")
    moves: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: Any, dst: Any) -> None:
        moves.append((str(src), str(dst)))
        assert Path(src).read_text(encoding="utf-8") == FIXED  # complete before the move
        assert target.read_text(encoding="utf-8") == MESSY  # the original untouched so far
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    code, _, err = run(capsys, "--fix", "docs/list.md")
    assert code == 0, err
    [(src, dst)] = moves
    assert Path(src).parent == sub.resolve() and Path(src).name.startswith(".list.md.")
    assert Path(dst) == target.resolve()
    assert target.read_text(encoding="utf-8") == FIXED
    assert leftovers(folder) == []


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_the_mode_is_kept(folder: Path, capsys: pytest.CaptureFixture[str], mode: int) -> None:
    target = folder / "list.md"
    target.write_text(MESSY, encoding="utf-8")
    target.chmod(mode)
    assert run(capsys, "--fix", "list.md")[0] == 0
    assert target.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_through_a_symbolic_link_the_target_is_written(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = folder / "real"
    real.mkdir()
    target = real / "list.md"
    target.write_text(MESSY, encoding="utf-8")
    link = folder / "link.md"
    link.symlink_to(Path("real") / "list.md")
    assert run(capsys, "--fix", "link.md")[0] == 0
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "list.md")
    assert target.read_text(encoding="utf-8") == FIXED
    assert leftovers(folder) == []


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    write_atomic(target, b"{}\n", None)
    mask = os.umask(0)
    os.umask(mask)
    assert target.read_bytes() == b"{}\n"
    if POSIX:
        assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


# -- refused writes: that file only ------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_a_read_only_file_is_an_error_for_that_file_only(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ro, other = folder / "a-read-only.md", folder / "b-other.md"
    ro.write_text(MESSY, encoding="utf-8")
    other.write_text(MESSY, encoding="utf-8")
    ro.chmod(0o444)  # refused by its mode bits, even for root
    code, _, err = run(capsys, "--fix", "a-read-only.md", "b-other.md")
    assert code == 2
    assert err.splitlines() == ["awesome-lint: a-read-only.md: read-only file, not fixed"]
    assert ro.read_text(encoding="utf-8") == MESSY
    assert other.read_text(encoding="utf-8") == FIXED
    assert leftovers(folder) == []


def test_a_file_changed_while_it_was_checked_is_not_fixed(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    edited, other = folder / "a-edited.md", folder / "b-other.md"
    edited.write_text(MESSY, encoding="utf-8")
    other.write_text(MESSY, encoding="utf-8")
    someone_else = MESSY + "| c | 2022 |\n"
    real_fix = fixer.fix_text

    def fix_while_someone_edits(text: str, *args: Any, **kwargs: Any) -> Any:
        if not edited.read_text(encoding="utf-8").endswith("2022 |\n"):
            edited.write_text(someone_else, encoding="utf-8")  # an editor saves meanwhile
        return real_fix(text, *args, **kwargs)

    monkeypatch.setattr(fixer, "fix_text", fix_while_someone_edits)
    code, _, err = run(capsys, "--fix", "a-edited.md", "b-other.md")
    assert code == 2
    assert err.splitlines() == [
        "awesome-lint: a-edited.md: changed on disk while it was being checked, not fixed"
    ]
    assert edited.read_text(encoding="utf-8") == someone_else
    assert other.read_text(encoding="utf-8") == FIXED
    assert leftovers(folder) == []


def _enospc(*args: Any, **kwargs: Any) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


_REAL_FDOPEN = os.fdopen


class _FullDisk:
    """A file object whose writes fail half-way, as on a full disk."""

    def __init__(self, fd: int, mode: str) -> None:
        self.file = _REAL_FDOPEN(fd, mode)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()

    def write(self, data: bytes) -> int:
        self.file.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("where", ["mkstemp", "write", "fsync", "chmod", "replace"])
def test_a_full_disk_leaves_the_original_and_no_temporary_file(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    target = folder / "list.md"
    target.write_bytes(MESSY.encode())
    before = target.stat()
    if where == "mkstemp":
        import tempfile

        monkeypatch.setattr(tempfile, "mkstemp", _enospc)
    elif where == "write":
        monkeypatch.setattr(os, "fdopen", _FullDisk)
    else:
        monkeypatch.setattr(os, where, _enospc)
    code, _, err = run(capsys, "--fix", "list.md")
    monkeypatch.undo()
    assert code == 2
    assert err.splitlines() == [
        "awesome-lint: list.md: cannot write: No space left on device; the file is unchanged"
    ]
    assert target.read_bytes() == MESSY.encode()
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    assert leftovers(folder) == []


def test_an_interrupt_inside_the_write_rolls_it_back(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "list.md"
    target.write_text(MESSY, encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    code, _, err = run(capsys, "--fix", "list.md")
    assert code == 130
    assert err.strip().splitlines()[-1] == "awesome-lint: interrupted"
    assert target.read_text(encoding="utf-8") == MESSY
    assert leftovers(folder) == []


def test_write_atomic_refuses_a_stale_snapshot(tmp_path: Path) -> None:
    target = tmp_path / "list.md"
    target.write_bytes(b"new\n")
    with pytest.raises(FileError, match="changed on disk"):
        write_atomic(target, b"fixed\n", b"old\n")
    assert target.read_bytes() == b"new\n"


def test_read_markdown_never_reads_past_the_limit(tmp_path: Path) -> None:
    target = tmp_path / "big.md"
    with open(target, "wb") as f:
        f.truncate(5_000_000_000)  # sparse: nothing is read, the size alone refuses it
    with pytest.raises(FileError) as info:
        read_markdown(target, 50 * 1024 * 1024)
    assert str(info.value) == (
        "5,000,000,000 bytes is over the limit of 52,428,800 bytes"
        " (max_file_size in .awesome-lint.json)"
    )


# -- an internal error -----------------------------------------------------------------


def test_an_internal_error_is_reported_and_the_others_still_checked(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = list(RULES)
    i = next(i for i, r in enumerate(rules) if r.id == "ragged-row")
    real_check = rules[i].check
    assert real_check is not None

    def check(bound: Any, ctx: Any) -> Any:
        if bound.table.header.cells[0].text == "BOOM":
            raise RuntimeError("the rule broke")
        return real_check(bound, ctx)

    rules[i] = rules[i]._replace(check=check)
    monkeypatch.setattr(api, "RULES", tuple(rules))
    (folder / "a-boom.md").write_text("| BOOM | x |\n|---|---|\n| 1 | 2 |\n", encoding="utf-8")
    (folder / "b-fine.md").write_text(MESSY, encoding="utf-8")
    for args in (["a-boom.md", "b-fine.md"], ["--fix", "a-boom.md", "b-fine.md"]):
        code, out, err = run(capsys, *args)
        assert code == 2, args
        [report] = err.splitlines()
        assert report.startswith("awesome-lint: internal error on a-boom.md: RuntimeError:")
        assert "the rule broke" in report and f"awesome-lint {__version__}" in report
        assert "report" in report.lower() and "issues" in report
        assert "Traceback" not in err
        assert "b-fine.md" in out or args[0] == "--fix"
    assert (folder / "b-fine.md").read_text(encoding="utf-8") == FIXED
    assert (folder / "a-boom.md").read_text(encoding="utf-8").startswith("| BOOM | x |\n")


# -- signals, in a real process ------------------------------------------------------------

# Runs the CLI with os.fsync slowed down: the parent signals it while a write is under way.
_SLOW_WRITE = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    real_fsync = os.fsync
    def slow_fsync(fd):
        Path(sys.argv[1]).write_text("writing")
        time.sleep(30)
        real_fsync(fd)
    os.fsync = slow_fsync
    from awesome_lint.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)


def _spawn(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    def default_sigint() -> None:
        # A shell may start background jobs with SIGINT ignored; a user's Ctrl-C is not.
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=default_sigint,  # only resets a signal disposition
    )


SIGNALS = [(signal.SIGINT, 130), (signal.SIGTERM, 143)] if POSIX else []


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
@pytest.mark.parametrize(("signum", "code"), SIGNALS, ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_the_write_keeps_the_original(folder: Path, signum: int, code: int) -> None:
    target = folder / "list.md"
    target.write_text(MESSY, encoding="utf-8")
    marker = folder / "marker"
    process = _spawn(["-c", _SLOW_WRITE, str(marker), "--fix", "list.md"], folder)
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the write never started"
        time.sleep(0.01)
    assert len(leftovers(folder)) == 1  # the temporary file, mid-write
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == code, err
    assert err.decode().strip().splitlines()[-1] == "awesome-lint: interrupted"
    assert b"Traceback" not in err
    assert target.read_text(encoding="utf-8") == MESSY
    assert leftovers(folder) == []


@functools.cache
def _big_list(tables: int) -> str:
    """Many misaligned tables under their headings, with wide rows (about 1 KB a table)."""
    parts = ["# A big list\n\n"]
    for t in range(tables):
        parts.append(f"## Section {t}\n\n| Name | Paper | Year |\n|:--|---|--:|\n")
        for r in range(6):
            parts.append(
                f"| item {t}-{r}  | [paper {r}](https://example.org/{t}/{r}) |  {2000 + r} |\n"
            )
        parts.append("\n")
    return "".join(parts)


@functools.cache
def _fixed(text: str) -> str:
    return fix_text(text).text


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
@pytest.mark.parametrize(("signum", "code"), SIGNALS, ids=["SIGINT", "SIGTERM"])
def test_a_signal_at_any_moment_leaves_old_or_new_bytes(
    folder: Path, signum: int, code: int
) -> None:
    """Signalled after various delays, each file is the original or the fixed one, whole.

    Small files keep this under a few seconds. Run by hand on a 23 MB list (52,000
    misaligned tables): SIGINT and SIGTERM after 3 s, after 15 s and the moment the
    temporary file appeared all left the original byte for byte, no temporary file,
    exit 130 / 143.
    """
    texts = {f"list-{i}.md": _big_list(100 + 40 * i) for i in range(6)}
    fixed = {name: _fixed(text) for name, text in texts.items()}
    assert all(fixed[name] != text for name, text in texts.items())
    outcomes = set()
    for delay in (0.05, 0.4, 0.8, 1.2):
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
        process = _spawn(["-m", "awesome_lint", "--fix", "-q", *texts], folder)
        time.sleep(delay)
        process.send_signal(signum)
        _, err = process.communicate(timeout=120)
        # A process killed by the signal's default action (-signum) was signalled while
        # Python was still importing, before main() took over, or after main() had finished
        # and given the handlers back; either way every file must be whole (checked below).
        # SIGINT while the interpreter itself starts (a busy machine makes that slow) ends
        # it with exit 1 ("Fatal Python error: init_...", "Could not import runpy module")
        # before any of our code ran: no frame of ours (src/awesome_lint/...) in what it
        # printed (the editable install's finder, imported by site, is not our code).
        ours = (b"/awesome_lint/", b"\\awesome_lint\\")
        starting = (
            process.returncode == 1
            and b"KeyboardInterrupt" in err
            and not any(frame in err for frame in ours)
        )
        if process.returncode != -signum and not starting:
            assert process.returncode in (code, 0), err
            assert b"Traceback" not in err
        for name, text in texts.items():
            now = (folder / name).read_text(encoding="utf-8")
            assert now in (text, fixed[name]), f"{name} is neither old nor new after {delay}s"
            outcomes.add(now == text)
        assert leftovers(folder) == []
    assert True in outcomes  # at least one run was interrupted before some write

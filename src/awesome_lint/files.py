"""The file system edge: which files to check, reading them, and writing them safely.

A fixed file is written to a temporary file in its own folder and moved over the original
with `os.replace`, so a reader, a crash, a full disk or a signal sees either the old file
or the new one, never a mix; no temporary file outlives the write.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NamedTuple

from awesome_lint.document import Document, InputError, decode

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
_SKIP_DIRS = frozenset({".git", "node_modules", ".venv", "venv", "__pycache__", ".tox"})
_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


class FileError(Exception):
    """A file that cannot be read or written; the message is the reason."""


class MarkdownFile(NamedTuple):
    path: Path
    display: str


def discover(paths: Sequence[str]) -> list[MarkdownFile]:
    """The files to check: as named, folders searched; no path means the current folder.

    One rule for every folder, the current one included: the Markdown files below it, those
    git tracks or would track (not ignored) inside a repository, every one outside (but
    .git, node_modules and virtual environments).
    """
    out: list[MarkdownFile] = []
    for name in paths or ["."]:
        path = Path(name)
        if path.is_dir():
            out.extend(_in_folder(path))
        else:
            out.append(MarkdownFile(path, name))
    return out


def _in_folder(folder: Path) -> list[MarkdownFile]:
    tracked = _git_tracked(folder)
    found: Iterable[Path] = _walk(folder) if tracked is None else tracked
    files = sorted(set(found), key=lambda p: (not p.name.upper().startswith("README"), str(p)))
    return [MarkdownFile(p, str(p)) for p in files if p.is_file()]


def _is_markdown(path: Path) -> bool:
    return path.suffix.lower() in MARKDOWN_SUFFIXES


def _walk(folder: Path) -> Iterable[Path]:
    # os.walk does not follow symbolic links to folders, so a link loop cannot trap it.
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        for name in names:
            path = Path(root) / name
            if _is_markdown(path):
                yield path


def _git_tracked(folder: Path) -> list[Path] | None:
    import subprocess  # only here, as tempfile only to write: a check of a file needs neither

    try:
        result = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            cwd=folder,
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    names = result.stdout.decode("utf-8", errors="surrogateescape").split("\0")
    return [folder / n for n in names if n and _is_markdown(Path(n))]


def read_markdown(path: Path, max_size: int) -> Document:
    """The file decoded, or FileError with the reason (size, encoding, permissions...)."""
    try:
        info = path.stat()
    except (OSError, RuntimeError) as exc:
        raise FileError(_os_reason(exc, path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileError("is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise FileError("not a regular file")
    if info.st_size > max_size:
        raise FileError(_too_large(info.st_size, max_size))
    try:
        with open(path, "rb") as f:
            # The file may have grown since stat(): never read more than the limit allows.
            data = f.read(max_size + 1)
    except OSError as exc:
        raise FileError(_os_reason(exc, path)) from None
    if len(data) > max_size:
        raise FileError(_too_large(len(data), max_size))
    try:
        return decode(data)
    except InputError as exc:
        raise FileError(str(exc)) from None


def _too_large(size: int, max_size: int) -> str:
    return (
        f"{size:,} bytes is over the limit of {max_size:,} bytes"
        " (max_file_size in .awesome-lint.json)"
    )


def _os_reason(exc: BaseException, path: Path) -> str:
    if isinstance(exc, RuntimeError):  # pathlib's own "Symlink loop" (Python < 3.13)
        return "symbolic link loop"
    assert isinstance(exc, OSError)
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if path.is_symlink() else "no such file"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a folder"
    return exc.strerror or str(exc)


def write_atomic(path: Path, data: bytes | Iterable[bytes], expected: bytes | None) -> None:
    """Replace the file's content with `data` (bytes, or chunks of them) if it still holds
    `expected`.

    Through a symbolic link the target is written. The file keeps its permissions (and,
    where allowed, its owner). On any failure, a signal included, the file is unchanged
    and the temporary file is gone.
    """
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise FileError(_os_reason(exc, path)) from None
    if info is not None and (not info.st_mode & _WRITE_BITS or not os.access(target, os.W_OK)):
        # The mode bits count even for root, who may write anything: read-only means it.
        raise FileError("read-only file, not fixed")
    if expected is not None:
        try:
            current = target.read_bytes()
        except OSError as exc:
            raise FileError(_os_reason(exc, path)) from None
        if current != expected:
            raise FileError("changed on disk while it was being checked, not fixed")
    from tempfile import mkstemp

    temp: str | None = None
    fd = -1
    try:
        with _signals_held():
            # A signal here would otherwise leave a temporary file no one knows about.
            fd, temp = mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as f:
            fd = -1  # the file object owns it now
            for chunk in (data,) if isinstance(data, bytes) else data:
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        _copy_metadata(temp, info)
        os.replace(temp, target)
        temp = None
    except BaseException as exc:
        with _signals_held(), suppress(OSError):
            if fd >= 0:
                os.close(fd)
        with _signals_held(), suppress(OSError):
            if temp is not None:
                os.unlink(temp)
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
            if info is None:  # a new file: nothing was there to keep; the caller says what
                raise FileError(reason) from None
            raise FileError(f"cannot write: {reason}; the file is unchanged") from None
        raise
    _sync_folder(target.parent)


def _copy_metadata(temp: str, info: os.stat_result | None) -> None:
    if info is None:
        os.chmod(temp, 0o666 & ~_umask())
        return
    os.chmod(temp, stat.S_IMODE(info.st_mode))
    if hasattr(os, "chown") and (info.st_uid, info.st_gid) != _owner(temp):
        # Only root may give a file away; the content matters more than the owner.
        with suppress(OSError):
            os.chown(temp, info.st_uid, info.st_gid)


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; best effort (not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for a few system calls; they arrive right after."""
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)

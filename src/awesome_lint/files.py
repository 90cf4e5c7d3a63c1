"""The file system edge: which files to check, reading them, and writing them safely.

A fixed file is written to a temporary file in its own folder and moved over the original
with `os.replace`, so a reader, a crash, a full disk or a signal sees either the old file
or the new one, never a mix; no temporary file outlives the write.
"""

from __future__ import annotations

import os
import stat
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from awesome_lint.document import Document, InputError, decode

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
_SKIP_DIRS = frozenset({".git", "node_modules", ".venv", "venv", "__pycache__", ".tox"})


class FileError(Exception):
    """A file that cannot be read or written; the message is the reason."""


@dataclass(frozen=True)
class MarkdownFile:
    path: Path
    display: str


def discover(paths: Sequence[str]) -> list[MarkdownFile]:
    """The files to check: as named, folders searched, the repository's files by default."""
    if not paths:
        return _in_folder(Path("."), default=True)
    out: list[MarkdownFile] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(_in_folder(path, default=False))
        else:
            out.append(MarkdownFile(path, name))
    return out


def _in_folder(folder: Path, default: bool) -> list[MarkdownFile]:
    tracked = _git_tracked(folder)
    if tracked is None:
        if default:
            found: Iterable[Path] = (p for p in folder.iterdir() if _is_markdown(p))
        else:
            found = _walk(folder)
    else:
        found = tracked
    files = sorted(set(found), key=lambda p: (not p.name.upper().startswith("README"), str(p)))
    return [MarkdownFile(p, str(p)) for p in files if p.is_file()]


def _is_markdown(path: Path) -> bool:
    return path.suffix.lower() in MARKDOWN_SUFFIXES


def _walk(folder: Path) -> Iterable[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        for name in names:
            path = Path(root) / name
            if _is_markdown(path):
                yield path


def _git_tracked(folder: Path) -> list[Path] | None:
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
    try:
        info = path.stat()
    except OSError as exc:
        raise FileError(_os_reason(exc, path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileError("is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise FileError("not a regular file")
    if info.st_size > max_size:
        raise FileError(
            f"{info.st_size:,} bytes is over the limit of {max_size:,} bytes"
            " (max_file_size in .awesome-lint.json)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileError(_os_reason(exc, path)) from None
    try:
        return decode(data)
    except InputError as exc:
        raise FileError(str(exc)) from None


def _os_reason(exc: OSError, path: Path) -> str:
    import errno

    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if path.is_symlink() else "no such file"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.EACCES:
        return "permission denied"
    return exc.strerror or str(exc)


def write_atomic(path: Path, data: bytes, expected: bytes | None) -> None:
    """Replace the file's content with `data` if it still holds `expected`.

    Through a symbolic link the target is written. The file keeps its permissions.
    """
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise FileError(_os_reason(exc, path)) from None
    if info is not None and not os.access(target, os.W_OK):
        raise FileError("read-only file, not fixed")
    if expected is not None:
        try:
            current = target.read_bytes()
        except OSError as exc:
            raise FileError(_os_reason(exc, path)) from None
        if current != expected:
            raise FileError("changed on disk while it was being checked, not fixed")
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if info is not None:
            os.chmod(temp, stat.S_IMODE(info.st_mode))
        os.replace(temp, target)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise FileError(f"cannot write: {exc.strerror or exc}; the file is unchanged") from None
        raise

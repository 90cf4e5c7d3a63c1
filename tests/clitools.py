"""Running the command line in-process, as the CLI tests do; git with a fixed identity."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from awesome_lint.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`awesome-lint ARGS`: the exit code, standard output and standard error."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def git(cwd: Path, *args: str) -> str:
    """`git ARGS` in `cwd` with a committer identity (CI machines may have none): stdout."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()

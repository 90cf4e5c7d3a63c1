"""Running the command line in-process, as the CLI tests do."""

from __future__ import annotations

import pytest

from awesome_lint.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`awesome-lint ARGS`: the exit code, standard output and standard error."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err

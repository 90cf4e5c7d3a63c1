"""The pre-commit hooks, for real: pre-commit builds them from this checkout and runs them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clitools import git

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "awesome-medical-pretraining.md"
CLEAN = """# Papers

| Name | Title                      | Code                             |
| ---- | -------------------------- | -------------------------------- |
| SAM  | SAM: Anatomical embeddings | [Link](https://github.com/x/sam) |
"""
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout as a git repository of its own (uncommitted changes included)."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"):
        shutil.copyfile(ROOT / name, repo / name)
    shutil.copytree(ROOT / "schema", repo / "schema")
    shutil.copytree(
        ROOT / "src",
        repo / "src",
        symlinks=True,
        ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"),
    )
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hooks")
    return repo, git(repo, "rev-parse", "HEAD")


def _pre_commit(
    target: Path, hook_repo: tuple[Path, str], hook: str, home: Path
) -> subprocess.CompletedProcess[str]:
    repo, rev = hook_repo
    (target / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: {hook}\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=target,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def _list_repo(path: Path, readme: str) -> Path:
    path.mkdir()
    (path / "README.md").write_text(readme, encoding="utf-8")
    git(path, "init", "-q")
    git(path, "add", "-A")
    return path


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def test_the_check_hook_fails_a_broken_list_and_shows_why(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    target = _list_repo(tmp_path / "list", SEED.read_text(encoding="utf-8"))
    run = _pre_commit(target, hook_repo, "awesome-lint", home)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "README.md:4:1: table-format table is not formatted" in run.stdout
    assert "README.md:16:167: tracking-params" in run.stdout


def test_the_check_hook_passes_a_clean_list(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    target = _list_repo(tmp_path / "list", CLEAN)
    run = _pre_commit(target, hook_repo, "awesome-lint", home)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout


def test_the_fix_hook_rewrites_then_passes(
    tmp_path: Path, hook_repo: tuple[Path, str], home: Path
) -> None:
    original = SEED.read_text(encoding="utf-8")
    target = _list_repo(tmp_path / "list", original)
    first = _pre_commit(target, hook_repo, "awesome-lint-fix", home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    fixed = (target / "README.md").read_text(encoding="utf-8")
    assert fixed != original
    assert "| Name    | Title " in fixed
    second = _pre_commit(target, hook_repo, "awesome-lint-fix", home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert (target / "README.md").read_text(encoding="utf-8") == fixed


def test_try_repo_both_hooks_pass_a_clean_list_with_an_empty_file(
    tmp_path: Path, hook_repo: tuple[Path, str]
) -> None:
    """`pre-commit try-repo`, as a list's maintainer tries the hooks before adopting them:
    an empty Markdown file has no tables, so it blocks no commit; each hook is named for
    the command it runs."""
    repo, rev = hook_repo
    target = tmp_path / "list"
    target.mkdir()
    (target / "README.md").write_text(CLEAN, encoding="utf-8")
    (target / "NOTES.md").write_bytes(b"")
    git(target, "init", "-q")
    git(target, "add", "-A")
    env = {**os.environ, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(repo), "--ref", rev]
    run = subprocess.run(
        [*command, "--all-files", "--color", "never"],
        cwd=target,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "empty file" not in run.stdout
    passed = [line for line in run.stdout.splitlines() if line.endswith("Passed")]
    assert [line.split(".")[0].strip() for line in passed] == [
        "awesome-lint",
        "awesome-lint --fix-only",
    ]
    assert (target / "NOTES.md").read_bytes() == b""
